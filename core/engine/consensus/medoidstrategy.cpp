#include "consensus/medoidstrategy.h"

#include "consensus/parameterreader.h"
#include "consensus/tiebreaker.h"
#include "consensus/trailtext.h"
#include "consensus/verdicts.h"
#include "consensus/votetally.h"

#include <algorithm>

namespace QwenSwarm::Engine {

using Api::DecisionOutcome;

namespace {

struct Parameters
{
    double minSimilarity = 0.5;
    VoteTally::TieBreak tieBreak = VoteTally::TieBreak::None;
    int minVotes = 1;
};

Api::Result<Parameters> parse(const QJsonObject &json)
{
    ParameterReader reader(json);
    Parameters p;
    p.minSimilarity = reader.number(QStringLiteral("min_similarity"), 0, 1, p.minSimilarity);
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

/// The distinct case-folded word tokens of `text`, sorted.
QStringList tokensOf(const QString &text)
{
    QStringList tokens;
    QString token;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            token += c;
        } else if (!token.isEmpty()) {
            tokens << token.toCaseFolded();
            token.clear();
        }
    }
    if (!token.isEmpty())
        tokens << token.toCaseFolded();
    tokens.sort();
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    return tokens;
}

double jaccard(const QStringList &a, const QStringList &b)
{
    QStringList common;
    std::set_intersection(a.cbegin(), a.cend(), b.cbegin(), b.cend(), std::back_inserter(common));
    const qsizetype all = a.size() + b.size() - common.size();
    return all > 0 ? static_cast<double>(common.size()) / static_cast<double>(all) : 0.0;
}

/// What decide() and explain() both derive from a round, by the same checks in the same order.
struct Analysis
{
    explicit Analysis(const Api::Round &round)
        : tally(round)
    { }

    VoteTally tally; ///< The distinct valid answers, in the order first given.
    QList<double> scores; ///< Per distinct answer: the sum of its similarities to the other valid votes.
    QList<qsizetype> leaders;
    qsizetype medoid = -1;
    QList<double> toMedoid; ///< Per distinct answer: its similarity to the medoid.
    QString reason; ///< Empty: decided.
};

void score(Analysis &a)
{
    const auto &entries = a.tally.entries();
    QList<QStringList> tokens;
    for (const VoteTally::Entry &e : entries)
        tokens << tokensOf(e.answer);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        double sum = entries[i].votes - 1;
        for (qsizetype j = 0; j < entries.size(); ++j) {
            if (j != i)
                sum += entries[j].votes * jaccard(tokens[i], tokens[j]);
        }
        a.scores << sum;
    }
    const double best = a.scores.isEmpty() ? 0 : *std::max_element(a.scores.cbegin(), a.scores.cend());
    for (qsizetype i = 0; i < a.scores.size(); ++i) {
        if (best - a.scores[i] <= 1e-9)
            a.leaders << i;
    }
}

Analysis analyse(const Parameters &p, const Api::Round &round)
{
    Analysis a(round);
    if (a.tally.validVotes() == 0 || a.tally.validVotes() < p.minVotes) {
        a.reason = QStringLiteral("too_few_votes");
        return a;
    }
    score(a);
    QStringList answers;
    for (const VoteTally::Entry &e : a.tally.entries())
        answers << e.answer;
    a.medoid = TieBreaker::pick(p.tieBreak, a.leaders, answers);
    if (a.medoid < 0) {
        a.reason = QStringLiteral("tie");
        return a;
    }
    for (const QString &answer : answers)
        a.toMedoid << MedoidStrategy::similarity(answers[a.medoid], answer);
    return a;
}

double agreementOf(const Analysis &a)
{
    const int others = a.tally.validVotes() - 1;
    return others > 0 ? a.scores[a.medoid] / others : 1.0;
}

/// "'a' 0.75, 'b' 0.5": each distinct answer's mean similarity to the other valid votes.
QString meanSimilarities(const Analysis &a)
{
    const int others = std::max(a.tally.validVotes() - 1, 1);
    QStringList parts;
    for (qsizetype i = 0; i < a.scores.size(); ++i)
        parts << QStringLiteral("'%1' %2").arg(a.tally.entries()[i].answer, TrailText::number(a.scores[i] / others));
    return parts.join(QStringLiteral(", "));
}

QString whyNot(const Analysis &a, const Parameters &p)
{
    if (a.reason == QLatin1StringView("too_few_votes"))
        return QStringLiteral("too few valid votes (%1, %2 needed)").arg(a.tally.validVotes()).arg(p.minVotes);
    if (a.reason == QLatin1StringView("tie")) {
        return QStringLiteral("%1 distinct answers are equally similar to the others and tie_break is none")
            .arg(a.leaders.size());
    }
    return QStringLiteral("the attempt was stopped (cancelled or timed out) before it could decide");
}

} // namespace

double MedoidStrategy::similarity(const QString &a, const QString &b)
{
    const QStringList ta = tokensOf(a);
    const QStringList tb = tokensOf(b);
    if (ta.isEmpty() && tb.isEmpty())
        return a == b ? 1.0 : 0.0;
    return jaccard(ta, tb);
}

Api::Result<void> MedoidStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto parsed = parse(parameters);
    if (!parsed)
        return parsed.error();
    return {};
}

Verdict MedoidStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    if (rounds.isEmpty())
        return Verdicts::noDecision(QStringLiteral("no_votes"));
    const Parameters p = parametersOf(parameters);
    const Api::Round &round = rounds.constLast();
    const Analysis a = analyse(p, round);
    if (!a.reason.isEmpty())
        return Verdicts::noDecision(a.reason);
    Verdict verdict = Verdicts::decided({}, a.tally.entries()[a.medoid].answer, agreementOf(a));
    for (const Api::Vote &vote : round.votes) {
        if (vote.status != Api::VoteStatus::Valid)
            continue;
        const auto entry
            = std::find_if(a.tally.entries().cbegin(), a.tally.entries().cend(),
                           [&vote](const VoteTally::Entry &e) { return e.answer == vote.normalizedAnswer; });
        if (a.toMedoid[entry - a.tally.entries().cbegin()] < p.minSimilarity - 1e-9)
            verdict.dissenters.append(vote.agentId);
    }
    return verdict;
}

QString MedoidStrategy::explain(const Api::Decision &decision) const
{
    if (decision.rounds.isEmpty())
        return QStringLiteral("Similarity medoid could not decide: no votes were cast.");
    const Parameters p = parametersOf(decision.strategy.parameters);
    const Api::Round &round = decision.rounds.constLast();
    const Analysis a = analyse(p, round);
    const QString similarities = QString(meanSimilarities(a) + TrailText::uncounted(round));
    if (decision.outcome == DecisionOutcome::NoDecision) {
        return QStringLiteral("Similarity medoid could not decide%1: %2. Mean word-set (Jaccard) similarity of "
                              "each answer to the other valid votes: %3.")
            .arg(TrailText::roundNote(decision.rounds), whyNot(a, p),
                 similarities.isEmpty() ? QStringLiteral("none") : similarities);
    }
    return QStringLiteral("Similarity medoid chose '%1'%2: its mean word-set (Jaccard) similarity to the other %3 "
                          "valid vote(s) is %4, the highest. Each answer: %5. Dissenters (similarity below %6): %7.")
        .arg(decision.answer, TrailText::roundNote(decision.rounds), QString::number(a.tally.validVotes() - 1),
             TrailText::number(decision.agreement), similarities, TrailText::number(p.minSimilarity),
             TrailText::agents(decision.dissenters));
}

} // namespace QwenSwarm::Engine
