// qwen-swarmd as an operator runs it: configuration, keys, and stopping without losing work.
#include <testsupport.h>

#include <client/remotebackend.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <sys/stat.h>

using namespace QwenSwarm;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;

class TestDaemon : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(QWENSWARMD_PATH), arguments);
        process.waitForFinished(20000);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    /// Starts a daemon on a free port in `dataDir`; its URL, or empty.
    static QUrl start(QProcess &daemon, const QString &dataDir, const QStringList &more = {})
    {
        daemon.start(QStringLiteral(QWENSWARMD_PATH),
                     QStringList {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir} + more);
        QByteArray out;
        spinUntil(
            [&] {
                out += daemon.readAllStandardOutput();
                return out.contains('\n') || daemon.state() == QProcess::NotRunning;
            },
            15000);
        const qsizetype at = out.indexOf("listening ");
        if (at < 0)
            return {};
        return QUrl(QString::fromUtf8(out.mid(at + 10, out.indexOf('\n', at) - at - 10)));
    }

    static std::unique_ptr<Remote::RemoteBackend> connectTo(const QUrl &url, const QByteArray &key)
    {
        Remote::RemoteOptions options;
        options.url = url;
        options.token = key;
        auto client = std::make_unique<Remote::RemoteBackend>(options);
        client->connectToServer();
        spinUntil([&] { return client->state() == Remote::RemoteBackend::State::Connected; }, 10000);
        return client;
    }

    static QByteArray createKey(const QString &dataDir)
    {
        return run({u"--data-dir"_s, dataDir, u"--create-api-key"_s, u"admin"_s}).out.trimmed();
    }

    static Api::SwarmSpec slowSwarm(int latencyMs)
    {
        Api::SwarmSpec spec;
        spec.name = u"slow"_s;
        Api::AgentSpec agent;
        agent.name = u"a"_s;
        agent.parameters = {{u"accuracy"_s, 1.0}, {u"latency_ms"_s, latencyMs}};
        agent.limits.maxConcurrency = 0;
        spec.agents = {agent};
        return spec;
    }

private Q_SLOTS:
    void checkConfigNamesWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("problem");
        QTest::newRow("plain on a public address")
            << QStringList {u"--listen"_s, u"0.0.0.0:8080"_s} << u"not loopback"_s;
        QTest::newRow("unknown store") << QStringList {u"--store"_s, u"floppy"_s} << u"store"_s;
        QTest::newRow("bad listen") << QStringList {u"--listen"_s, u"here"_s} << u"HOST:PORT"_s;
        QTest::newRow("half of TLS") << QStringList {u"--tls-cert"_s, u"/etc/hostname"_s}
                                     << u"both a certificate and a key"_s;
        QTest::newRow("missing config file")
            << QStringList {u"--config"_s, u"/nonexistent.json"_s} << u"does not exist"_s;
    }

    void checkConfigNamesWhatIsWrong()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, problem);
        const Run r = run(arguments + QStringList {u"--check-config"_s});
        QCOMPARE(r.code, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(problem), r.err.constData());
    }

    void configFileMembersAreChecked()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"d.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"listen": "127.0.0.1:9999", "stroe": "memory"})");
        file.close();
        const Run bad = run({u"--config"_s, file.fileName(), u"--check-config"_s});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains("stroe") && bad.err.contains(file.fileName().toUtf8()), bad.err.constData());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(R"({"listen": "127.0.0.1:9999", "store": "memory"})");
        file.close();
        const Run good = run({u"--config"_s, file.fileName(), u"--check-config"_s});
        QCOMPARE(good.code, 0);
        // A flag overrides the file.
        QCOMPARE(run({u"--config"_s, file.fileName(), u"--store"_s, u"tape"_s, u"--check-config"_s}).code, 2);
    }

    void apiKeysAreShownOnceAndStoredHashed()
    {
        QTemporaryDir dir;
        const QByteArray key = createKey(dir.path());
        QVERIFY2(key.startsWith("qs_") && key.size() > 40, key.constData());
        QFile file(dir.filePath(u"api-keys.json"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(!stored.contains(key.mid(20))); // never the secret itself
        struct stat info
        { };
        QCOMPARE(::stat(file.fileName().toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(run({u"--data-dir"_s, dir.path(), u"--create-api-key"_s, u"emperor"_s}).code, 2);
    }

    void sigtermDrainsAndEveryAcknowledgedTaskSurvives()
    {
        QTemporaryDir dir;
        const QByteArray key = createKey(dir.path());
        QProcess daemon;
        const QUrl url = start(daemon, dir.path(), {u"--drain-timeout"_s, u"1"_s});
        QVERIFY(url.isValid());
        auto client = connectTo(url, key);
        QCOMPARE(client->state(), Remote::RemoteBackend::State::Connected);
        const auto swarm = await<Api::Swarm>([&](QObject *c, auto d) { client->createSwarm(slowSwarm(3000), c, d); });
        QS_VERIFY_OK(swarm);
        QList<Api::TaskSpec> specs;
        for (int i = 0; i < 50; ++i) {
            Api::TaskSpec t;
            t.swarmId = swarm->id;
            t.promptTemplate = u"q%1"_s.arg(i);
            specs.append(t);
        }
        const auto accepted = await<QList<Api::Task>>([&](QObject *c, auto d) { client->submitTasks(specs, c, d); });
        QS_VERIFY_OK(accepted); // acknowledged: from here on they must not be lost
        std::optional<Api::Error> lost;
        connect(client.get(), &Remote::RemoteBackend::stateChanged, this, [&](Remote::RemoteBackend::State s) {
            if (s == Remote::RemoteBackend::State::Disconnected)
                lost = Api::makeError(Api::ErrorCode::Unavailable, {});
        });
        daemon.terminate(); // SIGTERM
        QVERIFY(spinUntil([&] { return lost.has_value(); }, 5000)); // clients are told it is going away
        QVERIFY(spinUntil([&] { return daemon.state() == QProcess::NotRunning; }, 10000));
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QCOMPARE(daemon.exitCode(), 0);
        client.reset();

        QProcess again;
        const QUrl url2 = start(again, dir.path());
        QVERIFY(url2.isValid());
        auto second = connectTo(url2, key);
        for (const Api::Task &t : accepted.value()) {
            QVERIFY(spinUntil(
                [&] {
                    const auto task = await<Api::Task>([&](QObject *c, auto d) { second->task(t.id, c, d); });
                    if (task && task->state == Api::TaskState::Succeeded)
                        return true;
                    spinFor(100); // polls well under the server's request rate limit
                    return false;
                },
                20000));
        }
        again.terminate();
        again.waitForFinished(10000);
    }

    void aSecondSignalStopsAtOnce()
    {
        QTemporaryDir dir;
        const QByteArray key = createKey(dir.path());
        QProcess daemon;
        const QUrl url = start(daemon, dir.path(), {u"--drain-timeout"_s, u"60"_s});
        QVERIFY(url.isValid());
        auto client = connectTo(url, key);
        const auto swarm = await<Api::Swarm>([&](QObject *c, auto d) { client->createSwarm(slowSwarm(30000), c, d); });
        Api::TaskSpec t;
        t.swarmId = swarm->id;
        t.promptTemplate = u"slow"_s;
        const auto accepted = await<Api::Task>([&](QObject *c, auto d) { client->submitTask(t, c, d); });
        QS_VERIFY_OK(accepted);
        spinFor(200);
        ::kill(static_cast<pid_t>(daemon.processId()), SIGTERM);
        spinFor(200);
        ::kill(static_cast<pid_t>(daemon.processId()), SIGTERM);
        QVERIFY(spinUntil([&] { return daemon.state() == QProcess::NotRunning; }, 5000)); // not the 60 s drain
        QCOMPARE(daemon.exitCode(), 130);
        client.reset();
        QProcess again;
        const QUrl url2 = start(again, dir.path());
        auto second = connectTo(url2, key);
        const auto task = await<Api::Task>([&](QObject *c, auto d) { second->task(accepted->id, c, d); });
        QS_VERIFY_OK(task); // still there, re-queued
        QVERIFY(!Api::isTerminal(task->state));
        again.kill();
        again.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(TestDaemon)
#include "tst_daemon.moc"
