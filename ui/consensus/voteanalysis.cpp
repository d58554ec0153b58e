#include "consensus/voteanalysis.h"

#include <QCoreApplication>

#include <algorithm>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

bool is(const Decision &d, const char *name)
{
    return d.strategy.name == QLatin1StringView(name);
}

} // namespace

bool VoteAnalysis::RoundTally::topTied() const
{
    return answers.size() > 1 && answers.at(0).weight > 0 && qFuzzyCompare(answers.at(0).weight, answers.at(1).weight);
}

bool VoteAnalysis::isWeighted(const Decision &decision)
{
    return is(decision, "weighted") || is(decision, "debate")
        || decision.strategy.parameters.value(QStringLiteral("weighted")).toBool();
}

VoteAnalysis::RoundTally VoteAnalysis::tally(const Round &round, bool weighted)
{
    RoundTally t;
    t.index = round.index;
    bool anyPositive = false;
    for (const Vote &v : round.votes)
        anyPositive = anyPositive || (v.status == VoteStatus::Valid && v.weight > 0);
    for (const Vote &v : round.votes) {
        if (v.status != VoteStatus::Valid) {
            t.uncounted.append(&v);
            continue;
        }
        // A weighted vote of 0 or less adds nothing, unless no vote has weight yet (then all count 1).
        const double w = !weighted || !anyPositive ? 1.0 : std::max(v.weight, 0.0);
        auto it = std::find_if(t.answers.begin(), t.answers.end(),
                               [&v](const AnswerTally &a) { return a.answer == v.normalizedAnswer; });
        if (it == t.answers.end()) {
            t.answers.append(AnswerTally {v.normalizedAnswer, 0, 0, {}});
            it = t.answers.end() - 1;
        }
        ++it->votes;
        it->weight += w;
        it->agents.append(v.agentId);
        ++t.validVotes;
        t.validWeight += w;
    }
    std::stable_sort(t.answers.begin(), t.answers.end(),
                     [](const AnswerTally &a, const AnswerTally &b) { return a.weight > b.weight + 1e-12; });
    return t;
}

QList<VoteAnalysis::RoundTally> VoteAnalysis::tallies(const Decision &decision)
{
    QList<RoundTally> out;
    const bool weighted = isWeighted(decision);
    for (const Round &r : decision.rounds)
        out.append(tally(r, weighted));
    return out;
}

double VoteAnalysis::requiredShare(const Decision &decision)
{
    const QJsonObject &p = decision.strategy.parameters;
    if (is(decision, "majority"))
        return 0.5;
    if (is(decision, "threshold"))
        return p.value(QStringLiteral("threshold")).toDouble(2.0 / 3.0);
    if (is(decision, "unanimity"))
        return 1.0;
    if (is(decision, "debate"))
        return p.value(QStringLiteral("stop_agreement")).toDouble(1.0);
    return -1;
}

int VoteAnalysis::minVotes(const Decision &decision)
{
    const QJsonObject &p = decision.strategy.parameters;
    if (is(decision, "threshold"))
        return p.value(QStringLiteral("quorum")).toInt(1);
    return p.value(QStringLiteral("min_votes")).toInt(1);
}

QString VoteAnalysis::tieBreak(const Decision &decision)
{
    return decision.strategy.parameters.value(QStringLiteral("tie_break")).toString(QStringLiteral("none"));
}

QString VoteAnalysis::ruleText(const Decision &decision)
{
    const double share = requiredShare(decision);
    const QString pct = QString::number(share * 100, 'f', share * 100 == std::floor(share * 100) ? 0 : 1);
    if (is(decision, "majority"))
        return QCoreApplication::translate("VoteAnalysis", "more than half of the valid votes");
    if (is(decision, "threshold"))
        return QCoreApplication::translate("VoteAnalysis",
                                           "at least %1% of the valid %2, with a quorum of %3 valid votes")
            .arg(pct,
                 isWeighted(decision) ? QCoreApplication::translate("VoteAnalysis", "weight")
                                      : QCoreApplication::translate("VoteAnalysis", "votes"))
            .arg(minVotes(decision));
    if (is(decision, "unanimity"))
        return QCoreApplication::translate("VoteAnalysis", "every valid vote");
    if (is(decision, "byzantine")) {
        const Byzantine b = byzantine(decision);
        return QCoreApplication::translate("VoteAnalysis", "2f+1 = %1 matching votes (n = %2, f = %3)")
            .arg(b.needed)
            .arg(b.n)
            .arg(b.f);
    }
    if (is(decision, "debate"))
        return QCoreApplication::translate("VoteAnalysis",
                                           "agreement of %1% to stop early, else the most weight after the last round")
            .arg(pct);
    if (is(decision, "judge"))
        return QCoreApplication::translate("VoteAnalysis", "the judges' plurality over the last proposals");
    if (is(decision, "weighted"))
        return QCoreApplication::translate("VoteAnalysis", "the most reputation weight");
    if (is(decision, "borda"))
        return QCoreApplication::translate("VoteAnalysis", "the highest Borda score over the ranked answers");
    if (is(decision, "medoid"))
        return QCoreApplication::translate("VoteAnalysis", "the answer most similar to all the others");
    return QCoreApplication::translate("VoteAnalysis", "the most votes");
}

VoteAnalysis::Byzantine VoteAnalysis::byzantine(const Decision &decision)
{
    Byzantine b;
    if (decision.rounds.isEmpty())
        return b;
    const Round &round = decision.rounds.constLast();
    QList<std::pair<AgentId, QStringList>> byAgent;
    for (const Vote &v : round.votes) {
        auto it = std::find_if(byAgent.begin(), byAgent.end(), [&v](const auto &a) { return a.first == v.agentId; });
        if (it == byAgent.end()) {
            byAgent.append({v.agentId, {}});
            it = byAgent.end() - 1;
        }
        if (v.status == VoteStatus::Valid && !it->second.contains(v.normalizedAnswer))
            it->second.append(v.normalizedAnswer);
    }
    b.n = int(byAgent.size());
    const QJsonValue f = decision.strategy.parameters.value(QStringLiteral("f"));
    b.fGiven = f.isDouble();
    b.f = b.fGiven ? f.toInt() : std::max(b.n - 1, 0) / 3;
    b.needed = 2 * b.f + 1;
    for (const auto &[agent, answers] : std::as_const(byAgent)) {
        if (answers.size() > 1)
            b.equivocators.append(agent);
        else if (answers.size() == 1 && decision.outcome == DecisionOutcome::Decided
                 && answers.constFirst() == decision.answer)
            b.countedForWinner.append(agent);
    }
    return b;
}

} // namespace QwenSwarm::Ui
