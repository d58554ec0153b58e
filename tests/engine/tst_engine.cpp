// The Engine's operations end to end on the test thread: every error path answers a typed error and
// changes nothing; the happy paths of lifecycles, listings, metrics and paged queries.
#include "providers/simulatedprovider.h"
#include "runtime/clock.h"
#include "runtime/engine.h"
#include "store/memorystore.h"

#include <testsupport.h>

#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace QwenSwarm::Engine {

namespace {

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

    template<typename Payload>
    QList<Payload> payloads() const
    {
        QList<Payload> found;
        for (const Api::Event &e : events) {
            if (const auto *p = std::get_if<Payload>(&e.payload))
                found.append(*p);
        }
        return found;
    }

    QList<Api::AgentEvent> agentEvents(Api::AgentId id) const
    {
        QList<Api::AgentEvent> found;
        for (const Api::AgentEvent &e : payloads<Api::AgentEvent>()) {
            if (e.agentId == id)
                found.append(e);
        }
        return found;
    }

    bool finished(Api::TaskId id) const
    {
        const QList<Api::TaskEvent> all = payloads<Api::TaskEvent>();
        return std::any_of(all.cbegin(), all.cend(),
                           [id](const Api::TaskEvent &e) { return e.taskId == id && Api::isTerminal(e.to); });
    }

    QList<Api::Event> events;
    int drops = 0;
};

Api::AgentSpec agentSpec(const QString &name, int latencyMs = 0, double accuracy = 1)
{
    Api::AgentSpec spec;
    spec.name = name;
    spec.model = u"sim"_s;
    spec.parameters = {{u"accuracy"_s, accuracy}, {u"latency_ms"_s, latencyMs}};
    return spec;
}

Api::SwarmSpec swarmSpec(const QString &name, const QList<Api::AgentSpec> &agents)
{
    Api::SwarmSpec spec;
    spec.name = name;
    spec.agents = agents;
    return spec;
}

Api::TaskSpec taskSpec(Api::SwarmId swarm, const QString &reference = u"42"_s)
{
    Api::TaskSpec spec;
    spec.swarmId = swarm;
    spec.promptTemplate = u"What is the answer to {{question}}?"_s;
    spec.variables.insert(u"question"_s, u"everything"_s);
    spec.referenceAnswer = reference;
    return spec;
}

/// Everything an operator could see of an engine, to check that a refused operation changed nothing.
struct Observable
{
    QList<Api::Swarm> swarms;
    QList<Api::Agent> agents;
    QList<Api::Task> tasks;
    QList<Api::Decision> decisions;
    quint64 headSeq = 0;
    double submitted = 0;

    bool operator==(const Observable &) const = default;
};

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

    template<typename T, typename Call>
    Api::Result<T> ask(Call call)
    {
        return Testing::await<T>([&](QObject *, auto done) { call(Engine::Reply<T>(done)); });
    }

    Api::Result<Api::Swarm> createSwarm(const Api::SwarmSpec &spec)
    {
        return ask<Api::Swarm>([&](auto done) { engine.createSwarm(spec, done); });
    }
    Api::Result<QList<Api::Task>> submit(const QList<Api::TaskSpec> &specs)
    {
        return ask<QList<Api::Task>>([&](auto done) { engine.tasks().submit(specs, done); });
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
        return ask<Api::Task>([&](auto done) { engine.tasks().task(id, done); });
    }
    Api::Result<Api::Agent> command(Api::AgentId id, Api::AgentCommand command, const QString &reason = {})
    {
        return ask<Api::Agent>([&](auto done) { engine.commandAgent(id, command, reason, done); });
    }
    Api::Result<QList<Api::Agent>> listAgents(Api::SwarmId swarm = {})
    {
        return ask<QList<Api::Agent>>([&](auto done) { engine.listAgents(swarm, done); });
    }
    Api::Result<QList<Api::Swarm>> listSwarms()
    {
        return ask<QList<Api::Swarm>>([&](auto done) { engine.listSwarms(done); });
    }
    Api::Result<Api::Page<Api::Task>> queryTasks(const Api::TaskQuery &query)
    {
        return ask<Api::Page<Api::Task>>([&](auto done) { engine.tasks().queryTasks(query, done); });
    }
    Api::Result<Api::Page<Api::Decision>> queryDecisions(const Api::DecisionQuery &query)
    {
        return ask<Api::Page<Api::Decision>>([&](auto done) { engine.tasks().queryDecisions(query, done); });
    }

    bool waitFinished(const QList<Api::TaskId> &ids)
    {
        return Testing::spinUntil([&] {
            return std::all_of(ids.cbegin(), ids.cend(), [this](Api::TaskId id) { return recorder.finished(id); });
        });
    }

    Observable observe()
    {
        Observable o;
        o.swarms = listSwarms().value();
        o.agents = listAgents().value();
        Api::TaskQuery tasks;
        tasks.page.limit = 1000;
        o.tasks = queryTasks(tasks)->items;
        Api::DecisionQuery decisions;
        decisions.page.limit = 1000;
        o.decisions = queryDecisions(decisions)->items;
        o.headSeq = engine.context().events.headSeq();
        o.submitted = engine.metrics().total(u"qwen_swarm_tasks_submitted_total");
        return o;
    }

    EventRecorder recorder;
    Engine engine;
};

/// An engine with something of everything: swarm "alpha" (two idle agents, a finished task and its
/// decision) and swarm "beta" (its one agent stopped, a task parked for lack of agents, which fills
/// the queue of capacity 1).
struct Fixture
{
    static EngineConfig config()
    {
        EngineConfig c;
        c.maxQueuedTasks = 1;
        c.maxBatchSize = 5;
        return c;
    }

    Fixture()
        : h(config())
    { }

    bool build()
    {
        const auto a = h.createSwarm(swarmSpec(u"alpha"_s, {agentSpec(u"a0"_s), agentSpec(u"a1"_s)}));
        const auto b = h.createSwarm(swarmSpec(u"beta"_s, {agentSpec(u"b0"_s)}));
        if (!a || !b)
            return false;
        alpha = a.value();
        beta = b.value();
        if (!h.command(beta.agentIds[0], Api::AgentCommand::Stop))
            return false;
        const auto d = h.submit(taskSpec(alpha.id));
        if (!d || !h.waitFinished({d->id}))
            return false;
        done = h.task(d->id).value();
        const auto p = h.submit(taskSpec(beta.id));
        if (!p)
            return false;
        parked = p.value();
        Testing::spinFor(20);
        return done.state == Api::TaskState::Succeeded && done.result
            && h.task(parked.id)->state == Api::TaskState::Queued;
    }

    Harness h;
    Api::Swarm alpha;
    Api::Swarm beta;
    Api::Task done;
    Api::Task parked;
};

using Operation = std::function<std::optional<Api::Error>(Fixture &)>;

template<typename T>
std::optional<Api::Error> failure(const Api::Result<T> &result)
{
    if (result)
        return std::nullopt;
    return result.error();
}

} // namespace

} // namespace QwenSwarm::Engine

Q_DECLARE_METATYPE(QwenSwarm::Engine::Operation)

namespace QwenSwarm::Engine {

namespace {

void addRow(const char *name, Api::ErrorCode code, const Operation &operation, const QString &path = {})
{
    QTest::newRow(name) << operation << Api::enumName(code).toString() << path;
}

/// An operation that creates the swarm `spec` names.
Operation createSwarm(std::function<void(Api::SwarmSpec &)> change)
{
    return [change](Fixture &f) {
        Api::SwarmSpec spec = swarmSpec(u"gamma"_s, {agentSpec(u"g0"_s), agentSpec(u"g1"_s)});
        change(spec);
        return failure(f.h.createSwarm(spec));
    };
}

Operation spawnAgent(std::function<void(Api::AgentSpec &)> change)
{
    return [change](Fixture &f) {
        Api::AgentSpec spec = agentSpec(u"a2"_s);
        change(spec);
        return failure(f.h.ask<Api::Agent>([&](auto done) { f.h.engine.spawnAgent(f.alpha.id, spec, done); }));
    };
}

Operation submitTask(std::function<void(Api::TaskSpec &, Fixture &)> change)
{
    return [change](Fixture &f) {
        Api::TaskSpec spec = taskSpec(f.alpha.id);
        change(spec, f);
        return failure(f.h.submit(spec));
    };
}

Operation command(Api::AgentCommand c, bool alphaAgent)
{
    return [c, alphaAgent](Fixture &f) {
        return failure(f.h.command(alphaAgent ? f.alpha.agentIds[0] : f.beta.agentIds[0], c));
    };
}

} // namespace

class TstEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedOperationsChangeNothing_data();
    void refusedOperationsChangeNothing();
    void refusedBatchNamesTheIndex();
    void queueFullRefusesWholeBatch();
    void agentLifecycleThroughCommands();
    void removesAgentsAndSwarms();
    void listsSwarmsAndAgents();
    void updatesSwarm();
    void metricsAfterSomeTasks();
    void pagesTasksAndDecisions();
    void resumesDeltasFromPageSeq();
};

void TstEngine::refusedOperationsChangeNothing_data()
{
    using C = Api::ErrorCode;
    using A = Api::AgentCommand;
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");

    const Api::SwarmId noSwarm(999);
    const Api::AgentId noAgent(999);
    const Api::TaskId noTask(999);

    // Unknown ids.
    addRow("swarm: unknown", C::NotFound, [noSwarm](Fixture &f) {
        return failure(f.h.ask<Api::Swarm>([&](auto done) { f.h.engine.swarm(noSwarm, done); }));
    });
    addRow("update swarm: unknown", C::NotFound, [noSwarm](Fixture &f) {
        return failure(
            f.h.ask<Api::Swarm>([&](auto done) { f.h.engine.updateSwarm(noSwarm, Api::Topology::Ring, {}, done); }));
    });
    addRow("remove swarm: unknown", C::NotFound, [noSwarm](Fixture &f) {
        return failure(f.h.ask<void>([&](auto done) { f.h.engine.removeSwarm(noSwarm, done); }));
    });
    addRow("spawn agent: unknown swarm", C::NotFound, [noSwarm](Fixture &f) {
        return failure(
            f.h.ask<Api::Agent>([&](auto done) { f.h.engine.spawnAgent(noSwarm, agentSpec(u"x"_s), done); }));
    });
    addRow("list agents: unknown swarm", C::NotFound,
           [noSwarm](Fixture &f) { return failure(f.h.listAgents(noSwarm)); });
    addRow("agent: unknown", C::NotFound, [noAgent](Fixture &f) {
        return failure(f.h.ask<Api::Agent>([&](auto done) { f.h.engine.agent(noAgent, done); }));
    });
    addRow("command agent: unknown", C::NotFound,
           [noAgent](Fixture &f) { return failure(f.h.command(noAgent, A::Pause)); });
    addRow("remove agent: unknown", C::NotFound, [noAgent](Fixture &f) {
        return failure(f.h.ask<void>([&](auto done) { f.h.engine.removeAgent(noAgent, done); }));
    });
    addRow("submit: unknown swarm", C::NotFound,
           submitTask([noSwarm](Api::TaskSpec &s, Fixture &) { s.swarmId = noSwarm; }));
    addRow("cancel: unknown task", C::NotFound, [noTask](Fixture &f) {
        return failure(f.h.ask<Api::Task>([&](auto done) { f.h.engine.tasks().cancel(noTask, {}, done); }));
    });
    addRow("retry: unknown task", C::NotFound, [noTask](Fixture &f) {
        return failure(f.h.ask<Api::Task>([&](auto done) { f.h.engine.tasks().retry(noTask, done); }));
    });
    addRow("task: unknown", C::NotFound, [noTask](Fixture &f) { return failure(f.h.task(noTask)); });
    addRow("decision: unknown", C::NotFound, [](Fixture &f) {
        return failure(
            f.h.ask<Api::Decision>([&](auto done) { f.h.engine.tasks().decision(Api::DecisionId(999), done); }));
    });
    addRow("unsubscribe: unknown", C::NotFound,
           [](Fixture &f) { return failure(f.h.engine.unsubscribe(Api::SubscriptionId(999))); });

    // Names taken.
    addRow("create swarm: name taken", C::AlreadyExists, createSwarm([](Api::SwarmSpec &s) { s.name = u"alpha"_s; }));
    addRow("spawn agent: name taken in swarm", C::AlreadyExists,
           spawnAgent([](Api::AgentSpec &s) { s.name = u"a0"_s; }));

    // Malformed swarms.
    addRow("create swarm: empty name", C::InvalidArgument, createSwarm([](Api::SwarmSpec &s) { s.name.clear(); }),
           u"name"_s);
    addRow("create swarm: long name", C::InvalidArgument,
           createSwarm([](Api::SwarmSpec &s) { s.name = QString(65, u'x'); }), u"name"_s);
    addRow("create swarm: padded name", C::InvalidArgument,
           createSwarm([](Api::SwarmSpec &s) { s.name = u" gamma"_s; }), u"name"_s);
    addRow("create swarm: unknown strategy", C::InvalidArgument,
           createSwarm([](Api::SwarmSpec &s) { s.defaultStrategy.name = u"coin_toss"_s; }), u"default_strategy.name"_s);
    addRow("create swarm: bad strategy parameter", C::InvalidArgument, createSwarm([](Api::SwarmSpec &s) {
               s.defaultStrategy.parameters = {{u"tie_break"_s, u"dice"_s}};
           }),
           u"default_strategy.parameters.tie_break"_s);
    addRow("create swarm: agent with unknown provider", C::InvalidArgument,
           createSwarm([](Api::SwarmSpec &s) { s.agents[0].provider = u"nowhere"_s; }), u"agents[0].provider"_s);
    addRow("create swarm: agent with bad parameter", C::InvalidArgument,
           createSwarm([](Api::SwarmSpec &s) { s.agents[1].parameters.insert(u"accuracy"_s, 2); }),
           u"agents[1].parameters.accuracy"_s);
    addRow("create swarm: agent names twice", C::InvalidArgument,
           createSwarm([](Api::SwarmSpec &s) { s.agents[1].name = s.agents[0].name; }), u"agents[1].name"_s);
    addRow("create swarm: negative concurrency", C::InvalidArgument,
           createSwarm([](Api::SwarmSpec &s) { s.agents[0].limits.maxConcurrency = -1; }),
           u"agents[0].limits.max_concurrency"_s);

    // Malformed agents.
    addRow("spawn agent: blank name", C::InvalidArgument, spawnAgent([](Api::AgentSpec &s) { s.name = u"  "_s; }),
           u"name"_s);
    addRow("spawn agent: unknown provider", C::InvalidArgument,
           spawnAgent([](Api::AgentSpec &s) { s.provider = u"nowhere"_s; }), u"provider"_s);
    addRow("spawn agent: unknown parameter", C::InvalidArgument,
           spawnAgent([](Api::AgentSpec &s) { s.parameters.insert(u"warp"_s, 9); }), u"parameters.warp"_s);
    addRow("spawn agent: latency out of range", C::InvalidArgument,
           spawnAgent([](Api::AgentSpec &s) { s.parameters.insert(u"latency_ms"_s, -5); }), u"parameters.latency_ms"_s);
    addRow("spawn agent: negative budget", C::InvalidArgument,
           spawnAgent([](Api::AgentSpec &s) { s.limits.budgetUsd = -1; }), u"limits.budget_usd"_s);
    addRow("spawn agent: empty tag", C::InvalidArgument, spawnAgent([](Api::AgentSpec &s) {
               s.tags = {u"ok"_s, QString()};
           }),
           u"tags"_s);

    // Malformed tasks.
    addRow("submit: empty prompt", C::InvalidArgument,
           submitTask([](Api::TaskSpec &s, Fixture &) { s.promptTemplate = u"   "_s; }), u"prompt"_s);
    addRow("submit: unterminated placeholder", C::InvalidArgument,
           submitTask([](Api::TaskSpec &s, Fixture &) { s.promptTemplate = u"What is {{question?"_s; }), u"prompt"_s);
    addRow("submit: one choice", C::InvalidArgument, submitTask([](Api::TaskSpec &s, Fixture &) {
               s.answerFormat = Api::AnswerFormat::Choice;
               s.choices = {u"A"_s};
           }),
           u"choices"_s);
    addRow("submit: agent of another swarm", C::InvalidArgument,
           submitTask([](Api::TaskSpec &s, Fixture &f) { s.selection.agentIds = {f.beta.agentIds[0]}; }),
           u"selection.agent_ids[0]"_s);
    addRow("submit: priority out of range", C::InvalidArgument,
           submitTask([](Api::TaskSpec &s, Fixture &) { s.priority = 2000; }), u"priority"_s);
    addRow("submit: no attempt", C::InvalidArgument,
           submitTask([](Api::TaskSpec &s, Fixture &) { s.retry.maxAttempts = 0; }), u"retry.max_attempts"_s);
    addRow("submit: jitter above 1", C::InvalidArgument,
           submitTask([](Api::TaskSpec &s, Fixture &) { s.retry.jitter = 1.5; }), u"retry.jitter"_s);
    addRow("submit: backoff cap below start", C::InvalidArgument, submitTask([](Api::TaskSpec &s, Fixture &) {
               s.retry.initialBackoffMs = 100;
               s.retry.maxBackoffMs = 50;
           }),
           u"retry.max_backoff_ms"_s);
    addRow("submit: negative budget", C::InvalidArgument,
           submitTask([](Api::TaskSpec &s, Fixture &) { s.budgetUsd = -0.5; }), u"budget_usd"_s);
    addRow("submit: negative timeout", C::InvalidArgument,
           submitTask([](Api::TaskSpec &s, Fixture &) { s.timeoutMs = -1; }), u"timeout_ms"_s);
    addRow("submit: deadline past", C::InvalidArgument,
           submitTask([](Api::TaskSpec &s, Fixture &) { s.deadlineMs = wallClockMs() - 10; }), u"deadline"_s);
    addRow("submit: unknown strategy", C::InvalidArgument, submitTask([](Api::TaskSpec &s, Fixture &) {
               s.strategy = Api::StrategySpec {u"coin_toss"_s, {}};
           }),
           u"strategy.name"_s);
    addRow("submit batch: empty", C::InvalidArgument,
           [](Fixture &f) { return failure(f.h.submit(QList<Api::TaskSpec> {})); });
    addRow("submit batch: too large", C::InvalidArgument, [](Fixture &f) {
        return failure(f.h.submit(QList<Api::TaskSpec>(Fixture::config().maxBatchSize + 1, taskSpec(f.alpha.id))));
    });
    addRow("update swarm: unknown strategy", C::InvalidArgument, [](Fixture &f) {
        return failure(f.h.ask<Api::Swarm>([&](auto done) {
            f.h.engine.updateSwarm(f.alpha.id, Api::Topology::Ring, Api::StrategySpec {u"coin_toss"_s, {}}, done);
        }));
    });
    addRow("update swarm: bad tie break", C::InvalidArgument, [](Fixture &f) {
        return failure(f.h.ask<Api::Swarm>([&](auto done) {
            f.h.engine.updateSwarm(f.alpha.id, Api::Topology::Star,
                                   Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"dice"_s}}}, done);
        }));
    });
    addRow("command agent: reason too long", C::InvalidArgument, [](Fixture &f) {
        return failure(f.h.command(f.alpha.agentIds[0], Api::AgentCommand::Pause, QString(1025, u'r')));
    });

    // Paging.
    addRow(
        "query tasks: limit 0", C::InvalidArgument,
        [](Fixture &f) {
            Api::TaskQuery q;
            q.page.limit = 0;
            return failure(f.h.queryTasks(q));
        },
        u"page.limit"_s);
    addRow(
        "query tasks: limit 1001", C::InvalidArgument,
        [](Fixture &f) {
            Api::TaskQuery q;
            q.page.limit = 1001;
            return failure(f.h.queryTasks(q));
        },
        u"page.limit"_s);
    addRow(
        "query tasks: foreign cursor", C::InvalidArgument,
        [](Fixture &f) {
            Api::TaskQuery q;
            q.page.cursor = u"not-a-cursor"_s;
            return failure(f.h.queryTasks(q));
        },
        u"page.cursor"_s);
    addRow(
        "query decisions: limit 0", C::InvalidArgument,
        [](Fixture &f) {
            Api::DecisionQuery q;
            q.page.limit = 0;
            return failure(f.h.queryDecisions(q));
        },
        u"page.limit"_s);
    addRow("query decisions: agreement range upside down", C::InvalidArgument, [](Fixture &f) {
        Api::DecisionQuery q;
        q.minAgreement = 0.8;
        q.maxAgreement = 0.2;
        return failure(f.h.queryDecisions(q));
    });

    // Lifecycle commands the state forbids (alpha's agent is idle, beta's is stopped).
    addRow("resume an idle agent", C::InvalidState, command(A::Resume, true));
    addRow("restart an idle agent", C::InvalidState, command(A::Restart, true));
    addRow("stop a stopped agent", C::InvalidState, command(A::Stop, false));
    addRow("pause a stopped agent", C::InvalidState, command(A::Pause, false));
    addRow("drain a stopped agent", C::InvalidState, command(A::Drain, false));
    addRow("resume a stopped agent", C::InvalidState, command(A::Resume, false));
    addRow("remove an idle agent", C::InvalidState, [](Fixture &f) {
        return failure(f.h.ask<void>([&](auto done) { f.h.engine.removeAgent(f.alpha.agentIds[0], done); }));
    });
    addRow("remove a swarm with idle agents", C::InvalidState, [](Fixture &f) {
        return failure(f.h.ask<void>([&](auto done) { f.h.engine.removeSwarm(f.alpha.id, done); }));
    });
    addRow("remove a swarm with an unfinished task", C::InvalidState, [](Fixture &f) {
        return failure(f.h.ask<void>([&](auto done) { f.h.engine.removeSwarm(f.beta.id, done); }));
    });
    addRow("cancel a finished task", C::InvalidState, [](Fixture &f) {
        return failure(f.h.ask<Api::Task>([&](auto done) { f.h.engine.tasks().cancel(f.done.id, {}, done); }));
    });
    addRow("retry a succeeded task", C::InvalidState, [](Fixture &f) {
        return failure(f.h.ask<Api::Task>([&](auto done) { f.h.engine.tasks().retry(f.done.id, done); }));
    });
    addRow("retry a queued task", C::InvalidState, [](Fixture &f) {
        return failure(f.h.ask<Api::Task>([&](auto done) { f.h.engine.tasks().retry(f.parked.id, done); }));
    });

    // Limits.
    addRow("submit: queue full", C::ResourceExhausted, submitTask([](Api::TaskSpec &, Fixture &) {}));
}

void TstEngine::refusedOperationsChangeNothing()
{
    QFETCH(Operation, operation);
    QFETCH(QString, code);
    QFETCH(QString, path);

    Fixture f;
    QVERIFY(f.build());
    const Observable before = f.h.observe();

    const std::optional<Api::Error> error = operation(f);
    QVERIFY2(error.has_value(), "expected an error, the operation succeeded");
    QCOMPARE(Api::enumName(error->code).toString(), code);
    QVERIFY(!error->message.isEmpty());
    if (!path.isEmpty())
        QCOMPARE(error->details.value(u"path"_s).toString(), path);

    Testing::spinFor(10); // anything the operation set in motion would show now
    const Observable after = f.h.observe();
    QCOMPARE(after.swarms.size(), before.swarms.size());
    QCOMPARE(after.agents.size(), before.agents.size());
    QCOMPARE(after.tasks.size(), before.tasks.size());
    QCOMPARE(after.decisions.size(), before.decisions.size());
    QCOMPARE(after.headSeq, before.headSeq);
    QCOMPARE(after.submitted, before.submitted);
    QVERIFY2(after == before, "the refused operation changed what an operator can see");
}

void TstEngine::refusedBatchNamesTheIndex()
{
    Harness h;
    const auto swarm = h.createSwarm(swarmSpec(u"s"_s, {agentSpec(u"a"_s)}));
    QS_VERIFY_OK(swarm);
    const Observable before = h.observe();
    QList<Api::TaskSpec> specs(4, taskSpec(swarm->id));
    specs[2].promptTemplate.clear();
    const auto rejected = h.submit(specs);
    QS_VERIFY_ERROR(rejected, Api::ErrorCode::InvalidArgument);
    QCOMPARE(rejected.error().details.value(u"index"_s).toInt(-1), 2);
    QVERIFY2(rejected.error().message.startsWith(u"tasks[2]."_s), qPrintable(rejected.error().message));
    QCOMPARE(rejected.error().details.value(u"path"_s).toString(), u"prompt"_s);

    // A batch whose unknown swarm is at index 1.
    QList<Api::TaskSpec> lost(3, taskSpec(swarm->id));
    lost[1].swarmId = Api::SwarmId(77);
    const auto notFound = h.submit(lost);
    QS_VERIFY_ERROR(notFound, Api::ErrorCode::NotFound);
    QCOMPARE(notFound.error().details.value(u"index"_s).toInt(-1), 1);

    Testing::spinFor(10);
    QVERIFY(h.observe() == before);
    QCOMPARE(h.engine.metrics().total(u"qwen_swarm_tasks_submitted_total"), 0.0);
}

void TstEngine::queueFullRefusesWholeBatch()
{
    EngineConfig config;
    config.maxQueuedTasks = 3;
    Harness h(config);
    const auto swarm = h.createSwarm(swarmSpec(u"s"_s, {agentSpec(u"a"_s)}));
    QS_VERIFY_OK(swarm);
    QS_VERIFY_OK(h.command(swarm->agentIds[0], Api::AgentCommand::Pause)); // tasks stay unfinished
    QS_VERIFY_OK(h.submit(QList<Api::TaskSpec>(2, taskSpec(swarm->id))));
    const Observable before = h.observe();

    const auto refused = h.submit(QList<Api::TaskSpec>(2, taskSpec(swarm->id)));
    QS_VERIFY_ERROR(refused, Api::ErrorCode::ResourceExhausted);
    QVERIFY(refused.error().details.value(u"retriable"_s).toBool());
    Testing::spinFor(10);
    QVERIFY(h.observe() == before);

    QS_VERIFY_OK(h.submit(taskSpec(swarm->id))); // exactly the room left
    QS_VERIFY_ERROR(h.submit(taskSpec(swarm->id)), Api::ErrorCode::ResourceExhausted);
    QCOMPARE(h.engine.metrics().total(u"qwen_swarm_tasks_submitted_total"), 3.0);

    // Finishing work makes room again.
    QS_VERIFY_OK(h.command(swarm->agentIds[0], Api::AgentCommand::Resume));
    QVERIFY(Testing::spinUntil([&] { return h.engine.metrics().total(u"qwen_swarm_tasks_finished_total") == 3.0; }));
    QS_VERIFY_OK(h.submit(QList<Api::TaskSpec>(3, taskSpec(swarm->id))));
}

void TstEngine::agentLifecycleThroughCommands()
{
    using S = Api::AgentState;
    using C = Api::AgentCommand;
    Harness h;
    const auto swarm = h.createSwarm(swarmSpec(u"s"_s, {}));
    QS_VERIFY_OK(swarm);
    const auto spawned
        = h.ask<Api::Agent>([&](auto done) { h.engine.spawnAgent(swarm->id, agentSpec(u"life"_s, 300), done); });
    QS_VERIFY_OK(spawned);
    QCOMPARE(spawned->state, S::Idle);
    QCOMPARE(spawned->swarmId, swarm->id);
    const Api::AgentId id = spawned->id;

    const auto expectState = [&](C c, S expected) {
        const auto answered = h.command(id, c, u"lifecycle test"_s);
        if (!answered)
            return u"%1 failed: %2"_s.arg(Api::enumName(c).toString(), answered.error().message);
        if (answered->state != expected)
            return u"%1 gave %2"_s.arg(Api::enumName(c).toString(), Api::enumName(answered->state).toString());
        return QString();
    };
    QCOMPARE(expectState(C::Pause, S::Paused), QString());
    QCOMPARE(expectState(C::Resume, S::Idle), QString());

    // Drain while a call is in flight: draining until it finishes, then stopped.
    const auto task = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(task);
    QVERIFY(Testing::spinUntil(
        [&] { return !h.recorder.agentEvents(id).isEmpty() && h.recorder.agentEvents(id).constLast().to == S::Busy; }));
    QCOMPARE(expectState(C::Drain, S::Draining), QString());
    QVERIFY(h.waitFinished({task->id}));
    QCOMPARE(h.task(task->id)->state, Api::TaskState::Succeeded); // its call was allowed to finish
    QCOMPARE(h.ask<Api::Agent>([&](auto done) { h.engine.agent(id, done); })->state, S::Stopped);

    QCOMPARE(expectState(C::Restart, S::Idle), QString());
    QCOMPARE(expectState(C::Stop, S::Stopped), QString());
    QCOMPARE(expectState(C::Restart, S::Idle), QString());
    Testing::spinFor(10);

    const QList<Api::AgentEvent> events = h.recorder.agentEvents(id);
    QStringList transitions;
    for (const Api::AgentEvent &e : events) {
        transitions << QString(Api::enumName(e.from) + u"->"_s + Api::enumName(e.to));
        QVERIFY2(!e.cause.isEmpty(), "every transition carries a cause");
        QCOMPARE(e.swarmId, swarm->id);
        QVERIFY(!e.removed);
    }
    const QStringList expected {
        u"created->idle"_s,  u"idle->paused"_s,        u"paused->idle"_s,        u"idle->busy"_s,
        u"busy->draining"_s, u"draining->stopped"_s,   u"stopped->recovering"_s, u"recovering->idle"_s,
        u"idle->stopped"_s,  u"stopped->recovering"_s, u"recovering->idle"_s,
    };
    QCOMPARE(transitions, expected);
    // Operator commands name themselves and the reason given.
    QVERIFY2(events[1].cause.contains(u"pause"_s) && events[1].cause.contains(u"lifecycle test"_s),
             qPrintable(events[1].cause));
    QVERIFY2(events[4].cause.contains(u"drain"_s), qPrintable(events[4].cause));
    QVERIFY2(events[8].cause.contains(u"stop"_s), qPrintable(events[8].cause));
    const auto final = h.ask<Api::Agent>([&](auto done) { h.engine.agent(id, done); });
    QS_VERIFY_OK(final);
    QCOMPARE(final->state, S::Idle);
    QVERIFY(!final->stateReason.isEmpty());
    QCOMPARE(final->stats.calls, quint64(1));
    QCOMPARE(h.engine.metrics().value(u"qwen_swarm_agents", {{u"state"_s, u"idle"_s}}).value_or(-1), 1.0);
}

void TstEngine::removesAgentsAndSwarms()
{
    Harness h;
    const auto swarm = h.createSwarm(swarmSpec(u"doomed"_s, {agentSpec(u"a"_s), agentSpec(u"b"_s)}));
    const auto keep = h.createSwarm(swarmSpec(u"kept"_s, {agentSpec(u"a"_s)}));
    QS_VERIFY_OK(swarm);
    QS_VERIFY_OK(keep);
    const auto task = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(task);
    QVERIFY(h.waitFinished({task->id}));
    const Api::AgentId a = swarm->agentIds[0];
    const Api::AgentId b = swarm->agentIds[1];

    QS_VERIFY_OK(h.command(a, Api::AgentCommand::Stop));
    QS_VERIFY_OK(h.ask<void>([&](auto done) { h.engine.removeAgent(a, done); }));
    QS_VERIFY_ERROR(h.ask<Api::Agent>([&](auto done) { h.engine.agent(a, done); }), Api::ErrorCode::NotFound);
    const auto remaining = h.listAgents(swarm->id);
    QS_VERIFY_OK(remaining);
    QCOMPARE(remaining->size(), 1);
    QCOMPARE(remaining->at(0).id, b);
    const auto afterAgent = h.ask<Api::Swarm>([&](auto done) { h.engine.swarm(swarm->id, done); });
    QS_VERIFY_OK(afterAgent);
    QCOMPARE(afterAgent->agentIds, QList<Api::AgentId> {b});
    Testing::spinFor(10);
    const QList<Api::AgentEvent> aEvents = h.recorder.agentEvents(a);
    QVERIFY(!aEvents.isEmpty());
    QVERIFY(aEvents.constLast().removed);
    QVERIFY(!aEvents.constLast().cause.isEmpty());

    // The swarm goes once every agent is stopped; its finished task does not hold it back.
    QS_VERIFY_OK(h.command(b, Api::AgentCommand::Stop));
    QS_VERIFY_OK(h.ask<void>([&](auto done) { h.engine.removeSwarm(swarm->id, done); }));
    QS_VERIFY_ERROR(h.ask<Api::Swarm>([&](auto done) { h.engine.swarm(swarm->id, done); }), Api::ErrorCode::NotFound);
    QS_VERIFY_ERROR(h.ask<Api::Agent>([&](auto done) { h.engine.agent(b, done); }), Api::ErrorCode::NotFound);
    const auto swarms = h.listSwarms();
    QS_VERIFY_OK(swarms);
    QCOMPARE(swarms->size(), 1);
    QCOMPARE(swarms->at(0).name, u"kept"_s);
    QCOMPARE(h.listAgents()->size(), 1);
    Testing::spinFor(10);
    const QList<Api::SwarmEvent> swarmEvents = h.recorder.payloads<Api::SwarmEvent>();
    QVERIFY(std::any_of(swarmEvents.cbegin(), swarmEvents.cend(), [&](const Api::SwarmEvent &e) {
        return e.swarmId == swarm->id && e.change == Api::SwarmChange::Removed && e.name == u"doomed"_s;
    }));
    QVERIFY(h.recorder.agentEvents(b).constLast().removed);
    // The name is free again.
    QS_VERIFY_OK(h.createSwarm(swarmSpec(u"doomed"_s, {agentSpec(u"a"_s)})));
}

void TstEngine::listsSwarmsAndAgents()
{
    Harness h;
    QCOMPARE(h.listSwarms()->size(), 0);
    QCOMPARE(h.listAgents()->size(), 0);
    const auto first = h.createSwarm(swarmSpec(u"first"_s, {agentSpec(u"a"_s), agentSpec(u"b"_s)}));
    const auto second
        = h.createSwarm(swarmSpec(u"second"_s, {agentSpec(u"a"_s), agentSpec(u"c"_s), agentSpec(u"d"_s)}));
    QS_VERIFY_OK(first);
    QS_VERIFY_OK(second);
    QCOMPARE(first->agentIds.size(), 2);
    QCOMPARE(second->agentIds.size(), 3);
    QVERIFY(first->createdMs > 0);

    const auto swarms = h.listSwarms();
    QS_VERIFY_OK(swarms);
    QCOMPARE(swarms->size(), 2);
    QCOMPARE(swarms->at(0), first.value());
    QCOMPARE(swarms->at(1), second.value());

    const auto all = h.listAgents();
    QS_VERIFY_OK(all);
    QCOMPARE(all->size(), 5);
    for (qsizetype i = 1; i < all->size(); ++i)
        QVERIFY(all->at(i - 1).id < all->at(i).id);
    const auto ofSecond = h.listAgents(second->id);
    QS_VERIFY_OK(ofSecond);
    QStringList names;
    for (const Api::Agent &agent : ofSecond.value()) {
        names << agent.spec.name;
        QCOMPARE(agent.swarmId, second->id);
        QCOMPARE(agent.state, Api::AgentState::Idle);
    }
    QCOMPARE(names, (QStringList {u"a"_s, u"c"_s, u"d"_s}));

    const auto spawned = h.ask<Api::Agent>([&](auto done) { h.engine.spawnAgent(first->id, agentSpec(u"c"_s), done); });
    QS_VERIFY_OK(spawned);
    QCOMPARE(h.listAgents(first->id)->size(), 3);
    QCOMPARE(h.ask<Api::Swarm>([&](auto done) { h.engine.swarm(first->id, done); })->agentIds.constLast(), spawned->id);
}

void TstEngine::updatesSwarm()
{
    Harness h;
    const auto swarm = h.createSwarm(swarmSpec(u"s"_s, {agentSpec(u"a"_s)}));
    QS_VERIFY_OK(swarm);
    const Api::StrategySpec strategy {u"plurality"_s, {{u"tie_break"_s, u"first"_s}}};
    const auto updated
        = h.ask<Api::Swarm>([&](auto done) { h.engine.updateSwarm(swarm->id, Api::Topology::Ring, strategy, done); });
    QS_VERIFY_OK(updated);
    QCOMPARE(updated->topology, Api::Topology::Ring);
    QCOMPARE(updated->defaultStrategy, strategy);
    QCOMPARE(updated->agentIds, swarm->agentIds);
    const auto read = h.ask<Api::Swarm>([&](auto done) { h.engine.swarm(swarm->id, done); });
    QS_VERIFY_OK(read);
    QCOMPARE(read.value(), updated.value());
    // New tasks take the new default.
    const auto task = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(task);
    QVERIFY(task->spec.strategy.has_value());
    QCOMPARE(*task->spec.strategy, strategy);
}

void TstEngine::metricsAfterSomeTasks()
{
    Harness h;
    QList<Api::AgentSpec> agents;
    for (int i = 0; i < 3; ++i) {
        Api::AgentSpec spec = agentSpec(u"agent-%1"_s.arg(i), 0, i < 2 ? 1 : 0);
        spec.parameters.insert(u"completion_tokens"_s, 8);
        spec.parameters.insert(u"price_in_per_mtok"_s, 1.0);
        spec.parameters.insert(u"price_out_per_mtok"_s, 3.0);
        agents.append(spec);
    }
    const auto swarm = h.createSwarm(swarmSpec(u"metered"_s, agents));
    QS_VERIFY_OK(swarm);
    constexpr int tasks = 6;
    const auto accepted = h.submit(QList<Api::TaskSpec>(tasks, taskSpec(swarm->id)));
    QS_VERIFY_OK(accepted);
    QList<Api::TaskId> ids;
    for (const Api::Task &t : accepted.value())
        ids.append(t.id);
    QVERIFY(h.waitFinished(ids));
    Testing::spinFor(10);

    const Api::MetricsSnapshot m = h.engine.metrics();
    QVERIFY(m.timeMs > 0);
    for (const Api::MetricFamily &family : m.families) {
        QVERIFY2(family.name.startsWith(u"qwen_swarm_"_s), qPrintable(family.name));
        QVERIFY2(!family.help.isEmpty(), qPrintable(family.name));
    }
    const auto typeOf = [&m](QStringView name) {
        const Api::MetricFamily *f = m.family(name);
        return f ? Api::enumName(f->type).toString() : u"absent"_s;
    };
    QCOMPARE(typeOf(u"qwen_swarm_tasks_submitted_total"), u"counter"_s);
    QCOMPARE(typeOf(u"qwen_swarm_tasks_finished_total"), u"counter"_s);
    QCOMPARE(typeOf(u"qwen_swarm_agent_calls_total"), u"counter"_s);
    QCOMPARE(typeOf(u"qwen_swarm_decision_agreement"), u"histogram"_s);
    QCOMPARE(typeOf(u"qwen_swarm_tokens_total"), u"counter"_s);
    QCOMPARE(typeOf(u"qwen_swarm_cost_usd_total"), u"counter"_s);
    QCOMPARE(typeOf(u"qwen_swarm_queue_depth"), u"gauge"_s);
    QCOMPARE(typeOf(u"qwen_swarm_agents"), u"gauge"_s);

    const auto value
        = [&m](QStringView name, const Api::MetricLabels &labels = {}) { return m.value(name, labels).value_or(-1); };
    QCOMPARE(value(u"qwen_swarm_tasks_submitted_total"), double(tasks));
    QCOMPARE(value(u"qwen_swarm_tasks_finished_total", {{u"state"_s, u"succeeded"_s}}), double(tasks));
    QCOMPARE(value(u"qwen_swarm_tasks_finished_total", {{u"state"_s, u"failed"_s}}), 0.0);
    QCOMPARE(value(u"qwen_swarm_agent_calls_total", {{u"provider"_s, u"simulated"_s}}), double(3 * tasks));
    QCOMPARE(value(u"qwen_swarm_queue_depth"), 0.0);
    QCOMPARE(value(u"qwen_swarm_agents", {{u"state"_s, u"idle"_s}}), 3.0);
    QCOMPARE(value(u"qwen_swarm_agents", {{u"state"_s, u"busy"_s}}), 0.0);
    QCOMPARE(m.total(u"qwen_swarm_agents"), 3.0);

    // Every decision was 2 of 3: the histogram counts them and sums their agreement.
    const Api::MetricFamily *agreement = m.family(u"qwen_swarm_decision_agreement");
    QVERIFY(agreement);
    QCOMPARE(agreement->samples.size(), 1);
    QCOMPARE(agreement->samples[0].count, quint64(tasks));
    QVERIFY(qAbs(agreement->samples[0].sum - tasks * 2.0 / 3.0) < 1e-9);
    QVERIFY(!agreement->samples[0].bucketBounds.isEmpty());

    const QString prompt = u"What is the answer to everything?"_s;
    const double promptTokens = double(prompt.size() / 4 + 1);
    QCOMPARE(value(u"qwen_swarm_tokens_total", {{u"kind"_s, u"prompt"_s}}), 3 * tasks * promptTokens);
    QCOMPARE(value(u"qwen_swarm_tokens_total", {{u"kind"_s, u"completion"_s}}), double(3 * tasks * 8));
    const double cost = 3 * tasks * (promptTokens * 1.0 + 8 * 3.0) / 1e6;
    QVERIFY2(qAbs(value(u"qwen_swarm_cost_usd_total") - cost) < 1e-12,
             qPrintable(QString::number(value(u"qwen_swarm_cost_usd_total"))));
}

void TstEngine::pagesTasksAndDecisions()
{
    Harness h;
    const auto swarm = h.createSwarm(swarmSpec(u"paged"_s, {agentSpec(u"a"_s), agentSpec(u"b"_s)}));
    const auto other = h.createSwarm(swarmSpec(u"other"_s, {agentSpec(u"a"_s)}));
    QS_VERIFY_OK(swarm);
    QS_VERIFY_OK(other);
    QList<Api::TaskSpec> specs;
    for (int i = 0; i < 7; ++i) {
        Api::TaskSpec spec = taskSpec(swarm->id, QString::number(i));
        spec.tags = {i % 2 ? u"odd"_s : u"even"_s};
        specs.append(spec);
    }
    specs.append(taskSpec(other->id));
    const auto accepted = h.submit(specs);
    QS_VERIFY_OK(accepted);
    QList<Api::TaskId> ids;
    for (const Api::Task &t : accepted.value())
        ids.append(t.id);
    QVERIFY(h.waitFinished(ids));
    Testing::spinFor(10);

    // Tasks of one swarm, three at a time, newest first.
    Api::TaskQuery query;
    query.swarmId = swarm->id;
    query.page.limit = 3;
    QList<Api::TaskId> seen;
    QList<int> pageSizes;
    for (int guard = 0; guard < 10; ++guard) {
        const auto page = h.queryTasks(query);
        QS_VERIFY_OK(page);
        QCOMPARE(page->asOfSeq, h.engine.context().events.headSeq());
        pageSizes.append(int(page->items.size()));
        for (const Api::Task &t : page->items)
            seen.append(t.id);
        if (page->nextCursor.isEmpty())
            break;
        query.page.cursor = page->nextCursor;
    }
    QCOMPARE(pageSizes, (QList<int> {3, 3, 1}));
    QList<Api::TaskId> expected = ids.mid(0, 7);
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(seen, expected);

    Api::TaskQuery odd;
    odd.text = u"ODD"_s;
    QCOMPARE(h.queryTasks(odd)->items.size(), 3);
    Api::TaskQuery succeeded;
    succeeded.states = {Api::TaskState::Succeeded};
    QCOMPARE(h.queryTasks(succeeded)->items.size(), 8);
    Api::TaskQuery failed;
    failed.states = {Api::TaskState::Failed};
    QCOMPARE(h.queryTasks(failed)->items.size(), 0);

    // Decisions, two at a time.
    Api::DecisionQuery decisions;
    decisions.swarmId = swarm->id;
    decisions.page.limit = 2;
    QList<Api::TaskId> decided;
    int pages = 0;
    for (; pages < 10; ++pages) {
        const auto page = h.queryDecisions(decisions);
        QS_VERIFY_OK(page);
        for (const Api::Decision &d : page->items) {
            decided.append(d.taskId);
            QVERIFY(!d.explanation.isEmpty());
        }
        if (page->nextCursor.isEmpty())
            break;
        decisions.page.cursor = page->nextCursor;
    }
    QCOMPARE(pages + 1, 4);
    QCOMPARE(decided, expected);
    Api::DecisionQuery ofTask;
    ofTask.taskId = ids[3];
    const auto one = h.queryDecisions(ofTask);
    QS_VERIFY_OK(one);
    QCOMPARE(one->items.size(), 1);
    QCOMPARE(one->items[0].answer, u"3"_s);
    Api::DecisionQuery undecided;
    undecided.outcome = Api::DecisionOutcome::NoDecision;
    QCOMPARE(h.queryDecisions(undecided)->items.size(), 0);
}

void TstEngine::resumesDeltasFromPageSeq()
{
    Harness h;
    const auto swarm = h.createSwarm(swarmSpec(u"s"_s, {agentSpec(u"a"_s)}));
    QS_VERIFY_OK(swarm);
    const auto first = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(first);
    QVERIFY(h.waitFinished({first->id}));
    Testing::spinFor(10);

    Api::TaskQuery query;
    const auto page = h.queryTasks(query);
    QS_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
    const quint64 asOf = page->asOfSeq;
    QVERIFY(asOf > 0);

    const auto second = h.submit(taskSpec(swarm->id));
    QS_VERIFY_OK(second);
    QVERIFY(h.waitFinished({second->id}));

    // A client that loaded the page subscribes for what changed since: exactly the later events.
    EventRecorder deltas;
    Api::SubscriptionSpec spec;
    spec.topics = {Api::Topic::Tasks};
    spec.resumeAfterSeq = asOf;
    const Api::Subscription subscription = h.engine.subscribe(spec, &deltas);
    QVERIFY(subscription.headSeq > asOf);
    QVERIFY(Testing::spinUntil([&] { return deltas.finished(second->id); }));
    QCOMPARE(deltas.drops, 0);
    QVERIFY(!deltas.events.isEmpty());
    for (const Api::Event &e : deltas.events) {
        QVERIFY(e.seq > asOf);
        QCOMPARE(e.topic(), Api::Topic::Tasks);
        QCOMPARE(std::get<Api::TaskEvent>(e.payload).taskId, second->id);
    }
    const Api::TaskEvent accepted = std::get<Api::TaskEvent>(deltas.events.constFirst().payload);
    QCOMPARE(accepted.to, Api::TaskState::Queued);
    QCOMPARE(accepted.attempt, 0);
    QS_VERIFY_OK(h.engine.unsubscribe(subscription.id));
    QS_VERIFY_ERROR(h.engine.unsubscribe(subscription.id), Api::ErrorCode::NotFound);
    h.engine.removeSink(&deltas);
}

} // namespace QwenSwarm::Engine

QTEST_GUILESS_MAIN(QwenSwarm::Engine::TstEngine)
#include "tst_engine.moc"
