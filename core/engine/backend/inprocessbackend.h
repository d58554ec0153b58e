#pragma once

#include "events/eventbus.h"
#include "runtime/engineconfig.h"

#include <api/backend.h>

#include <QSet>

#include <memory>
#include <vector>

class QThread;

namespace QwenSwarm::Engine {

class Engine;
class Store;

/// api::Backend over an engine running on a thread of its own. Calls post to the engine thread;
/// answers and events are posted back to the thread this object lives in (contexts must live there
/// too), so the caller never waits on the core, and answers never come synchronously.
class InProcessBackend final
    : public Api::Backend
    , private EventSink
{
    Q_OBJECT

public:
    InProcessBackend(EngineConfig config, std::unique_ptr<Store> store, QObject *parent = nullptr);
    /// Stops the engine thread; work in flight is abandoned (a durable store keeps what was acknowledged).
    ~InProcessBackend() override;

    /// Runs `operation` on the engine thread, once the engine has started: for composition (adding
    /// providers) and for tests.
    void onEngineThread(std::function<void(Engine &)> operation);

    void info(QObject *context, Callback<Api::BackendInfo> done) override;
    void createSwarm(const Api::SwarmSpec &spec, QObject *context, Callback<Api::Swarm> done) override;
    void listSwarms(QObject *context, Callback<QList<Api::Swarm>> done) override;
    void swarm(Api::SwarmId id, QObject *context, Callback<Api::Swarm> done) override;
    void updateSwarm(Api::SwarmId id, Api::Topology topology, const Api::StrategySpec &defaultStrategy,
                     QObject *context, Callback<Api::Swarm> done) override;
    void removeSwarm(Api::SwarmId id, QObject *context, Callback<void> done) override;
    void spawnAgent(Api::SwarmId swarm, const Api::AgentSpec &spec, QObject *context,
                    Callback<Api::Agent> done) override;
    void listAgents(Api::SwarmId swarm, QObject *context, Callback<QList<Api::Agent>> done) override;
    void agent(Api::AgentId id, QObject *context, Callback<Api::Agent> done) override;
    void commandAgent(Api::AgentId id, Api::AgentCommand command, const QString &reason, QObject *context,
                      Callback<Api::Agent> done) override;
    void removeAgent(Api::AgentId id, QObject *context, Callback<void> done) override;
    void submitTask(const Api::TaskSpec &spec, QObject *context, Callback<Api::Task> done) override;
    void submitTasks(const QList<Api::TaskSpec> &specs, QObject *context, Callback<QList<Api::Task>> done) override;
    void cancelTask(Api::TaskId id, const QString &reason, QObject *context, Callback<Api::Task> done) override;
    void retryTask(Api::TaskId id, QObject *context, Callback<Api::Task> done) override;
    void task(Api::TaskId id, QObject *context, Callback<Api::Task> done) override;
    void queryTasks(const Api::TaskQuery &query, QObject *context, Callback<Api::Page<Api::Task>> done) override;
    void decision(Api::DecisionId id, QObject *context, Callback<Api::Decision> done) override;
    void queryDecisions(const Api::DecisionQuery &query, QObject *context,
                        Callback<Api::Page<Api::Decision>> done) override;
    void giveFeedback(Api::DecisionId id, const Api::DecisionFeedback &feedback, QObject *context,
                      Callback<Api::Decision> done) override;
    void reputations(Api::AgentId agent, QObject *context, Callback<QList<Api::Reputation>> done) override;
    void reputationHistory(const Api::ReputationQuery &query, QObject *context,
                           Callback<Api::Page<Api::ReputationPoint>> done) override;
    void exportLearning(QObject *context, Callback<Api::LearningState> done) override;
    void importLearning(const Api::LearningState &state, QObject *context, Callback<void> done) override;
    void queryMemory(const Api::MemoryQuery &query, QObject *context,
                     Callback<Api::Page<Api::MemoryEntry>> done) override;
    void putMemory(const Api::MemorySpec &spec, QObject *context, Callback<Api::MemoryEntry> done) override;
    void updateMemory(Api::MemoryId id, const Api::MemorySpec &spec, QObject *context,
                      Callback<Api::MemoryEntry> done) override;
    void removeMemory(Api::MemoryId id, QObject *context, Callback<void> done) override;
    void listProviders(QObject *context, Callback<QList<Api::ProviderInfo>> done) override;
    void putProvider(const Api::ProviderSettings &settings, QObject *context,
                     Callback<Api::ProviderInfo> done) override;
    void removeProvider(const QString &name, QObject *context, Callback<void> done) override;
    void testProvider(const Api::ProviderSettings &settings, QObject *context,
                      Callback<Api::ProviderCheck> done) override;
    void startRun(const Api::RunSpec &spec, QObject *context, Callback<Api::Run> done) override;
    void run(Api::RunId id, QObject *context, Callback<Api::Run> done) override;
    void queryRuns(const Api::RunQuery &query, QObject *context, Callback<Api::Page<Api::Run>> done) override;
    void commandRun(Api::RunId id, Api::RunCommand command, const QString &reason, QObject *context,
                    Callback<Api::Run> done) override;
    void retryRun(Api::RunId id, const QString &step, QObject *context, Callback<Api::Run> done) override;
    void approveStep(Api::RunId id, const QString &step, const Api::Approval &approval, QObject *context,
                     Callback<Api::Run> done) override;
    void subscribe(const Api::SubscriptionSpec &spec, QObject *context, Callback<Api::Subscription> done) override;
    void unsubscribe(Api::SubscriptionId id, QObject *context, Callback<void> done) override;
    void metrics(QObject *context, Callback<Api::MetricsSnapshot> done) override;
    void metricsHistory(qint64 fromMs, qint64 toMs, QObject *context,
                        Callback<QList<Api::MetricsSnapshot>> done) override;
    void queryAudit(const Api::AuditQuery &query, QObject *context, Callback<Api::Page<Api::AuditEntry>> done) override;

    /// Appends `event` to the audit log (the store and the audit topic), stamped with the time of the
    /// call. For the server in front of this backend: logins, denials and the calls it served.
    void recordAudit(const Api::AuditEvent &event);
    /// Hands the embedded core the key of a provider whose key_ref is "keychain" (the console reads
    /// it from the system keychain); an empty key forgets it. Not part of Backend: keys never cross
    /// the wire.
    void setProviderKey(const QString &provider, const QByteArray &key);

private:
    template<typename T, typename Operation>
    void call(QObject *context, Callback<T> done, Operation operation);

    void deliverEvents(Api::SubscriptionId id, QList<Api::Event> &&events,
                       const std::shared_ptr<std::atomic<qint64>> &unconsumed) override;
    void deliverDropped(Api::SubscriptionId id, quint64 firstSeq, quint64 lastSeq) override;
    void flushed() override;

    /// What one flush gave one subscription: events, or a range of seqs it lost.
    struct Delivery
    {
        Api::SubscriptionId id;
        QList<Api::Event> events;
        std::shared_ptr<std::atomic<qint64>> unconsumed; ///< None for a drop notice.
        quint64 firstDropped = 0;
        quint64 lastDropped = 0;
    };

    QThread *m_thread;
    Engine *m_engine;
    QSet<quint64> m_subscriptions; // backend thread: events of others are stale
    std::vector<Delivery> m_flushing; // engine thread: this flush's deliveries, handed over at its end
};

} // namespace QwenSwarm::Engine
