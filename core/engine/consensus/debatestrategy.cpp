#include "consensus/debatestrategy.h"

#include "consensus/parameterreader.h"
#include "consensus/votetally.h"

namespace QwenSwarm::Engine {

namespace {

struct Parameters
{
    int maxRounds = 3;
    double stopAgreement = 1.0;
    VoteTally::TieBreak tieBreak = VoteTally::TieBreak::None;
};

Api::Result<Parameters> parse(const QJsonObject &json)
{
    ParameterReader reader(json);
    Parameters p;
    p.maxRounds = reader.integer(QStringLiteral("max_rounds"), 1, 10, 3);
    p.stopAgreement = reader.number(QStringLiteral("stop_agreement"), 0, 1, 1.0, true);
    p.tieBreak = VoteTally::tieBreakFromName(
        reader.choice(QStringLiteral("tie_break"), VoteTally::tieBreakNames(), QStringLiteral("none")));
    if (auto error = reader.finish())
        return *error;
    return p;
}

Parameters parsed(const QJsonObject &json)
{
    const auto p = parse(json);
    return p ? p.value() : Parameters {};
}

// The agreement of a round: weight of its leading answer over the valid weight (0 without votes).
double agreementOf(const Api::Round &round)
{
    const VoteTally tally(round);
    const auto leaders = tally.leaders();
    return leaders.isEmpty() ? 0 : tally.agreement(leaders.front());
}

} // namespace

Api::Result<void> DebateStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto p = parse(parameters);
    if (!p)
        return p.error();
    return {};
}

int DebateStrategy::maxRounds(const QJsonObject &parameters) const
{
    return parsed(parameters).maxRounds;
}

RoundSpec DebateStrategy::roundSpec(const QJsonObject &parameters, int index) const
{
    Q_UNUSED(parameters);
    return RoundSpec {RoundSpec::Audience::All, index > 0};
}

Verdict DebateStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    Verdict verdict;
    if (rounds.isEmpty()) {
        verdict.reason = QStringLiteral("no_votes");
        return verdict;
    }
    const Parameters p = parsed(parameters);
    const Api::Round &round = rounds.constLast();
    const VoteTally tally(round);
    const bool settled = tally.validVotes() > 0 && agreementOf(round) + 1e-12 >= p.stopAgreement;
    if (!settled && rounds.size() < p.maxRounds) {
        verdict.anotherRound = true;
        verdict.reason = QStringLiteral("debating");
        return verdict;
    }
    const std::optional<qsizetype> winner = tally.winner(p.tieBreak);
    if (!winner) {
        verdict.reason = tally.validVotes() == 0 ? QStringLiteral("too_few_votes") : QStringLiteral("tie");
        return verdict;
    }
    const VoteTally::Entry &won = tally.entries()[*winner];
    verdict.outcome = Api::DecisionOutcome::Decided;
    verdict.answer = won.answer;
    verdict.agreement = tally.agreement(*winner);
    for (const Api::Vote &vote : round.votes) {
        if (vote.status == Api::VoteStatus::Valid && vote.normalizedAnswer != won.answer)
            verdict.dissenters.append(vote.agentId);
    }
    return verdict;
}

QString DebateStrategy::explain(const Api::Decision &decision) const
{
    if (decision.rounds.isEmpty())
        return QStringLiteral("No votes were cast.");
    const Parameters p = parsed(decision.strategy.parameters);
    QStringList progress;
    for (const Api::Round &round : decision.rounds)
        progress << QStringLiteral("%1%").arg(agreementOf(round) * 100, 0, 'f', 0);
    const int used = static_cast<int>(decision.rounds.size());
    const QString rounds = QStringLiteral("Agreement by round: %1.").arg(progress.join(QStringLiteral(" → ")));
    const QString stop = used < p.maxRounds
        ? QStringLiteral(" The debate stopped after %1 of %2 rounds, once agreement reached %3%.")
              .arg(used)
              .arg(p.maxRounds)
              .arg(p.stopAgreement * 100, 0, 'f', 0)
        : QStringLiteral(" The debate ran all %1 rounds.").arg(p.maxRounds);
    if (decision.outcome == Api::DecisionOutcome::NoDecision)
        return QStringLiteral("The debate could not decide.") + stop + QLatin1Char(' ') + rounds;
    return QStringLiteral("The debate settled on '%1' with %2% of the final round's valid weight; %3 dissenter(s).")
               .arg(decision.answer)
               .arg(decision.agreement * 100, 0, 'f', 1)
               .arg(decision.dissenters.size())
        + stop + QLatin1Char(' ') + rounds;
}

} // namespace QwenSwarm::Engine
