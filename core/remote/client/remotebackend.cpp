#include "client/remotebackend.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QWebSocketHandshakeOptions>

namespace QwenSwarm::Remote {

using Api::ErrorCode;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Api::Error unavailable(const QString &why)
{
    return Api::makeError(ErrorCode::Unavailable, why, {{QStringLiteral("retriable"), true}});
}

} // namespace

RemoteBackend::RemoteBackend(RemoteOptions options, QObject *parent)
    : Api::Backend(parent)
    , m_options(std::move(options))
    , m_codec(m_options.maxMessageBytes, Api::JsonReader::Mode::Lenient)
    , m_backoffMs(m_options.reconnectInitialMs)
{
    m_socket.setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_options.maxMessageBytes));
    m_socket.setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_options.maxMessageBytes));
    connect(&m_socket, &QWebSocket::connected, this, &RemoteBackend::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &RemoteBackend::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RemoteBackend::onText);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &RemoteBackend::onSocketError);
    connect(&m_socket, &QWebSocket::pong, this,
            [this](quint64 elapsed) { m_latencyMs = static_cast<qint64>(elapsed); });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Pinning: the server's certificate must be one of ours, whoever signed it.
        if (!m_options.pinnedCertificates.isEmpty()
            && m_options.pinnedCertificates.contains(m_socket.sslConfiguration().peerCertificate()))
            m_socket.ignoreSslErrors(errors);
    });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RemoteBackend::open);
    m_housekeeping.setInterval(1000);
    connect(&m_housekeeping, &QTimer::timeout, this, &RemoteBackend::expireCalls);
    m_housekeeping.start();
}

RemoteBackend::~RemoteBackend()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void RemoteBackend::connectToServer()
{
    m_wanted = true;
    if (m_state == State::Disconnected)
        open();
}

void RemoteBackend::disconnectFromServer()
{
    m_wanted = false;
    m_reconnect.stop();
    m_socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("client leaving"));
    failAll(unavailable(QStringLiteral("disconnected")));
}

void RemoteBackend::open()
{
    setState(State::Connecting);
    QNetworkRequest request(m_options.url);
    request.setRawHeader("Authorization", "Bearer " + m_options.token);
    request.setTransferTimeout(m_options.connectTimeoutMs);
    if (m_options.url.scheme() == QLatin1StringView("wss")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_options.caCertificates.isEmpty())
            tls.addCaCertificates(m_options.caCertificates);
        m_socket.setSslConfiguration(tls);
    }
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols({subprotocolName()});
    m_socket.open(request, handshake);
}

void RemoteBackend::onConnected()
{
    send(Hello {m_options.versions, m_options.clientName});
}

void RemoteBackend::send(const Message &message)
{
    m_socket.sendTextMessage(QString::fromUtf8(MessageCodec::encode(message)));
}

void RemoteBackend::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RemoteBackend::onText(const QString &text)
{
    const DecodeResult decoded = m_codec.decode(QStringView(text));
    if (!decoded.ok()) {
        m_lastError = QStringLiteral("unreadable message from the server: ") + decoded.error.message;
        Q_EMIT connectionError(decoded.error);
        return;
    }
    onMessage(*decoded.message);
}

void RemoteBackend::onMessage(const Message &message)
{
    if (const auto *welcome = std::get_if<Welcome>(&message)) {
        m_role = welcome->role;
        m_lastError.clear();
        m_backoffMs = m_options.reconnectInitialMs;
        setState(State::Connected);
        resubscribe();
        for (auto &[id, pending] : std::exchange(m_queued, {})) {
            m_pending.insert(id, pending);
            sendRequest(id, pending);
        }
        return;
    }
    if (const auto *response = std::get_if<Response>(&message)) {
        if (auto it = m_pending.find(response->id); it != m_pending.end()) {
            const Answer answer = it->answer;
            m_pending.erase(it);
            answer(response->result);
        }
        return;
    }
    if (const auto *error = std::get_if<ErrorReply>(&message)) {
        if (error->id) {
            if (auto it = m_pending.find(*error->id); it != m_pending.end()) {
                const Answer answer = it->answer;
                m_pending.erase(it);
                answer(error->error);
            }
            return;
        }
        // A problem with the connection itself; before the welcome (a version mismatch) it is final.
        fail(error->error, m_state == State::Connecting);
        return;
    }
    if (const auto *batch = std::get_if<EventBatch>(&message)) {
        for (auto it = m_subscriptions.begin(); it != m_subscriptions.end(); ++it) {
            if (it->serverId == batch->subscription.value && !batch->events.isEmpty()) {
                it->lastSeq = std::max(it->lastSeq, batch->events.constLast().seq);
                Q_EMIT eventsReceived(Api::SubscriptionId(it.key()), batch->events);
                return;
            }
        }
        return;
    }
    if (const auto *dropped = std::get_if<EventsDropped>(&message)) {
        for (auto it = m_subscriptions.begin(); it != m_subscriptions.end(); ++it) {
            if (it->serverId == dropped->subscription.value) {
                it->lastSeq = std::max(it->lastSeq, dropped->last);
                Q_EMIT eventsDropped(Api::SubscriptionId(it.key()), dropped->first, dropped->last);
                return;
            }
        }
    }
}

void RemoteBackend::onSocketError()
{
    const QString text = m_socket.errorString();
    // The handshake's HTTP status tells why the server refused: 401/403 will not go away by retrying.
    static const QRegularExpression status(QStringLiteral("\\b(401|403)\\b"));
    const QRegularExpressionMatch match = status.match(text);
    if (match.hasMatch()) {
        const bool unauthorized = match.captured(1) == QLatin1StringView("401");
        return fail(Api::makeError(unauthorized ? ErrorCode::Unauthenticated : ErrorCode::PermissionDenied,
                                   unauthorized ? QStringLiteral("the server refused the credential (401)")
                                                : QStringLiteral("the server refused the connection (403)")),
                    true);
    }
    Api::Error error = unavailable(QStringLiteral("cannot reach %1: %2").arg(m_options.url.toString(), text));
    const QAbstractSocket::SocketError code = m_socket.error();
    if (code == QAbstractSocket::SslHandshakeFailedError || code == QAbstractSocket::SslInternalError
        || code == QAbstractSocket::SslInvalidUserDataError)
        error.details.insert(QStringLiteral("tls"), true); // a certificate problem, not a missing daemon
    fail(error, false);
}

void RemoteBackend::fail(const Api::Error &error, bool final)
{
    m_lastError = error.message;
    if (final)
        m_wanted = false; // an operator has to change something first
    Q_EMIT connectionError(error);
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
    else
        onDisconnected();
}

void RemoteBackend::onDisconnected()
{
    const auto code = static_cast<int>(m_socket.closeCode());
    if (code == 4001 || code == 4003) {
        m_wanted = false;
        m_lastError = m_socket.closeReason();
        Q_EMIT connectionError(Api::makeError(ErrorCode::Unauthenticated, m_lastError));
    }
    failAll(unavailable(QStringLiteral("the connection was lost")));
    setState(State::Disconnected);
    if (m_wanted && !m_reconnect.isActive()) {
        m_reconnect.start(m_backoffMs);
        m_backoffMs = std::min(m_backoffMs * 2, m_options.reconnectMaxMs);
    }
}

void RemoteBackend::failAll(const Api::Error &error)
{
    // Posted: an answer never runs inside the call that caused it.
    QList<Answer> answers;
    for (const Pending &p : std::as_const(m_pending))
        answers.append(p.answer);
    m_pending.clear();
    if (!m_wanted) {
        for (const auto &[id, p] : std::as_const(m_queued))
            answers.append(p.answer);
        m_queued.clear();
    }
    for (const Answer &answer : answers)
        QMetaObject::invokeMethod(
            this, [answer, error] { answer(error); }, Qt::QueuedConnection);
}

void RemoteBackend::expireCalls()
{
    if (m_state == State::Connected)
        m_socket.ping();
    const qint64 now = nowMs();
    const Api::Error late
        = Api::makeError(ErrorCode::DeadlineExceeded, QStringLiteral("no answer from the server in time"));
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadlineMs > now) {
            ++it;
            continue;
        }
        const Answer answer = it->answer;
        it = m_pending.erase(it);
        answer(late);
    }
}

void RemoteBackend::enqueue(CallParams call, Answer answer)
{
    const quint64 id = m_nextRequest++;
    Pending pending {std::move(call), std::move(answer), nowMs() + m_options.requestTimeoutMs};
    if (m_state == State::Connected) {
        m_pending.insert(id, pending);
        return sendRequest(id, pending);
    }
    if (!m_wanted || m_queued.size() >= m_options.maxQueuedCalls) {
        const Api::Error error = unavailable(m_wanted ? QStringLiteral("too many calls wait for the connection")
                                                      : QStringLiteral("not connected to the server"));
        QMetaObject::invokeMethod(
            this, [answer = pending.answer, error] { answer(error); }, Qt::QueuedConnection);
        return;
    }
    m_queued.append({id, pending});
}

void RemoteBackend::sendRequest(quint64 id, const Pending &pending)
{
    m_socket.sendTextMessage(MessageCodec::encodeRequest(id, pending.call));
}

template<typename C>
void RemoteBackend::call(C params, QObject *context, typename Detail::CallbackFor<typename C::Result>::Type done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    Answer answer = [guard, hasContext, done = std::move(done)](Api::Result<QJsonValue> json) {
        if (!done || (hasContext && !guard))
            return;
        if constexpr (std::is_same_v<typename C::Result, NoResult>) {
            done(json ? Api::Result<void>() : Api::Result<void>(json.error()));
        } else {
            if (!json)
                return done(json.error());
            done(resultFromJson<C>(json.value()));
        }
    };
    enqueue(CallParams(std::move(params)), std::move(answer));
}

void RemoteBackend::info(QObject *context, Callback<Api::BackendInfo> done)
{
    // The server describes its engine; to this client it is a remote core at this URL.
    const QString endpoint = m_options.url.toString();
    call(Calls::Info {}, context, [endpoint, done = std::move(done)](Api::Result<Api::BackendInfo> info) {
        if (info) {
            info->kind = QStringLiteral("remote");
            info->endpoint = endpoint;
        }
        if (done)
            done(std::move(info));
    });
}

void RemoteBackend::createSwarm(const Api::SwarmSpec &spec, QObject *context, Callback<Api::Swarm> done)
{
    call(Calls::SwarmsCreate {spec}, context, std::move(done));
}

void RemoteBackend::listSwarms(QObject *context, Callback<QList<Api::Swarm>> done)
{
    call(Calls::SwarmsList {}, context, std::move(done));
}

void RemoteBackend::swarm(Api::SwarmId id, QObject *context, Callback<Api::Swarm> done)
{
    call(Calls::SwarmsGet {id}, context, std::move(done));
}

void RemoteBackend::updateSwarm(Api::SwarmId id, Api::Topology topology, const Api::StrategySpec &defaultStrategy,
                                QObject *context, Callback<Api::Swarm> done)
{
    call(Calls::SwarmsUpdate {id, topology, defaultStrategy}, context, std::move(done));
}

void RemoteBackend::removeSwarm(Api::SwarmId id, QObject *context, Callback<void> done)
{
    call(Calls::SwarmsRemove {id}, context, std::move(done));
}

void RemoteBackend::spawnAgent(Api::SwarmId swarm, const Api::AgentSpec &spec, QObject *context,
                               Callback<Api::Agent> done)
{
    call(Calls::AgentsSpawn {swarm, spec}, context, std::move(done));
}

void RemoteBackend::listAgents(Api::SwarmId swarm, QObject *context, Callback<QList<Api::Agent>> done)
{
    call(Calls::AgentsList {swarm}, context, std::move(done));
}

void RemoteBackend::agent(Api::AgentId id, QObject *context, Callback<Api::Agent> done)
{
    call(Calls::AgentsGet {id}, context, std::move(done));
}

void RemoteBackend::commandAgent(Api::AgentId id, Api::AgentCommand command, const QString &reason, QObject *context,
                                 Callback<Api::Agent> done)
{
    call(Calls::AgentsCommand {id, command, reason}, context, std::move(done));
}

void RemoteBackend::removeAgent(Api::AgentId id, QObject *context, Callback<void> done)
{
    call(Calls::AgentsRemove {id}, context, std::move(done));
}

void RemoteBackend::submitTask(const Api::TaskSpec &spec, QObject *context, Callback<Api::Task> done)
{
    call(Calls::TasksSubmit {spec}, context, std::move(done));
}

void RemoteBackend::submitTasks(const QList<Api::TaskSpec> &specs, QObject *context, Callback<QList<Api::Task>> done)
{
    call(Calls::TasksSubmitBatch {specs}, context, std::move(done));
}

void RemoteBackend::cancelTask(Api::TaskId id, const QString &reason, QObject *context, Callback<Api::Task> done)
{
    call(Calls::TasksCancel {id, reason}, context, std::move(done));
}

void RemoteBackend::retryTask(Api::TaskId id, QObject *context, Callback<Api::Task> done)
{
    call(Calls::TasksRetry {id}, context, std::move(done));
}

void RemoteBackend::task(Api::TaskId id, QObject *context, Callback<Api::Task> done)
{
    call(Calls::TasksGet {id}, context, std::move(done));
}

void RemoteBackend::queryTasks(const Api::TaskQuery &query, QObject *context, Callback<Api::Page<Api::Task>> done)
{
    call(Calls::TasksQuery {query}, context, std::move(done));
}

void RemoteBackend::decision(Api::DecisionId id, QObject *context, Callback<Api::Decision> done)
{
    call(Calls::DecisionsGet {id}, context, std::move(done));
}

void RemoteBackend::queryDecisions(const Api::DecisionQuery &query, QObject *context,
                                   Callback<Api::Page<Api::Decision>> done)
{
    call(Calls::DecisionsQuery {query}, context, std::move(done));
}

void RemoteBackend::giveFeedback(Api::DecisionId id, const Api::DecisionFeedback &feedback, QObject *context,
                                 Callback<Api::Decision> done)
{
    call(Calls::LearningFeedback {id, feedback}, context, std::move(done));
}

void RemoteBackend::reputations(Api::AgentId agent, QObject *context, Callback<QList<Api::Reputation>> done)
{
    call(Calls::LearningReputations {agent}, context, std::move(done));
}

void RemoteBackend::reputationHistory(const Api::ReputationQuery &query, QObject *context,
                                      Callback<Api::Page<Api::ReputationPoint>> done)
{
    call(Calls::LearningHistory {query}, context, std::move(done));
}

void RemoteBackend::exportLearning(QObject *context, Callback<Api::LearningState> done)
{
    call(Calls::LearningExport {}, context, std::move(done));
}

void RemoteBackend::importLearning(const Api::LearningState &state, QObject *context, Callback<void> done)
{
    call(Calls::LearningImport {state}, context, std::move(done));
}

void RemoteBackend::queryMemory(const Api::MemoryQuery &query, QObject *context,
                                Callback<Api::Page<Api::MemoryEntry>> done)
{
    call(Calls::MemoryQuery {query}, context, std::move(done));
}

void RemoteBackend::putMemory(const Api::MemorySpec &spec, QObject *context, Callback<Api::MemoryEntry> done)
{
    call(Calls::MemoryPut {spec}, context, std::move(done));
}

void RemoteBackend::updateMemory(Api::MemoryId id, const Api::MemorySpec &spec, QObject *context,
                                 Callback<Api::MemoryEntry> done)
{
    call(Calls::MemoryUpdate {id, spec}, context, std::move(done));
}

void RemoteBackend::removeMemory(Api::MemoryId id, QObject *context, Callback<void> done)
{
    call(Calls::MemoryRemove {id}, context, std::move(done));
}

void RemoteBackend::listProviders(QObject *context, Callback<QList<Api::ProviderInfo>> done)
{
    call(Calls::ProvidersList {}, context, std::move(done));
}

void RemoteBackend::putProvider(const Api::ProviderSettings &settings, QObject *context,
                                Callback<Api::ProviderInfo> done)
{
    call(Calls::ProvidersPut {settings}, context, std::move(done));
}

void RemoteBackend::removeProvider(const QString &name, QObject *context, Callback<void> done)
{
    call(Calls::ProvidersRemove {name}, context, std::move(done));
}

void RemoteBackend::testProvider(const Api::ProviderSettings &settings, QObject *context,
                                 Callback<Api::ProviderCheck> done)
{
    call(Calls::ProvidersTest {settings}, context, std::move(done));
}

void RemoteBackend::metricsHistory(qint64 fromMs, qint64 toMs, QObject *context,
                                   Callback<QList<Api::MetricsSnapshot>> done)
{
    call(Calls::MetricsHistory {fromMs, toMs}, context, std::move(done));
}

void RemoteBackend::startRun(const Api::RunSpec &spec, QObject *context, Callback<Api::Run> done)
{
    call(Calls::RunsStart {spec}, context, std::move(done));
}

void RemoteBackend::run(Api::RunId id, QObject *context, Callback<Api::Run> done)
{
    call(Calls::RunsGet {id}, context, std::move(done));
}

void RemoteBackend::queryRuns(const Api::RunQuery &query, QObject *context, Callback<Api::Page<Api::Run>> done)
{
    call(Calls::RunsQuery {query}, context, std::move(done));
}

void RemoteBackend::commandRun(Api::RunId id, Api::RunCommand command, const QString &reason, QObject *context,
                               Callback<Api::Run> done)
{
    call(Calls::RunsCommand {id, command, reason}, context, std::move(done));
}

void RemoteBackend::retryRun(Api::RunId id, const QString &step, QObject *context, Callback<Api::Run> done)
{
    call(Calls::RunsRetry {id, step}, context, std::move(done));
}

void RemoteBackend::approveStep(Api::RunId id, const QString &step, const Api::Approval &approval, QObject *context,
                                Callback<Api::Run> done)
{
    call(Calls::RunsApprove {id, step, approval}, context, std::move(done));
}

void RemoteBackend::metrics(QObject *context, Callback<Api::MetricsSnapshot> done)
{
    call(Calls::MetricsGet {}, context, std::move(done));
}

void RemoteBackend::queryAudit(const Api::AuditQuery &query, QObject *context,
                               Callback<Api::Page<Api::AuditEntry>> done)
{
    call(Calls::AuditQuery {query}, context, std::move(done));
}

void RemoteBackend::subscribe(const Api::SubscriptionSpec &spec, QObject *context, Callback<Api::Subscription> done)
{
    // Client-side ids stay the same across reconnects; the server's may change.
    call(Calls::EventsSubscribe {spec}, this,
         [this, spec, guard = QPointer<QObject>(context), hasContext = context != nullptr,
          done = std::move(done)](Api::Result<Api::Subscription> subscribed) {
             if (hasContext && !guard) {
                 // Nobody is left to learn of the subscription, let alone read or end it.
                 if (subscribed)
                     call(Calls::EventsUnsubscribe {subscribed->id}, this, {});
                 return;
             }
             Api::Result<Api::Subscription> answer = subscribed;
             if (subscribed) {
                 const quint64 clientId = m_nextSubscription++;
                 m_subscriptions.insert(clientId, {spec, subscribed->id.value, subscribed->headSeq});
                 answer = Api::Subscription {Api::SubscriptionId(clientId), subscribed->headSeq};
             }
             if (done)
                 done(std::move(answer));
         });
}

void RemoteBackend::unsubscribe(Api::SubscriptionId id, QObject *context, Callback<void> done)
{
    const auto it = m_subscriptions.constFind(id.value);
    if (it == m_subscriptions.constEnd()) {
        const Api::Error error
            = Api::makeError(ErrorCode::NotFound, QStringLiteral("no subscription with id %1").arg(id.value));
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, hasContext = context != nullptr, done, error] {
                if (done && (!hasContext || guard))
                    done(error);
            },
            Qt::QueuedConnection);
        return;
    }
    const quint64 serverId = it->serverId;
    m_subscriptions.remove(id.value); // no event of it is delivered from now on
    call(Calls::EventsUnsubscribe {Api::SubscriptionId(serverId)}, context, std::move(done));
}

void RemoteBackend::resubscribe()
{
    for (auto it = m_subscriptions.begin(); it != m_subscriptions.end(); ++it) {
        const quint64 clientId = it.key();
        Api::SubscriptionSpec spec = it->spec;
        spec.resumeAfterSeq = it->lastSeq;
        call(Calls::EventsSubscribe {spec}, this, [this, clientId](Api::Result<Api::Subscription> subscribed) {
            auto sub = m_subscriptions.find(clientId);
            if (sub == m_subscriptions.end()) {
                // Ended while it was being renewed: end the renewal too.
                if (subscribed)
                    call(Calls::EventsUnsubscribe {subscribed->id}, this, {});
                return;
            }
            if (subscribed)
                sub->serverId = subscribed->id.value;
            else
                Q_EMIT connectionError(subscribed.error());
        });
    }
}

} // namespace QwenSwarm::Remote
