#include "agents/agentsupervisor.h"

#include "agents/agentlifecycle.h"
#include "runtime/clock.h"
#include "runtime/enginecontext.h"

namespace QwenSwarm::Engine {

using Api::AgentCommand;
using Api::AgentState;

AgentSupervisor::AgentSupervisor(EngineContext &context)
    : m_context(context)
{ }

AgentRuntime &AgentSupervisor::spawn(SwarmRuntime &swarm, const Api::AgentSpec &spec, const QString &cause)
{
    Api::Agent agent;
    agent.id = m_context.agents.nextAgentId();
    agent.spec = spec;
    agent.state = AgentState::Created;
    agent.createdMs = agent.stateSinceMs = wallClockMs();
    AgentRuntime &runtime = m_context.agents.addAgent(swarm, std::move(agent));
    runtime.providerMetrics = &m_context.metrics.provider(spec.provider);
    m_context.metrics.agentsIn(AgentState::Created).add(1);
    setState(runtime, AgentState::Idle, cause);
    if (m_listener)
        m_listener->agentAvailable(swarm);
    return runtime;
}

AgentRuntime &AgentSupervisor::restore(SwarmRuntime &swarm, const Api::Agent &agent)
{
    AgentRuntime &runtime = m_context.agents.addAgent(swarm, agent);
    runtime.providerMetrics = &m_context.metrics.provider(agent.spec.provider);
    runtime.agent.stats.inFlight = 0;
    m_context.metrics.agentsIn(runtime.agent.state).add(1);
    if (!m_context.providers.find(agent.spec.provider))
        setState(runtime, AgentState::Failed,
                 QStringLiteral("provider '%1' is not configured").arg(agent.spec.provider));
    else if (runtime.agent.state == AgentState::Busy || runtime.agent.state == AgentState::Recovering)
        setState(runtime, AgentState::Idle, QStringLiteral("restored after restart"));
    else if (runtime.agent.state == AgentState::Draining)
        setState(runtime, AgentState::Stopped, QStringLiteral("drained by restart"));
    return runtime;
}

Api::Result<Api::Agent> AgentSupervisor::command(AgentRuntime &agent, AgentCommand command, const QString &reason)
{
    const int inFlight = agent.agent.stats.inFlight;
    const auto next = AgentLifecycle::afterCommand(agent.agent.state, command, inFlight);
    if (!next)
        return next.error();
    const QString cause = reason.isEmpty()
        ? QStringLiteral("operator: %1").arg(Api::enumName(command).toString())
        : QStringLiteral("operator: %1 (%2)").arg(Api::enumName(command).toString(), reason);
    setState(agent, *next, cause);
    switch (command) {
    case AgentCommand::Pause:
    case AgentCommand::Drain:
        if (m_listener)
            m_listener->agentWithdrawn(agent, false, cause);
        break;
    case AgentCommand::Stop:
        if (m_listener)
            m_listener->agentWithdrawn(agent, true, cause);
        break;
    case AgentCommand::Restart:
        agent.agent.stats.errors = 0;
        setState(agent, AgentLifecycle::afterRecovered(agent.agent.state), QStringLiteral("recovered"));
        [[fallthrough]];
    case AgentCommand::Resume:
        if (m_listener) {
            if (SwarmRuntime *swarm = m_context.agents.swarm(agent.agent.swarmId))
                m_listener->agentAvailable(*swarm);
        }
        break;
    }
    return agent.agent;
}

Api::Result<void> AgentSupervisor::remove(AgentRuntime &agent)
{
    if (agent.agent.state != AgentState::Stopped && agent.agent.state != AgentState::Failed) {
        return Api::makeError(Api::ErrorCode::InvalidState,
                              QStringLiteral("agent %1 is %2: stop it before removing it")
                                  .arg(agent.agent.id.value)
                                  .arg(Api::enumName(agent.agent.state).toString()));
    }
    setState(agent, agent.agent.state, QStringLiteral("removed"), true);
    m_context.metrics.agentsIn(agent.agent.state).add(-1);
    m_context.agents.removeAgent(agent.agent.id);
    return {};
}

void AgentSupervisor::callStarted(AgentRuntime &agent)
{
    ++agent.agent.stats.inFlight;
    const AgentState next = AgentLifecycle::afterCallStarted(agent.agent.state);
    if (next != agent.agent.state)
        setState(agent, next, QStringLiteral("call started"));
}

void AgentSupervisor::callFinished(AgentRuntime &agent, const CallOutcome &outcome)
{
    Api::AgentStats &stats = agent.agent.stats;
    --stats.inFlight;
    ++stats.calls;
    stats.errors += outcome.failed ? 1 : 0;
    stats.promptTokens += static_cast<quint64>(outcome.promptTokens);
    stats.completionTokens += static_cast<quint64>(outcome.completionTokens);
    stats.costUsd += outcome.costUsd;
    if (outcome.latencyMs > 0) {
        // A moving average, so routing follows an agent that became slower or faster.
        agent.latencyAverageMs
            = agent.latencyAverageMs > 0 ? 0.9 * agent.latencyAverageMs + 0.1 * outcome.latencyMs : outcome.latencyMs;
    }
    const AgentState next = AgentLifecycle::afterCallFinished(agent.agent.state, stats.inFlight);
    if (next != agent.agent.state)
        setState(agent, next,
                 next == AgentState::Stopped ? QStringLiteral("drained") : QStringLiteral("calls finished"));
    const double budget = agent.agent.spec.limits.budgetUsd;
    if (budget > 0 && stats.costUsd >= budget && AgentLifecycle::acceptsWork(agent.agent.state)) {
        const QString cause = QStringLiteral("budget of %1 USD spent").arg(budget);
        setState(agent, AgentState::Paused, cause);
        if (m_listener)
            m_listener->agentWithdrawn(agent, false, cause);
    }
}

void AgentSupervisor::setState(AgentRuntime &agent, AgentState to, const QString &cause, bool removed)
{
    const AgentState from = agent.agent.state;
    const qint64 now = wallClockMs();
    if (from != to) {
        m_context.metrics.agentsIn(from).add(-1);
        m_context.metrics.agentsIn(to).add(1);
    }
    agent.agent.state = to;
    agent.agent.stateReason = cause;
    agent.agent.stateSinceMs = now;
    m_context.storeWriter.append(AgentWrite {agent.agent, removed});
    m_context.events.publish(now, Api::AgentEvent {agent.agent.id, agent.agent.swarmId, from, to, removed, cause});
}

} // namespace QwenSwarm::Engine
