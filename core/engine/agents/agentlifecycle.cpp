#include "agents/agentlifecycle.h"

namespace QwenSwarm::Engine {

using Api::AgentCommand;
using Api::AgentState;

namespace {

Api::Error refuse(AgentState state, AgentCommand command)
{
    return Api::makeError(Api::ErrorCode::InvalidState,
                          QStringLiteral("cannot %1 an agent that is %2")
                              .arg(Api::enumName(command).toString(), Api::enumName(state).toString()),
                          {{QStringLiteral("state"), Api::enumName(state).toString()},
                           {QStringLiteral("command"), Api::enumName(command).toString()}});
}

} // namespace

Api::Result<AgentState> AgentLifecycle::afterCommand(AgentState state, AgentCommand command, int inFlight)
{
    switch (command) {
    case AgentCommand::Pause:
        if (state == AgentState::Idle || state == AgentState::Busy)
            return AgentState::Paused; // in-flight calls finish; no new ones start
        break;
    case AgentCommand::Resume:
        if (state == AgentState::Paused)
            return inFlight > 0 ? AgentState::Busy : AgentState::Idle;
        break;
    case AgentCommand::Drain:
        if (state == AgentState::Idle || state == AgentState::Busy || state == AgentState::Paused)
            return inFlight > 0 ? AgentState::Draining : AgentState::Stopped;
        break;
    case AgentCommand::Stop:
        if (state != AgentState::Stopped && state != AgentState::Created)
            return AgentState::Stopped; // in-flight calls are cancelled by the caller
        break;
    case AgentCommand::Restart:
        if (state == AgentState::Stopped || state == AgentState::Failed)
            return AgentState::Recovering;
        break;
    }
    return refuse(state, command);
}

AgentState AgentLifecycle::afterCallStarted(AgentState state)
{
    return state == AgentState::Idle ? AgentState::Busy : state;
}

AgentState AgentLifecycle::afterCallFinished(AgentState state, int inFlight)
{
    if (inFlight > 0)
        return state;
    if (state == AgentState::Busy)
        return AgentState::Idle;
    if (state == AgentState::Draining)
        return AgentState::Stopped;
    return state;
}

AgentState AgentLifecycle::afterRecovered(AgentState state)
{
    return state == AgentState::Recovering || state == AgentState::Created ? AgentState::Idle : state;
}

bool AgentLifecycle::acceptsWork(AgentState state)
{
    return state == AgentState::Idle || state == AgentState::Busy;
}

} // namespace QwenSwarm::Engine
