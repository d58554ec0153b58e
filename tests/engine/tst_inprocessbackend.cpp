// InProcessBackend as a client sees it from its own thread: asynchronous answers on the caller's
// thread, dropped answers for destroyed contexts, subscriptions with drop notices and resumption,
// and the standard workload end to end.
#include "backend/inprocessbackend.h"
#include "runtime/engine.h"
#include "store/memorystore.h"

#include <testsupport.h>

#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace QwenSwarm::Engine {

namespace {

Api::AgentSpec agentSpec(const QString &name, const QJsonObject &parameters)
{
    Api::AgentSpec spec;
    spec.name = name;
    spec.model = u"sim"_s;
    spec.parameters = parameters;
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

/// What one subscription delivered, signal by signal, and on which thread. Records the signals of
/// every subscription from the start, since a subscription's first events may arrive right after
/// its answer, before the caller has learnt its id.
class SubscriptionLog : public QObject
{
public:
    struct Signal
    {
        bool dropped;
        quint64 first;
        quint64 last;
    };

    struct Record
    {
        QList<Api::Event> events;
        QList<std::pair<quint64, quint64>> drops;
        QList<Signal> log;
        QSet<QThread *> threads;
    };

    SubscriptionLog(Api::Backend &backend, QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&backend, &Api::Backend::eventsReceived, this,
                [this](Api::SubscriptionId id, const QList<Api::Event> &batch) {
                    Record &r = m_records[id.value];
                    r.threads.insert(QThread::currentThread());
                    if (!batch.isEmpty())
                        r.log.append({false, batch.constFirst().seq, batch.constLast().seq});
                    r.events.append(batch);
                });
        connect(&backend, &Api::Backend::eventsDropped, this,
                [this](Api::SubscriptionId id, quint64 first, quint64 last) {
                    Record &r = m_records[id.value];
                    r.threads.insert(QThread::currentThread());
                    r.log.append({true, first, last});
                    r.drops.append({first, last});
                });
    }

    const QList<Api::Event> &events() const { return record().events; }
    const QList<std::pair<quint64, quint64>> &drops() const { return record().drops; }
    const QList<Signal> &log() const { return record().log; }
    const QSet<QThread *> &threads() const { return record().threads; }

    bool finished(Api::TaskId id) const
    {
        return std::any_of(events().cbegin(), events().cend(), [id](const Api::Event &e) {
            const auto *t = std::get_if<Api::TaskEvent>(&e.payload);
            return t && t->taskId == id && Api::isTerminal(t->to);
        });
    }

    int count(Api::Topic topic) const
    {
        return int(std::count_if(events().cbegin(), events().cend(),
                                 [topic](const Api::Event &e) { return e.topic() == topic; }));
    }

    Api::SubscriptionId subscription;

private:
    const Record &record() const
    {
        static const Record none;
        const auto it = m_records.constFind(subscription.value);
        return it == m_records.constEnd() ? none : it.value();
    }

    QHash<quint64, Record> m_records;
};

/// A backend with swarm "s" (agent "a"), one finished task and its decision.
struct Fixture
{
    explicit Fixture(EngineConfig config = {})
        : backend(std::move(config), std::make_unique<MemoryStore>())
    { }

    bool build()
    {
        Api::SwarmSpec spec;
        spec.name = u"s"_s;
        spec.agents = {agentSpec(u"a"_s, {{u"accuracy"_s, 1}})};
        const auto created
            = Testing::await<Api::Swarm>([&](QObject *c, auto done) { backend.createSwarm(spec, c, done); });
        if (!created)
            return false;
        swarm = created.value();
        const auto task = Testing::await<Api::Task>(
            [&](QObject *c, auto done) { backend.submitTask(taskSpec(swarm.id), c, done); });
        if (!task)
            return false;
        doneTask = task->id;
        const bool finished = Testing::spinUntil([&] {
            const auto now = Testing::await<Api::Task>([&](QObject *c, auto done) { backend.task(doneTask, c, done); });
            if (now && now->result)
                decision = now->result->decisionId;
            return now && Api::isTerminal(now->state);
        });
        return finished && decision.isValid();
    }

    Api::Result<Api::Subscription> subscribe(SubscriptionLog &log, const Api::SubscriptionSpec &spec)
    {
        auto subscribed
            = Testing::await<Api::Subscription>([&](QObject *c, auto done) { backend.subscribe(spec, c, done); });
        if (subscribed)
            log.subscription = subscribed->id;
        return subscribed;
    }

    Api::Result<QList<Api::Task>> submit(const QList<Api::TaskSpec> &specs)
    {
        return Testing::await<QList<Api::Task>>([&](QObject *c, auto done) { backend.submitTasks(specs, c, done); });
    }

    InProcessBackend backend;
    Api::Swarm swarm;
    Api::TaskId doneTask;
    Api::DecisionId decision;
};

/// Records how a call answered: when, on which thread, and whether with a value.
struct Probe
{
    bool returned = false;
    bool answered = false;
    bool answeredAfterReturn = false;
    bool ok = false;
    QThread *thread = nullptr;

    template<typename T>
    Api::Backend::Callback<T> callback()
    {
        return [this](Api::Result<T> result) {
            answered = true;
            answeredAfterReturn = returned;
            ok = result.ok();
            thread = QThread::currentThread();
        };
    }
};

using Call = std::function<void(Fixture &, QObject *, Probe &)>;

} // namespace

} // namespace QwenSwarm::Engine

Q_DECLARE_METATYPE(QwenSwarm::Engine::Call)

namespace QwenSwarm::Engine {

class TstInProcessBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersAreNeverSynchronous_data();
    void answersAreNeverSynchronous();
    void destroyedContextDropsAnswer();
    void eventsArriveInOrderOnCallerThread();
    void subscribeAndUnsubscribe();
    void subscriptionWhoseContextWentIsEndedInTheEngine();
    void slowSubscriberIsToldWhatItLost();
    void resumeReplaysMissedEvents();
    void resumeBeyondHistoryReportsGapFirst();
    void runsStandardWorkload();
    void engineRunsOnItsOwnThread();
};

void TstInProcessBackend::answersAreNeverSynchronous_data()
{
    QTest::addColumn<Call>("call");
    QTest::addColumn<bool>("expectOk");

    const auto row = [](const char *name, bool ok, const Call &call) { QTest::newRow(name) << call << ok; };
    using P = Probe;
    const Api::SwarmId noSwarm(999);
    const Api::AgentId noAgent(999);
    const Api::TaskId noTask(999);

    row("info", true, [](Fixture &f, QObject *c, P &p) { f.backend.info(c, p.callback<Api::BackendInfo>()); });
    row("create swarm", true, [](Fixture &f, QObject *c, P &p) {
        Api::SwarmSpec spec;
        spec.name = u"another"_s;
        f.backend.createSwarm(spec, c, p.callback<Api::Swarm>());
    });
    row("create swarm: name taken", false, [](Fixture &f, QObject *c, P &p) {
        Api::SwarmSpec spec;
        spec.name = u"s"_s;
        f.backend.createSwarm(spec, c, p.callback<Api::Swarm>());
    });
    row("list swarms", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.listSwarms(c, p.callback<QList<Api::Swarm>>()); });
    row("swarm", true, [](Fixture &f, QObject *c, P &p) { f.backend.swarm(f.swarm.id, c, p.callback<Api::Swarm>()); });
    row("swarm: unknown", false,
        [noSwarm](Fixture &f, QObject *c, P &p) { f.backend.swarm(noSwarm, c, p.callback<Api::Swarm>()); });
    row("update swarm", true, [](Fixture &f, QObject *c, P &p) {
        f.backend.updateSwarm(f.swarm.id, Api::Topology::Star, {}, c, p.callback<Api::Swarm>());
    });
    row("update swarm: bad strategy", false, [](Fixture &f, QObject *c, P &p) {
        f.backend.updateSwarm(f.swarm.id, Api::Topology::Star, Api::StrategySpec {u"dice"_s, {}}, c,
                              p.callback<Api::Swarm>());
    });
    row("remove swarm: agents running", false,
        [](Fixture &f, QObject *c, P &p) { f.backend.removeSwarm(f.swarm.id, c, p.callback<void>()); });
    row("spawn agent", true, [](Fixture &f, QObject *c, P &p) {
        f.backend.spawnAgent(f.swarm.id, agentSpec(u"b"_s, {}), c, p.callback<Api::Agent>());
    });
    row("spawn agent: name taken", false, [](Fixture &f, QObject *c, P &p) {
        f.backend.spawnAgent(f.swarm.id, agentSpec(u"a"_s, {}), c, p.callback<Api::Agent>());
    });
    row("list agents", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.listAgents({}, c, p.callback<QList<Api::Agent>>()); });
    row("agent: unknown", false,
        [noAgent](Fixture &f, QObject *c, P &p) { f.backend.agent(noAgent, c, p.callback<Api::Agent>()); });
    row("command agent", true, [](Fixture &f, QObject *c, P &p) {
        f.backend.commandAgent(f.swarm.agentIds[0], Api::AgentCommand::Pause, {}, c, p.callback<Api::Agent>());
    });
    row("command agent: refused", false, [](Fixture &f, QObject *c, P &p) {
        f.backend.commandAgent(f.swarm.agentIds[0], Api::AgentCommand::Resume, {}, c, p.callback<Api::Agent>());
    });
    row("remove agent: not stopped", false,
        [](Fixture &f, QObject *c, P &p) { f.backend.removeAgent(f.swarm.agentIds[0], c, p.callback<void>()); });
    row("submit task", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.submitTask(taskSpec(f.swarm.id), c, p.callback<Api::Task>()); });
    row("submit task: invalid", false, [](Fixture &f, QObject *c, P &p) {
        Api::TaskSpec spec = taskSpec(f.swarm.id);
        spec.priority = 5000;
        f.backend.submitTask(spec, c, p.callback<Api::Task>());
    });
    row("submit tasks", true, [](Fixture &f, QObject *c, P &p) {
        f.backend.submitTasks({taskSpec(f.swarm.id), taskSpec(f.swarm.id)}, c, p.callback<QList<Api::Task>>());
    });
    row("submit tasks: empty", false,
        [](Fixture &f, QObject *c, P &p) { f.backend.submitTasks({}, c, p.callback<QList<Api::Task>>()); });
    row("cancel task: finished", false,
        [](Fixture &f, QObject *c, P &p) { f.backend.cancelTask(f.doneTask, {}, c, p.callback<Api::Task>()); });
    row("retry task: succeeded", false,
        [](Fixture &f, QObject *c, P &p) { f.backend.retryTask(f.doneTask, c, p.callback<Api::Task>()); });
    row("task", true, [](Fixture &f, QObject *c, P &p) { f.backend.task(f.doneTask, c, p.callback<Api::Task>()); });
    row("task: unknown", false,
        [noTask](Fixture &f, QObject *c, P &p) { f.backend.task(noTask, c, p.callback<Api::Task>()); });
    row("query tasks", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.queryTasks({}, c, p.callback<Api::Page<Api::Task>>()); });
    row("query tasks: limit 0", false, [](Fixture &f, QObject *c, P &p) {
        Api::TaskQuery query;
        query.page.limit = 0;
        f.backend.queryTasks(query, c, p.callback<Api::Page<Api::Task>>());
    });
    row("decision", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.decision(f.decision, c, p.callback<Api::Decision>()); });
    row("decision: unknown", false,
        [](Fixture &f, QObject *c, P &p) { f.backend.decision(Api::DecisionId(999), c, p.callback<Api::Decision>()); });
    row("query decisions", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.queryDecisions({}, c, p.callback<Api::Page<Api::Decision>>()); });
    row("give feedback", true, [](Fixture &f, QObject *c, P &p) {
        f.backend.giveFeedback(f.decision, Api::DecisionFeedback {false, {}, {}, {}, 0}, c,
                               p.callback<Api::Decision>());
    });
    row("give feedback: unknown decision", false, [](Fixture &f, QObject *c, P &p) {
        f.backend.giveFeedback(Api::DecisionId(999), {}, c, p.callback<Api::Decision>());
    });
    row("reputations", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.reputations({}, c, p.callback<QList<Api::Reputation>>()); });
    row("reputations: unknown agent", false, [noAgent](Fixture &f, QObject *c, P &p) {
        f.backend.reputations(noAgent, c, p.callback<QList<Api::Reputation>>());
    });
    row("reputation history", true, [](Fixture &f, QObject *c, P &p) {
        f.backend.reputationHistory({}, c, p.callback<Api::Page<Api::ReputationPoint>>());
    });
    row("reputation history: bad cursor", false, [](Fixture &f, QObject *c, P &p) {
        Api::ReputationQuery query;
        query.page.cursor = u"nonsense"_s;
        f.backend.reputationHistory(query, c, p.callback<Api::Page<Api::ReputationPoint>>());
    });
    row("export learning", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.exportLearning(c, p.callback<Api::LearningState>()); });
    row("import learning", true, [](Fixture &f, QObject *c, P &p) {
        f.backend.importLearning(Api::LearningState {1, {Api::Reputation {f.swarm.agentIds[0], {}, 4, 2, 5, 0}}}, c,
                                 p.callback<void>());
    });
    row("import learning: unknown agent", false, [noAgent](Fixture &f, QObject *c, P &p) {
        f.backend.importLearning(Api::LearningState {1, {Api::Reputation {noAgent, {}, 4, 2, 5, 0}}}, c,
                                 p.callback<void>());
    });
    row("subscribe", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.subscribe({}, c, p.callback<Api::Subscription>()); });
    row("unsubscribe: unknown", false,
        [](Fixture &f, QObject *c, P &p) { f.backend.unsubscribe(Api::SubscriptionId(999), c, p.callback<void>()); });
    row("metrics", true,
        [](Fixture &f, QObject *c, P &p) { f.backend.metrics(c, p.callback<Api::MetricsSnapshot>()); });
}

void TstInProcessBackend::answersAreNeverSynchronous()
{
    QFETCH(Call, call);
    QFETCH(bool, expectOk);

    Fixture f;
    QVERIFY(f.build());
    QObject context;
    Probe probe;
    call(f, &context, probe);
    QVERIFY2(!probe.answered, "answered inside the call");
    probe.returned = true;
    QVERIFY(Testing::spinUntil([&] { return probe.answered; }));
    QVERIFY(probe.answeredAfterReturn);
    QCOMPARE(probe.thread, QThread::currentThread());
    QCOMPARE(probe.ok, expectOk);
}

void TstInProcessBackend::destroyedContextDropsAnswer()
{
    Fixture f;
    QVERIFY(f.build());
    SubscriptionLog tasks(f.backend);
    Api::SubscriptionSpec spec;
    spec.topics = {Api::Topic::Tasks};
    QS_VERIFY_OK(f.subscribe(tasks, spec));

    int answers = 0;
    auto *context = new QObject;
    f.backend.info(context, [&answers](Api::Result<Api::BackendInfo>) { ++answers; });
    f.backend.swarm(Api::SwarmId(999), context, [&answers](Api::Result<Api::Swarm>) { ++answers; });
    f.backend.submitTask(taskSpec(f.swarm.id, u"7"_s), context, [&answers](Api::Result<Api::Task>) { ++answers; });
    delete context;

    // The submitted task was accepted and ran, so every answer was posted long ago; none arrived.
    const Api::TaskId submitted(f.doneTask.value + 1); // the fixture's task was the only one before
    QVERIFY(Testing::spinUntil([&] { return tasks.finished(submitted); }));
    const auto later = Testing::await<Api::BackendInfo>([&](QObject *c, auto done) { f.backend.info(c, done); });
    QS_VERIFY_OK(later);
    Testing::spinFor(20);
    QCOMPARE(answers, 0);
}

void TstInProcessBackend::eventsArriveInOrderOnCallerThread()
{
    Fixture f;
    QVERIFY(f.build());
    SubscriptionLog everything(f.backend);
    const auto subscribed = f.subscribe(everything, {});
    QS_VERIFY_OK(subscribed);

    QList<Api::TaskSpec> specs;
    for (int i = 0; i < 20; ++i)
        specs.append(taskSpec(f.swarm.id, QString::number(i)));
    const auto accepted = f.submit(specs);
    QS_VERIFY_OK(accepted);
    QVERIFY(Testing::spinUntil([&] {
        return std::all_of(accepted->cbegin(), accepted->cend(),
                           [&](const Api::Task &t) { return everything.finished(t.id); });
    }));

    QCOMPARE(everything.threads(), QSet<QThread *> {QThread::currentThread()});
    QVERIFY(everything.drops().isEmpty());
    QVERIFY(everything.events().size() > 20 * 4);
    // One subscription to everything sees every seq after its head, each once, in order.
    for (qsizetype i = 0; i < everything.events().size(); ++i)
        QCOMPARE(everything.events()[i].seq, subscribed->headSeq + 1 + quint64(i));
    for (const Api::Event &e : everything.events())
        QVERIFY(e.timeMs > 0);
    QCOMPARE(everything.count(Api::Topic::Decisions), 20);
}

void TstInProcessBackend::subscriptionWhoseContextWentIsEndedInTheEngine()
{
    Fixture f;
    {
        QObject gone;
        f.backend.subscribe({}, &gone,
                            [](Api::Result<Api::Subscription>) { QFAIL("answered a context that is gone"); });
    }
    SubscriptionLog mine(f.backend);
    QS_VERIFY_OK(f.subscribe(mine, {}));
    // The engine numbers subscriptions in order: the one before is the one nobody learnt of. The
    // backend ended it in the engine, so the engine no longer knows it.
    const Api::SubscriptionId orphan(mine.subscription.value - 1);
    QS_VERIFY_ERROR((Testing::await<void>([&](QObject *c, auto done) { f.backend.unsubscribe(orphan, c, done); })),
                    Api::ErrorCode::NotFound);
}

void TstInProcessBackend::subscribeAndUnsubscribe()
{
    Fixture f;
    QVERIFY(f.build());
    Api::SwarmSpec otherSpec;
    otherSpec.name = u"other"_s;
    const auto other
        = Testing::await<Api::Swarm>([&](QObject *c, auto done) { f.backend.createSwarm(otherSpec, c, done); });
    QS_VERIFY_OK(other);

    SubscriptionLog succeeded(f.backend);
    SubscriptionLog decisions(f.backend);
    SubscriptionLog elsewhere(f.backend);
    Api::SubscriptionSpec succeededSpec;
    succeededSpec.topics = {Api::Topic::Tasks};
    succeededSpec.taskStates = {Api::TaskState::Succeeded};
    Api::SubscriptionSpec decisionSpec;
    decisionSpec.topics = {Api::Topic::Decisions};
    Api::SubscriptionSpec elsewhereSpec;
    elsewhereSpec.swarmId = other->id;
    QS_VERIFY_OK(f.subscribe(succeeded, succeededSpec));
    QS_VERIFY_OK(f.subscribe(decisions, decisionSpec));
    QS_VERIFY_OK(f.subscribe(elsewhere, elsewhereSpec));
    QVERIFY(succeeded.subscription != decisions.subscription);

    QS_VERIFY_OK(f.submit(QList<Api::TaskSpec>(5, taskSpec(f.swarm.id))));
    QVERIFY(Testing::spinUntil([&] { return succeeded.events().size() == 5 && decisions.events().size() == 5; }));
    for (const Api::Event &e : succeeded.events())
        QCOMPARE(std::get<Api::TaskEvent>(e.payload).to, Api::TaskState::Succeeded);
    QCOMPARE(decisions.count(Api::Topic::Decisions), 5);

    const auto unsubscribed
        = Testing::await<void>([&](QObject *c, auto done) { f.backend.unsubscribe(succeeded.subscription, c, done); });
    QS_VERIFY_OK(unsubscribed);
    QS_VERIFY_OK(f.submit(QList<Api::TaskSpec>(3, taskSpec(f.swarm.id))));
    QVERIFY(Testing::spinUntil([&] { return decisions.events().size() == 8; }));
    Testing::spinFor(30);
    QCOMPARE(succeeded.events().size(), 5);
    QCOMPARE(elsewhere.events().size(), 0);
    const auto again
        = Testing::await<void>([&](QObject *c, auto done) { f.backend.unsubscribe(succeeded.subscription, c, done); });
    QS_VERIFY_ERROR(again, Api::ErrorCode::NotFound);
}

void TstInProcessBackend::slowSubscriberIsToldWhatItLost()
{
    EngineConfig config;
    config.subscriberBacklog = 50;
    Fixture f(config);
    QVERIFY(f.build());
    SubscriptionLog slow(f.backend);
    const auto subscribed = f.subscribe(slow, {});
    QS_VERIFY_OK(subscribed);

    // Submit a burst and do not return to the event loop until the engine has finished it.
    constexpr int burst = 200;
    bool accepted = false;
    QObject context;
    f.backend.submitTasks(QList<Api::TaskSpec>(burst, taskSpec(f.swarm.id)), &context,
                          [&accepted](Api::Result<QList<Api::Task>> r) { accepted = r.ok(); });
    auto finished = std::make_shared<std::atomic<int>>(0);
    QDeadlineTimer deadline(15000);
    while (finished->load() < burst + 1 && !deadline.hasExpired()) {
        f.backend.onEngineThread([finished](Engine &engine) {
            finished->store(int(engine.metrics().total(u"qwen_swarm_tasks_finished_total")));
        });
        QThread::msleep(20);
    }
    QCOMPARE(finished->load(), burst + 1);

    // Catching up, the subscriber consumes what was queued for it, then hears of the rest.
    QVERIFY(Testing::spinUntil([&] { return !slow.drops().isEmpty(); }));
    QVERIFY(accepted);
    QCOMPARE(slow.threads(), QSet<QThread *> {QThread::currentThread()});
    // Batches and gaps together cover every seq after the subscription's head, once and in order.
    quint64 expected = subscribed->headSeq + 1;
    quint64 lost = 0;
    qsizetype delivered = 0;
    for (const SubscriptionLog::Signal &s : slow.log()) {
        QVERIFY(s.first <= s.last);
        QCOMPARE(s.first, expected);
        if (s.dropped)
            lost += s.last - s.first + 1;
        else
            delivered += qsizetype(s.last - s.first + 1);
        expected = s.last + 1;
    }
    QCOMPARE(delivered, slow.events().size());
    QVERIFY(lost > 0);
    QVERIFY(slow.events().size() < qsizetype(burst) * 5);

    // Later events flow again, after the gap.
    const quint64 gapEnd = slow.drops().constLast().second;
    const auto after = Testing::await<Api::Task>(
        [&](QObject *c, auto done) { f.backend.submitTask(taskSpec(f.swarm.id), c, done); });
    QS_VERIFY_OK(after);
    QVERIFY(Testing::spinUntil([&] { return slow.finished(after->id); }));
    QVERIFY(slow.events().constLast().seq > gapEnd);
    const auto metrics
        = Testing::await<Api::MetricsSnapshot>([&](QObject *c, auto done) { f.backend.metrics(c, done); });
    QS_VERIFY_OK(metrics);
    QCOMPARE(metrics->value(u"qwen_swarm_events_dropped_total").value_or(-1), double(lost));
}

void TstInProcessBackend::resumeReplaysMissedEvents()
{
    Fixture f;
    QVERIFY(f.build());
    SubscriptionLog reference(f.backend);
    SubscriptionLog client(f.backend);
    QS_VERIFY_OK(f.subscribe(reference, {}));
    QS_VERIFY_OK(f.subscribe(client, {}));

    const auto firstRound = f.submit(QList<Api::TaskSpec>(3, taskSpec(f.swarm.id)));
    QS_VERIFY_OK(firstRound);
    QVERIFY(Testing::spinUntil(
        [&] { return client.finished(firstRound->constLast().id) && reference.finished(firstRound->constLast().id); }));
    const quint64 lastSeen = client.events().constLast().seq;
    QS_VERIFY_OK(
        Testing::await<void>([&](QObject *c, auto done) { f.backend.unsubscribe(client.subscription, c, done); }));

    // Missed while away.
    const auto secondRound = f.submit(QList<Api::TaskSpec>(3, taskSpec(f.swarm.id)));
    QS_VERIFY_OK(secondRound);
    QVERIFY(Testing::spinUntil([&] { return reference.finished(secondRound->constLast().id); }));

    SubscriptionLog resumed(f.backend);
    Api::SubscriptionSpec spec;
    spec.resumeAfterSeq = lastSeen;
    QS_VERIFY_OK(f.subscribe(resumed, spec));
    QList<Api::Event> missed;
    for (const Api::Event &e : reference.events()) {
        if (e.seq > lastSeen)
            missed.append(e);
    }
    QVERIFY(missed.size() > 3 * 4);
    QVERIFY(Testing::spinUntil([&] { return resumed.events().size() >= missed.size(); }));
    QVERIFY(resumed.drops().isEmpty());
    QCOMPARE(resumed.events().size(), missed.size());
    QVERIFY2(resumed.events() == missed, "the replay differs from what a connected client saw");
}

void TstInProcessBackend::resumeBeyondHistoryReportsGapFirst()
{
    EngineConfig config;
    config.eventHistory = 16;
    Fixture f(config);
    QVERIFY(f.build());
    SubscriptionLog reference(f.backend);
    QS_VERIFY_OK(f.subscribe(reference, {}));
    const auto tasks = f.submit(QList<Api::TaskSpec>(5, taskSpec(f.swarm.id)));
    QS_VERIFY_OK(tasks);
    QVERIFY(Testing::spinUntil([&] { return reference.finished(tasks->constLast().id); }));

    SubscriptionLog late(f.backend);
    Api::SubscriptionSpec spec;
    spec.resumeAfterSeq = 0;
    const auto subscribed = f.subscribe(late, spec);
    QS_VERIFY_OK(subscribed);
    QVERIFY(Testing::spinUntil(
        [&] { return !late.events().isEmpty() && late.events().constLast().seq == subscribed->headSeq; }));
    QVERIFY(!late.log().isEmpty());
    QVERIFY2(late.log().constFirst().dropped, "the gap must be reported before the replay");
    QCOMPARE(late.drops().size(), 1);
    QCOMPARE(late.events().size(), 16);
    QCOMPARE(late.drops()[0].first, quint64(1));
    QCOMPARE(late.drops()[0].second + 1, late.events().constFirst().seq);
    for (qsizetype i = 1; i < late.events().size(); ++i)
        QCOMPARE(late.events()[i].seq, late.events()[i - 1].seq + 1);
}

void TstInProcessBackend::runsStandardWorkload()
{
    InProcessBackend backend(EngineConfig {}, std::make_unique<MemoryStore>());
    Api::SwarmSpec swarm;
    swarm.name = u"workload"_s;
    for (int i = 0; i < 5; ++i) {
        Api::AgentSpec agent = agentSpec(u"agent-%1"_s.arg(i), {{u"mode"_s, u"workload"_s}, {u"latency_ms"_s, 0}});
        agent.limits.maxConcurrency = 0;
        swarm.agents.append(agent);
    }
    const auto created
        = Testing::await<Api::Swarm>([&](QObject *c, auto done) { backend.createSwarm(swarm, c, done); });
    QS_VERIFY_OK(created);
    SubscriptionLog decisions(backend);
    Api::SubscriptionSpec spec;
    spec.topics = {Api::Topic::Decisions};
    spec.swarmId = created->id;
    const auto subscribed
        = Testing::await<Api::Subscription>([&](QObject *c, auto done) { backend.subscribe(spec, c, done); });
    QS_VERIFY_OK(subscribed);
    decisions.subscription = subscribed->id;

    constexpr int tasks = 200;
    QList<Api::TaskSpec> specs;
    for (int t = 0; t < tasks; ++t) {
        Api::TaskSpec task;
        task.swarmId = created->id;
        task.promptTemplate = u"task {{t}} agent {{agent.index}}"_s;
        task.variables.insert(u"t"_s, t);
        task.answerFormat = Api::AnswerFormat::Choice;
        task.choices = {u"A"_s, u"B"_s};
        specs.append(task);
    }
    const auto accepted
        = Testing::await<QList<Api::Task>>([&](QObject *c, auto done) { backend.submitTasks(specs, c, done); });
    QS_VERIFY_OK(accepted);
    QCOMPARE(accepted->size(), tasks);
    QVERIFY(Testing::spinUntil([&] { return decisions.events().size() >= tasks; }, 20000));

    QSet<quint64> decidedTasks;
    for (const Api::Event &e : decisions.events()) {
        const auto &d = std::get<Api::DecisionEvent>(e.payload);
        QCOMPARE(d.outcome, Api::DecisionOutcome::Decided);
        QCOMPARE(d.answer, u"A"_s);
        QVERIFY2(qAbs(d.agreement - 0.8) < 1e-9, qPrintable(QString::number(d.agreement)));
        decidedTasks.insert(d.taskId.value);
    }
    QCOMPARE(decidedTasks.size(), tasks);
    const auto metrics = Testing::await<Api::MetricsSnapshot>([&](QObject *c, auto done) { backend.metrics(c, done); });
    QS_VERIFY_OK(metrics);
    QCOMPARE(metrics->value(u"qwen_swarm_tasks_finished_total", {{u"state"_s, u"succeeded"_s}}).value_or(-1),
             double(tasks));
    QCOMPARE(metrics->value(u"qwen_swarm_agent_calls_total", {{u"provider"_s, u"simulated"_s}}).value_or(-1),
             double(tasks * 5));
}

void TstInProcessBackend::engineRunsOnItsOwnThread()
{
    InProcessBackend backend(EngineConfig {}, std::make_unique<MemoryStore>());
    QCOMPARE(backend.thread(), QThread::currentThread());
    std::atomic<QThread *> engineThread {nullptr};
    std::atomic<QThread *> engineObjectThread {nullptr};
    backend.onEngineThread([&](Engine &engine) {
        engineObjectThread = engine.thread();
        engineThread = QThread::currentThread();
    });
    QVERIFY(Testing::spinUntil([&] { return engineThread.load() != nullptr; }));
    QVERIFY(engineThread.load() != QThread::currentThread());
    QVERIFY(engineThread.load() != QCoreApplication::instance()->thread());
    QCOMPARE(engineObjectThread.load(), engineThread.load());
    QVERIFY(engineThread.load()->isRunning());
}

} // namespace QwenSwarm::Engine

QTEST_GUILESS_MAIN(QwenSwarm::Engine::TstInProcessBackend)
#include "tst_inprocessbackend.moc"
