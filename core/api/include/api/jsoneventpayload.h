#pragma once

#include "api/event.h"

#include <QLatin1StringView>

namespace QwenSwarm::Api {

// The members of each event payload ("data" of an event on the wire), read through any object
// reader with required(key, out) and optional(key, out): JsonObjectReader, or a reader that parses
// the text itself (the remote protocol's quick event reader). One list of members, however events
// are read.

template<typename Object>
void readEventPayload(Object &o, SwarmEvent &e)
{
    o.required(QLatin1StringView("swarm_id"), e.swarmId);
    o.required(QLatin1StringView("change"), e.change);
    o.optional(QLatin1StringView("name"), e.name);
}

template<typename Object>
void readEventPayload(Object &o, AgentEvent &e)
{
    o.required(QLatin1StringView("agent_id"), e.agentId);
    o.optional(QLatin1StringView("swarm_id"), e.swarmId);
    o.required(QLatin1StringView("from"), e.from);
    o.required(QLatin1StringView("to"), e.to);
    o.optional(QLatin1StringView("removed"), e.removed);
    o.optional(QLatin1StringView("cause"), e.cause);
}

template<typename Object>
void readEventPayload(Object &o, TaskEvent &e)
{
    o.required(QLatin1StringView("task_id"), e.taskId);
    o.optional(QLatin1StringView("swarm_id"), e.swarmId);
    o.required(QLatin1StringView("from"), e.from);
    o.required(QLatin1StringView("to"), e.to);
    o.optional(QLatin1StringView("attempt"), e.attempt);
    o.optional(QLatin1StringView("cause"), e.cause);
}

template<typename Object>
void readEventPayload(Object &o, DecisionEvent &e)
{
    o.required(QLatin1StringView("decision_id"), e.decisionId);
    o.required(QLatin1StringView("task_id"), e.taskId);
    o.optional(QLatin1StringView("swarm_id"), e.swarmId);
    o.required(QLatin1StringView("outcome"), e.outcome);
    o.optional(QLatin1StringView("answer"), e.answer);
    o.optional(QLatin1StringView("agreement"), e.agreement);
}

template<typename Object>
void readEventPayload(Object &o, LogEvent &e)
{
    o.required(QLatin1StringView("level"), e.level);
    o.optional(QLatin1StringView("source"), e.source);
    o.required(QLatin1StringView("message"), e.message);
}

template<typename Object>
void readEventPayload(Object &o, AuditEvent &e)
{
    o.required(QLatin1StringView("actor"), e.actor);
    o.required(QLatin1StringView("action"), e.action);
    o.optional(QLatin1StringView("target"), e.target);
    o.optional(QLatin1StringView("allowed"), e.allowed);
    o.optional(QLatin1StringView("detail"), e.detail);
}

template<typename Object>
void readEventPayload(Object &o, RunEvent &e)
{
    o.required(QLatin1StringView("run_id"), e.runId);
    o.optional(QLatin1StringView("workflow"), e.workflow);
    o.required(QLatin1StringView("run_state"), e.runState);
    o.optional(QLatin1StringView("step_id"), e.stepId);
    o.optional(QLatin1StringView("step_state"), e.stepState);
    o.optional(QLatin1StringView("cause"), e.cause);
}

} // namespace QwenSwarm::Api
