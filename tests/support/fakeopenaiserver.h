#pragma once

#include "fakellmserver.h"

namespace QwenSwarm::Testing {

/// A fake OpenAI-compatible server: `POST <url>/v1/chat/completions`, JSON or SSE (`data:` chunks,
/// usage in a last chunk when `stream_options.include_usage` is set, then `data: [DONE]`), errors as
/// `{"error": {"message", "type", "code"}}`. The base URL providers use is baseUrl().
class FakeOpenAiServer final : public FakeLlmServer
{
    Q_OBJECT

public:
    using FakeLlmServer::FakeLlmServer;

    /// url() + "/v1"
    QString baseUrl() const;

protected:
    QString userMessage(const QJsonObject &body) const override;
    QByteArray keyOf(const FakeRequest &request) const override;
    bool isCompletionPath(const QByteArray &path) const override;
    FakeReply error(int status, const QByteArray &type, const QByteArray &code, const QString &message) const override;
    QByteArray completion(const QJsonObject &body, const QString &text, bool usage) const override;
    QList<QByteArray> streamEvents(const QJsonObject &body, const QString &text, bool usage) const override;
    QByteArray streamErrorEvent() const override;
};

} // namespace QwenSwarm::Testing
