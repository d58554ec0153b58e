// The agent graph on a real in-process core: its items follow the swarms and agents through spawn,
// stop, removal and topology changes; the layout is deterministic for a seed and barely moves when
// an agent joins; search focuses, the context commands reach the core, and the view exports.
#include "common/bannerwidget.h"
#include "graph/agentgraphpage.h"
#include "graph/agentgraphscene.h"
#include "graph/agentnodeitem.h"
#include "graph/agentstatehistory.h"
#include "graph/graphlayout.h"
#include "graph/graphview.h"
#include "graph/swarmgroupitem.h"
#include "graph/topologyedges.h"

#include "uitestsupport.h"

#include <QDateTime>
#include <QFile>
#include <QHelpEvent>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <cmath>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::AgentGraphPage;
using Ui::GraphLayout;

namespace {

/// `count` groups of `size` nodes each, ids from `firstId`, with the given topology's edges.
GraphLayout::Input layoutInput(int count, int size, Api::Topology topology, quint32 seed)
{
    GraphLayout::Input input;
    input.seed = seed;
    quint64 id = 1;
    for (int g = 0; g < count; ++g) {
        GraphLayout::Group group;
        group.id = Api::SwarmId(quint64(g + 1));
        QList<Ui::TopologyEdges::Member> members;
        for (int i = 0; i < size; ++i) {
            group.nodes.append(Api::AgentId(id));
            members.append({Api::AgentId(id++), i == 0 ? Api::AgentRole::Coordinator : Api::AgentRole::Worker});
        }
        group.edges = Ui::TopologyEdges::edges(topology, members);
        input.groups.append(group);
    }
    return input;
}

struct Fixture
{
    std::unique_ptr<Engine::InProcessBackend> backend = makeBackend();
    AgentGraphPage page {*backend};

    int nodesOf(Api::SwarmId swarm) const
    {
        const Ui::SwarmGroupItem *group = page.scene()->group(swarm);
        return group ? int(group->nodes().size()) : -1;
    }
    int edgesOf(Api::SwarmId swarm) const
    {
        const Ui::SwarmGroupItem *group = page.scene()->group(swarm);
        return group ? int(group->edges().size()) : -1;
    }
    bool settled() const { return !page.isLayoutPending() && page.layoutCount() > 0; }
};

} // namespace

class TstAgentGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemsFollowSpawnStopRemoveAndTopology();
    void layoutIsDeterministicForASeed();
    void layoutBarelyMovesWhenANodeJoins_data();
    void layoutBarelyMovesWhenANodeJoins();
    void searchFocusesAndContextCommandsReachTheCore();
    void exportsPngAndSvg();
    void collapsedSwarmHidesItsNodes();
    void timeSliderReplaysPastStates();
    void stateHistoryIsBoundedByCountAsWellAsTime();
};

void TstAgentGraph::itemsFollowSpawnStopRemoveAndTopology()
{
    Fixture f;
    Api::SwarmSpec meshSpec = quickSwarm(u"mesh"_s, 3);
    Api::SwarmSpec starSpec = quickSwarm(u"star"_s, 4);
    starSpec.topology = Api::Topology::Star;
    const auto mesh = createSwarm(*f.backend, meshSpec);
    const auto star = createSwarm(*f.backend, starSpec);
    QVERIFY(mesh && star);
    f.page.start();
    QVERIFY(Testing::spinUntil([&] { return f.page.scene()->nodes().size() == 7 && f.settled(); }));
    QCOMPARE(f.page.scene()->groups().size(), 2);
    QCOMPARE(f.edgesOf(mesh->id), 3); // a triangle
    QCOMPARE(f.edgesOf(star->id), 3); // hub to three
    for (Api::AgentId id : mesh->agentIds)
        QCOMPARE(f.page.scene()->node(id)->parentItem(), f.page.scene()->group(mesh->id));

    // Spawn: a node joins its swarm's group, with the mesh's new edges.
    const auto spawned = Testing::await<Api::Agent>([&](QObject *c, auto done) {
        f.backend->spawnAgent(mesh->id, agentSpec(u"newcomer"_s, Api::AgentRole::Critic, 1.0, 5), c, done);
    });
    QVERIFY(spawned);
    QVERIFY(Testing::spinUntil([&] { return f.page.scene()->node(spawned->id) != nullptr; }));
    QCOMPARE(f.nodesOf(mesh->id), 4);
    QCOMPARE(f.edgesOf(mesh->id), 6);
    QCOMPARE(f.page.scene()->node(spawned->id)->agent().spec.role, Api::AgentRole::Critic);
    QVERIFY(Testing::spinUntil([&] { return f.settled() && f.page.scene()->layout().local.contains(spawned->id); }));

    // Stop: the node shows it.
    const Api::AgentId stopped = star->agentIds.at(1);
    QVERIFY(command(*f.backend, stopped, Api::AgentCommand::Stop));
    QVERIFY(
        Testing::spinUntil([&] { return f.page.scene()->node(stopped)->agent().state == Api::AgentState::Stopped; }));

    // Remove: the node goes, and the star loses one spoke.
    QVERIFY(Testing::await<void>([&](QObject *c, auto done) { f.backend->removeAgent(stopped, c, done); }));
    QVERIFY(Testing::spinUntil([&] { return f.page.scene()->node(stopped) == nullptr; }));
    QCOMPARE(f.nodesOf(star->id), 3);
    QCOMPARE(f.edgesOf(star->id), 2);

    // Topology change: the mesh of four becomes a ring of four.
    QVERIFY(Testing::await<Api::Swarm>([&](QObject *c, auto done) {
        f.backend->updateSwarm(mesh->id, Api::Topology::Ring, meshSpec.defaultStrategy, c, done);
    }));
    QVERIFY(Testing::spinUntil([&] { return f.edgesOf(mesh->id) == 4; }));
    QCOMPARE(f.page.scene()->group(mesh->id)->swarm().topology, Api::Topology::Ring);
    QCOMPARE(f.page.scene()->nodes().size(), 7);
}

void TstAgentGraph::layoutIsDeterministicForASeed()
{
    const GraphLayout::Input input = layoutInput(4, 12, Api::Topology::Mesh, 42);
    const GraphLayout::Result a = GraphLayout::compute(input);
    const GraphLayout::Result b = GraphLayout::compute(input);
    QCOMPARE(a.local.size(), 48);
    QCOMPARE(a.local, b.local);
    QCOMPARE(a.groupOrigin, b.groupOrigin);

    GraphLayout::Input other = input;
    other.seed = 43;
    const GraphLayout::Result c = GraphLayout::compute(other);
    bool differs = false;
    for (auto it = a.local.cbegin(); it != a.local.cend(); ++it)
        differs = differs || QLineF(it.value(), c.local.value(it.key())).length() > 1;
    QVERIFY2(differs, "another seed should give another layout");

    // Nodes do not pile up: no two nodes of a group closer than a third of the spacing.
    for (const GraphLayout::Group &g : input.groups) {
        for (qsizetype i = 0; i < g.nodes.size(); ++i) {
            for (qsizetype j = i + 1; j < g.nodes.size(); ++j) {
                const double d = QLineF(a.local.value(g.nodes[i]), a.local.value(g.nodes[j])).length();
                QVERIFY2(d > GraphLayout::nodeSpacing / 3, qPrintable(u"nodes %1 and %2 at %3"_s.arg(i).arg(j).arg(d)));
            }
        }
    }
}

void TstAgentGraph::layoutBarelyMovesWhenANodeJoins_data()
{
    QTest::addColumn<int>("topology");
    QTest::newRow("mesh") << int(Api::Topology::Mesh);
    QTest::newRow("star") << int(Api::Topology::Star);
    QTest::newRow("hierarchical") << int(Api::Topology::Hierarchical);
    QTest::newRow("ring") << int(Api::Topology::Ring);
}

void TstAgentGraph::layoutBarelyMovesWhenANodeJoins()
{
    QFETCH(int, topology);
    const GraphLayout::Input before = layoutInput(3, 15, Api::Topology(topology), 7);
    const GraphLayout::Result first = GraphLayout::compute(before);

    GraphLayout::Input after = before;
    after.previous = first;
    GraphLayout::Group &grown = after.groups[1];
    grown.nodes.append(Api::AgentId(1000));
    QList<Ui::TopologyEdges::Member> members;
    for (qsizetype i = 0; i < grown.nodes.size(); ++i)
        members.append({grown.nodes[i], i == 0 ? Api::AgentRole::Coordinator : Api::AgentRole::Worker});
    grown.edges = Ui::TopologyEdges::edges(Api::Topology(topology), members);
    const GraphLayout::Result second = GraphLayout::compute(after);

    double total = 0;
    int count = 0;
    for (const GraphLayout::Group &g : before.groups) {
        for (Api::AgentId id : g.nodes) {
            total += QLineF(first.position(g.id, id), second.position(g.id, id)).length();
            ++count;
        }
    }
    const double mean = total / count;
    // A fresh layout moves nodes by about the group's radius; a stable one by a fraction of a spacing.
    QVERIFY2(mean < GraphLayout::nodeSpacing * 0.25, qPrintable(u"mean displacement %1"_s.arg(mean)));
    QVERIFY(second.local.contains(Api::AgentId(1000)));
    for (const GraphLayout::Group &g : before.groups)
        QCOMPARE(second.groupOrigin.value(g.id), first.groupOrigin.value(g.id));
}

void TstAgentGraph::searchFocusesAndContextCommandsReachTheCore()
{
    Fixture f;
    const auto swarm = createSwarm(*f.backend, demoLikeSwarm());
    QVERIFY(swarm);
    f.page.resize(900, 600);
    f.page.show();
    f.page.start();
    QVERIFY(Testing::spinUntil([&] { return f.page.scene()->nodes().size() == 5 && f.settled(); }));

    QVERIFY(!f.page.focusAgent(u"nobody"_s));
    QVERIFY(f.page.focusAgent(u"CED"_s));
    const QList<QGraphicsItem *> selected = f.page.scene()->selectedItems();
    QCOMPARE(selected.size(), 1);
    auto *node = static_cast<Ui::AgentNodeItem *>(selected.constFirst());
    QCOMPARE(node->agent().spec.name, u"cedar"_s);

    // The tooltip is written when asked for, from the node's agent as it is now.
    QWidget *viewport = f.page.view()->viewport();
    const QPoint at = f.page.view()->mapFromScene(node->sceneBoundingRect().center());
    QHelpEvent help(QEvent::ToolTip, at, viewport->mapToGlobal(at));
    QCoreApplication::sendEvent(viewport, &help);
    QVERIFY2(QToolTip::isVisible() && QToolTip::text().startsWith(u"cedar"_s), qPrintable(QToolTip::text()));
    QToolTip::hideText();

    QSignalSpy opened(&f.page, &AgentGraphPage::openAgent);
    f.page.runCommand(Api::AgentCommand::Pause);
    QVERIFY(Testing::spinUntil([&] { return agent(*f.backend, node->agentId())->state == Api::AgentState::Paused; }));
    QVERIFY(Testing::spinUntil([&] { return node->agent().state == Api::AgentState::Paused; }));
    f.page.runCommand(Api::AgentCommand::Pause); // not allowed twice: the core's error is shown
    QVERIFY(Testing::spinUntil([&] { return f.page.banner()->isVisible(); }));
    QCOMPARE(opened.size(), 0);
}

void TstAgentGraph::exportsPngAndSvg()
{
    Fixture f;
    QVERIFY(createSwarm(*f.backend, demoLikeSwarm()));
    f.page.start();
    QVERIFY(Testing::spinUntil([&] { return f.page.scene()->nodes().size() == 5 && f.settled(); }));
    QTemporaryDir dir;
    const QString png = dir.filePath(u"graph.png"_s);
    const QString svg = dir.filePath(u"graph.svg"_s);
    QVERIFY(f.page.exportPng(png));
    QVERIFY(f.page.exportSvg(svg));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 100);
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("atlas")); // node labels are in the drawing
}

void TstAgentGraph::collapsedSwarmHidesItsNodes()
{
    Fixture f;
    const auto swarm = createSwarm(*f.backend, quickSwarm(u"small"_s, 4));
    QVERIFY(swarm);
    f.page.start();
    QVERIFY(Testing::spinUntil([&] { return f.page.scene()->nodes().size() == 4 && f.settled(); }));
    f.page.setAllCollapsed(true);
    for (Ui::AgentNodeItem *node : f.page.scene()->nodes())
        QVERIFY(!node->isVisible());
    QVERIFY(!f.page.focusAgent(u"missing"_s));
    QVERIFY(f.page.focusAgent(u"small-agent-2"_s)); // focusing expands the swarm again
    QVERIFY(f.page.scene()->node(swarm->agentIds.at(2))->isVisible());
}

void TstAgentGraph::timeSliderReplaysPastStates()
{
    Fixture f;
    const auto swarm = createSwarm(*f.backend, quickSwarm(u"replay"_s, 2));
    QVERIFY(swarm);
    f.page.start();
    QVERIFY(Testing::spinUntil([&] { return f.page.scene()->nodes().size() == 2 && f.settled(); }));
    const Api::AgentId id = swarm->agentIds.constFirst();
    Ui::AgentNodeItem *node = f.page.scene()->node(id);
    QCOMPARE(node->agent().state, Api::AgentState::Idle);
    Testing::spinFor(30);
    const qint64 beforePause = QDateTime::currentMSecsSinceEpoch();
    Testing::spinFor(30);
    QVERIFY(command(*f.backend, id, Api::AgentCommand::Pause));
    QVERIFY(Testing::spinUntil([&] { return node->agent().state == Api::AgentState::Paused; }));
    QVERIFY(f.page.history().size() > 0);

    f.page.replayAt(beforePause);
    QVERIFY(f.page.isReplaying());
    QCOMPARE(node->agent().state, Api::AgentState::Idle); // as it was then

    // While replaying, live changes wait; back to live, the present shows.
    QVERIFY(command(*f.backend, id, Api::AgentCommand::Resume));
    QVERIFY(Testing::spinUntil([&] { return agent(*f.backend, id)->state == Api::AgentState::Idle; }));
    QVERIFY(command(*f.backend, id, Api::AgentCommand::Stop));
    Testing::spinFor(100);
    QCOMPARE(node->agent().state, Api::AgentState::Idle);
    f.page.replayAt(0);
    QVERIFY(!f.page.isReplaying());
    QVERIFY(Testing::spinUntil([&] { return node->agent().state == Api::AgentState::Stopped; }));
}

void TstAgentGraph::stateHistoryIsBoundedByCountAsWellAsTime()
{
    using Ui::AgentStateHistory;
    using enum Api::AgentState;
    AgentStateHistory history(60'000, 100);
    for (int i = 0; i < 1000; ++i) // one agent, busy and idle every millisecond
        history.record({1000 + i, Api::AgentId(1), i % 2 ? Busy : Idle, i % 2 ? Idle : Busy});
    QVERIFY2(history.size() >= 100 && history.size() <= 112, qPrintable(QString::number(history.size())));
    QVERIFY(history.isTruncated()); // within the minute, but not kept
    QCOMPARE(history.oldestMs(), 1000 + 1000 - history.size());
    QCOMPARE(history.stateAt(Api::AgentId(1), 1998, Idle), Busy); // the last transition, 1999: busy -> idle

    // Once what was dropped is older than the window, the history covers all of it again.
    history.record({1999 + 61'000, Api::AgentId(1), Idle, Busy});
    QCOMPARE(history.size(), 1);
    QVERIFY(!history.isTruncated());
}

QTEST_MAIN(TstAgentGraph)
#include "tst_agentgraph.moc"
