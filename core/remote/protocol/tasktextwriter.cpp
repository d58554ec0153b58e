#include "protocol/tasktextwriter.h"

#include "protocol/jsontext.h"

namespace QwenSwarm::Remote {

using namespace Qt::Literals::StringLiterals;

namespace {

// Members in key order, as Api::toJson() has them.

void writeSelection(QString &out, const Api::AgentSelection &selection)
{
    JsonText::Object o(out);
    o.name("agent_ids"_L1);
    JsonText::array(out, selection.agentIds,
                    [](QString &text, Api::AgentId id) { JsonText::integer(text, static_cast<qint64>(id.value)); });
    o.required("max_agents"_L1, selection.maxAgents);
    o.required("required_tags"_L1, selection.requiredTags);
    o.required("routing"_L1, selection.routing);
}

void writeRetry(QString &out, const Api::RetryPolicy &retry)
{
    JsonText::Object o(out);
    o.required("initial_backoff_ms"_L1, retry.initialBackoffMs);
    o.required("jitter"_L1, retry.jitter);
    o.required("max_attempts"_L1, retry.maxAttempts);
    o.required("max_backoff_ms"_L1, retry.maxBackoffMs);
}

void writeSpec(QString &out, const Api::TaskSpec &spec)
{
    JsonText::Object o(out);
    o.required("answer_format"_L1, spec.answerFormat);
    o.required("budget_usd"_L1, spec.budgetUsd);
    o.required("choices"_L1, spec.choices);
    o.name("deadline"_L1);
    JsonText::time(out, spec.deadlineMs);
    o.required("idempotency_key"_L1, spec.idempotencyKey);
    o.required("priority"_L1, spec.priority);
    o.required("prompt"_L1, spec.promptTemplate);
    o.required("reference_answer"_L1, spec.referenceAnswer);
    o.name("retry"_L1);
    writeRetry(out, spec.retry);
    o.name("selection"_L1);
    writeSelection(out, spec.selection);
    o.name("strategy"_L1);
    o.writeJson(spec.strategy);
    o.required("swarm_id"_L1, spec.swarmId);
    o.required("tags"_L1, spec.tags);
    o.required("timeout_ms"_L1, spec.timeoutMs);
    o.required("variables"_L1, spec.variables);
}

} // namespace

QString writeTaskText(const Api::Task &task)
{
    QString out;
    out.reserve(640);
    writeTaskText(out, task);
    return out;
}

void writeTaskText(QString &out, const Api::Task &task)
{
    JsonText::Object o(out);
    o.required("attempt"_L1, task.attempt);
    o.required("cost_usd"_L1, task.costUsd);
    o.name("created_at"_L1);
    JsonText::time(out, task.createdMs);
    o.name("effective_deadline"_L1);
    JsonText::time(out, task.effectiveDeadlineMs);
    o.name("error"_L1);
    o.writeJson(task.error);
    o.name("finished_at"_L1);
    JsonText::time(out, task.finishedMs);
    o.required("id"_L1, task.id);
    o.name("result"_L1);
    o.writeJson(task.result);
    o.name("spec"_L1);
    writeSpec(out, task.spec);
    o.name("started_at"_L1);
    JsonText::time(out, task.startedMs);
    o.required("state"_L1, task.state);
    o.required("state_reason"_L1, task.stateReason);
}

} // namespace QwenSwarm::Remote
