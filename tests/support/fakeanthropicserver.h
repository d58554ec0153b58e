#pragma once

#include "fakellmserver.h"

namespace QwenSwarm::Testing {

/// A fake Anthropic Messages server: `POST <url>/v1/messages` (requires `anthropic-version`), JSON or
/// SSE events (message_start, content_block_start, ping, content_block_delta, content_block_stop,
/// message_delta with usage, message_stop), errors as `{"type": "error", "error": {"type", "message"}}`.
/// The base URL providers use is url().
class FakeAnthropicServer final : public FakeLlmServer
{
    Q_OBJECT

public:
    using FakeLlmServer::FakeLlmServer;

protected:
    QString userMessage(const QJsonObject &body) const override;
    QByteArray keyOf(const FakeRequest &request) const override;
    bool isCompletionPath(const QByteArray &path) const override;
    FakeReply refusal(const FakeRequest &request) const override;
    FakeReply error(int status, const QByteArray &type, const QByteArray &code, const QString &message) const override;
    QByteArray completion(const QJsonObject &body, const QString &text, bool usage) const override;
    QList<QByteArray> streamEvents(const QJsonObject &body, const QString &text, bool usage) const override;
    QByteArray streamErrorEvent() const override;
};

} // namespace QwenSwarm::Testing
