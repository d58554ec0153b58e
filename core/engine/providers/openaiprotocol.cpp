#include "providers/openaiprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace QwenSwarm::Engine {

namespace {

const std::initializer_list<ParameterRule> rules = {
    {QLatin1StringView("temperature"), ParameterRule::Kind::Number, 0, 2},
    {QLatin1StringView("top_p"), ParameterRule::Kind::Number, 0, 1},
    {QLatin1StringView("max_tokens"), ParameterRule::Kind::Integer, 1, 10'000'000},
    {QLatin1StringView("max_completion_tokens"), ParameterRule::Kind::Integer, 1, 10'000'000},
    {QLatin1StringView("seed"), ParameterRule::Kind::Integer, -9e15, 9e15},
    {QLatin1StringView("stop"), ParameterRule::Kind::StringOrList},
    {QLatin1StringView("presence_penalty"), ParameterRule::Kind::Number, -2, 2},
    {QLatin1StringView("frequency_penalty"), ParameterRule::Kind::Number, -2, 2},
};

void readUsage(const QJsonObject &usage, ChatReply &reply)
{
    if (usage.isEmpty())
        return;
    reply.promptTokens = usage.value(QLatin1StringView("prompt_tokens")).toInt(-1);
    reply.completionTokens = usage.value(QLatin1StringView("completion_tokens")).toInt(-1);
}

QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text; // a list of parts, as some servers send
    for (const QJsonValue &part : content.toArray())
        text += part.toObject().value(QLatin1StringView("text")).toString();
    return text;
}

/// The decoder of OpenAI's `data:` chunks.
class OpenAiStream final : public ChatStream
{
public:
    StreamProgress onEvent(const SseEvent &event, QString &delta) override
    {
        if (event.data == "[DONE]")
            return done();
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(event.data, &error);
        if (!document.isObject())
            return fail(
                ProviderFault::malformed(QStringLiteral("a stream chunk is not JSON: %1").arg(error.errorString())));
        const QJsonObject chunk = document.object();
        if (const QJsonObject e = chunk.value(QLatin1StringView("error")).toObject(); !e.isEmpty()) {
            const QString type = e.value(QLatin1StringView("type")).toString();
            return fail(
                ProviderFault::streamError(type.isEmpty() ? e.value(QLatin1StringView("code")).toString() : type,
                                           e.value(QLatin1StringView("message")).toString()));
        }
        readUsage(chunk.value(QLatin1StringView("usage")).toObject(), m_reply);
        const QJsonObject choice = chunk.value(QLatin1StringView("choices")).toArray().at(0).toObject();
        const QJsonObject d = choice.value(QLatin1StringView("delta")).toObject();
        const QString piece = contentText(d.value(QLatin1StringView("content")));
        m_reply.text += piece;
        delta += piece;
        m_refusal += d.value(QLatin1StringView("refusal")).toString();
        if (const QString finish = choice.value(QLatin1StringView("finish_reason")).toString(); !finish.isEmpty())
            m_reply.finishReason = finish;
        return StreamProgress::More;
    }

private:
    StreamProgress done()
    {
        if (!m_refusal.isEmpty())
            return fail(ProviderFault::contentPolicy(m_refusal));
        if (m_reply.finishReason == QLatin1StringView("content_filter"))
            return fail(ProviderFault::contentPolicy(QStringLiteral("the answer was withheld by the content filter")));
        return StreamProgress::Done;
    }

    QString m_refusal;
};

} // namespace

HttpHeaders OpenAiProtocol::headers(const ApiKey &key) const
{
    HttpHeaders h {{"content-type", "application/json"}, {"accept", "application/json, text/event-stream"}};
    if (!key.isEmpty())
        h.append({"authorization", "Bearer " + key.reveal()});
    return h;
}

QJsonObject OpenAiProtocol::body(const ChatCall &call) const
{
    QJsonArray messages;
    if (!call.systemPrompt.isEmpty())
        messages.append(QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                                     {QStringLiteral("content"), call.systemPrompt}});
    messages.append(
        QJsonObject {{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), call.userMessage}});
    QJsonObject body {{QStringLiteral("model"), call.model}, {QStringLiteral("messages"), messages}};
    applyParameters(body, call.parameters, rules);
    if (call.stream) {
        body.insert(QStringLiteral("stream"), true);
        body.insert(QStringLiteral("stream_options"), QJsonObject {{QStringLiteral("include_usage"), true}});
    }
    return body;
}

Api::Result<void> OpenAiProtocol::validateParameters(const QJsonObject &parameters) const
{
    return checkParameters(parameters, rules);
}

std::variant<ChatReply, ProviderFault> OpenAiProtocol::parseCompletion(const QByteArray &body) const
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (!document.isObject())
        return ProviderFault::malformed(QStringLiteral("the answer is not JSON: %1").arg(error.errorString()));
    const QJsonObject answer = document.object();
    const QJsonArray choices = answer.value(QLatin1StringView("choices")).toArray();
    if (choices.isEmpty())
        return ProviderFault::malformed(QStringLiteral("the answer has no choices"));
    const QJsonObject choice = choices.at(0).toObject();
    const QJsonObject message = choice.value(QLatin1StringView("message")).toObject();
    if (const QString refusal = message.value(QLatin1StringView("refusal")).toString(); !refusal.isEmpty())
        return ProviderFault::contentPolicy(refusal);
    ChatReply reply;
    reply.text = contentText(message.value(QLatin1StringView("content")));
    reply.finishReason = choice.value(QLatin1StringView("finish_reason")).toString();
    if (reply.finishReason == QLatin1StringView("content_filter"))
        return ProviderFault::contentPolicy(QStringLiteral("the answer was withheld by the content filter"));
    readUsage(answer.value(QLatin1StringView("usage")).toObject(), reply);
    return reply;
}

void OpenAiProtocol::parseError(const QByteArray &body, QString &type, QString &code, QString &message) const
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value(QLatin1StringView("error"));
    if (error.isString()) { // some compatible servers: {"error": "text"}
        message = error.toString();
        return;
    }
    const QJsonObject e = error.isObject() ? error.toObject() : root;
    type = e.value(QLatin1StringView("type")).toString();
    const QJsonValue c = e.value(QLatin1StringView("code"));
    code = c.isDouble() ? QString::number(c.toInt()) : c.toString();
    message = e.value(QLatin1StringView("message")).toString();
    if (message.isEmpty() && !body.isEmpty() && root.isEmpty())
        message = QString::fromUtf8(body.left(500)).simplified();
}

std::unique_ptr<ChatStream> OpenAiProtocol::newStream() const
{
    return std::make_unique<OpenAiStream>();
}

} // namespace QwenSwarm::Engine
