#pragma once

#include "providers/httpclient.h"
#include "providers/providerconfig.h"
#include "providers/providerfault.h"
#include "providers/sseparser.h"

#include <api/error.h>

#include <QJsonObject>

#include <memory>
#include <variant>

namespace QwenSwarm::Engine {

/// A model's answer as a protocol read it. Token counts are -1 when the server sent none.
struct ChatReply
{
    QString text;
    int promptTokens = -1;
    int completionTokens = -1;
    QString finishReason;
};

/// What one request asks of the model, before a protocol writes it.
struct ChatCall
{
    QString model;
    QJsonObject parameters; ///< The provider's defaults overlaid with the agent's.
    QString systemPrompt;
    QString userMessage;
    bool stream = false;
};

/// Where a stream decoder stands after an event.
enum class StreamProgress
{
    More, ///< Keep reading.
    Done, ///< The end marker came: reply() is complete.
    Failed, ///< fault() says why; nothing after counts.
};

/// Reads one streamed response (one per attempt), event by event.
class ChatStream
{
public:
    virtual ~ChatStream() = default;
    /// Handles one SSE event; text it adds to the answer is appended to `delta`.
    virtual StreamProgress onEvent(const SseEvent &event, QString &delta) = 0;
    const ChatReply &reply() const { return m_reply; }
    const ProviderFault &fault() const { return m_fault; }

protected:
    StreamProgress fail(ProviderFault fault)
    {
        m_fault = std::move(fault);
        return StreamProgress::Failed;
    }

    ChatReply m_reply;
    ProviderFault m_fault;
};

/// One wire protocol of chat models (OpenAiProtocol, AnthropicProtocol): how a request is written and
/// how answers, errors and streams are read. Stateless; shared by all calls of a provider.
///
/// Parameters (an agent's, over its provider's): the protocol's known model parameters are checked
/// and copied into the request; an object under "extra" is merged into the request body as it is,
/// for a server's own options (e.g. DashScope's "enable_thinking"); anything else is refused.
class ChatProtocol
{
public:
    virtual ~ChatProtocol() = default;

    /// The endpoint below the base URL ("/chat/completions", "/v1/messages").
    virtual QString path() const = 0;
    /// The request headers, the key (if any) in its authentication header.
    virtual HttpHeaders headers(const ApiKey &key) const = 0;
    /// The (lower-case) names of the headers that carry secrets: never recorded.
    virtual QList<QByteArray> secretHeaders() const = 0;
    virtual QJsonObject body(const ChatCall &call) const = 0;
    /// InvalidArgument naming the first bad parameter.
    virtual Api::Result<void> validateParameters(const QJsonObject &parameters) const = 0;
    /// Reads a complete 2xx body.
    virtual std::variant<ChatReply, ProviderFault> parseCompletion(const QByteArray &body) const = 0;
    /// Reads the error type, code and message of an error body (what it can).
    virtual void parseError(const QByteArray &body, QString &type, QString &code, QString &message) const = 0;
    virtual std::unique_ptr<ChatStream> newStream() const = 0;
};

/// How a known parameter is checked.
struct ParameterRule
{
    QLatin1StringView key;
    enum class Kind
    {
        Number,
        Integer,
        StringOrList, ///< A string or a list of strings ("stop").
    } kind;
    double min = 0;
    double max = 0;
};

/// Checks `parameters` against `rules` ("extra" must be an object); InvalidArgument naming the key.
Api::Result<void> checkParameters(const QJsonObject &parameters, std::initializer_list<ParameterRule> rules);
/// Copies the parameters that have rules into `body` (renamed where `renames` says), then merges "extra".
void applyParameters(QJsonObject &body, const QJsonObject &parameters, std::initializer_list<ParameterRule> rules,
                     std::initializer_list<std::pair<QLatin1StringView, QLatin1StringView>> renames = {});

} // namespace QwenSwarm::Engine
