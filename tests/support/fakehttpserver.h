#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <utility>

class QTcpServer;
class QTcpSocket;

namespace QwenSwarm::Testing {

using FakeHeaders = QList<std::pair<QByteArray, QByteArray>>;

/// One request as a fake server saw it. Header names are lower case.
struct FakeRequest
{
    QByteArray method;
    QByteArray path;
    FakeHeaders headers;
    QByteArray body;
    QJsonObject json; ///< The body, when it is a JSON object.
    int connection = 0; ///< Which connection carried it (numbered from 1 in accept order).

    QByteArray header(QByteArrayView name) const;
};

/// What a fake server answers to one request.
struct FakeReply
{
    enum class End
    {
        Complete, ///< The response ends properly; the connection stays open for the next request.
        Close, ///< The connection is closed after the last chunk (a broken response).
        Stall, ///< Nothing more is sent; the connection stays open.
    };

    int status = 200;
    FakeHeaders headers;
    QByteArray contentType = "application/json";
    QList<QByteArray> chunks; ///< The body, written piece by piece.
    bool chunked = false; ///< Transfer-Encoding: chunked (how streams are sent), else Content-Length.
    int firstByteDelayMs = 0; ///< Before the status line.
    int chunkDelayMs = 0; ///< Between pieces of the body.
    End end = End::Complete;
};

/// A reply of status 0: "no reply of mine", where a hook may answer or not.
inline FakeReply noReply()
{
    FakeReply reply;
    reply.status = 0;
    return reply;
}

/// A small HTTP/1.1 server on 127.0.0.1 and a free port, for tests and benchmarks: keep-alive,
/// Content-Length request bodies, responses with Content-Length or chunked, written with delays, cut
/// or stalled as a FakeReply says. Records every request. Lives on its thread's event loop.
class FakeHttpServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    /// Starts listening; false if no port could be bound.
    bool listen();
    quint16 port() const;
    /// http://127.0.0.1:<port>
    QUrl url() const;

    const QList<FakeRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    /// Requests seen so far (counted even when not recorded).
    qint64 requestsSeen() const { return m_seen; }
    /// Connections open now.
    int openConnections() const { return static_cast<int>(m_sockets.size()); }
    /// Connections accepted so far.
    int connectionsAccepted() const { return m_connections; }
    /// The most requests that were being answered at once.
    int peakConcurrentRequests() const { return m_peakBusy; }
    /// Keep requests (true by default); a benchmark turns it off to save memory.
    void setRecording(bool on) { m_recording = on; }

protected:
    /// The answer to `request`.
    virtual FakeReply respond(const FakeRequest &request) = 0;

private:
    struct Connection
    {
        int number = 0;
        QByteArray buffer;
        bool busy = false;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    bool takeRequest(Connection &c, FakeRequest &request);
    void answer(QTcpSocket *socket, FakeReply reply);
    void writeHead(QTcpSocket *socket, const FakeReply &reply);
    void writeChunk(QTcpSocket *socket, const FakeReply &reply, qsizetype index);
    void finishReply(QTcpSocket *socket, const FakeReply &reply);

    QTcpServer *m_server;
    QHash<QTcpSocket *, Connection> m_sockets;
    QList<FakeRequest> m_requests;
    qint64 m_seen = 0;
    int m_connections = 0;
    int m_busy = 0;
    int m_peakBusy = 0;
    bool m_recording = true;
};

} // namespace QwenSwarm::Testing
