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

} // namespace

// Members a reader takes as default when absent are left out; the swarm and the prompt, which a
// reader requires, never are.
void writeSentSpecText(QString &out, const Api::TaskSpec &spec)
{
    static const Api::TaskSpec none;
    JsonText::Object o(out);
    o.unlessDefault("answer_format"_L1, spec.answerFormat, none.answerFormat);
    o.unlessDefault("budget_usd"_L1, spec.budgetUsd, none.budgetUsd);
    o.unlessDefault("choices"_L1, spec.choices, none.choices);
    if (spec.deadlineMs != none.deadlineMs) {
        o.name("deadline"_L1);
        JsonText::time(out, spec.deadlineMs);
    }
    o.unlessDefault("idempotency_key"_L1, spec.idempotencyKey, none.idempotencyKey);
    o.unlessDefault("priority"_L1, spec.priority, none.priority);
    o.required("prompt"_L1, spec.promptTemplate);
    o.unlessDefault("reference_answer"_L1, spec.referenceAnswer, none.referenceAnswer);
    if (spec.retry != none.retry) {
        o.name("retry"_L1);
        writeRetry(out, spec.retry);
    }
    if (spec.selection != none.selection) {
        o.name("selection"_L1);
        writeSelection(out, spec.selection);
    }
    if (spec.strategy != none.strategy) {
        o.name("strategy"_L1);
        o.writeJson(spec.strategy);
    }
    o.required("swarm_id"_L1, spec.swarmId);
    o.unlessDefault("tags"_L1, spec.tags, none.tags);
    o.unlessDefault("timeout_ms"_L1, spec.timeoutMs, none.timeoutMs);
    o.unlessDefault("variables"_L1, spec.variables, none.variables);
}

QString writeTaskText(const Api::Task &task)
{
    QString out;
    out.reserve(taskTextReserve);
    writeTaskText(out, task);
    return out;
}

void writeTaskText(QString &out, const Api::Task &task)
{
    static const Api::Task none;
    JsonText::Object o(out);
    o.unlessDefault("attempt"_L1, task.attempt, none.attempt);
    o.unlessDefault("cost_usd"_L1, task.costUsd, none.costUsd);
    const auto time = [&](QLatin1StringView key, qint64 ms) {
        if (ms != 0) {
            o.name(key);
            JsonText::time(out, ms);
        }
    };
    time("created_at"_L1, task.createdMs);
    time("effective_deadline"_L1, task.effectiveDeadlineMs);
    if (task.error != none.error) {
        o.name("error"_L1);
        o.writeJson(task.error);
    }
    time("finished_at"_L1, task.finishedMs);
    o.required("id"_L1, task.id);
    if (task.result != none.result) {
        o.name("result"_L1);
        o.writeJson(task.result);
    }
    o.name("spec"_L1);
    writeSentSpecText(out, task.spec);
    time("started_at"_L1, task.startedMs);
    o.required("state"_L1, task.state);
    o.unlessDefault("state_reason"_L1, task.stateReason, none.stateReason);
}

} // namespace QwenSwarm::Remote
