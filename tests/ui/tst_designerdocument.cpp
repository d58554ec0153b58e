// The designer's document without any widget or backend: a workflow built by edits, each one
// undone and redone back to exactly what it should be; typing merges; renames follow references;
// connections whose types do not fit are refused; paste makes unique ids; save and reload give the
// same workflow; the layered layout goes left to right by dependency order.
#include "designer/workflowclipboard.h"
#include "designer/workflowdocument.h"
#include "designer/workflowgraph.h"
#include "designer/workflowlayout.h"

#include <api/jsonworkflow.h>

#include <QJsonArray>
#include <QMimeData>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using Api::StepKind;
using Api::Workflow;
using Api::WorkflowStep;
using Ui::PortRef;
using Ui::WorkflowDocument;

Q_DECLARE_METATYPE(QwenSwarm::Ui::PortRef)

namespace {

WorkflowStep taskStep(const QString &id, double x, const QString &swarm = u"demo"_s)
{
    WorkflowStep step;
    step.id = id;
    step.swarm = swarm;
    step.x = x;
    return step;
}

/// plan -> critique -> revise (revise also reads plan), inputs goal and items.
Workflow chain()
{
    Workflow workflow;
    workflow.name = u"chain"_s;
    workflow.inputs = {{u"goal"_s, Api::ValueType::Text, {}, QJsonValue::Undefined},
                       {u"items"_s, Api::ValueType::List, {}, QJsonArray {u"a"_s, u"b"_s}}};
    WorkflowStep plan = taskStep(u"plan"_s, 0);
    plan.prompt = u"Plan {{goal}}"_s;
    plan.inputs = {{u"goal"_s, u"inputs.goal"_s}};
    WorkflowStep critique = taskStep(u"critique"_s, 300);
    critique.prompt = u"Critique {{plan}}"_s;
    critique.inputs = {{u"plan"_s, u"steps.plan.output"_s}};
    WorkflowStep revise = taskStep(u"revise"_s, 600);
    revise.prompt = u"Revise {{plan}} after {{critique}}"_s;
    revise.inputs = {{u"plan"_s, u"steps.plan.output"_s}, {u"critique"_s, u"steps.critique.output"_s}};
    revise.condition = u"steps.critique.agreement > 0.5"_s;
    workflow.steps = {plan, critique, revise};
    workflow.outputs = {{u"plan"_s, u"steps.revise.output"_s}};
    return workflow;
}

} // namespace

class TstDesignerDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsAWorkflowAndUndoesEachEdit();
    void typingAndNudgingMergeIntoOneUndoStep();
    void renamingAStepRenamesWhatReadsIt();
    void renamingAnInputRenamesWhatReadsIt();
    void removingAStepDropsTheBindingsThatReadIt();
    void refusesConnectionsWhoseTypesDoNotFit_data();
    void refusesConnectionsWhoseTypesDoNotFit();
    void connectingToANodeBodyAddsABinding();
    void pasteGivesUniqueIdsAndKeepsReferencesBetweenPastedSteps();
    void savesAndReloadsTheSameWorkflow();
    void savesAndReloadsTheDemoWorkflows_data();
    void savesAndReloadsTheDemoWorkflows();
    void modifiedFollowsTheUndoStack();
    void layeredLayoutGoesLeftToRightByDependencies();
    void portsShowBindingsAndUnboundPromptNames();
};

void TstDesignerDocument::buildsAWorkflowAndUndoesEachEdit()
{
    WorkflowDocument document;
    QList<Workflow> expected {document.workflow()};
    Workflow want = document.workflow();

    // 1. The workflow's name and an input.
    Workflow edited = document.workflow();
    edited.name = u"demo-flow"_s;
    edited.inputs = {{u"goal"_s, Api::ValueType::Text, u"what to reach"_s, QJsonValue::Undefined}};
    document.updateWorkflow(edited, u"inputs"_s);
    want.name = u"demo-flow"_s;
    want.inputs = edited.inputs;
    expected.append(want);

    // 2-4. A task, a map task and an approval from the palette.
    QCOMPARE(document.addStep(StepKind::Task, false, QPointF(0, 0), u"demo"_s), u"task"_s);
    want.steps.append(taskStep(u"task"_s, 0));
    expected.append(want);
    QCOMPARE(document.addStep(StepKind::Task, true, QPointF(320, 40), u"demo"_s), u"map"_s);
    WorkflowStep map = taskStep(u"map"_s, 320);
    map.y = 40;
    map.map = Api::StepMap {};
    want.steps.append(map);
    expected.append(want);
    QCOMPARE(document.addStep(StepKind::Approval, false, QPointF(640, 0)), u"approval"_s);
    WorkflowStep approval;
    approval.id = u"approval"_s;
    approval.kind = StepKind::Approval;
    approval.x = 640;
    want.steps.append(approval);
    expected.append(want);

    // 5. A property: the task's prompt.
    WorkflowStep task = *document.workflow().step(u"task"_s);
    task.prompt = u"Plan for {{goal}}"_s;
    document.updateStep(u"task"_s, task, u"prompt"_s);
    want.steps[0].prompt = u"Plan for {{goal}}"_s;
    expected.append(want);

    // 6-7. Connections: the input into the task's name, the task's output into the approval.
    QVERIFY(document.connectPorts(PortRef::workflowInput(u"goal"_s), PortRef::input(u"task"_s, u"goal"_s)));
    want.steps[0].inputs.insert(u"goal"_s, u"inputs.goal"_s);
    expected.append(want);
    QVERIFY(document.connectPorts(PortRef::output(u"task"_s), PortRef::input(u"approval"_s, u"input"_s)));
    want.steps[2].inputs.insert(u"input"_s, u"steps.task.output"_s);
    expected.append(want);

    // 8. A move.
    document.moveSteps({{u"task"_s, QPointF(20, 60)}});
    want.steps[0].x = 20;
    want.steps[0].y = 60;
    expected.append(want);

    // 9. A disconnection.
    document.disconnectPort(PortRef::input(u"approval"_s, u"input"_s));
    want.steps[2].inputs.clear();
    expected.append(want);

    // 10. A removal.
    document.remove({u"map"_s});
    want.steps.removeAt(1);
    expected.append(want);

    QCOMPARE(document.workflow(), want);
    QCOMPARE(document.undoStack()->count(), int(expected.size()) - 1);
    for (qsizetype i = expected.size() - 1; i > 0; --i) {
        document.undoStack()->undo();
        QVERIFY2(document.workflow() == expected.at(i - 1), qPrintable(u"after undoing edit %1"_s.arg(i)));
    }
    for (qsizetype i = 1; i < expected.size(); ++i) {
        document.undoStack()->redo();
        QVERIFY2(document.workflow() == expected.at(i), qPrintable(u"after redoing edit %1"_s.arg(i)));
    }
}

void TstDesignerDocument::typingAndNudgingMergeIntoOneUndoStep()
{
    WorkflowDocument document;
    document.reset(chain());
    WorkflowStep plan = *document.workflow().step(u"plan"_s);
    for (const QString &typed : {u"P"_s, u"Pl"_s, u"Pla"_s, u"Plan {{goal}}!"_s}) {
        plan.prompt = typed;
        document.updateStep(u"plan"_s, plan, u"prompt"_s);
    }
    QCOMPARE(document.undoStack()->count(), 1);
    // Another field, and the same field after the merge window closed, are new undo steps.
    plan.title = u"Plan"_s;
    document.updateStep(u"plan"_s, plan, u"title"_s);
    QCOMPARE(document.undoStack()->count(), 2);
    document.closeMergeWindow();
    plan.title = u"Plan it"_s;
    document.updateStep(u"plan"_s, plan, u"title"_s);
    QCOMPARE(document.undoStack()->count(), 3);

    document.moveSteps({{u"plan"_s, QPointF(20, 0)}}, true);
    document.moveSteps({{u"plan"_s, QPointF(40, 0)}}, true);
    document.moveSteps({{u"plan"_s, QPointF(40, 20)}}, true);
    QCOMPARE(document.undoStack()->count(), 4);
    // A drag is its own step.
    document.moveSteps({{u"plan"_s, QPointF(100, 100)}});
    QCOMPARE(document.undoStack()->count(), 5);

    document.undoStack()->undo();
    document.undoStack()->undo(); // the three nudges at once
    QCOMPARE(document.workflow().step(u"plan"_s)->x, 0.0);
    document.undoStack()->undo();
    document.undoStack()->undo();
    document.undoStack()->undo(); // the whole typing
    QCOMPARE(document.workflow(), chain());
}

void TstDesignerDocument::renamingAStepRenamesWhatReadsIt()
{
    WorkflowDocument document;
    document.reset(chain());
    QSignalSpy renamed(&document, &WorkflowDocument::stepRenamed);
    WorkflowStep critique = *document.workflow().step(u"critique"_s);
    critique.id = u"review"_s;
    document.updateStep(u"critique"_s, critique, u"id"_s);
    const WorkflowStep *revise = document.workflow().step(u"revise"_s);
    QCOMPARE(revise->inputs.value(u"critique"_s), u"steps.review.output"_s);
    QCOMPARE(revise->condition, u"steps.review.agreement > 0.5"_s);
    QVERIFY(!document.workflow().step(u"critique"_s));
    QCOMPARE(renamed.size(), 1);
    QVERIFY(Api::validateWorkflow(document.workflow()).isEmpty());

    // A duplicate id is refused: two steps would become one node.
    WorkflowStep plan = *document.workflow().step(u"plan"_s);
    plan.id = u"revise"_s;
    document.updateStep(u"plan"_s, plan, u"id"_s);
    QVERIFY(document.workflow().step(u"plan"_s));
    QCOMPARE(document.undoStack()->count(), 1);

    document.undoStack()->undo();
    QCOMPARE(document.workflow(), chain());
    QCOMPARE(renamed.size(), 2);
    QCOMPARE(renamed.last().at(0).toString(), u"review"_s);
}

void TstDesignerDocument::renamingAnInputRenamesWhatReadsIt()
{
    WorkflowDocument document;
    document.reset(chain());
    Workflow edited = document.workflow();
    edited.inputs[0].name = u"objective"_s;
    document.updateWorkflow(edited, u"inputs"_s, {{u"goal"_s, u"objective"_s}});
    QCOMPARE(document.workflow().step(u"plan"_s)->inputs.value(u"goal"_s), u"inputs.objective"_s);
    QVERIFY(Api::validateWorkflow(document.workflow()).isEmpty());
    document.undoStack()->undo();
    QCOMPARE(document.workflow(), chain());
}

void TstDesignerDocument::removingAStepDropsTheBindingsThatReadIt()
{
    WorkflowDocument document;
    document.reset(chain());
    document.remove({u"plan"_s});
    QVERIFY(!document.workflow().step(u"plan"_s));
    QVERIFY(!document.workflow().step(u"critique"_s)->inputs.contains(u"plan"_s));
    QCOMPARE(document.workflow().step(u"revise"_s)->inputs.keys(), QStringList {u"critique"_s});
    QCOMPARE(document.undoStack()->count(), 1);
    // Removing connections alone unbinds them.
    document.remove({}, {PortRef::input(u"revise"_s, u"critique"_s), PortRef::condition(u"revise"_s)});
    QVERIFY(document.workflow().step(u"revise"_s)->inputs.isEmpty());
    QVERIFY(document.workflow().step(u"revise"_s)->condition.isEmpty());
    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(document.workflow(), chain());
}

void TstDesignerDocument::refusesConnectionsWhoseTypesDoNotFit_data()
{
    QTest::addColumn<PortRef>("from");
    QTest::addColumn<PortRef>("to");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<QString>("problemContains");
    QTest::newRow("text output into a map's list")
        << PortRef::output(u"plan"_s) << PortRef::mapOver(u"fan"_s) << false << u"takes a list"_s;
    QTest::newRow("text input into a map's list")
        << PortRef::workflowInput(u"goal"_s) << PortRef::mapOver(u"fan"_s) << false << u"takes a list"_s;
    QTest::newRow("list input into a map's list")
        << PortRef::workflowInput(u"items"_s) << PortRef::mapOver(u"fan"_s) << true << QString();
    QTest::newRow("agreement into an approval")
        << PortRef::agreement(u"plan"_s) << PortRef::input(u"gate"_s, u"input"_s) << false << u"takes a text"_s;
    QTest::newRow("map output into an approval")
        << PortRef::output(u"fan"_s) << PortRef::input(u"gate"_s, u"input"_s) << false << u"takes a text"_s;
    QTest::newRow("text into an approval")
        << PortRef::output(u"plan"_s) << PortRef::input(u"gate"_s, u"input"_s) << true << QString();
    QTest::newRow("list into a prompt name")
        << PortRef::output(u"fan"_s) << PortRef::input(u"critique"_s, u"all"_s) << true << QString();
    QTest::newRow("output into an output")
        << PortRef::output(u"plan"_s) << PortRef::output(u"critique"_s) << false << u"Connect an output"_s;
    QTest::newRow("a step into itself") << PortRef::output(u"plan"_s) << PortRef::input(u"plan"_s, u"self"_s) << false
                                        << u"its own output"_s;
    QTest::newRow("into a reserved name")
        << PortRef::output(u"plan"_s) << PortRef::input(u"fan"_s, u"index"_s) << false << u"cannot be bound"_s;
}

void TstDesignerDocument::refusesConnectionsWhoseTypesDoNotFit()
{
    QFETCH(PortRef, from);
    QFETCH(PortRef, to);
    QFETCH(bool, fits);
    QFETCH(QString, problemContains);
    Workflow workflow = chain();
    WorkflowStep fan = taskStep(u"fan"_s, 0);
    fan.prompt = u"Each {{item}}"_s;
    fan.map = Api::StepMap {u"inputs.items"_s, u"item"_s};
    WorkflowStep gate;
    gate.id = u"gate"_s;
    gate.kind = StepKind::Approval;
    workflow.steps << fan << gate;
    WorkflowDocument document;
    document.reset(workflow);

    QString problem;
    QCOMPARE(document.connectPorts(from, to, &problem), fits);
    if (fits) {
        QVERIFY(problem.isEmpty());
        QCOMPARE(Ui::WorkflowGraph::connectProblem(workflow, from, to), QString());
        return;
    }
    QVERIFY2(problem.contains(problemContains), qPrintable(problem));
    QCOMPARE(document.workflow(), workflow); // refused: nothing changed, nothing to undo
    QCOMPARE(document.undoStack()->count(), 0);
}

void TstDesignerDocument::connectingToANodeBodyAddsABinding()
{
    WorkflowDocument document;
    document.reset(chain());
    QVERIFY(document.connectPorts(PortRef::agreement(u"plan"_s), PortRef::input(u"revise"_s, {})));
    QCOMPARE(document.workflow().step(u"revise"_s)->inputs.value(u"plan_agreement"_s), u"steps.plan.agreement"_s);
    // The same source again changes nothing; a second one of the same name gets a fresh name.
    QVERIFY(document.connectPorts(PortRef::agreement(u"plan"_s), PortRef::input(u"revise"_s, {})));
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.connectPorts(PortRef::output(u"plan"_s), PortRef::input(u"critique"_s, {})));
    QCOMPARE(document.workflow().step(u"critique"_s)->inputs.size(), 1); // already read under "plan"
    // Into a condition: the reference joins it.
    QVERIFY(document.connectPorts(PortRef::workflowInput(u"goal"_s), PortRef::condition(u"revise"_s)));
    QCOMPARE(document.workflow().step(u"revise"_s)->condition, u"(steps.critique.agreement > 0.5) && inputs.goal"_s);
    QVERIFY(Api::validateWorkflow(document.workflow()).isEmpty());
}

void TstDesignerDocument::pasteGivesUniqueIdsAndKeepsReferencesBetweenPastedSteps()
{
    WorkflowDocument document;
    document.reset(chain());
    const QList<WorkflowStep> copied {*document.workflow().step(u"plan"_s), *document.workflow().step(u"critique"_s)};
    std::unique_ptr<QMimeData> data(Ui::WorkflowClipboard::toMimeData(copied));
    QVERIFY(data->hasFormat(Ui::WorkflowClipboard::mimeType));
    QVERIFY(data->text().contains(u"qwen-swarm-steps"_s));
    const auto read = Ui::WorkflowClipboard::fromMimeData(data.get());
    QVERIFY(read.ok());
    QCOMPARE(*read, copied);

    const auto pasted = Ui::WorkflowClipboard::prepareForPaste(document.workflow(), *read, QPointF(40, 40));
    QCOMPARE(pasted.at(0).id, u"plan_2"_s);
    QCOMPARE(pasted.at(1).id, u"critique_2"_s);
    QCOMPARE(pasted.at(1).inputs.value(u"plan"_s), u"steps.plan_2.output"_s); // follows its pasted source
    QCOMPARE(pasted.at(0).inputs.value(u"goal"_s), u"inputs.goal"_s);
    QCOMPARE(pasted.at(1).x, 340.0);
    document.addSteps(pasted, u"Paste"_s);
    QCOMPARE(document.workflow().steps.size(), 5);

    // Pasting again: fresh ids again, never "plan_2_2".
    const auto again = Ui::WorkflowClipboard::prepareForPaste(document.workflow(), *read, QPointF(80, 80));
    QCOMPARE(again.at(0).id, u"plan_3"_s);
    QCOMPARE(again.at(1).id, u"critique_3"_s);
    document.addSteps(again, u"Paste"_s);
    QStringList ids;
    for (const WorkflowStep &step : document.workflow().steps)
        ids.append(step.id);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
    QVERIFY(Api::validateWorkflow(document.workflow()).isEmpty());
    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(document.workflow(), chain());

    // What is not steps does not paste.
    QMimeData text;
    text.setText(u"hello"_s);
    QVERIFY(!Ui::WorkflowClipboard::fromMimeData(&text).ok());
}

void TstDesignerDocument::savesAndReloadsTheSameWorkflow()
{
    Workflow workflow = chain();
    workflow.description = u"Every kind of member"_s;
    workflow.revision = 3;
    workflow.steps[0].strategy = Api::StrategySpec {u"debate"_s, {{u"max_rounds"_s, 3}, {u"stop_agreement"_s, 0.8}}};
    workflow.steps[0].retry.maxAttempts = 3;
    workflow.steps[0].timeoutMs = 120000;
    workflow.steps[0].budgetUsd = 0.25;
    workflow.steps[0].priority = 5;
    workflow.steps[0].x = 12.5;
    workflow.steps[0].y = -40;
    workflow.steps[1].answerFormat = Api::AnswerFormat::Choice;
    workflow.steps[1].choices = {u"good"_s, u"bad"_s};
    WorkflowStep fan = taskStep(u"fan"_s, 900);
    fan.prompt = u"{{index}}: {{ticket}}"_s;
    fan.map = Api::StepMap {u"inputs.items"_s, u"ticket"_s};
    WorkflowStep gate;
    gate.id = u"gate"_s;
    gate.kind = StepKind::Approval;
    gate.title = u"Check"_s;
    gate.inputs = {{u"input"_s, u"steps.revise.output"_s}};
    gate.instructions = u"Read it."_s;
    gate.x = 1200;
    workflow.steps << fan << gate;
    QVERIFY(Api::validateWorkflow(workflow).isEmpty());

    QTemporaryDir dir;
    WorkflowDocument document;
    document.reset(workflow);
    const QString path = dir.filePath(u"flow.json"_s);
    QVERIFY(document.save(path).ok());
    QCOMPARE(document.filePath(), path);
    const auto reloaded = WorkflowDocument::readFile(path);
    QVERIFY(reloaded.ok());
    QCOMPARE(*reloaded, workflow);

    WorkflowDocument other;
    QVERIFY(other.load(path).ok());
    QCOMPARE(other.workflow(), workflow);
    QVERIFY(!other.isModified());
    QVERIFY(!other.load(dir.filePath(u"missing.json"_s)).ok());
    QCOMPARE(other.workflow(), workflow); // a failed load changes nothing
}

void TstDesignerDocument::savesAndReloadsTheDemoWorkflows_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"research-debate.json", "classify-map.json", "plan-critique-revise.json"})
        QTest::newRow(name) << QFINDTESTDATA(u"../../resources/workflows/"_s + QString::fromLatin1(name));
}

void TstDesignerDocument::savesAndReloadsTheDemoWorkflows()
{
    QFETCH(QString, file);
    QVERIFY(!file.isEmpty());
    WorkflowDocument document;
    QVERIFY(document.load(file).ok());
    const Workflow original = document.workflow();
    QVERIFY(Api::validateWorkflow(original).isEmpty());
    QTemporaryDir dir;
    QVERIFY(document.save(dir.filePath(u"copy.json"_s)).ok());
    QCOMPARE(*WorkflowDocument::readFile(dir.filePath(u"copy.json"_s)), original);
}

void TstDesignerDocument::modifiedFollowsTheUndoStack()
{
    QTemporaryDir dir;
    WorkflowDocument document;
    QSignalSpy state(&document, &WorkflowDocument::fileStateChanged);
    document.reset(chain());
    QVERIFY(!document.isModified());
    document.moveSteps({{u"plan"_s, QPointF(0, 100)}});
    QVERIFY(document.isModified());
    QVERIFY(document.save(dir.filePath(u"a.json"_s)).ok());
    QVERIFY(!document.isModified());
    QCOMPARE(document.displayName(), u"a.json"_s);
    document.undoStack()->undo();
    QVERIFY(document.isModified()); // differs from what was saved
    document.undoStack()->redo();
    QVERIFY(!document.isModified());
    QVERIFY(state.size() >= 4);
    document.newWorkflow();
    QVERIFY(!document.isModified());
    QVERIFY(document.filePath().isEmpty());
    QVERIFY(document.workflow().steps.isEmpty());
}

void TstDesignerDocument::layeredLayoutGoesLeftToRightByDependencies()
{
    // a -> b, a -> c, b + c -> d: a diamond.
    Workflow workflow;
    workflow.name = u"diamond"_s;
    for (const QString &id : {u"d"_s, u"b"_s, u"c"_s, u"a"_s}) // file order is not dependency order
        workflow.steps.append(taskStep(id, 0));
    workflow.steps[0].inputs = {{u"b"_s, u"steps.b.output"_s}, {u"c"_s, u"steps.c.output"_s}};
    workflow.steps[1].inputs = {{u"a"_s, u"steps.a.output"_s}};
    workflow.steps[2].inputs = {{u"a"_s, u"steps.a.agreement"_s}};
    const auto columns = Ui::WorkflowLayout::columns(workflow);
    QCOMPARE(columns.value(u"a"_s), 0);
    QCOMPARE(columns.value(u"b"_s), 1);
    QCOMPARE(columns.value(u"c"_s), 1);
    QCOMPARE(columns.value(u"d"_s), 2);
    const auto positions = Ui::WorkflowLayout::layered(workflow, [](const WorkflowStep &) { return 150.0; });
    QVERIFY(positions.value(u"a"_s).x() < positions.value(u"b"_s).x());
    QCOMPARE(positions.value(u"b"_s).x(), positions.value(u"c"_s).x());
    QVERIFY(positions.value(u"c"_s).x() < positions.value(u"d"_s).x());
    QVERIFY(std::abs(positions.value(u"b"_s).y() - positions.value(u"c"_s).y()) >= 150); // no overlap
    for (const QPointF &p : positions) // on the grid
        QCOMPARE(std::fmod(p.x(), Ui::WorkflowLayout::grid) + std::fmod(p.y(), Ui::WorkflowLayout::grid), 0.0);

    // A cycle still gets a layout (and validation names it).
    workflow.steps[3].inputs = {{u"d"_s, u"steps.d.output"_s}};
    QCOMPARE(Ui::WorkflowLayout::layered(workflow).size(), 4);
}

void TstDesignerDocument::portsShowBindingsAndUnboundPromptNames()
{
    WorkflowStep step = taskStep(u"s"_s, 0);
    step.inputs = {{u"plan"_s, u"steps.plan.output"_s}};
    step.prompt = u"{{plan}} {{missing}} {{agent.name}} {{item}} {{index}}"_s;
    QCOMPARE(Ui::WorkflowGraph::inputNames(step), (QStringList {u"plan"_s, u"missing"_s, u"item"_s, u"index"_s}));
    step.map = Api::StepMap {u"inputs.items"_s, u"item"_s};
    QCOMPARE(Ui::WorkflowGraph::inputNames(step), (QStringList {u"plan"_s, u"missing"_s}));
    QVERIFY(Ui::WorkflowGraph::variableNames(step).contains(u"item"_s));
    QVERIFY(Ui::WorkflowGraph::variableNames(step).contains(u"agent.name"_s));
    WorkflowStep gate;
    gate.id = u"gate"_s;
    gate.kind = StepKind::Approval;
    QCOMPARE(Ui::WorkflowGraph::inputNames(gate), QStringList {u"input"_s}); // waiting to be bound

    const auto connections = Ui::WorkflowGraph::connections(chain());
    QCOMPARE(connections.size(), 5); // goal, plan, plan, critique, and the condition's reference
    QVERIFY(std::any_of(connections.cbegin(), connections.cend(), [](const Ui::PortConnection &c) {
        return c.to == PortRef::condition(u"revise"_s) && c.from == PortRef::agreement(u"critique"_s)
            && c.type == Api::ValueType::Number;
    }));
}

QTEST_MAIN(TstDesignerDocument)
#include "tst_designerdocument.moc"
