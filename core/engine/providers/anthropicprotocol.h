#pragma once

#include "providers/chatprotocol.h"

namespace QwenSwarm::Engine {

/// Anthropic Messages (`POST {base}/v1/messages`) with `x-api-key` and `anthropic-version`. The system
/// prompt is the top-level `system` field; max_tokens is required by the API and defaults to 1024.
/// Streams are SSE events: message_start (input usage), content_block_start, content_block_delta
/// (text_delta), content_block_stop, message_delta (stop_reason, output usage), message_stop (the
/// end), ping, and error; unknown events are ignored, as Anthropic asks. Parameters: temperature
/// [0, 1], top_p [0, 1], top_k, max_tokens, stop (sent as stop_sequences) and "extra". A stop_reason
/// of "refusal" is a content-policy fault.
class AnthropicProtocol final : public ChatProtocol
{
public:
    explicit AnthropicProtocol(QString version = QStringLiteral("2023-06-01"));

    QString path() const override { return QStringLiteral("/v1/messages"); }
    HttpHeaders headers(const ApiKey &key) const override;
    QList<QByteArray> secretHeaders() const override { return {QByteArrayLiteral("x-api-key")}; }
    QJsonObject body(const ChatCall &call) const override;
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    std::variant<ChatReply, ProviderFault> parseCompletion(const QByteArray &body) const override;
    void parseError(const QByteArray &body, QString &type, QString &code, QString &message) const override;
    std::unique_ptr<ChatStream> newStream() const override;

private:
    QByteArray m_version;
};

} // namespace QwenSwarm::Engine
