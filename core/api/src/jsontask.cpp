// JSON codecs of tasks and decisions.
#include "api/json.h"

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

namespace {

template<typename T>
QJsonValue optionalToJson(const std::optional<T> &value)
{
    return value ? toJson(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonValue toJson(const AgentSelection &selection)
{
    return QJsonObject {{u"agent_ids"_s, listToJson(selection.agentIds)},
                        {u"required_tags"_s, QJsonArray::fromStringList(selection.requiredTags)},
                        {u"max_agents"_s, selection.maxAgents},
                        {u"routing"_s, toJson(selection.routing)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, AgentSelection &out)
{
    JsonObjectReader object(reader, json);
    object.optional("agent_ids"_L1, out.agentIds);
    object.optional("required_tags"_L1, out.requiredTags);
    object.optional("max_agents"_L1, out.maxAgents);
    object.optional("routing"_L1, out.routing);
    object.finish();
}

QJsonValue toJson(const RetryPolicy &policy)
{
    return QJsonObject {{u"max_attempts"_s, policy.maxAttempts},
                        {u"initial_backoff_ms"_s, policy.initialBackoffMs},
                        {u"max_backoff_ms"_s, policy.maxBackoffMs},
                        {u"jitter"_s, policy.jitter}};
}

void readJson(JsonReader &reader, const QJsonValue &json, RetryPolicy &out)
{
    JsonObjectReader object(reader, json);
    object.optional("max_attempts"_L1, out.maxAttempts);
    object.optional("initial_backoff_ms"_L1, out.initialBackoffMs);
    object.optional("max_backoff_ms"_L1, out.maxBackoffMs);
    object.optional("jitter"_L1, out.jitter);
    object.finish();
}

QJsonValue toJson(const TaskSpec &spec)
{
    return QJsonObject {{u"swarm_id"_s, toJson(spec.swarmId)},
                        {u"prompt"_s, spec.promptTemplate},
                        {u"variables"_s, spec.variables},
                        {u"answer_format"_s, toJson(spec.answerFormat)},
                        {u"choices"_s, QJsonArray::fromStringList(spec.choices)},
                        {u"reference_answer"_s, spec.referenceAnswer},
                        {u"selection"_s, toJson(spec.selection)},
                        {u"strategy"_s, optionalToJson(spec.strategy)},
                        {u"priority"_s, spec.priority},
                        {u"deadline"_s, timeToJson(spec.deadlineMs)},
                        {u"timeout_ms"_s, spec.timeoutMs},
                        {u"budget_usd"_s, spec.budgetUsd},
                        {u"retry"_s, toJson(spec.retry)},
                        {u"idempotency_key"_s, spec.idempotencyKey},
                        {u"tags"_s, QJsonArray::fromStringList(spec.tags)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, TaskSpec &out)
{
    JsonObjectReader object(reader, json);
    object.required("swarm_id"_L1, out.swarmId);
    object.required("prompt"_L1, out.promptTemplate);
    object.optional("variables"_L1, out.variables);
    object.optional("answer_format"_L1, out.answerFormat);
    object.optional("choices"_L1, out.choices);
    object.optional("reference_answer"_L1, out.referenceAnswer);
    object.optional("selection"_L1, out.selection);
    object.optional("strategy"_L1, out.strategy);
    object.optional("priority"_L1, out.priority);
    object.optionalTime("deadline"_L1, out.deadlineMs);
    object.optional("timeout_ms"_L1, out.timeoutMs);
    object.optional("budget_usd"_L1, out.budgetUsd);
    object.optional("retry"_L1, out.retry);
    object.optional("idempotency_key"_L1, out.idempotencyKey);
    object.optional("tags"_L1, out.tags);
    object.finish();
}

QJsonValue toJson(const TaskResult &result)
{
    return QJsonObject {{u"answer"_s, result.answer},
                        {u"decision_id"_s, toJson(result.decisionId)},
                        {u"agreement"_s, result.agreement}};
}

void readJson(JsonReader &reader, const QJsonValue &json, TaskResult &out)
{
    JsonObjectReader object(reader, json);
    object.required("answer"_L1, out.answer);
    object.optional("decision_id"_L1, out.decisionId);
    object.optional("agreement"_L1, out.agreement);
    object.finish();
}

QJsonValue toJson(const Task &task)
{
    return QJsonObject {{u"id"_s, toJson(task.id)},
                        {u"spec"_s, toJson(task.spec)},
                        {u"state"_s, toJson(task.state)},
                        {u"attempt"_s, task.attempt},
                        {u"state_reason"_s, task.stateReason},
                        {u"created_at"_s, timeToJson(task.createdMs)},
                        {u"started_at"_s, timeToJson(task.startedMs)},
                        {u"finished_at"_s, timeToJson(task.finishedMs)},
                        {u"effective_deadline"_s, timeToJson(task.effectiveDeadlineMs)},
                        {u"cost_usd"_s, task.costUsd},
                        {u"result"_s, optionalToJson(task.result)},
                        {u"error"_s, optionalToJson(task.error)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Task &out)
{
    JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("spec"_L1, out.spec);
    object.required("state"_L1, out.state);
    object.optional("attempt"_L1, out.attempt);
    object.optional("state_reason"_L1, out.stateReason);
    object.optionalTime("created_at"_L1, out.createdMs);
    object.optionalTime("started_at"_L1, out.startedMs);
    object.optionalTime("finished_at"_L1, out.finishedMs);
    object.optionalTime("effective_deadline"_L1, out.effectiveDeadlineMs);
    object.optional("cost_usd"_L1, out.costUsd);
    object.optional("result"_L1, out.result);
    object.optional("error"_L1, out.error);
    object.finish();
}

QJsonValue toJson(const Vote &vote)
{
    return QJsonObject {{u"agent_id"_s, toJson(vote.agentId)},
                        {u"status"_s, toJson(vote.status)},
                        {u"raw_answer"_s, vote.rawAnswer},
                        {u"normalized_answer"_s, vote.normalizedAnswer},
                        {u"confidence"_s, vote.confidence},
                        {u"weight"_s, vote.weight},
                        {u"rationale"_s, vote.rationale},
                        {u"latency_ms"_s, vote.latencyMs},
                        {u"prompt_tokens"_s, vote.promptTokens},
                        {u"completion_tokens"_s, vote.completionTokens},
                        {u"cost_usd"_s, vote.costUsd}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Vote &out)
{
    JsonObjectReader object(reader, json);
    object.required("agent_id"_L1, out.agentId);
    object.required("status"_L1, out.status);
    object.optional("raw_answer"_L1, out.rawAnswer);
    object.optional("normalized_answer"_L1, out.normalizedAnswer);
    object.optional("confidence"_L1, out.confidence);
    object.optional("weight"_L1, out.weight);
    object.optional("rationale"_L1, out.rationale);
    object.optional("latency_ms"_L1, out.latencyMs);
    object.optional("prompt_tokens"_L1, out.promptTokens);
    object.optional("completion_tokens"_L1, out.completionTokens);
    object.optional("cost_usd"_L1, out.costUsd);
    object.finish();
}

QJsonValue toJson(const Round &round)
{
    return QJsonObject {{u"index"_s, round.index}, {u"votes"_s, listToJson(round.votes)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Round &out)
{
    JsonObjectReader object(reader, json);
    object.required("index"_L1, out.index);
    object.required("votes"_L1, out.votes);
    object.finish();
}

QJsonValue toJson(const Decision &decision)
{
    return QJsonObject {{u"id"_s, toJson(decision.id)},
                        {u"task_id"_s, toJson(decision.taskId)},
                        {u"swarm_id"_s, toJson(decision.swarmId)},
                        {u"attempt"_s, decision.attempt},
                        {u"strategy"_s, toJson(decision.strategy)},
                        {u"rounds"_s, listToJson(decision.rounds)},
                        {u"outcome"_s, toJson(decision.outcome)},
                        {u"answer"_s, decision.answer},
                        {u"agreement"_s, decision.agreement},
                        {u"dissenters"_s, listToJson(decision.dissenters)},
                        {u"explanation"_s, decision.explanation},
                        {u"created_at"_s, timeToJson(decision.createdMs)},
                        {u"feedback"_s, optionalToJson(decision.feedback)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Decision &out)
{
    JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("task_id"_L1, out.taskId);
    object.optional("swarm_id"_L1, out.swarmId);
    object.optional("attempt"_L1, out.attempt);
    object.required("strategy"_L1, out.strategy);
    object.required("rounds"_L1, out.rounds);
    object.required("outcome"_L1, out.outcome);
    object.optional("answer"_L1, out.answer);
    object.optional("agreement"_L1, out.agreement);
    object.optional("dissenters"_L1, out.dissenters);
    object.optional("explanation"_L1, out.explanation);
    object.optionalTime("created_at"_L1, out.createdMs);
    object.optional("feedback"_L1, out.feedback);
    object.finish();
}

} // namespace QwenSwarm::Api
