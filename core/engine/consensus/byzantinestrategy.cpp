#include "consensus/byzantinestrategy.h"

#include "consensus/parameterreader.h"
#include "consensus/trailtext.h"
#include "consensus/verdicts.h"

namespace QwenSwarm::Engine {

using Api::DecisionOutcome;

namespace {

constexpr int defaultF = -1; ///< "f" absent: derived from n.

struct Parameters
{
    int f = defaultF;
};

Api::Result<Parameters> parse(const QJsonObject &json)
{
    ParameterReader reader(json);
    Parameters p;
    p.f = reader.integer(QStringLiteral("f"), 0, 3333, p.f);
    if (auto error = reader.finish())
        return *error;
    return p;
}

Parameters parametersOf(const QJsonObject &json)
{
    const auto parsed = parse(json);
    return parsed ? parsed.value() : Parameters {};
}

/// The agents that support one answer.
struct Support
{
    QString answer;
    QList<Api::AgentId> agents;
};

/// What decide() and explain() both derive from a round, by the same checks in the same order.
struct Analysis
{
    int n = 0; ///< Distinct agents with a vote.
    int f = 0;
    int needed = 1; ///< 2f+1.
    QList<Support> support; ///< Per answer, in the order of its first supporter.
    QList<Api::AgentId> equivocators;
    int countedAgents = 0; ///< Agents whose valid vote supports an answer.
    qsizetype winner = -1;
    QString reason; ///< Empty: decided.
};

/// Each agent's distinct valid answers, agents in the order of their first vote.
QList<std::pair<Api::AgentId, QStringList>> answersByAgent(const Api::Round &round)
{
    QList<std::pair<Api::AgentId, QStringList>> agents;
    for (const Api::Vote &vote : round.votes) {
        auto it
            = std::find_if(agents.begin(), agents.end(), [&vote](const auto &a) { return a.first == vote.agentId; });
        if (it == agents.end()) {
            agents.append({vote.agentId, {}});
            it = agents.end() - 1;
        }
        if (vote.status == Api::VoteStatus::Valid && !it->second.contains(vote.normalizedAnswer))
            it->second.append(vote.normalizedAnswer);
    }
    return agents;
}

void gatherSupport(Analysis &a, const Api::Round &round)
{
    const auto agents = answersByAgent(round);
    a.n = static_cast<int>(agents.size());
    for (const auto &[agent, answers] : agents) {
        if (answers.size() > 1) {
            a.equivocators.append(agent);
            continue;
        }
        if (answers.isEmpty())
            continue;
        ++a.countedAgents;
        auto it = std::find_if(a.support.begin(), a.support.end(),
                               [&answers](const Support &s) { return s.answer == answers.constFirst(); });
        if (it == a.support.end())
            a.support.append(Support {answers.constFirst(), {agent}});
        else
            it->agents.append(agent);
    }
}

// The answer with the most supporters among those with at least 2f+1; a tie at the top is none.
void pickWinner(Analysis &a)
{
    qsizetype best = -1;
    bool tied = false;
    for (qsizetype i = 0; i < a.support.size(); ++i) {
        const qsizetype size = a.support[i].agents.size();
        if (size < a.needed)
            continue;
        if (best >= 0 && size == a.support[best].agents.size()) {
            tied = true;
        } else if (best < 0 || size > a.support[best].agents.size()) {
            best = i;
            tied = false;
        }
    }
    if (best < 0)
        a.reason = QStringLiteral("no_quorum");
    else if (tied)
        a.reason = QStringLiteral("tie");
    else
        a.winner = best;
}

Analysis analyse(const Parameters &p, const Api::Round &round)
{
    Analysis a;
    gatherSupport(a, round);
    a.f = p.f == defaultF ? std::max(a.n - 1, 0) / 3 : p.f;
    a.needed = 2 * a.f + 1;
    if (a.n < 3 * a.f + 1) {
        a.reason = QStringLiteral("too_few_voters");
        return a;
    }
    pickWinner(a);
    return a;
}

QString fSource(const Parameters &p, const Analysis &a)
{
    if (p.f == defaultF)
        return QStringLiteral("f = %1, the largest with n = %2 >= 3f+1").arg(a.f).arg(a.n);
    return QStringLiteral("f = %1 as set, n = %2").arg(a.f).arg(a.n);
}

/// "'A' from agents 1, 2 and 4 (3); 'B' from agent 3 (1)", optionally leaving out one answer.
QString supportText(const Analysis &a, qsizetype except = -1)
{
    QStringList parts;
    for (qsizetype i = 0; i < a.support.size(); ++i) {
        if (i != except) {
            parts << QStringLiteral("'%1' from %2 (%3)")
                         .arg(a.support[i].answer, TrailText::agents(a.support[i].agents))
                         .arg(a.support[i].agents.size());
        }
    }
    if (!a.equivocators.isEmpty())
        parts << QStringLiteral("%1 equivocated (differing valid votes), supporting nothing")
                     .arg(TrailText::agents(a.equivocators));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral("; "));
}

QString whyNot(const Analysis &a, const Parameters &p)
{
    if (a.reason == QLatin1StringView("too_few_voters")) {
        return QStringLiteral("only %1 agent(s) voted, fewer than 3f+1 = %2 for f = %3")
            .arg(a.n)
            .arg(3 * a.f + 1)
            .arg(a.f);
    }
    if (a.reason == QLatin1StringView("no_quorum"))
        return QStringLiteral("no answer has the 2f+1 = %1 matching valid votes needed (%2)")
            .arg(a.needed)
            .arg(fSource(p, a));
    if (a.reason == QLatin1StringView("tie"))
        return QStringLiteral("two answers reached 2f+1 = %1 with as many agents each (%2)")
            .arg(a.needed)
            .arg(fSource(p, a));
    return QStringLiteral("the attempt was stopped (cancelled or timed out) before it could decide");
}

} // namespace

Api::Result<void> ByzantineStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto parsed = parse(parameters);
    if (!parsed)
        return parsed.error();
    return {};
}

Verdict ByzantineStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    if (rounds.isEmpty())
        return Verdicts::noDecision(QStringLiteral("no_votes"));
    const Api::Round &round = rounds.constLast();
    const Analysis a = analyse(parametersOf(parameters), round);
    if (!a.reason.isEmpty())
        return Verdicts::noDecision(a.reason);
    const Support &won = a.support[a.winner];
    Verdict verdict
        = Verdicts::decided({}, won.answer, static_cast<double>(won.agents.size()) / std::max(a.countedAgents, 1));
    for (const Api::Vote &vote : round.votes) {
        if (vote.status == Api::VoteStatus::Valid && vote.normalizedAnswer != won.answer
            && !verdict.dissenters.contains(vote.agentId))
            verdict.dissenters.append(vote.agentId);
    }
    return verdict;
}

QString ByzantineStrategy::explain(const Api::Decision &decision) const
{
    if (decision.rounds.isEmpty())
        return QStringLiteral("Byzantine approval could not decide: no votes were cast.");
    const Parameters p = parametersOf(decision.strategy.parameters);
    const Api::Round &round = decision.rounds.constLast();
    const Analysis a = analyse(p, round);
    const QString uncounted = TrailText::uncounted(round);
    if (decision.outcome == DecisionOutcome::NoDecision || a.winner < 0) {
        return QStringLiteral("Byzantine approval could not decide%1: %2. Support: %3%4.")
            .arg(TrailText::roundNote(decision.rounds), whyNot(a, p), supportText(a), uncounted);
    }
    const Support &won = a.support[a.winner];
    return QStringLiteral("Byzantine approval chose '%1'%2: %3 gave it, %4 matching valid votes where 2f+1 = %5 "
                          "were needed (%6). Other support: %7%8.")
        .arg(decision.answer, TrailText::roundNote(decision.rounds), TrailText::agents(won.agents),
             QString::number(won.agents.size()), QString::number(a.needed), fSource(p, a), supportText(a, a.winner),
             uncounted);
}

} // namespace QwenSwarm::Engine
