// JSON codecs of workflows and runs, and the workflow file format with its upgrades.
#include "api/jsonworkflow.h"
#include "api/json.h"

#include <cmath>

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kFormatName = u"qwen-swarm-workflow"_s;

QJsonObject mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

void readJson(JsonReader &reader, const QJsonValue &json, QMap<QString, QString> &out)
{
    if (!json.isObject()) {
        reader.fail(u"expected an object"_s);
        return;
    }
    out.clear();
    const QJsonObject object = json.toObject();
    for (auto it = object.begin(); it != object.end() && reader.ok(); ++it) {
        JsonReader::Scope scope(reader, it.key());
        QString value;
        readJson(reader, it.value(), value);
        out.insert(it.key(), value);
    }
}

void readJson(JsonReader &reader, const QJsonValue &json, QJsonValue &out)
{
    Q_UNUSED(reader);
    out = json;
}

QJsonValue toJson(const WorkflowInput &input)
{
    QJsonObject object {
        {u"name"_s, input.name}, {u"type"_s, toJson(input.type)}, {u"description"_s, input.description}};
    if (!input.defaultValue.isUndefined())
        object.insert(u"default"_s, input.defaultValue);
    return object;
}

void readJson(JsonReader &reader, const QJsonValue &json, WorkflowInput &out)
{
    JsonObjectReader object(reader, json);
    object.required("name"_L1, out.name);
    object.optional("type"_L1, out.type);
    object.optional("description"_L1, out.description);
    object.optional("default"_L1, out.defaultValue);
    object.finish();
}

QJsonValue toJson(const StepMap &map)
{
    return QJsonObject {{u"over"_s, map.over}, {u"as"_s, map.as}};
}

void readJson(JsonReader &reader, const QJsonValue &json, StepMap &out)
{
    JsonObjectReader object(reader, json);
    object.required("over"_L1, out.over);
    object.optional("as"_L1, out.as);
    object.finish();
}

QJsonValue toJson(const WorkflowStep &step)
{
    QJsonObject object {{u"id"_s, step.id}, {u"kind"_s, toJson(step.kind)}};
    if (!step.title.isEmpty())
        object.insert(u"title"_s, step.title);
    if (!step.inputs.isEmpty())
        object.insert(u"inputs"_s, mapToJson(step.inputs));
    if (!step.condition.isEmpty())
        object.insert(u"condition"_s, step.condition);
    if (step.kind == StepKind::Task) {
        object.insert(u"swarm"_s, step.swarm);
        object.insert(u"prompt"_s, step.prompt);
        object.insert(u"answer_format"_s, toJson(step.answerFormat));
        if (!step.choices.isEmpty())
            object.insert(u"choices"_s, QJsonArray::fromStringList(step.choices));
        if (step.strategy)
            object.insert(u"strategy"_s, toJson(*step.strategy));
        if (step.selection != AgentSelection {})
            object.insert(u"selection"_s, toJson(step.selection));
        if (step.map)
            object.insert(u"map"_s, toJson(*step.map));
        if (step.priority != 0)
            object.insert(u"priority"_s, step.priority);
        if (step.timeoutMs != 0)
            object.insert(u"timeout_ms"_s, step.timeoutMs);
        if (step.budgetUsd != 0)
            object.insert(u"budget_usd"_s, step.budgetUsd);
        if (step.retry != RetryPolicy {})
            object.insert(u"retry"_s, toJson(step.retry));
    }
    if (!step.instructions.isEmpty())
        object.insert(u"instructions"_s, step.instructions);
    object.insert(u"position"_s, QJsonObject {{u"x"_s, step.x}, {u"y"_s, step.y}});
    return object;
}

void readJson(JsonReader &reader, const QJsonValue &json, WorkflowStep &out)
{
    JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.optional("kind"_L1, out.kind);
    object.optional("title"_L1, out.title);
    object.optional("inputs"_L1, out.inputs);
    object.optional("condition"_L1, out.condition);
    if (out.kind == StepKind::Task) {
        object.required("swarm"_L1, out.swarm);
        object.required("prompt"_L1, out.prompt);
    } else {
        object.optional("swarm"_L1, out.swarm);
        object.optional("prompt"_L1, out.prompt);
    }
    object.optional("answer_format"_L1, out.answerFormat);
    object.optional("choices"_L1, out.choices);
    object.optional("strategy"_L1, out.strategy);
    object.optional("selection"_L1, out.selection);
    object.optional("map"_L1, out.map);
    object.optional("priority"_L1, out.priority);
    object.optional("timeout_ms"_L1, out.timeoutMs);
    object.optional("budget_usd"_L1, out.budgetUsd);
    object.optional("retry"_L1, out.retry);
    object.optional("instructions"_L1, out.instructions);
    QJsonValue position(QJsonValue::Undefined);
    object.optional("position"_L1, position);
    if (!position.isUndefined() && reader.ok()) {
        JsonReader::Scope scope(reader, u"position"_s);
        JsonObjectReader point(reader, position);
        point.optional("x"_L1, out.x);
        point.optional("y"_L1, out.y);
        point.finish();
    }
    object.finish();
}

QJsonValue toJson(const Workflow &workflow)
{
    QJsonArray steps;
    for (const WorkflowStep &step : workflow.steps)
        steps.append(toJson(step));
    return QJsonObject {{u"name"_s, workflow.name},
                        {u"revision"_s, workflow.revision},
                        {u"description"_s, workflow.description},
                        {u"inputs"_s, listToJson(workflow.inputs)},
                        {u"steps"_s, steps},
                        {u"outputs"_s, mapToJson(workflow.outputs)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Workflow &out)
{
    JsonObjectReader object(reader, json);
    object.required("name"_L1, out.name);
    object.optional("revision"_L1, out.revision);
    object.optional("description"_L1, out.description);
    object.optional("inputs"_L1, out.inputs);
    // Steps are named by their id in errors ("steps[plan].prompt"), by position when they have none.
    QJsonValue steps;
    object.required("steps"_L1, steps);
    if (reader.ok()) {
        JsonReader::Scope scope(reader, u"steps"_s);
        if (!steps.isArray())
            reader.fail(u"expected an array"_s);
        const QJsonArray array = steps.toArray();
        out.steps.clear();
        for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
            const QString id = array.at(i).toObject().value("id"_L1).toString();
            JsonReader::Scope stepScope(reader, u"[%1]"_s.arg(id.isEmpty() ? QString::number(i) : id));
            WorkflowStep step;
            readJson(reader, array.at(i), step);
            out.steps.append(std::move(step));
        }
    }
    object.optional("outputs"_L1, out.outputs);
    object.finish();
}

QJsonObject workflowToJson(const Workflow &workflow)
{
    QJsonObject object = toJson(workflow).toObject();
    object.insert(u"format"_s, kFormatName);
    object.insert(u"version"_s, kWorkflowFormatVersion);
    return object;
}

Result<QJsonObject> upgradeWorkflowJson(QJsonObject json)
{
    const auto invalid = [](const QString &path, const QString &problem) {
        return makeError(ErrorCode::InvalidArgument, path + u": "_s + problem, QJsonObject {{u"path"_s, path}});
    };
    if (json.contains("format"_L1) && json.value("format"_L1) != kFormatName)
        return invalid(u"format"_s, u"not a workflow file (expected '%1')"_s.arg(kFormatName));
    const QJsonValue version = json.value("version"_L1);
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()))
        return invalid(u"version"_s, u"required: the file format's version (an integer)"_s);
    // A double, not toInt(): that answers 0 for a version beyond int's range.
    const double from = version.toDouble();
    if (from > kWorkflowFormatVersion)
        return invalid(
            u"version"_s,
            u"version %1 is newer than this program reads (%2); update the program"_s.arg(QString::number(from, 'f', 0))
                .arg(kWorkflowFormatVersion));
    if (from < 1)
        return invalid(u"version"_s, u"unknown version %1"_s.arg(QString::number(from, 'f', 0)));

    if (from == 1) {
        // Version 1: inputs as {"name": "type"}, steps as {"id": {...}}, a strategy as its name alone,
        // and an approval gate as a step with "approval": "instructions" and no prompt.
        if (json.value("inputs"_L1).isObject()) {
            QJsonArray inputs;
            const QJsonObject old = json.value("inputs"_L1).toObject();
            for (auto it = old.begin(); it != old.end(); ++it)
                inputs.append(QJsonObject {{u"name"_s, it.key()}, {u"type"_s, it.value()}});
            json.insert(u"inputs"_s, inputs);
        }
        if (json.value("steps"_L1).isObject()) {
            QJsonArray steps;
            const QJsonObject old = json.value("steps"_L1).toObject();
            for (auto it = old.begin(); it != old.end(); ++it) {
                QJsonObject step = it.value().toObject();
                step.insert(u"id"_s, it.key());
                if (step.value("strategy"_L1).isString())
                    step.insert(u"strategy"_s, QJsonObject {{u"name"_s, step.value("strategy"_L1)}});
                if (step.contains("approval"_L1)) {
                    step.insert(u"kind"_s, u"approval"_s);
                    step.insert(u"instructions"_s, step.take("approval"_L1));
                }
                steps.append(step);
            }
            json.insert(u"steps"_s, steps);
        }
    }
    json.insert(u"format"_s, kFormatName);
    json.insert(u"version"_s, kWorkflowFormatVersion);
    return json;
}

Result<Workflow> workflowFromJson(const QJsonObject &json)
{
    auto upgraded = upgradeWorkflowJson(json);
    if (!upgraded)
        return upgraded.error();
    QJsonObject body = *upgraded;
    body.remove("format"_L1);
    body.remove("version"_L1);
    JsonReader reader;
    Workflow workflow;
    readJson(reader, body, workflow);
    if (!reader.ok())
        return reader.error();
    return workflow;
}

QJsonValue toJson(const StepRun &step)
{
    return QJsonObject {{u"step_id"_s, step.stepId},
                        {u"state"_s, toJson(step.state)},
                        {u"generation"_s, step.generation},
                        {u"task_ids"_s, listToJson(step.taskIds)},
                        {u"output"_s, step.output},
                        {u"agreement"_s, step.agreement},
                        {u"cost_usd"_s, step.costUsd},
                        {u"reason"_s, step.reason},
                        {u"started"_s, timeToJson(step.startedMs)},
                        {u"finished"_s, timeToJson(step.finishedMs)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, StepRun &out)
{
    JsonObjectReader object(reader, json);
    object.required("step_id"_L1, out.stepId);
    object.optional("state"_L1, out.state);
    object.optional("generation"_L1, out.generation);
    object.optional("task_ids"_L1, out.taskIds);
    object.optional("output"_L1, out.output);
    object.optional("agreement"_L1, out.agreement);
    object.optional("cost_usd"_L1, out.costUsd);
    object.optional("reason"_L1, out.reason);
    object.optionalTime("started"_L1, out.startedMs);
    object.optionalTime("finished"_L1, out.finishedMs);
    object.finish();
}

QJsonValue toJson(const Run &run)
{
    return QJsonObject {{u"id"_s, toJson(run.id)},
                        {u"workflow"_s, toJson(run.workflow)},
                        {u"inputs"_s, run.inputs},
                        {u"idempotency_key"_s, run.idempotencyKey},
                        {u"state"_s, toJson(run.state)},
                        {u"state_reason"_s, run.stateReason},
                        {u"steps"_s, listToJson(run.steps)},
                        {u"outputs"_s, run.outputs},
                        {u"created"_s, timeToJson(run.createdMs)},
                        {u"finished"_s, timeToJson(run.finishedMs)},
                        {u"cost_usd"_s, run.costUsd},
                        {u"error"_s, run.error ? toJson(*run.error) : QJsonValue(QJsonValue::Null)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Run &out)
{
    JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("workflow"_L1, out.workflow);
    object.optional("inputs"_L1, out.inputs);
    object.optional("idempotency_key"_L1, out.idempotencyKey);
    object.optional("state"_L1, out.state);
    object.optional("state_reason"_L1, out.stateReason);
    object.optional("steps"_L1, out.steps);
    object.optional("outputs"_L1, out.outputs);
    object.optionalTime("created"_L1, out.createdMs);
    object.optionalTime("finished"_L1, out.finishedMs);
    object.optional("cost_usd"_L1, out.costUsd);
    object.optional("error"_L1, out.error);
    object.finish();
}

QJsonValue toJson(const RunSpec &spec)
{
    return QJsonObject {{u"workflow"_s, workflowToJson(spec.workflow)},
                        {u"inputs"_s, spec.inputs},
                        {u"idempotency_key"_s, spec.idempotencyKey}};
}

void readJson(JsonReader &reader, const QJsonValue &json, RunSpec &out)
{
    JsonObjectReader object(reader, json);
    QJsonObject workflow;
    object.required("workflow"_L1, workflow);
    if (reader.ok()) {
        auto read = workflowFromJson(workflow);
        if (read) {
            out.workflow = *read;
        } else {
            JsonReader::Scope scope(reader, u"workflow"_s);
            reader.fail(read.error().message);
        }
    }
    object.optional("inputs"_L1, out.inputs);
    object.optional("idempotency_key"_L1, out.idempotencyKey);
    object.finish();
}

QJsonValue toJson(const Approval &approval)
{
    return QJsonObject {{u"verdict"_s, toJson(approval.verdict)},
                        {u"text"_s, approval.text},
                        {u"note"_s, approval.note},
                        {u"actor"_s, approval.actor}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Approval &out)
{
    JsonObjectReader object(reader, json);
    object.required("verdict"_L1, out.verdict);
    object.optional("text"_L1, out.text);
    object.optional("note"_L1, out.note);
    object.optional("actor"_L1, out.actor);
    object.finish();
}

QJsonValue toJson(const RunQuery &query)
{
    return QJsonObject {
        {u"page"_s, toJson(query.page)}, {u"states"_s, listToJson(query.states)}, {u"workflow"_s, query.workflow}};
}

void readJson(JsonReader &reader, const QJsonValue &json, RunQuery &out)
{
    JsonObjectReader object(reader, json);
    object.optional("page"_L1, out.page);
    object.optional("states"_L1, out.states);
    object.optional("workflow"_L1, out.workflow);
    object.finish();
}

} // namespace QwenSwarm::Api
