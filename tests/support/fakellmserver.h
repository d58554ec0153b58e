#pragma once

#include "fakehttpserver.h"

#include <QStringList>

#include <deque>

namespace QwenSwarm::Testing {

/// A way for a fake model server to answer one request.
enum class FakeMode
{
    Normal,
    RateLimited, ///< 429 with Retry-After: `value` seconds.
    RateLimitedMs, ///< 429 with retry-after-ms: `value`.
    Timeout408,
    Conflict409,
    ServerError, ///< 500
    Unavailable, ///< 503
    Overloaded, ///< 529 (Anthropic's overloaded_error)
    InsufficientQuota, ///< 429 insufficient_quota (OpenAI) / 400 credit balance (Anthropic)
    ContextLength, ///< 400 context length exceeded
    ContentPolicy, ///< 400 content policy violation
    Unauthorized, ///< 401, echoing the key it got in its message (as OpenAI does)
    Forbidden, ///< 403
    NotFound, ///< 404
    BrokenStream, ///< The stream (or body) is cut after part of the answer; the connection closes.
    CutMidEvent, ///< The stream is cut in the middle of an event.
    StreamErrorEvent, ///< A 200 stream that carries an error event (overloaded) instead of finishing.
    Stall, ///< Headers and part of the stream, then silence.
    SlowFirstByte, ///< Nothing for `value` ms, then a normal answer.
    SlowStream, ///< A normal stream with `value` ms between its pieces.
    MalformedJson, ///< 200 with a body that is not JSON.
    NoUsage, ///< A normal answer without usage.
};

/// One scripted answer: a mode and its number (seconds or milliseconds, see FakeMode).
struct FakeStep
{
    FakeMode mode = FakeMode::Normal;
    int value = 0;
};

/// The part the fake OpenAI and Anthropic servers share: the script of answers (one step per
/// request, in order, then Normal), the standard workload rule (DESIGN.md section 9: for the user
/// message "task <t> agent <i>" answer "A" if (t + i) % 5 != 0, else "B"; any other message gets
/// "ok"), and the knobs of the stream's shape.
class FakeLlmServer : public FakeHttpServer
{
    Q_OBJECT

public:
    using FakeHttpServer::FakeHttpServer;

    /// The next requests are answered by these steps, in order.
    void script(const QList<FakeStep> &steps);
    /// Answers every request with `text` instead of the workload rule (empty = the rule again).
    void setAnswer(const QString &text) { m_answer = text; }
    /// The usage the server reports.
    void setUsage(int promptTokens, int completionTokens);
    /// Lines end with CRLF instead of LF.
    void setCrlf(bool on) { m_crlf = on; }
    /// Streams are written in pieces of this many bytes (0 = one piece per event), cutting through
    /// events, lines and UTF-8 characters.
    void setSplitBytes(int bytes) { m_splitBytes = bytes; }
    /// Sends a ": keep-alive" comment before every event.
    void setKeepAlives(bool on) { m_keepAlives = on; }
    /// Requires this key (Authorization: Bearer / x-api-key); anything else gets 401 (unless the
    /// script says otherwise for that request).
    void requireKey(const QByteArray &key) { m_key = key; }

    /// The answer the rule gives for `userMessage`.
    static QString workloadAnswer(const QString &userMessage);

protected:
    FakeReply respond(const FakeRequest &request) final;

    /// The text of the last user message in a request body.
    virtual QString userMessage(const QJsonObject &body) const = 0;
    /// The key the request carries.
    virtual QByteArray keyOf(const FakeRequest &request) const = 0;
    virtual bool isCompletionPath(const QByteArray &path) const = 0;
    /// A protocol's own refusal of a request (a missing required header), or a reply of status 0.
    virtual FakeReply refusal(const FakeRequest &request) const
    {
        Q_UNUSED(request);
        return noReply();
    }
    /// An error response in the protocol's format.
    virtual FakeReply error(int status, const QByteArray &type, const QByteArray &code,
                            const QString &message) const = 0;
    /// A complete answer, not streamed.
    virtual QByteArray completion(const QJsonObject &body, const QString &text, bool usage) const = 0;
    /// A streamed answer, as SSE events (without the blank line that ends each).
    virtual QList<QByteArray> streamEvents(const QJsonObject &body, const QString &text, bool usage) const = 0;
    /// The SSE event that reports an error inside a stream.
    virtual QByteArray streamErrorEvent() const = 0;

    int m_promptTokens = 11;
    int m_completionTokens = 2;

private:
    FakeReply failure(const FakeStep &step, const FakeRequest &request) const;
    FakeReply streamReply(const QList<QByteArray> &events, const FakeStep &step) const;

    std::deque<FakeStep> m_script;
    QString m_answer;
    QByteArray m_key;
    bool m_crlf = false;
    bool m_keepAlives = false;
    int m_splitBytes = 0;
};

} // namespace QwenSwarm::Testing
