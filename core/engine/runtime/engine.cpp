#include "runtime/engine.h"

#include "providers/simulatedprovider.h"
#include "runtime/clock.h"

namespace QwenSwarm::Engine {

using Api::ErrorCode;

Engine::Engine(EngineConfig config, std::unique_ptr<Store> store, QObject *parent)
    : QObject(parent)
    , m_context(std::move(config), std::move(store))
    , m_validator(m_context.providers, m_context.strategies)
    , m_supervisor(m_context)
    , m_scheduler(this, m_context, m_supervisor)
    , m_tasks(m_context, m_scheduler, m_validator)
    , m_learning(m_context, m_tasks)
    , m_providers(m_context, this)
    , m_workflows(m_context, m_tasks)
    , m_housekeeping(new QTimer(this))
{
    m_context.store->attach(this);
    addProvider(std::make_unique<SimulatedProvider>(this, m_context.config.seed));
    m_context.events.setFlushRequest([this] { requestFlush(); });
    m_context.storeWriter.setFlushRequest([this] { requestFlush(); });
    // A workflow's step hears of its tasks' ends in a later turn, never inside the scheduler's own.
    m_scheduler.setFinishObserver([this](const Api::Task &task) {
        if (task.spec.idempotencyKey.startsWith(u"wf:"))
            QMetaObject::invokeMethod(
                this, [this, task] { m_workflows.taskFinished(task); }, Qt::QueuedConnection);
    });
    // Drop notices wait for slow consumers to catch up; look again now and then.
    m_housekeeping->setInterval(200);
    connect(m_housekeeping, &QTimer::timeout, this, [this] {
        // Reputations changed by agreement are written about once a second, not on every decision.
        if (++m_housekeepingTicks % 5 == 0)
            m_context.reputations.flush();
        if (m_context.events.hasUndeliveredGaps())
            flush();
        // Writes the store failed are written again until it takes them (a full disk freed, a server back).
        m_context.storeWriter.retry();
        m_context.providers.collectRetired();
        rollUpMetrics(wallClockMs());
    });
}

Engine::~Engine()
{
    // Hand what was written to the store; subscribers are going away with us.
    m_context.reputations.flush();
    m_context.storeWriter.flush();
}

void Engine::addProvider(std::unique_ptr<Provider> provider)
{
    const int limit = m_context.config.providerConcurrency.value(provider->name(), 0);
    m_context.providers.add(std::move(provider), limit);
}

Provider *Engine::provider(const QString &name)
{
    ProviderRegistry::Entry *entry = m_context.providers.find(name);
    return entry ? entry->provider.get() : nullptr;
}

void Engine::start(Reply<void> done)
{
    // Before the store loads: restored agents name these providers.
    m_providers.registerConfigured();
    m_housekeeping->start();
    m_context.store->load([this, done = std::move(done)](Api::Result<StoreSnapshot> loaded) {
        if (!loaded) {
            if (done)
                done(loaded.error());
            return;
        }
        const StoreSnapshot &snapshot = loaded.value();
        m_context.agents.reserveIds(snapshot.maxSwarmId, snapshot.maxAgentId);
        m_tasks.reserveTaskIds(snapshot.maxTaskId);
        m_scheduler.reserveDecisionIds(snapshot.maxDecisionId);
        m_context.reputations.restore(snapshot.reputations);
        m_providers.restore(snapshot.providers); // before the agents that call them
        for (const Api::Swarm &s : snapshot.swarms) {
            Api::Swarm swarm = s;
            swarm.agentIds.clear();
            SwarmRuntime &runtime = m_context.agents.addSwarm(swarm);
            for (Api::AgentId id : s.agentIds) {
                const auto it = std::find_if(snapshot.agents.cbegin(), snapshot.agents.cend(),
                                             [id](const Api::Agent &a) { return a.id == id; });
                if (it != snapshot.agents.cend())
                    m_supervisor.restore(runtime, *it);
            }
        }
        m_started = true;
        m_tasks.restore(snapshot.unfinishedTasks, snapshot.idempotencyKeys);
        m_workflows.restore(snapshot.unfinishedRuns, snapshot.runIdempotencyKeys, snapshot.maxRunId);
        for (auto &operation : std::exchange(m_waitingForStart, {}))
            operation();
        if (done)
            done({});
    });
}

void Engine::whenStarted(std::function<void()> operation)
{
    if (m_started)
        operation();
    else
        m_waitingForStart.push_back(std::move(operation));
}

void Engine::requestFlush()
{
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(this, &Engine::flush, Qt::QueuedConnection);
}

void Engine::flush()
{
    m_flushQueued = false;
    // Store first: writes that become durable may accept tasks, which publish events.
    m_context.storeWriter.flush();
    m_context.events.flush();
    m_scheduler.releaseFinishedRuns();
}

template<typename T>
void Engine::answerWhenDurable(Reply<T> done, T value)
{
    m_context.storeWriter.whenDurable([done = std::move(done), value = std::move(value)](Api::Result<void> written) {
        if (!written)
            return done(written.error());
        done(value);
    });
}

Api::Error Engine::swarmNotFound(Api::SwarmId id)
{
    return Api::makeError(ErrorCode::NotFound, QStringLiteral("no swarm with id %1").arg(id.value));
}

Api::Error Engine::agentNotFound(Api::AgentId id)
{
    return Api::makeError(ErrorCode::NotFound, QStringLiteral("no agent with id %1").arg(id.value));
}

void Engine::info(Reply<Api::BackendInfo> done)
{
    // Not ready while the store fails: readiness probes and clients see the outage.
    if (const auto &failure = m_context.storeWriter.failure()) {
        return done(Api::makeError(
            failure->code, QStringLiteral("the store is failing: ") + failure->message,
            {{QStringLiteral("retriable"), true}, {QStringLiteral("reason"), QStringLiteral("store_failing")}}));
    }
    Api::BackendInfo info;
    info.version = QStringLiteral(QWENSWARM_VERSION);
    info.kind = QStringLiteral("in_process");
    info.endpoint = QStringLiteral("embedded");
    info.store = m_context.store->kind();
    info.providers = m_context.providers.names();
    info.strategies = m_context.strategies.names();
    done(info);
}

void Engine::createSwarm(const Api::SwarmSpec &spec, Reply<Api::Swarm> done)
{
    if (auto valid = m_validator.swarmSpec(spec); !valid)
        return done(valid.error());
    if (m_context.agents.swarmByName(spec.name))
        return done(
            Api::makeError(ErrorCode::AlreadyExists, QStringLiteral("a swarm named '%1' exists").arg(spec.name)));
    Api::Swarm swarm;
    swarm.id = m_context.agents.nextSwarmId();
    swarm.name = spec.name;
    swarm.topology = spec.topology;
    swarm.defaultStrategy = spec.defaultStrategy;
    swarm.memory = spec.memory;
    swarm.createdMs = wallClockMs();
    SwarmRuntime &runtime = m_context.agents.addSwarm(swarm);
    m_context.storeWriter.append(SwarmWrite {swarm});
    m_context.events.publish(swarm.createdMs, Api::SwarmEvent {swarm.id, Api::SwarmChange::Created, swarm.name});
    for (const Api::AgentSpec &agent : spec.agents)
        m_supervisor.spawn(runtime, agent, QStringLiteral("spawned with swarm"));
    m_context.storeWriter.append(SwarmWrite {runtime.swarm});
    answerWhenDurable(std::move(done), runtime.swarm);
}

void Engine::listSwarms(Reply<QList<Api::Swarm>> done)
{
    done(m_context.agents.swarmList());
}

void Engine::swarm(Api::SwarmId id, Reply<Api::Swarm> done)
{
    if (SwarmRuntime *s = m_context.agents.swarm(id))
        return done(s->swarm);
    done(swarmNotFound(id));
}

void Engine::updateSwarm(Api::SwarmId id, Api::Topology topology, const Api::StrategySpec &strategy,
                         Reply<Api::Swarm> done)
{
    SwarmRuntime *s = m_context.agents.swarm(id);
    if (!s)
        return done(swarmNotFound(id));
    if (auto valid = m_validator.strategy(strategy); !valid)
        return done(valid.error());
    s->swarm.topology = topology;
    s->swarm.defaultStrategy = strategy;
    m_context.storeWriter.append(SwarmWrite {s->swarm});
    m_context.events.publish(wallClockMs(), Api::SwarmEvent {id, Api::SwarmChange::Updated, s->swarm.name});
    answerWhenDurable(std::move(done), s->swarm);
}

void Engine::removeSwarm(Api::SwarmId id, Reply<void> done)
{
    SwarmRuntime *s = m_context.agents.swarm(id);
    if (!s)
        return done(swarmNotFound(id));
    for (AgentRuntime *a : s->agents) {
        if (a->agent.state != Api::AgentState::Stopped && a->agent.state != Api::AgentState::Failed) {
            return done(Api::makeError(ErrorCode::InvalidState,
                                       QStringLiteral("agent '%1' is %2: stop every agent before removing the swarm")
                                           .arg(a->agent.spec.name, Api::enumName(a->agent.state).toString())));
        }
    }
    if (m_scheduler.hasUnfinishedTasks(id))
        return done(Api::makeError(ErrorCode::InvalidState, QStringLiteral("the swarm has unfinished tasks")));
    for (AgentRuntime *a : std::vector<AgentRuntime *>(s->agents))
        m_supervisor.remove(*a);
    const Api::Swarm removed = s->swarm;
    m_context.agents.removeSwarm(id);
    m_context.storeWriter.append(SwarmWrite {removed, true});
    m_context.events.publish(wallClockMs(), Api::SwarmEvent {id, Api::SwarmChange::Removed, removed.name});
    m_context.storeWriter.whenDurable(std::move(done));
}

void Engine::spawnAgent(Api::SwarmId swarmId, const Api::AgentSpec &spec, Reply<Api::Agent> done)
{
    SwarmRuntime *s = m_context.agents.swarm(swarmId);
    if (!s)
        return done(swarmNotFound(swarmId));
    if (auto valid = m_validator.agentSpec(spec); !valid)
        return done(valid.error());
    for (const AgentRuntime *a : s->agents) {
        if (a->agent.spec.name == spec.name) {
            return done(Api::makeError(
                ErrorCode::AlreadyExists,
                QStringLiteral("swarm '%1' already has an agent named '%2'").arg(s->swarm.name, spec.name)));
        }
    }
    AgentRuntime &agent = m_supervisor.spawn(*s, spec, QStringLiteral("spawned"));
    m_context.storeWriter.append(SwarmWrite {s->swarm});
    m_context.events.publish(wallClockMs(), Api::SwarmEvent {swarmId, Api::SwarmChange::Updated, s->swarm.name});
    answerWhenDurable(std::move(done), agent.agent);
}

void Engine::listAgents(Api::SwarmId swarm, Reply<QList<Api::Agent>> done)
{
    if (swarm.isValid() && !m_context.agents.swarm(swarm))
        return done(swarmNotFound(swarm));
    done(m_context.agents.agentList(swarm));
}

void Engine::agent(Api::AgentId id, Reply<Api::Agent> done)
{
    if (AgentRuntime *a = m_context.agents.agent(id))
        return done(a->agent);
    done(agentNotFound(id));
}

void Engine::commandAgent(Api::AgentId id, Api::AgentCommand command, const QString &reason, Reply<Api::Agent> done)
{
    AgentRuntime *a = m_context.agents.agent(id);
    if (!a)
        return done(agentNotFound(id));
    if (reason.size() > 1024)
        return done(Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("reason: at most 1024 characters")));
    auto result = m_supervisor.command(*a, command, reason);
    if (!result)
        return done(result.error());
    answerWhenDurable(std::move(done), std::move(result).value());
}

void Engine::removeAgent(Api::AgentId id, Reply<void> done)
{
    AgentRuntime *a = m_context.agents.agent(id);
    if (!a)
        return done(agentNotFound(id));
    const Api::SwarmId swarmId = a->agent.swarmId;
    if (auto removed = m_supervisor.remove(*a); !removed)
        return done(removed.error());
    if (SwarmRuntime *s = m_context.agents.swarm(swarmId)) {
        m_context.storeWriter.append(SwarmWrite {s->swarm});
        m_context.events.publish(wallClockMs(), Api::SwarmEvent {swarmId, Api::SwarmChange::Updated, s->swarm.name});
    }
    m_context.storeWriter.whenDurable(std::move(done));
}

Api::Subscription Engine::subscribe(const Api::SubscriptionSpec &spec, EventSink *sink)
{
    return m_context.events.subscribe(spec, sink);
}

Api::Result<void> Engine::unsubscribe(Api::SubscriptionId id)
{
    if (!m_context.events.unsubscribe(id))
        return Api::makeError(ErrorCode::NotFound, QStringLiteral("no subscription with id %1").arg(id.value));
    return {};
}

void Engine::removeSink(EventSink *sink)
{
    m_context.events.removeSink(sink);
}

void Engine::rollUpMetrics(qint64 nowMs)
{
    const qint64 minute = nowMs - nowMs % 60'000;
    if (m_rolledUpMinuteMs == 0) { // the first minute is partial: its roll-up comes at its end
        m_rolledUpMinuteMs = minute;
        return;
    }
    if (minute <= m_rolledUpMinuteMs)
        return;
    m_rolledUpMinuteMs = minute;
    Api::MetricsSnapshot rollup = metrics().rolledUp();
    rollup.timeMs = minute;
    m_context.storeWriter.append(MetricsRollupWrite {std::move(rollup), minute - rollupRetentionMs});
}

void Engine::metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done)
{
    if (fromMs > toMs || toMs - fromMs > rollupRetentionMs)
        return done(Api::makeError(ErrorCode::InvalidArgument,
                                   QStringLiteral("from..to: a range of at most eight days, from before to")));
    m_context.storeWriter.whenDurable([this, fromMs, toMs, done = std::move(done)](Api::Result<void>) {
        m_context.store->metricsHistory(fromMs, toMs, done);
    });
}

Api::MetricsSnapshot Engine::metrics()
{
    Counter &dropped = m_context.metrics.eventsDropped;
    dropped.add(static_cast<double>(m_context.events.droppedTotal()) - dropped.value());
    return m_context.metricsRegistry.snapshot(wallClockMs());
}

} // namespace QwenSwarm::Engine
