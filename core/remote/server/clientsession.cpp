#include "server/clientsession.h"

#include "auth/apikeystore.h"
#include "protocol/eventtextcache.h"
#include "server/calldispatcher.h"

#include <QDateTime>
#include <QWebSocket>

namespace QwenSwarm::Remote {

using Api::ErrorCode;
using CloseCode = QWebSocketProtocol::CloseCode;

namespace {

// Application close codes (4000-4999): the credential stopped working during the session.
constexpr auto closeCredentialExpired = static_cast<CloseCode>(4001);
constexpr auto closeCredentialRevoked = static_cast<CloseCode>(4003);

// At most this many events go in one message: a client that catches up reads bounded frames.
constexpr qsizetype eventsPerMessage = 256;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

ClientSession::ClientSession(QWebSocket *socket, Identity identity, Api::Backend &backend, Services services,
                             SessionLimits limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_identity(std::move(identity))
    , m_backend(backend)
    , m_services(std::move(services))
    , m_limits(limits)
    , m_codec(limits.maxMessageBytes)
    , m_tokens(limits.requestBurst)
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_limits.maxMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_limits.maxMessageBytes));
    m_tokenClock.start();
    m_lastFrame.start();
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientSession::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            [this] { close(QWebSocketProtocol::CloseCodeDatatypeNotSupported, QStringLiteral("text frames only")); });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastFrame.restart(); });
    connect(m_socket, &QWebSocket::bytesWritten, this, [this](qint64 written) {
        m_pendingBytes = std::max<qint64>(0, m_pendingBytes - written);
        if (m_pendingBytes == 0 && !m_held.isEmpty())
            pumpEvents();
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        for (quint64 id : std::exchange(m_subscriptions, {})) {
            m_backend.unsubscribe(Api::SubscriptionId(id), nullptr, {});
            Q_EMIT unsubscribed(this, id);
        }
        Q_EMIT closed(this);
    });
    m_health.setInterval(1000);
    connect(&m_health, &QTimer::timeout, this, &ClientSession::checkHealth);
    m_health.start();
    m_helloDeadline.setSingleShot(true);
    connect(&m_helloDeadline, &QTimer::timeout, this, [this] {
        if (!m_welcomed)
            close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no hello in time"));
    });
    m_helloDeadline.start(m_limits.helloTimeoutMs);
    if (m_socket->subprotocol() != subprotocolName())
        close(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("subprotocol qwen-swarm.v1 required"));
}

ClientSession::~ClientSession()
{
    for (quint64 id : std::as_const(m_subscriptions))
        m_backend.unsubscribe(Api::SubscriptionId(id), nullptr, {});
}

void ClientSession::close(CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_socket->close(code, reason);
    // A peer that does not read will never answer the close frame.
    QTimer::singleShot(m_limits.closeGraceMs, this, [this] {
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->abort();
    });
}

void ClientSession::onText(const QString &text)
{
    m_lastFrame.restart();
    const DecodeResult decoded = m_codec.decode(QStringView(text));
    if (!decoded.ok()) {
        send(ErrorReply {decoded.requestId, decoded.error});
        if (!m_welcomed)
            close(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("bad hello"));
        return;
    }
    if (const auto *hello = std::get_if<Hello>(&*decoded.message))
        return onHello(*hello);
    if (const auto *request = std::get_if<Request>(&*decoded.message)) {
        if (!m_welcomed) {
            send(ErrorReply {request->id,
                             Api::makeError(ErrorCode::InvalidState, QStringLiteral("send a hello first"))});
            return close(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("hello first"));
        }
        return onRequest(*request);
    }
    send(ErrorReply {
        std::nullopt,
        Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("clients send only hello and request messages"))});
}

void ClientSession::onHello(const Hello &hello)
{
    if (m_welcomed) {
        send(ErrorReply {std::nullopt,
                         Api::makeError(ErrorCode::InvalidState, QStringLiteral("hello was already said"))});
        return;
    }
    const VersionRange ours = supportedVersions();
    const std::optional<int> version = negotiateVersion(hello.versions, ours);
    if (!version) {
        send(ErrorReply {
            std::nullopt,
            Api::makeError(ErrorCode::InvalidArgument,
                           QStringLiteral("no common protocol version: the client speaks %1..%2, "
                                          "this server %3..%4")
                               .arg(hello.versions.min)
                               .arg(hello.versions.max)
                               .arg(ours.min)
                               .arg(ours.max),
                           {{QStringLiteral("server_min"), ours.min}, {QStringLiteral("server_max"), ours.max}})});
        return close(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("protocol version mismatch"));
    }
    m_welcomed = true;
    m_helloDeadline.stop();
    send(Welcome {*version, m_services.serverName, m_identity.role});
}

bool ClientSession::admit(const Request &request)
{
    // Token bucket: a misbehaving client is slowed down, not disconnected.
    m_tokens = std::min<double>(
        m_limits.requestBurst,
        m_tokens + m_limits.requestsPerSecond * static_cast<double>(m_tokenClock.restart()) / 1000.0);
    if (m_tokens < 1) {
        send(ErrorReply {request.id,
                         Api::makeError(ErrorCode::ResourceExhausted, QStringLiteral("too many requests"),
                                        {{QStringLiteral("retriable"), true}})});
        return false;
    }
    m_tokens -= 1;
    const Method method = request.method();
    const auto *subscribe = std::get_if<Calls::EventsSubscribe>(&request.call);
    const Role needed
        = subscribe ? std::max(requiredRole(method), requiredRole(subscribe->spec)) : requiredRole(method);
    if (m_identity.role >= needed)
        return true;
    const QString name = Api::enumName(method).toString();
    const QString why = QStringLiteral("role %1 may not call %2 (needs %3)")
                            .arg(roleName(m_identity.role).toString(), name, roleName(needed).toString());
    audit(name, {}, false, why);
    send(ErrorReply {request.id,
                     Api::makeError(ErrorCode::PermissionDenied, why,
                                    {{QStringLiteral("required_role"), roleName(needed).toString()}})});
    return false;
}

void ClientSession::onRequest(const Request &request)
{
    if (!admit(request))
        return;
    const Method method = request.method();
    const quint64 id = request.id;
    if (requiredRole(method) >= Role::Operator)
        audit(Api::enumName(method).toString(), {}, true, {});
    if (const auto *s = std::get_if<Calls::EventsSubscribe>(&request.call))
        return subscribe(id, *s);
    if (const auto *u = std::get_if<Calls::EventsUnsubscribe>(&request.call))
        return unsubscribe(id, *u);
    if (!isBackendMethod(method))
        return keys(id, request.call);
    CallDispatcher::dispatch(m_backend, request.call, m_identity, this,
                             [this, id](const Api::Result<QString> &result) { answerText(id, result); });
}

void ClientSession::subscribe(quint64 requestId, const Calls::EventsSubscribe &call)
{
    m_backend.subscribe(call.spec, this, [this, requestId](Api::Result<Api::Subscription> subscribed) {
        if (subscribed && m_socket->state() != QAbstractSocket::ConnectedState) {
            // The client left while the backend subscribed it: nobody will read these events.
            m_backend.unsubscribe(subscribed->id, nullptr, {});
            return;
        }
        if (subscribed) {
            m_subscriptions.insert(subscribed->id.value);
            Q_EMIT this->subscribed(this, subscribed->id.value);
        }
        answer(requestId,
               subscribed ? Api::Result<QJsonValue>(resultToJson(subscribed.value()))
                          : Api::Result<QJsonValue>(subscribed.error()));
    });
}

void ClientSession::unsubscribe(quint64 requestId, const Calls::EventsUnsubscribe &call)
{
    if (!m_subscriptions.remove(call.id.value)) {
        return answer(requestId,
                      Api::makeError(ErrorCode::NotFound,
                                     QStringLiteral("no subscription %1 on this connection").arg(call.id.value)));
    }
    m_held.remove(call.id.value);
    Q_EMIT unsubscribed(this, call.id.value);
    m_backend.unsubscribe(call.id, this, [this, requestId](Api::Result<void> done) {
        answer(requestId,
               done ? Api::Result<QJsonValue>(QJsonValue(QJsonValue::Null)) : Api::Result<QJsonValue>(done.error()));
    });
}

void ClientSession::keys(quint64 requestId, const CallParams &call)
{
    if (!m_services.keys)
        return answer(requestId,
                      Api::makeError(ErrorCode::Unavailable, QStringLiteral("this server keeps no API keys")));
    ApiKeyStore &store = *m_services.keys;
    if (const auto *create = std::get_if<Calls::KeysCreate>(&call)) {
        const auto created = store.create(create->role, create->name);
        return answer(requestId,
                      created ? Api::Result<QJsonValue>(resultToJson(created.value()))
                              : Api::Result<QJsonValue>(created.error()));
    }
    if (std::holds_alternative<Calls::KeysList>(call))
        return answer(requestId, resultToJson(store.list()));
    const auto revoked = store.revoke(std::get<Calls::KeysRevoke>(call).keyId);
    answer(requestId,
           revoked ? Api::Result<QJsonValue>(QJsonValue(QJsonValue::Null)) : Api::Result<QJsonValue>(revoked.error()));
}

void ClientSession::answer(quint64 requestId, const Api::Result<QJsonValue> &result)
{
    if (result)
        send(Response {requestId, result.value()});
    else
        send(ErrorReply {requestId, result.error()});
}

void ClientSession::answerText(quint64 requestId, const Api::Result<QString> &resultText)
{
    if (resultText)
        sendText(MessageCodec::encodeResult(requestId, resultText.value()));
    else
        send(ErrorReply {requestId, resultText.error()});
}

void ClientSession::send(const Message &message)
{
    if (m_closing || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    sendText(QString::fromUtf8(MessageCodec::encode(message)));
}

void ClientSession::sendEvents(Api::SubscriptionId id, const QList<Api::Event> &events)
{
    if (m_closing || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_services.eventTexts)
        return sendText(MessageCodec::encodeEventBatch(id, m_services.eventTexts->joined(events)));
    send(EventBatch {id, events});
}

void ClientSession::sendText(const QString &text)
{
    if (m_closing || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_pendingBytes += m_socket->sendTextMessage(text);
    if (m_pendingBytes > m_limits.hardOutgoingBytes)
        close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("the client is not reading"));
}

void ClientSession::deliverEvents(Api::SubscriptionId id, const QList<Api::Event> &events)
{
    if (!m_subscriptions.contains(id.value) || events.isEmpty())
        return;
    if (m_held.isEmpty() && m_pendingBytes == 0 && events.size() <= eventsPerMessage)
        return sendEvents(id, events); // keeping up, the socket idle: straight out
    if (const auto it = m_held.constFind(id.value); it != m_held.cend() && m_pendingBytes < m_limits.softOutgoingBytes
        && it->events.size() + events.size() > m_limits.maxHeldEvents) {
        pumpEvents(); // a reader that keeps up loses nothing to coalescing: what is held goes first
    }
    Held &held = m_held[id.value];
    const bool keepingUp
        = held.events.isEmpty() && held.droppedFirst == 0 && m_pendingBytes < m_limits.softOutgoingBytes;
    if (keepingUp || (held.droppedFirst == 0 && held.events.size() + events.size() <= m_limits.maxHeldEvents)) {
        held.events += events; // coalesced: sent as the client catches up
    } else {
        // Too far behind: what is held and what comes is lost, and the client will be told.
        const quint64 first = held.events.isEmpty() ? events.constFirst().seq : held.events.constFirst().seq;
        markDropped(held, first, events.constLast().seq);
    }
    // While an earlier message still waits for the socket, what comes joins the next one: a busy
    // server writes fewer, larger messages instead of falling behind on many small ones.
    if (m_pendingBytes == 0)
        pumpEvents();
}

void ClientSession::deliverDropped(Api::SubscriptionId id, quint64 first, quint64 last)
{
    if (!m_subscriptions.contains(id.value))
        return;
    Held &held = m_held[id.value];
    markDropped(held, held.events.isEmpty() ? first : held.events.constFirst().seq, last);
    pumpEvents();
}

void ClientSession::markDropped(Held &held, quint64 first, quint64 last)
{
    // A subscription's backlog is either events to send or one range of lost seqs, never both, so
    // the client always hears of a gap before anything that follows it.
    held.events.clear();
    held.droppedFirst = held.droppedFirst == 0 ? first : std::min(held.droppedFirst, first);
    held.droppedLast = std::max(held.droppedLast, last);
    if (!m_losingEventsSince.isValid())
        m_losingEventsSince.start();
}

void ClientSession::pumpEvents()
{
    for (auto it = m_held.begin(); it != m_held.end() && m_pendingBytes < m_limits.softOutgoingBytes;) {
        const Api::SubscriptionId id(it.key());
        Held &held = it.value();
        if (held.droppedFirst != 0) {
            send(EventsDropped {id, held.droppedFirst, held.droppedLast});
            held.droppedFirst = held.droppedLast = 0;
        }
        while (!held.events.isEmpty() && m_pendingBytes < m_limits.softOutgoingBytes) {
            const qsizetype n = std::min(held.events.size(), eventsPerMessage);
            sendEvents(id, held.events.first(n));
            held.events.remove(0, n);
        }
        if (held.events.isEmpty() && held.droppedFirst == 0)
            it = m_held.erase(it);
        else
            ++it;
    }
    if (m_held.isEmpty())
        m_losingEventsSince.invalidate();
}

void ClientSession::checkHealth()
{
    if (m_closing)
        return;
    if (m_lastFrame.elapsed() > m_limits.idleTimeoutMs)
        return close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("no sign of life"));
    if (m_losingEventsSince.isValid() && m_losingEventsSince.elapsed() > m_limits.stalledReaderMs)
        return close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("the client is not reading"));
    if (m_lastFrame.elapsed() > m_limits.pingIntervalMs)
        m_socket->ping();
    if (m_identity.expiresAtMs > 0 && nowMs() >= m_identity.expiresAtMs)
        return close(closeCredentialExpired, QStringLiteral("credential expired"));
    if (m_identity.kind == CredentialKind::ApiKey && m_services.keys) {
        m_services.keys->reloadIfChanged();
        if (!m_services.keys->contains(m_identity.keyId))
            return close(closeCredentialRevoked, QStringLiteral("API key revoked"));
    }
}

void ClientSession::audit(const QString &action, const QString &target, bool allowed, const QString &detail)
{
    if (m_services.audit)
        m_services.audit(Api::AuditEvent {m_identity.subject, action, target, allowed, detail});
}

} // namespace QwenSwarm::Remote
