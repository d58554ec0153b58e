#include "providers/anthropicprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace QwenSwarm::Engine {

namespace {

constexpr int defaultMaxTokens = 1024;

const std::initializer_list<ParameterRule> rules = {
    {QLatin1StringView("temperature"), ParameterRule::Kind::Number, 0, 1},
    {QLatin1StringView("top_p"), ParameterRule::Kind::Number, 0, 1},
    {QLatin1StringView("top_k"), ParameterRule::Kind::Integer, 1, 1'000'000},
    {QLatin1StringView("max_tokens"), ParameterRule::Kind::Integer, 1, 10'000'000},
    {QLatin1StringView("stop"), ParameterRule::Kind::StringOrList},
};

ProviderFault refusal()
{
    return ProviderFault::contentPolicy(QStringLiteral("the model refused to answer (stop_reason \"refusal\")"));
}

/// The decoder of Anthropic's message events.
class AnthropicStream final : public ChatStream
{
public:
    StreamProgress onEvent(const SseEvent &event, QString &delta) override
    {
        const QJsonObject data = QJsonDocument::fromJson(event.data).object();
        const QByteArray name
            = event.event != "message" ? event.event : data.value(QLatin1StringView("type")).toString().toLatin1();
        if (name == "ping" || name == "content_block_stop")
            return StreamProgress::More;
        if (data.isEmpty())
            return fail(ProviderFault::malformed(
                QStringLiteral("the stream event '%1' carries no JSON object").arg(QString::fromLatin1(name))));
        if (name == "message_start") {
            const QJsonObject usage
                = data.value(QLatin1StringView("message")).toObject().value(QLatin1StringView("usage")).toObject();
            m_reply.promptTokens = usage.value(QLatin1StringView("input_tokens")).toInt(-1);
            m_reply.completionTokens = usage.value(QLatin1StringView("output_tokens")).toInt(-1);
        } else if (name == "content_block_start") {
            appendText(data.value(QLatin1StringView("content_block")).toObject(), delta);
        } else if (name == "content_block_delta") {
            const QJsonObject d = data.value(QLatin1StringView("delta")).toObject();
            if (d.value(QLatin1StringView("type")).toString() == QLatin1StringView("text_delta"))
                appendText(d, delta);
        } else if (name == "message_delta") {
            const QString stop
                = data.value(QLatin1StringView("delta")).toObject().value(QLatin1StringView("stop_reason")).toString();
            if (!stop.isEmpty())
                m_reply.finishReason = stop;
            const QJsonObject usage = data.value(QLatin1StringView("usage")).toObject();
            if (usage.contains(QLatin1StringView("output_tokens")))
                m_reply.completionTokens = usage.value(QLatin1StringView("output_tokens")).toInt(-1);
        } else if (name == "message_stop") {
            return m_reply.finishReason == QLatin1StringView("refusal") ? fail(refusal()) : StreamProgress::Done;
        } else if (name == "error") {
            const QJsonObject e = data.value(QLatin1StringView("error")).toObject();
            return fail(ProviderFault::streamError(e.value(QLatin1StringView("type")).toString(),
                                                   e.value(QLatin1StringView("message")).toString()));
        }
        return StreamProgress::More;
    }

private:
    void appendText(const QJsonObject &block, QString &delta)
    {
        const QString text = block.value(QLatin1StringView("text")).toString();
        m_reply.text += text;
        delta += text;
    }
};

} // namespace

AnthropicProtocol::AnthropicProtocol(QString version)
    : m_version(version.toLatin1())
{ }

HttpHeaders AnthropicProtocol::headers(const ApiKey &key) const
{
    HttpHeaders h {{"content-type", "application/json"},
                   {"accept", "application/json, text/event-stream"},
                   {"anthropic-version", m_version}};
    if (!key.isEmpty())
        h.append({"x-api-key", key.reveal()});
    return h;
}

QJsonObject AnthropicProtocol::body(const ChatCall &call) const
{
    QJsonObject body {{QStringLiteral("model"), call.model},
                      {QStringLiteral("max_tokens"), defaultMaxTokens},
                      {QStringLiteral("messages"),
                       QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                {QStringLiteral("content"), call.userMessage}}}}};
    if (!call.systemPrompt.isEmpty())
        body.insert(QStringLiteral("system"), call.systemPrompt);
    applyParameters(body, call.parameters, rules, {{QLatin1StringView("stop"), QLatin1StringView("stop_sequences")}});
    if (const QJsonValue stop = body.value(QLatin1StringView("stop_sequences")); stop.isString())
        body.insert(QStringLiteral("stop_sequences"), QJsonArray {stop});
    if (call.stream)
        body.insert(QStringLiteral("stream"), true);
    return body;
}

Api::Result<void> AnthropicProtocol::validateParameters(const QJsonObject &parameters) const
{
    return checkParameters(parameters, rules);
}

std::variant<ChatReply, ProviderFault> AnthropicProtocol::parseCompletion(const QByteArray &body) const
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (!document.isObject())
        return ProviderFault::malformed(QStringLiteral("the answer is not JSON: %1").arg(error.errorString()));
    const QJsonObject answer = document.object();
    if (answer.value(QLatin1StringView("type")).toString() == QLatin1StringView("error")) {
        const QJsonObject e = answer.value(QLatin1StringView("error")).toObject();
        return ProviderFault::streamError(e.value(QLatin1StringView("type")).toString(),
                                          e.value(QLatin1StringView("message")).toString());
    }
    if (!answer.value(QLatin1StringView("content")).isArray())
        return ProviderFault::malformed(QStringLiteral("the answer has no content"));
    ChatReply reply;
    for (const QJsonValue &block : answer.value(QLatin1StringView("content")).toArray()) {
        const QJsonObject b = block.toObject();
        if (b.value(QLatin1StringView("type")).toString() == QLatin1StringView("text"))
            reply.text += b.value(QLatin1StringView("text")).toString();
    }
    reply.finishReason = answer.value(QLatin1StringView("stop_reason")).toString();
    if (reply.finishReason == QLatin1StringView("refusal"))
        return refusal();
    const QJsonObject usage = answer.value(QLatin1StringView("usage")).toObject();
    reply.promptTokens = usage.value(QLatin1StringView("input_tokens")).toInt(-1);
    reply.completionTokens = usage.value(QLatin1StringView("output_tokens")).toInt(-1);
    return reply;
}

void AnthropicProtocol::parseError(const QByteArray &body, QString &type, QString &code, QString &message) const
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonObject e = root.value(QLatin1StringView("error")).toObject();
    type = e.value(QLatin1StringView("type")).toString();
    code.clear();
    message = e.value(QLatin1StringView("message")).toString();
    if (message.isEmpty() && !body.isEmpty() && root.isEmpty())
        message = QString::fromUtf8(body.left(500)).simplified();
}

std::unique_ptr<ChatStream> AnthropicProtocol::newStream() const
{
    return std::make_unique<AnthropicStream>();
}

} // namespace QwenSwarm::Engine
