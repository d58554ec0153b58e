#include "providers/providerfault.h"

#include "providers/providerretrypolicy.h"

namespace QwenSwarm::Engine {

namespace {

bool mentions(const QString &text, std::initializer_list<QLatin1StringView> needles)
{
    for (QLatin1StringView needle : needles) {
        if (text.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isContextLength(const QString &code, const QString &message)
{
    return code == QLatin1StringView("context_length_exceeded") || code == QLatin1StringView("string_above_max_length")
        || mentions(message,
                    {QLatin1StringView("maximum context length"), QLatin1StringView("prompt is too long"),
                     QLatin1StringView("context length"), QLatin1StringView("context window"),
                     QLatin1StringView("too many tokens")});
}

bool isContentPolicy(const QString &code, const QString &message)
{
    return code == QLatin1StringView("content_policy_violation") || code == QLatin1StringView("content_filter")
        || code == QLatin1StringView("data_inspection_failed")
        || mentions(message,
                    {QLatin1StringView("content management policy"), QLatin1StringView("safety system"),
                     QLatin1StringView("inappropriate content")});
}

bool isQuota(const QString &type, const QString &code, const QString &message)
{
    for (const QString &s : {type, code}) {
        if (s == QLatin1StringView("insufficient_quota") || s == QLatin1StringView("billing_error")
            || s == QLatin1StringView("billing_hard_limit_reached") || s == QLatin1StringView("Arrearage"))
            return true;
    }
    return mentions(message,
                    {QLatin1StringView("exceeded your current quota"), QLatin1StringView("credit balance"),
                     QLatin1StringView("billing")});
}

std::optional<bool> shouldRetryHeader(const HttpHeaders &headers)
{
    for (const auto &[name, value] : headers) {
        if (name.compare("x-should-retry", Qt::CaseInsensitive) != 0)
            continue;
        if (value.trimmed() == "true")
            return true;
        if (value.trimmed() == "false")
            return false;
    }
    return std::nullopt;
}

} // namespace

ProviderFault ProviderFault::fromHttp(int status, const QString &errorType, const QString &errorCode,
                                      const QString &message, const HttpHeaders &headers, qint64 nowMs)
{
    ProviderFault f;
    f.status = status;
    f.message = message.isEmpty() ? QStringLiteral("HTTP status %1").arg(status) : message;
    f.type = !errorCode.isEmpty() ? errorCode : errorType;
    f.retryAfterMs = ProviderRetryPolicy::retryAfterMs(headers, nowMs);
    if (isQuota(errorType, errorCode, message)) {
        f.type = QStringLiteral("insufficient_quota");
        f.retriable = false;
    } else if (isContextLength(errorCode, message) && (status == 400 || status == 413 || status == 422)) {
        f.type = QStringLiteral("context_length_exceeded");
        f.retriable = false;
    } else if (isContentPolicy(errorCode, message) && status == 400) {
        f.type = QStringLiteral("content_policy");
        f.retriable = false;
    } else {
        f.retriable = status == 408 || status == 409 || status == 429 || status >= 500;
        if (const auto header = shouldRetryHeader(headers))
            f.retriable = *header;
    }
    if (f.type.isEmpty())
        f.type = QStringLiteral("http_%1").arg(status);
    f.countsAgainstCircuit = status >= 500 || status == 408;
    return f;
}

ProviderFault ProviderFault::fromTransport(HttpFailure failure, const QString &detail)
{
    ProviderFault f;
    f.type = httpFailureName(failure);
    f.message = detail;
    f.retriable = true;
    f.countsAgainstCircuit = true;
    return f;
}

ProviderFault ProviderFault::brokenStream(const QString &detail)
{
    ProviderFault f;
    f.status = 200;
    f.type = QStringLiteral("broken_stream");
    f.message = detail;
    f.retriable = true;
    f.countsAgainstCircuit = true;
    return f;
}

ProviderFault ProviderFault::streamError(const QString &errorType, const QString &message)
{
    // Anthropic's overloaded_error, api_error and rate_limit_error, OpenAI's server_error: the status
    // they would have had is retriable; an invalid request is not.
    ProviderFault f
        = fromHttp(errorType.contains(QLatin1StringView("invalid_request")) ? 400 : 500, errorType, {}, message, {}, 0);
    f.status = 200;
    return f;
}

ProviderFault ProviderFault::malformed(const QString &detail)
{
    ProviderFault f;
    f.status = 200;
    f.type = QStringLiteral("malformed_response");
    f.message = detail;
    f.retriable = true;
    f.countsAgainstCircuit = true;
    return f;
}

ProviderFault ProviderFault::contentPolicy(const QString &message)
{
    ProviderFault f;
    f.status = 200;
    f.type = QStringLiteral("content_policy");
    f.message = message;
    return f;
}

Api::Error ProviderFault::toError(const QString &provider, int attempts) const
{
    const QString where = status > 0 ? QStringLiteral("HTTP %1 %2").arg(status).arg(type) : type;
    return Api::makeError(Api::ErrorCode::ProviderError,
                          QStringLiteral("provider '%1': %2: %3").arg(provider, where, message),
                          {{QStringLiteral("status"), status},
                           {QStringLiteral("type"), type},
                           {QStringLiteral("retriable"), retriable},
                           {QStringLiteral("provider"), provider},
                           {QStringLiteral("attempts"), attempts}});
}

} // namespace QwenSwarm::Engine
