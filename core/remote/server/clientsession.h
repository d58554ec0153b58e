#pragma once

#include "auth/identity.h"
#include "protocol/messagecodec.h"
#include "server/sessionlimits.h"

#include <api/backend.h>

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QWebSocketProtocol>

#include <functional>

class QWebSocket;

namespace QwenSwarm::Remote {

class ApiKeyStore;
class EventTextCache;

/// One authenticated WebSocket client of a RemoteServer: the hello, its calls (each checked against
/// its role), its subscriptions and the flow of events to it. Lives on the backend's thread.
///
/// A slow reader first has events held back and sent together once it catches up, then, past
/// SessionLimits::maxHeldEvents, loses them and is told which seqs it lost; a reader that stops
/// reading altogether (still losing events after SessionLimits::stalledReaderMs) is disconnected. The session never
/// blocks and never lets its memory grow without bound. Its credential is checked again every second: an expired token
/// or a revoked key closes the connection.
class ClientSession : public QObject
{
    Q_OBJECT

public:
    /// What a session needs from its server, beyond the backend.
    struct Services
    {
        ApiKeyStore *keys = nullptr; ///< For keys.* calls and revocation checks; may be null.
        QString serverName; ///< Named in the welcome.
        /// The server's encoded events, shared by its sessions (each event is encoded once, whoever
        /// it goes to); may be null (the session encodes every event it sends). Must outlive the session.
        EventTextCache *eventTexts = nullptr;
        /// Records a denied or state-changing action (the server's audit trail).
        std::function<void(const Api::AuditEvent &)> audit;
    };

    /// Takes ownership of `socket`, which finished its upgrade.
    ClientSession(QWebSocket *socket, Identity identity, Api::Backend &backend, Services services, SessionLimits limits,
                  QObject *parent = nullptr);
    ~ClientSession() override;

    const Identity &identity() const { return m_identity; }
    void deliverEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void deliverDropped(Api::SubscriptionId id, quint64 first, quint64 last);
    /// Closes the connection; closed() follows.
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);
    /// Bytes queued for this client and not yet written.
    qint64 pendingBytes() const { return m_pendingBytes; }

Q_SIGNALS:
    void closed(QwenSwarm::Remote::ClientSession *session);
    /// A subscription of the backend now belongs to this session, or no longer does: the server
    /// hands a subscription's events to its session.
    void subscribed(QwenSwarm::Remote::ClientSession *session, quint64 subscription);
    void unsubscribed(QwenSwarm::Remote::ClientSession *session, quint64 subscription);

private:
    struct Held
    {
        QList<Api::Event> events;
        quint64 droppedFirst = 0;
        quint64 droppedLast = 0;
    };

    void onText(const QString &text);
    void onHello(const Hello &hello);
    void onRequest(const Request &request);
    bool admit(const Request &request);
    void subscribe(quint64 requestId, const Calls::EventsSubscribe &call);
    void unsubscribe(quint64 requestId, const Calls::EventsUnsubscribe &call);
    void keys(quint64 requestId, const CallParams &call);
    void answer(quint64 requestId, const Api::Result<QJsonValue> &result);
    /// Answers with a result given as JSON text (CallDispatcher's).
    void answerText(quint64 requestId, const Api::Result<QString> &resultText);
    void send(const Message &message);
    void sendText(const QString &text);
    void sendEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void markDropped(Held &held, quint64 first, quint64 last);
    void pumpEvents();
    void checkHealth();
    void audit(const QString &action, const QString &target, bool allowed, const QString &detail);

    QWebSocket *m_socket;
    Identity m_identity;
    Api::Backend &m_backend;
    Services m_services;
    SessionLimits m_limits;
    MessageCodec m_codec;
    bool m_welcomed = false;
    bool m_closing = false;
    qint64 m_pendingBytes = 0;
    QSet<quint64> m_subscriptions;
    QHash<quint64, Held> m_held; // by subscription, what the client has not been sent yet
    double m_tokens;
    QElapsedTimer m_tokenClock;
    QElapsedTimer m_lastFrame;
    QElapsedTimer m_losingEventsSince; // valid while events are being dropped for this client
    QTimer m_health;
    QTimer m_helloDeadline;
};

} // namespace QwenSwarm::Remote
