#pragma once

#include "api/event.h"

#include <QLatin1StringView>

#include <concepts>
#include <type_traits>

namespace QwenSwarm::Api {

// The members of each event payload (the "data" of an event on the wire), in key order, for any
// visitor with required(key, member) and optional(key, member): readers (JsonObjectReader, the
// remote protocol's quick event reader) get the payload to fill, writers a const one to write. One
// list of members, however events are read or written.

template<typename Payload, typename Alternative>
concept PayloadOf = std::same_as<std::remove_const_t<Payload>, Alternative>;

template<typename Visitor, PayloadOf<SwarmEvent> Payload>
void eventPayloadMembers(Visitor &v, Payload &e)
{
    v.required(QLatin1StringView("change"), e.change);
    v.optional(QLatin1StringView("name"), e.name);
    v.required(QLatin1StringView("swarm_id"), e.swarmId);
}

template<typename Visitor, PayloadOf<AgentEvent> Payload>
void eventPayloadMembers(Visitor &v, Payload &e)
{
    v.required(QLatin1StringView("agent_id"), e.agentId);
    v.optional(QLatin1StringView("cause"), e.cause);
    v.required(QLatin1StringView("from"), e.from);
    v.optional(QLatin1StringView("removed"), e.removed);
    v.optional(QLatin1StringView("swarm_id"), e.swarmId);
    v.required(QLatin1StringView("to"), e.to);
}

template<typename Visitor, PayloadOf<TaskEvent> Payload>
void eventPayloadMembers(Visitor &v, Payload &e)
{
    v.optional(QLatin1StringView("attempt"), e.attempt);
    v.optional(QLatin1StringView("cause"), e.cause);
    v.required(QLatin1StringView("from"), e.from);
    v.optional(QLatin1StringView("swarm_id"), e.swarmId);
    v.required(QLatin1StringView("task_id"), e.taskId);
    v.required(QLatin1StringView("to"), e.to);
}

template<typename Visitor, PayloadOf<DecisionEvent> Payload>
void eventPayloadMembers(Visitor &v, Payload &e)
{
    v.optional(QLatin1StringView("agreement"), e.agreement);
    v.optional(QLatin1StringView("answer"), e.answer);
    v.required(QLatin1StringView("decision_id"), e.decisionId);
    v.required(QLatin1StringView("outcome"), e.outcome);
    v.optional(QLatin1StringView("swarm_id"), e.swarmId);
    v.required(QLatin1StringView("task_id"), e.taskId);
}

template<typename Visitor, PayloadOf<LogEvent> Payload>
void eventPayloadMembers(Visitor &v, Payload &e)
{
    v.required(QLatin1StringView("level"), e.level);
    v.required(QLatin1StringView("message"), e.message);
    v.optional(QLatin1StringView("source"), e.source);
}

template<typename Visitor, PayloadOf<AuditEvent> Payload>
void eventPayloadMembers(Visitor &v, Payload &e)
{
    v.required(QLatin1StringView("action"), e.action);
    v.required(QLatin1StringView("actor"), e.actor);
    v.optional(QLatin1StringView("allowed"), e.allowed);
    v.optional(QLatin1StringView("detail"), e.detail);
    v.optional(QLatin1StringView("target"), e.target);
}

template<typename Visitor, PayloadOf<RunEvent> Payload>
void eventPayloadMembers(Visitor &v, Payload &e)
{
    v.optional(QLatin1StringView("cause"), e.cause);
    v.required(QLatin1StringView("run_id"), e.runId);
    v.required(QLatin1StringView("run_state"), e.runState);
    v.optional(QLatin1StringView("step_id"), e.stepId);
    v.optional(QLatin1StringView("step_state"), e.stepState);
    v.optional(QLatin1StringView("workflow"), e.workflow);
}

} // namespace QwenSwarm::Api
