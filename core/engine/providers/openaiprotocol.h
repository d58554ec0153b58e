#pragma once

#include "providers/chatprotocol.h"

namespace QwenSwarm::Engine {

/// OpenAI-compatible Chat Completions (`POST {base}/chat/completions`), as OpenAI, DashScope's
/// compatible mode (Qwen), vLLM, Ollama and llama.cpp serve it. The system prompt is the first
/// message, the user message the second; `Authorization: Bearer <key>` when there is a key. Streams
/// are SSE `data:` chunks ending with `data: [DONE]`, with `stream_options.include_usage` so that the
/// last chunk carries the usage. Parameters: temperature [0, 2], top_p [0, 1], max_tokens,
/// max_completion_tokens, seed, stop, presence_penalty and frequency_penalty [-2, 2], and "extra".
/// A refusal (message.refusal) or finish_reason "content_filter" is a content-policy fault.
class OpenAiProtocol final : public ChatProtocol
{
public:
    QString path() const override { return QStringLiteral("/chat/completions"); }
    HttpHeaders headers(const ApiKey &key) const override;
    QList<QByteArray> secretHeaders() const override { return {QByteArrayLiteral("authorization")}; }
    QJsonObject body(const ChatCall &call) const override;
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    std::variant<ChatReply, ProviderFault> parseCompletion(const QByteArray &body) const override;
    void parseError(const QByteArray &body, QString &type, QString &code, QString &message) const override;
    std::unique_ptr<ChatStream> newStream() const override;
};

} // namespace QwenSwarm::Engine
