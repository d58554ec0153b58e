#include "consensus/weightedstrategy.h"

#include "consensus/effectiveweights.h"
#include "consensus/parameterreader.h"
#include "consensus/tiebreaker.h"
#include "consensus/trailtext.h"
#include "consensus/verdicts.h"
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
    p.minVotes = reader.integer(QStringLiteral("min_votes"), 1, 10000, p.minVotes);
    if (auto error = reader.finish())
        return *error;
    return p;
}

Parameters parametersOf(const QJsonObject &json)
{
    const auto parsed = parse(json);
    return parsed ? parsed.value() : Parameters {};
}

/// What decide() and explain() both derive from a round, by the same checks in the same order.
struct Analysis
{
    explicit Analysis(const Api::Round &round)
        : weights(round, true)
        , tally(weights.round())
    { }

    EffectiveWeights weights;
    VoteTally tally; ///< Of the effective weights.
    qsizetype winner = -1;
    QString reason; ///< Empty: decided.
};

Analysis analyse(const Parameters &p, const Api::Round &round)
{
    Analysis a(round);
    if (a.tally.validVotes() == 0 || a.tally.validVotes() < p.minVotes) {
        a.reason = QStringLiteral("too_few_votes");
        return a;
    }
    a.winner = a.tally.winner(p.tieBreak).value_or(-1);
    if (a.winner < 0)
        a.reason = QStringLiteral("tie");
    return a;
}

// "agent 1 'a' 2.197, agent 2 'b' 0": what each valid vote weighed.
QString voteWeights(const Api::Round &weighted)
{
    QStringList parts;
    for (const Api::Vote &vote : weighted.votes) {
        if (vote.status == Api::VoteStatus::Valid) {
            parts << QStringLiteral("agent %1 '%2' %3")
                         .arg(QString::number(vote.agentId.value), vote.normalizedAnswer,
                              TrailText::number(vote.weight));
        }
    }
    return parts.join(QStringLiteral(", "));
}

QString whyNot(const Analysis &a, const Parameters &p)
{
    if (a.reason == QLatin1StringView("too_few_votes"))
        return QStringLiteral("too few valid votes (%1, %2 needed)").arg(a.tally.validVotes()).arg(p.minVotes);
    if (a.reason == QLatin1StringView("tie")) {
        QStringList tied;
        for (qsizetype i : a.tally.leaders())
            tied << QString(QLatin1Char('\'') + a.tally.entries()[i].answer + QLatin1Char('\''));
        return QStringLiteral("%1 are tied at weight %2 and tie_break is none")
            .arg(tied.join(QStringLiteral(" and ")),
                 TrailText::number(a.tally.entries()[a.tally.leaders().front()].weight));
    }
    return QStringLiteral("the attempt was stopped (cancelled or timed out) before it could decide");
}

} // namespace

Api::Result<void> WeightedStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto parsed = parse(parameters);
    if (!parsed)
        return parsed.error();
    return {};
}

bool WeightedStrategy::usesReputation(const QJsonObject &parameters) const
{
    Q_UNUSED(parameters);
    return true;
}

Verdict WeightedStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    if (rounds.isEmpty())
        return Verdicts::noDecision(QStringLiteral("no_votes"));
    const Analysis a = analyse(parametersOf(parameters), rounds.constLast());
    if (!a.reason.isEmpty())
        return Verdicts::noDecision(a.reason);
    const VoteTally::Entry &won = a.tally.entries()[a.winner];
    return Verdicts::decided(rounds.constLast(), won.answer, won.weight / a.tally.totalWeight());
}

QString WeightedStrategy::explain(const Api::Decision &decision) const
{
    if (decision.rounds.isEmpty())
        return QStringLiteral("Weighted vote could not decide: no votes were cast.");
    const Parameters p = parametersOf(decision.strategy.parameters);
    const Api::Round &round = decision.rounds.constLast();
    const Analysis a = analyse(p, round);
    const QString votes = QString(TrailText::answers(a.tally) + TrailText::uncounted(round));
    const QString weights
        = QStringLiteral("Weights (%1): %2.").arg(a.weights.describe(), voteWeights(a.weights.round()));
    if (decision.outcome == DecisionOutcome::NoDecision) {
        return QStringLiteral("Weighted vote could not decide%1: %2. Votes: %3. %4")
            .arg(TrailText::roundNote(decision.rounds), whyNot(a, p), votes, weights);
    }
    const QString tie = a.tally.leaders().size() > 1
        ? QStringLiteral(" It was tied and broken by the '%1' rule.").arg(TieBreaker::name(p.tieBreak))
        : QString();
    return QStringLiteral("Weighted vote chose '%1'%2 with %3 of the valid weight of %4. Votes: %5; %6 dissenter(s). "
                          "%7%8")
        .arg(decision.answer, TrailText::roundNote(decision.rounds), TrailText::percent(decision.agreement),
             TrailText::number(a.tally.totalWeight()), votes, QString::number(decision.dissenters.size()), weights,
             tie);
}

} // namespace QwenSwarm::Engine
