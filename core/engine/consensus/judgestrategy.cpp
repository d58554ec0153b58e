#include "consensus/judgestrategy.h"

#include "consensus/parameterreader.h"
#include "consensus/votetally.h"

namespace QwenSwarm::Engine {

namespace {

struct Parameters
{
    int layers = 0;
    VoteTally::TieBreak tieBreak = VoteTally::TieBreak::None;
};

Api::Result<Parameters> parse(const QJsonObject &json)
{
    ParameterReader reader(json);
    Parameters p;
    p.layers = reader.integer(QStringLiteral("layers"), 0, 5, 0);
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

} // namespace

Api::Result<void> JudgeStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto p = parse(parameters);
    if (!p)
        return p.error();
    return {};
}

int JudgeStrategy::maxRounds(const QJsonObject &parameters) const
{
    return parsed(parameters).layers + 2;
}

RoundSpec JudgeStrategy::roundSpec(const QJsonObject &parameters, int index) const
{
    const int judgeRound = parsed(parameters).layers + 1;
    if (index == judgeRound)
        return RoundSpec {RoundSpec::Audience::Judges, true};
    return RoundSpec {RoundSpec::Audience::Proposers, index > 0};
}

Verdict JudgeStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    const Parameters p = parsed(parameters);
    Verdict verdict;
    if (rounds.size() < p.layers + 2) {
        verdict.anotherRound = true;
        verdict.reason = QStringLiteral("proposing");
        return verdict;
    }
    const VoteTally judges(rounds.constLast());
    const std::optional<qsizetype> winner = judges.winner(p.tieBreak);
    if (!winner) {
        verdict.reason = judges.validVotes() == 0 ? QStringLiteral("no_judge") : QStringLiteral("tie");
        return verdict;
    }
    verdict.outcome = Api::DecisionOutcome::Decided;
    verdict.answer = judges.entries()[*winner].answer;
    const Api::Round &proposals = rounds.at(rounds.size() - 2);
    const VoteTally proposed(proposals);
    for (qsizetype i = 0; i < proposed.entries().size(); ++i) {
        if (proposed.entries()[i].answer == verdict.answer)
            verdict.agreement = proposed.agreement(i);
    }
    for (const Api::Vote &vote : proposals.votes) {
        if (vote.status == Api::VoteStatus::Valid && vote.normalizedAnswer != verdict.answer)
            verdict.dissenters.append(vote.agentId);
    }
    return verdict;
}

QString JudgeStrategy::explain(const Api::Decision &decision) const
{
    const Parameters p = parsed(decision.strategy.parameters);
    if (decision.rounds.size() < p.layers + 2)
        return QStringLiteral("The attempt ended before the judges answered.");
    const VoteTally proposed(decision.rounds.at(decision.rounds.size() - 2));
    QStringList proposals;
    for (const VoteTally::Entry &e : proposed.entries())
        proposals << QStringLiteral("'%1' ×%2").arg(e.answer).arg(e.votes);
    const QString refined = p.layers > 0 ? QStringLiteral(" after %1 round(s) of refinement").arg(p.layers) : QString();
    const QString seen
        = QStringLiteral("The proposers offered %1%2.")
              .arg(proposals.isEmpty() ? QStringLiteral("nothing valid") : proposals.join(QStringLiteral(", ")),
                   refined);
    if (decision.outcome == Api::DecisionOutcome::NoDecision)
        return seen + QStringLiteral(" No judge gave a usable answer, so nothing was decided.");
    const VoteTally judges(decision.rounds.constLast());
    return seen
        + QStringLiteral(" %1 judge(s) answered; they chose '%2', which %3% of the final proposals shared.")
              .arg(judges.validVotes())
              .arg(decision.answer)
              .arg(decision.agreement * 100, 0, 'f', 0);
}

} // namespace QwenSwarm::Engine
