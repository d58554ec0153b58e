#pragma once

#include "providers/provider.h"
#include "scheduler/concurrencylimiter.h"

#include <api/decision.h>

#include <array>
#include <memory>

namespace QwenSwarm::Engine {

struct AgentRuntime;
class TaskRun;

/// One agent's call within a task attempt. Before the provider is asked, the call takes a slot of
/// its agent's limit, then of its provider's, then of the global one, waiting in priority order at
/// each (always in that order, so waits cannot deadlock). Every slot it holds is released exactly
/// once, whether the call completes, fails or is withdrawn.
class AgentCall final : public LimiterWaiter
{
public:
    enum class Stage
    {
        Waiting,
        InFlight,
        Done,
    };

    /// `provider`: the one the call goes to, held until the call is destroyed (even if the provider
    /// is replaced meanwhile).
    AgentCall(TaskRun &run, AgentRuntime &agent, std::shared_ptr<Provider> provider,
              ConcurrencyLimiter &providerLimiter, ConcurrencyLimiter &globalLimiter, const SchedulingKey &key,
              ProviderRequest request);
    ~AgentCall() override;

    AgentRuntime &agent() const { return m_agent; }
    Stage stage() const { return m_stage; }
    quint64 callId() const { return m_request.callId; }
    qint64 startedMonotonicUs() const { return m_startedUs; }

    /// Starts acquiring slots; asks the provider once all are held.
    void begin();
    void slotGranted(ConcurrencyLimiter *limiter) override;
    /// The provider answered; the call keeps its slots until releaseSlots(), so its run can first
    /// settle what the answer means (a spent budget) before a freed slot starts another call.
    void completed();
    void releaseSlots();
    /// Gives up: leaves the wait list or cancels the provider call, and releases the slots.
    void withdraw();

private:
    void acquireNext();
    void releaseAll();

    TaskRun &m_run;
    AgentRuntime &m_agent;
    std::shared_ptr<Provider> m_provider;
    std::array<ConcurrencyLimiter *, 3> m_limiters;
    int m_held = 0; ///< Limiters acquired, in order.
    bool m_waiting = false;
    Stage m_stage = Stage::Waiting;
    SchedulingKey m_key;
    ProviderRequest m_request;
    qint64 m_startedUs = 0;
};

} // namespace QwenSwarm::Engine
