#pragma once

#include "providers/httpclient.h"
#include "providers/provider.h"

#include <QJsonObject>

namespace QwenSwarm::Engine {

/// How provider calls are recorded for replay (ProviderCallWrite) and found again.
///
/// A call is identified by its key: the SHA-256 of the provider's name and the canonical request, the
/// endpoint path and the JSON body without the streaming switches ("stream", "stream_options"), so a
/// streamed and a plain call of the same question share a recording. The same question asked twice
/// shares one (the last answer recorded wins). The request record keeps the URL (without user info or
/// query), the headers except those carrying secrets, and the body. The outcome record is the answer
/// (text, tokens, cost, finish reason) or the typed error the call ended with, plus the attempts made;
/// partial output of a broken stream is never in it.
class ProviderRecording
{
public:
    static QJsonObject canonicalRequest(const QString &path, QJsonObject body);
    /// Lower-case hex SHA-256.
    static QString key(const QString &provider, const QJsonObject &canonicalRequest);
    static QByteArray requestRecord(const QString &provider, const QUrl &url, const HttpHeaders &headers,
                                    const QList<QByteArray> &secretHeaders, const QJsonObject &body);
    static QByteArray outcomeRecord(const Api::Result<ProviderResponse> &outcome, int attempts);
    /// The outcome a record holds; Internal when the record cannot be read.
    static Api::Result<ProviderResponse> readOutcome(const QByteArray &record);
};

} // namespace QwenSwarm::Engine
