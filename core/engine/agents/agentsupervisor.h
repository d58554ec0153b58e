#pragma once

#include "agents/agentregistry.h"

#include <api/swarm.h>

namespace QwenSwarm::Engine {

struct EngineContext;

/// What a finished (or withdrawn) call cost and took.
struct CallOutcome
{
    bool failed = false;
    int promptTokens = 0;
    int completionTokens = 0;
    double costUsd = 0;
    int latencyMs = 0;
};

/// Owns every agent state change: operator commands, calls starting and finishing, budgets. Each
/// transition is stored, counted and published as an event with its cause. Engine thread only.
class AgentSupervisor
{
public:
    /// Told when agents stop or start taking work, so queued and running tasks can react.
    class Listener
    {
    public:
        virtual ~Listener() = default;
        /// The agent takes no new calls; its waiting calls must be withdrawn, and its in-flight calls
        /// too if `cancelInFlight`.
        virtual void agentWithdrawn(AgentRuntime &agent, bool cancelInFlight, const QString &cause) = 0;
        /// An agent of `swarm` can take work again (spawned, resumed, restarted).
        virtual void agentAvailable(SwarmRuntime &swarm) = 0;
    };

    explicit AgentSupervisor(EngineContext &context);
    void setListener(Listener *listener) { m_listener = listener; }

    /// Adds an agent (spec already validated) and brings it to Idle.
    AgentRuntime &spawn(SwarmRuntime &swarm, const Api::AgentSpec &spec, const QString &cause);
    /// Restores an agent from the store, as it was.
    AgentRuntime &restore(SwarmRuntime &swarm, const Api::Agent &agent);
    Api::Result<Api::Agent> command(AgentRuntime &agent, Api::AgentCommand command, const QString &reason);
    /// Removes a stopped agent (InvalidState otherwise).
    Api::Result<void> remove(AgentRuntime &agent);

    void callStarted(AgentRuntime &agent);
    /// Books a finished or withdrawn call (a withdrawn one with an empty outcome).
    void callFinished(AgentRuntime &agent, const CallOutcome &outcome);

private:
    void setState(AgentRuntime &agent, Api::AgentState to, const QString &cause, bool removed = false);

    EngineContext &m_context;
    Listener *m_listener = nullptr;
};

} // namespace QwenSwarm::Engine
