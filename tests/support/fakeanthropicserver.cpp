#include "fakeanthropicserver.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace QwenSwarm::Testing {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray sseEvent(const char *name, const QJsonObject &data)
{
    return QByteArray("event: ") + name + "\ndata: " + compact(data);
}

} // namespace

QString FakeAnthropicServer::userMessage(const QJsonObject &body) const
{
    const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages[i].toObject();
        if (m.value(QStringLiteral("role")).toString() != QLatin1StringView("user"))
            continue;
        const QJsonValue content = m.value(QStringLiteral("content"));
        if (content.isString())
            return content.toString();
        QString text;
        for (const QJsonValue &block : content.toArray())
            text += block.toObject().value(QStringLiteral("text")).toString();
        return text;
    }
    return {};
}

QByteArray FakeAnthropicServer::keyOf(const FakeRequest &request) const
{
    return request.header("x-api-key");
}

bool FakeAnthropicServer::isCompletionPath(const QByteArray &path) const
{
    return path == "/v1/messages";
}

FakeReply FakeAnthropicServer::refusal(const FakeRequest &request) const
{
    if (request.header("anthropic-version").isEmpty())
        return error(400, "invalid_request_error", "missing_version",
                     QStringLiteral("anthropic-version: header is required"));
    return noReply();
}

FakeReply FakeAnthropicServer::error(int status, const QByteArray &type, const QByteArray &code,
                                     const QString &message) const
{
    FakeReply reply;
    reply.status = status;
    QByteArray errorType = type;
    QString text = message;
    if (code == "insufficient_quota") {
        reply.status = 400;
        errorType = "invalid_request_error";
        text = QStringLiteral("Your credit balance is too low to access the Anthropic API.");
    } else if (code == "context_length_exceeded") {
        text = QStringLiteral("prompt is too long: 210000 tokens > 200000 maximum");
    } else if (status == 500) {
        errorType = "api_error";
    }
    reply.chunks = {compact(
        {{QStringLiteral("type"), QStringLiteral("error")},
         {QStringLiteral("error"),
          QJsonObject {{QStringLiteral("type"), QString::fromLatin1(errorType)}, {QStringLiteral("message"), text}}}})};
    return reply;
}

QByteArray FakeAnthropicServer::completion(const QJsonObject &body, const QString &text, bool usage) const
{
    QJsonObject answer {
        {QStringLiteral("id"), QStringLiteral("msg_fake")},
        {QStringLiteral("type"), QStringLiteral("message")},
        {QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("model"), body.value(QStringLiteral("model"))},
        {QStringLiteral("content"),
         QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}},
        {QStringLiteral("stop_reason"), QStringLiteral("end_turn")},
        {QStringLiteral("stop_sequence"), QJsonValue::Null}};
    if (usage) {
        answer.insert(QStringLiteral("usage"),
                      QJsonObject {{QStringLiteral("input_tokens"), m_promptTokens},
                                   {QStringLiteral("output_tokens"), m_completionTokens}});
    }
    return compact(answer);
}

QList<QByteArray> FakeAnthropicServer::streamEvents(const QJsonObject &body, const QString &text, bool usage) const
{
    QJsonObject message {{QStringLiteral("id"), QStringLiteral("msg_fake")},
                         {QStringLiteral("type"), QStringLiteral("message")},
                         {QStringLiteral("role"), QStringLiteral("assistant")},
                         {QStringLiteral("content"), QJsonArray {}},
                         {QStringLiteral("model"), body.value(QStringLiteral("model"))},
                         {QStringLiteral("stop_reason"), QJsonValue::Null}};
    if (usage) {
        message.insert(
            QStringLiteral("usage"),
            QJsonObject {{QStringLiteral("input_tokens"), m_promptTokens}, {QStringLiteral("output_tokens"), 1}});
    }
    QList<QByteArray> events;
    events << sseEvent(
        "message_start",
        {{QStringLiteral("type"), QStringLiteral("message_start")}, {QStringLiteral("message"), message}});
    events << sseEvent(
        "content_block_start",
        {{QStringLiteral("type"), QStringLiteral("content_block_start")},
         {QStringLiteral("index"), 0},
         {QStringLiteral("content_block"),
          QJsonObject {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), QString()}}}});
    events << sseEvent("ping", {{QStringLiteral("type"), QStringLiteral("ping")}});
    const qsizetype half = text.size() / 2;
    for (const QString &piece : {text.left(half), text.mid(half)}) {
        if (piece.isEmpty())
            continue;
        events << sseEvent(
            "content_block_delta",
            {{QStringLiteral("type"), QStringLiteral("content_block_delta")},
             {QStringLiteral("index"), 0},
             {QStringLiteral("delta"),
              QJsonObject {{QStringLiteral("type"), QStringLiteral("text_delta")}, {QStringLiteral("text"), piece}}}});
    }
    events << sseEvent("content_block_stop",
                       {{QStringLiteral("type"), QStringLiteral("content_block_stop")}, {QStringLiteral("index"), 0}});
    QJsonObject delta {{QStringLiteral("type"), QStringLiteral("message_delta")},
                       {QStringLiteral("delta"),
                        QJsonObject {{QStringLiteral("stop_reason"), QStringLiteral("end_turn")},
                                     {QStringLiteral("stop_sequence"), QJsonValue::Null}}}};
    if (usage)
        delta.insert(QStringLiteral("usage"), QJsonObject {{QStringLiteral("output_tokens"), m_completionTokens}});
    events << sseEvent("message_delta", delta);
    events << sseEvent("message_stop", {{QStringLiteral("type"), QStringLiteral("message_stop")}});
    return events;
}

QByteArray FakeAnthropicServer::streamErrorEvent() const
{
    return sseEvent("error",
                    {{QStringLiteral("type"), QStringLiteral("error")},
                     {QStringLiteral("error"),
                      QJsonObject {{QStringLiteral("type"), QStringLiteral("overloaded_error")},
                                   {QStringLiteral("message"), QStringLiteral("Overloaded")}}}});
}

} // namespace QwenSwarm::Testing
