#include "consensus/thresholdstrategy.h"

#include "consensus/effectiveweights.h"
#include "consensus/parameterreader.h"
#include "consensus/trailtext.h"
#include "consensus/verdicts.h"
#include "consensus/votetally.h"

namespace QwenSwarm::Engine {

using Api::DecisionOutcome;

namespace {

enum class OnFail
{
    NoDecision,
    Escalate,
    AnotherRound,
};

struct Parameters
{
    double threshold = 2.0 / 3.0;
    int quorum = 1;
    bool weighted = false;
    OnFail onFail = OnFail::NoDecision;
    int maxRounds = 3;
};

Api::Result<Parameters> parse(const QJsonObject &json)
{
    ParameterReader reader(json);
    Parameters p;
    p.threshold = reader.number(QStringLiteral("threshold"), 0.5, 1, p.threshold, true);
    p.quorum = reader.integer(QStringLiteral("quorum"), 1, 10000, p.quorum);
    p.weighted = reader.boolean(QStringLiteral("weighted"), p.weighted);
    const QStringList onFail {QStringLiteral("no_decision"), QStringLiteral("escalate"),
                              QStringLiteral("another_round")};
    p.onFail
        = static_cast<OnFail>(onFail.indexOf(reader.choice(QStringLiteral("on_fail"), onFail, onFail.constFirst())));
    p.maxRounds = reader.integer(QStringLiteral("max_rounds"), 1, 10, p.maxRounds);
    if (auto error = reader.finish())
        return *error;
    return p;
}

Parameters parametersOf(const QJsonObject &json)
{
    const auto parsed = parse(json);
    return parsed ? parsed.value() : Parameters {};
}

int roundsAllowed(const Parameters &p)
{
    return p.onFail == OnFail::AnotherRound ? p.maxRounds : 1;
}

/// What decide() and explain() both derive from a round, by the same checks in the same order.
struct Analysis
{
    Analysis(const Api::Round &round, bool weighted)
        : weights(round, weighted)
        , tally(weights.round())
    { }

    EffectiveWeights weights;
    VoteTally tally; ///< Of the effective weights: with weighted false, each entry's weight is its votes.
    qsizetype leader = -1;
    double share = 0;
    QString reason; ///< Empty: decided; else "quorum_not_met" or "below_threshold".
};

Analysis analyse(const Parameters &p, const Api::Round &round)
{
    Analysis a(round, p.weighted);
    if (a.tally.validVotes() == 0 || a.tally.validVotes() < p.quorum) {
        a.reason = QStringLiteral("quorum_not_met");
        return a;
    }
    a.leader = a.tally.leaders().front();
    a.share = a.tally.totalWeight() > 0 ? a.tally.entries()[a.leader].weight / a.tally.totalWeight() : 0;
    if (a.share < p.threshold - 1e-9)
        a.reason = QStringLiteral("below_threshold");
    return a;
}

QString unit(const Parameters &p)
{
    return p.weighted ? QStringLiteral("valid weight") : QStringLiteral("valid votes");
}

QString failure(const Analysis &a, const Parameters &p)
{
    if (a.reason == QLatin1StringView("quorum_not_met")) {
        return QStringLiteral("the quorum was not met (%1 valid, %2 needed)")
            .arg(TrailText::votes(a.tally.validVotes()))
            .arg(p.quorum);
    }
    if (a.reason == QLatin1StringView("below_threshold")) {
        return QStringLiteral("the leader '%1' has %2 of the %3, below the threshold of %4")
            .arg(a.tally.entries()[a.leader].answer, TrailText::percent(a.share), unit(p),
                 TrailText::percent(p.threshold));
    }
    return QStringLiteral("the attempt was stopped (cancelled or timed out) before it could decide");
}

// What on_fail made of a failure; nothing for an attempt stopped before it could fail.
QString consequence(const Parameters &p, int roundsRun, bool failed)
{
    if (!failed)
        return QString();
    switch (p.onFail) {
    case OnFail::NoDecision:
        return QString();
    case OnFail::Escalate:
        return QStringLiteral("; it was escalated to an operator");
    case OnFail::AnotherRound:
        if (roundsRun < p.maxRounds)
            return QStringLiteral("; another round was asked for (%1 of at most %2 run)")
                .arg(roundsRun)
                .arg(p.maxRounds);
        return QStringLiteral("; no round was left (%1 of at most %2 run)").arg(roundsRun).arg(p.maxRounds);
    }
    return QString();
}

} // namespace

Api::Result<void> ThresholdStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto parsed = parse(parameters);
    if (!parsed)
        return parsed.error();
    return {};
}

int ThresholdStrategy::maxRounds(const QJsonObject &parameters) const
{
    return roundsAllowed(parametersOf(parameters));
}

bool ThresholdStrategy::usesReputation(const QJsonObject &parameters) const
{
    return parametersOf(parameters).weighted;
}

Verdict ThresholdStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    if (rounds.isEmpty())
        return Verdicts::noDecision(QStringLiteral("no_votes"));
    const Parameters p = parametersOf(parameters);
    const Analysis a = analyse(p, rounds.constLast());
    if (a.reason.isEmpty())
        return Verdicts::decided(rounds.constLast(), a.tally.entries()[a.leader].answer, a.share);
    Verdict verdict = Verdicts::noDecision(a.reason);
    if (p.onFail == OnFail::Escalate) {
        verdict.reason = QStringLiteral("escalated");
        verdict.escalate = true;
    } else if (p.onFail == OnFail::AnotherRound) {
        verdict.anotherRound = rounds.size() < p.maxRounds;
    }
    return verdict;
}

QString ThresholdStrategy::explain(const Api::Decision &decision) const
{
    if (decision.rounds.isEmpty())
        return QStringLiteral("Threshold could not decide: no votes were cast.");
    const Parameters p = parametersOf(decision.strategy.parameters);
    const Api::Round &round = decision.rounds.constLast();
    const Analysis a = analyse(p, round);
    const QString votes = QString(TrailText::answers(a.tally) + TrailText::uncounted(round));
    const QString rule = QStringLiteral("threshold %1 of the %2, quorum %3; %4")
                             .arg(TrailText::percent(p.threshold), unit(p))
                             .arg(p.quorum)
                             .arg(a.weights.describe());
    const int roundsRun = static_cast<int>(decision.rounds.size());
    if (decision.outcome == DecisionOutcome::NoDecision) {
        return QStringLiteral("Threshold could not decide%1: %2%3. Votes: %4 (%5).")
            .arg(TrailText::roundNote(decision.rounds), failure(a, p), consequence(p, roundsRun, !a.reason.isEmpty()),
                 votes, rule);
    }
    const QString text = QStringLiteral("Threshold chose '%1'%2 with %3 of the %4, reaching the threshold of %5 with "
                                        "%6 valid (quorum %7). Votes: %8; %9 dissenter(s).")
                             .arg(decision.answer, TrailText::roundNote(decision.rounds), TrailText::percent(a.share),
                                  unit(p), TrailText::percent(p.threshold), TrailText::votes(a.tally.validVotes()),
                                  QString::number(p.quorum), votes, QString::number(decision.dissenters.size()));
    return p.weighted ? QString(text + QStringLiteral(" Weights: ") + a.weights.describe() + QLatin1Char('.')) : text;
}

} // namespace QwenSwarm::Engine
