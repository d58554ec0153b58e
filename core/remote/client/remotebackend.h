#pragma once

#include "auth/role.h"
#include "client/remoteoptions.h"
#include "protocol/messagecodec.h"

#include <api/backend.h>

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>

#include <functional>

namespace QwenSwarm::Remote {

namespace Detail {
/// The Backend callback type of a call's result (a call answering no value takes Callback<void>).
template<typename R>
struct CallbackFor
{
    using Type = Api::Backend::Callback<R>;
};
template<>
struct CallbackFor<NoResult>
{
    using Type = Api::Backend::Callback<void>;
};
} // namespace Detail

/// api::Backend over a WebSocket to a RemoteServer (a qwen-swarmd daemon).
///
/// Threading: lives on one thread (the caller's); answers and events arrive there, never inside the
/// call that asked. Calls made while (re)connecting wait for the connection; calls in flight when it
/// is lost fail with Unavailable (they may or may not have been carried out: use idempotency keys).
/// Subscriptions keep their ids across reconnects and resume after the last seq received; a gap the
/// server can no longer fill arrives as eventsDropped.
/// Failures are typed errors in connectionError(): Unavailable (unreachable, TLS failure), and
/// Unauthenticated / PermissionDenied (401/403) or a protocol version mismatch, after which it does
/// not retry by itself.
class RemoteBackend final : public Api::Backend
{
    Q_OBJECT

public:
    enum class State
    {
        Disconnected,
        Connecting, ///< Opening the socket, or waiting for the welcome.
        Connected,
    };
    Q_ENUM(State)

    explicit RemoteBackend(RemoteOptions options, QObject *parent = nullptr);
    ~RemoteBackend() override;

    /// Connects (and reconnects after losing the connection, with backoff).
    void connectToServer();
    /// Disconnects and stops reconnecting; waiting calls fail with Unavailable.
    void disconnectFromServer();
    State state() const { return m_state; }
    /// The role the server granted (after the welcome).
    Role role() const { return m_role; }
    /// The last connection problem, for people ("" when none).
    QString lastError() const { return m_lastError; }
    /// Round trip of the last ping, in ms (-1 before the first).
    qint64 latencyMs() const { return m_latencyMs; }
    const RemoteOptions &options() const { return m_options; }

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

Q_SIGNALS:
    void stateChanged(QwenSwarm::Remote::RemoteBackend::State state);
    void connectionError(const QwenSwarm::Api::Error &error);

private:
    /// Answers JSON (a result) or an error to a waiting call.
    using Answer = std::function<void(Api::Result<QJsonValue>)>;
    struct Pending
    {
        CallParams call;
        Answer answer;
        qint64 deadlineMs = 0;
    };
    struct ClientSubscription
    {
        Api::SubscriptionSpec spec;
        quint64 serverId = 0;
        quint64 lastSeq = 0;
    };

    template<typename C>
    void call(C params, QObject *context, typename Detail::CallbackFor<typename C::Result>::Type done);
    void enqueue(CallParams call, Answer answer);
    void sendRequest(quint64 id, const Pending &pending);
    void send(const Message &message);
    void open();
    void onConnected();
    void onText(const QString &text);
    void onMessage(const Message &message);
    void onDisconnected();
    void onSocketError();
    void setState(State state);
    void fail(const Api::Error &error, bool final);
    void failAll(const Api::Error &error);
    void resubscribe();
    void expireCalls();

    RemoteOptions m_options;
    MessageCodec m_codec;
    QWebSocket m_socket;
    State m_state = State::Disconnected;
    Role m_role = Role::Viewer;
    bool m_wanted = false; ///< Whether to (re)connect.
    int m_backoffMs;
    QTimer m_reconnect;
    QTimer m_housekeeping;
    QString m_lastError;
    qint64 m_latencyMs = -1;
    quint64 m_nextRequest = 1;
    quint64 m_nextSubscription = 1;
    QHash<quint64, Pending> m_pending; // sent, waiting for an answer
    QList<std::pair<quint64, Pending>> m_queued; // waiting for the connection
    QHash<quint64, ClientSubscription> m_subscriptions; // by the id clients know
};

} // namespace QwenSwarm::Remote
