// An engine on a durable store killed with SIGKILL at random moments of a 10,000-task run: after the
// restarts, every acknowledged task has completed, once, and the database is sound. For PostgreSQL,
// the server is also restarted under the running engine and its sessions cut, commits included.
#include "durabilitychecks.h"

#include <postgrestestcluster.h>
#include <testsupport.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <csignal>

using namespace QwenSwarm;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int taskCount = 10000;
constexpr int kills = 20;

/// What the driver said: the tasks it had acknowledged (key index -> task id), and its last lines.
struct Acks
{
    QHash<int, quint64> idOfKey;
    int next = 0; ///< The first key not acknowledged (batches are acknowledged in order).
    int refusals = 0;
    bool drained = false;
    QString problem;
};

void take(QProcess &driver, QByteArray &buffer, Acks &acks)
{
    buffer += driver.readAllStandardOutput();
    qsizetype end = 0;
    while ((end = buffer.indexOf('\n')) >= 0) {
        const QByteArray line = buffer.left(end);
        buffer.remove(0, end + 1);
        const QList<QByteArray> words = line.split(' ');
        if (words.value(0) == "ack" && words.size() == 3) {
            const int key = words[1].toInt();
            if (acks.idOfKey.contains(key) || key != acks.next)
                acks.problem = u"key %1 acknowledged out of order or twice"_s.arg(key);
            acks.idOfKey.insert(key, words[2].toULongLong());
            acks.next = key + 1;
        } else if (words.value(0) == "refused") {
            ++acks.refusals;
        } else if (line == "drained") {
            acks.drained = true;
        }
    }
}

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private:
    QStringList storeArguments() const
    {
        return m_pgUrl.isEmpty() ? QStringList {u"--sqlite"_s, m_sqliteFile} : QStringList {u"--pg"_s, m_pgUrl};
    }

    void startDriver(QProcess &driver, const Acks &acks)
    {
        driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        driver.start(QStringLiteral(CRASH_DRIVER_PATH),
                     storeArguments()
                         + QStringList {u"--tasks"_s, QString::number(taskCount), u"--from"_s,
                                        QString::number(acks.next), u"--latency-ms"_s, u"5"_s, u"--batch"_s, u"25"_s,
                                        u"--pace-ms"_s, u"25"_s});
    }

    /// Lets the driver run for `ms` (or until it ends), collecting what it acknowledges.
    static void runFor(QProcess &driver, QByteArray &buffer, Acks &acks, qint64 ms)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms && driver.state() != QProcess::NotRunning) {
            driver.waitForReadyRead(10);
            take(driver, buffer, acks);
        }
        take(driver, buffer, acks);
    }

    /// Cuts the driver's sessions with the server, whatever they are doing (commits included).
    void cutSessions()
    {
        m_cluster.sql(u"postgres"_s,
                      u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                      u"'crash' AND pid <> pg_backend_pid()"_s);
    }

    /// One run of the driver killed after a random time; for PostgreSQL, some runs see the server
    /// restarted or their sessions cut first.
    void killedRun(int round, Acks &acks)
    {
        QProcess driver;
        startDriver(driver, acks);
        QVERIFY2(driver.waitForStarted(10000), qPrintable(driver.errorString()));
        QByteArray buffer;
        runFor(driver, buffer, acks, m_random.bounded(100, 1500));
        const bool restarted = !m_pgUrl.isEmpty() && round % 7 == 3;
        const bool cut = !m_pgUrl.isEmpty() && round % 7 == 5;
        if (restarted) {
            QVERIFY2(m_cluster.restart(), qPrintable(m_cluster.error()));
            runFor(driver, buffer, acks, m_random.bounded(300, 1500));
        } else if (cut) {
            for (int i = 0; i < 5; ++i) {
                cutSessions();
                runFor(driver, buffer, acks, m_random.bounded(20, 200));
            }
        }
        if (driver.state() != QProcess::NotRunning)
            ::kill(static_cast<pid_t>(driver.processId()), SIGKILL);
        QVERIFY(driver.state() == QProcess::NotRunning || driver.waitForFinished(10000));
        take(driver, buffer, acks);
        QVERIFY2(acks.problem.isEmpty(), qPrintable(acks.problem));
        // Killed, or (a run that got to the end first) drained and done; a run whose server went away
        // while it was still opening the store may also have given up, saying why.
        QVERIFY2(driver.exitStatus() == QProcess::CrashExit || (acks.drained && driver.exitCode() == 0) || restarted
                     || cut,
                 qPrintable(u"the driver ended on its own with status %1"_s.arg(driver.exitCode())));
    }

    QTemporaryDir m_dir;
    PostgresTestCluster m_cluster;
    QString m_sqliteFile;
    QString m_pgUrl;
    QRandomGenerator m_random;

private Q_SLOTS:
    void killedTwentyTimesLosesNothing_data()
    {
        QTest::addColumn<QString>("store");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }

    void killedTwentyTimesLosesNothing()
    {
        QFETCH(QString, store);
        m_sqliteFile.clear();
        m_pgUrl.clear();
        if (store == u"postgres"_s) {
            QS_START_POSTGRES(m_cluster);
            QVERIFY2(m_cluster.resetDatabase(u"crash"_s), qPrintable(m_cluster.error()));
            m_pgUrl = m_cluster.url(u"crash"_s);
        } else {
            m_sqliteFile = m_dir.filePath(u"crash.sqlite3"_s);
        }
        const quint32 seed = qEnvironmentVariableIsSet("QWENSWARM_CRASH_SEED")
            ? static_cast<quint32>(qEnvironmentVariableIntValue("QWENSWARM_CRASH_SEED"))
            : QRandomGenerator::global()->generate();
        qInfo("random moments from seed %u (QWENSWARM_CRASH_SEED repeats them)", seed);
        m_random.seed(seed);

        Acks acks;
        for (int round = 0; round < kills; ++round) {
            killedRun(round, acks);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%d tasks acknowledged before the last start, %d batches refused during outages",
              static_cast<int>(acks.idOfKey.size()), acks.refusals);

        // The last start: it submits what is left and runs everything to the end.
        QProcess driver;
        startDriver(driver, acks);
        QByteArray buffer;
        runFor(driver, buffer, acks, 240000);
        QVERIFY2(driver.state() == QProcess::NotRunning, "the last run did not drain within 4 minutes");
        QCOMPARE(driver.exitStatus(), QProcess::NormalExit);
        QCOMPARE(driver.exitCode(), 0);
        QVERIFY(acks.drained);
        QCOMPARE(acks.idOfKey.size(), taskCount);

        auto checked = m_pgUrl.isEmpty() ? DurabilityChecks::sqlite(m_sqliteFile) : DurabilityChecks::postgres(m_pgUrl);
        QVERIFY2(checked, qPrintable(checked ? QString() : checked.error().message));
        const DurabilityChecks::Contents &contents = checked.value();
        QCOMPARE(contents.integrity, u"ok"_s);
        QVERIFY2(contents.unfinished.isEmpty(),
                 qPrintable(u"%1 task(s) stuck unfinished, e.g. task %2"_s.arg(contents.unfinished.size())
                                .arg(contents.unfinished.value(0))));
        for (auto it = acks.idOfKey.cbegin(); it != acks.idOfKey.cend(); ++it) {
            const quint64 id = it.value();
            const auto task = contents.tasks.constFind(id);
            QVERIFY2(task != contents.tasks.cend(), qPrintable(u"acknowledged task %1 was lost"_s.arg(id)));
            QVERIFY2(task->state == Api::TaskState::Succeeded && task->result,
                     qPrintable(u"acknowledged task %1 is %2"_s.arg(id).arg(Api::enumName(task->state).toString())));
            QVERIFY2(task->spec.idempotencyKey == u"k%1"_s.arg(it.key()),
                     qPrintable(u"task %1 is not the one acknowledged for k%2"_s.arg(id).arg(it.key())));
            QCOMPARE(contents.tasksWithKey.value(task->spec.idempotencyKey), 1);
            const QList<Api::DecisionId> decisions = contents.decisionsOfTask.value(id);
            QVERIFY2(decisions.size() == 1,
                     qPrintable(u"task %1 has %2 final results"_s.arg(id).arg(decisions.size())));
            QCOMPARE(decisions.first(), task->result->decisionId);
        }
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
