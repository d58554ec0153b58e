#pragma once

#include "providers/chatprotocol.h"

namespace QwenSwarm::Engine {

/// One HTTP exchange of a provider call, read through its protocol: the status and headers, then a
/// body (read whole) or an SSE stream (decoded as it comes, its text handed out as deltas), then the
/// outcome. Whether it is a stream is decided by the response's content type, so a server that
/// answers a streaming request with plain JSON is understood too. A stream counts only if its end
/// marker came: a stream cut before it is a broken stream, whatever arrived.
class ChatAttempt
{
public:
    /// The largest body read whole.
    static constexpr qsizetype maxBodyBytes = 64 * 1024 * 1024;

    explicit ChatAttempt(const ChatProtocol &protocol);

    void started(int status, const HttpHeaders &headers);
    /// Reads bytes; text a stream adds to the answer is appended to `delta`.
    void data(QByteArrayView bytes, QString &delta);
    /// The outcome once the exchange ended (`failure` and `detail` as HttpReceiver reports them).
    std::variant<ChatReply, ProviderFault> finish(HttpFailure failure, const QString &detail, qint64 nowMs) const;

    int status() const { return m_status; }
    /// Whether the answer is already known to be a failure (an error event, bytes that do not parse).
    bool failedEarly() const { return m_progress == StreamProgress::Failed || m_tooLarge; }

private:
    std::variant<ChatReply, ProviderFault> finishStream(HttpFailure failure, const QString &detail) const;

    const ChatProtocol &m_protocol;
    int m_status = 0;
    HttpHeaders m_headers;
    bool m_sse = false;
    bool m_tooLarge = false;
    QByteArray m_body;
    SseParser m_parser;
    std::unique_ptr<ChatStream> m_stream;
    StreamProgress m_progress = StreamProgress::More;
    std::vector<SseEvent> m_events; // reused between chunks
};

} // namespace QwenSwarm::Engine
