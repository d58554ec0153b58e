#include "providers/chatattempt.h"

namespace QwenSwarm::Engine {

ChatAttempt::ChatAttempt(const ChatProtocol &protocol)
    : m_protocol(protocol)
{ }

void ChatAttempt::started(int status, const HttpHeaders &headers)
{
    m_status = status;
    m_headers = headers;
    if (status < 200 || status >= 300)
        return;
    for (const auto &[name, value] : headers) {
        if (name == "content-type" && value.trimmed().startsWith("text/event-stream")) {
            m_sse = true;
            m_stream = m_protocol.newStream();
        }
    }
}

void ChatAttempt::data(QByteArrayView bytes, QString &delta)
{
    if (!m_sse) {
        if (m_body.size() + bytes.size() > maxBodyBytes)
            m_tooLarge = true;
        else
            m_body.append(bytes);
        return;
    }
    if (m_progress != StreamProgress::More)
        return; // nothing after the end or a failure counts
    m_events.clear();
    if (!m_parser.feed(bytes, m_events)) {
        m_progress = StreamProgress::Failed;
        return;
    }
    for (const SseEvent &event : m_events) {
        m_progress = m_stream->onEvent(event, delta);
        if (m_progress != StreamProgress::More)
            return;
    }
}

std::variant<ChatReply, ProviderFault> ChatAttempt::finish(HttpFailure failure, const QString &detail,
                                                           qint64 nowMs) const
{
    if (m_tooLarge)
        return ProviderFault::malformed(QStringLiteral("the answer is larger than %1 bytes").arg(maxBodyBytes));
    if (m_sse)
        return finishStream(failure, detail);
    if (failure != HttpFailure::None) {
        if (m_status >= 200 && m_status < 300 && failure == HttpFailure::Network)
            return ProviderFault::brokenStream(QStringLiteral("the connection broke during the answer: ") + detail);
        return ProviderFault::fromTransport(failure, detail);
    }
    if (m_status < 200 || m_status >= 300) {
        QString type;
        QString code;
        QString message;
        m_protocol.parseError(m_body, type, code, message);
        return ProviderFault::fromHttp(m_status, type, code, message, m_headers, nowMs);
    }
    return m_protocol.parseCompletion(m_body);
}

std::variant<ChatReply, ProviderFault> ChatAttempt::finishStream(HttpFailure failure, const QString &detail) const
{
    switch (m_progress) {
    case StreamProgress::Done:
        return m_stream->reply(); // the end marker came; how the connection closed does not matter
    case StreamProgress::Failed:
        if (!m_stream->fault().type.isEmpty())
            return m_stream->fault();
        return ProviderFault::malformed(QStringLiteral("a stream line is longer than the parser allows"));
    case StreamProgress::More:
        break;
    }
    if (failure == HttpFailure::None || failure == HttpFailure::Network) {
        const QString why = failure == HttpFailure::None ? QStringLiteral("the stream ended before its end marker")
                                                         : QStringLiteral("the stream broke: ") + detail;
        return ProviderFault::brokenStream(why);
    }
    return ProviderFault::fromTransport(failure, detail);
}

} // namespace QwenSwarm::Engine
