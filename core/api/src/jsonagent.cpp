// JSON codecs of errors, agents, strategies and swarms.
#include "api/json.h"
#include "api/jsonmemory.h"

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

QJsonValue toJson(const Error &error)
{
    return QJsonObject {{u"code"_s, toJson(error.code)}, {u"message"_s, error.message}, {u"details"_s, error.details}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Error &out)
{
    JsonObjectReader object(reader, json);
    object.required("code"_L1, out.code);
    object.optional("message"_L1, out.message);
    object.optional("details"_L1, out.details);
    object.finish();
}

QJsonValue toJson(const AgentLimits &limits)
{
    return QJsonObject {{u"max_concurrency"_s, limits.maxConcurrency}, {u"budget_usd"_s, limits.budgetUsd}};
}

void readJson(JsonReader &reader, const QJsonValue &json, AgentLimits &out)
{
    JsonObjectReader object(reader, json);
    object.optional("max_concurrency"_L1, out.maxConcurrency);
    object.optional("budget_usd"_L1, out.budgetUsd);
    object.finish();
}

QJsonValue toJson(const AgentSpec &spec)
{
    return QJsonObject {{u"name"_s, spec.name},
                        {u"role"_s, toJson(spec.role)},
                        {u"provider"_s, spec.provider},
                        {u"model"_s, spec.model},
                        {u"parameters"_s, spec.parameters},
                        {u"system_prompt"_s, spec.systemPrompt},
                        {u"tags"_s, QJsonArray::fromStringList(spec.tags)},
                        {u"limits"_s, toJson(spec.limits)},
                        {u"memory"_s, toJson(spec.memory)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, AgentSpec &out)
{
    JsonObjectReader object(reader, json);
    object.required("name"_L1, out.name);
    object.optional("role"_L1, out.role);
    object.optional("provider"_L1, out.provider);
    object.optional("model"_L1, out.model);
    object.optional("parameters"_L1, out.parameters);
    object.optional("system_prompt"_L1, out.systemPrompt);
    object.optional("tags"_L1, out.tags);
    object.optional("limits"_L1, out.limits);
    object.optional("memory"_L1, out.memory);
    object.finish();
}

QJsonValue toJson(const AgentStats &stats)
{
    return QJsonObject {{u"calls"_s, static_cast<qint64>(stats.calls)},
                        {u"errors"_s, static_cast<qint64>(stats.errors)},
                        {u"prompt_tokens"_s, static_cast<qint64>(stats.promptTokens)},
                        {u"completion_tokens"_s, static_cast<qint64>(stats.completionTokens)},
                        {u"cost_usd"_s, stats.costUsd},
                        {u"in_flight"_s, stats.inFlight}};
}

void readJson(JsonReader &reader, const QJsonValue &json, AgentStats &out)
{
    JsonObjectReader object(reader, json);
    object.optional("calls"_L1, out.calls);
    object.optional("errors"_L1, out.errors);
    object.optional("prompt_tokens"_L1, out.promptTokens);
    object.optional("completion_tokens"_L1, out.completionTokens);
    object.optional("cost_usd"_L1, out.costUsd);
    object.optional("in_flight"_L1, out.inFlight);
    object.finish();
}

QJsonValue toJson(const Agent &agent)
{
    return QJsonObject {{u"id"_s, toJson(agent.id)},
                        {u"swarm_id"_s, toJson(agent.swarmId)},
                        {u"spec"_s, toJson(agent.spec)},
                        {u"state"_s, toJson(agent.state)},
                        {u"state_reason"_s, agent.stateReason},
                        {u"state_since"_s, timeToJson(agent.stateSinceMs)},
                        {u"created_at"_s, timeToJson(agent.createdMs)},
                        {u"stats"_s, toJson(agent.stats)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Agent &out)
{
    JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("swarm_id"_L1, out.swarmId);
    object.required("spec"_L1, out.spec);
    object.required("state"_L1, out.state);
    object.optional("state_reason"_L1, out.stateReason);
    object.optionalTime("state_since"_L1, out.stateSinceMs);
    object.optionalTime("created_at"_L1, out.createdMs);
    object.optional("stats"_L1, out.stats);
    object.finish();
}

QJsonValue toJson(const StrategySpec &strategy)
{
    return QJsonObject {{u"name"_s, strategy.name}, {u"parameters"_s, strategy.parameters}};
}

void readJson(JsonReader &reader, const QJsonValue &json, StrategySpec &out)
{
    JsonObjectReader object(reader, json);
    object.required("name"_L1, out.name);
    object.optional("parameters"_L1, out.parameters);
    object.finish();
}

QJsonValue toJson(const SwarmSpec &spec)
{
    return QJsonObject {{u"name"_s, spec.name},
                        {u"topology"_s, toJson(spec.topology)},
                        {u"default_strategy"_s, toJson(spec.defaultStrategy)},
                        {u"agents"_s, listToJson(spec.agents)},
                        {u"memory"_s, toJson(spec.memory)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, SwarmSpec &out)
{
    JsonObjectReader object(reader, json);
    object.required("name"_L1, out.name);
    object.optional("topology"_L1, out.topology);
    object.optional("default_strategy"_L1, out.defaultStrategy);
    object.optional("agents"_L1, out.agents);
    object.optional("memory"_L1, out.memory);
    object.finish();
}

QJsonValue toJson(const Swarm &swarm)
{
    return QJsonObject {{u"id"_s, toJson(swarm.id)},
                        {u"name"_s, swarm.name},
                        {u"topology"_s, toJson(swarm.topology)},
                        {u"default_strategy"_s, toJson(swarm.defaultStrategy)},
                        {u"agent_ids"_s, listToJson(swarm.agentIds)},
                        {u"memory"_s, toJson(swarm.memory)},
                        {u"created_at"_s, timeToJson(swarm.createdMs)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Swarm &out)
{
    JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("name"_L1, out.name);
    object.optional("topology"_L1, out.topology);
    object.optional("default_strategy"_L1, out.defaultStrategy);
    object.optional("agent_ids"_L1, out.agentIds);
    object.optional("memory"_L1, out.memory);
    object.optionalTime("created_at"_L1, out.createdMs);
    object.finish();
}

} // namespace QwenSwarm::Api
