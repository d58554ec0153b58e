#include "consensus/bordastrategy.h"

#include "consensus/effectiveweights.h"
#include "consensus/parameterreader.h"
#include "consensus/tiebreaker.h"
#include "consensus/trailtext.h"
#include "consensus/verdicts.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace QwenSwarm::Engine {

using Api::DecisionOutcome;

namespace {

struct Parameters
{
    bool weighted = false;
    VoteTally::TieBreak tieBreak = VoteTally::TieBreak::None;
    int minVotes = 1;
};

Api::Result<Parameters> parse(const QJsonObject &json)
{
    ParameterReader reader(json);
    Parameters p;
    p.weighted = reader.boolean(QStringLiteral("weighted"), p.weighted);
    p.tieBreak = VoteTally::tieBreakFromName(reader.choice(QStringLiteral("tie_break"),
                                                           {QStringLiteral("none"), QStringLiteral("lexicographic")},
                                                           QStringLiteral("none")));
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

/// A valid vote's ranking, best first; a candidate listed twice counts at its first place.
QStringList rankingOf(const Api::Vote &vote)
{
    QStringList ranking;
    for (const QString &item : vote.normalizedAnswer.split(QLatin1Char('>'), Qt::SkipEmptyParts)) {
        if (!ranking.contains(item))
            ranking << item;
    }
    return ranking;
}

/// What decide() and explain() both derive from a round, by the same checks in the same order.
struct Analysis
{
    Analysis(const Api::Round &round, bool weighted)
        : weights(round, weighted)
    { }

    EffectiveWeights weights;
    int validVotes = 0;
    QStringList candidates; ///< In the order they were first seen.
    QList<double> points; ///< Per candidate.
    double maxPoints = 0; ///< (m-1) times the counted weight.
    QList<qsizetype> leaders;
    qsizetype winner = -1;
    QString reason; ///< Empty: decided.
};

void count(Analysis &a)
{
    QList<QStringList> rankings;
    for (const Api::Vote &vote : a.weights.round().votes) {
        rankings << (vote.status == Api::VoteStatus::Valid ? rankingOf(vote) : QStringList());
        for (const QString &candidate : rankings.constLast()) {
            if (!a.candidates.contains(candidate))
                a.candidates << candidate;
        }
        a.validVotes += vote.status == Api::VoteStatus::Valid ? 1 : 0;
    }
    const qsizetype m = a.candidates.size();
    a.points = QList<double>(m, 0.0);
    for (qsizetype v = 0; v < rankings.size(); ++v) {
        const double weight = a.weights.round().votes[v].weight;
        for (qsizetype i = 0; i < rankings[v].size(); ++i)
            a.points[a.candidates.indexOf(rankings[v][i])] += static_cast<double>(m - 1 - i) * weight;
    }
    a.maxPoints = static_cast<double>(std::max<qsizetype>(m - 1, 0)) * a.weights.total();
    const double best = m > 0 ? *std::max_element(a.points.cbegin(), a.points.cend()) : 0;
    for (qsizetype c = 0; c < m; ++c) {
        if (std::abs(a.points[c] - best) <= 1e-9 * std::max(1.0, best))
            a.leaders << c;
    }
}

Analysis analyse(const Parameters &p, const Api::Round &round)
{
    Analysis a(round, p.weighted);
    count(a);
    if (a.validVotes == 0 || a.validVotes < p.minVotes) {
        a.reason = QStringLiteral("too_few_votes");
        return a;
    }
    a.winner = TieBreaker::pick(p.tieBreak, a.leaders, a.candidates);
    if (a.winner < 0)
        a.reason = QStringLiteral("tie");
    return a;
}

double agreementOf(const Analysis &a)
{
    return a.maxPoints > 0 ? a.points[a.winner] / a.maxPoints : 1.0;
}

QString totals(const Analysis &a)
{
    if (a.candidates.isEmpty())
        return QStringLiteral("no valid rankings");
    QList<qsizetype> order(a.candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&a](qsizetype x, qsizetype y) { return a.points[x] > a.points[y]; });
    QStringList parts;
    for (qsizetype c : order)
        parts << QStringLiteral("'%1' %2").arg(a.candidates[c], TrailText::number(a.points[c]));
    return parts.join(QStringLiteral(", "));
}

QString whyNot(const Analysis &a, const Parameters &p)
{
    if (a.reason == QLatin1StringView("too_few_votes"))
        return QStringLiteral("too few valid rankings (%1, %2 needed)").arg(a.validVotes).arg(p.minVotes);
    if (a.reason == QLatin1StringView("tie")) {
        QStringList tied;
        for (qsizetype c : a.leaders)
            tied << QString(QLatin1Char('\'') + a.candidates[c] + QLatin1Char('\''));
        return QStringLiteral("%1 are tied at %2 points and tie_break is none")
            .arg(tied.join(QStringLiteral(" and ")), TrailText::number(a.points[a.leaders.front()]));
    }
    return QStringLiteral("the attempt was stopped (cancelled or timed out) before it could decide");
}

} // namespace

Api::Result<void> BordaStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto parsed = parse(parameters);
    if (!parsed)
        return parsed.error();
    return {};
}

bool BordaStrategy::usesReputation(const QJsonObject &parameters) const
{
    return parametersOf(parameters).weighted;
}

Verdict BordaStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    if (rounds.isEmpty())
        return Verdicts::noDecision(QStringLiteral("no_votes"));
    const Api::Round &round = rounds.constLast();
    const Analysis a = analyse(parametersOf(parameters), round);
    if (!a.reason.isEmpty())
        return Verdicts::noDecision(a.reason);
    Verdict verdict = Verdicts::decided({}, a.candidates[a.winner], agreementOf(a));
    for (const Api::Vote &vote : round.votes) {
        if (vote.status == Api::VoteStatus::Valid && rankingOf(vote).value(0) != verdict.answer)
            verdict.dissenters.append(vote.agentId);
    }
    return verdict;
}

QString BordaStrategy::explain(const Api::Decision &decision) const
{
    if (decision.rounds.isEmpty())
        return QStringLiteral("Borda count could not decide: no votes were cast.");
    const Parameters p = parametersOf(decision.strategy.parameters);
    const Api::Round &round = decision.rounds.constLast();
    const Analysis a = analyse(p, round);
    const qsizetype m = a.candidates.size();
    const QString rule = QStringLiteral("%1 candidate(s), so a ranking gives its first %2 point(s), each next one "
                                        "less; %3")
                             .arg(m)
                             .arg(std::max<qsizetype>(m - 1, 0))
                             .arg(a.weights.describe());
    const QString points = QStringLiteral("%1 (%2)%3").arg(totals(a), rule, TrailText::uncounted(round));
    if (decision.outcome == DecisionOutcome::NoDecision) {
        return QStringLiteral("Borda count could not decide%1: %2. Points: %3.")
            .arg(TrailText::roundNote(decision.rounds), whyNot(a, p), points);
    }
    const QString tie = a.leaders.size() > 1
        ? QStringLiteral(" It was tied and broken by the '%1' rule.").arg(TieBreaker::name(p.tieBreak))
        : QString();
    return QStringLiteral("Borda count chose '%1'%2 with %3 of %4 possible points (%5). Points: %6; %7 "
                          "ranking(s) put another candidate first.%8")
        .arg(decision.answer, TrailText::roundNote(decision.rounds),
             TrailText::number(a.winner >= 0 ? a.points[a.winner] : 0), TrailText::number(a.maxPoints),
             TrailText::percent(decision.agreement), points, QString::number(decision.dissenters.size()), tie);
}

} // namespace QwenSwarm::Engine
