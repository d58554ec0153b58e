// The agents table's model on a real in-process core: it loads, follows lifecycle commands and
// events, filters and sorts, and passes QAbstractItemModelTester throughout.
#include "agents/agentsmodel.h"
#include "agents/agentsproxymodel.h"
#include "common/swarmdirectory.h"

#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::AgentsModel;
using Ui::AgentsProxyModel;

namespace {

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

QStringList column(const QAbstractItemModel &model, int c)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(cell(model, row, c));
    return values;
}

} // namespace

class TstAgentsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsEveryAgentWithItsSwarm();
    void followsLifecycleCommandsAndEvents();
    void recordsStateHistory();
    void countersAndReputationsCatchUp();
    void proxyFiltersAndSortsByValue();
};

void TstAgentsModel::loadsEveryAgentWithItsSwarm()
{
    auto backend = makeBackend();
    QS_VERIFY_OK(createSwarm(*backend, demoLikeSwarm()));
    QS_VERIFY_OK(createSwarm(*backend, quickSwarm(u"quick"_s, 2)));
    Ui::SwarmDirectory swarms(*backend);
    AgentsModel model(*backend, swarms);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &AgentsModel::loaded);
    swarms.start();
    model.start();
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.columnCount(), int(AgentsModel::ColumnCount));
    QCOMPARE(column(model, AgentsModel::NameColumn),
             (QStringList {u"atlas"_s, u"birch"_s, u"cedar"_s, u"dune"_s, u"ember"_s, u"quick-agent-0"_s,
                           u"quick-agent-1"_s}));
    QVERIFY(Testing::spinUntil([&] { return cell(model, 6, AgentsModel::SwarmColumn) == u"quick"_s; }));
    QCOMPARE(cell(model, 0, AgentsModel::SwarmColumn), u"demo"_s);
    QCOMPARE(cell(model, 0, AgentsModel::RoleColumn), u"coordinator"_s);
    QCOMPARE(cell(model, 0, AgentsModel::StateColumn), u"idle"_s);
    QCOMPARE(cell(model, 0, AgentsModel::ModelColumn), u"simulated/sim-medium"_s);
    QCOMPARE(model.headerData(AgentsModel::CostColumn, Qt::Horizontal).toString(), u"Cost"_s);
    QCOMPARE(model.findByName(u"BIRCH"_s), model.agentAt(1).id);
}

void TstAgentsModel::followsLifecycleCommandsAndEvents()
{
    auto backend = makeBackend();
    const auto swarm = createSwarm(*backend, demoLikeSwarm());
    QS_VERIFY_OK(swarm);
    Ui::SwarmDirectory swarms(*backend);
    AgentsModel model(*backend, swarms);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    swarms.start();
    model.start();
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 5; }));
    const Api::AgentId birch = model.findByName(u"birch"_s);
    const Api::AgentId cedar = model.findByName(u"cedar"_s);

    // Commands given by someone else (straight to the backend): the model learns of them from events.
    QS_VERIFY_OK(command(*backend, birch, Api::AgentCommand::Pause));
    QS_VERIFY_OK(command(*backend, cedar, Api::AgentCommand::Stop));
    QVERIFY(Testing::spinUntil([&] { return model.agent(birch)->state == Api::AgentState::Paused; }));
    QVERIFY(Testing::spinUntil([&] { return model.agent(cedar)->state == Api::AgentState::Stopped; }));
    QCOMPARE(cell(model, model.rowOf(birch), AgentsModel::StateColumn), u"paused"_s);
    QCOMPARE(model.index(model.rowOf(cedar), 0).data(AgentsModel::StateRole).toInt(), int(Api::AgentState::Stopped));

    // A new agent appears, a removed one goes.
    const auto spawned = Testing::await<Api::Agent>([&](QObject *c, auto done) {
        backend->spawnAgent(swarm->id, agentSpec(u"fern"_s, Api::AgentRole::Judge, 0.9, 10), c, done);
    });
    QS_VERIFY_OK(spawned);
    QVERIFY(Testing::spinUntil([&] { return model.rowOf(spawned->id) == 5; }));
    QCOMPARE(cell(model, 5, AgentsModel::RoleColumn), u"judge"_s);
    QS_VERIFY_OK(Testing::await<void>([&](QObject *c, auto done) { backend->removeAgent(cedar, c, done); }));
    QVERIFY(Testing::spinUntil([&] { return model.rowOf(cedar) < 0; }));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.rowOf(spawned->id), 4);
}

void TstAgentsModel::recordsStateHistory()
{
    auto backend = makeBackend();
    QS_VERIFY_OK(createSwarm(*backend, demoLikeSwarm()));
    Ui::SwarmDirectory swarms(*backend);
    AgentsModel model(*backend, swarms);
    model.start();
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 5; }));
    const Api::AgentId dune = model.findByName(u"dune"_s);
    QS_VERIFY_OK(command(*backend, dune, Api::AgentCommand::Pause));
    QS_VERIFY_OK(command(*backend, dune, Api::AgentCommand::Resume));
    QS_VERIFY_OK(command(*backend, dune, Api::AgentCommand::Drain));
    QVERIFY(Testing::spinUntil([&] { return model.history(dune).size() >= 3; }));
    const QList<AgentsModel::Transition> history = model.history(dune);
    QCOMPARE(history.at(0).from, Api::AgentState::Idle);
    QCOMPARE(history.at(0).to, Api::AgentState::Paused);
    QCOMPARE(history.at(1).to, Api::AgentState::Idle);
    QVERIFY(history.at(0).timeMs > 0 && history.at(0).timeMs <= history.at(1).timeMs);
    QVERIFY(Testing::spinUntil([&] { return model.agent(dune)->state == Api::AgentState::Stopped; }));
}

void TstAgentsModel::countersAndReputationsCatchUp()
{
    auto backend = makeBackend();
    const auto swarm = createSwarm(*backend, demoLikeSwarm());
    QS_VERIFY_OK(swarm);
    Ui::SwarmDirectory swarms(*backend);
    AgentsModel model(*backend, swarms);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.start();
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 5; }));
    QList<Api::TaskSpec> specs;
    for (int i = 0; i < 20; ++i)
        specs.append(sumTask(swarm->id, i, 1));
    QS_VERIFY_OK(submit(*backend, specs));
    const Api::AgentId atlas = model.findByName(u"atlas"_s);
    QVERIFY(Testing::spinUntil([&] { return model.agent(atlas)->stats.calls == 20; }, 15000));
    QVERIFY(model.agent(atlas)->stats.costUsd > 0);
    QVERIFY(Testing::spinUntil([&] { return model.reputation(atlas).has_value(); }, 15000));
    QVERIFY(*model.reputation(atlas) > 0.5);
    QVERIFY(cell(model, model.rowOf(atlas), AgentsModel::ReputationColumn).endsWith(u'%'));
}

void TstAgentsModel::proxyFiltersAndSortsByValue()
{
    auto backend = makeBackend();
    QS_VERIFY_OK(createSwarm(*backend, demoLikeSwarm()));
    const auto other = createSwarm(*backend, quickSwarm(u"quick"_s, 2));
    QS_VERIFY_OK(other);
    Ui::SwarmDirectory swarms(*backend);
    AgentsModel model(*backend, swarms);
    AgentsProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    swarms.start();
    model.start();
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 7 && swarms.isLoaded(); }));

    proxy.setSearchText(u"BIR"_s);
    QCOMPARE(column(proxy, AgentsModel::NameColumn), QStringList {u"birch"_s});
    proxy.setSearchText(u"critic"_s); // roles are searched too
    QCOMPARE(column(proxy, AgentsModel::NameColumn), QStringList {u"ember"_s});
    proxy.setSearchText(u"quick"_s); // and swarm names
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setSearchText({});
    proxy.setSwarmFilter(other->id);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setSwarmFilter({});

    QS_VERIFY_OK(command(*backend, model.findByName(u"dune"_s), Api::AgentCommand::Pause));
    proxy.setStateFilter(Api::AgentState::Paused);
    QVERIFY(Testing::spinUntil([&] { return proxy.rowCount() == 1; }));
    QCOMPARE(cell(proxy, 0, AgentsModel::NameColumn), u"dune"_s);
    proxy.setStateFilter(std::nullopt);
    QCOMPARE(proxy.rowCount(), 7);

    // Descending by role: critic (4) sorts before coordinator (0) by the enum, not the words.
    proxy.sort(AgentsModel::RoleColumn, Qt::DescendingOrder);
    QCOMPARE(cell(proxy, 0, AgentsModel::NameColumn), u"ember"_s);
    proxy.sort(AgentsModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(cell(proxy, 0, AgentsModel::NameColumn), u"quick-agent-1"_s);
}

QTEST_MAIN(TstAgentsModel)
#include "tst_agentsmodel.moc"
