// Integration tests of the scheduler as an operator sees it: an Engine driven on the test thread, its
// simulated provider's observations, and the task events it publishes.
#include "providers/simulatedprovider.h"
#include "runtime/clock.h"
#include "runtime/engine.h"
#include "store/memorystore.h"

#include <testsupport.h>

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace QwenSwarm::Engine {

namespace {

/// Records every event of a subscription, in seq order, as the engine hands them over.
class EventRecorder final : public EventSink
{
public:
    void deliverEvents(Api::SubscriptionId, QList<Api::Event> &&batch,
                       const std::shared_ptr<std::atomic<qint64>> &unconsumed) override
    {
        unconsumed->fetch_sub(batch.size(), std::memory_order_release);
        events.append(batch);
    }
    void deliverDropped(Api::SubscriptionId, quint64, quint64) override { ++drops; }

    QList<Api::TaskEvent> taskEvents(Api::TaskId id) const
    {
        QList<Api::TaskEvent> found;
        for (const Api::Event &e : events) {
            if (const auto *t = std::get_if<Api::TaskEvent>(&e.payload); t && t->taskId == id)
                found.append(*t);
        }
        return found;
    }

    /// Task events with their publication time, for measuring gaps between transitions.
    QList<std::pair<qint64, Api::TaskEvent>> timedTaskEvents(Api::TaskId id) const
    {
        QList<std::pair<qint64, Api::TaskEvent>> found;
        for (const Api::Event &e : events) {
            if (const auto *t = std::get_if<Api::TaskEvent>(&e.payload); t && t->taskId == id)
                found.append({e.timeMs, *t});
        }
        return found;
    }

    QList<Api::AgentEvent> agentEvents(Api::AgentId id) const
    {
        QList<Api::AgentEvent> found;
        for (const Api::Event &e : events) {
            if (const auto *a = std::get_if<Api::AgentEvent>(&e.payload); a && a->agentId == id)
                found.append(*a);
        }
        return found;
    }

    bool finished(Api::TaskId id) const
    {
        const QList<Api::TaskEvent> all = taskEvents(id);
        return !all.isEmpty() && Api::isTerminal(all.constLast().to);
    }

    bool everRan(Api::TaskId id) const
    {
        const QList<Api::TaskEvent> all = taskEvents(id);
        return std::any_of(all.cbegin(), all.cend(),
                           [](const Api::TaskEvent &t) { return t.to == Api::TaskState::Running; });
    }

    /// Task ids in the order their attempts started.
    QList<Api::TaskId> startOrder() const
    {
        QList<Api::TaskId> order;
        for (const Api::Event &e : events) {
            if (const auto *t = std::get_if<Api::TaskEvent>(&e.payload); t && t->to == Api::TaskState::Running)
                order.append(t->taskId);
        }
        return order;
    }

    /// The most tasks past "queued" at once, replayed from the transitions.
    int peakRunning() const
    {
        QSet<quint64> running;
        qsizetype peak = 0;
        for (const Api::Event &e : events) {
            const auto *t = std::get_if<Api::TaskEvent>(&e.payload);
            if (!t)
                continue;
            if (t->to == Api::TaskState::Running || t->to == Api::TaskState::Deciding)
                running.insert(t->taskId.value);
            else
                running.remove(t->taskId.value);
            peak = std::max(peak, running.size());
        }
        return static_cast<int>(peak);
    }

    QList<Api::Event> events;
    int drops = 0;
};

QJsonObject simulated(double accuracy, int latencyMs, const QJsonObject &more = {})
{
    QJsonObject parameters = more;
    parameters.insert(u"accuracy"_s, accuracy);
    parameters.insert(u"latency_ms"_s, latencyMs);
    return parameters;
}

Api::AgentSpec agentSpec(const QString &name, const QJsonObject &parameters, int maxConcurrency = 4,
                         const QStringList &tags = {})
{
    Api::AgentSpec spec;
    spec.name = name;
    spec.model = u"sim"_s;
    spec.parameters = parameters;
    spec.limits.maxConcurrency = maxConcurrency;
    spec.tags = tags;
    return spec;
}

Api::TaskSpec taskSpec(Api::SwarmId swarm, const QString &reference = u"42"_s)
{
    Api::TaskSpec spec;
    spec.swarmId = swarm;
    spec.promptTemplate = u"What is the answer?"_s;
    spec.referenceAnswer = reference;
    return spec;
}

Api::TaskSpec workloadSpec(Api::SwarmId swarm, int t)
{
    Api::TaskSpec spec;
    spec.swarmId = swarm;
    spec.promptTemplate = u"task {{t}} agent {{agent.index}}"_s;
    spec.variables.insert(u"t"_s, t);
    spec.answerFormat = Api::AnswerFormat::Choice;
    spec.choices = {u"A"_s, u"B"_s};
    return spec;
}

/// One engine on the test thread, with a subscription to everything it publishes.
class Harness
{
public:
    explicit Harness(EngineConfig config = {})
        : engine(std::move(config), std::make_unique<MemoryStore>())
    {
        engine.start();
        engine.subscribe({}, &recorder);
    }
    ~Harness() { engine.removeSink(&recorder); }

    const SimulatedProvider::Stats &stats()
    {
        return static_cast<SimulatedProvider *>(engine.provider(u"simulated"_s))->stats();
    }

    Api::Result<Api::Swarm> createSwarm(const QList<Api::AgentSpec> &agents, const Api::StrategySpec &strategy = {})
    {
        Api::SwarmSpec spec;
        spec.name = u"swarm-%1"_s.arg(++m_swarmCount);
        spec.agents = agents;
        spec.defaultStrategy = strategy;
        return Testing::await<Api::Swarm>([&](QObject *, auto done) { engine.createSwarm(spec, done); });
    }

    Api::Result<QList<Api::Task>> submit(const QList<Api::TaskSpec> &specs)
    {
        return Testing::await<QList<Api::Task>>([&](QObject *, auto done) { engine.tasks().submit(specs, done); });
    }

    Api::Result<Api::Task> submit(const Api::TaskSpec &spec)
    {
        auto tasks = submit(QList<Api::TaskSpec> {spec});
        if (!tasks)
            return tasks.error();
        return tasks->constFirst();
    }

    Api::Result<Api::Task> task(Api::TaskId id)
    {
        return Testing::await<Api::Task>([&](QObject *, auto done) { engine.tasks().task(id, done); });
    }

    Api::Result<Api::Task> cancel(Api::TaskId id)
    {
        return Testing::await<Api::Task>([&](QObject *, auto done) { engine.tasks().cancel(id, u"test"_s, done); });
    }

    Api::Result<Api::Task> retry(Api::TaskId id)
    {
        return Testing::await<Api::Task>([&](QObject *, auto done) { engine.tasks().retry(id, done); });
    }

    Api::Result<Api::Decision> decision(Api::DecisionId id)
    {
        return Testing::await<Api::Decision>([&](QObject *, auto done) { engine.tasks().decision(id, done); });
    }

    /// The decisions of a task, oldest first.
    QList<Api::Decision> decisionsOf(Api::TaskId id)
    {
        Api::DecisionQuery query;
        query.taskId = id;
        query.page.limit = 1000;
        auto page = Testing::await<Api::Page<Api::Decision>>(
            [&](QObject *, auto done) { engine.tasks().queryDecisions(query, done); });
        if (!page)
            return {};
        QList<Api::Decision> items = page->items;
        std::reverse(items.begin(), items.end());
        return items;
    }

    Api::Result<Api::Agent> command(Api::AgentId id, Api::AgentCommand command)
    {
        return Testing::await<Api::Agent>(
            [&](QObject *, auto done) { engine.commandAgent(id, command, u"test"_s, done); });
    }

    Api::Result<Api::Agent> agent(Api::AgentId id)
    {
        return Testing::await<Api::Agent>([&](QObject *, auto done) { engine.agent(id, done); });
    }

    bool waitFinished(const QList<Api::TaskId> &ids, int timeoutMs = 10000)
    {
        return Testing::spinUntil(
            [&] {
                return std::all_of(ids.cbegin(), ids.cend(), [this](Api::TaskId id) { return recorder.finished(id); });
            },
            timeoutMs);
    }

    bool waitFinished(const QList<Api::Task> &tasks, int timeoutMs = 10000)
    {
        QList<Api::TaskId> ids;
        for (const Api::Task &t : tasks)
            ids.append(t.id);
        return waitFinished(ids, timeoutMs);
    }

    double metric(const QString &name, const Api::MetricLabels &labels = {})
    {
        return engine.metrics().value(name, labels).value_or(-1);
    }

    EventRecorder recorder; // declared first: outlives the engine
    Engine engine;

private:
    int m_swarmCount = 0;
};

QList<Api::TaskState> statesOf(const QList<Api::TaskEvent> &events, bool withDeciding = false)
{
    QList<Api::TaskState> states;
    for (const Api::TaskEvent &e : events) {
        if (withDeciding || e.to != Api::TaskState::Deciding)
            states.append(e.to);
    }
    return states;
}

QSet<quint64> votersOf(const Api::Decision &decision, std::optional<Api::VoteStatus> status = std::nullopt)
{
    QSet<quint64> voters;
    for (const Api::Round &round : decision.rounds) {
        for (const Api::Vote &v : round.votes) {
            if (!status || v.status == *status)
                voters.insert(v.agentId.value);
        }
    }
    return voters;
}

/// What the decisions of a run say, one line per decision and per vote, by task and agent.
QStringList decisionSummary(const QList<Api::Decision> &decisions)
{
    QStringList lines;
    for (const Api::Decision &d : decisions) {
        lines << u"task %1: %2 '%3' %4"_s.arg(d.taskId.value)
                     .arg(Api::enumName(d.outcome).toString(), d.answer)
                     .arg(d.agreement, 0, 'f', 6);
        QList<Api::Vote> votes = d.rounds.isEmpty() ? QList<Api::Vote> {} : d.rounds.constLast().votes;
        std::sort(votes.begin(), votes.end(),
                  [](const Api::Vote &a, const Api::Vote &b) { return a.agentId < b.agentId; });
        for (const Api::Vote &v : votes)
            lines << u"task %1 agent %2: %3"_s.arg(d.taskId.value).arg(v.agentId.value).arg(v.rawAnswer);
    }
    return lines;
}

} // namespace

class TstScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsInPriorityOrder();
    void respectsConcurrencyLimits_data();
    void respectsConcurrencyLimits();
    void cancelsQueuedTask();
    void cancelsInFlightTask();
    void cancelStartsNoWaitingCall();
    void cancelRefusesFinishedAndUnknownTasks();
    void retriesProviderFailuresWithBackoff();
    void retriesNoConsensus();
    void retryTaskRequeuesFailedTask();
    void retryTaskOnlyForUnsuccessfulEnds();
    void deadlineStopsRunningTask();
    void deadlineStopsQueuedTask();
    void pastDeadlineIsRejected();
    void idempotencyKeyAnswersExistingTask();
    void parksWhileAllAgentsArePaused();
    void pauseWithdrawsWaitingCalls();
    void stopCancelsInFlightCalls();
    void decisionKeepsTheWholeTrail();
    void selectsAgents_data();
    void selectsAgents();
    void sameSeedSameDecisions();
    void taskBudgetStopsFurtherCalls();
    void taskBudgetCancelsInFlightCalls();
    void agentBudgetPausesAgent();

private:
    QList<Api::Decision> runSeeded(quint64 seed, QList<Api::AgentId> &sureAgents);
};

void TstScheduler::startsInPriorityOrder()
{
    EngineConfig config;
    config.maxRunningTasks = 1;
    Harness h(config);
    const auto swarm = h.createSwarm(
        {agentSpec(u"a"_s, simulated(1, 5)), agentSpec(u"b"_s, simulated(1, 5)), agentSpec(u"c"_s, simulated(1, 5))});
    QS_VERIFY_OK(swarm);

    // The first task starts at once (nothing else waits); the rest queue behind it, accepted together.
    const qint64 now = wallClockMs();
    struct Item
    {
        QString label;
        int priority;
        qint64 deadlineMs;
    };
    const QList<Item> items {
        {u"first"_s, -10, 0},
        {u"p1-a"_s, 1, 0},
        {u"p5-late"_s, 5, now + 60000},
        {u"p5-none-a"_s, 5, 0},
        {u"p5-early"_s, 5, now + 30000},
        {u"p1-b"_s, 1, 0},
        {u"p-3"_s, -3, 0},
        {u"p5-none-b"_s, 5, 0},
        {u"p1-early"_s, 1, now + 45000},
    };
    QList<Api::TaskSpec> specs;
    for (const Item &item : items) {
        Api::TaskSpec spec = taskSpec(swarm->id);
        spec.priority = item.priority;
        spec.deadlineMs = item.deadlineMs;
        spec.tags = {item.label};
        specs.append(spec);
    }
    const auto tasks = h.submit(specs);
    QS_VERIFY_OK(tasks);
    QVERIFY(h.waitFinished(tasks.value()));

    QHash<quint64, QString> labels;
    for (qsizetype i = 0; i < tasks->size(); ++i)
        labels.insert(tasks->at(i).id.value, items[i].label);
    QStringList order;
    for (Api::TaskId id : h.recorder.startOrder())
        order << labels.value(id.value);
    const QStringList expected {u"first"_s,    u"p5-early"_s, u"p5-late"_s, u"p5-none-a"_s, u"p5-none-b"_s,
                                u"p1-early"_s, u"p1-a"_s,     u"p1-b"_s,    u"p-3"_s};
    QCOMPARE(order, expected);
    QCOMPARE(h.recorder.peakRunning(), 1);
    for (const Api::Task &t : tasks.value())
        QCOMPARE(h.recorder.taskEvents(t.id).constLast().to, Api::TaskState::Succeeded);
}

void TstScheduler::respectsConcurrencyLimits_data()
{
    QTest::addColumn<int>("agents");
    QTest::addColumn<int>("agentLimit");
    QTest::addColumn<int>("providerLimit");
    QTest::addColumn<int>("globalCalls");
    QTest::addColumn<int>("maxRunning");
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("expectedCallPeak");
    QTest::addColumn<int>("expectedAgentPeak");
    QTest::addColumn<int>("expectedRunningPeak");

    // Unlimited dimensions saturate: every task starts at once and asks every agent. An expected
    // agent peak of -1 is not checked (it depends on how the shared slots were handed out).
    QTest::newRow("per agent") << 3 << 2 << 0 << 0 << 0 << 12 << 6 << 2 << 12;
    QTest::newRow("per provider") << 4 << 0 << 3 << 0 << 0 << 10 << 3 << -1 << 10;
    QTest::newRow("global calls") << 4 << 0 << 0 << 5 << 0 << 10 << 5 << -1 << 10;
    QTest::newRow("running tasks") << 3 << 0 << 0 << 0 << 2 << 10 << 6 << 2 << 2;
    QTest::newRow("all at once") << 4 << 1 << 3 << 2 << 3 << 12 << 2 << 1 << 3;
}

void TstScheduler::respectsConcurrencyLimits()
{
    QFETCH(int, agents);
    QFETCH(int, agentLimit);
    QFETCH(int, providerLimit);
    QFETCH(int, globalCalls);
    QFETCH(int, maxRunning);
    QFETCH(int, tasks);
    QFETCH(int, expectedCallPeak);
    QFETCH(int, expectedAgentPeak);
    QFETCH(int, expectedRunningPeak);

    EngineConfig config;
    config.maxRunningTasks = maxRunning;
    config.maxInFlightCalls = globalCalls;
    config.providerConcurrency.insert(u"simulated"_s, providerLimit);
    Harness h(config);
    QList<Api::AgentSpec> agentSpecs;
    for (int i = 0; i < agents; ++i)
        agentSpecs.append(agentSpec(u"agent-%1"_s.arg(i), simulated(1, 10), agentLimit));
    const auto swarm = h.createSwarm(agentSpecs);
    QS_VERIFY_OK(swarm);

    QList<Api::TaskSpec> specs;
    for (int t = 0; t < tasks; ++t)
        specs.append(taskSpec(swarm->id, QString::number(t)));
    const auto accepted = h.submit(specs);
    QS_VERIFY_OK(accepted);

    // The engine's own gauge never shows more running tasks than allowed, whenever we look.
    double runningGaugePeak = 0;
    QVERIFY(Testing::spinUntil([&] {
        runningGaugePeak = std::max(runningGaugePeak, h.metric(u"qwen_swarm_tasks"_s, {{u"state"_s, u"running"_s}}));
        return std::all_of(accepted->cbegin(), accepted->cend(),
                           [&h](const Api::Task &t) { return h.recorder.finished(t.id); });
    }));

    const SimulatedProvider::Stats &stats = h.stats();
    int agentPeak = 0;
    for (auto it = stats.peakInFlightPerAgent.cbegin(); it != stats.peakInFlightPerAgent.cend(); ++it)
        agentPeak = std::max(agentPeak, it.value());
    if (agentLimit > 0)
        QVERIFY2(agentPeak <= agentLimit, qPrintable(u"agent peak %1 > limit %2"_s.arg(agentPeak).arg(agentLimit)));
    if (providerLimit > 0)
        QVERIFY2(stats.peakInFlight <= providerLimit, qPrintable(u"provider peak %1"_s.arg(stats.peakInFlight)));
    if (globalCalls > 0)
        QVERIFY2(stats.peakInFlight <= globalCalls, qPrintable(u"global peak %1"_s.arg(stats.peakInFlight)));
    const int runningPeak = h.recorder.peakRunning();
    if (maxRunning > 0) {
        QVERIFY2(runningPeak <= maxRunning, qPrintable(u"running peak %1"_s.arg(runningPeak)));
        QVERIFY(runningGaugePeak <= maxRunning);
    }
    // The limits were reached, so the checks above had something to bite on.
    QCOMPARE(stats.peakInFlight, expectedCallPeak);
    if (expectedAgentPeak >= 0)
        QCOMPARE(agentPeak, expectedAgentPeak);
    QCOMPARE(runningPeak, expectedRunningPeak);

    QCOMPARE(stats.inFlight, 0);
    QCOMPARE(stats.started, quint64(agents) * quint64(tasks));
    QCOMPARE(stats.completed, stats.started);
    for (const Api::Task &t : accepted.value())
        QCOMPARE(h.recorder.taskEvents(t.id).constLast().to, Api::TaskState::Succeeded);
    QCOMPARE(h.metric(u"qwen_swarm_tasks_finished_total"_s, {{u"state"_s, u"succeeded"_s}}), double(tasks));
}

void TstScheduler::cancelsQueuedTask()
{
    EngineConfig config;
    config.maxRunningTasks = 1;
    Harness h(config);
    const auto swarm = h.createSwarm({agentSpec(u"slow"_s, simulated(1, 300))});
    QS_VERIFY_OK(swarm);
    const auto tasks = h.submit({taskSpec(swarm->id), taskSpec(swarm->id)});
    QS_VERIFY_OK(tasks);
    const Api::TaskId blocker = tasks->at(0).id;
    const Api::TaskId victim = tasks->at(1).id;

    const auto cancelled = h.cancel(victim);
    QS_VERIFY_OK(cancelled);
    QCOMPARE(cancelled->state, Api::TaskState::Cancelled);
    QVERIFY(cancelled->error.has_value());
    QCOMPARE(cancelled->error->code, Api::ErrorCode::Cancelled);
    QCOMPARE(cancelled->attempt, 0);

    QVERIFY(h.waitFinished({blocker, victim}));
    QCOMPARE(h.recorder.taskEvents(blocker).constLast().to, Api::TaskState::Succeeded);
    QVERIFY(!h.recorder.everRan(victim));
    QCOMPARE(statesOf(h.recorder.taskEvents(victim)),
             (QList<Api::TaskState> {Api::TaskState::Queued, Api::TaskState::Cancelled}));
    QCOMPARE(h.stats().started, quint64(1)); // the blocker's one call only
    QVERIFY(h.decisionsOf(victim).isEmpty()); // it never ran: nothing to decide

    const auto stored = h.task(victim);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Cancelled);
    QCOMPARE(stored->error->code, Api::ErrorCode::Cancelled);
    QCOMPARE(h.metric(u"qwen_swarm_queue_depth"_s), 0.0);
}

void TstScheduler::cancelsInFlightTask()
{
    Harness h;
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, simulated(1, 300)), agentSpec(u"b"_s, simulated(1, 300)),
                                      agentSpec(u"c"_s, simulated(1, 300))});
    QS_VERIFY_OK(swarm);
    const auto task = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(task);
    QVERIFY(Testing::spinUntil([&] { return h.stats().inFlight == 3; }));

    const auto cancelled = h.cancel(task->id);
    QS_VERIFY_OK(cancelled);
    QCOMPARE(cancelled->state, Api::TaskState::Cancelled);
    QCOMPARE(cancelled->error->code, Api::ErrorCode::Cancelled);
    QCOMPARE(h.stats().cancelled, quint64(3));
    QCOMPARE(h.stats().inFlight, 0);

    // Well past the calls' latency: no answer of a cancelled call arrives, the end stays the end.
    Testing::spinFor(450);
    QCOMPARE(h.stats().completed, quint64(0));
    QCOMPARE(statesOf(h.recorder.taskEvents(task->id)),
             (QList<Api::TaskState> {Api::TaskState::Queued, Api::TaskState::Running, Api::TaskState::Cancelled}));
    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Cancelled);
    QVERIFY(!stored->result.has_value());

    const QList<Api::Decision> decisions = h.decisionsOf(task->id);
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions[0].outcome, Api::DecisionOutcome::NoDecision);
    QCOMPARE(decisions[0].rounds.size(), 1);
    QCOMPARE(decisions[0].rounds[0].votes.size(), 3);
    for (const Api::Vote &v : decisions[0].rounds[0].votes)
        QCOMPARE(v.status, Api::VoteStatus::Cancelled);
    QCOMPARE(votersOf(decisions[0]),
             (QSet<quint64> {swarm->agentIds[0].value, swarm->agentIds[1].value, swarm->agentIds[2].value}));

    // The cancelled calls gave their slots and agents back.
    for (Api::AgentId id : swarm->agentIds) {
        const auto agent = h.agent(id);
        QS_VERIFY_OK(agent);
        QCOMPARE(agent->state, Api::AgentState::Idle);
        QCOMPARE(agent->stats.inFlight, 0);
    }
}

void TstScheduler::cancelStartsNoWaitingCall()
{
    // One call at a time: the task's first call is in flight, its other two wait for the slot.
    EngineConfig config;
    config.providerConcurrency.insert(u"simulated"_s, 1);
    Harness h(config);
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, simulated(1, 300)), agentSpec(u"b"_s, simulated(1, 300)),
                                      agentSpec(u"c"_s, simulated(1, 300))});
    QS_VERIFY_OK(swarm);
    const auto task = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(task);
    QVERIFY(Testing::spinUntil([&] { return h.stats().inFlight == 1; }));
    QCOMPARE(h.stats().started, quint64(1));

    QS_VERIFY_OK(h.cancel(task->id));
    // Cancelling gives up the waiting calls; none of them may reach the provider on the way out.
    QCOMPARE(h.stats().started, quint64(1));
    QCOMPARE(h.stats().cancelled, quint64(1));
    QCOMPARE(h.stats().inFlight, 0);
    const QList<Api::Decision> decisions = h.decisionsOf(task->id);
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(votersOf(decisions[0], Api::VoteStatus::Cancelled).size(), 3);
}

void TstScheduler::cancelRefusesFinishedAndUnknownTasks()
{
    Harness h;
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, simulated(1, 0))});
    QS_VERIFY_OK(swarm);
    const auto task = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(task);
    QVERIFY(h.waitFinished({task->id}));
    const quint64 seqBefore = h.engine.context().events.headSeq();

    QS_VERIFY_ERROR(h.cancel(task->id), Api::ErrorCode::InvalidState);
    QS_VERIFY_ERROR(h.cancel(Api::TaskId(9999)), Api::ErrorCode::NotFound);
    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Succeeded);
    QCOMPARE(h.engine.context().events.headSeq(), seqBefore);
}

void TstScheduler::retriesProviderFailuresWithBackoff()
{
    Harness h;
    const QJsonObject failing = simulated(1, 0, {{u"failure_rate"_s, 1}});
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, failing), agentSpec(u"b"_s, failing)});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = taskSpec(swarm->id);
    spec.retry = Api::RetryPolicy {3, 20, 40, 0};
    const auto task = h.submit(spec);
    QS_VERIFY_OK(task);
    QVERIFY(h.waitFinished({task->id}));

    using S = Api::TaskState;
    const QList<Api::TaskEvent> events = h.recorder.taskEvents(task->id);
    QCOMPARE(statesOf(events),
             (QList<S> {S::Queued, S::Running, S::Queued, S::Running, S::Queued, S::Running, S::Failed}));
    QList<int> runningAttempts;
    for (const Api::TaskEvent &e : events) {
        QVERIFY2(!e.cause.isEmpty(), "every transition has a cause");
        if (e.to == S::Running)
            runningAttempts.append(e.attempt);
    }
    QCOMPARE(runningAttempts, (QList<int> {1, 2, 3}));

    // Each retry waits at least its backoff (20 ms, then doubled to the 40 ms cap). Publication
    // times are whole milliseconds of the wall clock; a timer may fire within its last millisecond.
    const auto timed = h.recorder.timedTaskEvents(task->id);
    QList<qint64> gaps;
    for (qsizetype i = 1; i < timed.size(); ++i) {
        if (timed[i].second.to == S::Running && timed[i - 1].second.to == S::Queued && timed[i].second.attempt > 1)
            gaps.append(timed[i].first - timed[i - 1].first);
    }
    QCOMPARE(gaps.size(), 2);
    QVERIFY2(gaps[0] >= 20 - 1, qPrintable(u"first backoff lasted %1 ms"_s.arg(gaps[0])));
    QVERIFY2(gaps[1] >= 40 - 1, qPrintable(u"second backoff lasted %1 ms"_s.arg(gaps[1])));

    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, S::Failed);
    QCOMPARE(stored->attempt, 3);
    QVERIFY(stored->error.has_value());
    QCOMPARE(stored->error->code, Api::ErrorCode::ProviderError);
    QCOMPARE(h.stats().started, quint64(6));
    QCOMPARE(h.stats().failed, quint64(6));
    QCOMPARE(h.metric(u"qwen_swarm_task_retries_total"_s), 2.0);
    QCOMPARE(h.metric(u"qwen_swarm_tasks_finished_total"_s, {{u"state"_s, u"failed"_s}}), 1.0);
}

void TstScheduler::retriesNoConsensus()
{
    Harness h;
    // Workload mode, message "task 4 agent <i>": agent 0 answers A, agent 1 answers B, every attempt.
    const QJsonObject workload {{u"mode"_s, u"workload"_s}};
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, workload), agentSpec(u"b"_s, workload)});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = workloadSpec(swarm->id, 4);
    spec.strategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"none"_s}}};
    spec.retry = Api::RetryPolicy {3, 5, 10, 0};
    const auto task = h.submit(spec);
    QS_VERIFY_OK(task);
    QVERIFY(h.waitFinished({task->id}));

    using S = Api::TaskState;
    QCOMPARE(statesOf(h.recorder.taskEvents(task->id)),
             (QList<S> {S::Queued, S::Running, S::Queued, S::Running, S::Queued, S::Running, S::Failed}));
    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->attempt, 3);
    QCOMPARE(stored->error->code, Api::ErrorCode::NoConsensus);
    QCOMPARE(stored->error->details.value(u"reason"_s).toString(), u"tie"_s);

    const QList<Api::Decision> decisions = h.decisionsOf(task->id);
    QCOMPARE(decisions.size(), 3);
    for (qsizetype i = 0; i < decisions.size(); ++i) {
        QCOMPARE(decisions[i].attempt, int(i) + 1);
        QCOMPARE(decisions[i].outcome, Api::DecisionOutcome::NoDecision);
        QVERIFY(decisions[i].answer.isEmpty());
        QCOMPARE(decisions[i].rounds.constLast().votes.size(), 2);
    }
}

void TstScheduler::retryTaskRequeuesFailedTask()
{
    Harness h;
    const QJsonObject failing = simulated(1, 0, {{u"failure_rate"_s, 1}});
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, failing)});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = taskSpec(swarm->id);
    spec.retry = Api::RetryPolicy {2, 5, 5, 0};
    const auto task = h.submit(spec);
    QS_VERIFY_OK(task);
    QVERIFY(h.waitFinished({task->id}));
    QCOMPARE(h.task(task->id)->attempt, 2);
    const qsizetype eventsBefore = h.recorder.taskEvents(task->id).size();

    const auto retried = h.retry(task->id);
    QS_VERIFY_OK(retried);
    QCOMPARE(retried->state, Api::TaskState::Queued);
    QVERIFY(!retried->error.has_value());
    QVERIFY(Testing::spinUntil([&] { return h.recorder.taskEvents(task->id).size() > eventsBefore + 1; }));
    QVERIFY(h.waitFinished({task->id}));

    const QList<Api::TaskEvent> after = h.recorder.taskEvents(task->id).mid(eventsBefore);
    QCOMPARE(after.first().from, Api::TaskState::Failed);
    QCOMPARE(after.first().to, Api::TaskState::Queued);
    const auto running = std::find_if(after.cbegin(), after.cend(),
                                      [](const Api::TaskEvent &e) { return e.to == Api::TaskState::Running; });
    QVERIFY(running != after.cend());
    QCOMPARE(running->attempt, 3);
    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Failed);
    QCOMPARE(stored->attempt, 3);
    QCOMPARE(h.stats().started, quint64(3));
}

void TstScheduler::retryTaskOnlyForUnsuccessfulEnds()
{
    Harness h;
    const auto swarm = h.createSwarm({agentSpec(u"fast"_s, simulated(1, 0)), agentSpec(u"slow"_s, simulated(1, 300))});
    QS_VERIFY_OK(swarm);

    const auto done = h.submit(taskSpec(swarm->id, u"7"_s));
    QS_VERIFY_OK(done);
    QVERIFY(h.waitFinished({done->id}));
    QCOMPARE(h.task(done->id)->state, Api::TaskState::Succeeded);
    QS_VERIFY_ERROR(h.retry(done->id), Api::ErrorCode::InvalidState);
    QCOMPARE(h.task(done->id)->state, Api::TaskState::Succeeded);
    QS_VERIFY_ERROR(h.retry(Api::TaskId(4242)), Api::ErrorCode::NotFound);

    // Running: cannot be retried.
    const auto running = h.submit(taskSpec(swarm->id, u"8"_s));
    QS_VERIFY_OK(running);
    QVERIFY(Testing::spinUntil([&] { return h.recorder.everRan(running->id); }));
    QS_VERIFY_ERROR(h.retry(running->id), Api::ErrorCode::InvalidState);

    // Cancelled: retried, it runs one more attempt and succeeds.
    QS_VERIFY_OK(h.cancel(running->id));
    const auto retried = h.retry(running->id);
    QS_VERIFY_OK(retried);
    QCOMPARE(retried->state, Api::TaskState::Queued);
    QVERIFY(Testing::spinUntil(
        [&] { return h.recorder.taskEvents(running->id).constLast().to == Api::TaskState::Succeeded; }));
    const auto stored = h.task(running->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->attempt, 2);
    QVERIFY(stored->result.has_value());
    QCOMPARE(stored->result->answer, u"8"_s);

    // Timed out: retried with a fresh deadline, and times out again.
    Api::TaskSpec late = taskSpec(swarm->id);
    late.selection.agentIds = {swarm->agentIds[1]};
    late.timeoutMs = 60;
    const auto timedOut = h.submit(late);
    QS_VERIFY_OK(timedOut);
    QVERIFY(h.waitFinished({timedOut->id}));
    const auto first = h.task(timedOut->id);
    QS_VERIFY_OK(first);
    QCOMPARE(first->state, Api::TaskState::TimedOut);
    const auto again = h.retry(timedOut->id);
    QS_VERIFY_OK(again);
    QCOMPARE(again->state, Api::TaskState::Queued);
    QVERIFY(again->effectiveDeadlineMs > first->effectiveDeadlineMs);
    QVERIFY(Testing::spinUntil(
        [&] { return h.recorder.taskEvents(timedOut->id).constLast().to == Api::TaskState::TimedOut; }));
    QCOMPARE(h.task(timedOut->id)->attempt, 2);
}

void TstScheduler::deadlineStopsRunningTask()
{
    Harness h;
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, simulated(1, 500)), agentSpec(u"b"_s, simulated(1, 500)),
                                      agentSpec(u"c"_s, simulated(1, 500))});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = taskSpec(swarm->id);
    spec.timeoutMs = 80;
    spec.retry = Api::RetryPolicy {3, 5, 5, 0}; // a deadline is final, whatever the retry policy
    const auto task = h.submit(spec);
    QS_VERIFY_OK(task);
    QVERIFY(task->effectiveDeadlineMs >= task->createdMs + 80);
    QVERIFY(h.waitFinished({task->id}));

    QCOMPARE(statesOf(h.recorder.taskEvents(task->id)),
             (QList<Api::TaskState> {Api::TaskState::Queued, Api::TaskState::Running, Api::TaskState::TimedOut}));
    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::TimedOut);
    QCOMPARE(stored->error->code, Api::ErrorCode::DeadlineExceeded);
    QCOMPARE(stored->attempt, 1);
    QVERIFY(stored->finishedMs >= task->effectiveDeadlineMs - 1);
    QCOMPARE(h.stats().cancelled, quint64(3));
    QCOMPARE(h.stats().inFlight, 0);

    Testing::spinFor(500);
    QCOMPARE(h.stats().completed, quint64(0));
    const QList<Api::Decision> decisions = h.decisionsOf(task->id);
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions[0].outcome, Api::DecisionOutcome::NoDecision);
    QCOMPARE(votersOf(decisions[0], Api::VoteStatus::TimedOut).size(), 3);
}

void TstScheduler::deadlineStopsQueuedTask()
{
    EngineConfig config;
    config.maxRunningTasks = 1;
    Harness h(config);
    const auto swarm = h.createSwarm({agentSpec(u"slow"_s, simulated(1, 400))});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec victimSpec = taskSpec(swarm->id);
    victimSpec.timeoutMs = 80;
    const auto tasks = h.submit({taskSpec(swarm->id), victimSpec});
    QS_VERIFY_OK(tasks);
    const Api::TaskId blocker = tasks->at(0).id;
    const Api::TaskId victim = tasks->at(1).id;

    QVERIFY(h.waitFinished({victim}));
    QCOMPARE(h.recorder.taskEvents(victim).constLast().to, Api::TaskState::TimedOut);
    QVERIFY(!h.recorder.finished(blocker)); // the victim ended while still waiting its turn
    QVERIFY(h.waitFinished({blocker}));
    QCOMPARE(h.recorder.taskEvents(blocker).constLast().to, Api::TaskState::Succeeded);
    QVERIFY(!h.recorder.everRan(victim));
    const auto stored = h.task(victim);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->error->code, Api::ErrorCode::DeadlineExceeded);
    QCOMPARE(stored->attempt, 0);
    QCOMPARE(h.stats().started, quint64(1));
    QCOMPARE(h.metric(u"qwen_swarm_queue_depth"_s), 0.0);
}

void TstScheduler::pastDeadlineIsRejected()
{
    Harness h;
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, simulated(1, 0))});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = taskSpec(swarm->id);
    spec.deadlineMs = wallClockMs() - 1000;
    const auto rejected = h.submit(spec);
    QS_VERIFY_ERROR(rejected, Api::ErrorCode::InvalidArgument);
    QCOMPARE(rejected.error().details.value(u"path"_s).toString(), u"deadline"_s);
    QCOMPARE(h.metric(u"qwen_swarm_tasks_submitted_total"_s), 0.0);
    QCOMPARE(h.stats().started, quint64(0));
}

void TstScheduler::idempotencyKeyAnswersExistingTask()
{
    Harness h;
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, simulated(1, 0))});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = taskSpec(swarm->id);
    spec.idempotencyKey = u"order-1"_s;

    const auto first = h.submit(spec);
    QS_VERIFY_OK(first);
    const auto second = h.submit(spec);
    QS_VERIFY_OK(second);
    QCOMPARE(second->id, first->id);
    QCOMPARE(h.metric(u"qwen_swarm_tasks_submitted_total"_s), 1.0);

    // Twice in one batch, beside the known key and a key-less task.
    Api::TaskSpec other = taskSpec(swarm->id);
    other.idempotencyKey = u"order-2"_s;
    const auto batch = h.submit({other, spec, other, taskSpec(swarm->id)});
    QS_VERIFY_OK(batch);
    QCOMPARE(batch->size(), 4);
    QCOMPARE(batch->at(0).id, batch->at(2).id);
    QCOMPARE(batch->at(1).id, first->id);
    QVERIFY(batch->at(0).id != first->id);
    QVERIFY(batch->at(3).id != batch->at(0).id && batch->at(3).id != first->id);
    QCOMPARE(h.metric(u"qwen_swarm_tasks_submitted_total"_s), 3.0);

    QVERIFY(h.waitFinished({first->id, batch->at(0).id, batch->at(3).id}));
    // After it finished, the key still answers the same task, as it is now.
    const auto later = h.submit(spec);
    QS_VERIFY_OK(later);
    QCOMPARE(later->id, first->id);
    QCOMPARE(later->state, Api::TaskState::Succeeded);
    Api::TaskQuery all;
    auto page
        = Testing::await<Api::Page<Api::Task>>([&](QObject *, auto done) { h.engine.tasks().queryTasks(all, done); });
    QS_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 3);
    QCOMPARE(h.metric(u"qwen_swarm_tasks_submitted_total"_s), 3.0);
}

void TstScheduler::parksWhileAllAgentsArePaused()
{
    Harness h;
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, simulated(1, 0)), agentSpec(u"b"_s, simulated(1, 0))});
    QS_VERIFY_OK(swarm);
    for (Api::AgentId id : swarm->agentIds)
        QS_VERIFY_OK(h.command(id, Api::AgentCommand::Pause));

    const auto task = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(task);
    Testing::spinFor(100);
    QVERIFY(!h.recorder.everRan(task->id));
    QCOMPARE(h.task(task->id)->state, Api::TaskState::Queued);
    QCOMPARE(h.metric(u"qwen_swarm_queue_depth"_s), 1.0);
    QCOMPARE(h.stats().started, quint64(0));

    QS_VERIFY_OK(h.command(swarm->agentIds[1], Api::AgentCommand::Resume));
    QVERIFY(h.waitFinished({task->id}));
    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Succeeded);
    QCOMPARE(stored->attempt, 1);
    const auto decision = h.decision(stored->result->decisionId);
    QS_VERIFY_OK(decision);
    QCOMPARE(votersOf(decision.value()), QSet<quint64> {swarm->agentIds[1].value}); // only the resumed agent
    QCOMPARE(h.metric(u"qwen_swarm_queue_depth"_s), 0.0);
}

void TstScheduler::pauseWithdrawsWaitingCalls()
{
    Harness h;
    const auto swarm
        = h.createSwarm({agentSpec(u"narrow"_s, simulated(1, 300), 1), agentSpec(u"wide"_s, simulated(1, 300), 0)});
    QS_VERIFY_OK(swarm);
    const Api::AgentId narrow = swarm->agentIds[0];
    const Api::AgentId wide = swarm->agentIds[1];
    // The first task's call holds narrow's only slot; the second task's call to narrow waits for it.
    const auto tasks = h.submit({taskSpec(swarm->id, u"1"_s), taskSpec(swarm->id, u"2"_s)});
    QS_VERIFY_OK(tasks);
    QVERIFY(Testing::spinUntil([&] { return h.stats().inFlight == 3; }));

    const auto paused = h.command(narrow, Api::AgentCommand::Pause);
    QS_VERIFY_OK(paused);
    QCOMPARE(paused->state, Api::AgentState::Paused);
    QCOMPARE(h.stats().cancelled, quint64(0)); // pausing lets in-flight calls finish
    QVERIFY(h.waitFinished(tasks.value()));

    QCOMPARE(h.stats().started, quint64(3));
    QCOMPARE(h.stats().completed, quint64(3));
    const auto first = h.task(tasks->at(0).id);
    const auto second = h.task(tasks->at(1).id);
    QS_VERIFY_OK(first);
    QS_VERIFY_OK(second);
    QCOMPARE(first->state, Api::TaskState::Succeeded);
    QCOMPARE(second->state, Api::TaskState::Succeeded);
    const auto firstDecision = h.decision(first->result->decisionId);
    const auto secondDecision = h.decision(second->result->decisionId);
    QS_VERIFY_OK(firstDecision);
    QS_VERIFY_OK(secondDecision);
    QCOMPARE(votersOf(firstDecision.value(), Api::VoteStatus::Valid), (QSet<quint64> {narrow.value, wide.value}));
    QCOMPARE(votersOf(secondDecision.value(), Api::VoteStatus::Valid), QSet<quint64> {wide.value});
    QCOMPARE(votersOf(secondDecision.value(), Api::VoteStatus::Cancelled), QSet<quint64> {narrow.value});
    const auto agent = h.agent(narrow);
    QS_VERIFY_OK(agent);
    QCOMPARE(agent->state, Api::AgentState::Paused);
    QCOMPARE(agent->stats.inFlight, 0);
}

void TstScheduler::stopCancelsInFlightCalls()
{
    Harness h;
    const auto swarm = h.createSwarm({agentSpec(u"x"_s, simulated(1, 300)), agentSpec(u"y"_s, simulated(1, 300))});
    QS_VERIFY_OK(swarm);
    const Api::AgentId x = swarm->agentIds[0];
    const Api::AgentId y = swarm->agentIds[1];
    const auto task = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(task);
    QVERIFY(Testing::spinUntil([&] { return h.stats().inFlight == 2; }));

    const auto stopped = h.command(x, Api::AgentCommand::Stop);
    QS_VERIFY_OK(stopped);
    QCOMPARE(stopped->state, Api::AgentState::Stopped);
    QCOMPARE(h.stats().cancelled, quint64(1));
    QCOMPARE(h.stats().inFlight, 1);
    QVERIFY(h.waitFinished({task->id}));

    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Succeeded);
    const auto decision = h.decision(stored->result->decisionId);
    QS_VERIFY_OK(decision);
    QCOMPARE(votersOf(decision.value(), Api::VoteStatus::Valid), QSet<quint64> {y.value});
    QCOMPARE(votersOf(decision.value(), Api::VoteStatus::Cancelled), QSet<quint64> {x.value});
    QCOMPARE(h.stats().completed, quint64(1));
    const auto agent = h.agent(x);
    QS_VERIFY_OK(agent);
    QCOMPARE(agent->state, Api::AgentState::Stopped);
    QCOMPARE(agent->stats.inFlight, 0);
}

void TstScheduler::decisionKeepsTheWholeTrail()
{
    Harness h;
    const QString systemPrompt = u"You are agent."_s;
    QList<Api::AgentSpec> agents;
    for (int i = 0; i < 5; ++i) {
        Api::AgentSpec spec = agentSpec(
            u"agent-%1"_s.arg(i),
            simulated(
                i < 3 ? 1 : 0, 20,
                {{u"completion_tokens"_s, 10 + i}, {u"price_in_per_mtok"_s, 2.0}, {u"price_out_per_mtok"_s, 4.0}}));
        spec.systemPrompt = systemPrompt;
        agents.append(spec);
    }
    const auto swarm = h.createSwarm(agents);
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = taskSpec(swarm->id, u"Paris"_s);
    spec.promptTemplate = u"Capital of {{country}}?"_s;
    spec.variables.insert(u"country"_s, u"France"_s);
    const auto task = h.submit(spec);
    QS_VERIFY_OK(task);
    QVERIFY(h.waitFinished({task->id}));

    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Succeeded);
    QVERIFY(stored->result.has_value());
    const auto decision = h.decision(stored->result->decisionId);
    QS_VERIFY_OK(decision);
    const Api::Decision &d = decision.value();
    QCOMPARE(d.taskId, task->id);
    QCOMPARE(d.swarmId, swarm->id);
    QCOMPARE(d.attempt, 1);
    QCOMPARE(d.strategy.name, u"plurality"_s);
    QCOMPARE(d.outcome, Api::DecisionOutcome::Decided);
    QCOMPARE(d.answer, u"paris"_s);
    QCOMPARE(d.agreement, 0.6);
    QCOMPARE(stored->result->answer, d.answer);
    QCOMPARE(stored->result->agreement, d.agreement);
    QCOMPARE(d.rounds.size(), 1);
    QCOMPARE(d.rounds[0].votes.size(), 5);

    QSet<quint64> voters;
    const QSet<quint64> expectedDissenters {swarm->agentIds[3].value, swarm->agentIds[4].value};
    const int promptTokens = int((systemPrompt.size() + QStringView(u"Capital of France?").size()) / 4 + 1);
    double totalCost = 0;
    for (const Api::Vote &v : d.rounds[0].votes) {
        const int index = int(swarm->agentIds.indexOf(v.agentId));
        QVERIFY(index >= 0);
        voters.insert(v.agentId.value);
        QCOMPARE(v.status, Api::VoteStatus::Valid);
        if (index < 3) {
            QCOMPARE(v.rawAnswer, u"Answer: Paris"_s);
            QCOMPARE(v.normalizedAnswer, u"paris"_s);
        } else {
            QVERIFY(v.rawAnswer.startsWith(u"Answer: "_s));
            QVERIFY(v.normalizedAnswer != u"paris"_s);
            QCOMPARE(v.normalizedAnswer, v.rawAnswer.mid(8).toCaseFolded());
        }
        QCOMPARE(v.promptTokens, promptTokens);
        QCOMPARE(v.completionTokens, 10 + index);
        QVERIFY(qAbs(v.costUsd - (promptTokens * 2.0 + (10 + index) * 4.0) / 1e6) < 1e-15);
        QVERIFY2(v.latencyMs >= 20 - 1, qPrintable(u"latency %1 ms"_s.arg(v.latencyMs)));
        totalCost += v.costUsd;
    }
    QCOMPARE(voters.size(), 5);
    QSet<quint64> everyone;
    for (Api::AgentId id : swarm->agentIds)
        everyone.insert(id.value);
    QCOMPARE(voters, everyone);
    QSet<quint64> dissenters;
    for (Api::AgentId id : d.dissenters)
        dissenters.insert(id.value);
    QCOMPARE(dissenters, expectedDissenters);
    QVERIFY(!d.explanation.isEmpty());
    QVERIFY2(d.explanation.contains(u"paris"_s), qPrintable(d.explanation));
    QVERIFY(qAbs(stored->costUsd - totalCost) < 1e-12);
    QCOMPARE(h.metric(u"qwen_swarm_tokens_total"_s, {{u"kind"_s, u"completion"_s}}), double(10 + 11 + 12 + 13 + 14));
}

void TstScheduler::selectsAgents_data()
{
    QTest::addColumn<QList<int>>("ids");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<int>("maxAgents");
    QTest::addColumn<QList<int>>("expected");

    // Agents: 0 [math], 1 [general], 2 [math, general], 3 [math].
    QTest::newRow("everyone") << QList<int> {} << QStringList {} << 0 << QList<int> {0, 1, 2, 3};
    QTest::newRow("by id") << QList<int> {1, 3} << QStringList {} << 0 << QList<int> {1, 3};
    QTest::newRow("by tag") << QList<int> {} << QStringList {u"math"_s} << 0 << QList<int> {0, 2, 3};
    QTest::newRow("by two tags") << QList<int> {} << QStringList {u"math"_s, u"general"_s} << 0 << QList<int> {2};
    QTest::newRow("at most two") << QList<int> {} << QStringList {} << 2 << QList<int> {0, 1};
    QTest::newRow("tag and at most two") << QList<int> {} << QStringList {u"math"_s} << 2 << QList<int> {0, 2};
    QTest::newRow("ids and tag") << QList<int> {0, 1, 2} << QStringList {u"general"_s} << 0 << QList<int> {1, 2};
    QTest::newRow("all three") << QList<int> {1, 2, 3} << QStringList {u"math"_s} << 1 << QList<int> {2};
}

void TstScheduler::selectsAgents()
{
    QFETCH(QList<int>, ids);
    QFETCH(QStringList, tags);
    QFETCH(int, maxAgents);
    QFETCH(QList<int>, expected);

    Harness h;
    const QJsonObject sure = simulated(1, 0);
    const auto swarm = h.createSwarm(
        {agentSpec(u"s0"_s, sure, 4, {u"math"_s}), agentSpec(u"s1"_s, sure, 4, {u"general"_s}),
         agentSpec(u"s2"_s, sure, 4, {u"math"_s, u"general"_s}), agentSpec(u"s3"_s, sure, 4, {u"math"_s})});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = taskSpec(swarm->id);
    for (int i : ids)
        spec.selection.agentIds.append(swarm->agentIds[i]);
    spec.selection.requiredTags = tags;
    spec.selection.maxAgents = maxAgents;
    const auto task = h.submit(spec);
    QS_VERIFY_OK(task);
    QVERIFY(h.waitFinished({task->id}));
    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Succeeded);
    const auto decision = h.decision(stored->result->decisionId);
    QS_VERIFY_OK(decision);
    QSet<quint64> expectedVoters;
    for (int i : expected)
        expectedVoters.insert(swarm->agentIds[i].value);
    QCOMPARE(votersOf(decision.value()), expectedVoters);
    QCOMPARE(decision->rounds[0].votes.size(), expected.size());
    QCOMPARE(h.stats().started, quint64(expected.size()));
}

QList<Api::Decision> TstScheduler::runSeeded(quint64 seed, QList<Api::AgentId> &sureAgents)
{
    EngineConfig config;
    config.seed = seed;
    Harness h(config);
    QList<Api::AgentSpec> agents;
    for (int i = 0; i < 2; ++i)
        agents.append(agentSpec(u"sure-%1"_s.arg(i), simulated(1, 2, {{u"latency_spread"_s, 1.0}})));
    for (int i = 0; i < 3; ++i)
        agents.append(agentSpec(u"coin-%1"_s.arg(i), simulated(0.5, 2, {{u"latency_spread"_s, 1.0}})));
    const auto swarm = h.createSwarm(agents);
    if (!swarm)
        return {};
    sureAgents = swarm->agentIds.mid(0, 2);
    QList<Api::TaskSpec> specs;
    for (int t = 0; t < 12; ++t) {
        Api::TaskSpec spec = taskSpec(swarm->id, QString::number(100 + t));
        spec.answerFormat = t % 2 ? Api::AnswerFormat::Number : Api::AnswerFormat::FreeText;
        specs.append(spec);
    }
    const auto tasks = h.submit(specs);
    if (!tasks || !h.waitFinished(tasks.value()))
        return {};
    QList<Api::Decision> decisions;
    for (const Api::Task &t : tasks.value())
        decisions.append(h.decisionsOf(t.id));
    return decisions;
}

void TstScheduler::sameSeedSameDecisions()
{
    QList<Api::AgentId> sure;
    const QList<Api::Decision> first = runSeeded(7, sure);
    const QList<Api::Decision> second = runSeeded(7, sure);
    const QList<Api::Decision> other = runSeeded(8, sure);
    QCOMPARE(first.size(), 12);
    QCOMPARE(second.size(), 12);
    QCOMPARE(other.size(), 12);
    QCOMPARE(decisionSummary(second), decisionSummary(first));

    // Another seed: the sure agents still answer alike, the coin-flipping ones do not.
    const QStringList a = decisionSummary(first);
    const QStringList b = decisionSummary(other);
    QCOMPARE(b.size(), a.size());
    int sureLines = 0;
    int differing = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const bool isSure = std::any_of(sure.cbegin(), sure.cend(),
                                        [&](Api::AgentId id) { return a[i].contains(u" agent %1:"_s.arg(id.value)); });
        if (isSure) {
            ++sureLines;
            QCOMPARE(b[i], a[i]);
        } else if (a[i] != b[i]) {
            ++differing;
        }
    }
    QCOMPARE(sureLines, 24);
    QVERIFY2(differing > 0, "a different seed should change some answers of agents with accuracy < 1");
}

void TstScheduler::taskBudgetStopsFurtherCalls()
{
    // One call at a time (provider limit 1): once the first call spent the budget, no other starts.
    EngineConfig config;
    config.providerConcurrency.insert(u"simulated"_s, 1);
    Harness h(config);
    const QJsonObject dollar = simulated(1, 5, {{u"completion_tokens"_s, 1000}, {u"price_out_per_mtok"_s, 1000}});
    const auto swarm = h.createSwarm({agentSpec(u"a"_s, dollar), agentSpec(u"b"_s, dollar), agentSpec(u"c"_s, dollar)});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = taskSpec(swarm->id);
    spec.budgetUsd = 0.5;
    spec.strategy = Api::StrategySpec {u"plurality"_s, {{u"min_votes"_s, 2}}};
    spec.retry = Api::RetryPolicy {3, 5, 5, 0};
    const auto task = h.submit(spec);
    QS_VERIFY_OK(task);
    QVERIFY(h.waitFinished({task->id}));

    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Failed);
    QCOMPARE(stored->error->code, Api::ErrorCode::ResourceExhausted);
    QCOMPARE(stored->attempt, 1); // a spent budget is not retried
    QVERIFY(qAbs(stored->costUsd - 1.0) < 1e-9);
    const QList<Api::Decision> decisions = h.decisionsOf(task->id);
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(votersOf(decisions[0], Api::VoteStatus::Valid).size(), 1);
    QCOMPARE(votersOf(decisions[0], Api::VoteStatus::Cancelled).size(), 2);
    QCOMPARE(h.stats().started, quint64(1));
    QCOMPARE(h.stats().cancelled, quint64(0));
    QCOMPARE(h.stats().completed, quint64(1));
}

void TstScheduler::taskBudgetCancelsInFlightCalls()
{
    Harness h;
    const QJsonObject dollar {{u"accuracy"_s, 1}, {u"completion_tokens"_s, 1000}, {u"price_out_per_mtok"_s, 1000}};
    QJsonObject fast = dollar;
    fast.insert(u"latency_ms"_s, 5);
    QJsonObject medium = dollar;
    medium.insert(u"latency_ms"_s, 60);
    QJsonObject slow = dollar;
    slow.insert(u"latency_ms"_s, 400);
    const auto swarm
        = h.createSwarm({agentSpec(u"fast"_s, fast), agentSpec(u"medium"_s, medium), agentSpec(u"slow"_s, slow)});
    QS_VERIFY_OK(swarm);
    Api::TaskSpec spec = taskSpec(swarm->id);
    spec.budgetUsd = 1.5;
    const auto task = h.submit(spec);
    QS_VERIFY_OK(task);
    QVERIFY(h.waitFinished({task->id}));

    QCOMPARE(h.stats().started, quint64(3));
    QCOMPARE(h.stats().completed, quint64(2));
    QCOMPARE(h.stats().cancelled, quint64(1));
    const auto stored = h.task(task->id);
    QS_VERIFY_OK(stored);
    QCOMPARE(stored->state, Api::TaskState::Succeeded); // two valid votes were enough to decide
    QVERIFY(qAbs(stored->costUsd - 2.0) < 1e-9);
    const auto decision = h.decision(stored->result->decisionId);
    QS_VERIFY_OK(decision);
    QCOMPARE(votersOf(decision.value(), Api::VoteStatus::Cancelled), QSet<quint64> {swarm->agentIds[2].value});
}

void TstScheduler::agentBudgetPausesAgent()
{
    Harness h;
    Api::AgentSpec spender
        = agentSpec(u"spender"_s, simulated(1, 0, {{u"completion_tokens"_s, 1000}, {u"price_out_per_mtok"_s, 1000}}));
    spender.limits.budgetUsd = 1.5;
    const auto swarm = h.createSwarm({spender, agentSpec(u"free"_s, simulated(1, 0))});
    QS_VERIFY_OK(swarm);
    const Api::AgentId spenderId = swarm->agentIds[0];

    QList<Api::Task> tasks;
    for (int i = 0; i < 3; ++i) {
        const auto task = h.submit(taskSpec(swarm->id));
        QS_VERIFY_OK(task);
        QVERIFY(h.waitFinished({task->id}));
        tasks.append(task.value());
    }
    const auto agent = h.agent(spenderId);
    QS_VERIFY_OK(agent);
    QCOMPARE(agent->state, Api::AgentState::Paused);
    QVERIFY2(agent->stateReason.contains(u"budget"_s), qPrintable(agent->stateReason));
    QCOMPARE(agent->stats.calls, quint64(2));
    QVERIFY(qAbs(agent->stats.costUsd - 2.0) < 1e-9);
    const QList<Api::AgentEvent> events = h.recorder.agentEvents(spenderId);
    const auto paused = std::find_if(events.cbegin(), events.cend(),
                                     [](const Api::AgentEvent &e) { return e.to == Api::AgentState::Paused; });
    QVERIFY(paused != events.cend());
    QVERIFY2(paused->cause.contains(u"budget"_s), qPrintable(paused->cause));

    // The third task ran without the paused agent.
    const auto third = h.task(tasks[2].id);
    QS_VERIFY_OK(third);
    QCOMPARE(third->state, Api::TaskState::Succeeded);
    const auto decision = h.decision(third->result->decisionId);
    QS_VERIFY_OK(decision);
    QCOMPARE(votersOf(decision.value()), QSet<quint64> {swarm->agentIds[1].value});
}

} // namespace QwenSwarm::Engine

QTEST_GUILESS_MAIN(QwenSwarm::Engine::TstScheduler)
#include "tst_scheduler.moc"
