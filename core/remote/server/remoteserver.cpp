#include "server/remoteserver.h"

#include "protocol/protocolversion.h"
#include "server/authenticator.h"
#include "server/clientsession.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace QwenSwarm::Remote {

using Api::ErrorCode;

RemoteServer::RemoteServer(Api::Backend &backend, const Authenticator &authenticator, ApiKeyStore *keys,
                           ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_authenticator(authenticator)
    , m_keys(keys)
    , m_options(std::move(options))
    , m_webSockets(std::make_unique<QWebSocketServer>(m_options.serverName, QWebSocketServer::NonSecureMode))
    , m_http(backend, authenticator)
    // Room for every event a slow reader may have held back: catching up does not encode them again.
    , m_eventTexts(m_options.session.maxHeldEvents)
{
    m_webSockets->setSupportedSubprotocols({subprotocolName()});
    m_http.setAudit([this](const Api::AuditEvent &e) { Q_EMIT audited(e); });
    m_webSockets->setHandshakeTimeout(std::chrono::milliseconds(m_options.headTimeoutMs));
    connect(m_webSockets.get(), &QWebSocketServer::newConnection, this, &RemoteServer::adoptWebSockets);
    connect(&m_backend, &Api::Backend::eventsReceived, this,
            [this](Api::SubscriptionId id, const QList<Api::Event> &events) {
                if (ClientSession *owner = m_subscriptionOwners.value(id.value))
                    owner->deliverEvents(id, events);
            });
    connect(&m_backend, &Api::Backend::eventsDropped, this,
            [this](Api::SubscriptionId id, quint64 first, quint64 last) {
                if (ClientSession *owner = m_subscriptionOwners.value(id.value))
                    owner->deliverDropped(id, first, last);
            });
}

RemoteServer::~RemoteServer()
{
    stopListening();
    const QList<ClientSession *> sessions = std::exchange(m_sessions, {});
    qDeleteAll(sessions);
}

Api::Result<void> RemoteServer::listen()
{
    if (!m_options.tls && !m_options.address.isLoopback() && !m_options.allowPlainRemote) {
        return Api::makeError(ErrorCode::InvalidArgument,
                              QStringLiteral("refusing plain (unencrypted) connections on %1: configure TLS, or allow "
                                             "plain connections explicitly")
                                  .arg(m_options.address.toString()));
    }
    if (m_options.tls) {
        auto tls = std::make_unique<QSslServer>();
        tls->setSslConfiguration(*m_options.tls);
        tls->setHandshakeTimeout(m_options.headTimeoutMs);
        m_listener = std::move(tls);
    } else {
        m_listener = std::make_unique<QTcpServer>();
    }
    m_listener->setMaxPendingConnections(m_options.maxConnections);
    // The kernel's queue of connections not yet accepted (Qt's default is 50, the kernel caps it at
    // net.core.somaxconn): a burst of clients beyond it has its handshakes dropped and retried one,
    // two, four seconds later.
    m_listener->setListenBacklogSize(m_options.maxConnections);
    connect(m_listener.get(), &QTcpServer::pendingConnectionAvailable, this, &RemoteServer::accept);
    if (!m_listener->listen(m_options.address, m_options.port)) {
        const QString why = m_listener->errorString();
        m_listener.reset();
        return Api::makeError(ErrorCode::Unavailable,
                              QStringLiteral("cannot listen on %1:%2: %3")
                                  .arg(m_options.address.toString())
                                  .arg(m_options.port)
                                  .arg(why));
    }
    return {};
}

quint16 RemoteServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QUrl RemoteServer::url() const
{
    QUrl url;
    url.setScheme(isTls() ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(m_options.address.toString());
    url.setPort(port());
    return url;
}

int RemoteServer::connectionCount() const
{
    return m_listener ? static_cast<int>(m_listener->findChildren<QTcpSocket *>().size()) + sessionCount() : 0;
}

void RemoteServer::stopListening()
{
    if (m_listener)
        m_listener->close();
}

void RemoteServer::closeAll(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    for (ClientSession *s : std::as_const(m_sessions))
        s->close(code, reason);
}

QString RemoteServer::peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('#') + QString::number(port);
}

void RemoteServer::accept()
{
    while (m_listener && m_listener->hasPendingConnections()) {
        QTcpSocket *socket = m_listener->nextPendingConnection();
        if (connectionCount() > m_options.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Frames are small and answered at once: without this, Nagle's algorithm meeting the peer's
        // delayed ACK holds each answer back for tens of milliseconds.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_options.session.socketSendBufferBytes > 0)
            socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption,
                                    m_options.session.socketSendBufferBytes);
        // A client that does not finish its request head in time is cut off (slow loris).
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, [socket] { socket->abort(); });
        deadline->start(m_options.headTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readHead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            readHead(socket);
    }
}

void RemoteServer::readHead(QTcpSocket *socket)
{
    // Peek, do not read: a WebSocket upgrade is handed over with its head unread.
    const QByteArray bytes = socket->peek(HttpRequestHeadParser::defaultMaxBytes);
    const auto parsed = HttpRequestHeadParser::parse(bytes);
    if (!parsed)
        return; // not all there yet
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    if (QTimer *deadline = socket->findChild<QTimer *>())
        deadline->stop();
    if (!*parsed)
        return respond(socket, HttpResponse::error(parsed->error()));
    const HttpRequestHead &head = parsed->value();
    if (head.isWebSocketUpgrade())
        upgrade(socket, head);
    else
        serveHttp(socket, head);
}

void RemoteServer::upgrade(QTcpSocket *socket, const HttpRequestHead &head)
{
    if (const auto origin = head.header("origin");
        origin && !m_options.allowedOrigins.contains(QString::fromUtf8(*origin))) {
        Q_EMIT audited(Api::AuditEvent {QStringLiteral("anonymous"), QStringLiteral("connect"),
                                        QString::fromUtf8(*origin), false, QStringLiteral("origin not allowed")});
        return respond(
            socket,
            HttpResponse::error(Api::makeError(ErrorCode::PermissionDenied, QStringLiteral("origin not allowed"))));
    }
    const auto bearer = head.bearer();
    const AuthResult auth = bearer ? m_authenticator.authenticate(*bearer) : Authenticator::missing();
    if (!auth.ok()) {
        Q_EMIT audited(Api::AuditEvent {QStringLiteral("anonymous"), QStringLiteral("connect"),
                                        socket->peerAddress().toString(), false,
                                        Api::enumName(auth.reason()).toString()});
        return respond(socket, HttpResponse::error(auth.toError()));
    }
    Q_EMIT audited(Api::AuditEvent {auth.identity().subject, QStringLiteral("connect"),
                                    socket->peerAddress().toString(), true, roleName(auth.identity().role).toString()});
    m_upgrading.insert(peerKey(socket->peerAddress(), socket->peerPort()), auth.identity());
    disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
    m_webSockets->handleConnection(socket);
}

void RemoteServer::adoptWebSockets()
{
    while (m_webSockets->hasPendingConnections()) {
        QWebSocket *socket = m_webSockets->nextPendingConnection();
        const auto identity = m_upgrading.take(peerKey(socket->peerAddress(), socket->peerPort()));
        auto *session = new ClientSession(
            socket, identity, m_backend,
            {m_keys, m_options.serverName, &m_eventTexts, [this](const Api::AuditEvent &e) { Q_EMIT audited(e); }},
            m_options.session, this);
        m_sessions.append(session);
        connect(session, &ClientSession::subscribed, this,
                [this](ClientSession *owner, quint64 id) { m_subscriptionOwners.insert(id, owner); });
        connect(session, &ClientSession::unsubscribed, this, [this](ClientSession *owner, quint64 id) {
            if (m_subscriptionOwners.value(id) == owner)
                m_subscriptionOwners.remove(id);
        });
        connect(session, &ClientSession::closed, this, [this](ClientSession *closed) {
            m_subscriptionOwners.removeIf([closed](auto entry) { return entry.value() == closed; });
            m_sessions.removeOne(closed);
            closed->deleteLater();
            Q_EMIT sessionsChanged(sessionCount());
        });
        Q_EMIT sessionsChanged(sessionCount());
    }
}

void RemoteServer::serveHttp(QTcpSocket *socket, const HttpRequestHead &head)
{
    const auto length = head.contentLength();
    if (!length)
        return respond(
            socket,
            HttpResponse::error(Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("bad Content-Length"))));
    if (*length > m_options.maxBodyBytes) {
        HttpResponse tooLarge = HttpResponse::error(
            Api::makeError(ErrorCode::ResourceExhausted, QStringLiteral("request body too large")));
        tooLarge.status = 413;
        return respond(socket, tooLarge);
    }
    socket->skip(head.size);
    auto *deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, [socket] { socket->abort(); });
    deadline->start(m_options.headTimeoutMs);
    auto body = std::make_shared<QByteArray>();
    auto collect = [this, socket, head, body, total = *length, deadline] {
        *body += socket->read(total - body->size());
        if (body->size() < total)
            return;
        deadline->stop();
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        m_http.handle(head, *body, socket, [this, socket](const HttpResponse &response) { respond(socket, response); });
    };
    connect(socket, &QTcpSocket::readyRead, this, collect);
    collect();
}

void RemoteServer::respond(QTcpSocket *socket, const HttpResponse &response)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    socket->write(response.serialized());
    socket->disconnectFromHost();
}

} // namespace QwenSwarm::Remote
