#pragma once

#include "consensus/consensusstrategy.h"
#include "providers/provider.h"
#include "scheduler/agentcall.h"

#include <api/swarm.h>
#include <api/task.h>

#include <QHash>
#include <memory>
#include <vector>

namespace QwenSwarm::Engine {

class AgentSupervisor;
struct AgentRuntime;
struct EngineContext;

/// One attempt of a task: one or more rounds of calls to the selected agents. For each round the
/// strategy says who answers and whether they see the previous round's answers (their neighbours'
/// in the swarm topology, or every proposal for judges). Votes are normalised, weighted (by learned
/// reputation when the strategy uses it) and kept in the order they arrive. When a round has no
/// call left pending the run tells its host, which decides, starts another round, or ends it.
class TaskRun final : public ProviderSink
{
public:
    class Host
    {
    public:
        virtual ~Host() = default;
        virtual void roundFinished(TaskRun &run) = 0;
    };

    struct Setup
    {
        const Api::Task &task;
        std::vector<AgentRuntime *> agents; ///< Selected, in swarm order.
        Api::Topology topology = Api::Topology::Mesh;
        SchedulingKey key;
        bool weighted = false; ///< Votes weigh the agents' learned log-odds.
        QHash<quint64, QString> memory; ///< Memory context text per agent id, for its system prompt.
    };

    TaskRun(EngineContext &context, AgentSupervisor &supervisor, Host &host, Setup setup);
    ~TaskRun() override;

    Api::TaskId taskId() const { return m_task.id; }
    int attempt() const { return m_task.attempt; }
    const QList<Api::Round> &rounds() const { return m_rounds; }
    double costUsd() const { return m_costUsd; }
    bool budgetExhausted() const { return m_budgetExhausted; }
    /// The task's reference answer, normalised like the votes (empty when it has none).
    const QString &truth() const { return m_truth; }
    bool involves(Api::AgentId agent) const;

    /// Starts the next round (index rounds().size()). May finish it at once if nobody can answer.
    void startRound(const RoundSpec &spec);
    /// Withdraws every pending call, recording `status` and `why` as their votes. Does not call the host.
    void abort(Api::VoteStatus status, const QString &why);
    /// Withdraws the agent's waiting call (and its in-flight one if `cancelInFlight`); may finish the round.
    void withdrawAgent(Api::AgentId agent, bool cancelInFlight, const QString &why);

    /// Whether `call` may still go ahead: not once the run is being stopped, nor when its agent no
    /// longer takes work.
    bool mayStart(const AgentCall &call) const;
    /// A call that did not go ahead (see mayStart); recorded as a cancelled vote.
    void callRefused(AgentCall &call);
    void callStarting(AgentCall &call);
    void providerFinished(quint64 callId, Api::Result<ProviderResponse> result) override;

private:
    std::vector<AgentRuntime *> audience(RoundSpec::Audience audience) const;
    QStringList shownAnswers(const AgentRuntime &agent, const RoundSpec &spec, QString &described) const;
    ProviderRequest request(const AgentRuntime &agent, const RoundSpec &spec) const;
    AgentCall *findCall(quint64 callId);
    Api::Vote &appendVote(Api::AgentId agent);
    void recordWithdrawn(AgentCall &call, Api::VoteStatus status, const QString &why);
    void recordUncounted(Api::AgentId agent, Api::VoteStatus status, const QString &why);
    void finishIfDone();

    EngineContext &m_context;
    AgentSupervisor &m_supervisor;
    Host &m_host;
    Api::Task m_task;
    std::vector<AgentRuntime *> m_agents;
    Api::Topology m_topology;
    SchedulingKey m_key;
    bool m_weighted = false;
    QHash<quint64, QString> m_memory;
    QString m_truth;
    double m_costUsd = 0;
    bool m_budgetExhausted = false;
    bool m_roundStarted = false;
    bool m_roundReported = false;
    bool m_aborting = false;
    int m_pending = 0;
    std::vector<std::unique_ptr<AgentCall>> m_calls; ///< Of the current round.
    std::vector<std::unique_ptr<AgentCall>> m_earlierCalls; ///< Kept until the run ends.
    QList<Api::Round> m_rounds;
};

} // namespace QwenSwarm::Engine
