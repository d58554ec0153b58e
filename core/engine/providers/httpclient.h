#pragma once

#include "scheduler/timerqueue.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace QwenSwarm::Engine {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

/// Limits on one HTTP exchange, in milliseconds; 0 = none. Qt sets no transfer timeout of its own.
struct HttpTimeouts
{
    int connectMs = 5000; ///< From starting to connect until the request is written (the SDKs' 5 s).
    int firstByteMs = 120000; ///< From the request written until the response starts (for a call that
                              ///< does not stream, that is the whole generation).
    int stallMs = 60000; ///< Once the response started: the longest silence (keep-alive comments count).
    int totalMs = 600000; ///< The whole exchange (the SDKs' 10 minutes).

    bool operator==(const HttpTimeouts &) const = default;
};

struct HttpRequest
{
    QUrl url;
    HttpHeaders headers;
    QByteArray body; ///< Sent with POST.
    HttpTimeouts timeouts;
    /// For a plain-http URL: how many connection pools to spread over (see HttpClient::send()).
    int connectionLanes = 1;
};

/// Why an exchange ended without a complete response; None = the server answered (any status).
enum class HttpFailure
{
    None,
    Network, ///< Refused, reset, closed early, DNS, TLS...
    ConnectTimeout,
    FirstByteTimeout,
    StallTimeout,
    TotalTimeout,
};

/// A short name of a failure ("stall_timeout"), for errors and tests.
QString httpFailureName(HttpFailure failure);

/// Receives one exchange's response, in order: started (status and headers), data (any number of
/// times), then finished exactly once, unless the exchange is cancelled first. On the client's thread.
class HttpReceiver
{
public:
    virtual ~HttpReceiver() = default;
    virtual void httpStarted(quint64 exchange, int status, const HttpHeaders &headers) = 0;
    virtual void httpData(quint64 exchange, QByteArrayView bytes) = 0;
    /// `detail` describes a failure (never a header value or a request body).
    virtual void httpFinished(quint64 exchange, HttpFailure failure, const QString &detail) = 0;
};

/// The HTTP layer of the providers: one QNetworkAccessManager for the whole engine (connections are
/// pooled and reused across calls), with the timeouts Qt lacks, checked by one timer queue. Lives on
/// the thread that creates it (the engine thread). HTTP/2 is used where the server offers it (TLS);
/// over HTTP/1.1, Qt opens at most 6 connections per host, and a request's `connectionLanes`
/// multiplies that for plain-http servers (local model servers), see send().
class HttpClient
{
public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    /// Starts a POST; answers through `receiver`, never before returning. The id is unique per client.
    quint64 send(const HttpRequest &request, HttpReceiver *receiver);
    /// Aborts an exchange; its receiver hears nothing more. Unknown ids are ignored.
    void cancel(quint64 exchange);
    int inFlight() const { return static_cast<int>(m_exchanges.size()); }

private:
    enum class Phase
    {
        Queued, ///< Waiting inside Qt for a connection of the pool.
        Connecting,
        WaitingFirstByte,
        Receiving,
    };

    struct Exchange
    {
        QNetworkReply *reply = nullptr;
        HttpReceiver *receiver = nullptr;
        HttpTimeouts timeouts;
        Phase phase = Phase::Queued;
        qint64 startUs = 0;
        qint64 phaseUs = 0; ///< When the phase began (Receiving: the last byte).
        qint64 checkUs = -1; ///< The earliest pending timer check.
        bool started = false;
    };

    void connectReply(quint64 id, QNetworkReply *reply);
    void enterPhase(quint64 id, Phase phase);
    void onMetaData(quint64 id);
    void onReadyRead(quint64 id);
    void onFinished(quint64 id);
    void check(quint64 id);
    qint64 deadlineUs(const Exchange &e, HttpFailure &failure) const;
    void scheduleCheck(quint64 id, Exchange &e);
    void fail(quint64 id, HttpFailure failure, const QString &detail);
    void release(Exchange &e);

    std::unique_ptr<QObject> m_context; // receives the replies' signals; goes first on destruction
    std::unique_ptr<QNetworkAccessManager> m_manager;
    TimerQueue<quint64> m_checks;
    QHash<quint64, Exchange> m_exchanges;
    quint64 m_lastId = 0;
};

} // namespace QwenSwarm::Engine
