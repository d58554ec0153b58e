#include "consensus/topology.h"

#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using Api::AgentId;
using Api::AgentRole;

Q_DECLARE_METATYPE(Api::Topology)

class TestTopology : public QObject
{
    Q_OBJECT

private:
    // a coordinator, two workers, a critic, a judge: in swarm order with ids 1..5
    static QList<Topology::Member> members()
    {
        return {{AgentId(1), AgentRole::Worker},
                {AgentId(2), AgentRole::Coordinator},
                {AgentId(3), AgentRole::Worker},
                {AgentId(4), AgentRole::Critic},
                {AgentId(5), AgentRole::Judge}};
    }

private Q_SLOTS:
    void neighbours_data()
    {
        QTest::addColumn<Api::Topology>("topology");
        QTest::addColumn<quint64>("agent");
        QTest::addColumn<QList<quint64>>("expected");
        QTest::newRow("mesh sees all others") << Api::Topology::Mesh << quint64(3) << QList<quint64> {1, 2, 4, 5};
        QTest::newRow("star hub is the first coordinator")
            << Api::Topology::Star << quint64(2) << QList<quint64> {1, 3, 4, 5};
        QTest::newRow("star spoke sees the hub") << Api::Topology::Star << quint64(4) << QList<quint64> {2};
        QTest::newRow("ring sees both neighbours") << Api::Topology::Ring << quint64(3) << QList<quint64> {2, 4};
        QTest::newRow("ring wraps around") << Api::Topology::Ring << quint64(1) << QList<quint64> {2, 5};
        QTest::newRow("hierarchical coordinator sees all")
            << Api::Topology::Hierarchical << quint64(2) << QList<quint64> {1, 3, 4, 5};
        QTest::newRow("hierarchical worker sees coordinators and its role")
            << Api::Topology::Hierarchical << quint64(1) << QList<quint64> {2, 3};
        QTest::newRow("hierarchical judge sees coordinators")
            << Api::Topology::Hierarchical << quint64(5) << QList<quint64> {2};
        QTest::newRow("unknown agent sees nobody") << Api::Topology::Mesh << quint64(99) << QList<quint64> {};
    }

    void neighbours()
    {
        QFETCH(Api::Topology, topology);
        QFETCH(quint64, agent);
        QFETCH(QList<quint64>, expected);
        QList<quint64> seen;
        for (AgentId id : Topology::neighbours(topology, members(), AgentId(agent)))
            seen.append(id.value);
        QCOMPARE(seen, expected);
    }

    void starWithoutCoordinatorUsesTheFirstAgent()
    {
        const QList<Topology::Member> workers {
            {AgentId(7), AgentRole::Worker}, {AgentId(8), AgentRole::Worker}, {AgentId(9), AgentRole::Worker}};
        QCOMPARE(Topology::neighbours(Api::Topology::Star, workers, AgentId(9)), QList<AgentId> {AgentId(7)});
        QCOMPARE(Topology::neighbours(Api::Topology::Star, workers, AgentId(7)).size(), 2);
    }

    void smallRings()
    {
        const QList<Topology::Member> two {{AgentId(1), AgentRole::Worker}, {AgentId(2), AgentRole::Worker}};
        QCOMPARE(Topology::neighbours(Api::Topology::Ring, two, AgentId(1)), QList<AgentId> {AgentId(2)});
        const QList<Topology::Member> one {{AgentId(1), AgentRole::Worker}};
        QVERIFY(Topology::neighbours(Api::Topology::Ring, one, AgentId(1)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTopology)
#include "tst_topology.moc"
