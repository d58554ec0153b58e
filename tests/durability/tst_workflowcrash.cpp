// A workflow run whose engine is killed with SIGKILL at random moments, again and again: each start
// finds the run again (its idempotency key), carries it on from the store, and in the end the run
// has succeeded with every step's tasks submitted once — none lost, none twice — on SQLite and on a
// real PostgreSQL server.
#include "durabilitychecks.h"

#include <api/jsonworkflow.h>
#include <postgrestestcluster.h>
#include <testsupport.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <csignal>

using namespace QwenSwarm;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kills = 8;
constexpr int mapSize = 12;

/// plan -> a map over twelve items -> review of the list -> summary: 15 tasks in all.
Api::Workflow workflow()
{
    Api::Workflow w;
    w.name = u"crash-flow"_s;
    QJsonArray items;
    for (int i = 0; i < mapSize; ++i)
        items.append(u"item %1"_s.arg(i));
    w.inputs = {Api::WorkflowInput {u"items"_s, Api::ValueType::List, {}, items}};
    const auto step = [](const QString &id, const QString &prompt, QMap<QString, QString> inputs) {
        Api::WorkflowStep s;
        s.id = id;
        s.swarm = u"crash"_s;
        s.prompt = prompt;
        s.inputs = std::move(inputs);
        return s;
    };
    Api::WorkflowStep each
        = step(u"each"_s, u"Look at {{item}} after {{plan}}"_s, {{u"plan"_s, u"steps.plan.output"_s}});
    each.map = Api::StepMap {u"inputs.items"_s, u"item"_s};
    w.steps = {step(u"plan"_s, u"Plan the work"_s, {}), each,
               step(u"review"_s, u"Review {{all}}"_s, {{u"all"_s, u"steps.each.output"_s}}),
               step(u"summary"_s, u"Summarise {{review}}"_s, {{u"review"_s, u"steps.review.output"_s}})};
    w.outputs = {{u"summary"_s, u"steps.summary.output"_s}};
    return w;
}

} // namespace

class TestWorkflowCrash : public QObject
{
    Q_OBJECT

private:
    QStringList arguments() const
    {
        return (m_pgUrl.isEmpty() ? QStringList {u"--sqlite"_s, m_sqliteFile} : QStringList {u"--pg"_s, m_pgUrl})
            + QStringList {u"--workflow"_s, m_workflowFile, u"--latency-ms"_s, u"400"_s};
    }

    /// Runs the driver for `ms` or until it ends; answers what it printed.
    QByteArray runFor(QProcess &driver, qint64 ms)
    {
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms && driver.state() != QProcess::NotRunning) {
            driver.waitForReadyRead(10);
            out += driver.readAllStandardOutput();
        }
        return out + driver.readAllStandardOutput();
    }

    QTemporaryDir m_dir;
    PostgresTestCluster m_cluster;
    QString m_sqliteFile;
    QString m_pgUrl;
    QString m_workflowFile;

private Q_SLOTS:
    void initTestCase()
    {
        m_workflowFile = m_dir.filePath(u"flow.json"_s);
        QFile file(m_workflowFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(Api::workflowToJson(workflow())).toJson());
    }

    void killedRunsCarryOnWithoutDuplicates_data()
    {
        QTest::addColumn<QString>("store");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }

    void killedRunsCarryOnWithoutDuplicates()
    {
        QFETCH(QString, store);
        m_sqliteFile.clear();
        m_pgUrl.clear();
        if (store == u"postgres"_s) {
            QS_START_POSTGRES(m_cluster);
            QVERIFY2(m_cluster.resetDatabase(u"wfcrash"_s), qPrintable(m_cluster.error()));
            m_pgUrl = m_cluster.url(u"wfcrash"_s);
        } else {
            m_sqliteFile = m_dir.filePath(u"wfcrash.sqlite3"_s);
        }
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random moments from seed %u", seed);
        QRandomGenerator random(seed);

        QByteArray firstRunLine;
        int killed = 0;
        for (int round = 0; round < kills; ++round) {
            QProcess driver;
            driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            driver.start(QStringLiteral(CRASH_DRIVER_PATH), arguments());
            QVERIFY2(driver.waitForStarted(10000), qPrintable(driver.errorString()));
            const QByteArray out = runFor(driver, random.bounded(100, 500));
            if (driver.state() != QProcess::NotRunning) {
                ::kill(static_cast<pid_t>(driver.processId()), SIGKILL);
                ++killed;
            }
            QVERIFY(driver.state() == QProcess::NotRunning || driver.waitForFinished(10000));
            for (const QByteArray &line : out.split('\n')) {
                if (!line.startsWith("run "))
                    continue;
                if (firstRunLine.isEmpty())
                    firstRunLine = line;
                QCOMPARE(line, firstRunLine); // every start finds the same run
            }
            if (out.contains("done "))
                break; // it got to the end between kills
        }

        qInfo("killed %d times", killed);
        QVERIFY(killed >= 3); // the run was really cut short, more than once
        QProcess last;
        last.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        last.start(QStringLiteral(CRASH_DRIVER_PATH), arguments());
        const QByteArray out = runFor(last, 120000);
        QVERIFY2(out.contains("done succeeded"), out.constData());
        QCOMPARE(last.exitCode(), 0);

        auto checked = m_pgUrl.isEmpty() ? DurabilityChecks::sqlite(m_sqliteFile) : DurabilityChecks::postgres(m_pgUrl);
        QVERIFY2(checked, qPrintable(checked ? QString() : checked.error().message));
        QCOMPARE(checked->integrity, u"ok"_s);
        QVERIFY(checked->unfinished.isEmpty());
        // Every task belongs to the run's steps, each key once: 1 plan + 12 map + review + summary,
        // plus the tasks of steps cut short and run again under a later generation (none here: a
        // restart finds its tasks instead of running the step again).
        int workflowTasks = 0;
        for (auto it = checked->tasksWithKey.cbegin(); it != checked->tasksWithKey.cend(); ++it) {
            QVERIFY2(it.value() == 1, qPrintable(u"key %1 has %2 tasks"_s.arg(it.key()).arg(it.value())));
            QVERIFY2(it.key().startsWith(u"wf:"_s), qPrintable(it.key()));
            QVERIFY2(it.key().endsWith(u":0"_s) || it.key().contains(u":each:0:"_s), qPrintable(it.key()));
            ++workflowTasks;
        }
        QCOMPARE(workflowTasks, mapSize + 3);
        for (const Api::Task &task : checked->tasks)
            QCOMPARE(task.state, Api::TaskState::Succeeded);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowCrash)
#include "tst_workflowcrash.moc"
