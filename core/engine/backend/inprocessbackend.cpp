#include "backend/inprocessbackend.h"

#include "events/audittrail.h"
#include "memory/memoryservice.h"
#include "runtime/clock.h"
#include "runtime/engine.h"

#include <QPointer>
#include <QThread>

namespace QwenSwarm::Engine {

InProcessBackend::InProcessBackend(EngineConfig config, std::unique_ptr<Store> store, QObject *parent)
    : Api::Backend(parent)
    , m_thread(new QThread)
    , m_engine(new Engine(std::move(config), std::move(store)))
{
    m_thread->setObjectName(QStringLiteral("qwen-swarm-engine"));
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine] { engine->start(); }, Qt::QueuedConnection);
}

InProcessBackend::~InProcessBackend()
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, sink = static_cast<EventSink *>(this)] { engine->removeSink(sink); },
        Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void InProcessBackend::onEngineThread(std::function<void(Engine &)> operation)
{
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, operation = std::move(operation)] {
            engine->whenStarted([engine, operation] { operation(*engine); });
        },
        Qt::QueuedConnection);
}

template<typename T, typename Operation>
void InProcessBackend::call(QObject *context, Callback<T> done, Operation operation)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    Engine::Reply<T> reply = [this, guard, hasContext, done = std::move(done)](Api::Result<T> result) {
        QMetaObject::invokeMethod(
            this,
            [guard, hasContext, done, result = std::move(result)]() mutable {
                if (done && (!hasContext || guard))
                    done(std::move(result));
            },
            Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, operation = std::move(operation), reply = std::move(reply)] {
            engine->whenStarted([engine, operation, reply] { operation(*engine, reply); });
        },
        Qt::QueuedConnection);
}

void InProcessBackend::info(QObject *context, Callback<Api::BackendInfo> done)
{
    call(context, std::move(done), [](Engine &e, auto reply) { e.info(reply); });
}

void InProcessBackend::createSwarm(const Api::SwarmSpec &spec, QObject *context, Callback<Api::Swarm> done)
{
    call(context, std::move(done), [spec](Engine &e, auto reply) { e.createSwarm(spec, reply); });
}

void InProcessBackend::listSwarms(QObject *context, Callback<QList<Api::Swarm>> done)
{
    call(context, std::move(done), [](Engine &e, auto reply) { e.listSwarms(reply); });
}

void InProcessBackend::swarm(Api::SwarmId id, QObject *context, Callback<Api::Swarm> done)
{
    call(context, std::move(done), [id](Engine &e, auto reply) { e.swarm(id, reply); });
}

void InProcessBackend::updateSwarm(Api::SwarmId id, Api::Topology topology, const Api::StrategySpec &defaultStrategy,
                                   QObject *context, Callback<Api::Swarm> done)
{
    call(context, std::move(done), [id, topology, defaultStrategy](Engine &e, auto reply) {
        e.updateSwarm(id, topology, defaultStrategy, reply);
    });
}

void InProcessBackend::removeSwarm(Api::SwarmId id, QObject *context, Callback<void> done)
{
    call(context, std::move(done), [id](Engine &e, auto reply) { e.removeSwarm(id, reply); });
}

void InProcessBackend::spawnAgent(Api::SwarmId swarm, const Api::AgentSpec &spec, QObject *context,
                                  Callback<Api::Agent> done)
{
    call(context, std::move(done), [swarm, spec](Engine &e, auto reply) { e.spawnAgent(swarm, spec, reply); });
}

void InProcessBackend::listAgents(Api::SwarmId swarm, QObject *context, Callback<QList<Api::Agent>> done)
{
    call(context, std::move(done), [swarm](Engine &e, auto reply) { e.listAgents(swarm, reply); });
}

void InProcessBackend::agent(Api::AgentId id, QObject *context, Callback<Api::Agent> done)
{
    call(context, std::move(done), [id](Engine &e, auto reply) { e.agent(id, reply); });
}

void InProcessBackend::commandAgent(Api::AgentId id, Api::AgentCommand command, const QString &reason, QObject *context,
                                    Callback<Api::Agent> done)
{
    call(context, std::move(done),
         [id, command, reason](Engine &e, auto reply) { e.commandAgent(id, command, reason, reply); });
}

void InProcessBackend::removeAgent(Api::AgentId id, QObject *context, Callback<void> done)
{
    call(context, std::move(done), [id](Engine &e, auto reply) { e.removeAgent(id, reply); });
}

void InProcessBackend::submitTask(const Api::TaskSpec &spec, QObject *context, Callback<Api::Task> done)
{
    call(context, std::move(done), [spec](Engine &e, Engine::Reply<Api::Task> reply) {
        e.tasks().submit({spec}, [reply](Api::Result<QList<Api::Task>> tasks) {
            if (!tasks)
                return reply(tasks.error());
            reply(tasks->constFirst());
        });
    });
}

void InProcessBackend::submitTasks(const QList<Api::TaskSpec> &specs, QObject *context, Callback<QList<Api::Task>> done)
{
    call(context, std::move(done), [specs](Engine &e, auto reply) { e.tasks().submit(specs, reply); });
}

void InProcessBackend::cancelTask(Api::TaskId id, const QString &reason, QObject *context, Callback<Api::Task> done)
{
    call(context, std::move(done), [id, reason](Engine &e, auto reply) { e.tasks().cancel(id, reason, reply); });
}

void InProcessBackend::retryTask(Api::TaskId id, QObject *context, Callback<Api::Task> done)
{
    call(context, std::move(done), [id](Engine &e, auto reply) { e.tasks().retry(id, reply); });
}

void InProcessBackend::task(Api::TaskId id, QObject *context, Callback<Api::Task> done)
{
    call(context, std::move(done), [id](Engine &e, auto reply) { e.tasks().task(id, reply); });
}

void InProcessBackend::queryTasks(const Api::TaskQuery &query, QObject *context, Callback<Api::Page<Api::Task>> done)
{
    call(context, std::move(done), [query](Engine &e, auto reply) { e.tasks().queryTasks(query, reply); });
}

void InProcessBackend::decision(Api::DecisionId id, QObject *context, Callback<Api::Decision> done)
{
    call(context, std::move(done), [id](Engine &e, auto reply) { e.tasks().decision(id, reply); });
}

void InProcessBackend::queryDecisions(const Api::DecisionQuery &query, QObject *context,
                                      Callback<Api::Page<Api::Decision>> done)
{
    call(context, std::move(done), [query](Engine &e, auto reply) { e.tasks().queryDecisions(query, reply); });
}

void InProcessBackend::giveFeedback(Api::DecisionId id, const Api::DecisionFeedback &feedback, QObject *context,
                                    Callback<Api::Decision> done)
{
    // A server in front of this backend names the authenticated caller; otherwise the embedded core
    // has one operator, whoever runs this process.
    const QString actor = feedback.actor.isEmpty() ? QStringLiteral("local operator") : feedback.actor;
    call(context, std::move(done),
         [id, feedback, actor](Engine &e, auto reply) { e.learning().giveFeedback(id, feedback, actor, reply); });
}

void InProcessBackend::startRun(const Api::RunSpec &spec, QObject *context, Callback<Api::Run> done)
{
    call(context, std::move(done), [spec](Engine &e, auto reply) { e.workflows().start(spec, reply); });
}

void InProcessBackend::run(Api::RunId id, QObject *context, Callback<Api::Run> done)
{
    call(context, std::move(done), [id](Engine &e, auto reply) { e.workflows().run(id, reply); });
}

void InProcessBackend::queryRuns(const Api::RunQuery &query, QObject *context, Callback<Api::Page<Api::Run>> done)
{
    call(context, std::move(done), [query](Engine &e, auto reply) { e.workflows().queryRuns(query, reply); });
}

void InProcessBackend::commandRun(Api::RunId id, Api::RunCommand command, const QString &reason, QObject *context,
                                  Callback<Api::Run> done)
{
    call(context, std::move(done),
         [id, command, reason](Engine &e, auto reply) { e.workflows().command(id, command, reason, reply); });
}

void InProcessBackend::retryRun(Api::RunId id, const QString &step, QObject *context, Callback<Api::Run> done)
{
    call(context, std::move(done), [id, step](Engine &e, auto reply) { e.workflows().retryFrom(id, step, reply); });
}

void InProcessBackend::approveStep(Api::RunId id, const QString &step, const Api::Approval &approval, QObject *context,
                                   Callback<Api::Run> done)
{
    call(context, std::move(done),
         [id, step, approval](Engine &e, auto reply) { e.workflows().approve(id, step, approval, reply); });
}

void InProcessBackend::reputations(Api::AgentId agent, QObject *context, Callback<QList<Api::Reputation>> done)
{
    call(context, std::move(done), [agent](Engine &e, auto reply) { e.learning().reputations(agent, reply); });
}

void InProcessBackend::reputationHistory(const Api::ReputationQuery &query, QObject *context,
                                         Callback<Api::Page<Api::ReputationPoint>> done)
{
    call(context, std::move(done), [query](Engine &e, auto reply) { e.learning().history(query, reply); });
}

namespace {

// A server in front of this backend names the authenticated caller; otherwise the embedded core has
// one operator, whoever runs this process.
QString sourceOf(const Api::MemorySpec &spec)
{
    return spec.source.isEmpty() ? QStringLiteral("operator:local operator") : spec.source;
}

} // namespace

void InProcessBackend::queryMemory(const Api::MemoryQuery &query, QObject *context,
                                   Callback<Api::Page<Api::MemoryEntry>> done)
{
    call(context, std::move(done), [query](Engine &e, auto reply) { MemoryService(e.context()).query(query, reply); });
}

void InProcessBackend::putMemory(const Api::MemorySpec &spec, QObject *context, Callback<Api::MemoryEntry> done)
{
    call(context, std::move(done),
         [spec](Engine &e, auto reply) { MemoryService(e.context()).put(spec, sourceOf(spec), reply); });
}

void InProcessBackend::updateMemory(Api::MemoryId id, const Api::MemorySpec &spec, QObject *context,
                                    Callback<Api::MemoryEntry> done)
{
    call(context, std::move(done),
         [id, spec](Engine &e, auto reply) { MemoryService(e.context()).update(id, spec, sourceOf(spec), reply); });
}

void InProcessBackend::removeMemory(Api::MemoryId id, QObject *context, Callback<void> done)
{
    call(context, std::move(done), [id](Engine &e, auto reply) { MemoryService(e.context()).remove(id, reply); });
}

void InProcessBackend::exportLearning(QObject *context, Callback<Api::LearningState> done)
{
    call(context, std::move(done), [](Engine &e, auto reply) { e.learning().exportState(reply); });
}

void InProcessBackend::importLearning(const Api::LearningState &state, QObject *context, Callback<void> done)
{
    call(context, std::move(done), [state](Engine &e, auto reply) { e.learning().importState(state, reply); });
}

void InProcessBackend::subscribe(const Api::SubscriptionSpec &spec, QObject *context, Callback<Api::Subscription> done)
{
    // The id is known to this thread before the answer and before any of its events arrive. The
    // answer is awaited even if the context goes: then nobody can learn of the subscription, and it
    // is ended.
    Callback<Api::Subscription> record = [this, guard = QPointer<QObject>(context), hasContext = context != nullptr,
                                          done = std::move(done)](Api::Result<Api::Subscription> result) {
        if (hasContext && !guard) {
            if (result)
                unsubscribe(result->id, nullptr, {});
            return;
        }
        if (result)
            m_subscriptions.insert(result->id.value);
        if (done)
            done(std::move(result));
    };
    call(nullptr, std::move(record),
         [spec, sink = static_cast<EventSink *>(this)](Engine &e, auto reply) { reply(e.subscribe(spec, sink)); });
}

void InProcessBackend::unsubscribe(Api::SubscriptionId id, QObject *context, Callback<void> done)
{
    m_subscriptions.remove(id.value);
    call(context, std::move(done), [id](Engine &e, auto reply) { reply(e.unsubscribe(id)); });
}

void InProcessBackend::metrics(QObject *context, Callback<Api::MetricsSnapshot> done)
{
    call(context, std::move(done), [](Engine &e, auto reply) { reply(e.metrics()); });
}

void InProcessBackend::metricsHistory(qint64 fromMs, qint64 toMs, QObject *context,
                                      Callback<QList<Api::MetricsSnapshot>> done)
{
    call(context, std::move(done), [fromMs, toMs](Engine &e, auto reply) { e.metricsHistory(fromMs, toMs, reply); });
}

void InProcessBackend::queryAudit(const Api::AuditQuery &query, QObject *context,
                                  Callback<Api::Page<Api::AuditEntry>> done)
{
    call(context, std::move(done), [query](Engine &e, auto reply) {
        AuditTrail(e.context().events, e.context().storeWriter).query(query, reply);
    });
}

void InProcessBackend::listProviders(QObject *context, Callback<QList<Api::ProviderInfo>> done)
{
    call(context, std::move(done), [](Engine &e, auto reply) { reply(e.providers().list()); });
}

void InProcessBackend::putProvider(const Api::ProviderSettings &settings, QObject *context,
                                   Callback<Api::ProviderInfo> done)
{
    call(context, std::move(done), [settings](Engine &e, auto reply) { e.providers().put(settings, reply); });
}

void InProcessBackend::removeProvider(const QString &name, QObject *context, Callback<void> done)
{
    call(context, std::move(done), [name](Engine &e, auto reply) { e.providers().remove(name, reply); });
}

void InProcessBackend::testProvider(const Api::ProviderSettings &settings, QObject *context,
                                    Callback<Api::ProviderCheck> done)
{
    call(context, std::move(done), [settings](Engine &e, auto reply) { e.providers().test(settings, reply); });
}

void InProcessBackend::setProviderKey(const QString &provider, const QByteArray &key)
{
    onEngineThread([provider, key = ApiKey(key)](Engine &e) { e.providers().setKeychainKey(provider, key); });
}

void InProcessBackend::recordAudit(const Api::AuditEvent &event)
{
    onEngineThread([event, timeMs = wallClockMs()](Engine &e) {
        AuditTrail(e.context().events, e.context().storeWriter).record(timeMs, event);
    });
}

void InProcessBackend::deliverEvents(Api::SubscriptionId id, QList<Api::Event> &&events,
                                     const std::shared_ptr<std::atomic<qint64>> &unconsumed)
{
    m_flushing.push_back(Delivery {id, std::move(events), unconsumed});
}

void InProcessBackend::deliverDropped(Api::SubscriptionId id, quint64 firstSeq, quint64 lastSeq)
{
    m_flushing.push_back(Delivery {id, {}, nullptr, firstSeq, lastSeq});
}

void InProcessBackend::flushed()
{
    // One hand-over per flush, whatever the number of subscriptions: each costs a wake-up of this
    // thread and an allocation, and a server may hold hundreds of subscriptions.
    QMetaObject::invokeMethod(
        this,
        [this, deliveries = std::exchange(m_flushing, {})] {
            for (const Delivery &delivery : deliveries) {
                if (!delivery.unconsumed) {
                    if (m_subscriptions.contains(delivery.id.value))
                        Q_EMIT eventsDropped(delivery.id, delivery.firstDropped, delivery.lastDropped);
                    continue;
                }
                if (m_subscriptions.contains(delivery.id.value))
                    Q_EMIT eventsReceived(delivery.id, delivery.events);
                delivery.unconsumed->fetch_sub(delivery.events.size(), std::memory_order_release);
            }
        },
        Qt::QueuedConnection);
}

} // namespace QwenSwarm::Engine
