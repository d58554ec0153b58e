// qwen-swarmd as an operator runs it: configuration, keys, and stopping without losing work.
#include <testsupport.h>

#include <client/remotebackend.h>
#include <fakeopenaiserver.h>
#include <postgrestestcluster.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
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

    /// The body of GET /readyz, or empty when nothing answered.
    static QByteArray readyz(const QUrl &url)
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, static_cast<quint16>(url.port()));
        if (!socket.waitForConnected(5000))
            return {};
        socket.write("GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray response;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
            response += socket.readAll();
        response += socket.readAll();
        return response.mid(response.indexOf("\r\n\r\n") + 4);
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

    // installer/: the example configuration is valid as it is, and the systemd unit's command line,
    // with its directories filled in, passes the same check; the unit is sandboxed and gives the
    // drain its time before SIGKILL.
    void theInstallerConfigAndUnitAreAccepted()
    {
        const QString installer = QStringLiteral(QWENSWARM_SOURCE_DIR "/installer");
        QTemporaryDir state;
        QTemporaryDir configuration;
        QVERIFY(QFile::copy(installer + u"/qwen-swarmd.example.json"_s, configuration.filePath(u"qwen-swarmd.json"_s)));
        const Run example = run({u"--config"_s, configuration.filePath(u"qwen-swarmd.json"_s), u"--data-dir"_s,
                                 state.path(), u"--check-config"_s});
        QVERIFY2(example.code == 0, example.err.constData());

        QFile unitFile(installer + u"/qwen-swarmd.service"_s);
        QVERIFY(unitFile.open(QIODevice::ReadOnly));
        const QString unit = QString::fromUtf8(unitFile.readAll());
        QStringList execStart;
        for (const QString &line : unit.split(u'\n')) {
            if (line.startsWith(u"ExecStart="_s))
                execStart = line.mid(10).split(u' ', Qt::SkipEmptyParts);
        }
        QVERIFY(execStart.size() > 1);
        QCOMPARE(execStart.takeFirst(), u"/usr/bin/qwen-swarmd"_s);
        for (QString &argument : execStart) {
            argument.replace(u"${CONFIGURATION_DIRECTORY}"_s, configuration.path());
            argument.replace(u"${STATE_DIRECTORY}"_s, state.path());
        }
        const Run service = run(execStart + QStringList {u"--check-config"_s});
        QVERIFY2(service.code == 0, service.err.constData());

        for (const QString &setting :
             {u"DynamicUser=yes"_s, u"StateDirectory=qwen-swarm"_s, u"NoNewPrivileges=yes"_s, u"ProtectSystem=strict"_s,
              u"ProtectHome=yes"_s, u"KillSignal=SIGTERM"_s, u"CapabilityBoundingSet=\n"_s})
            QVERIFY2(unit.contains(setting), qPrintable(setting));
        const qsizetype stop = unit.indexOf(u"TimeoutStopSec="_s);
        QVERIFY(stop >= 0);
        QVERIFY(unit.mid(stop + 15, unit.indexOf(u'\n', stop) - stop - 15).toInt() > 30); // the default drain
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

    // The daemon's PostgreSQL server goes away: once a write fails, /readyz says so and new work is
    // refused with a typed error; when the server is back, the daemon reconnects, is ready again and
    // takes work, with no task twice.
    void readinessFollowsAPostgresOutage()
    {
        PostgresTestCluster cluster;
        QS_START_POSTGRES(cluster);
        QVERIFY2(cluster.resetDatabase(u"outage"_s), qPrintable(cluster.error()));
        QTemporaryDir dir;
        const QByteArray key = createKey(dir.path());
        QProcess daemon;
        const QUrl url = start(daemon, dir.path(), {u"--store"_s, u"postgres"_s, u"--pg"_s, cluster.url(u"outage"_s)});
        QVERIFY(url.isValid());
        QVERIFY2(readyz(url).contains("\"ready\":true"), readyz(url).constData());
        auto client = connectTo(url, key);
        QCOMPARE(client->state(), Remote::RemoteBackend::State::Connected);
        const auto swarm = await<Api::Swarm>([&](QObject *c, auto d) { client->createSwarm(slowSwarm(0), c, d); });
        QS_VERIFY_OK(swarm);
        Api::TaskSpec task;
        task.swarmId = swarm->id;
        task.promptTemplate = u"q"_s;

        QVERIFY2(cluster.pause(), qPrintable(cluster.error()));
        task.idempotencyKey = u"during"_s;
        const auto during = await<Api::Task>([&](QObject *c, auto d) { client->submitTask(task, c, d); }, 20000);
        QVERIFY(!during);
        QVERIFY(spinUntil([&] { return readyz(url).contains("\"ready\":false"); }, 20000));
        const auto refused = await<Api::Task>([&](QObject *c, auto d) { client->submitTask(task, c, d); });
        QVERIFY(!refused);
        QVERIFY(refused.error().details.value(u"retriable"_s).toBool());

        QVERIFY2(cluster.resume(), qPrintable(cluster.error()));
        QVERIFY(spinUntil([&] { return readyz(url).contains("\"ready\":true"); }, 30000));
        task.idempotencyKey = u"after"_s;
        const auto after = await<Api::Task>([&](QObject *c, auto d) { client->submitTask(task, c, d); });
        QS_VERIFY_OK(after);
        QVERIFY(spinUntil(
            [&] {
                const auto now = await<Api::Task>([&](QObject *c, auto d) { client->task(after->id, c, d); });
                if (now && now->state == Api::TaskState::Succeeded)
                    return true;
                spinFor(100);
                return false;
            },
            20000));
        const auto keyed = cluster.sql(u"outage"_s, u"SELECT count(*) FROM tasks WHERE idempotency_key = 'after'"_s);
        QVERIFY(keyed.has_value());
        QCOMPARE(keyed->trimmed(), u"1"_s);
        daemon.terminate();
        QVERIFY(daemon.waitForFinished(15000));
    }

    void providersComeFromTheirFile()
    {
        FakeOpenAiServer model;
        QVERIFY(model.listen());
        model.setAnswer(u"Answer: 42"_s);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"providers.json"_s);
        const auto write = [&path](const QByteArray &json) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(json);
        };
        // A key in a file others may read is refused; so is a member the loader does not know.
        write(R"({"providers": [{"name": "local", "preset": "vllm", "key": "sk-inline-secret"}]})");
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        const Run readable = run({u"--providers"_s, path, u"--check-config"_s});
        QCOMPARE(readable.code, 2);
        QVERIFY2(readable.err.contains("chmod 600") && !readable.err.contains("sk-inline-secret"),
                 readable.err.constData());
        write(R"({"providers": [{"name": "local", "preset": "vllm", "bse_url": "x"}]})");
        QCOMPARE(run({u"--providers"_s, path, u"--check-config"_s}).code, 2);

        // The daemon's agents call the configured server.
        write(QJsonDocument(QJsonObject {{u"providers"_s,
                                          QJsonArray {QJsonObject {{u"name"_s, u"local"_s},
                                                                   {u"preset"_s, u"vllm"_s},
                                                                   {u"base_url"_s, model.baseUrl()}}}}})
                  .toJson());
        const QByteArray key = createKey(dir.path());
        QProcess daemon;
        const QUrl url = start(daemon, dir.path(), {u"--providers"_s, path});
        QVERIFY(url.isValid());
        auto client = connectTo(url, key);
        Api::SwarmSpec spec;
        spec.name = u"real"_s;
        Api::AgentSpec agent;
        agent.name = u"a"_s;
        agent.provider = u"local"_s;
        agent.model = u"m"_s;
        spec.agents = {agent};
        const auto swarm = await<Api::Swarm>([&](QObject *c, auto d) { client->createSwarm(spec, c, d); });
        QS_VERIFY_OK(swarm);
        Api::TaskSpec task;
        task.swarmId = swarm->id;
        task.promptTemplate = u"What is 6 * 7?"_s;
        const auto submitted = await<Api::Task>([&](QObject *c, auto d) { client->submitTask(task, c, d); });
        QS_VERIFY_OK(submitted);
        QVERIFY(spinUntil(
            [&] {
                const auto t = await<Api::Task>([&](QObject *c, auto d) { client->task(submitted->id, c, d); });
                if (t && t->state == Api::TaskState::Succeeded)
                    return true;
                spinFor(100);
                return false;
            },
            20000));
        QVERIFY(model.requestsSeen() >= 1);
        daemon.terminate();
        daemon.waitForFinished(10000);
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
