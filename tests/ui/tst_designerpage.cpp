// The designer page offscreen: problems on the nodes and in the list, Run kept disabled with a
// reason; connections made by dragging on the canvas (and refused when the types do not fit);
// property edits and prompt completion as undoable edits; files with the unsaved-changes question
// and recent files; and a run on a real in-process core that lights the nodes up.
#include "common/bannerwidget.h"
#include "designer/connectionitem.h"
#include "designer/designerpage.h"
#include "designer/designerscene.h"
#include "designer/designerview.h"
#include "designer/inputnodeitem.h"
#include "designer/portitem.h"
#include "designer/promptedit.h"
#include "designer/recentfiles.h"
#include "designer/runtracker.h"
#include "designer/stepnodeitem.h"
#include "designer/steppropertieswidget.h"
#include "designer/workflowdiff.h"
#include "designer/workflowdocument.h"
#include "designer/workflowinputsdialog.h"
#include "designer/workflowpropertieswidget.h"

#include "uitestsupport.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Api::StepKind;
using Api::Workflow;
using Api::WorkflowStep;
using Ui::DesignerPage;
using Ui::PortRef;

namespace {

QString demoFile()
{
    return QFINDTESTDATA("../../resources/workflows/plan-critique-revise.json");
}

/// One task that answers the goal, then (optionally) an approval of its answer.
Workflow quickWorkflow(bool withApproval)
{
    Workflow workflow;
    workflow.name = u"quick"_s;
    workflow.inputs = {{u"goal"_s, Api::ValueType::Text, {}, QJsonValue::Undefined}};
    WorkflowStep answer;
    answer.id = u"answer"_s;
    answer.swarm = u"demo"_s;
    answer.prompt = u"Answer briefly: {{goal}}"_s;
    answer.inputs = {{u"goal"_s, u"inputs.goal"_s}};
    answer.strategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"first"_s}}};
    answer.timeoutMs = 30000;
    workflow.steps.append(answer);
    if (withApproval) {
        WorkflowStep gate;
        gate.id = u"gate"_s;
        gate.kind = StepKind::Approval;
        gate.inputs = {{u"input"_s, u"steps.answer.output"_s}};
        gate.instructions = u"Check the answer."_s;
        gate.x = 320;
        workflow.steps.append(gate);
    }
    workflow.outputs = {{u"result"_s, withApproval ? u"steps.gate.output"_s : u"steps.answer.output"_s}};
    return workflow;
}

/// Presses the left button at `from`, moves to `to` in steps and releases, in scene coordinates.
void drag(Ui::DesignerView *view, QPointF from, QPointF to)
{
    QWidget *viewport = view->viewport();
    const QPoint a = view->mapFromScene(from);
    const QPoint b = view->mapFromScene(to);
    auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons buttons) {
        QMouseEvent event(type, QPointF(at), viewport->mapToGlobal(QPointF(at)), button, buttons, Qt::NoModifier);
        QApplication::sendEvent(viewport, &event);
    };
    send(QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i)
        send(QEvent::MouseMove, a + (b - a) * i / 5, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton);
}

struct Fixture
{
    QTemporaryDir settings;
    std::unique_ptr<Engine::InProcessBackend> backend = makeBackend();
    DesignerPage page {*backend};

    Fixture()
    {
        isolateSettings(settings);
        page.resize(1400, 900);
        page.setUnsavedChangesPrompt([](const QString &) { return QMessageBox::Discard; });
    }
    bool connect(const QStringList &swarms = {})
    {
        page.start();
        return Testing::spinUntil([&] {
            return page.isConnected() && page.runTracker()->isSubscribed()
                && std::all_of(swarms.cbegin(), swarms.cend(),
                               [&](const QString &s) { return page.environment().swarms.contains(s); });
        });
    }
    QAction *action(const char *name) const { return page.findChild<QAction *>(QString::fromLatin1(name)); }
};

} // namespace

class TstDesignerPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void worksOfflineAndSaysWhyRunIsDisabled();
    void showsACycleAndAnUnboundInputOnTheNodesAndInTheList();
    void clickingAProblemSelectsItsNode();
    void connectsByDraggingBetweenPortsAndRefusesMismatches();
    void dragsAConnectedInputAwayToDisconnect();
    void propertyPanelEditsAreUndoable();
    void promptEditorCompletesTheStepsNames();
    void workflowPanelRenamesAnInputEverywhere();
    void copyPasteAndDuplicateGiveUniqueIds();
    void unsavedChangesPromptGuardsTheWorkflow();
    void recentFilesAndCompare();
    void runInputsDialogHasOneTypedFieldPerInput();
    void runLightsTheNodesUpOnARealCore();
    void waitingApprovalShowsOnTheNodeAndCanBeApproved();
    void grabsTheDemoWorkflow();
};

void TstDesignerPage::worksOfflineAndSaysWhyRunIsDisabled()
{
    Fixture f; // never started: no core is asked anything
    QVERIFY(f.page.openFile(demoFile()));
    QCOMPARE(f.page.document().workflow().steps.size(), 4);
    QVERIFY(f.page.problems().isEmpty()); // offline, swarms and strategies are not checked
    QVERIFY(!f.page.isConnected());
    QAction *run = f.action("action_designer_run");
    QVERIFY(run);
    QVERIFY(!run->isEnabled());
    QVERIFY2(run->toolTip().contains(u"Offline"_s), qPrintable(run->toolTip()));
    QVERIFY(!f.page.runWith({}));
    QVERIFY(f.page.banner()->isShowingError());
    // Every page action has a name; the shortcuts are the ones the report lists.
    QCOMPARE(f.action("action_designer_undo")->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(f.action("action_designer_layout")->shortcut(), QKeySequence(u"Ctrl+L"_s));
    for (QAction *action : f.page.pageActions())
        QVERIFY(!action->objectName().isEmpty());
}

void TstDesignerPage::showsACycleAndAnUnboundInputOnTheNodesAndInTheList()
{
    Fixture f;
    QS_VERIFY_OK(createSwarm(*f.backend, quickSwarm(u"demo"_s)));
    QVERIFY(f.connect({u"demo"_s}));
    Ui::WorkflowDocument &doc = f.page.document();
    const QString a = f.page.addStep(u"task"_s, QPointF(0, 0));
    const QString b = f.page.addStep(u"task"_s, QPointF(320, 0));
    auto setPrompt = [&](const QString &id, const QString &prompt) {
        WorkflowStep step = *doc.workflow().step(id);
        step.swarm = u"anything"_s; // no swarm on the core: named as a problem
        step.prompt = prompt;
        doc.updateStep(id, step, u"prompt"_s);
        doc.closeMergeWindow();
    };
    setPrompt(a, u"Use {{other}}"_s);
    setPrompt(b, u"Use {{other}}"_s);
    QVERIFY(doc.connectPorts(PortRef::output(b), PortRef::input(a, u"other"_s)));
    QVERIFY(doc.connectPorts(PortRef::output(a), PortRef::input(b, u"other"_s)));

    auto problemsOf = [&](const QString &id) {
        QStringList found;
        for (const Api::WorkflowProblem &p : f.page.problems()) {
            if (p.step == id)
                found.append(p.field + u": "_s + p.message);
        }
        return found.join(u'\n');
    };
    QVERIFY2(problemsOf(a).contains(u"cycle"_s), qPrintable(problemsOf(a)));
    QVERIFY2(problemsOf(b).contains(u"cycle"_s), qPrintable(problemsOf(b)));
    QVERIFY(problemsOf(a).contains(u"no swarm is named 'anything'"_s)); // connected: swarms are checked
    Ui::StepNodeItem *nodeA = f.page.scene()->node(a);
    QVERIFY(nodeA);
    QVERIFY(!nodeA->problems().isEmpty());
    QVERIFY(nodeA->toolTip().contains(u"cycle"_s));
    QCOMPARE(f.page.problemsList()->count(), int(f.page.problems().size()));
    QVERIFY(!f.action("action_designer_run")->isEnabled());
    QVERIFY(f.action("action_designer_run")->toolTip().contains(u"problem"_s));

    // Break the cycle, then leave a prompt name unbound: a problem, and a port waiting for a connection.
    doc.disconnectPort(PortRef::input(a, u"other"_s));
    QVERIFY(!problemsOf(a).contains(u"cycle"_s));
    QVERIFY(problemsOf(a).contains(u"{{other}}"_s));
    Ui::PortItem *port = f.page.scene()->port(PortRef::input(a, u"other"_s));
    QVERIFY(port);
    QVERIFY(!port->isConnected());
    QVERIFY(nodeA->toolTip().contains(u"which no input binds"_s));

    // Undo puts the cycle back, with its problems.
    doc.undoStack()->undo();
    QVERIFY(problemsOf(a).contains(u"cycle"_s));
}

void TstDesignerPage::clickingAProblemSelectsItsNode()
{
    Fixture f;
    QVERIFY(f.page.openFile(demoFile()));
    WorkflowStep critique = *f.page.document().workflow().step(u"critique"_s);
    critique.prompt += u" {{unknown}}"_s;
    f.page.document().updateStep(u"critique"_s, critique, u"prompt"_s);
    QCOMPARE(f.page.problemsList()->count(), 1);
    QListWidgetItem *item = f.page.problemsList()->item(0);
    QVERIFY(item->text().contains(u"steps[critique].prompt"_s));
    const QRect rect = f.page.problemsList()->visualItemRect(item);
    f.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.page));
    QTest::mouseClick(f.page.problemsList()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(f.page.scene()->selectedStepIds(), QStringList {u"critique"_s});
    QCOMPARE(f.page.stepProperties()->stepId(), u"critique"_s);
}

void TstDesignerPage::connectsByDraggingBetweenPortsAndRefusesMismatches()
{
    Fixture f;
    f.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.page));
    Ui::WorkflowDocument &doc = f.page.document();
    Workflow workflow;
    workflow.name = u"drag"_s;
    workflow.inputs = {{u"items"_s, Api::ValueType::List, {}, QJsonValue::Undefined}};
    doc.reset(workflow);
    const QString writer = f.page.addStep(u"task"_s, QPointF(0, 0));
    const QString reader = f.page.addStep(u"task"_s, QPointF(360, 0));
    const QString fan = f.page.addStep(u"map"_s, QPointF(360, 240));
    f.page.view()->fit();
    QApplication::processEvents();
    const int edits = doc.undoStack()->count();

    Ui::DesignerScene *scene = f.page.scene();
    // Output onto another node's body: a new binding named after the source.
    drag(f.page.view(), scene->portScenePos(PortRef::output(writer)),
         scene->node(reader)->mapToScene(QPointF(Ui::StepNodeItem::width / 2, 70)));
    QCOMPARE(doc.workflow().step(reader)->inputs.value(writer), u"steps.%1.output"_s.arg(writer));
    QCOMPARE(doc.undoStack()->count(), edits + 1);
    QVERIFY(scene->connectionInto(PortRef::input(reader, writer)));

    // A text output onto a map's list port: refused, said, nothing changed.
    QSignalSpy refused(scene, &Ui::DesignerScene::connectionRefused);
    drag(f.page.view(), scene->portScenePos(PortRef::output(writer)), scene->portScenePos(PortRef::mapOver(fan)));
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused.first().first().toString().contains(u"list"_s));
    QVERIFY(f.page.banner()->isShowingError());
    QVERIFY(doc.workflow().step(fan)->map->over.isEmpty());
    QCOMPARE(doc.undoStack()->count(), edits + 1);

    // The list input onto it: taken.
    drag(f.page.view(), scene->portScenePos(PortRef::workflowInput(u"items"_s)),
         scene->portScenePos(PortRef::mapOver(fan)));
    QCOMPARE(doc.workflow().step(fan)->map->over, u"inputs.items"_s);

    // Moving a node by the mouse is one edit (on the grid).
    const QPointF grab = scene->node(writer)->mapToScene(QPointF(60, 10));
    drag(f.page.view(), grab, grab + QPointF(47, 93));
    const WorkflowStep *moved = doc.workflow().step(writer);
    QCOMPARE(std::fmod(moved->x, Ui::DesignerScene::gridSize), 0.0);
    QCOMPARE(std::fmod(moved->y, Ui::DesignerScene::gridSize), 0.0);
    QVERIFY(moved->x > 0 && moved->y > 0);
    doc.undoStack()->undo();
    QCOMPARE(doc.workflow().step(writer)->x, 0.0);
    QCOMPARE(scene->node(writer)->pos(), QPointF(0, 0));
}

void TstDesignerPage::dragsAConnectedInputAwayToDisconnect()
{
    Fixture f;
    f.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.page));
    QVERIFY(f.page.openFile(demoFile()));
    f.page.view()->fit();
    QApplication::processEvents();
    Ui::DesignerScene *scene = f.page.scene();
    const QPointF port = scene->portScenePos(PortRef::input(u"critique"_s, u"goal"_s));
    drag(f.page.view(), port, port + QPointF(-60, 300)); // onto the empty canvas
    QVERIFY(!f.page.document().workflow().step(u"critique"_s)->inputs.contains(u"goal"_s));
    QVERIFY(!scene->connectionInto(PortRef::input(u"critique"_s, u"goal"_s)));
    // The name is still in the prompt: an unbound port and a problem now.
    QVERIFY(scene->port(PortRef::input(u"critique"_s, u"goal"_s)));
    QVERIFY(!f.page.problems().isEmpty());
    f.page.document().undoStack()->undo();
    QVERIFY(f.page.problems().isEmpty());
    QVERIFY(scene->connectionInto(PortRef::input(u"critique"_s, u"goal"_s)));

    // Selecting a connection and deleting it unbinds it too.
    scene->clearSelection();
    scene->connectionInto(PortRef::input(u"revise"_s, u"critique"_s))->setSelected(true);
    f.action("action_designer_delete")->trigger();
    QVERIFY(!f.page.document().workflow().step(u"revise"_s)->inputs.contains(u"critique"_s));
}

void TstDesignerPage::propertyPanelEditsAreUndoable()
{
    Fixture f;
    f.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.page));
    QVERIFY(f.page.openFile(demoFile()));
    Ui::WorkflowDocument &doc = f.page.document();
    const Workflow original = doc.workflow();
    f.page.selectStep(u"plan"_s);
    Ui::StepPropertiesWidget *panel = f.page.stepProperties();
    QCOMPARE(panel->stepId(), u"plan"_s);

    // Typing a title is one edit.
    auto *title = panel->findChild<QLineEdit *>(u"designer_step_title"_s);
    QCOMPARE(title->text(), u"Draft a plan"_s);
    title->setFocus();
    title->selectAll();
    QTest::keyClicks(title, u"Plan it"_s);
    QCOMPARE(doc.workflow().step(u"plan"_s)->title, u"Plan it"_s);
    QCOMPARE(doc.undoStack()->count(), 1);

    // Strategy parameters: invalid JSON changes nothing, valid JSON does.
    panel->parametersEdit()->setFocus();
    panel->parametersEdit()->selectAll();
    QTest::keyClicks(panel->parametersEdit(), u"{\"tie_break\": "_s);
    QCOMPARE(doc.workflow().step(u"plan"_s)->strategy->parameters.value(u"tie_break"_s).toString(), u"first"_s);
    QTest::keyClicks(panel->parametersEdit(), u"\"none\"}"_s);
    QCOMPARE(doc.workflow().step(u"plan"_s)->strategy->parameters.value(u"tie_break"_s).toString(), u"none"_s);

    // The id: a taken one is refused with a reason; a free one renames what reads it.
    panel->idEdit()->setFocus();
    panel->idEdit()->selectAll();
    QTest::keyClicks(panel->idEdit(), u"critique"_s);
    QTest::keyClick(panel->idEdit(), Qt::Key_Return);
    QVERIFY(panel->idProblemLabel()->isVisible());
    QVERIFY(doc.workflow().step(u"plan"_s));
    panel->idEdit()->selectAll();
    QTest::keyClicks(panel->idEdit(), u"draft"_s);
    QTest::keyClick(panel->idEdit(), Qt::Key_Return);
    QVERIFY(doc.workflow().step(u"draft"_s));
    QCOMPARE(doc.workflow().step(u"approve_plan"_s)->inputs.value(u"input"_s), u"steps.draft.output"_s);
    QCOMPARE(panel->stepId(), u"draft"_s);
    QCOMPARE(f.page.scene()->selectedStepIds(), QStringList {u"draft"_s});

    // The kind: an approval keeps only what both kinds have.
    panel->kindBox()->setCurrentIndex(1);
    Q_EMIT panel->kindBox()->activated(1);
    QCOMPARE(doc.workflow().step(u"draft"_s)->kind, StepKind::Approval);
    QVERIFY(doc.workflow().step(u"draft"_s)->swarm.isEmpty());
    QVERIFY(!doc.workflow().step(u"draft"_s)->strategy);

    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(doc.workflow(), original);
    QCOMPARE(panel->kindBox()->currentIndex(), 0);
    QVERIFY(!doc.isModified());
}

void TstDesignerPage::promptEditorCompletesTheStepsNames()
{
    Fixture f;
    f.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.page));
    QVERIFY(f.page.openFile(demoFile()));
    f.page.selectStep(u"revise"_s);
    Ui::PromptEdit *prompt = f.page.stepProperties()->promptEdit();
    QVERIFY(prompt->variables().contains(u"critique"_s));
    QVERIFY(prompt->variables().contains(u"agent.name"_s));
    prompt->setFocus();
    prompt->moveCursor(QTextCursor::End);
    QTest::keyClicks(prompt, u" {{cri"_s);
    QVERIFY(prompt->completer()->popup()->isVisible());
    QCOMPARE(prompt->completer()->currentCompletion(), u"critique"_s);
    QTest::keyClick(prompt->completer()->popup(), Qt::Key_Return);
    QVERIFY2(prompt->toPlainText().endsWith(u" {{critique}}"_s), qPrintable(prompt->toPlainText()));
    QVERIFY(f.page.document().workflow().step(u"revise"_s)->prompt.endsWith(u"{{critique}}"_s));
    QVERIFY(f.page.problems().isEmpty());
    // The whole typing is one undo step.
    f.page.document().undoStack()->undo();
    QVERIFY(f.page.document().workflow().step(u"revise"_s)->prompt.endsWith(u"answers the critique."_s));
}

void TstDesignerPage::workflowPanelRenamesAnInputEverywhere()
{
    Fixture f;
    QVERIFY(f.page.openFile(demoFile()));
    f.page.scene()->clearSelection();
    QTableWidget *inputs = f.page.workflowProperties()->inputsTable();
    QCOMPARE(inputs->rowCount(), 2);
    inputs->item(0, 0)->setText(u"objective"_s);
    const Workflow &workflow = f.page.document().workflow();
    QCOMPARE(workflow.inputs.at(0).name, u"objective"_s);
    QCOMPARE(workflow.step(u"plan"_s)->inputs.value(u"goal"_s), u"inputs.objective"_s);
    QVERIFY(f.page.scene()->inputNode(u"objective"_s));
    QVERIFY(!f.page.scene()->inputNode(u"goal"_s));
    QVERIFY(f.page.problems().isEmpty());
    // A default of the wrong type: named on the input's node.
    QCOMPARE(Ui::WorkflowPropertiesWidget::parseDefault(u"[\"a\", \"b\"]"_s, Api::ValueType::List),
             QJsonValue(QJsonArray {u"a"_s, u"b"_s}));
    QCOMPARE(Ui::WorkflowPropertiesWidget::parseDefault(u"a; b"_s, Api::ValueType::List),
             QJsonValue(QJsonArray {u"a"_s, u"b"_s}));
    auto *type = qobject_cast<QComboBox *>(inputs->cellWidget(1, 1));
    type->setCurrentIndex(int(Api::ValueType::Number));
    Q_EMIT type->activated(int(Api::ValueType::Number));
    QVERIFY(!f.page.scene()->inputNode(u"constraints"_s)->problems().isEmpty()); // "none" is not a number
    f.page.document().undoStack()->undo();
    f.page.document().undoStack()->undo();
    QCOMPARE(f.page.document().workflow().step(u"plan"_s)->inputs.value(u"goal"_s), u"inputs.goal"_s);
}

void TstDesignerPage::copyPasteAndDuplicateGiveUniqueIds()
{
    Fixture f;
    QVERIFY(f.page.openFile(demoFile()));
    f.page.scene()->selectSteps({u"critique"_s, u"revise"_s});
    f.action("action_designer_copy")->trigger();
    const QStringList pasted = f.page.paste();
    QCOMPARE(pasted, (QStringList {u"critique_2"_s, u"revise_2"_s}));
    QCOMPARE(f.page.scene()->selectedStepIds(), pasted);
    const Workflow &workflow = f.page.document().workflow();
    QCOMPARE(workflow.step(u"revise_2"_s)->inputs.value(u"critique"_s), u"steps.critique_2.output"_s);
    QCOMPARE(workflow.step(u"revise_2"_s)->inputs.value(u"plan"_s), u"steps.approve_plan.output"_s);
    QCOMPARE(workflow.step(u"critique_2"_s)->x, workflow.step(u"critique"_s)->x + 40);
    QVERIFY(f.page.problems().isEmpty());

    f.action("action_designer_duplicate")->trigger();
    QCOMPARE(f.page.scene()->selectedStepIds(), (QStringList {u"critique_3"_s, u"revise_3"_s}));
    QCOMPARE(f.page.document().workflow().steps.size(), 8);
    f.action("action_designer_cut")->trigger();
    QCOMPARE(f.page.document().workflow().steps.size(), 6);
    QCOMPARE(f.page.paste(QPointF(1000, 600)).size(), 2);
    QCOMPARE(f.page.document().workflow().step(u"critique_3"_s)->x, 1000.0);
}

void TstDesignerPage::unsavedChangesPromptGuardsTheWorkflow()
{
    Fixture f;
    QTemporaryDir dir;
    QVERIFY(f.page.openFile(demoFile()));
    f.page.addStep(u"task"_s);
    QVERIFY(f.page.document().isModified());
    QVERIFY(f.page.title().endsWith(u"*"_s));
    QStringList asked;
    f.page.setUnsavedChangesPrompt([&](const QString &name) {
        asked.append(name);
        return QMessageBox::Cancel;
    });
    f.page.newWorkflow();
    QCOMPARE(asked, QStringList {u"plan-critique-revise.json"_s});
    QCOMPARE(f.page.document().workflow().steps.size(), 5); // cancelled: kept
    QVERIFY(!f.page.maybeSave());

    // Save: the changes are written first (to a new file here), then the workflow is replaced.
    const QString target = dir.filePath(u"mine"_s);
    f.page.setUnsavedChangesPrompt([](const QString &) { return QMessageBox::Save; });
    f.page.setSavePathPrompt([&](const QString &) { return target; });
    QVERIFY(f.page.saveAs());
    QCOMPARE(f.page.document().filePath(), target + u".json"_s);
    f.page.addStep(u"approval"_s);
    QVERIFY(f.page.openFile(demoFile()));
    QCOMPARE(Ui::WorkflowDocument::readFile(target + u".json"_s)->steps.size(), 6);
    QCOMPARE(f.page.document().workflow().steps.size(), 4);

    // Discard: replaced without writing.
    f.page.addStep(u"task"_s);
    f.page.setUnsavedChangesPrompt([](const QString &) { return QMessageBox::Discard; });
    f.page.newWorkflow();
    QVERIFY(f.page.document().workflow().steps.isEmpty());
    QVERIFY(!f.page.document().isModified());
}

void TstDesignerPage::recentFilesAndCompare()
{
    Fixture f;
    QTemporaryDir dir;
    Ui::RecentFiles::clear();
    QVERIFY(f.page.openFile(demoFile()));
    QCOMPARE(Ui::RecentFiles::list(), QStringList {QFileInfo(demoFile()).absoluteFilePath()});
    f.page.document().remove({u"critique"_s});
    QVERIFY(f.page.saveAs(dir.filePath(u"short.json"_s)));
    QCOMPARE(Ui::RecentFiles::list().value(0), dir.filePath(u"short.json"_s));
    QCOMPARE(Ui::RecentFiles::list().size(), 2);
    const QList<QAction *> recent = f.page.recentMenu()->actions();
    QVERIFY(recent.at(0)->text() == u"short.json"_s);
    QVERIFY(recent.at(1)->text() == u"plan-critique-revise.json"_s);

    const auto diff = f.page.compareWithFile(demoFile());
    QVERIFY(diff);
    QCOMPARE(diff->removed, QStringList {u"critique"_s});
    QCOMPARE(diff->changed.size(), 1); // revise no longer reads the critique
    QCOMPARE(diff->changed.at(0).id, u"revise"_s);
    QCOMPARE(diff->changed.at(0).members, QStringList {u"inputs"_s});
    QVERIFY(!f.page.compareWithFile(dir.filePath(u"missing.json"_s)));
    QVERIFY(f.page.banner()->isShowingError());
    // Opening from the menu.
    recent.at(1)->trigger();
    QCOMPARE(f.page.document().workflow().steps.size(), 4);
}

void TstDesignerPage::runInputsDialogHasOneTypedFieldPerInput()
{
    const QList<Api::WorkflowInput> inputs {
        {u"goal"_s, Api::ValueType::Text, {}, QJsonValue::Undefined},
        {u"count"_s, Api::ValueType::Number, {}, 3},
        {u"strict"_s, Api::ValueType::Boolean, {}, false},
        {u"items"_s, Api::ValueType::List, {}, QJsonArray {u"a"_s, u"b"_s}},
    };
    Ui::WorkflowInputsDialog dialog(inputs);
    QVERIFY(qobject_cast<QLineEdit *>(dialog.field(u"goal"_s)));
    QVERIFY(qobject_cast<QDoubleSpinBox *>(dialog.field(u"count"_s)));
    QVERIFY(qobject_cast<QCheckBox *>(dialog.field(u"strict"_s)));
    QVERIFY(qobject_cast<QPlainTextEdit *>(dialog.field(u"items"_s)));
    QVERIFY(!dialog.isComplete()); // the goal is required
    dialog.setValue(u"goal"_s, u"ship it"_s);
    dialog.setValue(u"strict"_s, true);
    QVERIFY(dialog.isComplete());
    const QJsonObject values = dialog.values();
    QCOMPARE(values.value(u"goal"_s).toString(), u"ship it"_s);
    QCOMPARE(values.value(u"count"_s).toDouble(), 3.0);
    QCOMPARE(values.value(u"strict"_s).toBool(), true);
    QCOMPARE(values.value(u"items"_s).toArray(), (QJsonArray {u"a"_s, u"b"_s}));
}

void TstDesignerPage::runLightsTheNodesUpOnARealCore()
{
    Fixture f;
    QS_VERIFY_OK(createSwarm(*f.backend, quickSwarm(u"demo"_s, 3, 5)));
    QVERIFY(f.connect({u"demo"_s}));
    f.page.document().reset(quickWorkflow(false));
    QVERIFY(f.page.problems().isEmpty());
    QVERIFY(f.action("action_designer_run")->isEnabled());
    std::optional<QList<Api::WorkflowInput>> asked;
    f.page.setInputsPrompt([&](const QList<Api::WorkflowInput> &inputs) {
        asked = inputs;
        return std::optional<QJsonObject>(QJsonObject {{u"goal"_s, u"What is 2 + 2?"_s}});
    });
    QSignalSpy started(&f.page, &DesignerPage::runStarted);
    f.action("action_designer_run")->trigger();
    QVERIFY(asked && asked->size() == 1);
    QVERIFY(Testing::spinUntil([&] { return !started.isEmpty(); }));
    Ui::StepNodeItem *node = f.page.scene()->node(u"answer"_s);
    QVERIFY(Testing::spinUntil([&] { return node->run() && node->run()->state == Api::StepState::Succeeded; }));
    QVERIFY(Testing::spinUntil([&] { return !node->run()->output.toString().isEmpty(); }));
    QVERIFY(node->toolTip().contains(u"Output:"_s));
    QVERIFY(Testing::spinUntil([&] { return !f.page.runTracker()->isActive(); }));
    QCOMPARE(f.page.runTracker()->runState(), Api::RunState::Succeeded);
    f.page.selectStep(u"answer"_s);
    auto *output = f.page.findChild<QPlainTextEdit *>(u"designer_step_output"_s);
    QCOMPARE(output->toPlainText(), node->run()->output.toString());
    QVERIFY(f.action("action_designer_run")->isEnabled()); // finished: it may run again
    f.action("action_designer_clear_run")->trigger();
    QVERIFY(!node->run());
}

void TstDesignerPage::waitingApprovalShowsOnTheNodeAndCanBeApproved()
{
    Fixture f;
    QS_VERIFY_OK(createSwarm(*f.backend, quickSwarm(u"demo"_s, 3, 5)));
    QVERIFY(f.connect({u"demo"_s}));
    f.page.document().reset(quickWorkflow(true));
    QVERIFY(f.page.runWith({{u"goal"_s, u"Name a colour."_s}}));
    Ui::StepNodeItem *gate = f.page.scene()->node(u"gate"_s);
    QVERIFY(Testing::spinUntil([&] { return gate->run() && gate->run()->state == Api::StepState::AwaitingApproval; }));
    QVERIFY(Testing::spinUntil([&] { return !f.page.runTracker()->waitingValue(u"gate"_s).toString().isEmpty(); }));
    QVERIFY(!f.action("action_designer_run")->isEnabled()); // one run at a time
    f.page.approveStep(u"gate"_s, Api::Approval {Api::ApprovalVerdict::Edit, u"blue"_s, u"test"_s, {}});
    QVERIFY(Testing::spinUntil([&] { return gate->run()->state == Api::StepState::Succeeded; }));
    QVERIFY(Testing::spinUntil([&] { return f.page.runTracker()->runState() == Api::RunState::Succeeded; }));
    QCOMPARE(gate->run()->output.toString(), u"blue"_s);
}

void TstDesignerPage::grabsTheDemoWorkflow()
{
    Fixture f;
    QS_VERIFY_OK(createSwarm(*f.backend, quickSwarm(u"demo"_s, 3, 5)));
    QVERIFY(f.connect({u"demo"_s}));
    f.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.page));
    QVERIFY(f.page.openFile(demoFile()));
    // The run's colours: the plan succeeded, the approval waits.
    QVERIFY(f.page.runWith({{u"goal"_s, u"Open a tea shop."_s}}));
    Ui::StepNodeItem *gate = f.page.scene()->node(u"approve_plan"_s);
    QVERIFY(Testing::spinUntil([&] { return gate->run() && gate->run()->state == Api::StepState::AwaitingApproval; }));
    f.page.selectStep(u"plan"_s);
    QTest::qWait(200); // the view fits once it has its size
    const QImage image = f.page.grab().toImage();
    QCOMPARE(image.size(), QSize(1400, 900) * image.devicePixelRatio());
    const QString path = qEnvironmentVariable("QWENSWARM_DESIGNER_GRAB");
    if (!path.isEmpty())
        QVERIFY(image.save(path));
    // Every node is in sight.
    for (const QString &id : {u"plan"_s, u"approve_plan"_s, u"critique"_s, u"revise"_s}) {
        const QRectF bounds = f.page.scene()->node(id)->sceneBoundingRect();
        QVERIFY2(f.page.view()->mapToScene(f.page.view()->viewport()->rect()).boundingRect().contains(bounds),
                 qPrintable(id));
    }
}

QTEST_MAIN(TstDesignerPage)
#include "tst_designerpage.moc"
