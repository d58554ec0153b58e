#include "providers/replayprovider.h"

#include "providers/anthropicprotocol.h"
#include "providers/openaiprotocol.h"
#include "providers/providerrecording.h"

#include <QPointer>

namespace QwenSwarm::Engine {

ReplayProvider::ReplayProvider(ProviderConfig config, std::unique_ptr<ChatProtocol> protocol, ProviderServices services)
    : m_config(std::move(config))
    , m_protocol(std::move(protocol))
    , m_services(std::move(services))
    , m_context(std::make_unique<QObject>())
    , m_answers(m_context.get(), [this](Answer &&answer) { deliver(std::move(answer)); })
{ }

ReplayProvider::~ReplayProvider() = default;

std::unique_ptr<ReplayProvider> ReplayProvider::of(const ProviderConfig &config, ProviderServices services)
{
    std::unique_ptr<ChatProtocol> protocol;
    if (config.kind == ProviderKind::Anthropic)
        protocol = std::make_unique<AnthropicProtocol>(config.anthropicVersion);
    else
        protocol = std::make_unique<OpenAiProtocol>();
    return std::make_unique<ReplayProvider>(config, std::move(protocol), std::move(services));
}

Api::Result<void> ReplayProvider::validateParameters(const QJsonObject &parameters) const
{
    return m_protocol->validateParameters(parameters);
}

void ReplayProvider::start(const ProviderRequest &request, ProviderSink *sink)
{
    QJsonObject parameters = m_config.parameters;
    for (auto it = request.parameters.constBegin(); it != request.parameters.constEnd(); ++it)
        parameters.insert(it.key(), it.value());
    const ChatCall chat {request.model.isEmpty() ? m_config.defaultModel : request.model, parameters,
                         request.systemPrompt, request.userMessage, false};
    const QString key = ProviderRecording::key(
        name(), ProviderRecording::canonicalRequest(m_protocol->path(), m_protocol->body(chat)));
    const quint64 callId = request.callId;
    m_live.insert(callId);
    Answer answer {callId, sink, request.stream, ProviderResponse {}};
    if (!m_services.lookup) {
        answer.outcome = mismatch(key, Api::makeError(Api::ErrorCode::Unimplemented, QStringLiteral("no recordings")));
        m_answers.schedule(monotonicUs(), std::move(answer));
        return;
    }
    // The store may answer at once or later, on this thread; either way the answer is delivered from
    // the event loop, after start() returned.
    QPointer<QObject> context = m_context.get();
    m_services.lookup(key,
                      [this, context, key, answer = std::move(answer)](Api::Result<ProviderCallWrite> found) mutable {
                          if (!context)
                              return; // this provider is gone
                          answer.outcome = found ? ProviderRecording::readOutcome(found->response)
                                                 : Api::Result<ProviderResponse>(mismatch(key, found.error()));
                          m_answers.schedule(monotonicUs(), std::move(answer));
                      });
}

void ReplayProvider::cancel(quint64 callId)
{
    m_live.remove(callId);
}

void ReplayProvider::deliver(Answer &&answer)
{
    if (!m_live.contains(answer.callId))
        return; // cancelled
    if (answer.stream && answer.outcome && !answer.outcome->text.isEmpty())
        answer.sink->providerDelta(answer.callId, answer.outcome->text);
    if (!m_live.remove(answer.callId))
        return; // cancelled while it streamed
    answer.sink->providerFinished(answer.callId, std::move(answer.outcome));
}

Api::Error ReplayProvider::mismatch(const QString &key, const Api::Error &why) const
{
    const QString reason
        = why.code == Api::ErrorCode::NotFound ? QStringLiteral("no recorded call matches the request") : why.message;
    return Api::makeError(Api::ErrorCode::ProviderError,
                          QStringLiteral("provider '%1' (replay): %2 (key %3)").arg(name(), reason, key),
                          {{QStringLiteral("status"), 0},
                           {QStringLiteral("type"), QStringLiteral("replay_mismatch")},
                           {QStringLiteral("retriable"), false},
                           {QStringLiteral("provider"), name()},
                           {QStringLiteral("key"), key}});
}

} // namespace QwenSwarm::Engine
