// qwen-swarmd --backup FILE and --restore FILE, as an operator runs them: the restored database
// holds exactly what the backup saw, a backup taken while the store writes is one consistent
// moment, and neither command overwrites what it must not.
#include "../engine/storetesthelpers.h"
#include "durabilitychecks.h"

#include <postgrestestcluster.h>

#include <QProcess>
#include <QTemporaryDir>

using namespace QwenSwarm;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int tasksPerBatch = 10;

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run daemon(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(QWENSWARMD_PATH), arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

/// Batch `n`: its tasks, each succeeded with its decision, in one atomic write.
std::vector<Engine::StoreWrite> batch(int n)
{
    std::vector<Engine::StoreWrite> writes;
    for (int i = 0; i < tasksPerBatch; ++i) {
        const quint64 id = static_cast<quint64>(n * tasksPerBatch + i + 1);
        Api::Task task = richTask(id, Api::TaskState::Succeeded);
        task.spec.idempotencyKey = u"b%1-%2"_s.arg(n).arg(i);
        writes.push_back(Engine::TaskWrite {task});
        writes.push_back(Engine::DecisionWrite {richDecision(id, id)});
    }
    return writes;
}

bool sameContents(const DurabilityChecks::Contents &a, const DurabilityChecks::Contents &b)
{
    return a.tasks == b.tasks && a.tasksWithKey == b.tasksWithKey && a.decisionsOfTask == b.decisionsOfTask;
}

} // namespace

class TestStoreBackup : public QObject
{
    Q_OBJECT

private:
    QString sqliteFile() const { return QDir(m_dir.path()).filePath(Engine::SqliteStore::defaultFileName()); }
    QStringList sqliteArguments() const { return {u"--data-dir"_s, m_dir.path()}; }

    QTemporaryDir m_dir;
    PostgresTestCluster m_cluster;

private Q_SLOTS:
    void init() { QVERIFY(QDir(m_dir.path()).removeRecursively() && QDir().mkpath(m_dir.path())); }

    void sqliteRestoresWhatTheBackupSaw()
    {
        {
            auto store = Engine::SqliteStore::open(sqliteFile());
            QS_VERIFY_OK(store);
            for (int n = 0; n < 30; ++n)
                QS_VERIFY_OK(write(**store, batch(n)));
        }
        const auto saved = DurabilityChecks::sqlite(sqliteFile());
        QS_VERIFY_OK(saved);
        QCOMPARE(saved->tasks.size(), 300);

        const QString backup = m_dir.filePath(u"backup.sqlite3"_s);
        const Run taken = daemon(sqliteArguments() + QStringList {u"--backup"_s, backup});
        QVERIFY2(taken.code == 0, qPrintable(taken.err));
        QCOMPARE(DurabilityChecks::integrityCheck(backup), u"ok"_s);

        {
            auto store = Engine::SqliteStore::open(sqliteFile());
            QS_VERIFY_OK(store);
            for (int n = 30; n < 40; ++n) // after the backup: gone after the restore
                QS_VERIFY_OK(write(**store, batch(n)));
        }
        const Run restored = daemon(sqliteArguments() + QStringList {u"--restore"_s, backup});
        QVERIFY2(restored.code == 0, qPrintable(restored.err));
        const auto now = DurabilityChecks::sqlite(sqliteFile());
        QS_VERIFY_OK(now);
        QCOMPARE(now->integrity, u"ok"_s);
        QCOMPARE(now->tasks.size(), 300);
        QVERIFY(sameContents(saved.value(), now.value()));
        // The database it replaced is kept, with the later writes.
        const QStringList kept
            = QDir(m_dir.path()).entryList({Engine::SqliteStore::defaultFileName() + u".before-restore-*"_s});
        QCOMPARE(kept.size(), 1);
        const auto before = DurabilityChecks::sqlite(m_dir.filePath(kept.first()));
        QS_VERIFY_OK(before);
        QCOMPARE(before->tasks.size(), 400);
    }

    void sqliteBackupRefusesToOverwrite()
    {
        {
            auto store = Engine::SqliteStore::open(sqliteFile());
            QS_VERIFY_OK(store);
            QS_VERIFY_OK(write(**store, batch(0)));
        }
        const QString existing = m_dir.filePath(u"notes.txt"_s);
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my notes\n");
        file.close();
        const Run run = daemon(sqliteArguments() + QStringList {u"--backup"_s, existing});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(existing), qPrintable(run.err));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("my notes\n"));
    }

    void sqliteRestoreRefusesWhatIsNotABackup_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("These are my notes, not a database.\n").repeated(100);
        QTest::newRow("a damaged header") << QByteArray("SQLite format 3", 16) + QByteArray(4096, '\x5a');
    }

    void sqliteRestoreRefusesWhatIsNotABackup()
    {
        QFETCH(QByteArray, content);
        {
            auto store = Engine::SqliteStore::open(sqliteFile());
            QS_VERIFY_OK(store);
            QS_VERIFY_OK(write(**store, batch(0)));
        }
        const QString bogus = m_dir.filePath(u"bogus.sqlite3"_s);
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const Run run = daemon(sqliteArguments() + QStringList {u"--restore"_s, bogus});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(bogus), qPrintable(run.err));
        const auto still = DurabilityChecks::sqlite(sqliteFile());
        QS_VERIFY_OK(still);
        QCOMPARE(still->tasks.size(), tasksPerBatch);
    }

    void sqliteRestoreRefusesADatabaseInUse()
    {
        const QString backup = m_dir.filePath(u"backup.sqlite3"_s);
        {
            auto store = Engine::SqliteStore::open(sqliteFile());
            QS_VERIFY_OK(store);
            QS_VERIFY_OK(write(**store, batch(0)));
        }
        QCOMPARE(daemon(sqliteArguments() + QStringList {u"--backup"_s, backup}).code, 0);
        auto store = Engine::SqliteStore::open(sqliteFile());
        QS_VERIFY_OK(store);
        QS_VERIFY_OK(write(**store, batch(1)));
        const Run run = daemon(sqliteArguments() + QStringList {u"--restore"_s, backup});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(sqliteFile()) && run.err.contains(u"in use"_s), qPrintable(run.err));
        // A file a program holds is not copied either: the command says so instead of waiting.
        const QString second = m_dir.filePath(u"second.sqlite3"_s);
        const Run taken = daemon(sqliteArguments() + QStringList {u"--backup"_s, second});
        QCOMPARE(taken.code, 1);
        QVERIFY2(taken.err.contains(sqliteFile()), qPrintable(taken.err));
        QVERIFY(!QFileInfo::exists(second));
        QS_VERIFY_OK(write(**store, batch(2))); // the store goes on, with everything
        QCOMPARE(fetchTasks(**store, {}).value().items.size(), 3 * tasksPerBatch);
    }

    void postgresDumpIsOneConsistentMomentAndRestores()
    {
        QS_START_POSTGRES(m_cluster);
        QVERIFY2(m_cluster.resetDatabase(u"live"_s), qPrintable(m_cluster.error()));
        const QString url = m_cluster.url(u"live"_s);
        const QStringList pgArguments {u"--store"_s, u"postgres"_s, u"--pg"_s, url, u"--data-dir"_s, m_dir.path()};
        const QString dump = m_dir.filePath(u"live.dump"_s);
        int written = 0;
        {
            auto store = Engine::PostgresStore::open(url);
            QS_VERIFY_OK(store);
            for (; written < 20; ++written)
                QS_VERIFY_OK(write(**store, batch(written)));
            // The dump runs while the store goes on writing batches.
            QProcess backup;
            backup.start(QStringLiteral(QWENSWARMD_PATH), pgArguments + QStringList {u"--backup"_s, dump});
            QVERIFY(backup.waitForStarted());
            while (!backup.waitForFinished(0) && written < 2000)
                QS_VERIFY_OK(write(**store, batch(written++)));
            QVERIFY(backup.state() == QProcess::NotRunning || backup.waitForFinished(120000));
            QVERIFY2(backup.exitCode() == 0, backup.readAllStandardError().constData());
            QS_VERIFY_OK(write(**store, batch(written++))); // after the dump: gone after the restore
        }
        const auto before = DurabilityChecks::postgres(url);
        QS_VERIFY_OK(before);
        QCOMPARE(before->tasks.size(), written * tasksPerBatch);

        const Run restored = daemon(pgArguments + QStringList {u"--restore"_s, dump});
        QVERIFY2(restored.code == 0, qPrintable(restored.err));
        QVERIFY2(!restored.err.contains(u"postgres@"_s), "a URL appears in the output");
        const auto after = DurabilityChecks::postgres(url);
        QS_VERIFY_OK(after);
        // Whole batches only, the first ones, each task with its decision: one moment of the store.
        const qsizetype tasks = after->tasks.size();
        QVERIFY2(tasks >= 20 * tasksPerBatch && tasks < written * tasksPerBatch && tasks % tasksPerBatch == 0,
                 qPrintable(u"%1 tasks restored of %2 written"_s.arg(tasks).arg(written * tasksPerBatch)));
        for (quint64 id = 1; id <= static_cast<quint64>(tasks); ++id) {
            QVERIFY2(after->tasks.value(id) == before->tasks.value(id), qPrintable(u"task %1 differs"_s.arg(id)));
            QCOMPARE(after->decisionsOfTask.value(id), QList<Api::DecisionId> {Api::DecisionId(id)});
        }
        // And the restored database is a store again.
        auto reopened = Engine::PostgresStore::open(url);
        QS_VERIFY_OK(reopened);
        QS_VERIFY_OK(write(**reopened, batch(written)));
    }

    void postgresRestoreRefusesWhatIsNotADump()
    {
        QS_START_POSTGRES(m_cluster);
        QVERIFY2(m_cluster.resetDatabase(u"live"_s), qPrintable(m_cluster.error()));
        const QString url = m_cluster.url(u"live"_s);
        {
            auto store = Engine::PostgresStore::open(url);
            QS_VERIFY_OK(store);
            QS_VERIFY_OK(write(**store, batch(0)));
        }
        const QString bogus = m_dir.filePath(u"bogus.dump"_s);
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SELECT 1;\n");
        file.close();
        const Run run = daemon(
            {u"--store"_s, u"postgres"_s, u"--pg"_s, url, u"--data-dir"_s, m_dir.path(), u"--restore"_s, bogus});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(bogus), qPrintable(run.err));
        const auto still = DurabilityChecks::postgres(url);
        QS_VERIFY_OK(still);
        QCOMPARE(still->tasks.size(), tasksPerBatch);
    }
};

QTEST_GUILESS_MAIN(TestStoreBackup)
#include "tst_storebackup.moc"
