// Quick-open (Ctrl+K) in the real window over a real in-process core: it finds agents by name,
// tasks and decisions by id and tasks by words, runs actions, and takes the operator there.
#include "agents/agentsmodel.h"
#include "agents/agentspage.h"
#include "mainwindow/commandpalettedialog.h"
#include "mainwindow/commandpalettemodel.h"
#include "mainwindow/mainwindow.h"
#include "tasks/taskdetailwidget.h"
#include "tasks/taskspage.h"

#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::CommandPaletteModel;
using Ui::MainWindow;

namespace {

int rowOf(const CommandPaletteModel &model, CommandPaletteModel::Kind kind, quint64 id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.entry(row).kind == kind && model.entry(row).id == id)
            return row;
    }
    return -1;
}

} // namespace

class TstCommandPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsAnAgentByNameAndGoesThere();
    void findsATaskByIdAndByWords();
    void findsADecisionById();
    void runsActions();

private:
    QTemporaryDir m_settings;
};

void TstCommandPalette::initTestCase()
{
    isolateSettings(m_settings);
}

void TstCommandPalette::findsAnAgentByNameAndGoesThere()
{
    auto backend = makeBackend();
    QS_VERIFY_OK(createSwarm(*backend, demoLikeSwarm()));
    MainWindow window(*backend);
    window.show();
    CommandPaletteModel &model = window.commandPalette()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(Testing::spinUntil([&] { return window.agentsPage()->model()->rowCount() == 5; }));
    window.showPage(MainWindow::Page::Dashboard);

    window.findChild<QAction *>(u"action_command_palette"_s)->trigger();
    QVERIFY(window.commandPalette()->isVisible());
    window.commandPalette()->setQuery(u"BIR"_s);
    QVERIFY(model.rowCount() >= 1);
    QCOMPARE(model.entry(0).kind, CommandPaletteModel::Kind::Agent);
    QCOMPARE(model.entry(0).title, u"Agent birch"_s);
    const Api::AgentId birch = window.agentsPage()->model()->findByName(u"birch"_s);
    QCOMPARE(model.entry(0).id, birch.value);

    window.commandPalette()->activateRow(0);
    QVERIFY(!window.commandPalette()->isVisible());
    QCOMPARE(window.agentsPage()->selectedAgents(), QList<Api::AgentId> {birch});
    QVERIFY(!window.dock(MainWindow::Page::Agents)->visibleRegion().isEmpty()); // raised over the dashboard

    // By id too, and nothing for what does not exist.
    window.commandPalette()->setQuery(u"agent %1"_s.arg(birch.value));
    QCOMPARE(rowOf(model, CommandPaletteModel::Kind::Agent, birch.value), 0);
    window.commandPalette()->setQuery(u"zzzz-nothing"_s);
    QVERIFY(Testing::spinUntil([&] { return !model.isSearching(); }));
    QCOMPARE(model.rowCount(), 0);
}

void TstCommandPalette::findsATaskByIdAndByWords()
{
    auto backend = makeBackend();
    const auto swarm = createSwarm(*backend, quickSwarm(u"quick"_s));
    QS_VERIFY_OK(swarm);
    Api::TaskSpec special = sumTask(swarm->id, 1, 2);
    special.variables.insert(u"note"_s, u"pineapple"_s);
    special.promptTemplate += u" {{note}}"_s;
    const auto tasks = submit(*backend, {sumTask(swarm->id, 5, 5), special, sumTask(swarm->id, 6, 6)});
    QS_VERIFY_OK(tasks);
    MainWindow window(*backend);
    window.show();
    CommandPaletteModel &model = window.commandPalette()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const Api::TaskId id = tasks->at(1).id;
    window.commandPalette()->openPalette();
    window.commandPalette()->setQuery(u"#%1"_s.arg(id.value));
    QVERIFY(model.isSearching());
    QVERIFY(Testing::spinUntil([&] { return rowOf(model, CommandPaletteModel::Kind::Task, id.value) >= 0; }));
    QVERIFY(model.entry(rowOf(model, CommandPaletteModel::Kind::Task, id.value)).detail.contains(u"What is 1 + 2"_s));
    window.commandPalette()->activateRow(rowOf(model, CommandPaletteModel::Kind::Task, id.value));
    QCOMPARE(window.tasksPage()->detail()->taskId(), id);
    QVERIFY(!window.dock(MainWindow::Page::Tasks)->visibleRegion().isEmpty());
    QVERIFY(Testing::spinUntil([&] { return window.tasksPage()->detail()->text().contains(u"pineapple"_s); }));

    window.commandPalette()->setQuery(u"PINEAPP"_s); // words of the input
    QVERIFY(Testing::spinUntil([&] { return !model.isSearching(); }));
    QCOMPARE(rowOf(model, CommandPaletteModel::Kind::Task, id.value), 0);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY2(model.entry(0).detail.contains(u"pineapple"_s),
             qPrintable(model.entry(0).detail)); // the words it was found by

    // A stale answer does not land in a newer query's results.
    window.commandPalette()->setQuery(u"#%1"_s.arg(tasks->at(0).id.value));
    window.commandPalette()->setQuery(u"#%1"_s.arg(tasks->at(2).id.value));
    QVERIFY(Testing::spinUntil([&] { return !model.isSearching(); }));
    QCOMPARE(rowOf(model, CommandPaletteModel::Kind::Task, tasks->at(0).id.value), -1);
    QVERIFY(rowOf(model, CommandPaletteModel::Kind::Task, tasks->at(2).id.value) >= 0);
}

void TstCommandPalette::findsADecisionById()
{
    auto backend = makeBackend();
    const auto swarm = createSwarm(*backend, demoLikeSwarm());
    QS_VERIFY_OK(swarm);
    const auto tasks = submit(*backend, {sumTask(swarm->id, 20, 22)});
    QS_VERIFY_OK(tasks);
    QVERIFY(Testing::spinUntil([&] { return task(*backend, tasks->constFirst().id)->result.has_value(); }));
    const Api::DecisionId decision = task(*backend, tasks->constFirst().id)->result->decisionId;
    MainWindow window(*backend);
    window.show();
    CommandPaletteModel &model = window.commandPalette()->model();
    window.commandPalette()->setQuery(u"decision %1"_s.arg(decision.value));
    QVERIFY(Testing::spinUntil([&] { return !model.isSearching(); }));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entry(0).kind, CommandPaletteModel::Kind::Decision);
    QVERIFY2(model.entry(0).detail.contains(u"decided “42”"_s), qPrintable(model.entry(0).detail));
    window.commandPalette()->activateRow(0);
    QVERIFY(Testing::spinUntil([&] { return window.tasksPage()->detail()->taskId() == tasks->constFirst().id; }));
    // The votes name their agents: the window lends the agents' names to the task detail.
    QVERIFY(Testing::spinUntil([&] {
        const QString text = window.tasksPage()->detail()->text();
        return text.contains(u"Round 1"_s) && text.contains(u"atlas"_s);
    }));
}

void TstCommandPalette::runsActions()
{
    auto backend = makeBackend();
    MainWindow window(*backend);
    window.show();
    CommandPaletteModel &model = window.commandPalette()->model();
    window.commandPalette()->setQuery(u"reset lay"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entry(0).kind, CommandPaletteModel::Kind::Action);
    QVERIFY(!model.entry(0).detail.isEmpty()); // its shortcut
    window.dock(MainWindow::Page::Tasks)->close();
    window.commandPalette()->activateRow(0);
    QVERIFY(!window.dock(MainWindow::Page::Tasks)->isHidden());
}

QTEST_MAIN(TstCommandPalette)
#include "tst_commandpalette.moc"
