// The engine on an SQLite store whose disk fills up: the caller gets a typed
// error, the engine refuses new work instead of losing it, says it is not ready, and takes work
// again once the disk does. The disk is a small tmpfs mounted for the test (root only).
#include "durabilitychecks.h"

#include <backend/inprocessbackend.h>
#include <store/groupcommitstore.h>
#include <store/threadedstore.h>
#include <testsupport.h>

#include <QProcess>
#include <QTemporaryDir>

#include <unistd.h>

using namespace QwenSwarm;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

bool mountCommand(const QStringList &arguments)
{
    QProcess mount;
    mount.start(u"mount"_s, arguments);
    return mount.waitForFinished(10000) && mount.exitStatus() == QProcess::NormalExit && mount.exitCode() == 0;
}

Api::SwarmSpec quickSwarm()
{
    Api::SwarmSpec spec;
    spec.name = u"disk"_s;
    for (int i = 0; i < 3; ++i) {
        Api::AgentSpec agent;
        agent.name = u"a%1"_s.arg(i);
        agent.parameters = {{u"accuracy"_s, 1.0}, {u"latency_ms"_s, 1}};
        agent.limits.maxConcurrency = 0;
        spec.agents.append(agent);
    }
    return spec;
}

} // namespace

class TestStoreFailures : public QObject
{
    Q_OBJECT

private:
    QList<Api::TaskSpec> specs(int count)
    {
        QList<Api::TaskSpec> out;
        for (int i = 0; i < count; ++i) {
            Api::TaskSpec spec;
            spec.swarmId = m_swarm;
            // Long prompts fill the disk sooner.
            spec.promptTemplate = u"question %1 "_s.arg(m_next++) + QString(2000, u'x');
            out.append(spec);
        }
        return out;
    }

    Api::Result<QList<Api::Task>> submit(Api::Backend &backend, int count)
    {
        const QList<Api::TaskSpec> batch = specs(count);
        return await<QList<Api::Task>>([&](QObject *c, auto d) { backend.submitTasks(batch, c, d); });
    }

    /// Submits until the store fails; the acknowledged tasks go to m_acknowledged.
    Api::Error submitUntilRefused(Api::Backend &backend)
    {
        for (int round = 0; round < 2000; ++round) {
            auto accepted = submit(backend, 20);
            if (!accepted)
                return accepted.error();
            for (const Api::Task &t : accepted.value())
                m_acknowledged.append(t.id.value);
        }
        return Api::makeError(Api::ErrorCode::Internal, u"the store never failed"_s);
    }

    /// After the failure: refused at once, not ready; then, once `heal` has run, accepted and ready again.
    void refusesThenRecovers(Api::Backend &backend, Api::ErrorCode expected, const std::function<bool()> &heal)
    {
        const Api::Error first = submitUntilRefused(backend);
        QCOMPARE(first.code, expected);
        QVERIFY2(first.message.contains(m_file), qPrintable(first.message));
        const auto again = submit(backend, 1);
        QS_VERIFY_ERROR(again, expected);
        QCOMPARE(again.error().details.value(u"reason"_s).toString(), u"store_failing"_s);
        QCOMPARE(again.error().details.value(u"retriable"_s).toBool(), true);
        QS_VERIFY_ERROR(await<Api::BackendInfo>([&](QObject *c, auto d) { backend.info(c, d); }), expected);

        QVERIFY(heal());
        QVERIFY(spinUntil([&] { return await<Api::BackendInfo>([&](QObject *c, auto d) { backend.info(c, d); }).ok(); },
                          20000));
        auto accepted = submit(backend, 5);
        QS_VERIFY_OK(accepted);
        for (const Api::Task &t : accepted.value())
            m_acknowledged.append(t.id.value);
    }

    /// Every acknowledged task finished and stored, once, in a sound database.
    void verifyNothingLost(std::unique_ptr<Engine::InProcessBackend> &backend)
    {
        QVERIFY(spinUntil(
            [&] {
                const auto m = await<Api::MetricsSnapshot>([&](QObject *c, auto d) { backend->metrics(c, d); });
                double unfinished = 0;
                for (const QString &state : {u"queued"_s, u"running"_s, u"deciding"_s})
                    unfinished += m ? m->value(u"qwen_swarm_tasks"_s, {{u"state"_s, state}}).value_or(0) : 1;
                return unfinished == 0;
            },
            60000));
        backend.reset();
        const auto contents = DurabilityChecks::sqlite(m_file);
        QS_VERIFY_OK(contents);
        QCOMPARE(contents->integrity, u"ok"_s);
        QVERIFY(contents->unfinished.isEmpty());
        for (quint64 id : std::as_const(m_acknowledged)) {
            QVERIFY2(contents->tasks.value(id).state == Api::TaskState::Succeeded,
                     qPrintable(u"acknowledged task %1 was not completed"_s.arg(id)));
            QCOMPARE(contents->decisionsOfTask.value(id).size(), 1);
        }
    }

    std::unique_ptr<Engine::InProcessBackend> startEngine()
    {
        auto opened = Engine::SqliteStore::open(m_file);
        if (!opened)
            return nullptr;
        auto backend = std::make_unique<Engine::InProcessBackend>(
            Engine::EngineConfig {},
            std::make_unique<Engine::ThreadedStore>(
                std::make_unique<Engine::GroupCommitStore>(std::move(opened).value())));
        const auto swarm = await<Api::Swarm>([&](QObject *c, auto d) { backend->createSwarm(quickSwarm(), c, d); });
        if (!swarm)
            return nullptr;
        m_swarm = swarm->id;
        return backend;
    }

    QTemporaryDir m_dir;
    QString m_mount;
    QString m_file;
    Api::SwarmId m_swarm;
    int m_next = 0;
    QList<quint64> m_acknowledged;

private Q_SLOTS:
    void init()
    {
        if (geteuid() != 0)
            QSKIP("mounting the small disk these tests fill needs root");
        m_mount = m_dir.filePath(u"disk"_s);
        QVERIFY(QDir().mkpath(m_mount));
        QVERIFY2(mountCommand({u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=4m"_s, u"tmpfs"_s, m_mount}),
                 "cannot mount a tmpfs");
        m_file = m_mount + u"/qwen-swarm.sqlite3"_s;
        m_acknowledged.clear();
    }

    void cleanup()
    {
        if (!m_mount.isEmpty())
            QProcess::execute(u"umount"_s, {m_mount});
        m_mount.clear();
    }

    void aFullDiskRefusesWorkThenRecovers()
    {
        auto backend = startEngine();
        QVERIFY(backend);
        // Leave the database little room.
        const QString filler = m_mount + u"/filler"_s;
        {
            QFile file(filler);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray block(64 * 1024, 'f');
            while (file.write(block) == block.size() && file.flush()) { }
        }
        QVERIFY(QFile::resize(filler, QFileInfo(filler).size() - 768 * 1024));
        refusesThenRecovers(*backend, Api::ErrorCode::ResourceExhausted, [&] { return QFile::remove(filler); });
        verifyNothingLost(backend);
    }
};

QTEST_GUILESS_MAIN(TestStoreFailures)
#include "tst_storefailures.moc"
