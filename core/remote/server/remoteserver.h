#pragma once

#include "auth/identity.h"
#include "protocol/eventtextcache.h"
#include "server/httpendpoints.h"
#include "server/sessionlimits.h"

#include <api/backend.h>

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QWebSocketProtocol>

#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace QwenSwarm::Remote {

class ApiKeyStore;
class Authenticator;
class ClientSession;

/// How a RemoteServer listens and what it allows.
struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; ///< 0: any free port (see RemoteServer::port()).
    std::optional<QSslConfiguration> tls; ///< Certificate and key: wss:// and https://.
    bool allowPlainRemote = false; ///< Plain WebSocket/HTTP on an address other than loopback.
    /// Origins a browser may connect from; a WebSocket upgrade with another Origin header is refused
    /// (403). Requests without an Origin header (programs, not browsers) are not affected.
    QStringList allowedOrigins;
    SessionLimits session;
    int headTimeoutMs = 5000; ///< To send the request head (slow-loris clients are cut off).
    int maxConnections = 4096; ///< Sockets at once, handshaking or not.
    qsizetype maxBodyBytes = 1024 * 1024; ///< Of an HTTP request.
    QString serverName = QStringLiteral("qwen-swarmd");
};

/// Serves any api::Backend to remote clients on one port: the WebSocket API (subprotocol
/// qwen-swarm.v1) and HTTP (health, readiness, Prometheus metrics, a small REST API).
///
/// Every connection must present a valid credential before anything else (401/403 before the
/// upgrade); every call and subscription is checked against the caller's role; bad input gets a typed
/// error or a close code and the server goes on serving everyone else. Lives on the backend's thread.
class RemoteServer : public QObject
{
    Q_OBJECT

public:
    /// `authenticator` and `keys` (may be null) must outlive the server.
    RemoteServer(Api::Backend &backend, const Authenticator &authenticator, ApiKeyStore *keys, ServerOptions options,
                 QObject *parent = nullptr);
    ~RemoteServer() override;

    /// Starts listening: InvalidArgument for plain on a non-loopback address without
    /// allowPlainRemote, Unavailable when the address cannot be bound.
    Api::Result<void> listen();
    quint16 port() const;
    bool isTls() const { return m_options.tls.has_value(); }
    /// "ws://127.0.0.1:port" or "wss://...".
    QUrl url() const;
    int sessionCount() const { return static_cast<int>(m_sessions.size()); }
    int connectionCount() const;

    /// Stops taking connections (shutdown, first step).
    void stopListening();
    /// Closes every session with `code` (1001 going away at shutdown).
    void closeAll(QWebSocketProtocol::CloseCode code, const QString &reason);

Q_SIGNALS:
    /// A denied or state-changing action, with its actor.
    void audited(const QwenSwarm::Api::AuditEvent &entry);
    void sessionsChanged(int count);

private:
    void accept();
    void readHead(QTcpSocket *socket);
    void upgrade(QTcpSocket *socket, const HttpRequestHead &head);
    void serveHttp(QTcpSocket *socket, const HttpRequestHead &head);
    void respond(QTcpSocket *socket, const HttpResponse &response);
    void adoptWebSockets();
    static QString peerKey(const QHostAddress &address, quint16 port);

    Api::Backend &m_backend;
    const Authenticator &m_authenticator;
    ApiKeyStore *m_keys;
    ServerOptions m_options;
    std::unique_ptr<QTcpServer> m_listener;
    std::unique_ptr<QWebSocketServer> m_webSockets;
    HttpEndpoints m_http;
    QHash<QString, Identity> m_upgrading; // by peer address:port, between our check and Qt's handshake
    QList<ClientSession *> m_sessions;
    QHash<quint64, ClientSession *> m_subscriptionOwners; // by backend subscription id
    EventTextCache m_eventTexts; // what the sessions send, encoded once for all of them
};

} // namespace QwenSwarm::Remote
