#include "fakellmserver.h"

#include <QRegularExpression>

namespace QwenSwarm::Testing {

void FakeLlmServer::script(const QList<FakeStep> &steps)
{
    m_script.insert(m_script.end(), steps.cbegin(), steps.cend());
}

void FakeLlmServer::setUsage(int promptTokens, int completionTokens)
{
    m_promptTokens = promptTokens;
    m_completionTokens = completionTokens;
}

QString FakeLlmServer::workloadAnswer(const QString &userMessage)
{
    static const QRegularExpression pattern(QStringLiteral("^task (\\d+) agent (\\d+)$"));
    const QRegularExpressionMatch match = pattern.match(userMessage);
    if (!match.hasMatch())
        return QStringLiteral("ok");
    const quint64 t = match.captured(1).toULongLong();
    const quint64 i = match.captured(2).toULongLong();
    return (t + i) % 5 != 0 ? QStringLiteral("A") : QStringLiteral("B");
}

FakeReply FakeLlmServer::respond(const FakeRequest &request)
{
    if (request.method != "POST" || !isCompletionPath(request.path))
        return error(404, "not_found_error", "not_found",
                     QStringLiteral("no such endpoint: %1").arg(QString::fromLatin1(request.path)));
    if (FakeReply refused = refusal(request); refused.status != 0)
        return refused;
    FakeStep step;
    if (!m_script.empty()) {
        step = m_script.front();
        m_script.pop_front();
    }
    if (!m_key.isEmpty() && keyOf(request) != m_key && step.mode == FakeMode::Normal)
        step = FakeStep {FakeMode::Unauthorized, 0}; // a scripted failure comes first
    if (FakeReply reply = failure(step, request); reply.status != 200)
        return reply;
    const bool stream = request.json.value(QStringLiteral("stream")).toBool();
    const QString text = m_answer.isEmpty() ? workloadAnswer(userMessage(request.json)) : m_answer;
    const bool usage = step.mode != FakeMode::NoUsage;
    if (step.mode == FakeMode::MalformedJson) {
        FakeReply reply;
        reply.chunks = {stream ? QByteArray("data: {\"choices\": [oops\n\n") : QByteArray("{\"id\": oops")};
        reply.contentType = stream ? "text/event-stream" : "application/json";
        reply.chunked = stream;
        return reply;
    }
    if (stream)
        return streamReply(streamEvents(request.json, text, usage), step);
    FakeReply reply;
    const QByteArray body = completion(request.json, text, usage);
    reply.chunks = {body};
    switch (step.mode) {
    case FakeMode::BrokenStream:
    case FakeMode::CutMidEvent:
        reply.chunks = {body.left(body.size() / 2)};
        reply.chunked = true; // so that the cut is visible as an unfinished body
        reply.end = FakeReply::End::Close;
        break;
    case FakeMode::Stall:
        reply.chunked = true;
        reply.chunks = {body.left(body.size() / 2)};
        reply.end = FakeReply::End::Stall;
        break;
    case FakeMode::SlowFirstByte:
        reply.firstByteDelayMs = step.value;
        break;
    default:
        break;
    }
    return reply;
}

FakeReply FakeLlmServer::failure(const FakeStep &step, const FakeRequest &request) const
{
    switch (step.mode) {
    case FakeMode::RateLimited: {
        FakeReply r = error(429, "rate_limit_error", "rate_limit_exceeded", QStringLiteral("Rate limit reached"));
        r.headers.append({"Retry-After", QByteArray::number(step.value)});
        return r;
    }
    case FakeMode::RateLimitedMs: {
        FakeReply r = error(429, "rate_limit_error", "rate_limit_exceeded", QStringLiteral("Rate limit reached"));
        r.headers.append({"retry-after-ms", QByteArray::number(step.value)});
        return r;
    }
    case FakeMode::Timeout408:
        return error(408, "timeout_error", "timeout", QStringLiteral("Request timed out"));
    case FakeMode::Conflict409:
        return error(409, "conflict_error", "conflict", QStringLiteral("Conflict, try again"));
    case FakeMode::ServerError:
        return error(500, "api_error", "server_error", QStringLiteral("The server had an error"));
    case FakeMode::Unavailable:
        return error(503, "api_error", "service_unavailable", QStringLiteral("Service unavailable"));
    case FakeMode::Overloaded:
        return error(529, "overloaded_error", "overloaded", QStringLiteral("Overloaded"));
    case FakeMode::InsufficientQuota:
        return error(429, "insufficient_quota", "insufficient_quota",
                     QStringLiteral("You exceeded your current quota, please check your plan and billing details."));
    case FakeMode::ContextLength:
        return error(400, "invalid_request_error", "context_length_exceeded",
                     QStringLiteral("This model's maximum context length is 8192 tokens; your messages resulted in "
                                    "9000 tokens. prompt is too long"));
    case FakeMode::ContentPolicy:
        return error(400, "invalid_request_error", "content_policy_violation",
                     QStringLiteral("Your request was rejected as a result of our safety system."));
    case FakeMode::Unauthorized:
        return error(401, "authentication_error", "invalid_api_key",
                     QStringLiteral("Incorrect API key provided: %1.").arg(QString::fromLatin1(keyOf(request))));
    case FakeMode::Forbidden:
        return error(403, "permission_error", "forbidden", QStringLiteral("Not allowed"));
    case FakeMode::NotFound:
        return error(404, "not_found_error", "model_not_found", QStringLiteral("The model does not exist"));
    default:
        return FakeReply {};
    }
}

FakeReply FakeLlmServer::streamReply(const QList<QByteArray> &events, const FakeStep &step) const
{
    const QByteArray eol = m_crlf ? "\r\n" : "\n";
    auto encode = [this, &eol](QByteArray event) {
        QByteArray bytes;
        if (m_keepAlives)
            bytes += ": keep-alive" + eol;
        bytes += event.replace("\n", eol);
        bytes += eol;
        bytes += eol;
        return bytes;
    };
    FakeReply reply;
    reply.contentType = "text/event-stream";
    reply.chunked = true;
    const qsizetype half = std::max<qsizetype>(1, events.size() / 2);
    QList<QByteArray> pieces;
    switch (step.mode) {
    case FakeMode::BrokenStream:
        for (qsizetype i = 0; i < half; ++i)
            pieces << encode(events[i]);
        reply.end = FakeReply::End::Close;
        break;
    case FakeMode::CutMidEvent:
        for (qsizetype i = 0; i < half; ++i)
            pieces << encode(events[i]);
        pieces << encode(events[half]).left(encode(events[half]).size() / 2);
        reply.end = FakeReply::End::Close;
        break;
    case FakeMode::StreamErrorEvent:
        pieces << encode(events[0]) << encode(streamErrorEvent());
        break;
    case FakeMode::Stall:
        for (qsizetype i = 0; i < half; ++i)
            pieces << encode(events[i]);
        reply.end = FakeReply::End::Stall;
        break;
    default:
        for (const QByteArray &event : events)
            pieces << encode(event);
        break;
    }
    if (step.mode == FakeMode::SlowFirstByte)
        reply.firstByteDelayMs = step.value;
    if (step.mode == FakeMode::SlowStream)
        reply.chunkDelayMs = step.value;
    if (m_splitBytes > 0) {
        const QByteArray all = pieces.join();
        pieces.clear();
        for (qsizetype at = 0; at < all.size(); at += m_splitBytes)
            pieces << all.mid(at, m_splitBytes);
        reply.chunkDelayMs = std::max(reply.chunkDelayMs, 1);
    }
    reply.chunks = pieces;
    return reply;
}

} // namespace QwenSwarm::Testing
