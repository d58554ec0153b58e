#include "consensus/pluralitystrategy.h"

#include "consensus/parameterreader.h"
#include "consensus/votetally.h"

namespace QwenSwarm::Engine {

using Api::DecisionOutcome;

namespace {

struct Parameters
{
    VoteTally::TieBreak tieBreak = VoteTally::TieBreak::None;
    int minVotes = 1;
};

Api::Result<Parameters> parse(const QJsonObject &json)
{
    ParameterReader reader(json);
    Parameters p;
    p.tieBreak = VoteTally::tieBreakFromName(
        reader.choice(QStringLiteral("tie_break"), VoteTally::tieBreakNames(), QStringLiteral("none")));
    p.minVotes = reader.integer(QStringLiteral("min_votes"), 1, 10000, 1);
    if (auto error = reader.finish())
        return *error;
    return p;
}

} // namespace

Api::Result<void> PluralityStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto parsed = parse(parameters);
    if (!parsed)
        return parsed.error();
    return {};
}

Verdict PluralityStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    Verdict verdict;
    if (rounds.isEmpty()) {
        verdict.reason = QStringLiteral("no_votes");
        return verdict;
    }
    const Parameters p = parse(parameters).value();
    const Api::Round &round = rounds.constLast();
    const VoteTally tally(round);
    if (tally.validVotes() < p.minVotes || tally.validVotes() == 0) {
        verdict.reason = QStringLiteral("too_few_votes");
        return verdict;
    }
    const std::optional<qsizetype> winner = tally.winner(p.tieBreak);
    if (!winner) {
        verdict.reason = QStringLiteral("tie");
        return verdict;
    }
    const VoteTally::Entry &won = tally.entries()[*winner];
    verdict.outcome = DecisionOutcome::Decided;
    verdict.answer = won.answer;
    verdict.agreement = tally.totalWeight() > 0 ? won.weight / tally.totalWeight() : 0;
    for (const Api::Vote &vote : round.votes) {
        if (vote.status == Api::VoteStatus::Valid && vote.normalizedAnswer != won.answer)
            verdict.dissenters.append(vote.agentId);
    }
    return verdict;
}

QString PluralityStrategy::explain(const Api::Decision &decision) const
{
    if (decision.rounds.isEmpty())
        return QStringLiteral("No votes were cast.");
    const VoteTally tally(decision.rounds.constLast());
    QStringList counts;
    for (const VoteTally::Entry &e : tally.entries())
        counts << QStringLiteral("'%1' %2 (weight %3)").arg(e.answer).arg(e.votes).arg(e.weight, 0, 'g', 4);
    const QString votes = counts.isEmpty() ? QStringLiteral("no valid votes") : counts.join(QStringLiteral(", "));
    const QString uncounted = tally.uncountedVotes() > 0
        ? QStringLiteral("; %1 vote(s) not counted (abstained, malformed, failed or timed out)")
              .arg(tally.uncountedVotes())
        : QString();
    if (decision.outcome == DecisionOutcome::NoDecision) {
        // The same checks, in the same order, as decide().
        const auto parameters = parse(decision.strategy.parameters);
        const int minVotes = parameters ? parameters->minVotes : 1;
        const bool tooFew = tally.validVotes() == 0 || tally.validVotes() < minVotes;
        const QString why = tooFew
            ? QStringLiteral("too few valid votes (%1, %2 needed)").arg(tally.validVotes()).arg(std::max(minVotes, 1))
            : tally.leaders().size() > 1
            ? QStringLiteral("the leading answers are tied")
            : QStringLiteral("the attempt was cancelled or timed out before it could decide");
        return QStringLiteral("Plurality could not decide: %1. Votes: %2%3.").arg(why, votes, uncounted);
    }
    const QString tie = tally.leaders().size() > 1
        ? QStringLiteral(" It was tied and broken by the '%1' rule.")
              .arg(decision.strategy.parameters.value(QLatin1StringView("tie_break")).toString())
        : QString();
    return QStringLiteral("Plurality chose '%1' with %2% of the valid weight. Votes: %3%4; %5 dissenter(s).%6")
        .arg(decision.answer)
        .arg(decision.agreement * 100, 0, 'f', 1)
        .arg(votes, uncounted)
        .arg(decision.dissenters.size())
        .arg(tie);
}

} // namespace QwenSwarm::Engine
