#include "store/memorystore.h"

#include <testsupport.h>

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using Api::DecisionOutcome;
using Api::TaskState;

namespace {

Api::Result<void> write(Store &store, std::vector<StoreWrite> writes)
{
    return Testing::await<void>([&](QObject *, auto done) { store.write(std::move(writes), done); });
}

Api::Result<void> write(Store &store, StoreWrite single)
{
    std::vector<StoreWrite> writes;
    writes.push_back(std::move(single));
    return write(store, std::move(writes));
}

Api::Result<Api::Task> fetchTask(Store &store, quint64 id)
{
    return Testing::await<Api::Task>([&](QObject *, auto done) { store.task(Api::TaskId(id), done); });
}

Api::Result<Api::Decision> fetchDecision(Store &store, quint64 id)
{
    return Testing::await<Api::Decision>([&](QObject *, auto done) { store.decision(Api::DecisionId(id), done); });
}

Api::Result<StoreSnapshot> load(Store &store)
{
    return Testing::await<StoreSnapshot>([&](QObject *, auto done) { store.load(done); });
}

Api::Result<Api::Page<Api::Task>> fetchTasks(Store &store, const Api::TaskQuery &query)
{
    return Testing::await<Api::Page<Api::Task>>([&](QObject *, auto done) { store.queryTasks(query, done); });
}

Api::Result<Api::Page<Api::Decision>> fetchDecisions(Store &store, const Api::DecisionQuery &query)
{
    return Testing::await<Api::Page<Api::Decision>>([&](QObject *, auto done) { store.queryDecisions(query, done); });
}

template<typename T>
QList<quint64> idsOf(const QList<T> &items)
{
    QList<quint64> ids;
    for (const T &item : items)
        ids.append(item.id.value);
    return ids;
}

// A task with every field set, so a round trip through the store shows what it loses.
Api::Task richTask(quint64 id, TaskState state = TaskState::Queued)
{
    Api::Task task;
    task.id = Api::TaskId(id);
    task.spec.swarmId = Api::SwarmId(1);
    task.spec.promptTemplate = u"Capital of {{country}}? You are {{agent.name}}."_s;
    task.spec.variables = QJsonObject {{u"country"_s, u"France"_s}, {u"n"_s, 3}, {u"list"_s, QJsonArray {1, u"x"_s}}};
    task.spec.answerFormat = Api::AnswerFormat::Choice;
    task.spec.choices = {u"Paris"_s, u"Lyon"_s};
    task.spec.referenceAnswer = u"Paris"_s;
    task.spec.selection.agentIds = {Api::AgentId(3), Api::AgentId(4)};
    task.spec.selection.requiredTags = {u"geo"_s};
    task.spec.selection.maxAgents = 2;
    task.spec.strategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"first"_s}}};
    task.spec.priority = -7;
    task.spec.deadlineMs = 1700000100000;
    task.spec.timeoutMs = 60000;
    task.spec.budgetUsd = 0.25;
    task.spec.retry = Api::RetryPolicy {3, 250, 4000, 0.1};
    task.spec.idempotencyKey = u"key-%1"_s.arg(id);
    task.spec.tags = {u"demo"_s, u"geo"_s};
    task.state = state;
    task.attempt = 1;
    task.stateReason = u"accepted"_s;
    task.createdMs = 1700000000000 + qint64(id);
    task.startedMs = state == TaskState::Queued ? 0 : 1700000000500;
    task.effectiveDeadlineMs = 1700000060000;
    task.costUsd = 0.0125;
    if (state == TaskState::Succeeded) {
        task.finishedMs = 1700000001000;
        task.result = Api::TaskResult {u"Paris"_s, Api::DecisionId(id * 10), 0.8};
    } else if (Api::isTerminal(state)) {
        task.finishedMs = 1700000001000;
        task.error = Api::makeError(Api::ErrorCode::NoConsensus, u"tie"_s, {{u"reason"_s, u"tie"_s}});
    }
    return task;
}

Api::Decision richDecision(quint64 id, quint64 task)
{
    Api::Decision d;
    d.id = Api::DecisionId(id);
    d.taskId = Api::TaskId(task);
    d.swarmId = Api::SwarmId(1);
    d.attempt = 2;
    d.strategy = Api::StrategySpec {u"plurality"_s, {{u"min_votes"_s, 2}}};
    Api::Vote a;
    a.agentId = Api::AgentId(3);
    a.rawAnswer = u"Answer: Paris"_s;
    a.normalizedAnswer = u"Paris"_s;
    a.confidence = 0.9;
    a.weight = 1.5;
    a.rationale = u"It is the capital."_s;
    a.latencyMs = 20;
    a.promptTokens = 12;
    a.completionTokens = 3;
    a.costUsd = 0.0001;
    Api::Vote b = a;
    b.agentId = Api::AgentId(4);
    b.status = Api::VoteStatus::Malformed;
    b.rawAnswer = u"<garbled>"_s;
    b.normalizedAnswer.clear();
    d.rounds = {Api::Round {0, {a, b}}};
    d.outcome = DecisionOutcome::Decided;
    d.answer = u"Paris"_s;
    d.agreement = 1.0;
    d.dissenters = {};
    d.createdMs = 1700000000900;
    return d;
}

// The query fixtures, chosen so every filter selects a different, known set.
struct TaskRow
{
    quint64 id;
    quint64 swarm;
    TaskState state;
    qint64 createdMs;
    const char *strategy; // empty = the swarm's default
};

const TaskRow taskRows[] = {
    {1, 1, TaskState::Queued, 1010, ""},
    {2, 2, TaskState::Running, 1020, "plurality"},
    {3, 1, TaskState::Succeeded, 1030, "weighted"},
    {4, 2, TaskState::Failed, 1040, ""},
    {5, 1, TaskState::Cancelled, 1050, "plurality"},
    {6, 2, TaskState::TimedOut, 1060, "weighted"},
    {7, 1, TaskState::Queued, 1070, ""},
    {8, 2, TaskState::Deciding, 1080, "plurality"},
    {9, 1, TaskState::Running, 1090, "weighted"},
    {10, 2, TaskState::Succeeded, 1100, ""},
    {11, 1, TaskState::Queued, 1110, "plurality"},
    {12, 2, TaskState::Succeeded, 1120, "weighted"},
};

Api::Task rowTask(const TaskRow &row)
{
    Api::Task task;
    task.id = Api::TaskId(row.id);
    task.spec.swarmId = Api::SwarmId(row.swarm);
    task.spec.promptTemplate = u"Question %1"_s.arg(row.id);
    if (*row.strategy)
        task.spec.strategy = Api::StrategySpec {QString::fromLatin1(row.strategy), {}};
    task.state = row.state;
    task.attempt = 1;
    task.createdMs = row.createdMs;
    switch (row.id) {
    case 7:
        task.spec.promptTemplate = u"What is the CAPITAL of France?"_s;
        break;
    case 9:
        task.spec.tags = {u"geo"_s, u"Capital-Cities"_s};
        break;
    case 10:
        task.spec.variables = {{u"topic"_s, u"the capital"_s}};
        break;
    case 11:
        task.spec.variables = {{u"capital"_s, 5}}; // a key and a number: not searched
        break;
    default:
        break;
    }
    return task;
}

struct DecisionRow
{
    quint64 id;
    quint64 task;
    quint64 swarm;
    const char *strategy;
    DecisionOutcome outcome;
    double agreement;
    qint64 createdMs;
};

const DecisionRow decisionRows[] = {
    {1, 1, 1, "plurality", DecisionOutcome::Decided, 1.0, 2010},
    {2, 2, 2, "plurality", DecisionOutcome::NoDecision, 0.5, 2020},
    {3, 3, 1, "weighted", DecisionOutcome::Decided, 0.8, 2030},
    {4, 3, 1, "weighted", DecisionOutcome::Decided, 0.6, 2040},
    {5, 5, 1, "plurality", DecisionOutcome::NoDecision, 0.0, 2050},
    {6, 6, 2, "weighted", DecisionOutcome::Decided, 0.75, 2060},
    {7, 7, 1, "plurality", DecisionOutcome::Decided, 0.5, 2070},
    {8, 8, 2, "plurality", DecisionOutcome::Decided, 0.9, 2080},
    {9, 9, 1, "weighted", DecisionOutcome::NoDecision, 0.4, 2090},
    {10, 10, 2, "plurality", DecisionOutcome::Decided, 1.0, 2100},
};

Api::Decision rowDecision(const DecisionRow &row)
{
    Api::Decision d;
    d.id = Api::DecisionId(row.id);
    d.taskId = Api::TaskId(row.task);
    d.swarmId = Api::SwarmId(row.swarm);
    d.attempt = 1;
    d.strategy.name = QString::fromLatin1(row.strategy);
    d.outcome = row.outcome;
    d.answer = row.outcome == DecisionOutcome::Decided ? u"a"_s : QString();
    d.agreement = row.agreement;
    d.createdMs = row.createdMs;
    return d;
}

void fill(MemoryStore &store)
{
    std::vector<StoreWrite> writes;
    for (const TaskRow &row : taskRows)
        writes.push_back(TaskWrite {rowTask(row)});
    for (const DecisionRow &row : decisionRows)
        writes.push_back(DecisionWrite {rowDecision(row)});
    write(store, std::move(writes));
}

Api::TaskQuery taskQuery(int limit = 100)
{
    Api::TaskQuery q;
    q.page.limit = limit;
    return q;
}

Api::DecisionQuery decisionQuery(int limit = 100)
{
    Api::DecisionQuery q;
    q.page.limit = limit;
    return q;
}

} // namespace

class TestMemoryStore : public QObject
{
    Q_OBJECT

private slots:
    void kind();
    void roundTrip();
    void loadListsOnlyUnfinishedTasks_data();
    void loadListsOnlyUnfinishedTasks();
    void removedSwarmsAndAgentsAreGone();
    void progressUpdatesTheTask();
    void succeededTaskIsFinal_data();
    void succeededTaskIsFinal();
    void olderAttemptIsIgnored_data();
    void olderAttemptIsIgnored();
    void progressOfUnknownTaskChangesNothing();
    void decisionsAreImmutable();
    void notFound();
    void queryTasks_data();
    void queryTasks();
    void queryDecisions_data();
    void queryDecisions();
    void taskPaging_data();
    void taskPaging();
    void decisionPaging();
    void pagingIsStableWhileTasksAreWritten();
    void badPageRequests_data();
    void badPageRequests();
};

void TestMemoryStore::kind()
{
    QCOMPARE(MemoryStore().kind(), u"memory"_s);
}

void TestMemoryStore::roundTrip()
{
    MemoryStore store;
    Api::Swarm swarm;
    swarm.id = Api::SwarmId(4);
    swarm.name = u"geo"_s;
    swarm.topology = Api::Topology::Ring;
    swarm.defaultStrategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"lexicographic"_s}}};
    swarm.agentIds = {Api::AgentId(3), Api::AgentId(9)};
    swarm.createdMs = 1699999999000;
    Api::Agent first;
    first.id = Api::AgentId(3);
    first.swarmId = swarm.id;
    first.spec.name = u"alice"_s;
    first.spec.parameters = {{u"accuracy"_s, 0.9}};
    first.spec.tags = {u"geo"_s};
    first.state = Api::AgentState::Idle;
    first.stats.calls = 12;
    Api::Agent second = first;
    second.id = Api::AgentId(9);
    second.spec.name = u"bob"_s;
    second.spec.role = Api::AgentRole::Judge;

    const Api::Task queued = richTask(1);
    const Api::Task succeeded = richTask(2, TaskState::Succeeded);
    const Api::Decision decision = richDecision(20, 2);

    std::vector<StoreWrite> writes;
    writes.push_back(SwarmWrite {swarm});
    writes.push_back(AgentWrite {first});
    writes.push_back(AgentWrite {second});
    writes.push_back(TaskWrite {queued});
    writes.push_back(TaskWrite {succeeded});
    writes.push_back(DecisionWrite {decision});
    QS_VERIFY_OK(write(store, std::move(writes)));

    const auto readQueued = fetchTask(store, 1);
    QS_VERIFY_OK(readQueued);
    QVERIFY(readQueued.value() == queued);
    const auto readSucceeded = fetchTask(store, 2);
    QS_VERIFY_OK(readSucceeded);
    QVERIFY(readSucceeded.value() == succeeded);
    QCOMPARE(readSucceeded->result->answer, u"Paris"_s);

    const auto readDecision = fetchDecision(store, 20);
    QS_VERIFY_OK(readDecision);
    QVERIFY(readDecision.value() == decision);

    const auto snapshot = load(store);
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
    QCOMPARE(snapshot->maxTaskId, quint64(2));
    QCOMPARE(snapshot->maxDecisionId, quint64(20));
    QCOMPARE(snapshot->maxSwarmId, quint64(4));
    QCOMPARE(snapshot->maxAgentId, quint64(9));
}

void TestMemoryStore::loadListsOnlyUnfinishedTasks_data()
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

void TestMemoryStore::loadListsOnlyUnfinishedTasks()
{
    QFETCH(TaskState, state);
    QFETCH(bool, unfinished);

    MemoryStore store;
    QS_VERIFY_OK(write(store, TaskWrite {richTask(5, state)}));
    const auto snapshot = load(store);
    QS_VERIFY_OK(snapshot);
    QCOMPARE(snapshot->unfinishedTasks.size(), unfinished ? 1 : 0);
    QCOMPARE(snapshot->maxTaskId, quint64(5)); // finished or not, the id is taken
}

void TestMemoryStore::removedSwarmsAndAgentsAreGone()
{
    MemoryStore store;
    Api::Swarm swarm;
    swarm.id = Api::SwarmId(1);
    swarm.name = u"s"_s;
    Api::Agent agent;
    agent.id = Api::AgentId(2);
    agent.swarmId = swarm.id;
    agent.spec.name = u"a"_s;
    Api::Agent other = agent;
    other.id = Api::AgentId(3);
    std::vector<StoreWrite> writes;
    writes.push_back(SwarmWrite {swarm});
    writes.push_back(AgentWrite {agent});
    writes.push_back(AgentWrite {other});
    QS_VERIFY_OK(write(store, std::move(writes)));

    QS_VERIFY_OK(write(store, AgentWrite {agent, true}));
    auto snapshot = load(store);
    QCOMPARE(snapshot->agents.size(), 1);
    QCOMPARE(snapshot->agents.constFirst().id, Api::AgentId(3));

    // A swarm that is written again is replaced, not duplicated.
    swarm.name = u"renamed"_s;
    QS_VERIFY_OK(write(store, SwarmWrite {swarm}));
    snapshot = load(store);
    QCOMPARE(snapshot->swarms.size(), 1);
    QCOMPARE(snapshot->swarms.constFirst().name, u"renamed"_s);

    QS_VERIFY_OK(write(store, SwarmWrite {swarm, true}));
    snapshot = load(store);
    QVERIFY(snapshot->swarms.isEmpty());
}

void TestMemoryStore::progressUpdatesTheTask()
{
    MemoryStore store;
    Api::Task task = richTask(1);
    task.attempt = 0;
    QS_VERIFY_OK(write(store, TaskWrite {task}));

    TaskProgress running;
    running.id = task.id;
    running.state = TaskState::Running;
    running.attempt = 1;
    running.stateReason = u"started"_s;
    running.startedMs = 1700000000500;
    running.costUsd = 0.003;
    QS_VERIFY_OK(write(store, running));

    auto read = fetchTask(store, 1);
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
    QS_VERIFY_OK(write(store, done));

    read = fetchTask(store, 1);
    QS_VERIFY_OK(read);
    QCOMPARE(read->state, TaskState::Succeeded);
    QCOMPARE(read->finishedMs, qint64(1700000009000));
    QVERIFY(read->result.has_value());
    QVERIFY(read->result.value() == done.result.value());
    QVERIFY(!read->error.has_value());

    // Progress that sets an error (a failed attempt) is kept too.
    QS_VERIFY_OK(write(store, TaskWrite {richTask(2)}));
    TaskProgress failed;
    failed.id = Api::TaskId(2);
    failed.state = TaskState::Failed;
    failed.attempt = 1;
    failed.error = Api::makeError(Api::ErrorCode::ProviderError, u"all calls failed"_s, {{u"retriable"_s, true}});
    QS_VERIFY_OK(write(store, failed));
    read = fetchTask(store, 2);
    QVERIFY(read->error.has_value());
    QVERIFY(read->error.value() == failed.error.value());
    QVERIFY(!read->result.has_value());
}

void TestMemoryStore::succeededTaskIsFinal_data()
{
    QTest::addColumn<bool>("fullWrite");
    QTest::addColumn<int>("attempt");

    QTest::newRow("progress, same attempt") << false << 1;
    QTest::newRow("progress, newer attempt") << false << 2;
    QTest::newRow("full write, same attempt") << true << 1;
    QTest::newRow("full write, newer attempt") << true << 5;
}

void TestMemoryStore::succeededTaskIsFinal()
{
    QFETCH(bool, fullWrite);
    QFETCH(int, attempt);

    MemoryStore store;
    const Api::Task succeeded = richTask(1, TaskState::Succeeded);
    QS_VERIFY_OK(write(store, TaskWrite {succeeded}));

    Api::Task late = richTask(1, TaskState::Failed);
    late.attempt = attempt;
    late.spec.promptTemplate = u"changed"_s;
    if (fullWrite)
        QS_VERIFY_OK(write(store, TaskWrite {late}));
    else
        QS_VERIFY_OK(write(store, TaskProgress::of(late)));

    const auto read = fetchTask(store, 1);
    QS_VERIFY_OK(read);
    QVERIFY(read.value() == succeeded);
}

void TestMemoryStore::olderAttemptIsIgnored_data()
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

void TestMemoryStore::olderAttemptIsIgnored()
{
    QFETCH(bool, fullWrite);
    QFETCH(int, attempt);
    QFETCH(bool, applied);

    MemoryStore store;
    Api::Task current = richTask(1, TaskState::Running);
    current.attempt = 3;
    QS_VERIFY_OK(write(store, TaskWrite {current}));

    Api::Task late = richTask(1, TaskState::Failed);
    late.attempt = attempt;
    late.stateReason = u"late"_s;
    if (fullWrite)
        QS_VERIFY_OK(write(store, TaskWrite {late}));
    else
        QS_VERIFY_OK(write(store, TaskProgress::of(late)));

    const auto read = fetchTask(store, 1);
    QS_VERIFY_OK(read);
    QCOMPARE(read->state, applied ? TaskState::Failed : TaskState::Running);
    QCOMPARE(read->attempt, applied ? attempt : 3);
    QCOMPARE(read->stateReason, applied ? u"late"_s : u"accepted"_s);
}

void TestMemoryStore::progressOfUnknownTaskChangesNothing()
{
    MemoryStore store;
    TaskProgress progress;
    progress.id = Api::TaskId(9);
    progress.state = TaskState::Running;
    progress.attempt = 1;
    QS_VERIFY_OK(write(store, progress));
    QS_VERIFY_ERROR(fetchTask(store, 9), Api::ErrorCode::NotFound);
    QCOMPARE(load(store)->maxTaskId, quint64(0));
}

void TestMemoryStore::decisionsAreImmutable()
{
    MemoryStore store;
    const Api::Decision original = richDecision(1, 1);
    QS_VERIFY_OK(write(store, DecisionWrite {original}));
    Api::Decision rewritten = original;
    rewritten.answer = u"Lyon"_s;
    rewritten.agreement = 0.1;
    QS_VERIFY_OK(write(store, DecisionWrite {rewritten}));

    const auto read = fetchDecision(store, 1);
    QS_VERIFY_OK(read);
    QVERIFY(read.value() == original);
    const auto page = fetchDecisions(store, decisionQuery());
    QS_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items.constFirst().answer, u"Paris"_s);
}

void TestMemoryStore::notFound()
{
    MemoryStore store;
    QS_VERIFY_ERROR(fetchTask(store, 1), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(fetchDecision(store, 1), Api::ErrorCode::NotFound);
    fill(store);
    QS_VERIFY_ERROR(fetchTask(store, 99), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(fetchDecision(store, 99), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(fetchTask(store, 0), Api::ErrorCode::NotFound);
    QS_VERIFY_OK(fetchTask(store, 12));
    QS_VERIFY_OK(fetchDecision(store, 10));
}

void TestMemoryStore::queryTasks_data()
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

void TestMemoryStore::queryTasks()
{
    QFETCH(Api::TaskQuery, query);
    QFETCH(QList<quint64>, ids);

    MemoryStore store;
    fill(store);
    const auto page = fetchTasks(store, query);
    QS_VERIFY_OK(page);
    QCOMPARE(idsOf(page->items), ids);
    QVERIFY(page->nextCursor.isEmpty());
}

void TestMemoryStore::queryDecisions_data()
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

void TestMemoryStore::queryDecisions()
{
    QFETCH(Api::DecisionQuery, query);
    QFETCH(QList<quint64>, ids);

    MemoryStore store;
    fill(store);
    const auto page = fetchDecisions(store, query);
    QS_VERIFY_OK(page);
    QCOMPARE(idsOf(page->items), ids);
    QVERIFY(page->nextCursor.isEmpty());
}

void TestMemoryStore::taskPaging_data()
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
    }
    Api::TaskQuery none = taskQuery(3);
    none.text = u"zebra"_s;
    QTest::newRow("no match") << none << QList<quint64> {};
}

void TestMemoryStore::taskPaging()
{
    QFETCH(Api::TaskQuery, query);
    QFETCH(QList<quint64>, ids);

    MemoryStore store;
    fill(store);
    const int limit = query.page.limit;
    QList<quint64> seen;
    int pages = 0;
    do {
        const auto page = fetchTasks(store, query);
        QS_VERIFY_OK(page);
        ++pages;
        QVERIFY(page->items.size() <= limit);
        if (!page->nextCursor.isEmpty())
            QCOMPARE(page->items.size(), limit); // only a full page has a next one
        seen += idsOf(page->items);
        query.page.cursor = page->nextCursor;
    } while (!query.page.cursor.isEmpty() && pages <= 20);

    QCOMPARE(seen, ids);
    const int expectedPages = ids.isEmpty() ? 1 : static_cast<int>((ids.size() + limit - 1) / limit);
    QCOMPARE(pages, expectedPages);
}

void TestMemoryStore::decisionPaging()
{
    MemoryStore store;
    fill(store);
    Api::DecisionQuery query = decisionQuery(3);
    QList<quint64> seen;
    QStringList cursors;
    for (int pages = 0; pages < 20; ++pages) {
        const auto page = fetchDecisions(store, query);
        QS_VERIFY_OK(page);
        seen += idsOf(page->items);
        if (page->nextCursor.isEmpty())
            break;
        cursors << page->nextCursor;
        query.page.cursor = page->nextCursor;
    }
    QCOMPARE(seen, (QList<quint64> {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
    QCOMPARE(cursors.size(), 3);
}

void TestMemoryStore::pagingIsStableWhileTasksAreWritten()
{
    MemoryStore store;
    fill(store);
    Api::TaskQuery query = taskQuery(5);
    auto page = fetchTasks(store, query);
    QS_VERIFY_OK(page);
    QList<quint64> seen = idsOf(page->items);

    // A new task and a state change arrive between pages.
    Api::Task newer = rowTask(taskRows[0]);
    newer.id = Api::TaskId(13);
    QS_VERIFY_OK(write(store, TaskWrite {newer}));
    TaskProgress progress;
    progress.id = Api::TaskId(4);
    progress.state = TaskState::Queued;
    progress.attempt = 2;
    QS_VERIFY_OK(write(store, progress));

    while (!page->nextCursor.isEmpty()) {
        query.page.cursor = page->nextCursor;
        page = fetchTasks(store, query);
        QS_VERIFY_OK(page);
        seen += idsOf(page->items);
    }
    QCOMPARE(seen, (QList<quint64> {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
}

void TestMemoryStore::badPageRequests_data()
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

void TestMemoryStore::badPageRequests()
{
    QFETCH(int, limit);
    QFETCH(QString, cursor);
    QFETCH(QString, path);

    MemoryStore store;
    fill(store);
    Api::TaskQuery tasks = taskQuery(limit);
    tasks.page.cursor = cursor;
    const auto taskPage = fetchTasks(store, tasks);
    QS_VERIFY_ERROR(taskPage, Api::ErrorCode::InvalidArgument);
    QCOMPARE(taskPage.error().details.value(u"path"_s).toString(), path);

    Api::DecisionQuery decisions = decisionQuery(limit);
    decisions.page.cursor = cursor;
    const auto decisionPage = fetchDecisions(store, decisions);
    QS_VERIFY_ERROR(decisionPage, Api::ErrorCode::InvalidArgument);
    QCOMPARE(decisionPage.error().details.value(u"path"_s).toString(), path);
}

QTEST_GUILESS_MAIN(TestMemoryStore)
#include "tst_memorystore.moc"
