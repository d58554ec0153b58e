#pragma once

// A deliberately bare WebSocket client on a QTcpSocket, for what QWebSocket will not do: stop
// reading, send oversized or broken frames, skip the hello.
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTcpSocket>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace QwenSwarm::Testing {

class RawWebSocket
{
public:
    /// Connects and sends the upgrade request; returns the status line of the answer. A
    /// `receiveBuffer` in bytes shrinks the kernel's receive buffer, so that a client that stops
    /// reading backs the server up after kilobytes rather than megabytes.
    QByteArray open(quint16 port, const QByteArray &bearer, const QByteArray &extraHeaders = {}, int receiveBuffer = 0)
    {
        if (receiveBuffer > 0) {
            // The buffer must be set before connecting; a loopback connect completes in the kernel's
            // backlog without the server accepting, so blocking here is fine.
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
            sockaddr_in address {};
            address.sin_family = AF_INET;
            address.sin_port = htons(port);
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
                ::close(fd);
                return {};
            }
            m_socket.setSocketDescriptor(fd);
        } else {
            // The server runs on this thread: wait by spinning the event loop, never by blocking.
            m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        }
        if (!spinUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000))
            return {};
        QByteArray key = QByteArray::number(QRandomGenerator::global()->generate64()).toBase64();
        QByteArray request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: qwen-swarm.v1\r\n"
                             "Sec-WebSocket-Key: "
            + key + "\r\n";
        if (!bearer.isEmpty())
            request += "Authorization: Bearer " + bearer + "\r\n";
        m_socket.write(request + extraHeaders + "\r\n");
        QByteArray head;
        spinUntil(
            [&] {
                while (!head.contains("\r\n\r\n") && m_socket.bytesAvailable() > 0)
                    head += m_socket.read(1);
                return head.contains("\r\n\r\n") || m_socket.state() != QAbstractSocket::ConnectedState;
            },
            5000);
        return head.left(head.indexOf("\r\n"));
    }

    /// Sends one masked frame (opcode 1 = text), FIN set unless `more`.
    void sendFrame(const QByteArray &payload, int opcode = 1, bool more = false)
    {
        QByteArray frame;
        frame += static_cast<char>((more ? 0 : 0x80) | opcode);
        const quint64 n = static_cast<quint64>(payload.size());
        if (n < 126) {
            frame += static_cast<char>(0x80 | n);
        } else if (n < 65536) {
            frame += static_cast<char>(0x80 | 126);
            frame += static_cast<char>(n >> 8);
            frame += static_cast<char>(n & 0xff);
        } else {
            frame += static_cast<char>(0x80 | 127);
            for (int i = 7; i >= 0; --i)
                frame += static_cast<char>((n >> (8 * i)) & 0xff);
        }
        const char mask[4] = {0x12, 0x34, 0x56, 0x78};
        frame.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame += static_cast<char>(payload[i] ^ mask[i % 4]);
        m_socket.write(frame);
        m_socket.flush();
    }

    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
};

} // namespace QwenSwarm::Testing
