#include "fakeopenaiserver.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace QwenSwarm::Testing {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject chunk(const QJsonObject &body, const QJsonArray &choices)
{
    return {{QStringLiteral("id"), QStringLiteral("chatcmpl-fake")},
            {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
            {QStringLiteral("created"), 0},
            {QStringLiteral("model"), body.value(QStringLiteral("model"))},
            {QStringLiteral("choices"), choices}};
}

QJsonObject deltaChoice(const QJsonObject &delta, const QJsonValue &finishReason)
{
    return {{QStringLiteral("index"), 0},
            {QStringLiteral("delta"), delta},
            {QStringLiteral("finish_reason"), finishReason}};
}

} // namespace

QString FakeOpenAiServer::baseUrl() const
{
    return url().toString() + QStringLiteral("/v1");
}

QString FakeOpenAiServer::userMessage(const QJsonObject &body) const
{
    const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages[i].toObject();
        if (m.value(QStringLiteral("role")).toString() == QLatin1StringView("user"))
            return m.value(QStringLiteral("content")).toString();
    }
    return {};
}

QByteArray FakeOpenAiServer::keyOf(const FakeRequest &request) const
{
    const QByteArray auth = request.header("authorization");
    return auth.startsWith("Bearer ") ? auth.mid(7) : QByteArray();
}

bool FakeOpenAiServer::isCompletionPath(const QByteArray &path) const
{
    return path.endsWith("/chat/completions");
}

FakeReply FakeOpenAiServer::error(int status, const QByteArray &type, const QByteArray &code,
                                  const QString &message) const
{
    FakeReply reply;
    reply.status = status;
    reply.chunks = {compact({{QStringLiteral("error"),
                              QJsonObject {{QStringLiteral("message"), message},
                                           {QStringLiteral("type"), QString::fromLatin1(type)},
                                           {QStringLiteral("param"), QJsonValue::Null},
                                           {QStringLiteral("code"), QString::fromLatin1(code)}}}})};
    return reply;
}

QByteArray FakeOpenAiServer::completion(const QJsonObject &body, const QString &text, bool usage) const
{
    QJsonObject answer {{QStringLiteral("id"), QStringLiteral("chatcmpl-fake")},
                        {QStringLiteral("object"), QStringLiteral("chat.completion")},
                        {QStringLiteral("created"), 0},
                        {QStringLiteral("model"), body.value(QStringLiteral("model"))},
                        {QStringLiteral("choices"),
                         QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                                                  {QStringLiteral("message"),
                                                   QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                {QStringLiteral("content"), text}}},
                                                  {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}};
    if (usage) {
        answer.insert(QStringLiteral("usage"),
                      QJsonObject {{QStringLiteral("prompt_tokens"), m_promptTokens},
                                   {QStringLiteral("completion_tokens"), m_completionTokens},
                                   {QStringLiteral("total_tokens"), m_promptTokens + m_completionTokens}});
    }
    return compact(answer);
}

QList<QByteArray> FakeOpenAiServer::streamEvents(const QJsonObject &body, const QString &text, bool usage) const
{
    QList<QByteArray> events;
    auto data = [&events](const QJsonObject &object) { events << QByteArray("data: " + compact(object)); };
    data(chunk(
        body,
        {deltaChoice({{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}},
                     QJsonValue::Null)}));
    const qsizetype half = text.size() / 2;
    for (const QString &piece : {text.left(half), text.mid(half)}) {
        if (!piece.isEmpty())
            data(chunk(body, {deltaChoice({{QStringLiteral("content"), piece}}, QJsonValue::Null)}));
    }
    data(chunk(body, {deltaChoice({}, QStringLiteral("stop"))}));
    const bool wantsUsage
        = body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool();
    if (usage && wantsUsage) {
        QJsonObject last = chunk(body, {});
        last.insert(QStringLiteral("usage"),
                    QJsonObject {{QStringLiteral("prompt_tokens"), m_promptTokens},
                                 {QStringLiteral("completion_tokens"), m_completionTokens},
                                 {QStringLiteral("total_tokens"), m_promptTokens + m_completionTokens}});
        data(last);
    }
    events << QByteArray("data: [DONE]");
    return events;
}

QByteArray FakeOpenAiServer::streamErrorEvent() const
{
    return "data: "
        + compact({{QStringLiteral("error"),
                    QJsonObject {{QStringLiteral("message"), QStringLiteral("The server is overloaded")},
                                 {QStringLiteral("type"), QStringLiteral("server_error")},
                                 {QStringLiteral("code"), QJsonValue::Null}}}});
}

} // namespace QwenSwarm::Testing
