#pragma once

#include <api/agent.h>
#include <api/error.h>

namespace QwenSwarm::Engine {

/// The agent lifecycle as a pure state machine (DESIGN.md section 5). Operator commands and engine
/// facts (a call started, the last call finished, a fatal provider error) move an agent between
/// states; anything else is an InvalidState error naming the state and the command.
class AgentLifecycle
{
public:
    /// The state after an operator command, given whether calls are still in flight.
    static Api::Result<Api::AgentState> afterCommand(Api::AgentState state, Api::AgentCommand command, int inFlight);
    /// The state after a call starts (Idle -> Busy; other states unchanged).
    static Api::AgentState afterCallStarted(Api::AgentState state);
    /// The state after a call finishes and `inFlight` calls remain.
    static Api::AgentState afterCallFinished(Api::AgentState state, int inFlight);
    /// The state after recovery from Recovering completes.
    static Api::AgentState afterRecovered(Api::AgentState state);
    /// Whether an agent in `state` may be given new calls.
    static bool acceptsWork(Api::AgentState state);
};

} // namespace QwenSwarm::Engine
