#include "providers/providerrecording.h"

#include <api/json.h>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUrl>

namespace QwenSwarm::Engine {

QJsonObject ProviderRecording::canonicalRequest(const QString &path, QJsonObject body)
{
    body.remove(QLatin1StringView("stream"));
    body.remove(QLatin1StringView("stream_options"));
    return {{QStringLiteral("path"), path}, {QStringLiteral("body"), body}};
}

QString ProviderRecording::key(const QString &provider, const QJsonObject &canonicalRequest)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(provider.toUtf8());
    hash.addData(QByteArrayView("\n"));
    // QJsonObject keeps its keys sorted, so the same request always serialises the same way.
    hash.addData(QJsonDocument(canonicalRequest).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(hash.result().toHex());
}

QByteArray ProviderRecording::requestRecord(const QString &provider, const QUrl &url, const HttpHeaders &headers,
                                            const QList<QByteArray> &secretHeaders, const QJsonObject &body)
{
    QJsonObject kept;
    for (const auto &[name, value] : headers) {
        if (!secretHeaders.contains(name.toLower()))
            kept.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    }
    const QJsonObject record {
        {QStringLiteral("provider"), provider},
        {QStringLiteral("url"), url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)},
        {QStringLiteral("headers"), kept},
        {QStringLiteral("body"), body}};
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

QByteArray ProviderRecording::outcomeRecord(const Api::Result<ProviderResponse> &outcome, int attempts)
{
    QJsonObject record {{QStringLiteral("attempts"), attempts}};
    if (outcome) {
        const ProviderResponse &r = outcome.value();
        record.insert(QStringLiteral("text"), r.text);
        record.insert(QStringLiteral("prompt_tokens"), r.promptTokens);
        record.insert(QStringLiteral("completion_tokens"), r.completionTokens);
        record.insert(QStringLiteral("cost_usd"), r.costUsd);
        record.insert(QStringLiteral("finish_reason"), r.finishReason);
    } else {
        record.insert(QStringLiteral("error"), Api::toJson(outcome.error()));
    }
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

Api::Result<ProviderResponse> ProviderRecording::readOutcome(const QByteArray &record)
{
    const QJsonObject o = QJsonDocument::fromJson(record).object();
    if (o.contains(QLatin1StringView("error"))) {
        auto error = Api::fromJson<Api::Error>(o.value(QLatin1StringView("error")), Api::JsonReader::Mode::Lenient);
        if (!error)
            return Api::makeError(Api::ErrorCode::Internal,
                                  QStringLiteral("a recorded provider error is unreadable: ") + error.error().message);
        return error.value();
    }
    if (!o.value(QLatin1StringView("text")).isString())
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("a recorded provider answer is unreadable"));
    ProviderResponse r;
    r.text = o.value(QLatin1StringView("text")).toString();
    r.promptTokens = o.value(QLatin1StringView("prompt_tokens")).toInt();
    r.completionTokens = o.value(QLatin1StringView("completion_tokens")).toInt();
    r.costUsd = o.value(QLatin1StringView("cost_usd")).toDouble();
    r.finishReason = o.value(QLatin1StringView("finish_reason")).toString();
    return r;
}

} // namespace QwenSwarm::Engine
