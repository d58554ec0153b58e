// The durable queue across a restart of the engine: work that was running when its owner went away
// is queued again with its attempt count, and runs to one final result.
#include "durabilitychecks.h"

#include <backend/inprocessbackend.h>
#include <postgrestestcluster.h>
#include <store/groupcommitstore.h>
#include <store/threadedstore.h>
#include <testsupport.h>

#include <QTemporaryDir>

using namespace QwenSwarm;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;

class TestDurableQueue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Engine::Store> open()
    {
        auto onThread = [](auto opened) -> std::unique_ptr<Engine::Store> {
            if (!opened)
                return nullptr;
            return std::make_unique<Engine::ThreadedStore>(
                std::make_unique<Engine::GroupCommitStore>(std::move(opened).value()));
        };
        return m_pgUrl.isEmpty() ? onThread(Engine::SqliteStore::open(m_dir.filePath(u"queue.sqlite3"_s)))
                                 : onThread(Engine::PostgresStore::open(m_pgUrl));
    }

    Api::Result<DurabilityChecks::Contents> contents()
    {
        return m_pgUrl.isEmpty() ? DurabilityChecks::sqlite(m_dir.filePath(u"queue.sqlite3"_s))
                                 : DurabilityChecks::postgres(m_pgUrl);
    }

    /// A swarm of one always-right simulated agent that takes `latencyMs` per answer.
    static Api::Result<Api::Swarm> createSwarm(Api::Backend &backend, const QString &name, int latencyMs)
    {
        Api::SwarmSpec spec;
        spec.name = name;
        Api::AgentSpec agent;
        agent.name = u"a"_s;
        agent.parameters = {{u"accuracy"_s, 1.0}, {u"latency_ms"_s, latencyMs}};
        spec.agents = {agent};
        return await<Api::Swarm>([&](QObject *c, auto d) { backend.createSwarm(spec, c, d); });
    }

    QTemporaryDir m_dir;
    PostgresTestCluster m_cluster;
    QString m_pgUrl;

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("store");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }

    void init()
    {
        QFETCH_GLOBAL(QString, store);
        QFile::remove(m_dir.filePath(u"queue.sqlite3"_s));
        m_pgUrl.clear();
        if (store == u"postgres"_s) {
            QS_START_POSTGRES(m_cluster);
            QVERIFY2(m_cluster.resetDatabase(u"queue"_s), qPrintable(m_cluster.error()));
            m_pgUrl = m_cluster.url(u"queue"_s);
        }
    }

    void runningWorkIsRequeuedWithItsAttempt()
    {
        Api::TaskId id;
        {
            auto store = open();
            QVERIFY(store);
            Engine::InProcessBackend backend(Engine::EngineConfig {}, std::move(store));
            const auto swarm = createSwarm(backend, u"slow"_s, 1500);
            QS_VERIFY_OK(swarm);
            Api::TaskSpec task;
            task.swarmId = swarm->id;
            task.promptTemplate = u"q"_s;
            task.idempotencyKey = u"once"_s;
            const auto accepted = await<Api::Task>([&](QObject *c, auto d) { backend.submitTask(task, c, d); });
            QS_VERIFY_OK(accepted);
            id = accepted->id;
            QVERIFY(spinUntil([&] {
                const auto now = await<Api::Task>([&](QObject *c, auto d) { backend.task(id, c, d); });
                return now && now->state == Api::TaskState::Running;
            }));
            // The owner goes away with the attempt under way: its lease ends with it.
        }
        {
            const auto stored = contents();
            QS_VERIFY_OK(stored);
            QCOMPARE(stored->tasks.value(id.value).state, Api::TaskState::Running);
            QCOMPARE(stored->tasks.value(id.value).attempt, 1);
        }
        {
            auto store = open();
            QVERIFY(store);
            Engine::InProcessBackend backend(Engine::EngineConfig {}, std::move(store));
            QVERIFY(spinUntil(
                [&] {
                    const auto now = await<Api::Task>([&](QObject *c, auto d) { backend.task(id, c, d); });
                    return now && now->state == Api::TaskState::Succeeded;
                },
                20000));
            // The same idempotency key after the restart is the same task, not a second one.
            const auto listed = await<QList<Api::Swarm>>([&](QObject *c, auto d) { backend.listSwarms(c, d); });
            QS_VERIFY_OK(listed);
            QCOMPARE(listed->size(), 1);
            Api::TaskSpec again;
            again.swarmId = listed->first().id;
            again.promptTemplate = u"q"_s;
            again.idempotencyKey = u"once"_s;
            const auto same = await<Api::Task>([&](QObject *c, auto d) { backend.submitTask(again, c, d); });
            QS_VERIFY_OK(same);
            QCOMPARE(same->id, id);
        }
        const auto stored = contents();
        QS_VERIFY_OK(stored);
        const Api::Task task = stored->tasks.value(id.value);
        QCOMPARE(task.state, Api::TaskState::Succeeded);
        QCOMPARE(task.attempt, 2);
        QCOMPARE(stored->decisionsOfTask.value(id.value).size(), 1);
        QCOMPARE(stored->decisions.first().attempt, 2);
        QCOMPARE(stored->tasks.size(), 1);
    }

    // A key resubmitted after a restart answers its task even when that task had finished before
    // the restart (the engine then holds it in no queue, only the store has it).
    void finishedTaskKeepsItsIdempotencyKeyAcrossRestart()
    {
        Api::TaskId id;
        Api::SwarmId swarmId;
        {
            auto store = open();
            QVERIFY(store);
            Engine::InProcessBackend backend(Engine::EngineConfig {}, std::move(store));
            const auto swarm = createSwarm(backend, u"quick"_s, 0);
            QS_VERIFY_OK(swarm);
            swarmId = swarm->id;
            Api::TaskSpec task;
            task.swarmId = swarmId;
            task.promptTemplate = u"q"_s;
            task.idempotencyKey = u"done-before"_s;
            const auto accepted = await<Api::Task>([&](QObject *c, auto d) { backend.submitTask(task, c, d); });
            QS_VERIFY_OK(accepted);
            id = accepted->id;
            QVERIFY(spinUntil([&] {
                const auto now = await<Api::Task>([&](QObject *c, auto d) { backend.task(id, c, d); });
                return now && now->state == Api::TaskState::Succeeded;
            }));
        }
        {
            auto store = open();
            QVERIFY(store);
            Engine::InProcessBackend backend(Engine::EngineConfig {}, std::move(store));
            Api::TaskSpec again;
            again.swarmId = swarmId;
            again.promptTemplate = u"q"_s;
            again.idempotencyKey = u"done-before"_s;
            Api::TaskSpec other = again;
            other.idempotencyKey = u"new-after"_s;
            const auto answered = await<QList<Api::Task>>([&](QObject *c, auto d) {
                backend.submitTasks({again, other}, c, d);
            });
            QS_VERIFY_OK(answered);
            QCOMPARE(answered->size(), 2);
            QCOMPARE(answered->at(0).id, id);
            QCOMPARE(answered->at(0).state, Api::TaskState::Succeeded);
            QVERIFY(answered->at(1).id.value > id.value);
        }
        const auto stored = contents();
        QS_VERIFY_OK(stored);
        QCOMPARE(stored->tasks.size(), 2);
        QCOMPARE(stored->tasksWithKey.value(u"done-before"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestDurableQueue)
#include "tst_durablequeue.moc"
