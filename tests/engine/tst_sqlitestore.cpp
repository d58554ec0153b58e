// What only a file can do: migrations, refusing files that are not ours, surviving a reopen, staying
// intact, failing with a typed error when the file cannot be written. The Store semantics shared with
// MemoryStore are tst_storecontract's.
#include "storememoryhelpers.h"
#include "storetesthelpers.h"

#include "store/sqlitedatabase.h"
#include "store/sqliteschema.h"
#include "store/sqlitestore.h"

#include <api/json.h>

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>

#ifdef Q_OS_LINUX
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::TaskState;

namespace {

// Looks into a database file with a connection of its own (the store must be closed).
class Inspector
{
public:
    explicit Inspector(const QString &path)
        : m_db(SqliteDatabase::open(path, 1000).value())
    { }

    qint64 integer(const char *sql) { return m_db->integer(sql).value(); }
    QString text(const char *sql)
    {
        SqliteQuery query(*m_db->statement(sql).value());
        return query->next() ? query->text(0) : QString();
    }
    QStringList column(const char *sql)
    {
        QStringList values;
        SqliteQuery query(*m_db->statement(sql).value());
        while (query->next())
            values.append(query->text(0));
        return values;
    }
    Api::Result<void> exec(const char *sql) { return m_db->exec(sql); }

private:
    std::unique_ptr<SqliteDatabase> m_db;
};

QByteArray fingerprint(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Root may write to any file whatever its mode says; while this lives, the calling thread gives up
// that privilege (CAP_DAC_OVERRIDE), so a chmod'ed file is read-only for it as for everyone else.
class WithoutOverridingFileModes
{
public:
    WithoutOverridingFileModes()
    {
#ifdef Q_OS_LINUX
        if (geteuid() != 0)
            return;
        m_header.version = _LINUX_CAPABILITY_VERSION_3;
        if (syscall(SYS_capget, &m_header, m_saved) != 0)
            return;
        __user_cap_data_struct reduced[2] = {m_saved[0], m_saved[1]};
        reduced[0].effective &= ~(1u << CAP_DAC_OVERRIDE);
        m_dropped = syscall(SYS_capset, &m_header, reduced) == 0;
#endif
    }
    ~WithoutOverridingFileModes()
    {
#ifdef Q_OS_LINUX
        if (m_dropped)
            syscall(SYS_capset, &m_header, m_saved);
#endif
    }
    WithoutOverridingFileModes(const WithoutOverridingFileModes &) = delete;
    WithoutOverridingFileModes &operator=(const WithoutOverridingFileModes &) = delete;

private:
#ifdef Q_OS_LINUX
    __user_cap_header_struct m_header {};
    __user_cap_data_struct m_saved[2] {};
    bool m_dropped = false;
#endif
};

// A batch touching every table: a task through its states, its decision, feedback, reputations.
std::vector<StoreWrite> mixedBatch(quint64 n)
{
    std::vector<StoreWrite> writes;
    Api::Task task = richTask(n);
    writes.push_back(TaskWrite {task});
    task.state = n % 3 == 0 ? TaskState::Failed : TaskState::Succeeded;
    task.result.reset();
    if (task.state == TaskState::Succeeded)
        task.result = Api::TaskResult {u"Paris"_s, Api::DecisionId(n), 0.6};
    else
        task.error = Api::makeError(Api::ErrorCode::NoConsensus, u"tie"_s);
    writes.push_back(TaskProgress::of(task));
    writes.push_back(DecisionWrite {richDecision(n, n)});
    writes.push_back(FeedbackWrite {Api::DecisionId(n), {n % 2 == 0, {}, u"note"_s, u"ops"_s, qint64(n)}});
    const Api::Reputation reputation {Api::AgentId(n % 7), {}, double(n), 1, n, qint64(n)};
    writes.push_back(ReputationWrite {
        reputation,
        Api::ReputationPoint {
            reputation.agentId, {}, double(n), 1, Api::ReputationCause::Agreement, Api::DecisionId(n), qint64(n)}});
    return writes;
}

} // namespace

class TestSqliteStore : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    std::unique_ptr<SqliteStore> open(const QString &file);
    void verifyRefused(const QString &file, const QString &reason);

    QTemporaryDir m_dir;

private slots:
    void migratesAnEmptyFile_data();
    void migratesAnEmptyFile();
    void migratesAnOlderSchema();
    void memoryIndexGainsItsOwnersOnMigration();
    void refusesANewerSchema();
    void refusesAForeignDatabase_data();
    void refusesAForeignDatabase();
    void refusesAFileThatIsNotADatabase_data();
    void refusesAFileThatIsNotADatabase();
    void namesAFileItCannotOpen();
    void reopeningKeepsEverything();
    void aTaskKeepsEveryMember();
    void removedIdsAreNotHandedOutAgain();
    void staysIntactAfterManyBatches();
    void aFailedBatchChangesNothing();
    void aReadOnlyFileFailsWritesWithATypedError();
    void aFileInUseIsRefused();
    void everyMemberOfAStoredValueHasAColumn_data();
    void everyMemberOfAStoredValueHasAColumn();
};

std::unique_ptr<SqliteStore> TestSqliteStore::open(const QString &file)
{
    auto opened = SqliteStore::open(path(file));
    if (!opened)
        qFatal("opening %s failed: %s", qPrintable(file), qPrintable(opened.error().message));
    return std::move(opened).value();
}

void TestSqliteStore::verifyRefused(const QString &file, const QString &reason)
{
    const QByteArray before = fingerprint(path(file));
    const auto opened = SqliteStore::open(path(file));
    QS_VERIFY_ERROR(opened, Api::ErrorCode::InvalidState);
    QVERIFY2(opened.error().message.contains(path(file)), qPrintable(opened.error().message));
    QCOMPARE(opened.error().details.value(u"reason"_s).toString(), reason);
    QCOMPARE(opened.error().details.value(u"path"_s).toString(), path(file));
    QCOMPARE(fingerprint(path(file)), before); // left as it was
    QVERIFY(!QFile::exists(path(file) + u"-wal"_s));
}

void TestSqliteStore::migratesAnEmptyFile_data()
{
    QTest::addColumn<bool>("fileExists");
    QTest::newRow("no file") << false;
    QTest::newRow("an empty file") << true;
}

void TestSqliteStore::migratesAnEmptyFile()
{
    QFETCH(bool, fileExists);
    const QString file = fileExists ? u"empty.sqlite3"_s : u"new.sqlite3"_s;
    if (fileExists)
        writeFile(path(file), {});
    open(file).reset();

    Inspector db(path(file));
    QCOMPARE(db.integer("PRAGMA application_id"), qint64(SqliteSchema::applicationId));
    QCOMPARE(db.column("SELECT version FROM schema_version ORDER BY version"),
             (QStringList {u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s, u"7"_s, u"8"_s, u"9"_s, u"10"_s}));
    QCOMPARE(SqliteSchema::latestVersion(), 10);
    QCOMPARE(db.text("PRAGMA journal_mode"), u"wal"_s);
    QCOMPARE(db.column("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                       "ORDER BY name"),
             (QStringList {u"agents"_s,
                           u"audit_log"_s,
                           u"decision_feedback"_s,
                           u"decisions"_s,
                           u"memory_entries"_s,
                           u"memory_fts"_s,
                           u"memory_fts_config"_s,
                           u"memory_fts_content"_s,
                           u"memory_fts_data"_s,
                           u"memory_fts_docsize"_s,
                           u"memory_fts_idx"_s,
                           u"memory_owners"_s,
                           u"memory_tags"_s,
                           u"metrics_rollups"_s,
                           u"provider_calls"_s,
                           u"providers"_s,
                           u"reputation_points"_s,
                           u"reputations"_s,
                           u"schema_version"_s,
                           u"swarms"_s,
                           u"tasks"_s,
                           u"votes"_s,
                           u"workflow_runs"_s}));
}

void TestSqliteStore::migratesAnOlderSchema()
{
    {
        auto store = open(u"older.sqlite3"_s);
        QS_VERIFY_OK(write(*store, TaskWrite {richTask(1)}));
    }
    {
        // As a build that knew only version 1 left it.
        Inspector db(path(u"older.sqlite3"_s));
        QS_VERIFY_OK(db.exec("DROP TABLE decision_feedback; DROP TABLE reputations; DROP TABLE reputation_points; "
                             "DROP TABLE provider_calls; DROP TABLE audit_log; DROP TABLE memory_fts; "
                             "DROP TABLE memory_tags; DROP TABLE memory_owners; DROP TABLE memory_entries; "
                             "DROP INDEX tasks_idempotency_key; DROP TABLE providers; DROP TABLE workflow_runs; "
                             "DROP TABLE metrics_rollups; DELETE FROM schema_version WHERE version >= 2"));
    }
    auto store = open(u"older.sqlite3"_s);
    QVERIFY(fetchTask(*store, 1).value() == richTask(1));
    QS_VERIFY_OK(write(*store, FeedbackWrite {Api::DecisionId(1), {}}));
    store.reset();
    Inspector db(path(u"older.sqlite3"_s));
    QCOMPARE(db.column("SELECT version FROM schema_version ORDER BY version"),
             (QStringList {u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s, u"7"_s, u"8"_s, u"9"_s, u"10"_s}));
}

// Entries written before version 8 are found by owner and word afterwards.
void TestSqliteStore::memoryIndexGainsItsOwnersOnMigration()
{
    {
        auto store = open(u"index.sqlite3"_s);
        QS_VERIFY_OK(putMemory(*store, memoryEntry(7, 1, Api::MemoryKind::Fact, u"Blue sky"_s, {}, 100)));
        QS_VERIFY_OK(putMemory(*store, memoryEntry(8, 1, Api::MemoryKind::Fact, u"blue sea"_s, {}, 101)));
        QS_VERIFY_OK(putMemory(*store, memoryEntry(0, 1, Api::MemoryKind::Fact, u"blue ink"_s, {}, 102)));
    }
    {
        // As version 7 left it: the index holds words only.
        Inspector db(path(u"index.sqlite3"_s));
        QS_VERIFY_OK(
            db.exec("CREATE TABLE words AS SELECT rowid AS id, words FROM memory_fts; DROP TABLE memory_fts; "
                    "CREATE VIRTUAL TABLE memory_fts USING fts5(words, tokenize = 'unicode61 remove_diacritics 0'); "
                    "CREATE VIRTUAL TABLE memory_fts_terms USING fts5vocab(memory_fts, 'row'); "
                    "INSERT INTO memory_fts (rowid, words) SELECT id, words FROM words; DROP TABLE words; "
                    "DROP TABLE workflow_runs; DROP TABLE metrics_rollups; "
                    "DELETE FROM schema_version WHERE version >= 8"));
    }
    auto store = open(u"index.sqlite3"_s);
    Api::MemoryQuery q;
    q.text = u"BLUE"_s;
    QCOMPARE(memoryTexts(*store, q, 200).value(), (QStringList {u"blue ink"_s, u"blue sea"_s, u"Blue sky"_s}));
    q.agentId = Api::AgentId(7);
    q.swarmId = Api::SwarmId(1);
    q.includeSwarmEntries = true;
    QCOMPARE(memoryTexts(*store, q, 200).value(), (QStringList {u"blue ink"_s, u"Blue sky"_s}));
    q.text = u"sea"_s;
    QVERIFY(memoryTexts(*store, q, 200)->isEmpty());
    // New entries are indexed with their owner too.
    QS_VERIFY_OK(putMemory(*store, memoryEntry(7, 1, Api::MemoryKind::Fact, u"a sea of blue"_s, {}, 103)));
    QCOMPARE(memoryTexts(*store, q, 200).value(), QStringList {u"a sea of blue"_s});
}

void TestSqliteStore::refusesANewerSchema()
{
    open(u"newer.sqlite3"_s).reset();
    {
        Inspector db(path(u"newer.sqlite3"_s));
        QS_VERIFY_OK(db.exec("INSERT INTO schema_version VALUES (99, 0, 'from the future')"));
    }
    verifyRefused(u"newer.sqlite3"_s, u"newer_schema"_s);
}

void TestSqliteStore::refusesAForeignDatabase_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::newRow("another program's tables") << QByteArray("CREATE TABLE notes (id INTEGER, body TEXT); "
                                                            "INSERT INTO notes VALUES (1, 'keep me')");
    QTest::newRow("a schema_version that is not ours")
        << QByteArray("CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES (1)");
}

void TestSqliteStore::refusesAForeignDatabase()
{
    QFETCH(QByteArray, sql);
    const QString file = u"foreign-%1.sqlite3"_s.arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-');
    {
        Inspector db(path(file));
        QS_VERIFY_OK(db.exec(sql.constData()));
    }
    verifyRefused(file, u"foreign_database"_s);
}

void TestSqliteStore::refusesAFileThatIsNotADatabase_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text") << QByteArray("These are my notes, not a database.\n").repeated(200);
    QByteArray noise(8192, '\0');
    for (int i = 0; i < noise.size(); ++i)
        noise[i] = static_cast<char>((i * 7919 + 13) % 251);
    QTest::newRow("noise") << noise;
    QTest::newRow("a damaged header") << QByteArray("SQLite format 3", 16) + noise;
}

void TestSqliteStore::refusesAFileThatIsNotADatabase()
{
    QFETCH(QByteArray, bytes);
    const QString file = u"notadb-%1"_s.arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-');
    writeFile(path(file), bytes);
    verifyRefused(file, u"not_a_database"_s);
}

void TestSqliteStore::namesAFileItCannotOpen()
{
    const QString missing = path(u"no/such/folder/store.sqlite3"_s);
    const auto opened = SqliteStore::open(missing);
    QS_VERIFY_ERROR(opened, Api::ErrorCode::Unavailable);
    QVERIFY2(opened.error().message.contains(missing), qPrintable(opened.error().message));
}

void TestSqliteStore::reopeningKeepsEverything()
{
    auto store = open(u"reopen.sqlite3"_s);
    std::vector<StoreWrite> setup;
    setup.push_back(SwarmWrite {richSwarm(1, {Api::AgentId(1), Api::AgentId(2)})});
    setup.push_back(AgentWrite {richAgent(1, 1)});
    setup.push_back(AgentWrite {richAgent(2, 1)});
    QS_VERIFY_OK(write(*store, std::move(setup)));
    for (quint64 n = 1; n <= 300; ++n)
        QS_VERIFY_OK(write(*store, mixedBatch(n)));
    QS_VERIFY_OK(write(*store, TaskWrite {richTask(301, TaskState::Running)}));

    const auto everything = [](Store &s) {
        Api::TaskQuery tasks;
        tasks.page.limit = 1000;
        Api::DecisionQuery decisions;
        decisions.page.limit = 1000;
        Api::ReputationQuery history;
        history.page.limit = 1000;
        return std::tuple(fetchTasks(s, tasks).value(), fetchDecisions(s, decisions).value(),
                          fetchHistory(s, history).value(), load(s).value());
    };
    const auto [tasks, decisions, history, snapshot] = everything(*store);
    QCOMPARE(tasks.items.size(), 301);
    QCOMPARE(decisions.items.size(), 300);
    QCOMPARE(history.items.size(), 300);
    store.reset();

    store = open(u"reopen.sqlite3"_s);
    const auto [tasksAgain, decisionsAgain, historyAgain, snapshotAgain] = everything(*store);
    QVERIFY(tasksAgain == tasks);
    QVERIFY(decisionsAgain == decisions);
    QVERIFY(historyAgain == history);
    QVERIFY(snapshotAgain.swarms == snapshot.swarms);
    QVERIFY(snapshotAgain.agents == snapshot.agents);
    QCOMPARE(idsOf(snapshotAgain.unfinishedTasks), QList<quint64> {301});
    QCOMPARE(snapshotAgain.reputations.size(), 7);
    QCOMPARE(snapshotAgain.maxTaskId, quint64(301));
    QCOMPARE(snapshotAgain.maxDecisionId, quint64(300));
}

void TestSqliteStore::aTaskKeepsEveryMember()
{
    // What the contract's round trip does not set yet (MemoryStore's record codec does not keep it).
    Api::Task task = richTask(1, TaskState::Failed);
    task.spec.selection.routing = Api::Routing::Adaptive;
    task.spec.answerFormat = Api::AnswerFormat::Ranking;
    task.spec.strategy = Api::StrategySpec {QString(), {}}; // present, without a name
    task.error->details = {{u"nested"_s, QJsonObject {{u"a"_s, QJsonArray {1, 2.5, u"x"_s}}}}};
    auto store = open(u"members.sqlite3"_s);
    QS_VERIFY_OK(write(*store, TaskWrite {task}));
    store.reset();
    store = open(u"members.sqlite3"_s);
    QVERIFY(fetchTask(*store, 1).value() == task);
}

void TestSqliteStore::removedIdsAreNotHandedOutAgain()
{
    auto store = open(u"ids.sqlite3"_s);
    std::vector<StoreWrite> writes;
    writes.push_back(SwarmWrite {richSwarm(1, {Api::AgentId(1)})});
    writes.push_back(AgentWrite {richAgent(1, 1)});
    writes.push_back(SwarmWrite {richSwarm(2, {Api::AgentId(2)})});
    writes.push_back(AgentWrite {richAgent(2, 2)});
    QS_VERIFY_OK(write(*store, std::move(writes)));
    writes.clear();
    writes.push_back(AgentWrite {richAgent(2, 2), true});
    writes.push_back(SwarmWrite {richSwarm(2, {}), true});
    QS_VERIFY_OK(write(*store, std::move(writes)));
    store.reset();

    store = open(u"ids.sqlite3"_s);
    const auto snapshot = load(*store);
    QCOMPARE(snapshot->swarms.size(), 1);
    QCOMPARE(snapshot->agents.size(), 1);
    QCOMPARE(snapshot->maxSwarmId, quint64(2)); // the removed swarm's id stays taken
    QCOMPARE(snapshot->maxAgentId, quint64(2));
}

void TestSqliteStore::staysIntactAfterManyBatches()
{
    auto store = open(u"intact.sqlite3"_s);
    for (quint64 n = 1; n <= 400; ++n) {
        std::vector<StoreWrite> writes = mixedBatch(n);
        if (n > 1) // and a late write for the task before, which the guard ignores or applies
            writes.push_back(progressOf(n - 1, TaskState::Running, 0, u"late"_s));
        QS_VERIFY_OK(write(*store, std::move(writes)));
    }
    store.reset();

    Inspector db(path(u"intact.sqlite3"_s));
    QCOMPARE(db.text("PRAGMA integrity_check"), u"ok"_s);
    QCOMPARE(db.column("PRAGMA foreign_key_check"), QStringList());
    QCOMPARE(db.integer("SELECT count(*) FROM tasks"), qint64(400));
    QCOMPARE(db.integer("SELECT count(*) FROM tasks WHERE state_reason = 'late'"), qint64(0));
    QCOMPARE(db.integer("SELECT count(*) FROM votes"), qint64(400 * 3));
    QCOMPARE(db.integer("SELECT count(*) FROM reputation_points"), qint64(400));
}

void TestSqliteStore::aFailedBatchChangesNothing()
{
    auto store = open(u"atomic.sqlite3"_s);
    QS_VERIFY_OK(write(*store, TaskWrite {richTask(1)}));
    std::vector<StoreWrite> writes;
    writes.push_back(TaskWrite {richTask(2)});
    writes.push_back(progressOf(1, TaskState::Running, 1, u"started"_s));
    // A NaN is stored as NULL, which the NOT NULL column refuses: the batch fails at its last write.
    writes.push_back(ReputationWrite {Api::Reputation {Api::AgentId(1), {}, std::nan(""), 1, 1, 1}, std::nullopt});
    const auto written = write(*store, std::move(writes));
    QVERIFY(!written.ok());
    QVERIFY(written.error().message.contains(path(u"atomic.sqlite3"_s)));

    QS_VERIFY_ERROR(fetchTask(*store, 2), Api::ErrorCode::NotFound);
    QCOMPARE(fetchTask(*store, 1)->state, TaskState::Queued);
    QS_VERIFY_OK(write(*store, TaskWrite {richTask(3)})); // and the store goes on
    QS_VERIFY_OK(fetchTask(*store, 3));
}

void TestSqliteStore::aReadOnlyFileFailsWritesWithATypedError()
{
    const QString file = path(u"readonly.sqlite3"_s);
    {
        auto store = open(u"readonly.sqlite3"_s);
        QS_VERIFY_OK(write(*store, mixedBatch(1)));
    }
    const QByteArray before = fingerprint(file);
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    {
        WithoutOverridingFileModes asEveryoneElse;
        auto opened = SqliteStore::open(file);
        QS_VERIFY_OK(opened);
        SqliteStore &store = *opened.value();
        QVERIFY(fetchTask(store, 1)->result.has_value()); // reads work

        const auto written = write(store, mixedBatch(2));
        QS_VERIFY_ERROR(written, Api::ErrorCode::Unavailable);
        QVERIFY2(written.error().message.contains(file), qPrintable(written.error().message));
        QCOMPARE(written.error().details.value(u"retriable"_s).toBool(), true);
        QS_VERIFY_ERROR(fetchTask(store, 2), Api::ErrorCode::NotFound);
    }
    QCOMPARE(fingerprint(file), before);
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    {
        auto store = open(u"readonly.sqlite3"_s);
        QVERIFY(fetchTask(*store, 1)->result.has_value());
        QS_VERIFY_ERROR(fetchTask(*store, 2), Api::ErrorCode::NotFound);
        QS_VERIFY_OK(write(*store, mixedBatch(2))); // writable again
    }
    Inspector db(file);
    QCOMPARE(db.text("PRAGMA integrity_check"), u"ok"_s);
}

void TestSqliteStore::aFileInUseIsRefused()
{
    auto first = open(u"shared.sqlite3"_s);
    const auto second = SqliteStore::open(path(u"shared.sqlite3"_s), SqliteStore::Options {50});
    QS_VERIFY_ERROR(second, Api::ErrorCode::Unavailable);
    QVERIFY2(second.error().message.contains(path(u"shared.sqlite3"_s)), qPrintable(second.error().message));
    QS_VERIFY_OK(write(*first, TaskWrite {richTask(1)})); // the first one is not disturbed
    first.reset();
    QS_VERIFY_OK(SqliteStore::open(path(u"shared.sqlite3"_s)));
}

void TestSqliteStore::everyMemberOfAStoredValueHasAColumn_data()
{
    // SqliteStore keeps these values in columns (sqliteschema.cpp, sqlitetaskrows.cpp,
    // sqlitedecisionrows.cpp). A member added to one of them needs a column, and a migration that
    // adds it: until it has one, this test fails, instead of the store silently dropping the member.
    QTest::addColumn<QJsonValue>("json");
    QTest::addColumn<QStringList>("stored");

    const auto keys = [](const char *list) { return QString::fromLatin1(list).split(u' '); };
    QTest::newRow("task") << Api::toJson(Api::Task {})
                          << keys("attempt cost_usd created_at effective_deadline error finished_at id result spec "
                                  "started_at state state_reason");
    QTest::newRow("task spec") << Api::toJson(Api::TaskSpec {})
                               << keys("answer_format budget_usd choices deadline idempotency_key priority prompt "
                                       "reference_answer retry selection strategy swarm_id tags timeout_ms variables");
    QTest::newRow("selection") << Api::toJson(Api::AgentSelection {})
                               << keys("agent_ids max_agents required_tags routing");
    QTest::newRow("retry") << Api::toJson(Api::RetryPolicy {})
                           << keys("initial_backoff_ms jitter max_attempts max_backoff_ms");
    QTest::newRow("strategy") << Api::toJson(Api::StrategySpec {}) << keys("name parameters");
    QTest::newRow("result") << Api::toJson(Api::TaskResult {}) << keys("agreement answer decision_id");
    QTest::newRow("error") << Api::toJson(Api::Error {}) << keys("code details message");
    // explanation: derived from the trail when read; feedback: decision_feedback.
    QTest::newRow("decision") << Api::toJson(Api::Decision {})
                              << keys("agreement answer attempt created_at dissenters explanation feedback id outcome "
                                      "rounds strategy swarm_id task_id");
    QTest::newRow("round") << Api::toJson(Api::Round {}) << keys("index votes");
    QTest::newRow("vote") << Api::toJson(Api::Vote {})
                          << keys("agent_id completion_tokens confidence cost_usd latency_ms normalized_answer "
                                  "prompt_tokens rationale raw_answer status weight");
    QTest::newRow("feedback") << Api::toJson(Api::DecisionFeedback {})
                              << keys("actor correct correct_answer note time");
    // mean: derived from alpha and beta.
    QTest::newRow("reputation") << Api::toJson(Api::Reputation {})
                                << keys("agent_id alpha beta mean tag updated_at updates");
    QTest::newRow("reputation point") << Api::toJson(Api::ReputationPoint {})
                                      << keys("agent_id alpha beta cause decision_id tag time");
}

void TestSqliteStore::everyMemberOfAStoredValueHasAColumn()
{
    QFETCH(QJsonValue, json);
    QFETCH(QStringList, stored);
    QStringList members = json.toObject().keys();
    members.sort();
    QCOMPARE(members, stored);
}

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
