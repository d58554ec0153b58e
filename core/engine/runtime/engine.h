#pragma once

#include "agents/agentsupervisor.h"
#include "learning/learningservice.h"
#include "runtime/enginecontext.h"
#include "runtime/providerservice.h"
#include "runtime/specvalidator.h"
#include "runtime/taskservice.h"
#include "scheduler/scheduler.h"
#include "workflow/workflowservice.h"

#include <api/backend.h>

#include <QObject>
#include <QTimer>

namespace QwenSwarm::Engine {

/// The orchestration core. Lives on one thread (the engine thread) and is driven from there only;
/// InProcessBackend is the thread-safe, asynchronous front of it. Every operation answers through
/// `done`, on the engine thread, possibly before it returns.
class Engine : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Reply = std::function<void(Api::Result<T>)>;

    Engine(EngineConfig config, std::unique_ptr<Store> store, QObject *parent = nullptr);
    ~Engine() override;

    /// Loads what the store holds and re-queues unfinished work. Operations called before it
    /// completes wait for it.
    void start(Reply<void> done = {});
    /// Runs `operation` now if started, else once started.
    void whenStarted(std::function<void()> operation);

    void info(Reply<Api::BackendInfo> done);
    void createSwarm(const Api::SwarmSpec &spec, Reply<Api::Swarm> done);
    void listSwarms(Reply<QList<Api::Swarm>> done);
    void swarm(Api::SwarmId id, Reply<Api::Swarm> done);
    void updateSwarm(Api::SwarmId id, Api::Topology topology, const Api::StrategySpec &strategy,
                     Reply<Api::Swarm> done);
    void removeSwarm(Api::SwarmId id, Reply<void> done);
    void spawnAgent(Api::SwarmId swarm, const Api::AgentSpec &spec, Reply<Api::Agent> done);
    void listAgents(Api::SwarmId swarm, Reply<QList<Api::Agent>> done);
    void agent(Api::AgentId id, Reply<Api::Agent> done);
    void commandAgent(Api::AgentId id, Api::AgentCommand command, const QString &reason, Reply<Api::Agent> done);
    void removeAgent(Api::AgentId id, Reply<void> done);
    TaskService &tasks() { return m_tasks; }
    LearningService &learning() { return m_learning; }
    ProviderService &providers() { return m_providers; }
    WorkflowService &workflows() { return m_workflows; }
    Api::Subscription subscribe(const Api::SubscriptionSpec &spec, EventSink *sink);
    Api::Result<void> unsubscribe(Api::SubscriptionId id);
    void removeSink(EventSink *sink);
    Api::MetricsSnapshot metrics();
    /// The stored per-minute roll-ups of [fromMs, toMs), oldest first (see Backend::metricsHistory).
    void metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done);
    /// Stores the roll-up of the minute that just ended, once a minute (the housekeeping tick calls it).
    void rollUpMetrics(qint64 nowMs);
    /// How long roll-ups are kept.
    static constexpr qint64 rollupRetentionMs = 8 * 86'400'000LL;

    /// Adds a provider agents can name (engine thread). The simulated provider is always there.
    void addProvider(std::unique_ptr<Provider> provider);
    /// For tests and tools: the provider registered under `name`, or null.
    Provider *provider(const QString &name);
    EngineContext &context() { return m_context; }

private:
    void requestFlush();
    void flush();
    template<typename T>
    void answerWhenDurable(Reply<T> done, T value);
    static Api::Error swarmNotFound(Api::SwarmId id);
    static Api::Error agentNotFound(Api::AgentId id);

    EngineContext m_context;
    SpecValidator m_validator;
    AgentSupervisor m_supervisor;
    Scheduler m_scheduler;
    TaskService m_tasks;
    LearningService m_learning;
    ProviderService m_providers;
    WorkflowService m_workflows;
    QTimer *m_housekeeping;
    int m_housekeepingTicks = 0;
    qint64 m_rolledUpMinuteMs = 0; ///< The minute of the last roll-up (0: none yet).
    bool m_started = false;
    bool m_flushQueued = false;
    std::vector<std::function<void()>> m_waitingForStart;
};

} // namespace QwenSwarm::Engine
