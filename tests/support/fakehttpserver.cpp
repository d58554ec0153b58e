#include "fakehttpserver.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace QwenSwarm::Testing {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 529:
        return "Overloaded";
    default:
        return "Status";
    }
}

} // namespace

QByteArray FakeRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    for (auto it = m_sockets.begin(); it != m_sockets.end(); ++it)
        it.key()->disconnect(this);
}

bool FakeHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 FakeHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeHttpServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_sockets.insert(socket, Connection {++m_connections, {}, false});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            const auto it = m_sockets.find(socket);
            if (it != m_sockets.end() && it->busy)
                --m_busy;
            m_sockets.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    it->buffer.append(socket->readAll());
    if (it->busy)
        return;
    FakeRequest request;
    if (!takeRequest(*it, request))
        return;
    it->busy = true;
    m_peakBusy = std::max(m_peakBusy, ++m_busy);
    ++m_seen;
    if (m_recording)
        m_requests.append(request);
    answer(socket, respond(request));
}

bool FakeHttpServer::takeRequest(Connection &c, FakeRequest &request)
{
    const qsizetype headEnd = c.buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = c.buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    qsizetype length = 0;
    FakeHeaders headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
    }
    if (c.buffer.size() < headEnd + 4 + length)
        return false;
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    request.headers = headers;
    request.body = c.buffer.mid(headEnd + 4, length);
    request.json = QJsonDocument::fromJson(request.body).object();
    request.connection = c.number;
    c.buffer.remove(0, headEnd + 4 + length);
    return true;
}

void FakeHttpServer::answer(QTcpSocket *socket, FakeReply reply)
{
    auto start = [this, socket, reply] {
        writeHead(socket, reply);
        writeChunk(socket, reply, 0);
    };
    if (reply.firstByteDelayMs > 0)
        QTimer::singleShot(reply.firstByteDelayMs, socket, start);
    else
        start();
}

void FakeHttpServer::writeHead(QTcpSocket *socket, const FakeReply &reply)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    head += "Content-Type: " + reply.contentType + "\r\n";
    if (reply.chunked) {
        head += "Transfer-Encoding: chunked\r\n";
    } else {
        qsizetype length = 0;
        for (const QByteArray &chunk : reply.chunks)
            length += chunk.size();
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    }
    for (const auto &[name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: keep-alive\r\n\r\n";
    socket->write(head);
}

void FakeHttpServer::writeChunk(QTcpSocket *socket, const FakeReply &reply, qsizetype index)
{
    for (; index < reply.chunks.size(); ++index) {
        const QByteArray &chunk = reply.chunks[index];
        if (reply.chunked && !chunk.isEmpty())
            socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        else if (!reply.chunked)
            socket->write(chunk);
        if (reply.chunkDelayMs > 0 && index + 1 < reply.chunks.size()) {
            socket->flush();
            QTimer::singleShot(reply.chunkDelayMs, socket,
                               [this, socket, reply, index] { writeChunk(socket, reply, index + 1); });
            return;
        }
    }
    finishReply(socket, reply);
}

void FakeHttpServer::finishReply(QTcpSocket *socket, const FakeReply &reply)
{
    switch (reply.end) {
    case FakeReply::End::Stall:
        socket->flush();
        return;
    case FakeReply::End::Close:
        socket->flush();
        socket->disconnectFromHost();
        return;
    case FakeReply::End::Complete:
        break;
    }
    if (reply.chunked)
        socket->write("0\r\n\r\n");
    const auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    it->busy = false;
    --m_busy;
    if (!it->buffer.isEmpty())
        QTimer::singleShot(0, socket, [this, socket] { onReadyRead(socket); });
}

} // namespace QwenSwarm::Testing
