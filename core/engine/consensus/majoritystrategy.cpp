#include "consensus/majoritystrategy.h"

#include "consensus/parameterreader.h"
#include "consensus/trailtext.h"
#include "consensus/verdicts.h"
#include "consensus/votetally.h"

namespace QwenSwarm::Engine {

using Api::DecisionOutcome;

namespace {

struct Parameters
{
    int minVotes = 1;
};

Api::Result<Parameters> parse(const QJsonObject &json)
{
    ParameterReader reader(json);
    Parameters p;
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
        : tally(round)
    { }

    VoteTally tally;
    qsizetype leader = -1; ///< The entry with the most weight (the first of several tied).
    double share = 0; ///< The leader's share of the valid weight.
    QString reason; ///< Empty: decided.
};

Analysis analyse(const Parameters &p, const Api::Round &round)
{
    Analysis a(round);
    const VoteTally &tally = a.tally;
    if (tally.validVotes() == 0 || tally.validVotes() < p.minVotes) {
        a.reason = QStringLiteral("too_few_votes");
        return a;
    }
    const auto leaders = tally.leaders();
    a.leader = leaders.front();
    const double weight = tally.entries()[a.leader].weight;
    a.share = tally.totalWeight() > 0 ? weight / tally.totalWeight() : 0;
    // Strictly more than half; the tolerance keeps 0.1 + 0.2 against 0.3 an exact half.
    if (leaders.size() > 1 || !(weight - tally.totalWeight() / 2 > 1e-9 * std::max(1.0, tally.totalWeight())))
        a.reason = QStringLiteral("no_majority");
    return a;
}

QString whyNot(const Analysis &a, const Parameters &p)
{
    const VoteTally &tally = a.tally;
    if (a.reason == QLatin1StringView("too_few_votes"))
        return QStringLiteral("too few valid votes (%1, %2 needed)").arg(tally.validVotes()).arg(p.minVotes);
    if (a.reason == QLatin1StringView("no_majority")) {
        const VoteTally::Entry &lead = tally.entries()[a.leader];
        const bool tied = tally.leaders().size() > 1;
        return QStringLiteral("no answer has more than half of the valid weight of %1; %2 '%3' has %4 (%5)")
            .arg(TrailText::number(tally.totalWeight()),
                 tied ? QStringLiteral("the tied leader") : QStringLiteral("the leader"), lead.answer,
                 TrailText::number(lead.weight), TrailText::percent(a.share));
    }
    return QStringLiteral("the attempt was stopped (cancelled or timed out) before it could decide");
}

} // namespace

Api::Result<void> MajorityStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto parsed = parse(parameters);
    if (!parsed)
        return parsed.error();
    return {};
}

Verdict MajorityStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    if (rounds.isEmpty())
        return Verdicts::noDecision(QStringLiteral("no_votes"));
    const Analysis a = analyse(parametersOf(parameters), rounds.constLast());
    if (!a.reason.isEmpty())
        return Verdicts::noDecision(a.reason);
    return Verdicts::decided(rounds.constLast(), a.tally.entries()[a.leader].answer, a.share);
}

QString MajorityStrategy::explain(const Api::Decision &decision) const
{
    if (decision.rounds.isEmpty())
        return QStringLiteral("Majority could not decide: no votes were cast.");
    const Parameters p = parametersOf(decision.strategy.parameters);
    const Api::Round &round = decision.rounds.constLast();
    const Analysis a = analyse(p, round);
    const QString votes = QString(TrailText::answers(a.tally) + TrailText::uncounted(round));
    if (decision.outcome == DecisionOutcome::NoDecision) {
        return QStringLiteral("Majority could not decide%1: %2. Votes: %3.")
            .arg(TrailText::roundNote(decision.rounds), whyNot(a, p), votes);
    }
    return QStringLiteral("Majority chose '%1'%2 with %3 of the valid weight of %4 (%5), more than the half "
                          "needed. Votes: %6; %7 dissenter(s).")
        .arg(decision.answer, TrailText::roundNote(decision.rounds), TrailText::number(a.share * a.tally.totalWeight()),
             TrailText::number(a.tally.totalWeight()), TrailText::percent(a.share), votes)
        .arg(decision.dissenters.size());
}

} // namespace QwenSwarm::Engine
