// The Store contract: every case runs against each store (the global data), so MemoryStore,
// SqliteStore and PostgresStore are held to the same semantics, the durable stores both called
// directly and as the programs run them: ThreadedStore(GroupCommitStore(store)), answering on this
// thread through its event loop. reopen() is what a restart does to a store: SQLite closes and opens
// its file again, PostgreSQL its connection; memory keeps what it has. PostgresStore runs against a
// throwaway cluster this test starts (an empty database per case); its rows skip only where there is
// no PostgreSQL at all and CI is not set.
#include "storememoryhelpers.h"
#include "storequeryfixtures.h"
#include "storetesthelpers.h"

#include "store/groupcommitstore.h"
#include "store/memorystore.h"
#include "store/postgresstore.h"
#include "store/sqlitestore.h"
#include "store/threadedstore.h"

#include <api/jsonworkflow.h>

#include <postgrestestcluster.h>

#include <QJsonDocument>
#include <QTemporaryDir>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::DecisionOutcome;
using Api::TaskState;

namespace {

Api::ReputationPoint point(quint64 agent, const QString &tag, qint64 timeMs)
{
    return Api::ReputationPoint {Api::AgentId(agent),
                                 tag,
                                 double(timeMs),
                                 2,
                                 Api::ReputationCause::Agreement,
                                 Api::DecisionId(quint64(timeMs)),
                                 timeMs};
}

// The runs of the run queries: id -> workflow, state; a key on 2, 5 and 8 (finished or not).
struct RunRow
{
    quint64 id;
    const char16_t *workflow;
    Api::RunState state;
};

const RunRow runRows[] = {
    {1, u"triage", Api::RunState::Running},          {2, u"report", Api::RunState::Succeeded},
    {3, u"triage", Api::RunState::Failed},           {4, u"triage", Api::RunState::Paused},
    {5, u"report", Api::RunState::AwaitingApproval}, {6, u"triage", Api::RunState::Running},
    {7, u"report", Api::RunState::Cancelled},        {8, u"triage", Api::RunState::Succeeded},
};

Api::Run rowRun(const RunRow &row)
{
    Api::Run run = richRun(row.id, row.state);
    run.workflow.name = QString::fromUtf16(row.workflow);
    if (row.id % 3 != 2)
        run.idempotencyKey.clear();
    return run;
}

QByteArray compactJson(const Api::Run &run)
{
    return QJsonDocument(Api::toJson(run).toObject()).toJson(QJsonDocument::Compact);
}

// Every run the query finds, page after page (limit `pageSize`), by id; {0} when a page fails.
QList<quint64> allRuns(Store &store, Api::RunQuery query, int pageSize)
{
    QList<quint64> ids;
    query.page.limit = pageSize;
    for (int pages = 0; pages < 100; ++pages) {
        const auto page = fetchRuns(store, query);
        if (!page)
            return {0};
        ids += idsOf(page->items);
        if (page->nextCursor.isEmpty())
            break;
        query.page.cursor = page->nextCursor;
    }
    return ids;
}

} // namespace

class TestStoreContract : public QObject
{
    Q_OBJECT

private:
    // The store of the current global data row.
    std::unique_ptr<Store> open();
    // What a restart does (see the top of the file).
    void reopen(std::unique_ptr<Store> &store);
    void fill(Store &store);
    void fillRuns(Store &store);

    QTemporaryDir m_dir;
    QString m_path;
    QString m_url; // of the PostgreSQL database of the case
    int m_files = 0;
    PostgresTestCluster m_cluster; // started by the first postgres case

private slots:
    void initTestCase_data();
    void init();
    void kind();
    void roundTrip();
    void loadListsOnlyUnfinishedTasks_data();
    void loadListsOnlyUnfinishedTasks();
    void removedSwarmsAndAgentsAreGone();
    void operatorProvidersAreKeptByName();
    void progressUpdatesTheTask();
    void writesOfOneBatchApplyInOrder();
    void severalWritesOfATaskInOneBatch_data();
    void severalWritesOfATaskInOneBatch();
    void succeededTaskIsFinal_data();
    void succeededTaskIsFinal();
    void olderAttemptIsIgnored_data();
    void olderAttemptIsIgnored();
    void progressOfUnknownTaskChangesNothing();
    void decisionsAreImmutable();
    void feedbackIsAttachedAndReplaced();
    void notFound();
    void queryTasks_data();
    void queryTasks();
    void textSearchIsLiteralAndUnicodeAware_data();
    void textSearchIsLiteralAndUnicodeAware();
    void queryDecisions_data();
    void queryDecisions();
    void taskPaging_data();
    void taskPaging();
    void decisionPaging();
    void pagingAcrossManyFullPages();
    void pagingIsStableWhileTasksAreWritten();
    void badPageRequests_data();
    void badPageRequests();
    void reputationsAreCurrentPerAgentAndTag();
    void reputationHistory_data();
    void reputationHistory();
    void memoryRoundTrip();
    void memoryImport();
    void memorySearch_data();
    void memorySearch();
    void memoryPaging();
    void memoryExpiry();
    void memoryEviction_data();
    void memoryEviction();
    void runRoundTrip();
    void aRunWrittenAgainIsReplaced();
    void unknownRunIsNotFound();
    void queryRuns_data();
    void queryRuns();
    void runPaging();
    void loadListsOnlyUnfinishedRuns_data();
    void loadListsOnlyUnfinishedRuns();
    void loadHoldsUnfinishedRunsAndEveryRunsKey();
    void metricsRollupsAreKeptByMinuteAndPruned();
};

std::unique_ptr<Store> TestStoreContract::open()
{
    QFETCH_GLOBAL(QString, kind);
    QFETCH_GLOBAL(bool, threaded);
    if (kind == u"memory"_s)
        return std::make_unique<MemoryStore>();
    const auto opened = [&kind](auto result) -> std::unique_ptr<Store> {
        if (!result)
            qFatal("opening a %s store failed: %s", qPrintable(kind), qPrintable(result.error().message));
        return std::move(result).value();
    };
    std::unique_ptr<Store> inner
        = kind == u"postgres"_s ? opened(PostgresStore::open(m_url)) : opened(SqliteStore::open(m_path));
    if (!threaded)
        return inner;
    auto store = std::make_unique<ThreadedStore>(std::make_unique<GroupCommitStore>(std::move(inner)));
    store->attach(this);
    return store;
}

void TestStoreContract::reopen(std::unique_ptr<Store> &store)
{
    if (store->kind() == u"memory"_s)
        return;
    store.reset(); // closed (everything written) before it is opened again
    store = open();
}

void TestStoreContract::fill(Store &store)
{
    std::vector<StoreWrite> writes;
    for (const TaskRow &row : taskRows)
        writes.push_back(TaskWrite {rowTask(row)});
    for (const DecisionRow &row : decisionRows)
        writes.push_back(DecisionWrite {rowDecision(row)});
    QS_VERIFY_OK(write(store, std::move(writes)));
}

void TestStoreContract::fillRuns(Store &store)
{
    std::vector<StoreWrite> writes;
    for (const RunRow &row : runRows)
        writes.push_back(RunWrite {rowRun(row)});
    QS_VERIFY_OK(write(store, std::move(writes)));
}

void TestStoreContract::initTestCase_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("threaded");
    QTest::newRow("memory") << u"memory"_s << false;
    QTest::newRow("sqlite") << u"sqlite"_s << false;
    QTest::newRow("sqlite threaded") << u"sqlite"_s << true;
    QTest::newRow("postgres") << u"postgres"_s << false;
    QTest::newRow("postgres threaded") << u"postgres"_s << true;
}

void TestStoreContract::init()
{
    QFETCH_GLOBAL(QString, kind);
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"store-%1.sqlite3"_s.arg(++m_files)); // a fresh file per case
    if (kind == u"postgres"_s) {
        QS_START_POSTGRES(m_cluster);
        QVERIFY2(m_cluster.resetDatabase(u"contract"_s), qPrintable(m_cluster.error())); // empty for each case
        m_url = m_cluster.url(u"contract"_s);
    }
}

void TestStoreContract::kind()
{
    QFETCH_GLOBAL(QString, kind);
    QCOMPARE(open()->kind(), kind);
}

void TestStoreContract::roundTrip()
{
    auto store = open();
    const Api::Swarm swarm = richSwarm(4, {Api::AgentId(3), Api::AgentId(9)});
    const Api::Agent first = richAgent(3, 4);
    Api::Agent second = richAgent(9, 4);
    second.spec.role = Api::AgentRole::Critic;
    const Api::Task queued = richTask(1);
    const Api::Task succeeded = richTask(2, TaskState::Succeeded);
    Api::Task failed = richTask(3, TaskState::Failed);
    failed.spec.strategy.reset();
    failed.spec.variables = {};
    failed.spec.tags = {};
    const Api::Decision decision = richDecision(20, 2);

    std::vector<StoreWrite> writes;
    writes.push_back(SwarmWrite {swarm});
    writes.push_back(AgentWrite {first});
    writes.push_back(AgentWrite {second});
    writes.push_back(TaskWrite {queued});
    writes.push_back(TaskWrite {succeeded});
    writes.push_back(TaskWrite {failed});
    writes.push_back(DecisionWrite {decision});
    QS_VERIFY_OK(write(*store, std::move(writes)));

    for (int pass = 0; pass < 2; ++pass) {
        QVERIFY(fetchTask(*store, 1).value() == queued);
        QVERIFY(fetchTask(*store, 2).value() == succeeded);
        QVERIFY(fetchTask(*store, 3).value() == failed);
        QVERIFY(fetchDecision(*store, 20).value() == decision);

        const auto snapshot = load(*store);
        QS_VERIFY_OK(snapshot);
        QCOMPARE(snapshot->swarms.size(), 1);
        QVERIFY(snapshot->swarms.constFirst() == swarm);
        QList<Api::Agent> agents = snapshot->agents;
        std::sort(agents.begin(), agents.end(), [](const Api::Agent &a, const Api::Agent &b) { return a.id < b.id; });
        QCOMPARE(agents.size(), 2);
        QVERIFY(agents[0] == first);
        QVERIFY(agents[1] == second);
        QCOMPARE(idsOf(snapshot->unfinishedTasks), QList<quint64> {1});
        QVERIFY(snapshot->unfinishedTasks.constFirst() == queued);
        QCOMPARE(snapshot->maxTaskId, quint64(3));
        QCOMPARE(snapshot->maxDecisionId, quint64(20));
        QCOMPARE(snapshot->maxSwarmId, quint64(4));
        QCOMPARE(snapshot->maxAgentId, quint64(9));
        reopen(store);
    }
}

void TestStoreContract::loadListsOnlyUnfinishedTasks_data()
{
    QTest::addColumn<TaskState>("state");
    QTest::addColumn<bool>("unfinished");

    QTest::newRow("queued") << TaskState::Queued << true;
    QTest::newRow("running") << TaskState::Running << true;
    QTest::newRow("deciding") << TaskState::Deciding << true;
    QTest::newRow("succeeded") << TaskState::Succeeded << false;
    QTest::newRow("failed") << TaskState::Failed << false;
    QTest::newRow("cancelled") << TaskState::Cancelled << false;
    QTest::newRow("timed_out") << TaskState::TimedOut << false;
}

void TestStoreContract::loadListsOnlyUnfinishedTasks()
{
    QFETCH(TaskState, state);
    QFETCH(bool, unfinished);

    auto store = open();
    Api::Task keyed = richTask(5, state);
    keyed.spec.idempotencyKey = u"order-5"_s;
    QS_VERIFY_OK(write(*store, TaskWrite {keyed}));
    reopen(store);
    const auto snapshot = load(*store);
    QS_VERIFY_OK(snapshot);
    QCOMPARE(snapshot->unfinishedTasks.size(), unfinished ? 1 : 0);
    if (unfinished)
        QVERIFY(snapshot->unfinishedTasks.constFirst() == keyed);
    QCOMPARE(snapshot->maxTaskId, quint64(5)); // finished or not, the id is taken
    // Finished or not, the key keeps answering its task.
    QCOMPARE(snapshot->idempotencyKeys, (QHash<QString, Api::TaskId> {{u"order-5"_s, Api::TaskId(5)}}));
}

void TestStoreContract::operatorProvidersAreKeptByName()
{
    auto store = open();
    Api::ProviderSettings qwen;
    qwen.name = u"qwen"_s;
    qwen.baseUrl = u"https://dashscope-intl.aliyuncs.com/compatible-mode/v1"_s;
    qwen.defaultModel = u"qwen-plus"_s;
    qwen.parameters = {{u"temperature"_s, 0.3}};
    qwen.prices = {{u"*"_s, 0.4, 1.2}};
    qwen.keyRef = u"env:DASHSCOPE_API_KEY"_s;
    Api::ProviderSettings local = qwen;
    local.name = u"local"_s;
    local.keyRef.clear();
    std::vector<StoreWrite> writes;
    writes.push_back(ProviderWrite {qwen});
    writes.push_back(ProviderWrite {local});
    qwen.defaultModel = u"qwen-max"_s; // written again in the same batch: the last one stays
    writes.push_back(ProviderWrite {qwen});
    QS_VERIFY_OK(write(*store, std::move(writes)));
    reopen(store);
    auto snapshot = load(*store);
    QS_VERIFY_OK(snapshot);
    QCOMPARE(snapshot->providers, (QList<Api::ProviderSettings> {local, qwen})); // by name

    QS_VERIFY_OK(write(*store, ProviderWrite {local, true}));
    reopen(store);
    snapshot = load(*store);
    QCOMPARE(snapshot->providers, QList<Api::ProviderSettings> {qwen});
}

void TestStoreContract::removedSwarmsAndAgentsAreGone()
{
    auto store = open();
    Api::Swarm swarm = richSwarm(1, {Api::AgentId(2), Api::AgentId(3)});
    std::vector<StoreWrite> writes;
    writes.push_back(SwarmWrite {swarm});
    writes.push_back(AgentWrite {richAgent(2, 1)});
    writes.push_back(AgentWrite {richAgent(3, 1)});
    QS_VERIFY_OK(write(*store, std::move(writes)));

    QS_VERIFY_OK(write(*store, AgentWrite {richAgent(2, 1), true}));
    reopen(store);
    auto snapshot = load(*store);
    QCOMPARE(snapshot->agents.size(), 1);
    QCOMPARE(snapshot->agents.constFirst().id, Api::AgentId(3));

    // A swarm that is written again is replaced, not duplicated.
    swarm.name = u"renamed"_s;
    QS_VERIFY_OK(write(*store, SwarmWrite {swarm}));
    reopen(store);
    snapshot = load(*store);
    QCOMPARE(snapshot->swarms.size(), 1);
    QCOMPARE(snapshot->swarms.constFirst().name, u"renamed"_s);

    QS_VERIFY_OK(write(*store, SwarmWrite {swarm, true}));
    reopen(store);
    snapshot = load(*store);
    QVERIFY(snapshot->swarms.isEmpty());
}

void TestStoreContract::progressUpdatesTheTask()
{
    auto store = open();
    Api::Task task = richTask(1);
    task.attempt = 0;
    QS_VERIFY_OK(write(*store, TaskWrite {task}));

    TaskProgress running = progressOf(1, TaskState::Running, 1, u"started"_s);
    running.startedMs = 1700000000500;
    running.costUsd = 0.003;
    QS_VERIFY_OK(write(*store, running));
    reopen(store);
    auto read = fetchTask(*store, 1);
    QS_VERIFY_OK(read);
    QCOMPARE(read->state, TaskState::Running);
    QCOMPARE(read->attempt, 1);
    QCOMPARE(read->stateReason, u"started"_s);
    QCOMPARE(read->startedMs, qint64(1700000000500));
    QCOMPARE(read->costUsd, 0.003);
    QVERIFY(read->spec == task.spec); // progress leaves the spec alone
    QCOMPARE(read->createdMs, task.createdMs);

    TaskProgress done = running;
    done.state = TaskState::Succeeded;
    done.stateReason = u"decided"_s;
    done.finishedMs = 1700000009000;
    done.costUsd = 0.004;
    done.result = Api::TaskResult {u"Paris"_s, Api::DecisionId(77), 0.75};
    QS_VERIFY_OK(write(*store, done));
    reopen(store);
    read = fetchTask(*store, 1);
    QS_VERIFY_OK(read);
    QCOMPARE(read->state, TaskState::Succeeded);
    QCOMPARE(read->finishedMs, qint64(1700000009000));
    QVERIFY(read->result == done.result);
    QVERIFY(!read->error.has_value());

    // Progress that sets an error (a failed attempt) is kept too.
    QS_VERIFY_OK(write(*store, TaskWrite {richTask(2)}));
    TaskProgress failed = progressOf(2, TaskState::Failed, 1);
    failed.error = Api::makeError(Api::ErrorCode::ProviderError, u"all calls failed"_s, {{u"retriable"_s, true}});
    QS_VERIFY_OK(write(*store, failed));
    reopen(store);
    read = fetchTask(*store, 2);
    QVERIFY(read->error == failed.error);
    QVERIFY(!read->result.has_value());
}

void TestStoreContract::writesOfOneBatchApplyInOrder()
{
    auto store = open();
    Api::Task task = richTask(1);
    std::vector<StoreWrite> writes;
    writes.push_back(TaskWrite {task});
    writes.push_back(progressOf(1, TaskState::Running, 1, u"started"_s));
    TaskProgress done = progressOf(1, TaskState::Succeeded, 1, u"decided"_s);
    done.result = Api::TaskResult {u"A"_s, Api::DecisionId(1), 1};
    writes.push_back(done);
    writes.push_back(progressOf(1, TaskState::Failed, 2, u"too late"_s)); // the result is final
    writes.push_back(DecisionWrite {richDecision(1, 1)});
    QS_VERIFY_OK(write(*store, std::move(writes)));
    reopen(store);
    const auto read = fetchTask(*store, 1);
    QS_VERIFY_OK(read);
    QCOMPARE(read->state, TaskState::Succeeded);
    QCOMPARE(read->stateReason, u"decided"_s);
    QVERIFY(read->result == done.result);
    QS_VERIFY_OK(fetchDecision(*store, 1));
}

void TestStoreContract::severalWritesOfATaskInOneBatch_data()
{
    // The stored task ("none", or "state attempt") and a batch of writes of it ("progress|write state
    // attempt reason"), then the task as stored after the batch ("state attempt reason", or "none").
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QStringList>("batch");
    QTest::addColumn<QString>("expected");

    QTest::newRow("through its states") << u"queued 1"_s
                                        << QStringList {u"progress running 1 r"_s, u"progress succeeded 1 s"_s}
                                        << u"succeeded 1 s"_s;
    QTest::newRow("failed and retried") << u"queued 1"_s
                                        << QStringList {u"progress running 1 r"_s, u"progress failed 1 f"_s,
                                                        u"progress queued 2 q"_s, u"progress running 2 r2"_s}
                                        << u"running 2 r2"_s;
    QTest::newRow("late attempts, both ignored")
        << u"running 3"_s << QStringList {u"progress queued 2 old"_s, u"progress running 2 older"_s}
        << u"running 3 accepted"_s;
    QTest::newRow("a newer attempt, then a late one")
        << u"running 2"_s << QStringList {u"progress failed 3 x"_s, u"progress running 1 late"_s} << u"failed 3 x"_s;
    QTest::newRow("already succeeded") << u"succeeded 1"_s
                                       << QStringList {u"progress running 2 r"_s, u"progress failed 2 f"_s}
                                       << u"succeeded 1 accepted"_s;
    QTest::newRow("succeeded, then anything")
        << u"queued 1"_s << QStringList {u"progress succeeded 1 done"_s, u"progress failed 2 after"_s}
        << u"succeeded 1 done"_s;
    QTest::newRow("a full write between")
        << u"running 1"_s
        << QStringList {u"progress running 1 a"_s, u"write queued 1 rewritten"_s, u"progress deciding 1 b"_s}
        << u"deciding 1 b"_s;
    QTest::newRow("a full write of an older attempt between")
        << u"running 2"_s
        << QStringList {u"progress running 2 a"_s, u"write queued 1 rewritten"_s, u"progress deciding 2 b"_s}
        << u"deciding 2 b"_s;
    QTest::newRow("inserted and carried on")
        << u"none"_s << QStringList {u"write queued 1 new"_s, u"progress running 1 r"_s, u"progress succeeded 1 s"_s}
        << u"succeeded 1 s"_s;
    QTest::newRow("progress of an unknown task")
        << u"none"_s << QStringList {u"progress running 1 r"_s, u"progress succeeded 1 s"_s} << u"none"_s;
}

void TestStoreContract::severalWritesOfATaskInOneBatch()
{
    QFETCH(QString, stored);
    QFETCH(QStringList, batch);
    QFETCH(QString, expected);

    const auto state = [](const QString &name) { return Api::enumFromName<TaskState>(name).value(); };
    auto store = open();
    if (stored != u"none"_s) {
        const QStringList parts = stored.split(u' ');
        Api::Task task = richTask(1, state(parts[0]));
        task.attempt = parts[1].toInt();
        QS_VERIFY_OK(write(*store, TaskWrite {task}));
    }
    std::vector<StoreWrite> writes;
    for (const QString &step : batch) {
        const QStringList parts = step.split(u' ');
        if (parts[0] == u"write"_s) {
            Api::Task task = richTask(1, state(parts[1]));
            task.attempt = parts[2].toInt();
            task.stateReason = parts[3];
            writes.push_back(TaskWrite {task});
        } else {
            writes.push_back(progressOf(1, state(parts[1]), parts[2].toInt(), parts[3]));
        }
    }
    QS_VERIFY_OK(write(*store, std::move(writes)));
    reopen(store);
    const auto read = fetchTask(*store, 1);
    if (expected == u"none"_s) {
        QS_VERIFY_ERROR(read, Api::ErrorCode::NotFound);
        return;
    }
    QS_VERIFY_OK(read);
    QCOMPARE(u"%1 %2 %3"_s.arg(Api::enumName(read->state).toString()).arg(read->attempt).arg(read->stateReason),
             expected);
}

void TestStoreContract::succeededTaskIsFinal_data()
{
    QTest::addColumn<bool>("fullWrite");
    QTest::addColumn<int>("attempt");

    QTest::newRow("progress, same attempt") << false << 1;
    QTest::newRow("progress, newer attempt") << false << 2;
    QTest::newRow("full write, same attempt") << true << 1;
    QTest::newRow("full write, newer attempt") << true << 5;
}

void TestStoreContract::succeededTaskIsFinal()
{
    QFETCH(bool, fullWrite);
    QFETCH(int, attempt);

    auto store = open();
    const Api::Task succeeded = richTask(1, TaskState::Succeeded);
    QS_VERIFY_OK(write(*store, TaskWrite {succeeded}));
    Api::Task late = richTask(1, TaskState::Failed);
    late.attempt = attempt;
    late.spec.promptTemplate = u"changed"_s;
    if (fullWrite)
        QS_VERIFY_OK(write(*store, TaskWrite {late}));
    else
        QS_VERIFY_OK(write(*store, TaskProgress::of(late)));
    reopen(store);
    const auto read = fetchTask(*store, 1);
    QS_VERIFY_OK(read);
    QVERIFY(read.value() == succeeded);
}

void TestStoreContract::olderAttemptIsIgnored_data()
{
    QTest::addColumn<bool>("fullWrite");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<bool>("applied");

    QTest::newRow("progress of an older attempt") << false << 2 << false;
    QTest::newRow("full write of an older attempt") << true << 2 << false;
    QTest::newRow("progress of the same attempt") << false << 3 << true;
    QTest::newRow("progress of a newer attempt") << false << 4 << true;
    QTest::newRow("full write of the same attempt") << true << 3 << true;
}

void TestStoreContract::olderAttemptIsIgnored()
{
    QFETCH(bool, fullWrite);
    QFETCH(int, attempt);
    QFETCH(bool, applied);

    auto store = open();
    Api::Task current = richTask(1, TaskState::Running);
    current.attempt = 3;
    QS_VERIFY_OK(write(*store, TaskWrite {current}));
    Api::Task late = richTask(1, TaskState::Failed);
    late.attempt = attempt;
    late.stateReason = u"late"_s;
    if (fullWrite)
        QS_VERIFY_OK(write(*store, TaskWrite {late}));
    else
        QS_VERIFY_OK(write(*store, TaskProgress::of(late)));
    reopen(store);
    const auto read = fetchTask(*store, 1);
    QS_VERIFY_OK(read);
    QCOMPARE(read->state, applied ? TaskState::Failed : TaskState::Running);
    QCOMPARE(read->attempt, applied ? attempt : 3);
    QCOMPARE(read->stateReason, applied ? u"late"_s : u"accepted"_s);
}

void TestStoreContract::progressOfUnknownTaskChangesNothing()
{
    auto store = open();
    QS_VERIFY_OK(write(*store, progressOf(9, TaskState::Running, 1)));
    reopen(store);
    QS_VERIFY_ERROR(fetchTask(*store, 9), Api::ErrorCode::NotFound);
    QCOMPARE(load(*store)->maxTaskId, quint64(0));
}

void TestStoreContract::decisionsAreImmutable()
{
    auto store = open();
    const Api::Decision original = richDecision(1, 1);
    QS_VERIFY_OK(write(*store, DecisionWrite {original}));
    Api::Decision rewritten = original;
    rewritten.answer = u"Lyon"_s;
    rewritten.agreement = 0.1;
    rewritten.rounds = {Api::Round {0, {richVote(7)}}};
    QS_VERIFY_OK(write(*store, DecisionWrite {rewritten}));
    reopen(store);
    const auto read = fetchDecision(*store, 1);
    QS_VERIFY_OK(read);
    QVERIFY(read.value() == original);
    const auto page = fetchDecisions(*store, decisionQuery());
    QS_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
    QVERIFY(page->items.constFirst() == original);
}

void TestStoreContract::feedbackIsAttachedAndReplaced()
{
    auto store = open();
    QS_VERIFY_OK(write(*store, DecisionWrite {richDecision(1, 1)}));
    QS_VERIFY_OK(write(*store, DecisionWrite {richDecision(2, 2)}));
    const Api::DecisionFeedback wrong {false, u"Lyon"_s, u"checked the atlas"_s, u"ops"_s, 1700000005000};
    const Api::DecisionFeedback right {true, {}, u"second look"_s, u"admin"_s, 1700000006000};
    QS_VERIFY_OK(write(*store, FeedbackWrite {Api::DecisionId(1), wrong}));
    reopen(store);
    QVERIFY(fetchDecision(*store, 1)->feedback == wrong);
    QVERIFY(!fetchDecision(*store, 2)->feedback.has_value());

    QS_VERIFY_OK(write(*store, FeedbackWrite {Api::DecisionId(1), right}));
    reopen(store);
    QVERIFY(fetchDecision(*store, 1)->feedback == right);
    const auto page = fetchDecisions(*store, decisionQuery());
    QS_VERIFY_OK(page);
    QCOMPARE(idsOf(page->items), (QList<quint64> {2, 1}));
    QVERIFY(page->items[1].feedback == right);
}

void TestStoreContract::notFound()
{
    auto store = open();
    QS_VERIFY_ERROR(fetchTask(*store, 1), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(fetchDecision(*store, 1), Api::ErrorCode::NotFound);
    fill(*store);
    QS_VERIFY_ERROR(fetchTask(*store, 99), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(fetchDecision(*store, 99), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(fetchTask(*store, 0), Api::ErrorCode::NotFound);
    QS_VERIFY_OK(fetchTask(*store, 12));
    QS_VERIFY_OK(fetchDecision(*store, 10));
}

void TestStoreContract::queryTasks_data()
{
    QTest::addColumn<Api::TaskQuery>("query");
    QTest::addColumn<QList<quint64>>("ids");

    QTest::newRow("everything, newest first") << taskQuery() << QList<quint64> {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    Api::TaskQuery q = taskQuery();
    q.states = {TaskState::Queued};
    QTest::newRow("queued") << q << QList<quint64> {11, 7, 1};
    q.states = {TaskState::Succeeded, TaskState::Failed};
    QTest::newRow("succeeded or failed") << q << QList<quint64> {12, 10, 4, 3};
    q = taskQuery();
    q.swarmId = Api::SwarmId(1);
    QTest::newRow("swarm 1") << q << QList<quint64> {11, 9, 7, 5, 3, 1};
    q.swarmId = Api::SwarmId(2);
    q.states = {TaskState::Succeeded};
    QTest::newRow("swarm 2, succeeded") << q << QList<quint64> {12, 10};
    q = taskQuery();
    q.strategy = u"plurality"_s;
    QTest::newRow("strategy plurality") << q << QList<quint64> {11, 8, 5, 2};
    q.strategy = u"weighted"_s;
    QTest::newRow("strategy weighted") << q << QList<quint64> {12, 9, 6, 3};
    q = taskQuery();
    q.text = u"capital"_s;
    QTest::newRow("text in prompt, tags or string variables") << q << QList<quint64> {10, 9, 7};
    q.text = u"CAPITAL"_s;
    QTest::newRow("text is case-insensitive") << q << QList<quint64> {10, 9, 7};
    q.text = u"question 1"_s;
    QTest::newRow("text in prompts") << q << QList<quint64> {12, 11, 10, 1};
    q.text = u"5"_s;
    QTest::newRow("numbers in variables are not text") << q << QList<quint64> {5};
    q.text = u"zebra"_s;
    QTest::newRow("text nowhere") << q << QList<quint64> {};
    q = taskQuery();
    q.createdFromMs = 1050;
    QTest::newRow("created from (inclusive)") << q << QList<quint64> {12, 11, 10, 9, 8, 7, 6, 5};
    q = taskQuery();
    q.createdToMs = 1050;
    QTest::newRow("created to (exclusive)") << q << QList<quint64> {4, 3, 2, 1};
    q.createdFromMs = 1030;
    q.createdToMs = 1070;
    QTest::newRow("created range") << q << QList<quint64> {6, 5, 4, 3};
    q = taskQuery();
    q.swarmId = Api::SwarmId(1);
    q.states = {TaskState::Queued};
    q.text = u"capital"_s;
    QTest::newRow("filters combine") << q << QList<quint64> {7};
}

void TestStoreContract::queryTasks()
{
    QFETCH(Api::TaskQuery, query);
    QFETCH(QList<quint64>, ids);

    auto store = open();
    fill(*store);
    reopen(store);
    const auto page = fetchTasks(*store, query);
    QS_VERIFY_OK(page);
    QCOMPARE(idsOf(page->items), ids);
    QVERIFY(page->nextCursor.isEmpty());
    for (const Api::Task &task : page->items)
        QVERIFY(task == rowTask(taskRows[task.id.value - 1]));
}

void TestStoreContract::textSearchIsLiteralAndUnicodeAware_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<quint64>>("ids");

    QTest::newRow("accented capital letters") << u"ÄRGER"_s << QList<quint64> {1};
    QTest::newRow("in a tag, beyond ASCII") << u"STRASSE"_s << QList<quint64> {};
    QTest::newRow("a tag, as written") << u"straße"_s << QList<quint64> {2};
    QTest::newRow("quotes in a variable") << u"say \"hi\""_s << QList<quint64> {3};
    QTest::newRow("percent is literal") << u"100%"_s << QList<quint64> {4};
    QTest::newRow("underscore is literal") << u"a_b"_s << QList<quint64> {4};
    QTest::newRow("wildcards match nothing else") << u"%"_s << QList<quint64> {4};
    QTest::newRow("a variable's name is not text") << u"greeting"_s << QList<quint64> {};
}

void TestStoreContract::textSearchIsLiteralAndUnicodeAware()
{
    QFETCH(QString, text);
    QFETCH(QList<quint64>, ids);

    auto store = open();
    std::vector<StoreWrite> writes;
    Api::Task task = rowTask(taskRows[0]);
    task.spec.promptTemplate = u"Ärger im Büro"_s;
    writes.push_back(TaskWrite {task});
    task.id = Api::TaskId(2);
    task.spec.promptTemplate = u"plain"_s;
    task.spec.tags = {u"Straße"_s};
    writes.push_back(TaskWrite {task});
    task.id = Api::TaskId(3);
    task.spec.tags = {};
    task.spec.variables = {{u"greeting"_s, u"say \"hi\""_s}};
    writes.push_back(TaskWrite {task});
    task.id = Api::TaskId(4);
    task.spec.variables = {};
    task.spec.promptTemplate = u"100% of a_b"_s;
    writes.push_back(TaskWrite {task});
    QS_VERIFY_OK(write(*store, std::move(writes)));

    Api::TaskQuery query = taskQuery();
    query.text = text;
    const auto page = fetchTasks(*store, query);
    QS_VERIFY_OK(page);
    QCOMPARE(idsOf(page->items), ids);
}

void TestStoreContract::queryDecisions_data()
{
    QTest::addColumn<Api::DecisionQuery>("query");
    QTest::addColumn<QList<quint64>>("ids");

    QTest::newRow("everything, newest first") << decisionQuery() << QList<quint64> {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    Api::DecisionQuery q = decisionQuery();
    q.swarmId = Api::SwarmId(2);
    QTest::newRow("swarm 2") << q << QList<quint64> {10, 8, 6, 2};
    q = decisionQuery();
    q.taskId = Api::TaskId(3);
    QTest::newRow("task 3, both attempts") << q << QList<quint64> {4, 3};
    q = decisionQuery();
    q.strategy = u"weighted"_s;
    QTest::newRow("strategy") << q << QList<quint64> {9, 6, 4, 3};
    q = decisionQuery();
    q.outcome = DecisionOutcome::NoDecision;
    QTest::newRow("no decision") << q << QList<quint64> {9, 5, 2};
    q.outcome = DecisionOutcome::Decided;
    QTest::newRow("decided") << q << QList<quint64> {10, 8, 7, 6, 4, 3, 1};
    q = decisionQuery();
    q.minAgreement = 0.75;
    QTest::newRow("agreement at least 0.75 (inclusive)") << q << QList<quint64> {10, 8, 6, 3, 1};
    q = decisionQuery();
    q.maxAgreement = 0.5;
    QTest::newRow("agreement at most 0.5 (inclusive)") << q << QList<quint64> {9, 7, 5, 2};
    q.minAgreement = 0.5;
    q.maxAgreement = 0.8;
    QTest::newRow("agreement range") << q << QList<quint64> {7, 6, 4, 3, 2};
    q = decisionQuery();
    q.createdFromMs = 2050;
    q.createdToMs = 2090;
    QTest::newRow("created range") << q << QList<quint64> {8, 7, 6, 5};
    q = decisionQuery();
    q.swarmId = Api::SwarmId(1);
    q.outcome = DecisionOutcome::Decided;
    q.minAgreement = 0.6;
    QTest::newRow("filters combine") << q << QList<quint64> {4, 3, 1};
}

void TestStoreContract::queryDecisions()
{
    QFETCH(Api::DecisionQuery, query);
    QFETCH(QList<quint64>, ids);

    auto store = open();
    fill(*store);
    reopen(store);
    const auto page = fetchDecisions(*store, query);
    QS_VERIFY_OK(page);
    QCOMPARE(idsOf(page->items), ids);
    QVERIFY(page->nextCursor.isEmpty());
    for (const Api::Decision &d : page->items)
        QVERIFY(d == rowDecision(decisionRows[d.id.value - 1])); // with its votes
}

void TestStoreContract::taskPaging_data()
{
    QTest::addColumn<Api::TaskQuery>("query");
    QTest::addColumn<QList<quint64>>("ids");

    const QList<quint64> all {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    for (int limit : {1, 5, 11, 12, 13, 1000})
        QTest::addRow("all, limit %d", limit) << taskQuery(limit) << all;
    for (int limit : {1, 2, 4, 6}) {
        Api::TaskQuery q = taskQuery(limit);
        q.swarmId = Api::SwarmId(1);
        QTest::addRow("swarm 1, limit %d", limit) << q << QList<quint64> {11, 9, 7, 5, 3, 1};
        q.swarmId = Api::SwarmId(2); // its oldest task is not the store's oldest
        QTest::addRow("swarm 2, limit %d", limit) << q << QList<quint64> {12, 10, 8, 6, 4, 2};
        q = taskQuery(limit);
        q.text = u"capital"_s;
        QTest::addRow("text, limit %d", limit) << q << QList<quint64> {10, 9, 7};
    }
    Api::TaskQuery none = taskQuery(3);
    none.text = u"zebra"_s;
    QTest::newRow("no match") << none << QList<quint64> {};
}

void TestStoreContract::taskPaging()
{
    QFETCH(Api::TaskQuery, query);
    QFETCH(QList<quint64>, ids);

    auto store = open();
    fill(*store);
    const int limit = query.page.limit;
    QList<quint64> seen;
    int pages = 0;
    do {
        const auto page = fetchTasks(*store, query);
        QS_VERIFY_OK(page);
        ++pages;
        QVERIFY(page->items.size() <= limit);
        if (!page->nextCursor.isEmpty())
            QCOMPARE(page->items.size(), limit); // only a full page has a next one
        seen += idsOf(page->items);
        query.page.cursor = page->nextCursor;
        reopen(store); // a cursor outlives the process that made it
    } while (!query.page.cursor.isEmpty() && pages <= 20);

    QCOMPARE(seen, ids);
    const int expectedPages = ids.isEmpty() ? 1 : static_cast<int>((ids.size() + limit - 1) / limit);
    QCOMPARE(pages, expectedPages);
}

void TestStoreContract::decisionPaging()
{
    auto store = open();
    fill(*store);
    Api::DecisionQuery query = decisionQuery(3);
    QList<quint64> seen;
    QStringList cursors;
    for (int pages = 0; pages < 20; ++pages) {
        const auto page = fetchDecisions(*store, query);
        QS_VERIFY_OK(page);
        seen += idsOf(page->items);
        if (page->nextCursor.isEmpty())
            break;
        cursors << page->nextCursor;
        query.page.cursor = page->nextCursor;
    }
    QCOMPARE(seen, (QList<quint64> {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
    QCOMPARE(cursors, (QStringList {u"b8"_s, u"b5"_s, u"b2"_s})); // the same opaque cursors everywhere
}

void TestStoreContract::pagingAcrossManyFullPages()
{
    auto store = open();
    std::vector<StoreWrite> writes;
    for (quint64 id = 1; id <= 2345; ++id) {
        Api::Task task = rowTask(taskRows[(id - 1) % std::size(taskRows)]);
        task.id = Api::TaskId(id);
        writes.push_back(TaskWrite {task});
    }
    QS_VERIFY_OK(write(*store, std::move(writes)));
    Api::TaskQuery query = taskQuery(1000);
    query.swarmId = Api::SwarmId(1);
    QList<int> sizes;
    quint64 expected = 2345;
    do {
        const auto page = fetchTasks(*store, query);
        QS_VERIFY_OK(page);
        sizes.append(static_cast<int>(page->items.size()));
        for (const Api::Task &task : page->items) {
            QCOMPARE(task.id.value, expected);
            expected -= 2; // swarm 1 holds the odd ids
        }
        query.page.cursor = page->nextCursor;
    } while (!query.page.cursor.isEmpty());
    QCOMPARE(sizes, (QList<int> {1000, 173}));
}

void TestStoreContract::pagingIsStableWhileTasksAreWritten()
{
    auto store = open();
    fill(*store);
    Api::TaskQuery query = taskQuery(5);
    auto page = fetchTasks(*store, query);
    QS_VERIFY_OK(page);
    QList<quint64> seen = idsOf(page->items);

    // A new task and a state change arrive between pages.
    Api::Task newer = rowTask(taskRows[0]);
    newer.id = Api::TaskId(13);
    QS_VERIFY_OK(write(*store, TaskWrite {newer}));
    QS_VERIFY_OK(write(*store, progressOf(4, TaskState::Queued, 2)));
    while (!page->nextCursor.isEmpty()) {
        query.page.cursor = page->nextCursor;
        page = fetchTasks(*store, query);
        QS_VERIFY_OK(page);
        seen += idsOf(page->items);
    }
    QCOMPARE(seen, (QList<quint64> {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
}

void TestStoreContract::badPageRequests_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<QString>("path");

    QTest::newRow("limit 0") << 0 << QString() << u"page.limit"_s;
    QTest::newRow("limit negative") << -1 << QString() << u"page.limit"_s;
    QTest::newRow("limit 1001") << 1001 << QString() << u"page.limit"_s;
    QTest::newRow("cursor garbage") << 10 << u"garbage"_s << u"page.cursor"_s;
    QTest::newRow("cursor prefix only") << 10 << u"b"_s << u"page.cursor"_s;
    QTest::newRow("cursor zero") << 10 << u"b0"_s << u"page.cursor"_s;
    QTest::newRow("cursor negative") << 10 << u"b-4"_s << u"page.cursor"_s;
    QTest::newRow("cursor without prefix") << 10 << u"12"_s << u"page.cursor"_s;
    QTest::newRow("cursor with junk") << 10 << u"b12x"_s << u"page.cursor"_s;
}

void TestStoreContract::badPageRequests()
{
    QFETCH(int, limit);
    QFETCH(QString, cursor);
    QFETCH(QString, path);

    auto store = open();
    fill(*store);
    const Api::PageRequest page {limit, cursor};
    Api::TaskQuery tasks = taskQuery();
    tasks.page = page;
    const auto taskPage = fetchTasks(*store, tasks);
    QS_VERIFY_ERROR(taskPage, Api::ErrorCode::InvalidArgument);
    QCOMPARE(taskPage.error().details.value(u"path"_s).toString(), path);
    Api::DecisionQuery decisions = decisionQuery();
    decisions.page = page;
    const auto decisionPage = fetchDecisions(*store, decisions);
    QS_VERIFY_ERROR(decisionPage, Api::ErrorCode::InvalidArgument);
    QCOMPARE(decisionPage.error().details.value(u"path"_s).toString(), path);
    Api::ReputationQuery history;
    history.page = page;
    const auto historyPage = fetchHistory(*store, history);
    QS_VERIFY_ERROR(historyPage, Api::ErrorCode::InvalidArgument);
    QCOMPARE(historyPage.error().details.value(u"path"_s).toString(), path);
    fillRuns(*store);
    Api::RunQuery runs;
    runs.page = page;
    const auto runPage = fetchRuns(*store, runs);
    QS_VERIFY_ERROR(runPage, Api::ErrorCode::InvalidArgument);
    QCOMPARE(runPage.error().details.value(u"path"_s).toString(), path);
}

void TestStoreContract::reputationsAreCurrentPerAgentAndTag()
{
    auto store = open();
    std::vector<StoreWrite> writes;
    writes.push_back(ReputationWrite {Api::Reputation {Api::AgentId(1), {}, 2, 1, 1, 100}, point(1, {}, 100)});
    writes.push_back(ReputationWrite {Api::Reputation {Api::AgentId(1), u"geo"_s, 1, 2, 1, 110}, std::nullopt});
    writes.push_back(ReputationWrite {Api::Reputation {Api::AgentId(1), {}, 3, 1, 2, 120}, point(1, {}, 120)});
    writes.push_back(ReputationWrite {Api::Reputation {Api::AgentId(2), {}, 1, 5, 4, 130}, std::nullopt});
    QS_VERIFY_OK(write(*store, std::move(writes)));
    reopen(store);
    QList<Api::Reputation> current = load(*store)->reputations;
    std::sort(current.begin(), current.end(), [](const Api::Reputation &a, const Api::Reputation &b) {
        return std::pair(a.agentId, a.tag) < std::pair(b.agentId, b.tag);
    });
    const QList<Api::Reputation> expected {
        Api::Reputation {Api::AgentId(1), {}, 3, 1, 2, 120},
        Api::Reputation {Api::AgentId(1), u"geo"_s, 1, 2, 1, 110},
        Api::Reputation {Api::AgentId(2), {}, 1, 5, 4, 130},
    };
    QVERIFY(current == expected);
}

void TestStoreContract::reputationHistory_data()
{
    QTest::addColumn<Api::ReputationQuery>("query");
    QTest::addColumn<QList<qint64>>("times"); // the points, newest first, by their time

    Api::ReputationQuery q;
    q.page.limit = 2;
    QTest::newRow("overall, every agent") << q << QList<qint64> {170, 150, 140, 120, 100};
    q.agentId = Api::AgentId(1);
    QTest::newRow("overall, one agent") << q << QList<qint64> {170, 140, 120, 100};
    q.tag = u"geo"_s;
    QTest::newRow("a tag, one agent") << q << QList<qint64> {160, 110};
    q = {};
    q.page.limit = 3;
    q.fromMs = 120;
    q.toMs = 170;
    QTest::newRow("time range: from inclusive, to exclusive") << q << QList<qint64> {150, 140, 120};
    q.tag = u"none"_s;
    QTest::newRow("an unknown tag") << q << QList<qint64> {};
}

void TestStoreContract::reputationHistory()
{
    QFETCH(Api::ReputationQuery, query);
    QFETCH(QList<qint64>, times);

    auto store = open();
    std::vector<StoreWrite> writes;
    const std::tuple<quint64, QString, qint64> points[] = {
        {1, {}, 100}, {1, u"geo"_s, 110}, {1, {}, 120}, {1, {}, 140}, {2, {}, 150}, {1, u"geo"_s, 160}, {1, {}, 170},
    };
    for (const auto &[agent, tag, time] : points) {
        const Api::ReputationPoint p = point(agent, tag, time);
        writes.push_back(ReputationWrite {Api::Reputation {p.agentId, tag, p.alpha, p.beta, 1, time}, p});
    }
    QS_VERIFY_OK(write(*store, std::move(writes)));

    QList<qint64> seen;
    for (int pages = 0; pages < 10; ++pages) {
        const auto page = fetchHistory(*store, query);
        QS_VERIFY_OK(page);
        for (const Api::ReputationPoint &p : page->items) {
            QVERIFY(p == point(p.agentId.value, p.tag, p.timeMs));
            seen.append(p.timeMs);
        }
        if (page->nextCursor.isEmpty())
            break;
        QCOMPARE(page->items.size(), query.page.limit);
        query.page.cursor = page->nextCursor;
        reopen(store);
    }
    QCOMPARE(seen, times);
}

void TestStoreContract::memoryRoundTrip()
{
    auto store = open();
    const auto put = putMemory(
        *store,
        memoryEntry(7, 3, Api::MemoryKind::Turn, u"asked 2+2, answered 4 ✓"_s, {u"math"_s, u"ünï"_s}, 1000, 90000));
    QS_VERIFY_OK(put);
    QVERIFY(put->id.isValid());
    const auto shared = putMemory(*store, memoryEntry(0, 3, Api::MemoryKind::Fact, u"shared"_s, {}, 1100));
    QS_VERIFY_OK(shared);
    QVERIFY(shared->id > put->id);
    reopen(store);

    auto read = fetchMemoryEntry(*store, put->id.value);
    QS_VERIFY_OK(read);
    QCOMPARE(read.value(), put.value());
    QCOMPARE(read->source, u"engine"_s);
    QCOMPARE(fetchMemoryEntry(*store, shared->id.value).value(), shared.value());

    Api::MemoryEntry changed = put.value();
    changed.kind = Api::MemoryKind::Fact;
    changed.text = u"2+2 is 4"_s;
    changed.tags = {u"arithmetic"_s};
    QS_VERIFY_OK(putMemory(*store, changed));
    QCOMPARE(fetchMemoryEntry(*store, put->id.value).value(), changed);
    Api::MemoryQuery byTag;
    byTag.tag = u"math"_s;
    QCOMPARE(memoryTexts(*store, byTag, 2000).value(), QStringList {}); // the old tag is gone
    byTag.tag = u"arithmetic"_s;
    QCOMPARE(memoryTexts(*store, byTag, 2000).value(), QStringList {u"2+2 is 4"_s});
    Api::MemoryQuery byText;
    byText.text = u"answered"_s; // the old text is no longer indexed
    QCOMPARE(memoryTexts(*store, byText, 2000).value(), QStringList {});

    QS_VERIFY_OK(removeMemory(*store, put->id.value));
    reopen(store);
    QS_VERIFY_ERROR(fetchMemoryEntry(*store, put->id.value), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(removeMemory(*store, put->id.value), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(putMemory(*store, changed), Api::ErrorCode::NotFound); // replacing a removed entry
    QCOMPARE(memoryTexts(*store, {}, 2000).value(), QStringList {u"shared"_s});
}

void TestStoreContract::memoryImport()
{
    auto store = open();
    QList<Api::MemoryEntry> entries;
    for (int i = 0; i < 300; ++i) {
        entries.append(memoryEntry(i % 3 + 1, 1, Api::MemoryKind::Fact, u"fact %1 about word%2"_s.arg(i).arg(i % 7),
                                   {u"tag%1"_s.arg(i % 5)}, 100 + i));
    }
    QS_VERIFY_OK(await<void>([&](QObject *, auto done) { store->importMemory(entries, done); }));
    reopen(store);
    Api::MemoryQuery query;
    query.agentId = Api::AgentId(2);
    query.text = u"word3"_s;
    query.tag = u"tag1"_s;
    QStringList expected;
    for (int i = 299; i >= 0; --i) {
        if (i % 3 == 1 && i % 7 == 3 && i % 5 == 1)
            expected.append(u"fact %1 about word3"_s.arg(i));
    }
    QVERIFY(!expected.isEmpty());
    QCOMPARE(memoryTexts(*store, query, 1000).value(), expected);

    // All or nothing: an entry that has an id already rejects the batch.
    QList<Api::MemoryEntry> bad {memoryEntry(1, 1, Api::MemoryKind::Fact, u"fine"_s, {}, 500)};
    bad.append(fetchMemoryEntry(*store, 1).value());
    QS_VERIFY_ERROR(await<void>([&](QObject *, auto done) { store->importMemory(bad, done); }),
                    Api::ErrorCode::InvalidArgument);
    Api::MemoryQuery fine;
    fine.text = u"fine"_s;
    QCOMPARE(memoryTexts(*store, fine, 1000).value(), QStringList {});
}

void TestStoreContract::memorySearch_data()
{
    QTest::addColumn<Api::MemoryQuery>("query");
    QTest::addColumn<QStringList>("texts"); // newest first

    const QString e1 = u"Asked about the capital of France; answered Paris"_s;
    const QString e2 = u"The Eiffel tower is in Paris"_s;
    const QString e3 = u"Decided: the answer is 42"_s;
    const QString e4 = u"Paris is the capital of France"_s;
    const QString e5 = u"CAPITAL letters matter, capitalism does not"_s;
    const QString e6 = u"Ünïcödé wörds and 北京 are words too"_s;
    const QString e7 = u"an expired note about Paris"_s;
    using K = Api::MemoryKind;
    Api::MemoryQuery q;
    QTest::newRow("everything live") << q << QStringList {e6, e5, e4, e3, e2, e1};
    q.includeExpired = true;
    QTest::newRow("expired too") << q << QStringList {e7, e6, e5, e4, e3, e2, e1};
    q = {};
    q.agentId = Api::AgentId(1);
    QTest::newRow("one agent") << q << QStringList {e2, e1};
    q.swarmId = Api::SwarmId(1);
    q.includeSwarmEntries = true;
    QTest::newRow("one agent and its swarm's") << q << QStringList {e4, e2, e1};
    q = {};
    q.swarmId = Api::SwarmId(1);
    QTest::newRow("one swarm, its agents' too") << q << QStringList {e4, e3, e2, e1};
    q = {};
    q.kinds = {K::Fact};
    QTest::newRow("facts") << q << QStringList {e6, e4, e2};
    q.kinds = {K::Turn, K::Decision};
    QTest::newRow("turns and decisions") << q << QStringList {e5, e3, e1};
    q = {};
    q.tag = u"geo"_s;
    QTest::newRow("a tag") << q << QStringList {e4, e2, e1};
    q.tag = u"landmark"_s;
    QTest::newRow("a rarer tag") << q << QStringList {e2};
    q.tag = u"ge"_s;
    QTest::newRow("tags match whole") << q << QStringList {};
    q = {};
    q.text = u"paris"_s;
    QTest::newRow("a word, any case") << q << QStringList {e4, e2, e1};
    q.text = u"France capital"_s;
    QTest::newRow("every word, any order") << q << QStringList {e4, e1};
    q.text = u"capital tower"_s;
    QTest::newRow("every word must occur") << q << QStringList {};
    q.text = u"capitalism"_s;
    QTest::newRow("words, not prefixes") << q << QStringList {e5};
    q.text = u"capit"_s;
    QTest::newRow("no prefix match") << q << QStringList {};
    q.text = u"\"Paris\" OR -tower*"_s;
    QTest::newRow("operators are plain words") << q << QStringList {};
    q.text = u"wörds 北京"_s;
    QTest::newRow("unicode words") << q << QStringList {e6};
    q.text = u"ÜNÏCÖDÉ"_s;
    QTest::newRow("unicode case-folded") << q << QStringList {e6};
    q.text = u"?!"_s;
    QTest::newRow("no words: no text filter") << q << QStringList {e6, e5, e4, e3, e2, e1};
    q = {};
    q.text = u"paris"_s;
    q.agentId = Api::AgentId(1);
    q.kinds = {K::Fact};
    QTest::newRow("text, owner and kind") << q << QStringList {e2};
    q = {};
    q.createdFromMs = 120;
    q.createdToMs = 150;
    QTest::newRow("time range: from inclusive, to exclusive") << q << QStringList {e5, e4, e3};
}

void TestStoreContract::memorySearch()
{
    QFETCH(Api::MemoryQuery, query);
    QFETCH(QStringList, texts);

    auto store = open();
    using K = Api::MemoryKind;
    const Api::MemoryEntry entries[] = {
        memoryEntry(1, 1, K::Turn, u"Asked about the capital of France; answered Paris"_s, {u"geo"_s}, 100),
        memoryEntry(1, 1, K::Fact, u"The Eiffel tower is in Paris"_s, {u"geo"_s, u"landmark"_s}, 110),
        memoryEntry(2, 1, K::Decision, u"Decided: the answer is 42"_s, {u"math"_s}, 120),
        memoryEntry(0, 1, K::Fact, u"Paris is the capital of France"_s, {u"geo"_s}, 130),
        memoryEntry(3, 2, K::Turn, u"CAPITAL letters matter, capitalism does not"_s, {}, 140),
        memoryEntry(0, 2, K::Fact, u"Ünïcödé wörds and 北京 are words too"_s, {u"intl"_s}, 150),
        memoryEntry(1, 1, K::Fact, u"an expired note about Paris"_s, {u"geo"_s}, 160, 500),
    };
    for (const Api::MemoryEntry &e : entries)
        QS_VERIFY_OK(putMemory(*store, e));
    query.page.limit = 2; // several pages
    const auto found = memoryTexts(*store, query, 1000);
    QS_VERIFY_OK(found);
    QCOMPARE(found.value(), texts);
}

void TestStoreContract::memoryPaging()
{
    auto store = open();
    for (int i = 0; i < 25; ++i)
        QS_VERIFY_OK(putMemory(*store, memoryEntry(1, 1, Api::MemoryKind::Turn, u"turn %1"_s.arg(i), {}, 100 + i)));
    Api::MemoryQuery query;
    query.page.limit = 10;
    QList<int> sizes;
    QStringList seen;
    for (int pages = 0; pages < 10; ++pages) {
        const auto page = fetchMemory(*store, query, 1000);
        QS_VERIFY_OK(page);
        sizes.append(int(page->items.size()));
        for (const Api::MemoryEntry &e : page->items)
            seen.append(e.text);
        if (page->nextCursor.isEmpty())
            break;
        query.page.cursor = page->nextCursor;
        // Written while paging: newer than the first page, so never on a later one.
        QS_VERIFY_OK(putMemory(*store, memoryEntry(1, 1, Api::MemoryKind::Turn, u"late"_s, {}, 900)));
        reopen(store);
    }
    QCOMPARE(sizes, (QList<int> {10, 10, 5}));
    QStringList expected;
    for (int i = 24; i >= 0; --i)
        expected.append(u"turn %1"_s.arg(i));
    QCOMPARE(seen, expected);

    Api::MemoryQuery bad;
    bad.page.limit = 0;
    QS_VERIFY_ERROR(fetchMemory(*store, bad, 1000), Api::ErrorCode::InvalidArgument);
    bad.page = {10, u"not a cursor"_s};
    QS_VERIFY_ERROR(fetchMemory(*store, bad, 1000), Api::ErrorCode::InvalidArgument);
}

void TestStoreContract::memoryExpiry()
{
    auto store = open();
    using K = Api::MemoryKind;
    QS_VERIFY_OK(putMemory(*store, memoryEntry(1, 1, K::Fact, u"short-lived"_s, {}, 100, 200)));
    QS_VERIFY_OK(putMemory(*store, memoryEntry(1, 1, K::Fact, u"lasting"_s, {}, 110)));
    QS_VERIFY_OK(putMemory(*store, memoryEntry(2, 1, K::Fact, u"another owner's, short-lived"_s, {}, 120, 200)));
    Api::MemoryQuery all;
    all.includeExpired = true;
    QCOMPARE(memoryTexts(*store, {}, 150).value(),
             (QStringList {u"another owner's, short-lived"_s, u"lasting"_s, u"short-lived"_s}));
    QCOMPARE(memoryTexts(*store, {}, 200).value(), QStringList {u"lasting"_s}); // expired at 200
    QCOMPARE(memoryTexts(*store, all, 200).value().size(), 3); // kept until something evicts them

    // A write evicts its owner's expired entries, within any budget, and no one else's.
    QS_VERIFY_OK(putMemory(*store, memoryEntry(1, 1, K::Fact, u"new"_s, {}, 300)));
    reopen(store);
    QCOMPARE(memoryTexts(*store, all, 300).value(),
             (QStringList {u"new"_s, u"another owner's, short-lived"_s, u"lasting"_s}));
}

void TestStoreContract::memoryEviction_data()
{
    QTest::addColumn<Api::MemoryBudget>("budget");
    QTest::addColumn<QList<int>>("touched"); // entries (by number) used again, in this order
    QTest::addColumn<QStringList>("kept"); // newest first, after the last write

    // Five entries of 10 bytes, "entry 0" .. "entry 4", the 2nd one with a TTL that runs out.
    QTest::newRow("within budget: only the expired one goes")
        << Api::MemoryBudget {10, 0} << QList<int> {}
        << QStringList {u"entry 4..."_s, u"entry 3..."_s, u"entry 2..."_s, u"entry 0..."_s};
    QTest::newRow("entries: expired first, then least recently used")
        << Api::MemoryBudget {2, 0} << QList<int> {} << QStringList {u"entry 4..."_s, u"entry 3..."_s};
    QTest::newRow("use keeps an entry") << Api::MemoryBudget {2, 0} << QList<int> {0}
                                        << QStringList {u"entry 4..."_s, u"entry 0..."_s};
    QTest::newRow("the last use counts") << Api::MemoryBudget {3, 0} << QList<int> {0, 2, 3}
                                         << QStringList {u"entry 4..."_s, u"entry 3..."_s, u"entry 2..."_s};
    QTest::newRow("bytes") << Api::MemoryBudget {0, 25} << QList<int> {3}
                           << QStringList {u"entry 4..."_s, u"entry 3..."_s};
    QTest::newRow("never the newest, even over budget")
        << Api::MemoryBudget {0, 5} << QList<int> {0, 1, 2, 3} << QStringList {u"entry 4..."_s};
}

void TestStoreContract::memoryEviction()
{
    QFETCH(Api::MemoryBudget, budget);
    QFETCH(QList<int>, touched);
    QFETCH(QStringList, kept);

    auto store = open();
    QList<Api::MemoryId> ids;
    for (int i = 0; i < 4; ++i) {
        const auto put = putMemory(
            *store, memoryEntry(1, 1, Api::MemoryKind::Turn, u"entry %1..."_s.arg(i), {}, 100 + i, i == 1 ? 500 : 0),
            unlimited());
        QS_VERIFY_OK(put);
        ids.append(put->id);
    }
    // Another owner's entries are not this budget's business.
    QS_VERIFY_OK(putMemory(*store, memoryEntry(2, 1, Api::MemoryKind::Turn, u"other"_s, {}, 100), unlimited()));
    qint64 now = 200;
    for (const int i : touched)
        QS_VERIFY_OK(touchMemory(*store, {ids[i]}, ++now));
    reopen(store);
    // The last write comes after the TTL ran out.
    QS_VERIFY_OK(putMemory(*store, memoryEntry(1, 1, Api::MemoryKind::Turn, u"entry 4..."_s, {}, 600), budget, 600));

    Api::MemoryQuery query;
    query.agentId = Api::AgentId(1);
    query.includeExpired = true;
    QCOMPARE(memoryTexts(*store, query, 600).value(), kept);
    query.agentId = Api::AgentId(2);
    QCOMPARE(memoryTexts(*store, query, 600).value(), QStringList {u"other"_s});
}

void TestStoreContract::runRoundTrip()
{
    auto store = open();
    const Api::Run rich = richRun(3);
    Api::Run bare; // nothing but what a run must have
    bare.id = Api::RunId(4);
    bare.workflow.name = u"empty"_s;
    bare.steps = {Api::StepRun {}};
    bare.steps[0].stepId = u"only"_s;
    std::vector<StoreWrite> writes;
    writes.push_back(RunWrite {rich});
    writes.push_back(RunWrite {bare});
    QS_VERIFY_OK(write(*store, std::move(writes)));

    for (int pass = 0; pass < 2; ++pass) {
        const auto read = fetchRun(*store, 3);
        QS_VERIFY_OK(read);
        QCOMPARE(compactJson(read.value()), compactJson(rich)); // shows a difference
        QVERIFY(read.value() == rich); // every member: outputs as text, as a list and none
        QVERIFY(fetchRun(*store, 4).value() == bare);
        Api::RunQuery all;
        all.page.limit = 10;
        const auto page = fetchRuns(*store, all);
        QS_VERIFY_OK(page);
        QCOMPARE(idsOf(page->items), (QList<quint64> {4, 3}));
        QCOMPARE(page->items, (QList<Api::Run> {bare, rich}));
        reopen(store);
    }
}

void TestStoreContract::aRunWrittenAgainIsReplaced()
{
    auto store = open();
    const Api::Run first = richRun(1);
    QS_VERIFY_OK(write(*store, RunWrite {first}));

    Api::Run later = first;
    later.workflow.name = u"renamed"_s;
    later.workflow.steps.removeLast();
    later.steps.removeLast();
    later.steps[1].output = QJsonArray {u"only one"_s};
    later.idempotencyKey = u"other-key"_s;
    later.state = Api::RunState::Succeeded;
    later.stateReason.clear();
    later.error.reset();
    later.finishedMs = 1700000009000;
    Api::Run last = later;
    last.costUsd = 0.5;
    std::vector<StoreWrite> writes; // twice in one batch: the last one stays
    writes.push_back(RunWrite {later});
    writes.push_back(RunWrite {last});
    QS_VERIFY_OK(write(*store, std::move(writes)));
    reopen(store);

    QVERIFY(fetchRun(*store, 1).value() == last);
    Api::RunQuery query;
    query.page.limit = 10;
    QCOMPARE(allRuns(*store, query, 10), QList<quint64> {1}); // replaced, not added
    query.workflow = u"triage"_s;
    QVERIFY(allRuns(*store, query, 10).isEmpty());
    query.workflow = u"renamed"_s;
    query.states = {Api::RunState::Succeeded};
    QCOMPARE(allRuns(*store, query, 10), QList<quint64> {1});
    const auto snapshot = load(*store);
    QS_VERIFY_OK(snapshot);
    QVERIFY(snapshot->unfinishedRuns.isEmpty());
    QCOMPARE(snapshot->runIdempotencyKeys, (QHash<QString, Api::RunId> {{u"other-key"_s, Api::RunId(1)}}));
}

void TestStoreContract::unknownRunIsNotFound()
{
    auto store = open();
    auto missing = fetchRun(*store, 7);
    QS_VERIFY_ERROR(missing, Api::ErrorCode::NotFound);
    QCOMPARE(missing.error().message, u"no run with id 7"_s);
    fillRuns(*store);
    QS_VERIFY_ERROR(fetchRun(*store, 9), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(fetchRun(*store, 0), Api::ErrorCode::NotFound);
    QCOMPARE(fetchRun(*store, 8)->id, Api::RunId(8));
}

namespace {

Api::MetricsSnapshot rollup(qint64 minuteMs, double finished)
{
    Api::MetricSample sample;
    sample.labels = {{u"state"_s, u"succeeded"_s}};
    sample.value = finished;
    Api::MetricSample histogram;
    histogram.bucketBounds = {0.1, 1, 10};
    histogram.bucketCounts = {1, 2, quint64(finished)};
    histogram.count = quint64(finished);
    histogram.sum = finished * 0.5;
    return Api::MetricsSnapshot {
        minuteMs,
        {Api::MetricFamily {u"qwen_swarm_tasks_finished_total"_s, u"Tasks."_s, Api::MetricType::Counter, {sample}},
         Api::MetricFamily {
             u"qwen_swarm_task_duration_seconds"_s, u"Durations."_s, Api::MetricType::Histogram, {histogram}}}};
}

Api::Result<QList<Api::MetricsSnapshot>> fetchRollups(Store &store, qint64 fromMs, qint64 toMs)
{
    return await<QList<Api::MetricsSnapshot>>([&](QObject *, auto done) { store.metricsHistory(fromMs, toMs, done); });
}

} // namespace

void TestStoreContract::metricsRollupsAreKeptByMinuteAndPruned()
{
    auto store = open();
    constexpr qint64 minute = 60'000;
    const qint64 t0 = 1'764'237'600'000; // on a minute
    for (int i = 0; i < 5; ++i)
        QS_VERIFY_OK(write(*store, MetricsRollupWrite {rollup(t0 + i * minute, i * 10), 0}));
    auto all = fetchRollups(*store, t0, t0 + 5 * minute);
    QS_VERIFY_OK(all);
    QCOMPARE(all->size(), 5);
    QCOMPARE(all->at(0), rollup(t0, 0)); // oldest first, every member back
    QCOMPARE(all->at(4), rollup(t0 + 4 * minute, 40));
    // [from, to): the end is out.
    auto some = fetchRollups(*store, t0 + minute, t0 + 3 * minute);
    QCOMPARE(some->size(), 2);
    QCOMPARE(some->at(0).timeMs, t0 + minute);
    // A minute written again is replaced; a write prunes what is older than it keeps.
    QS_VERIFY_OK(write(*store, MetricsRollupWrite {rollup(t0 + 4 * minute, 99), t0 + 2 * minute}));
    reopen(store);
    all = fetchRollups(*store, 0, t0 + 10 * minute);
    QS_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).timeMs, t0 + 2 * minute);
    QCOMPARE(all->at(2), rollup(t0 + 4 * minute, 99));
    QCOMPARE(fetchRollups(*store, t0 + 20 * minute, t0 + 30 * minute)->size(), 0);
}

void TestStoreContract::queryRuns_data()
{
    using State = Api::RunState;
    QTest::addColumn<QList<Api::RunState>>("states");
    QTest::addColumn<QString>("workflow");
    QTest::addColumn<QList<quint64>>("ids");

    QTest::newRow("everything, newest first")
        << QList<State> {} << QString() << QList<quint64> {8, 7, 6, 5, 4, 3, 2, 1};
    QTest::newRow("running") << QList<State> {State::Running} << QString() << QList<quint64> {6, 1};
    QTest::newRow("succeeded or failed") << QList<State> {State::Succeeded, State::Failed} << QString()
                                         << QList<quint64> {8, 3, 2};
    QTest::newRow("unfinished") << QList<State> {State::Running, State::Paused, State::AwaitingApproval} << QString()
                                << QList<quint64> {6, 5, 4, 1};
    QTest::newRow("triage") << QList<State> {} << u"triage"_s << QList<quint64> {8, 6, 4, 3, 1};
    QTest::newRow("report, succeeded") << QList<State> {State::Succeeded} << u"report"_s << QList<quint64> {2};
    QTest::newRow("report, paused") << QList<State> {State::Paused} << u"report"_s << QList<quint64> {};
    QTest::newRow("the name is exact") << QList<State> {} << u"Triage"_s << QList<quint64> {};
    QTest::newRow("not a prefix") << QList<State> {} << u"tri"_s << QList<quint64> {};
}

void TestStoreContract::queryRuns()
{
    QFETCH(QList<Api::RunState>, states);
    QFETCH(QString, workflow);
    QFETCH(QList<quint64>, ids);

    auto store = open();
    fillRuns(*store);
    Api::RunQuery query;
    query.states = states;
    query.workflow = workflow;
    query.page.limit = 100;
    const auto page = fetchRuns(*store, query);
    QS_VERIFY_OK(page);
    QCOMPARE(idsOf(page->items), ids);
    QVERIFY(page->nextCursor.isEmpty());
    for (const Api::Run &run : page->items)
        QVERIFY(run == rowRun(runRows[run.id.value - 1]));
}

void TestStoreContract::runPaging()
{
    auto store = open();
    fillRuns(*store);
    Api::RunQuery query;
    query.page.limit = 3;
    auto page = fetchRuns(*store, query);
    QS_VERIFY_OK(page);
    QCOMPARE(idsOf(page->items), (QList<quint64> {8, 7, 6}));
    QVERIFY(!page->nextCursor.isEmpty());

    // A run started between pages is not on the later ones.
    QS_VERIFY_OK(write(*store, RunWrite {richRun(9)}));
    query.page.cursor = page->nextCursor;
    page = fetchRuns(*store, query);
    QCOMPARE(idsOf(page->items), (QList<quint64> {5, 4, 3}));
    query.page.cursor = page->nextCursor;
    page = fetchRuns(*store, query);
    QCOMPARE(idsOf(page->items), (QList<quint64> {2, 1}));
    QVERIFY(page->nextCursor.isEmpty());

    query.page.cursor.clear();
    QCOMPARE(allRuns(*store, query, 2), (QList<quint64> {9, 8, 7, 6, 5, 4, 3, 2, 1}));
    query.workflow = u"triage"_s;
    QCOMPARE(allRuns(*store, query, 2), (QList<quint64> {9, 8, 6, 4, 3, 1}));
    query.states = {Api::RunState::Running};
    QCOMPARE(allRuns(*store, query, 1), (QList<quint64> {9, 6, 1}));
}

void TestStoreContract::loadListsOnlyUnfinishedRuns_data()
{
    QTest::addColumn<Api::RunState>("state");
    QTest::addColumn<bool>("unfinished");

    QTest::newRow("running") << Api::RunState::Running << true;
    QTest::newRow("paused") << Api::RunState::Paused << true;
    QTest::newRow("awaiting_approval") << Api::RunState::AwaitingApproval << true;
    QTest::newRow("succeeded") << Api::RunState::Succeeded << false;
    QTest::newRow("failed") << Api::RunState::Failed << false;
    QTest::newRow("cancelled") << Api::RunState::Cancelled << false;
}

void TestStoreContract::loadListsOnlyUnfinishedRuns()
{
    QFETCH(Api::RunState, state);
    QFETCH(bool, unfinished);

    auto store = open();
    const Api::Run run = richRun(5, state);
    QS_VERIFY_OK(write(*store, RunWrite {run}));
    reopen(store);
    const auto snapshot = load(*store);
    QS_VERIFY_OK(snapshot);
    QCOMPARE(snapshot->unfinishedRuns, unfinished ? QList<Api::Run> {run} : QList<Api::Run> {});
    QCOMPARE(snapshot->maxRunId, quint64(5)); // finished or not, the id is taken
    // Finished or not, the key keeps answering its run.
    QCOMPARE(snapshot->runIdempotencyKeys, (QHash<QString, Api::RunId> {{u"run-key-5"_s, Api::RunId(5)}}));
}

void TestStoreContract::loadHoldsUnfinishedRunsAndEveryRunsKey()
{
    auto store = open();
    auto snapshot = load(*store);
    QS_VERIFY_OK(snapshot);
    QVERIFY(snapshot->unfinishedRuns.isEmpty());
    QVERIFY(snapshot->runIdempotencyKeys.isEmpty());
    QCOMPARE(snapshot->maxRunId, quint64(0));

    fillRuns(*store);
    reopen(store);
    snapshot = load(*store);
    QS_VERIFY_OK(snapshot);
    QList<Api::Run> unfinished;
    for (const quint64 id : {1, 4, 5, 6})
        unfinished.append(rowRun(runRows[id - 1]));
    QCOMPARE(idsOf(snapshot->unfinishedRuns), (QList<quint64> {1, 4, 5, 6})); // by id
    QCOMPARE(snapshot->unfinishedRuns, unfinished);
    QCOMPARE(snapshot->runIdempotencyKeys,
             (QHash<QString, Api::RunId> {
                 {u"run-key-2"_s, Api::RunId(2)}, {u"run-key-5"_s, Api::RunId(5)}, {u"run-key-8"_s, Api::RunId(8)}}));
    QCOMPARE(snapshot->maxRunId, quint64(8)); // run 8 is finished: its id is taken all the same
    // Runs are apart from tasks: neither the task keys nor the task ids change.
    QVERIFY(snapshot->idempotencyKeys.isEmpty());
    QVERIFY(snapshot->unfinishedTasks.isEmpty());
    QCOMPARE(snapshot->maxTaskId, quint64(0));
}

QTEST_GUILESS_MAIN(TestStoreContract)
#include "tst_storecontract.moc"
