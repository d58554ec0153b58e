#pragma once

#include "providers/provider.h"
#include "scheduler/agentcall.h"

#include <api/task.h>

#include <memory>
#include <vector>

namespace QwenSwarm::Engine {

class AgentSupervisor;
struct AgentRuntime;
struct EngineContext;

/// One attempt of a task: renders the prompt for each selected agent, asks them all (through the
/// limits), and collects their votes, normalised, in the order they arrive. When no call is left
/// pending it tells its host, which decides and may destroy the run.
class TaskRun final : public ProviderSink
{
public:
    class Host
    {
    public:
        virtual ~Host() = default;
        virtual void runFinished(TaskRun &run) = 0;
    };

    TaskRun(EngineContext &context, AgentSupervisor &supervisor, Host &host, const Api::Task &task,
            const std::vector<AgentRuntime *> &agents, const SchedulingKey &key);
    ~TaskRun() override;

    Api::TaskId taskId() const { return m_taskId; }
    int attempt() const { return m_attempt; }
    const Api::Round &round() const { return m_round; }
    double costUsd() const { return m_costUsd; }
    bool budgetExhausted() const { return m_budgetExhausted; }
    bool involves(Api::AgentId agent) const;

    /// Starts every call. May finish at once if no call can be made.
    void start();
    /// Withdraws every pending call, recording `status` and `why` as their votes. Does not call the host.
    void abort(Api::VoteStatus status, const QString &why);
    /// Withdraws the agent's waiting call (and its in-flight one if `cancelInFlight`); may finish the run.
    void withdrawAgent(Api::AgentId agent, bool cancelInFlight, const QString &why);

    /// Whether `call` may still go ahead: not once the run is being stopped, nor when its agent no
    /// longer takes work.
    bool mayStart(const AgentCall &call) const;
    /// A call that did not go ahead (see mayStart); recorded as a cancelled vote.
    void callRefused(AgentCall &call);
    void callStarting(AgentCall &call);
    void providerFinished(quint64 callId, Api::Result<ProviderResponse> result) override;

private:
    AgentCall *findCall(quint64 callId);
    void recordWithdrawn(AgentCall &call, Api::VoteStatus status, const QString &why);
    void recordUncounted(Api::AgentId agent, Api::VoteStatus status, const QString &why);
    void finishIfDone();

    EngineContext &m_context;
    AgentSupervisor &m_supervisor;
    Host &m_host;
    Api::TaskId m_taskId;
    int m_attempt = 0;
    Api::AnswerFormat m_format;
    QStringList m_choices;
    double m_budgetUsd = 0;
    double m_costBefore = 0;
    double m_costUsd = 0;
    bool m_budgetExhausted = false;
    bool m_started = false;
    bool m_reported = false;
    bool m_aborting = false;
    int m_pending = 0;
    std::vector<std::unique_ptr<AgentCall>> m_calls;
    Api::Round m_round;
};

} // namespace QwenSwarm::Engine
