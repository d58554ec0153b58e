// Workflows: the file format and its upgrades, validation, the step graph, conditions, the JSON
// codecs of runs, and the demo workflows shipped in resources/workflows.
#include "testsupport.h"

#include <api/json.h>
#include <api/jsonworkflow.h>
#include <api/workflow.h>
#include <api/workflowexpression.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

using namespace QwenSwarm::Api;
using namespace Qt::Literals::StringLiterals;

namespace {

// 2025-11-27T10:00:00.123Z: timestamps keep whole milliseconds.
constexpr qint64 T0 = 1764237600123;

// The names StrategyRegistry::withBuiltins() registers (core/engine/consensus/strategyregistry.cpp);
// the api tests do not link the engine.
const QStringList kEngineStrategies {u"plurality"_s, u"majority"_s, u"threshold"_s, u"unanimity"_s, u"weighted"_s,
                                     u"borda"_s,     u"medoid"_s,   u"byzantine"_s, u"debate"_s,    u"judge"_s};

QString sourcePath(const QString &relative)
{
    return QString::fromUtf8(QWENSWARM_SOURCE_DIR) + u'/' + relative;
}

QByteArray compact(const QJsonValue &json)
{
    if (json.isObject())
        return QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact);
    return QJsonDocument(QJsonArray {json}).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const char *text)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test data is not a JSON object: %s: %s", qPrintable(error.errorString()), text);
    return document.object();
}

QJsonObject readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("%s is not a JSON object: %s", qPrintable(path), qPrintable(error.errorString()));
    return document.object();
}

// ---- Samples ----

// A default of Undefined makes an input required (QJsonValue() is null, which is a default).
const QJsonValue kRequired(QJsonValue::Undefined);

WorkflowStep taskStep(const QString &id, const QString &prompt, const QMap<QString, QString> &inputs = {})
{
    WorkflowStep step;
    step.id = id;
    step.swarm = u"demo"_s;
    step.prompt = prompt;
    step.inputs = inputs;
    return step;
}

WorkflowStep approvalStep(const QString &id, const QString &input)
{
    WorkflowStep step;
    step.id = id;
    step.kind = StepKind::Approval;
    step.inputs = {{u"input"_s, input}};
    step.instructions = u"Read it before it goes on."_s;
    return step;
}

// Valid: "answer" answers the question, "check" asks whether the answer holds.
Workflow validWorkflow()
{
    Workflow workflow;
    workflow.name = u"review"_s;
    workflow.inputs = {WorkflowInput {u"question"_s, ValueType::Text, u"What to answer"_s, kRequired}};
    WorkflowStep check
        = taskStep(u"check"_s, u"Is {{answer}} right? Answer yes or no."_s, {{u"answer"_s, u"steps.answer.output"_s}});
    check.answerFormat = AnswerFormat::Choice;
    check.choices = {u"yes"_s, u"no"_s};
    workflow.steps = {taskStep(u"answer"_s, u"Answer: {{question}}"_s, {{u"question"_s, u"inputs.question"_s}}), check};
    workflow.outputs = {{u"answer"_s, u"steps.answer.output"_s}};
    return workflow;
}

// Every member away from its default, so a member the codec drops is noticed.
Workflow fullWorkflow()
{
    Workflow workflow;
    workflow.name = u"every-member"_s;
    workflow.revision = 7;
    workflow.description = u"Uses every member of the format ✓"_s;
    workflow.inputs = {
        WorkflowInput {u"topic"_s, ValueType::Text, u"What to write about"_s, u"Qt"_s},
        WorkflowInput {u"count"_s, ValueType::Number, u"How many lines"_s, 3},
        WorkflowInput {u"strict"_s, ValueType::Boolean, u"Check the draft"_s, true},
        WorkflowInput {u"items"_s, ValueType::List, u"What to draft"_s, QJsonArray {u"models"_s, u"views"_s}},
        WorkflowInput {u"notes"_s, ValueType::Text, u"Required: no default"_s, kRequired},
    };

    WorkflowStep draft;
    draft.id = u"draft"_s;
    draft.title = u"Draft"_s;
    draft.inputs = {{u"topic"_s, u"inputs.topic"_s}, {u"count"_s, u"inputs.count"_s}};
    draft.condition = u"inputs.strict == true && inputs.count > 0"_s;
    draft.swarm = u"demo"_s;
    draft.prompt = u"Write {{count}} lines on {{topic}}: {{entry}} ({{index}}), as {{agent.name}}."_s;
    draft.answerFormat = AnswerFormat::Ranking;
    draft.choices = {u"a"_s, u"b"_s, u"c"_s};
    draft.strategy = StrategySpec {u"threshold"_s, QJsonObject {{u"threshold"_s, 0.75}, {u"quorum"_s, 2}}};
    draft.selection = AgentSelection {{AgentId(3), AgentId(5)}, {u"math"_s}, 2, Routing::Adaptive};
    draft.map = StepMap {u"inputs.items"_s, u"entry"_s};
    draft.priority = 5;
    draft.timeoutMs = 60000;
    draft.budgetUsd = 0.25;
    draft.retry = RetryPolicy {3, 100, 1000, 0.1};
    draft.x = 40.5;
    draft.y = -20;

    WorkflowStep gate = approvalStep(u"gate"_s, u"steps.draft.output"_s);
    gate.title = u"Check the draft"_s;
    gate.condition = u"steps.draft.agreement >= 0.5"_s;
    gate.x = 300;
    gate.y = 10;

    workflow.steps = {draft, gate};
    workflow.outputs = {{u"drafts"_s, u"steps.gate.output"_s}, {u"agreement"_s, u"steps.draft.agreement"_s}};
    return workflow;
}

StepRun sampleStepRun()
{
    return StepRun {u"draft"_s,
                    StepState::Failed,
                    2,
                    {TaskId(7), TaskId(8)},
                    QJsonArray {u"first"_s, u"second"_s},
                    0.8,
                    0.0125,
                    u"all providers failed"_s,
                    T0,
                    T0 + 2500};
}

Run sampleRun()
{
    Run run;
    run.id = RunId(42);
    run.workflow = fullWorkflow();
    run.inputs = QJsonObject {{u"topic"_s, u"Qt"_s}, {u"count"_s, 3}};
    run.idempotencyKey = u"nightly-2025-11-27"_s;
    run.state = RunState::Failed;
    run.stateReason = u"step draft failed"_s;
    run.steps = {sampleStepRun(), StepRun {u"gate"_s, StepState::Cancelled, 0, {}, QJsonValue(), 0, 0, u"x"_s, 0, 0}};
    run.outputs = QJsonObject {{u"drafts"_s, QJsonArray {u"first"_s}}};
    run.createdMs = T0 - 1000;
    run.finishedMs = T0 + 3000;
    run.costUsd = 0.02;
    run.error = makeError(ErrorCode::ProviderError, u"all providers failed"_s, {{u"retriable"_s, false}});
    return run;
}

// ---- Type erasure, so one data-driven test covers every run type. ----

struct Codec
{
    QJsonValue encoded; ///< toJson(sample)
    QJsonValue encodedDefault; ///< toJson(T{})
    /// Decodes (strictly) and answers the error, whether the value equals the sample, and its JSON.
    std::function<std::tuple<std::optional<Error>, bool, QJsonValue>(const QJsonValue &)> decode;
};

template<typename T>
Codec codecFor(const T &sample)
{
    return Codec {toJson(sample), toJson(T {}), [sample](const QJsonValue &json) {
                      const Result<T> decoded = fromJson<T>(json, JsonReader::Mode::Strict);
                      if (!decoded)
                          return std::tuple {std::optional<Error>(decoded.error()), false, QJsonValue()};
                      return std::tuple {std::optional<Error>(), *decoded == sample, toJson(*decoded)};
                  }};
}

// ---- Validation helpers ----

// Each problem as "step|field", in the validator's order.
QStringList problemPlaces(const QList<WorkflowProblem> &problems)
{
    QStringList places;
    for (const WorkflowProblem &problem : problems)
        places.append(problem.step + u'|' + problem.field);
    return places;
}

QString describe(const QList<WorkflowProblem> &problems)
{
    QStringList lines;
    for (const WorkflowProblem &problem : problems)
        lines.append(problem.toString());
    return lines.join(u"; "_s);
}

using Mutation = std::function<void(Workflow &)>;

void addListInput(Workflow &workflow)
{
    workflow.inputs.append(WorkflowInput {u"items"_s, ValueType::List, {}, QJsonArray {u"a"_s, u"b"_s}});
}

// ---- A small structural check against the schema: types, required members, unknown members, enums
// and consts, following local $refs. Enough to notice the schema and the files drifting apart. ----

QJsonObject resolve(const QJsonObject &root, const QJsonObject &schema)
{
    const QString ref = schema.value("$ref"_L1).toString();
    if (ref.isEmpty())
        return schema;
    QJsonObject node = root;
    for (const QString &part : ref.mid(2).split(u'/'))
        node = node.value(part).toObject();
    return node;
}

bool hasType(const QJsonValue &value, const QJsonValue &type)
{
    if (type.isArray()) {
        const QJsonArray types = type.toArray();
        return std::any_of(types.begin(), types.end(), [&](const QJsonValue &t) { return hasType(value, t); });
    }
    const QString name = type.toString();
    if (name == "object"_L1)
        return value.isObject();
    if (name == "array"_L1)
        return value.isArray();
    if (name == "string"_L1)
        return value.isString();
    if (name == "boolean"_L1)
        return value.isBool();
    if (name == "null"_L1)
        return value.isNull();
    if (name == "integer"_L1)
        return value.isDouble() && value.toDouble() == std::floor(value.toDouble());
    if (name == "number"_L1)
        return value.isDouble();
    return true;
}

QStringList schemaProblems(const QJsonObject &root, const QJsonObject &schemaIn, const QJsonValue &value,
                           const QString &path)
{
    const QJsonObject schema = resolve(root, schemaIn);
    QStringList problems;
    if (schema.contains("type"_L1) && !hasType(value, schema.value("type"_L1)))
        return {path + u": wrong type"_s};
    if (schema.contains("const"_L1) && schema.value("const"_L1) != value)
        problems.append(path + u": not the constant"_s);
    if (schema.contains("enum"_L1) && !schema.value("enum"_L1).toArray().contains(value))
        problems.append(path + u": not one of the enum"_s);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value("properties"_L1).toObject();
        for (const QJsonValue &required : schema.value("required"_L1).toArray()) {
            if (!object.contains(required.toString()))
                problems.append(path + u'.' + required.toString() + u": required"_s);
        }
        const QJsonValue additional = schema.value("additionalProperties"_L1);
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString memberPath = path + u'.' + it.key();
            if (properties.contains(it.key()))
                problems += schemaProblems(root, properties.value(it.key()).toObject(), it.value(), memberPath);
            else if (additional.isBool() && !additional.toBool())
                problems.append(memberPath + u": not in the schema"_s);
            else if (additional.isObject())
                problems += schemaProblems(root, additional.toObject(), it.value(), memberPath);
        }
    }
    if (value.isArray() && schema.contains("items"_L1)) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            problems += schemaProblems(root, schema.value("items"_L1).toObject(), array.at(i),
                                       path + u'[' + QString::number(i) + u']');
    }
    return problems;
}

QJsonObject workflowSchema()
{
    return readJsonFile(sourcePath(u"resources/workflows/workflow.schema.json"_s));
}

QStringList demoWorkflowFiles()
{
    QStringList files = QDir(sourcePath(u"resources/workflows"_s)).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    files.removeAll(u"workflow.schema.json"_s);
    return files;
}

} // namespace

class TestWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The file format.
    void roundTripKeepsEveryMember();
    void writesTheFileFormat();
    void readsAMinimalFile();
    void upgradesVersion1();
    void refusesVersionsItCannotRead_data();
    void refusesVersionsItCannotRead();
    void rejectsInvalidFiles_data();
    void rejectsInvalidFiles();

    // Validation.
    void validWorkflowHasNoProblems();
    void findsProblems_data();
    void findsProblems();
    void acceptsWhatIsFine_data();
    void acceptsWhatIsFine();
    void namesOnlyTheStepsOnACycle();
    void problemsPrintWhereTheyAre();

    // The graph.
    void stepDependencies();
    void topologicalOrderRespectsDependencies_data();
    void topologicalOrderRespectsDependencies();
    void topologicalOrderIsEmptyOnACycle();
    void duplicateIdsDoNotFakeACycle();
    void stepDescendants();

    // Conditions.
    void expressionParseErrors_data();
    void expressionParseErrors();
    void expressionReferences();
    void expressionEvaluation_data();
    void expressionEvaluation();
    void expressionUnknownReference();
    void isTrue_data();
    void isTrue();

    // Runs.
    void runTypesRoundTrip_data();
    void runTypesRoundTrip();
    void runSpecNamesTheWorkflowsProblem();

    // The demo workflows and the schema.
    void demoWorkflowsArePresent();
    void demoWorkflowIsValid_data();
    void demoWorkflowIsValid();
    void demoWorkflowMatchesTheSchema_data();
    void demoWorkflowMatchesTheSchema();
    void schemaCoversWhatTheWriterWrites();
};

// ---- The file format ----

void TestWorkflow::roundTripKeepsEveryMember()
{
    const Workflow original = fullWorkflow();
    QVERIFY2(validateWorkflow(original).isEmpty(), qPrintable(describe(validateWorkflow(original))));

    const QJsonObject json = workflowToJson(original);
    // Through JSON text, as a file is.
    const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    const Result<Workflow> decoded = workflowFromJson(reread);
    QS_VERIFY_OK(decoded);
    QVERIFY(*decoded == original);
    QCOMPARE(compact(workflowToJson(*decoded)), compact(json));

    // Each member on its own, so a failure says which.
    QCOMPARE(decoded->inputs, original.inputs);
    QCOMPARE(decoded->inputs.at(4).defaultValue.isUndefined(), true);
    QCOMPARE(decoded->steps.size(), 2);
    QVERIFY(decoded->steps.at(0) == original.steps.at(0));
    QVERIFY(decoded->steps.at(1) == original.steps.at(1));
    QCOMPARE(decoded->outputs, original.outputs);
}

void TestWorkflow::writesTheFileFormat()
{
    const QJsonObject json = workflowToJson(fullWorkflow());
    QCOMPARE(json.value("format"_L1).toString(), u"qwen-swarm-workflow"_s);
    QCOMPARE(json.value("version"_L1).toInt(), kWorkflowFormatVersion);
    QCOMPARE(kWorkflowFormatVersion, 2);

    const QJsonArray steps = json.value("steps"_L1).toArray();
    const QJsonObject task = steps.at(0).toObject();
    QCOMPARE(task.value("kind"_L1).toString(), u"task"_s);
    QCOMPARE(task.value("answer_format"_L1).toString(), u"ranking"_s);
    QCOMPARE(task.value("strategy"_L1).toObject().value("name"_L1).toString(), u"threshold"_s);
    QCOMPARE(task.value("map"_L1).toObject().value("as"_L1).toString(), u"entry"_s);
    QCOMPARE(task.value("position"_L1).toObject().value("x"_L1).toDouble(), 40.5);

    // An approval step carries no task members.
    const QJsonObject approval = steps.at(1).toObject();
    QCOMPARE(approval.value("kind"_L1).toString(), u"approval"_s);
    QVERIFY(!approval.contains("swarm"_L1));
    QVERIFY(!approval.contains("prompt"_L1));
    QVERIFY(!approval.contains("answer_format"_L1));
    QCOMPARE(approval.value("instructions"_L1).toString(), u"Read it before it goes on."_s);

    // Inputs without a default write none: they are required.
    const QJsonArray inputs = json.value("inputs"_L1).toArray();
    QVERIFY(inputs.at(0).toObject().contains("default"_L1));
    QVERIFY(!inputs.at(4).toObject().contains("default"_L1));
}

void TestWorkflow::readsAMinimalFile()
{
    const Result<Workflow> read = workflowFromJson(parse(R"({"version": 2, "name": "w", "steps": [
        {"id": "a", "swarm": "demo", "prompt": "hi"}]})"));
    QS_VERIFY_OK(read);
    QCOMPARE(read->revision, 1);
    QCOMPARE(read->steps.size(), 1);
    const WorkflowStep &step = read->steps.at(0);
    QCOMPARE(step.kind, StepKind::Task);
    QCOMPARE(step.answerFormat, AnswerFormat::FreeText);
    QVERIFY(!step.strategy);
    QVERIFY(!step.map);
    QCOMPARE(step.retry.maxAttempts, 1);
    QCOMPARE(step.x, 0.0);
    QVERIFY(validateWorkflow(*read).isEmpty());
}

void TestWorkflow::upgradesVersion1()
{
    const QJsonObject v1 = parse(R"({
        "format": "qwen-swarm-workflow", "version": 1, "name": "old", "revision": 3,
        "inputs": {"goal": "text", "rounds": "number"},
        "steps": {
            "plan": {"swarm": "demo", "prompt": "Plan {{goal}}", "inputs": {"goal": "inputs.goal"},
                     "strategy": "majority"},
            "gate": {"approval": "Is the plan sound?", "inputs": {"input": "steps.plan.output"}},
            "final": {"swarm": "demo", "prompt": "Do {{plan}}", "inputs": {"plan": "steps.gate.output"},
                      "strategy": {"name": "debate", "parameters": {"max_rounds": 2}}}
        },
        "outputs": {"result": "steps.final.output"}})");

    Workflow expected;
    expected.name = u"old"_s;
    expected.revision = 3;
    // Members of a JSON object have no order: inputs and steps come sorted by name.
    expected.inputs = {WorkflowInput {u"goal"_s, ValueType::Text, {}, kRequired},
                       WorkflowInput {u"rounds"_s, ValueType::Number, {}, kRequired}};
    WorkflowStep final = taskStep(u"final"_s, u"Do {{plan}}"_s, {{u"plan"_s, u"steps.gate.output"_s}});
    final.strategy = StrategySpec {u"debate"_s, QJsonObject {{u"max_rounds"_s, 2}}};
    WorkflowStep gate = approvalStep(u"gate"_s, u"steps.plan.output"_s);
    gate.instructions = u"Is the plan sound?"_s;
    WorkflowStep plan = taskStep(u"plan"_s, u"Plan {{goal}}"_s, {{u"goal"_s, u"inputs.goal"_s}});
    plan.strategy = StrategySpec {u"majority"_s, {}};
    expected.steps = {final, gate, plan};
    expected.outputs = {{u"result"_s, u"steps.final.output"_s}};

    const Result<Workflow> read = workflowFromJson(v1);
    QS_VERIFY_OK(read);
    QCOMPARE(compact(workflowToJson(*read)), compact(workflowToJson(expected)));
    QVERIFY(*read == expected);
    QVERIFY2(validateWorkflow(*read).isEmpty(), qPrintable(describe(validateWorkflow(*read))));
    QCOMPARE(topologicalOrder(*read), (QStringList {u"plan"_s, u"gate"_s, u"final"_s}));

    // The upgraded JSON is a current file, and upgrading it again changes nothing.
    const Result<QJsonObject> upgraded = upgradeWorkflowJson(v1);
    QS_VERIFY_OK(upgraded);
    QCOMPARE(upgraded->value("version"_L1).toInt(), 2);
    QCOMPARE(upgraded->value("format"_L1).toString(), u"qwen-swarm-workflow"_s);
    QVERIFY(upgraded->value("steps"_L1).isArray());
    const Result<QJsonObject> again = upgradeWorkflowJson(*upgraded);
    QS_VERIFY_OK(again);
    QCOMPARE(compact(*again), compact(*upgraded));
}

void TestWorkflow::refusesVersionsItCannotRead_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("newer version") << parse(R"({"version": 3, "name": "w", "steps": []})") << u"version"_s
                                   << u"version 3 is newer"_s;
    QTest::newRow("far newer version") << parse(R"({"version": 10000000000, "name": "w", "steps": []})") << u"version"_s
                                       << u"is newer"_s;
    QTest::newRow("missing version") << parse(R"({"format": "qwen-swarm-workflow", "name": "w", "steps": []})")
                                     << u"version"_s << u"required"_s;
    QTest::newRow("version as a string") << parse(R"({"version": "2", "name": "w", "steps": []})") << u"version"_s
                                         << u"an integer"_s;
    QTest::newRow("fractional version") << parse(R"({"version": 1.5, "name": "w", "steps": []})") << u"version"_s
                                        << u"an integer"_s;
    QTest::newRow("version 0") << parse(R"({"version": 0, "name": "w", "steps": []})") << u"version"_s
                               << u"unknown version 0"_s;
    QTest::newRow("wrong format") << parse(R"({"format": "qwen-swarm-swarm", "version": 2, "name": "w", "steps": []})")
                                  << u"format"_s << u"not a workflow file"_s;
    QTest::newRow("format not a string") << parse(R"({"format": 2, "version": 2, "name": "w", "steps": []})")
                                         << u"format"_s << u"not a workflow file"_s;
}

void TestWorkflow::refusesVersionsItCannotRead()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, path);
    QFETCH(QString, fragment);

    const Result<Workflow> read = workflowFromJson(json);
    QS_VERIFY_ERROR(read, ErrorCode::InvalidArgument);
    QVERIFY2(read.error().message.startsWith(path + u": "_s), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(fragment), qPrintable(read.error().message));
    QCOMPARE(read.error().details.value("path"_L1).toString(), path);
    QS_VERIFY_ERROR(upgradeWorkflowJson(json), ErrorCode::InvalidArgument);
}

void TestWorkflow::rejectsInvalidFiles_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("message"); // what the message starts with: "<path>: <problem>"

    const auto file = [](const char *steps) {
        const QByteArray text = QByteArray(R"({"version": 2, "name": "w", "inputs": [{"name": "goal"}], "steps": )")
            + QByteArray(steps) + QByteArray("}");
        return parse(text.constData());
    };

    QTest::newRow("task without swarm") << file(R"([{"id": "plan", "prompt": "p"}])")
                                        << u"steps[plan].swarm: required"_s;
    QTest::newRow("task without prompt") << file(R"([{"id": "plan", "kind": "task", "swarm": "demo"}])")
                                         << u"steps[plan].prompt: required"_s;
    QTest::newRow("step without id") << file(R"([{"swarm": "demo", "prompt": "p"}])") << u"steps[0].id: required"_s;
    QTest::newRow("step not an object") << file(R"([{"id": "a", "swarm": "demo", "prompt": "p"}, 7])")
                                        << u"steps[1]: expected an object"_s;
    QTest::newRow("unknown kind") << file(R"([{"id": "plan", "kind": "review", "swarm": "demo", "prompt": "p"}])")
                                  << u"steps[plan].kind: unknown value 'review' (expected one of task, approval)"_s;
    QTest::newRow("unknown member of a step")
        << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "colour": "red"}])")
        << u"steps[plan].colour: unknown member"_s;
    QTest::newRow("unknown member of a strategy")
        << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "strategy": {"name": "debate", "rounds": 2}}])")
        << u"steps[plan].strategy.rounds: unknown member"_s;
    QTest::newRow("strategy as a bare name in version 2")
        << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "strategy": "debate"}])")
        << u"steps[plan].strategy: expected an object"_s;
    QTest::newRow("unknown member of a map")
        << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "map": {"over": "inputs.goal", "ass": "x"}}])")
        << u"steps[plan].map.ass: unknown member"_s;
    QTest::newRow("map without over") << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "map": {}}])")
                                      << u"steps[plan].map.over: required"_s;
    QTest::newRow("unknown member of a retry")
        << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "retry": {"max_attempt": 3}}])")
        << u"steps[plan].retry.max_attempt: unknown member"_s;
    QTest::newRow("unknown routing") << file(
        R"([{"id": "plan", "swarm": "demo", "prompt": "p", "selection": {"routing": "random"}}])")
                                     << u"steps[plan].selection.routing: unknown value 'random'"_s;
    QTest::newRow("unknown member of a position")
        << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "position": {"x": 1, "z": 2}}])")
        << u"steps[plan].position.z: unknown member"_s;
    QTest::newRow("position not a number")
        << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "position": {"x": "10", "y": 0}}])")
        << u"steps[plan].position.x: expected a finite number"_s;
    QTest::newRow("binding not a string")
        << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "inputs": {"goal": 3}}])")
        << u"steps[plan].inputs.goal: expected a string"_s;
    QTest::newRow("unknown answer format")
        << file(R"([{"id": "plan", "swarm": "demo", "prompt": "p", "answer_format": "essay"}])")
        << u"steps[plan].answer_format: unknown value 'essay'"_s;
    QTest::newRow("steps as an object in version 2")
        << file(R"({"plan": {"swarm": "demo", "prompt": "p"}})") << u"steps: expected an array"_s;
    QTest::newRow("missing steps") << parse(R"({"version": 2, "name": "w"})") << u"steps: required"_s;
    QTest::newRow("missing name") << parse(R"({"version": 2, "steps": []})") << u"name: required"_s;
    QTest::newRow("unknown top-level member")
        << parse(R"({"version": 2, "name": "w", "steps": [], "author": "me"})") << u"author: unknown member"_s;
    QTest::newRow("unknown input type") << parse(R"({"version": 2, "name": "w", "steps": [],
                                                    "inputs": [{"name": "d", "type": "date"}]})")
                                        << u"inputs[0].type: unknown value 'date'"_s;
    QTest::newRow("unknown member of an input") << parse(R"({"version": 2, "name": "w", "steps": [],
                                                            "inputs": [{"name": "d", "defualt": 1}]})")
                                                << u"inputs[0].defualt: unknown member"_s;
    QTest::newRow("output not a string") << parse(R"({"version": 2, "name": "w", "steps": [], "outputs": {"a": 1}})")
                                         << u"outputs.a: expected a string"_s;
}

void TestWorkflow::rejectsInvalidFiles()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, message);

    const Result<Workflow> read = workflowFromJson(json);
    QS_VERIFY_ERROR(read, ErrorCode::InvalidArgument);
    QVERIFY2(read.error().message.startsWith(message), qPrintable(read.error().message));
    QCOMPARE(read.error().details.value("path"_L1).toString(), message.section(u": "_s, 0, 0));
}

// ---- Validation ----

void TestWorkflow::validWorkflowHasNoProblems()
{
    const WorkflowEnvironment demo {{u"demo"_s}, kEngineStrategies};
    QCOMPARE(describe(validateWorkflow(validWorkflow(), demo)), QString());
    QCOMPARE(describe(validateWorkflow(fullWorkflow(), demo)), QString());
}

void TestWorkflow::findsProblems_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<WorkflowEnvironment>("environment");
    QTest::addColumn<QStringList>("places"); // every problem's "step|field", in order
    QTest::addColumn<QString>("fragment"); // what the first problem's message says

    const WorkflowEnvironment offline;
    const WorkflowEnvironment demo {{u"demo"_s}, kEngineStrategies};
    const auto row = [](const char *name, const WorkflowEnvironment &environment, const QStringList &places,
                        const QString &fragment,
                        const Mutation &mutate) { QTest::newRow(name) << mutate << environment << places << fragment; };

    // The workflow.
    row("empty name", offline, {u"|name"_s}, u"needs a name"_s, [](Workflow &w) { w.name = u"  "_s; });
    row("revision 0", offline, {u"|revision"_s}, u"at least 1"_s, [](Workflow &w) { w.revision = 0; });
    row("no steps", offline, {u"|steps"_s}, u"at least one step"_s, [](Workflow &w) {
        w.steps.clear();
        w.outputs.clear();
    });
    row("bad step id", offline, {u"2nd|id"_s}, u"'2nd' is not an identifier"_s,
        [](Workflow &w) { w.steps[1].id = u"2nd"_s; });
    row("step id with a dot", offline, {u"check.it|id"_s}, u"not an identifier"_s,
        [](Workflow &w) { w.steps[1].id = u"check.it"_s; });
    row("duplicate id", offline, {u"check|id"_s}, u"another step has the id 'check'"_s,
        [](Workflow &w) { w.steps.append(w.steps.at(1)); });
    row("bad input name", offline, {u"|inputs.my input"_s}, u"not an identifier"_s, [](Workflow &w) {
        w.inputs.append(WorkflowInput {u"my input"_s, ValueType::Text, {}, kRequired});
    });
    row("input declared twice", offline, {u"|inputs.question"_s}, u"declared twice"_s,
        [](Workflow &w) { w.inputs.append(w.inputs.at(0)); });
    row("default of the wrong type", offline, {u"|inputs.question"_s}, u"the default is not a text"_s,
        [](Workflow &w) { w.inputs[0].defaultValue = 42; });
    row("list default that is a text", offline, {u"|inputs.items"_s}, u"the default is not a list"_s, [](Workflow &w) {
        w.inputs.append(WorkflowInput {u"items"_s, ValueType::List, {}, u"a, b"_s});
    });
    row("output of an unknown step", offline, {u"|outputs.answer"_s}, u"there is no step 'reply'"_s,
        [](Workflow &w) { w.outputs[u"answer"_s] = u"steps.reply.output"_s; });
    row("two problems in order", offline, {u"|name"_s, u"check|retry.max_attempts"_s}, u"needs a name"_s,
        [](Workflow &w) {
            w.name.clear();
            w.steps[1].retry.maxAttempts = 0;
        });

    // References.
    row("unknown input", offline, {u"answer|inputs.question"_s}, u"the workflow has no input 'topic'"_s,
        [](Workflow &w) { w.steps[0].inputs[u"question"_s] = u"inputs.topic"_s; });
    row("unknown step", offline, {u"check|inputs.answer"_s}, u"there is no step 'reply'"_s,
        [](Workflow &w) { w.steps[1].inputs[u"answer"_s] = u"steps.reply.output"_s; });
    row("not a reference", offline, {u"check|inputs.answer"_s}, u"'steps.answer.text' is not a reference"_s,
        [](Workflow &w) { w.steps[1].inputs[u"answer"_s] = u"steps.answer.text"_s; });
    row("own output", offline, {u"check|inputs.self"_s}, u"cannot read its own output"_s,
        [](Workflow &w) { w.steps[1].inputs[u"self"_s] = u"steps.check.output"_s; });

    // Conditions.
    row("condition does not parse", offline, {u"check|condition"_s}, u"expected a value"_s,
        [](Workflow &w) { w.steps[1].condition = u"steps.answer.output =="_s; });
    row("condition on an unknown step", offline, {u"check|condition"_s}, u"there is no step 'draft'"_s,
        [](Workflow &w) { w.steps[1].condition = u"steps.draft.agreement > 0.5"_s; });
    row("condition with a bare word", offline, {u"check|condition"_s}, u"'yes' is not a reference"_s,
        [](Workflow &w) { w.steps[1].condition = u"yes == steps.answer.output"_s; });
    row("own agreement in a condition", offline, {u"check|condition"_s}, u"cannot read its own output"_s,
        [](Workflow &w) { w.steps[1].condition = u"steps.check.agreement > 0.5"_s; });

    // Maps.
    row("map over a text input", offline, {u"answer|map.over"_s}, u"'inputs.question' is a text, not a list"_s,
        [](Workflow &w) {
            w.steps[0].map = StepMap {u"inputs.question"_s, u"item"_s};
        });
    row("map over a task's output", offline, {u"check|map.over"_s}, u"is a text, not a list"_s, [](Workflow &w) {
        w.steps[1].map = StepMap {u"steps.answer.output"_s, u"item"_s};
    });
    row("map over an agreement", offline, {u"check|map.over"_s}, u"is a number, not a list"_s, [](Workflow &w) {
        w.steps[1].map = StepMap {u"steps.answer.agreement"_s, u"item"_s};
    });
    row("map as an input's name", offline, {u"answer|map.as"_s}, u"'question' is already an input's name"_s,
        [](Workflow &w) {
            addListInput(w);
            w.steps[0].map = StepMap {u"inputs.items"_s, u"question"_s};
        });
    row("map as index", offline, {u"answer|map.as"_s}, u"'index' is already an input's name"_s, [](Workflow &w) {
        addListInput(w);
        w.steps[0].map = StepMap {u"inputs.items"_s, u"index"_s};
    });
    row("map as not an identifier", offline, {u"answer|map.as"_s}, u"not an identifier"_s, [](Workflow &w) {
        addListInput(w);
        w.steps[0].map = StepMap {u"inputs.items"_s, u"an item"_s};
    });

    // Prompts.
    row("unbound placeholder", offline, {u"answer|prompt"_s}, u"the prompt uses {{audience}}, which no input binds"_s,
        [](Workflow &w) { w.steps[0].prompt = u"Answer {{ question }} for {{audience}}."_s; });
    row("index without a map", offline, {u"answer|prompt"_s}, u"{{index}}"_s,
        [](Workflow &w) { w.steps[0].prompt = u"Answer {{question}} ({{index}})"_s; });
    row("agent placeholder the renderer does not know", offline, {u"answer|prompt"_s}, u"{{agent.mood}}"_s,
        [](Workflow &w) { w.steps[0].prompt = u"Answer {{question}} in the mood of {{agent.mood}}"_s; });

    // Approval steps.
    row("approval without input", offline, {u"gate|inputs.input"_s}, u"bind it"_s, [](Workflow &w) {
        WorkflowStep gate = approvalStep(u"gate"_s, u"steps.answer.output"_s);
        gate.inputs = {{u"text"_s, u"steps.answer.output"_s}};
        w.steps.append(gate);
    });
    row("approval with a swarm", offline, {u"gate|swarm"_s}, u"asks an operator, not a swarm"_s, [](Workflow &w) {
        WorkflowStep gate = approvalStep(u"gate"_s, u"steps.answer.output"_s);
        gate.swarm = u"demo"_s;
        w.steps.append(gate);
    });
    row("approval with a prompt", offline, {u"gate|prompt"_s}, u"asks an operator, not a swarm"_s, [](Workflow &w) {
        WorkflowStep gate = approvalStep(u"gate"_s, u"steps.answer.output"_s);
        gate.prompt = u"Approve?"_s;
        w.steps.append(gate);
    });
    row("approval with a map", offline, {u"gate|map"_s}, u"cannot fan out"_s, [](Workflow &w) {
        addListInput(w);
        WorkflowStep gate = approvalStep(u"gate"_s, u"steps.answer.output"_s);
        gate.map = StepMap {u"inputs.items"_s, u"item"_s};
        w.steps.append(gate);
    });
    row("instructions on a task", offline, {u"answer|instructions"_s}, u"only approval steps"_s,
        [](Workflow &w) { w.steps[0].instructions = u"Read it"_s; });

    // Task steps.
    row("task without swarm", offline, {u"answer|swarm"_s}, u"needs a swarm"_s,
        [](Workflow &w) { w.steps[0].swarm.clear(); });
    row("task without prompt", offline, {u"answer|prompt"_s}, u"needs a prompt"_s,
        [](Workflow &w) { w.steps[0].prompt = u" "_s; });
    row("unknown swarm", demo, {u"answer|swarm"_s}, u"no swarm is named 'other'"_s,
        [](Workflow &w) { w.steps[0].swarm = u"other"_s; });
    row("unknown strategy", demo, {u"answer|strategy"_s}, u"unknown strategy 'supermajority'"_s, [](Workflow &w) {
        w.steps[0].strategy = StrategySpec {u"supermajority"_s, {}};
    });
    row("choice without choices", offline, {u"check|choices"_s}, u"a choice answer needs choices"_s,
        [](Workflow &w) { w.steps[1].choices.clear(); });
    row("ranking without choices", offline, {u"check|choices"_s}, u"a ranking answer needs choices"_s, [](Workflow &w) {
        w.steps[1].answerFormat = AnswerFormat::Ranking;
        w.steps[1].choices.clear();
    });
    row("retry.max_attempts 0", offline, {u"answer|retry.max_attempts"_s}, u"must be in [1, 20]"_s,
        [](Workflow &w) { w.steps[0].retry.maxAttempts = 0; });
    row("retry.max_attempts 21", offline, {u"answer|retry.max_attempts"_s}, u"must be in [1, 20]"_s,
        [](Workflow &w) { w.steps[0].retry.maxAttempts = 21; });
    row("priority out of range", offline, {u"answer|priority"_s}, u"[-1000, 1000]"_s,
        [](Workflow &w) { w.steps[0].priority = 1001; });
    row("negative timeout", offline, {u"answer|timeout_ms"_s}, u"cannot be negative"_s,
        [](Workflow &w) { w.steps[0].timeoutMs = -1; });
    row("negative budget", offline, {u"answer|budget_usd"_s}, u"cannot be negative"_s,
        [](Workflow &w) { w.steps[0].budgetUsd = -0.5; });
}

void TestWorkflow::findsProblems()
{
    QFETCH(Mutation, mutate);
    QFETCH(WorkflowEnvironment, environment);
    QFETCH(QStringList, places);
    QFETCH(QString, fragment);

    Workflow workflow = validWorkflow();
    mutate(workflow);
    const QList<WorkflowProblem> problems = validateWorkflow(workflow, environment);
    QVERIFY2(problemPlaces(problems) == places, qPrintable(describe(problems)));
    QVERIFY2(problems.constFirst().message.contains(fragment), qPrintable(describe(problems)));
}

void TestWorkflow::acceptsWhatIsFine_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<WorkflowEnvironment>("environment");

    const WorkflowEnvironment offline;
    const auto row = [](const char *name, const WorkflowEnvironment &environment, const Mutation &mutate) {
        QTest::newRow(name) << mutate << environment;
    };

    // Names are checked only against what the environment lists.
    row("unknown swarm, offline", offline, [](Workflow &w) { w.steps[0].swarm = u"other"_s; });
    row("unknown strategy, offline", offline, [](Workflow &w) {
        w.steps[0].strategy = StrategySpec {u"supermajority"_s, {}};
    });
    row("unknown swarm, only strategies known", WorkflowEnvironment {{}, kEngineStrategies},
        [](Workflow &w) { w.steps[0].swarm = u"other"_s; });
    row("renderer's built-ins", offline, [](Workflow &w) {
        w.steps[0].prompt = u"{{question}} for {{agent.name}} ({{ agent.index }}, {{agent.role}}) in {{task.id}}"_s;
    });
    row("map's item and index", offline, [](Workflow &w) {
        addListInput(w);
        w.steps[0].map = StepMap {u"inputs.items"_s, u"item"_s};
        w.steps[0].prompt = u"{{question}}: {{item}} ({{index}})"_s;
    });
    row("map over a map step's output", offline, [](Workflow &w) {
        addListInput(w);
        w.steps[0].map = StepMap {u"inputs.items"_s, u"entry"_s};
        w.steps[1].map = StepMap {u"steps.answer.output"_s, u"item"_s};
    });
    row("null default", offline, [](Workflow &w) { w.inputs[0].defaultValue = QJsonValue::Null; });
    row("condition on an earlier step", offline, [](Workflow &w) {
        w.steps[1].condition = u"steps.answer.agreement < 0.9 || !(inputs.question contains 'easy')"_s;
    });
    row("approval step", offline, [](Workflow &w) {
        w.steps.append(approvalStep(u"gate"_s, u"steps.check.output"_s));
        w.outputs[u"verdict"_s] = u"steps.gate.output"_s;
    });
}

void TestWorkflow::acceptsWhatIsFine()
{
    QFETCH(Mutation, mutate);
    QFETCH(WorkflowEnvironment, environment);

    Workflow workflow = validWorkflow();
    mutate(workflow);
    QCOMPARE(describe(validateWorkflow(workflow, environment)), QString());
}

void TestWorkflow::namesOnlyTheStepsOnACycle()
{
    // first -> a <-> b -> after; c on its own; d <- c. Only a and b are on the cycle.
    Workflow workflow = validWorkflow();
    workflow.steps = {
        taskStep(u"first"_s, u"go"_s),
        taskStep(u"a"_s, u"{{x}} {{y}}"_s, {{u"x"_s, u"steps.b.output"_s}, {u"y"_s, u"steps.first.output"_s}}),
        taskStep(u"after"_s, u"{{x}}"_s, {{u"x"_s, u"steps.b.output"_s}}),
        taskStep(u"b"_s, u"{{x}}"_s, {{u"x"_s, u"steps.a.output"_s}}),
        taskStep(u"c"_s, u"alone"_s),
        taskStep(u"d"_s, u"{{x}}"_s, {{u"x"_s, u"steps.c.output"_s}}),
    };
    workflow.outputs.clear();

    const QList<WorkflowProblem> problems = validateWorkflow(workflow);
    QVERIFY2(problemPlaces(problems) == (QStringList {u"a|inputs"_s, u"b|inputs"_s}), qPrintable(describe(problems)));
    for (const WorkflowProblem &problem : problems) {
        QVERIFY2(problem.message.contains(u"the steps a, b depend on each other in a cycle"_s),
                 qPrintable(problem.message));
    }

    // A cycle through a condition counts too; two cycles name each its own steps.
    workflow.steps[4].condition = u"steps.d.agreement > 0.5"_s;
    const QList<WorkflowProblem> two = validateWorkflow(workflow);
    QVERIFY2(problemPlaces(two) == (QStringList {u"a|inputs"_s, u"b|inputs"_s, u"c|inputs"_s, u"d|inputs"_s}),
             qPrintable(describe(two)));
    QVERIFY2(two.at(0).message.contains(u"a, b depend"_s), qPrintable(two.at(0).message));
    QVERIFY2(two.at(2).message.contains(u"c, d depend"_s), qPrintable(two.at(2).message));
}

void TestWorkflow::problemsPrintWhereTheyAre()
{
    QCOMPARE((WorkflowProblem {u"plan"_s, u"swarm"_s, u"a task step needs a swarm"_s}).toString(),
             u"steps[plan].swarm: a task step needs a swarm"_s);
    QCOMPARE((WorkflowProblem {{}, u"name"_s, u"a workflow needs a name"_s}).toString(),
             u"name: a workflow needs a name"_s);
    QCOMPARE((WorkflowProblem {{}, {}, u"bad"_s}).toString(), u"bad"_s);
}

// ---- The graph ----

void TestWorkflow::stepDependencies()
{
    WorkflowStep step = taskStep(u"s"_s, u"p"_s,
                                 {{u"a"_s, u"steps.x.agreement"_s},
                                  {u"b"_s, u"steps.y.output"_s},
                                  {u"c"_s, u"inputs.q"_s},
                                  {u"d"_s, u"steps.x.output"_s}});
    step.condition = u"steps.z.output == 'ok' && steps.x.agreement > 0.5"_s;
    step.map = StepMap {u"steps.m.output"_s, u"item"_s};
    QCOMPARE(QwenSwarm::Api::stepDependencies(step), (QStringList {u"x"_s, u"y"_s, u"z"_s, u"m"_s}));

    // A condition that does not parse adds nothing (validation reports it).
    WorkflowStep broken = taskStep(u"s"_s, u"p"_s);
    broken.condition = u"steps.z.output =="_s;
    QCOMPARE(QwenSwarm::Api::stepDependencies(broken), QStringList());
}

void TestWorkflow::topologicalOrderRespectsDependencies_data()
{
    QTest::addColumn<QList<WorkflowStep>>("steps");
    QTest::addColumn<QStringList>("order");

    const auto reads = [](const QString &id, const QStringList &from) {
        QMap<QString, QString> inputs;
        for (const QString &source : from)
            inputs.insert(source, u"steps.%1.output"_s.arg(source));
        return taskStep(id, u"p"_s, inputs);
    };

    QTest::newRow("file order when independent")
        << QList {reads(u"c"_s, {}), reads(u"a"_s, {}), reads(u"b"_s, {})} << QStringList {u"c"_s, u"a"_s, u"b"_s};
    QTest::newRow("dependency first") << QList {reads(u"report"_s, {u"classify"_s}), reads(u"classify"_s, {})}
                                      << QStringList {u"classify"_s, u"report"_s};
    // Once a is placed, b and c are both ready: b comes first, as in the file.
    QTest::newRow("ties in file order") << QList {reads(u"b"_s, {u"a"_s}), reads(u"a"_s, {}), reads(u"c"_s, {})}
                                        << QStringList {u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("diamond") << QList {reads(u"join"_s, {u"left"_s, u"right"_s}), reads(u"right"_s, {u"top"_s}),
                                       reads(u"left"_s, {u"top"_s}), reads(u"top"_s, {})}
                             << QStringList {u"top"_s, u"right"_s, u"left"_s, u"join"_s};
    QTest::newRow("unknown step does not block")
        << QList {reads(u"a"_s, {u"ghost"_s}), reads(u"b"_s, {u"a"_s})} << QStringList {u"a"_s, u"b"_s};
    WorkflowStep conditional = reads(u"late"_s, {});
    conditional.condition = u"steps.early.agreement > 0.5"_s;
    WorkflowStep mapped = reads(u"fan"_s, {});
    mapped.map = StepMap {u"steps.late.output"_s, u"item"_s};
    QTest::newRow("through condition and map")
        << QList {mapped, conditional, reads(u"early"_s, {})} << QStringList {u"early"_s, u"late"_s, u"fan"_s};
}

void TestWorkflow::topologicalOrderRespectsDependencies()
{
    QFETCH(QList<WorkflowStep>, steps);
    QFETCH(QStringList, order);

    Workflow workflow;
    workflow.steps = steps;
    QCOMPARE(topologicalOrder(workflow), order);
}

void TestWorkflow::topologicalOrderIsEmptyOnACycle()
{
    Workflow workflow;
    workflow.steps = {taskStep(u"start"_s, u"p"_s), taskStep(u"a"_s, u"p"_s, {{u"x"_s, u"steps.b.output"_s}}),
                      taskStep(u"b"_s, u"p"_s, {{u"x"_s, u"steps.a.agreement"_s}})};
    QCOMPARE(topologicalOrder(workflow), QStringList());

    // A step reading itself is a cycle of one.
    workflow.steps = {taskStep(u"a"_s, u"p"_s, {{u"x"_s, u"steps.a.output"_s}})};
    QCOMPARE(topologicalOrder(workflow), QStringList());
    QCOMPARE(topologicalOrder(Workflow {}), QStringList());
}

void TestWorkflow::duplicateIdsDoNotFakeACycle()
{
    Workflow workflow;
    workflow.steps = {taskStep(u"b"_s, u"p"_s, {{u"x"_s, u"steps.a.output"_s}}), taskStep(u"a"_s, u"p"_s),
                      taskStep(u"a"_s, u"p"_s)};
    QCOMPARE(topologicalOrder(workflow), (QStringList {u"a"_s, u"b"_s, u"a"_s}));

    // Validation reports the duplicate, not a cycle.
    workflow.name = u"w"_s;
    QCOMPARE(problemPlaces(validateWorkflow(workflow)), QStringList {u"a|id"_s});
}

void TestWorkflow::stepDescendants()
{
    // a -> b -> c, a -> e, b -> e; d alone.
    Workflow workflow;
    workflow.steps = {taskStep(u"a"_s, u"p"_s), taskStep(u"b"_s, u"p"_s, {{u"x"_s, u"steps.a.output"_s}}),
                      taskStep(u"c"_s, u"p"_s, {{u"x"_s, u"steps.b.output"_s}}), taskStep(u"d"_s, u"p"_s),
                      taskStep(u"e"_s, u"p"_s, {{u"x"_s, u"steps.a.agreement"_s}, {u"y"_s, u"steps.b.output"_s}})};

    const auto sorted = [](QStringList list) {
        list.sort();
        return list;
    };
    QCOMPARE(sorted(QwenSwarm::Api::stepDescendants(workflow, u"a"_s)), (QStringList {u"a"_s, u"b"_s, u"c"_s, u"e"_s}));
    QCOMPARE(QwenSwarm::Api::stepDescendants(workflow, u"a"_s).constFirst(), u"a"_s);
    QCOMPARE(sorted(QwenSwarm::Api::stepDescendants(workflow, u"b"_s)), (QStringList {u"b"_s, u"c"_s, u"e"_s}));
    QCOMPARE(QwenSwarm::Api::stepDescendants(workflow, u"c"_s), QStringList {u"c"_s});
    QCOMPARE(QwenSwarm::Api::stepDescendants(workflow, u"d"_s), QStringList {u"d"_s});
}

// ---- Conditions ----

void TestWorkflow::expressionParseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // the message starts with this

    QTest::newRow("empty") << QString() << u"empty expression"_s;
    QTest::newRow("blank") << u"  \t"_s << u"empty expression"_s;
    QTest::newRow("unterminated text") << u"inputs.a == \"yes"_s << u"at 13: unterminated text"_s;
    QTest::newRow("unterminated single-quoted text") << u"inputs.a == 'yes"_s << u"at 13: unterminated text"_s;
    QTest::newRow("dangling and") << u"inputs.a &&"_s << u"at 12: expected a value"_s;
    QTest::newRow("dangling comparison") << u"inputs.a =="_s << u"at 12: expected a value"_s;
    QTest::newRow("leading or") << u"|| inputs.a"_s << u"at 1: unexpected '|'"_s;
    QTest::newRow("single equals") << u"inputs.a = 1"_s << u"at 10: unexpected '= 1'"_s;
    QTest::newRow("unclosed paren") << u"(inputs.a == 1"_s << u"at 15: expected ')'"_s;
    QTest::newRow("unopened paren") << u"inputs.a == 1)"_s << u"at 14: unexpected ')'"_s;
    QTest::newRow("not a number") << u"inputs.a > 1.2.3"_s << u"at 12: not a number"_s;
    QTest::newRow("contains glued to a word") << u"inputs.a containsb"_s << u"at 10: unexpected 'containsb'"_s;
    QTest::newRow("100 nested parens") << QString(QString(100, u'(') + u"true"_s + QString(100, u')'))
                                       << u"at 65: nested too deeply"_s;
    QTest::newRow("100 nots") << QString(QString(100, u'!') + u"true"_s) << u"at 65: nested too deeply"_s;
}

void TestWorkflow::expressionParseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);

    const Result<WorkflowExpression> parsed = WorkflowExpression::parse(text);
    QS_VERIFY_ERROR(parsed, ErrorCode::InvalidArgument);
    QVERIFY2(parsed.error().message.startsWith(message), qPrintable(parsed.error().message));
}

void TestWorkflow::expressionReferences()
{
    const Result<WorkflowExpression> parsed = WorkflowExpression::parse(
        u"steps.a.output == 'x' && (inputs.q contains steps.b.output || steps.a.agreement > 0.5) && !inputs.q"_s);
    QS_VERIFY_OK(parsed);
    QCOMPARE(parsed->references(),
             (QStringList {u"steps.a.output"_s, u"inputs.q"_s, u"steps.b.output"_s, u"steps.a.agreement"_s}));

    // Literals are not references; 64 levels of nesting are allowed.
    QCOMPARE(WorkflowExpression::parse(u"true && 'inputs.q' == \"x\""_s)->references(), QStringList());
    QS_VERIFY_OK(WorkflowExpression::parse(QString(64, u'(') + u"inputs.q"_s + QString(64, u')')));
}

void TestWorkflow::expressionEvaluation_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("expected");

    // Comparisons of texts ignore case and surrounding white space.
    QTest::newRow("== ignores case and space") << u"inputs.answer == 'yes'"_s << true;
    QTest::newRow("== on a literal with space") << u"inputs.answer == '  YES '"_s << true;
    QTest::newRow("!= of equal texts") << u"inputs.answer != 'Yes'"_s << false;
    QTest::newRow("!= of different texts") << u"inputs.answer != 'no'"_s << true;
    QTest::newRow("== of other texts") << u"inputs.answer == 'yes please'"_s << false;
    // Values that both read as numbers compare as numbers.
    QTest::newRow("text number > number") << u"inputs.ten > 9"_s << true;
    QTest::newRow("text number > text number") << u"inputs.ten > '9'"_s << true;
    QTest::newRow("number == text number") << u"inputs.nine == ' 9.0 '"_s << true;
    QTest::newRow("<= on equal numbers") << u"steps.a.agreement <= 0.75"_s << true;
    QTest::newRow("< on equal numbers") << u"steps.a.agreement < 0.75"_s << false;
    QTest::newRow(">= on equal numbers") << u"steps.a.agreement >= 0.75"_s << true;
    QTest::newRow("negative number") << u"inputs.nine > -10"_s << true;
    // Otherwise texts compare lexicographically, ignoring case.
    QTest::newRow("text < text") << u"'apple' < 'banana'"_s << true;
    QTest::newRow("text order ignores case") << u"'Banana' > 'apple'"_s << true;
    QTest::newRow("number against a word") << u"inputs.ten < 'nine'"_s << true;
    // contains: a text in a text, an element in a list.
    QTest::newRow("contains in a text") << u"inputs.answer contains 'ES'"_s << true;
    QTest::newRow("contains not in a text") << u"inputs.answer contains 'no'"_s << false;
    QTest::newRow("contains an element") << u"steps.m.output contains 'beta'"_s << true;
    QTest::newRow("contains no part of an element") << u"steps.m.output contains 'alp'"_s << false;
    QTest::newRow("contains a number element") << u"steps.m.output contains 3"_s << true;
    // Precedence: ! binds tightest, then &&, then ||.
    QTest::newRow("a || b && c") << u"true || false && false"_s << true;
    QTest::newRow("a && b || c") << u"false && false || true"_s << true;
    QTest::newRow("!a && b") << u"!true && false || !false"_s << true;
    QTest::newRow("! before &&") << u"!false && false"_s << false;
    QTest::newRow("parens") << u"(true || false) && false"_s << false;
    QTest::newRow("! of a comparison") << u"!(inputs.ten > 9)"_s << false;
    QTest::newRow("!= is not !") << u"inputs.flag != false"_s << true;
    // Values alone are true or false.
    QTest::newRow("boolean") << u"inputs.flag"_s << true;
    QTest::newRow("blank text") << u"inputs.blank"_s << false;
    QTest::newRow("zero") << u"inputs.zero"_s << false;
    QTest::newRow("list") << u"steps.m.output"_s << true;
    QTest::newRow("boolean compared with text") << u"inputs.flag == 'TRUE'"_s << true;
    QTest::newRow("double quotes and escapes") << u"\"it's \\\"so\\\"\" == 'IT\\'S \"SO\"'"_s << true;
}

void TestWorkflow::expressionEvaluation()
{
    QFETCH(QString, expression);
    QFETCH(bool, expected);

    const QJsonObject values {
        {u"inputs.answer"_s, u"  Yes\n"_s},
        {u"inputs.ten"_s, u"10"_s},
        {u"inputs.nine"_s, 9},
        {u"inputs.flag"_s, true},
        {u"inputs.blank"_s, u"   "_s},
        {u"inputs.zero"_s, 0},
        {u"steps.a.agreement"_s, 0.75},
        {u"steps.m.output"_s, QJsonArray {u"Alpha"_s, u" BETA "_s, u"3"_s}},
    };
    const Result<WorkflowExpression> parsed = WorkflowExpression::parse(expression);
    QS_VERIFY_OK(parsed);
    const Result<bool> value = parsed->evaluate([&](const QString &reference) -> std::optional<QJsonValue> {
        if (!values.contains(reference))
            return std::nullopt;
        return values.value(reference);
    });
    QS_VERIFY_OK(value);
    QCOMPARE(*value, expected);
}

void TestWorkflow::expressionUnknownReference()
{
    const auto resolve = [](const QString &reference) -> std::optional<QJsonValue> {
        if (reference == "inputs.known"_L1)
            return QJsonValue(true);
        return std::nullopt;
    };
    const Result<WorkflowExpression> parsed = WorkflowExpression::parse(u"inputs.unknown || inputs.known"_s);
    QS_VERIFY_OK(parsed);
    const Result<bool> value = parsed->evaluate(resolve);
    QS_VERIFY_ERROR(value, ErrorCode::InvalidArgument);
    QVERIFY2(value.error().message.contains(u"'inputs.unknown'"_s), qPrintable(value.error().message));
    QCOMPARE(value.error().details.value("reference"_L1).toString(), u"inputs.unknown"_s);

    // && and || stop once the left side decides: the right side is not read.
    const Result<bool> shortCircuit = WorkflowExpression::parse(u"inputs.known || inputs.unknown"_s)->evaluate(resolve);
    QS_VERIFY_OK(shortCircuit);
    QCOMPARE(*shortCircuit, true);
    QS_VERIFY_ERROR(WorkflowExpression::parse(u"inputs.known && inputs.unknown"_s)->evaluate(resolve),
                    ErrorCode::InvalidArgument);
}

void TestWorkflow::isTrue_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("expected");

    QTest::newRow("true") << QJsonValue(true) << true;
    QTest::newRow("false") << QJsonValue(false) << false;
    QTest::newRow("zero") << QJsonValue(0) << false;
    QTest::newRow("non-zero") << QJsonValue(-0.5) << true;
    QTest::newRow("empty text") << QJsonValue(u""_s) << false;
    QTest::newRow("blank text") << QJsonValue(u" \n"_s) << false;
    QTest::newRow("text") << QJsonValue(u"no"_s) << true;
    QTest::newRow("text 'false'") << QJsonValue(u"false"_s) << true;
    QTest::newRow("empty list") << QJsonValue(QJsonArray()) << false;
    QTest::newRow("list of an empty text") << QJsonValue(QJsonArray {u""_s}) << true;
    QTest::newRow("object") << QJsonValue(QJsonObject {{u"a"_s, 1}}) << false;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << false;
}

void TestWorkflow::isTrue()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, expected);
    QCOMPARE(WorkflowExpression::isTrue(value), expected);
}

// ---- Runs ----

void TestWorkflow::runTypesRoundTrip_data()
{
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<QStringList>("allowedDefaults"); // members the sample leaves at their default on purpose

    QTest::newRow("StepRun") << codecFor(sampleStepRun()) << QStringList();
    StepRun pending;
    pending.stepId = u"gate"_s;
    QTest::newRow("StepRun pending") << codecFor(pending) << QStringList {u"state"_s,  u"generation"_s, u"task_ids"_s,
                                                                          u"output"_s, u"agreement"_s,  u"cost_usd"_s,
                                                                          u"reason"_s, u"started"_s,    u"finished"_s};
    QTest::newRow("StepRun with a text output") << codecFor(
        StepRun {u"gate"_s, StepState::Succeeded, 1, {TaskId(3)}, u"approved ✓"_s, 1, 0, u"looks good"_s, T0, T0 + 1})
                                                << QStringList {u"cost_usd"_s};
    QTest::newRow("Run") << codecFor(sampleRun()) << QStringList();
    Run running = sampleRun();
    running.state = RunState::AwaitingApproval;
    running.error.reset();
    running.finishedMs = 0;
    QTest::newRow("Run without error") << codecFor(running) << QStringList {u"error"_s, u"finished"_s};
    QTest::newRow("RunSpec") << codecFor(RunSpec {fullWorkflow(), QJsonObject {{u"topic"_s, u"Qt"_s}}, u"key-1"_s})
                             << QStringList();
    QTest::newRow("Approval") << codecFor(
        Approval {ApprovalVerdict::Edit, u"better text"_s, u"fixed a typo"_s, u"alice"_s})
                              << QStringList();
    QTest::newRow("Approval reject") << codecFor(Approval {ApprovalVerdict::Reject, {}, u"wrong plan"_s, {}})
                                     << QStringList {u"text"_s, u"actor"_s};
    QTest::newRow("RunQuery") << codecFor(
        RunQuery {PageRequest {20, u"cursor=="_s}, {RunState::Running, RunState::Failed}, u"every-member"_s})
                              << QStringList();
}

void TestWorkflow::runTypesRoundTrip()
{
    QFETCH(Codec, codec);
    QFETCH(QStringList, allowedDefaults);

    // The sample must set every member, or a member the codec drops would go unnoticed.
    const QJsonObject encoded = codec.encoded.toObject();
    const QJsonObject defaults = codec.encodedDefault.toObject();
    QStringList atDefault;
    for (auto it = encoded.begin(); it != encoded.end(); ++it) {
        if (defaults.contains(it.key()) && defaults.value(it.key()) == it.value()
            && !allowedDefaults.contains(it.key()))
            atDefault.append(it.key());
    }
    QVERIFY2(atDefault.isEmpty(), qPrintable(u"sample leaves members at their default: "_s + atDefault.join(u", "_s)));

    // Through JSON text, strictly, and back to the same JSON.
    const QJsonValue overTheWire = QJsonDocument::fromJson(compact(codec.encoded)).object();
    const auto [error, equalsOriginal, reencoded] = codec.decode(overTheWire);
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
    QVERIFY2(equalsOriginal, compact(reencoded).constData());
    QCOMPARE(compact(reencoded), compact(codec.encoded));
}

void TestWorkflow::runSpecNamesTheWorkflowsProblem()
{
    QJsonObject json = toJson(RunSpec {validWorkflow(), {}, {}}).toObject();
    QCOMPARE(json.value("workflow"_L1).toObject().value("version"_L1).toInt(), 2);

    QJsonObject workflow = json.value("workflow"_L1).toObject();
    workflow.insert(u"version"_s, 3);
    json.insert(u"workflow"_s, workflow);
    const Result<RunSpec> newer = fromJson<RunSpec>(json);
    QS_VERIFY_ERROR(newer, ErrorCode::InvalidArgument);
    QVERIFY2(newer.error().message.startsWith(u"workflow: version: "_s), qPrintable(newer.error().message));

    json.insert(u"idempotency_key"_s, 5);
    workflow.insert(u"version"_s, 2);
    json.insert(u"workflow"_s, workflow);
    const Result<RunSpec> badKey = fromJson<RunSpec>(json);
    QS_VERIFY_ERROR(badKey, ErrorCode::InvalidArgument);
    QVERIFY2(badKey.error().message.startsWith(u"idempotency_key: "_s), qPrintable(badKey.error().message));
}

// ---- The demo workflows and the schema ----

void TestWorkflow::demoWorkflowsArePresent()
{
    QCOMPARE(demoWorkflowFiles(),
             (QStringList {u"classify-map.json"_s, u"plan-critique-revise.json"_s, u"research-debate.json"_s}));
}

void TestWorkflow::demoWorkflowIsValid_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : demoWorkflowFiles())
        QTest::newRow(qPrintable(file)) << file;
}

void TestWorkflow::demoWorkflowIsValid()
{
    QFETCH(QString, file);

    const QJsonObject demoSwarm = readJsonFile(sourcePath(u"resources/demo/demo-swarm.json"_s));
    const WorkflowEnvironment environment {{demoSwarm.value("name"_L1).toString()}, kEngineStrategies};

    const QJsonObject json = readJsonFile(sourcePath(u"resources/workflows/"_s + file));
    QCOMPARE(json.value("version"_L1).toInt(), kWorkflowFormatVersion);
    const Result<Workflow> workflow = workflowFromJson(json);
    QS_VERIFY_OK(workflow);
    QCOMPARE(describe(validateWorkflow(*workflow, environment)), QString());
    QVERIFY(!workflow->outputs.isEmpty());

    // Laid out left to right: each step right of every step it depends on.
    for (const WorkflowStep &step : workflow->steps) {
        for (const QString &dependency : QwenSwarm::Api::stepDependencies(step)) {
            QVERIFY2(workflow->step(dependency)->x < step.x,
                     qPrintable(u"%1 is not right of %2"_s.arg(step.id, dependency)));
        }
    }
    // Written back, the file reads the same.
    QCOMPARE(workflowFromJson(workflowToJson(*workflow)).value(), *workflow);
}

void TestWorkflow::demoWorkflowMatchesTheSchema_data()
{
    demoWorkflowIsValid_data();
}

void TestWorkflow::demoWorkflowMatchesTheSchema()
{
    QFETCH(QString, file);

    const QJsonObject schema = workflowSchema();
    QCOMPARE(schema.value("$schema"_L1).toString(), u"https://json-schema.org/draft/2020-12/schema"_s);
    const QStringList required = schema.value("required"_L1).toVariant().toStringList();
    QVERIFY(required.contains(u"version"_s));
    QVERIFY(required.contains(u"name"_s));
    QVERIFY(required.contains(u"steps"_s));

    const QJsonObject json = readJsonFile(sourcePath(u"resources/workflows/"_s + file));
    for (const QString &key : required)
        QVERIFY2(json.contains(key), qPrintable(key));
    const QStringList problems = schemaProblems(schema, schema, json, u"$"_s);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

void TestWorkflow::schemaCoversWhatTheWriterWrites()
{
    const QJsonObject schema = workflowSchema();
    const QJsonObject written = workflowToJson(fullWorkflow());
    const QStringList problems = schemaProblems(schema, schema, written, u"$"_s);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));

    // The schema names no member the writer leaves out of a full task step, and no top-level one.
    const QJsonObject stepSchema = resolve(
        schema, schema.value("properties"_L1).toObject().value("steps"_L1).toObject().value("items"_L1).toObject());
    const QJsonObject task = written.value("steps"_L1).toArray().at(0).toObject();
    for (const QString &member : stepSchema.value("properties"_L1).toObject().keys())
        QVERIFY2(task.contains(member) || member == "instructions"_L1, qPrintable(member));
    for (const QString &member : schema.value("properties"_L1).toObject().keys())
        QVERIFY2(written.contains(member), qPrintable(member));

    // And it refuses what the strict reader refuses.
    QJsonObject unknown = written;
    unknown.insert(u"author"_s, u"me"_s);
    QVERIFY(!schemaProblems(schema, schema, unknown, u"$"_s).isEmpty());
    QJsonObject newer = written;
    newer.insert(u"version"_s, 3);
    QVERIFY(!schemaProblems(schema, schema, newer, u"$"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
