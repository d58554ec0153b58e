// What only a PostgreSQL server can do to a store: migrations, refusing databases that are not ours
// or are newer, surviving a reopen, a connection dropped under the store, a server that is not there,
// a database another store holds. The Store semantics shared with the other stores are
// tst_storecontract's. Runs against a throwaway cluster it starts itself; skips only where there is
// no PostgreSQL at all and CI is not set.
#include "storememoryhelpers.h"
#include "storetesthelpers.h"

#include "store/groupcommitstore.h"
#include "store/postgresschema.h"
#include "store/postgresstore.h"
#include "store/threadedstore.h"

#include <postgrestestcluster.h>

#include <QJsonDocument>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::TaskState;

namespace {

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
    writes.push_back(ProviderCallWrite {u"call-%1"_s.arg(n % 5), u"simulated"_s, "{\"n\":1}", "{\"answer\":\"A\"}", 7});
    return writes;
}

QString errorText(const Api::Error &error)
{
    return error.message + QString::fromUtf8(QJsonDocument(error.details).toJson(QJsonDocument::Compact));
}

} // namespace

class TestPostgresStore : public QObject
{
    Q_OBJECT

private:
    // A new empty database for the case, named after it.
    QString freshDatabase();
    std::unique_ptr<PostgresStore> open(const QString &database);
    QString sql(const QString &database, const QString &statement);
    void verifyRefused(const QString &database, const QString &reason);

    PostgresTestCluster m_cluster;
    int m_databases = 0;

private slots:
    void init();
    void migratesAnEmptyDatabase();
    void migratesAnOlderSchema();
    void memoryTermsFollowTheEntries();
    void refusesANewerSchema();
    void refusesAForeignDatabase_data();
    void refusesAForeignDatabase();
    void reopeningKeepsEverything();
    void valuesTravelExactly();
    void removedIdsAreNotHandedOutAgain();
    void staysIntactAfterManyBatches();
    void aFailedBatchChangesNothing();
    void aDroppedConnectionFailsTheNextCallThenReconnects();
    void aDroppedConnectionUnderTheThreadedStore();
    void aServerThatIsDownIsUnavailable_data();
    void aServerThatIsDownIsUnavailable();
    void aUrlThatIsNotOneIsRefused();
    void aDatabaseInUseIsRefused();
};

void TestPostgresStore::init()
{
    // The cases that need no server name themselves here.
    const QByteArray test = QTest::currentTestFunction();
    if (test == "aServerThatIsDownIsUnavailable" || test == "aUrlThatIsNotOneIsRefused")
        return;
    QS_START_POSTGRES(m_cluster);
}

QString TestPostgresStore::freshDatabase()
{
    const QString name = u"case_%1"_s.arg(++m_databases);
    if (!m_cluster.createDatabase(name))
        qFatal("creating a database failed: %s", qPrintable(m_cluster.error()));
    return name;
}

std::unique_ptr<PostgresStore> TestPostgresStore::open(const QString &database)
{
    auto opened = PostgresStore::open(m_cluster.url(database));
    if (!opened)
        qFatal("opening %s failed: %s", qPrintable(database), qPrintable(opened.error().message));
    return std::move(opened).value();
}

QString TestPostgresStore::sql(const QString &database, const QString &statement)
{
    const auto rows = m_cluster.sql(database, statement);
    if (!rows)
        qFatal("%s failed: %s", qPrintable(statement), qPrintable(m_cluster.error()));
    return *rows;
}

void TestPostgresStore::verifyRefused(const QString &database, const QString &reason)
{
    const QString before = sql(database,
                               u"SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
                               "WHERE schemaname = 'public'"_s);
    const auto opened = PostgresStore::open(m_cluster.url(database));
    QS_VERIFY_ERROR(opened, Api::ErrorCode::InvalidState);
    const QString target = u"127.0.0.1:%1/%2"_s.arg(m_cluster.port()).arg(database);
    QVERIFY2(opened.error().message.contains(target), qPrintable(opened.error().message));
    QCOMPARE(opened.error().details.value(u"reason"_s).toString(), reason);
    QCOMPARE(opened.error().details.value(u"database"_s).toString(), database);
    QCOMPARE(sql(database,
                 u"SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
                 "WHERE schemaname = 'public'"_s),
             before); // left as it was
}

void TestPostgresStore::migratesAnEmptyDatabase()
{
    const QString db = freshDatabase();
    open(db).reset();
    QCOMPARE(
        sql(db, u"SELECT string_agg(version || ' ' || description, '; ' ORDER BY version) FROM schema_version"_s),
        u"1 configuration, tasks, decisions and votes; 2 decision feedback, reputations and their history; "
        "3 provider calls recorded for replay; 4 the audit log; 5 memory entries and their full-text index; 6 tasks by idempotency key; 7 providers an operator configured; 8 workflow runs; 9 metrics roll-ups; 10 memory by term, newest first"_s);
    QCOMPARE(PostgresSchema::latestVersion(), 10);
    QCOMPARE(sql(db, u"SELECT obj_description('schema_version'::regclass, 'pg_class')"_s),
             QString::fromLatin1(PostgresSchema::marker));
    QCOMPARE(
        sql(db,
            u"SELECT string_agg(tablename, ' ' ORDER BY tablename) FROM pg_tables "
            "WHERE schemaname = 'public'"_s),
        u"agents audit_log decision_feedback decisions id_marks memory_entries memory_terms metrics_rollups "
        "provider_calls providers reputation_points reputations schema_version swarms tasks votes workflow_runs"_s);
    // Opening it again applies nothing.
    open(db).reset();
    QCOMPARE(sql(db, u"SELECT count(*) FROM schema_version"_s), u"10"_s);
}

void TestPostgresStore::migratesAnOlderSchema()
{
    const QString db = freshDatabase();
    {
        auto store = open(db);
        QS_VERIFY_OK(write(*store, TaskWrite {richTask(1)}));
    }
    // As a build that knew only version 1 left it.
    sql(db,
        u"DROP TABLE decision_feedback, reputations, reputation_points, provider_calls, audit_log, memory_entries; "
        "DROP INDEX tasks_idempotency_key; DROP TABLE providers, workflow_runs, metrics_rollups, memory_terms; "
        "DROP FUNCTION memory_entry_terms, memory_terms_added, memory_terms_removed, memory_terms_changed; "
        "DELETE FROM schema_version WHERE version >= 2"_s);
    auto store = open(db);
    QVERIFY(fetchTask(*store, 1).value() == richTask(1));
    QS_VERIFY_OK(write(*store, FeedbackWrite {Api::DecisionId(1), {}}));
    store.reset();
    QCOMPARE(sql(db, u"SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version"_s),
             u"1,2,3,4,5,6,7,8,9,10"_s);
}

void TestPostgresStore::memoryTermsFollowTheEntries()
{
    const QString db = freshDatabase();
    auto store = open(db);
    using K = Api::MemoryKind;
    const auto paris = putMemory(*store, memoryEntry(1, 1, K::Fact, u"Paris is in France"_s, {u"geo"_s}, 100));
    const auto tower = putMemory(*store, memoryEntry(2, 1, K::Fact, u"The tower is in Paris"_s, {u"geo"_s}, 110));
    QS_VERIFY_OK(paris);
    QS_VERIFY_OK(tower);
    store.reset();
    // As a restore of a version-9 dump over a version-10 database leaves it: the dump's entries and
    // GIN indexes, schema_version at 9, and memory_terms (stale) with its functions, which the dump
    // does not hold.
    sql(db,
        u"DROP TRIGGER memory_terms_insert ON memory_entries; DROP TRIGGER memory_terms_delete ON memory_entries; "
        "DROP TRIGGER memory_terms_update ON memory_entries; DROP TRIGGER memory_terms_truncate ON memory_entries; "
        "INSERT INTO memory_terms VALUES ('stale', 999); "
        "CREATE INDEX memory_search ON memory_entries USING GIN (search); "
        "CREATE INDEX memory_tags ON memory_entries USING GIN (tags); DELETE FROM schema_version WHERE version = 10"_s);
    store = open(db);
    const auto termsOf = [&](quint64 id) {
        return sql(db, u"SELECT string_agg(term, ' ' ORDER BY term) FROM memory_terms WHERE id = %1"_s.arg(id));
    };
    QCOMPARE(termsOf(paris->id.value), u"#geo $1 @1 france in is paris"_s);
    QCOMPARE(termsOf(tower->id.value), u"#geo $1 @2 in is paris the tower"_s);

    // An update replaces the terms; a read that touches the entry changes none; a removal drops them.
    Api::MemoryEntry changed = paris.value();
    changed.text = u"Lyon is in France too"_s;
    changed.tags = {u"city"_s, u"geo"_s};
    QS_VERIFY_OK(putMemory(*store, changed));
    QCOMPARE(termsOf(paris->id.value), u"#city #geo $1 @1 france in is lyon too"_s);
    QS_VERIFY_OK(touchMemory(*store, {tower->id}, 500));
    QCOMPARE(termsOf(tower->id.value), u"#geo $1 @2 in is paris the tower"_s);
    QS_VERIFY_OK(removeMemory(*store, tower->id.value));
    QCOMPARE(sql(db, u"SELECT count(*) FROM memory_terms WHERE id = %1"_s.arg(tower->id.value)), u"0"_s);

    // Eviction and imports keep them too, and a tag too long for the index is still found.
    const QString longTag(300, u'x');
    QList<Api::MemoryEntry> imported {memoryEntry(3, 1, K::Turn, u"imported Paris"_s, {longTag}, 200),
                                      memoryEntry(3, 1, K::Turn, u"imported Lyon"_s, {}, 210)};
    QS_VERIFY_OK(await<void>([&](QObject *, auto done) { store->importMemory(imported, done); }));
    QCOMPARE(sql(db, u"SELECT count(*) FROM memory_terms WHERE term LIKE '#x%'"_s), u"0"_s);
    Api::MemoryQuery byLongTag;
    byLongTag.tag = longTag;
    byLongTag.text = u"paris"_s;
    QCOMPARE(memoryTexts(*store, byLongTag, 1000).value(), QStringList {u"imported Paris"_s});
    QS_VERIFY_OK(putMemory(*store, memoryEntry(3, 1, K::Turn, u"newest"_s, {}, 220), Api::MemoryBudget {1, 0}));
    QCOMPARE(sql(db,
                 u"SELECT count(*) FROM memory_terms t WHERE NOT EXISTS "
                 "(SELECT 1 FROM memory_entries m WHERE m.id = t.id)"_s),
             u"0"_s);
    QCOMPARE(
        sql(db, u"SELECT count(*) FROM memory_terms"_s),
        sql(db, u"SELECT sum(cardinality(memory_entry_terms(search, tags, owner, swarm_id))) FROM memory_entries"_s));
    Api::MemoryQuery byWord;
    byWord.text = u"lyon"_s;
    QCOMPARE(memoryTexts(*store, byWord, 1000).value(), QStringList {u"Lyon is in France too"_s});

    // A tag that needs quoting in an array literal, read as the driver and looked up as another term.
    const QString odd = u"a\"b,c\\d{e} f"_s;
    QS_VERIFY_OK(putMemory(*store, memoryEntry(4, 1, K::Fact, u"odd tag"_s, {odd}, 300)));
    QS_VERIFY_OK(putMemory(*store, memoryEntry(4, 1, K::Fact, u"odd tag twice"_s, {odd}, 310)));
    QS_VERIFY_OK(putMemory(*store, memoryEntry(4, 1, K::Fact, u"no tag"_s, {}, 320)));
    Api::MemoryQuery byOddTag;
    byOddTag.tag = odd;
    QCOMPARE(memoryTexts(*store, byOddTag, 1000).value(), (QStringList {u"odd tag twice"_s, u"odd tag"_s}));
    byOddTag.text = u"twice"_s;
    QCOMPARE(memoryTexts(*store, byOddTag, 1000).value(), QStringList {u"odd tag twice"_s});

    // Many words: the index narrows by some of them, the text filter checks them all.
    QStringList ten;
    for (int i = 0; i < 10; ++i)
        ten.append(u"word%1"_s.arg(QString(i + 1, u'x')));
    QS_VERIFY_OK(putMemory(*store, memoryEntry(5, 1, K::Fact, ten.join(u' '), {}, 400)));
    QS_VERIFY_OK(putMemory(*store, memoryEntry(5, 1, K::Fact, ten.mid(1).join(u' '), {}, 410)));
    Api::MemoryQuery manyWords;
    manyWords.text = ten.join(u' ');
    QCOMPARE(memoryTexts(*store, manyWords, 1000).value(), QStringList {ten.join(u' ')});
    QStringList thousands = ten;
    for (int i = 0; i < 3000; ++i)
        thousands.append(u"absent%1"_s.arg(i));
    manyWords.text = thousands.join(u' ');
    QCOMPARE(memoryTexts(*store, manyWords, 1000).value(), QStringList {});

    QCOMPARE(sql(db, u"SELECT count(*) FROM memory_terms WHERE term = 'stale'"_s), u"0"_s);
    sql(db, u"TRUNCATE memory_entries"_s);
    QCOMPARE(sql(db, u"SELECT count(*) FROM memory_terms"_s), u"0"_s);
}

void TestPostgresStore::refusesANewerSchema()
{
    const QString db = freshDatabase();
    open(db).reset();
    sql(db, u"INSERT INTO schema_version VALUES (99, 0, 'from the future')"_s);
    verifyRefused(db, u"newer_schema"_s);
    QCOMPARE(sql(db, u"SELECT max(version) FROM schema_version"_s), u"99"_s);
}

void TestPostgresStore::refusesAForeignDatabase_data()
{
    QTest::addColumn<QString>("setup");
    QTest::newRow("another program's tables") << u"CREATE TABLE notes (id INTEGER, body TEXT); "
                                                 "INSERT INTO notes VALUES (1, 'keep me')"_s;
    QTest::newRow("a schema_version that is not ours")
        << u"CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES (1)"_s;
}

void TestPostgresStore::refusesAForeignDatabase()
{
    QFETCH(QString, setup);
    const QString db = freshDatabase();
    sql(db, setup);
    verifyRefused(db, u"foreign_database"_s);
    QCOMPARE(sql(db, u"SELECT to_regclass('tasks') IS NULL"_s), u"t"_s); // nothing of ours was added
}

void TestPostgresStore::reopeningKeepsEverything()
{
    const QString db = freshDatabase();
    auto store = open(db);
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

    store = open(db);
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
    const auto call = await<ProviderCallWrite>([&](QObject *, auto done) { store->recordedCall(u"call-3"_s, done); });
    QS_VERIFY_OK(call);
    QCOMPARE(call->response, QByteArray("{\"answer\":\"A\"}"));
}

void TestPostgresStore::valuesTravelExactly()
{
    // Text that an array literal or a careless encoding would mangle, and doubles at their limits.
    Api::Task task = richTask(1, TaskState::Failed);
    task.spec.promptTemplate = u"{\"a\", b}\\ NULL, 'quoted' \t Ünïcode 🙂 \"end\""_s;
    task.spec.tags = {u"NULL"_s, u""_s, u"{}"_s, u"a,b"_s};
    task.spec.referenceAnswer = u"NULL"_s;
    task.stateReason = QString();
    task.costUsd = 0.1 + 0.2;
    task.spec.budgetUsd = 1.7976931348623157e308;
    task.spec.retry.jitter = 4.9406564584124654e-324;
    task.error->details = {{u"nested"_s, QJsonObject {{u"a"_s, QJsonArray {1, 2.5, u"x"_s}}}}};
    const QString db = freshDatabase();
    auto store = open(db);
    QS_VERIFY_OK(write(*store, TaskWrite {task}));
    store.reset();
    store = open(db);
    const auto read = fetchTask(*store, 1);
    QS_VERIFY_OK(read);
    QVERIFY(read.value() == task);
    Api::TaskQuery query;
    query.page.limit = 10;
    query.text = u"ünïcode 🙂"_s;
    QCOMPARE(idsOf(fetchTasks(*store, query)->items), QList<quint64> {1});
}

void TestPostgresStore::removedIdsAreNotHandedOutAgain()
{
    const QString db = freshDatabase();
    auto store = open(db);
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

    store = open(db);
    const auto snapshot = load(*store);
    QCOMPARE(snapshot->swarms.size(), 1);
    QCOMPARE(snapshot->agents.size(), 1);
    QCOMPARE(snapshot->maxSwarmId, quint64(2)); // the removed swarm's id stays taken
    QCOMPARE(snapshot->maxAgentId, quint64(2));
}

void TestPostgresStore::staysIntactAfterManyBatches()
{
    const QString db = freshDatabase();
    auto store = open(db);
    for (quint64 n = 1; n <= 400; ++n) {
        std::vector<StoreWrite> writes = mixedBatch(n);
        if (n > 1) // and a late write for the task before, which the guard ignores
            writes.push_back(progressOf(n - 1, TaskState::Running, 0, u"late"_s));
        QS_VERIFY_OK(write(*store, std::move(writes)));
    }
    store.reset();

    QCOMPARE(sql(db, u"SELECT count(*) FROM tasks"_s), u"400"_s);
    QCOMPARE(sql(db, u"SELECT count(*) FROM tasks WHERE state_reason = 'late'"_s), u"0"_s);
    QCOMPARE(sql(db, u"SELECT count(*) FROM votes"_s), u"1200"_s);
    QCOMPARE(sql(db, u"SELECT count(*) FROM reputation_points"_s), u"400"_s);
    QCOMPARE(sql(db, u"SELECT count(*) FROM provider_calls"_s), u"5"_s);
    // The history's ids are the order of writing.
    QCOMPARE(sql(db,
                 u"SELECT bool_and(time_ms = id - (SELECT min(id) - 1 FROM reputation_points)) "
                 "FROM reputation_points"_s),
             u"t"_s);
}

void TestPostgresStore::aFailedBatchChangesNothing()
{
    const QString db = freshDatabase();
    auto store = open(db);
    QS_VERIFY_OK(write(*store, TaskWrite {richTask(1)}));
    // The server refuses what its constraints refuse: here, a reputation of alpha 13.
    sql(db, u"ALTER TABLE reputations ADD CONSTRAINT not_thirteen CHECK (alpha <> 13)"_s);
    std::vector<StoreWrite> writes;
    writes.push_back(TaskWrite {richTask(2)});
    writes.push_back(progressOf(1, TaskState::Running, 1, u"started"_s));
    writes.push_back(DecisionWrite {richDecision(1, 1)});
    writes.push_back(ReputationWrite {Api::Reputation {Api::AgentId(1), {}, 13, 1, 1, 1}, std::nullopt});
    const auto written = write(*store, std::move(writes));
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(u"127.0.0.1:%1/%2"_s.arg(m_cluster.port()).arg(db)),
             qPrintable(written.error().message));
    QCOMPARE(written.error().details.value(u"sqlstate"_s).toString(), u"23514"_s);

    QS_VERIFY_ERROR(fetchTask(*store, 2), Api::ErrorCode::NotFound);
    QCOMPARE(fetchTask(*store, 1)->state, TaskState::Queued);
    QS_VERIFY_ERROR(fetchDecision(*store, 1), Api::ErrorCode::NotFound);
    QS_VERIFY_OK(write(*store, TaskWrite {richTask(3)})); // and the store goes on
    QS_VERIFY_OK(fetchTask(*store, 3));
}

void TestPostgresStore::aDroppedConnectionFailsTheNextCallThenReconnects()
{
    const QString db = freshDatabase();
    auto store = open(db);
    QS_VERIFY_OK(write(*store, mixedBatch(1)));
    const int pid = store->backendPid();
    QVERIFY(pid != 0);

    // Another session ends the store's (waiting until it is gone).
    QCOMPARE(sql(db, u"SELECT pg_terminate_backend(%1, 10000)"_s.arg(pid)), u"t"_s);
    const auto failed = write(*store, mixedBatch(2));
    QS_VERIFY_ERROR(failed, Api::ErrorCode::Unavailable);
    QCOMPARE(failed.error().details.value(u"retriable"_s).toBool(), true);
    QVERIFY2(failed.error().message.contains(u"127.0.0.1:%1/%2"_s.arg(m_cluster.port()).arg(db)),
             qPrintable(failed.error().message));
    QCOMPARE(sql(db, u"SELECT count(*) FROM tasks"_s), u"1"_s); // nothing of the failed batch

    // The next call connects again, and the write goes through.
    QS_VERIFY_OK(write(*store, mixedBatch(2)));
    QVERIFY(store->backendPid() != 0);
    QVERIFY(store->backendPid() != pid);
    QCOMPARE(fetchTask(*store, 1)->state, TaskState::Succeeded);
    QCOMPARE(fetchTask(*store, 2)->state, TaskState::Succeeded);
    QCOMPARE(fetchDecision(*store, 2)->rounds.constFirst().votes.size(), 3);
    QCOMPARE(sql(db, u"SELECT count(*) || ' ' || (SELECT count(*) FROM votes) FROM tasks"_s), u"2 6"_s);

    // A read that finds the connection gone fails the same way; the store recovers as well.
    QCOMPARE(sql(db, u"SELECT pg_terminate_backend(%1, 10000)"_s.arg(store->backendPid())), u"t"_s);
    QS_VERIFY_ERROR(fetchTask(*store, 1), Api::ErrorCode::Unavailable);
    QCOMPARE(fetchTask(*store, 1)->state, TaskState::Succeeded);
}

void TestPostgresStore::aDroppedConnectionUnderTheThreadedStore()
{
    // As the programs run it: the error reaches the engine thread, and the store carries on.
    const QString db = freshDatabase();
    auto opened = open(db);
    PostgresStore *postgres = opened.get();
    ThreadedStore store(std::make_unique<GroupCommitStore>(std::move(opened)));
    store.attach(this);
    QS_VERIFY_OK(write(store, mixedBatch(1)));
    QCOMPARE(sql(db, u"SELECT pg_terminate_backend(%1, 10000)"_s.arg(postgres->backendPid())), u"t"_s);
    QS_VERIFY_ERROR(write(store, mixedBatch(2)), Api::ErrorCode::Unavailable);
    QS_VERIFY_OK(write(store, mixedBatch(2)));
    QS_VERIFY_OK(write(store, mixedBatch(3)));
    QCOMPARE(idsOf(load(store)->unfinishedTasks), QList<quint64> {});
    QCOMPARE(load(store)->maxTaskId, quint64(3));
}

void TestPostgresStore::aServerThatIsDownIsUnavailable_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("port");
    const QString port = QString::number(PostgresTestCluster::freePort()); // nothing listens there
    const QString secret = u"s3cr3t-Pa55word"_s;
    QTest::newRow("url") << u"postgresql://qwen:%1@127.0.0.1:%2/swarmdb"_s.arg(secret, port) << port;
    QTest::newRow("key=value") << u"host=127.0.0.1 port=%2 dbname=swarmdb user=qwen password=%1"_s.arg(secret, port)
                               << port;
    QTest::newRow("password as a parameter")
        << u"postgresql://qwen@127.0.0.1:%2/swarmdb?password=%1&connect_timeout=5"_s.arg(secret, port) << port;
}

void TestPostgresStore::aServerThatIsDownIsUnavailable()
{
    QFETCH(QString, url);
    QFETCH(QString, port);
    const auto opened = PostgresStore::open(url);
    QS_VERIFY_ERROR(opened, Api::ErrorCode::Unavailable);
    const Api::Error &error = opened.error();
    QVERIFY2(error.message.contains(u"127.0.0.1:%1/swarmdb"_s.arg(port)), qPrintable(error.message));
    QCOMPARE(error.details.value(u"host"_s).toString(), u"127.0.0.1"_s);
    QCOMPARE(error.details.value(u"port"_s).toString(), port);
    QCOMPARE(error.details.value(u"database"_s).toString(), u"swarmdb"_s);
    QCOMPARE(error.details.value(u"retriable"_s).toBool(), true);
    QVERIFY2(!errorText(error).contains(u"s3cr3t"_s), qPrintable(errorText(error))); // never the password
}

void TestPostgresStore::aUrlThatIsNotOneIsRefused()
{
    const auto opened = PostgresStore::open(u"postgresql://qwen:s3cr3t-Pa55word@127.0.0.1:5432/db?bogus=%zz"_s);
    QS_VERIFY_ERROR(opened, Api::ErrorCode::InvalidArgument);
    QVERIFY(!errorText(opened.error()).contains(u"s3cr3t"_s));
}

void TestPostgresStore::aDatabaseInUseIsRefused()
{
    const QString db = freshDatabase();
    auto first = open(db);
    const auto second = PostgresStore::open(m_cluster.url(db), PostgresStore::Options {100});
    QS_VERIFY_ERROR(second, Api::ErrorCode::Unavailable);
    QCOMPARE(second.error().details.value(u"reason"_s).toString(), u"in_use"_s);
    QS_VERIFY_OK(write(*first, TaskWrite {richTask(1)})); // the first one is not disturbed
    first.reset();
    auto third = PostgresStore::open(m_cluster.url(db), PostgresStore::Options {100}); // free once it closed
    QS_VERIFY_OK(third);
    QS_VERIFY_OK(fetchTask(*third.value(), 1));
}

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "tst_postgresstore.moc"
