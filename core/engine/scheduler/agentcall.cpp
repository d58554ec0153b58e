#include "scheduler/agentcall.h"

#include "agents/agentregistry.h"
#include "scheduler/taskrun.h"
#include "scheduler/timerqueue.h"

namespace QwenSwarm::Engine {

AgentCall::AgentCall(TaskRun &run, AgentRuntime &agent, std::shared_ptr<Provider> provider,
                     ConcurrencyLimiter &providerLimiter, ConcurrencyLimiter &globalLimiter, const SchedulingKey &key,
                     ProviderRequest request)
    : m_run(run)
    , m_agent(agent)
    , m_provider(std::move(provider))
    , m_limiters {&agent.limiter, &providerLimiter, &globalLimiter}
    , m_key(key)
    , m_request(std::move(request))
{ }

AgentCall::~AgentCall()
{
    Q_ASSERT(m_stage == Stage::Done);
}

void AgentCall::begin()
{
    if (!m_run.mayStart(*this)) {
        m_stage = Stage::Done;
        m_run.callRefused(*this);
        return;
    }
    acquireNext();
}

void AgentCall::acquireNext()
{
    while (m_held < static_cast<int>(m_limiters.size())) {
        ConcurrencyLimiter *limiter = m_limiters[static_cast<std::size_t>(m_held)];
        if (!limiter->tryAcquire()) {
            m_waiting = true;
            limiter->wait(m_key, this);
            return;
        }
        ++m_held;
    }
    m_stage = Stage::InFlight;
    m_startedUs = monotonicUs();
    m_run.callStarting(*this);
    m_provider->start(m_request, &m_run);
}

void AgentCall::slotGranted(ConcurrencyLimiter *limiter)
{
    Q_ASSERT(limiter == m_limiters[static_cast<std::size_t>(m_held)]);
    Q_UNUSED(limiter);
    m_waiting = false;
    ++m_held;
    // While this call waited, its run may have been stopped or its agent paused: then the slot goes
    // back at once instead of starting a request nobody wants.
    if (!m_run.mayStart(*this)) {
        m_stage = Stage::Done;
        releaseAll();
        m_run.callRefused(*this);
        return;
    }
    acquireNext();
}

void AgentCall::completed()
{
    m_stage = Stage::Done;
}

void AgentCall::releaseSlots()
{
    Q_ASSERT(m_stage == Stage::Done);
    releaseAll();
}

void AgentCall::withdraw()
{
    if (m_stage == Stage::Done)
        return;
    if (m_waiting) {
        m_limiters[static_cast<std::size_t>(m_held)]->cancelWait(m_key);
        m_waiting = false;
    }
    if (m_stage == Stage::InFlight)
        m_provider->cancel(m_request.callId);
    m_stage = Stage::Done;
    releaseAll();
}

void AgentCall::releaseAll()
{
    // Global first, agent last: the reverse of acquisition. Releasing can hand a slot straight to
    // another waiting call, which then starts.
    while (m_held > 0)
        m_limiters[static_cast<std::size_t>(--m_held)]->release();
}

} // namespace QwenSwarm::Engine
