#include "providers/providerretrypolicy.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace QwenSwarm::Engine {

namespace {

QByteArray headerValue(const QList<std::pair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

} // namespace

int ProviderRetryPolicy::delayMs(int retry, std::optional<int> serverDelayMs, double unitRandom) const
{
    if (serverDelayMs)
        return std::clamp(*serverDelayMs, 0, std::max(0, maxRetryAfterMs));
    const double exponential = initialDelayMs * std::pow(2.0, std::max(0, retry - 1));
    const double capped = std::min(exponential, static_cast<double>(maxDelayMs));
    return static_cast<int>(std::lround(capped * (1.0 - std::clamp(jitter, 0.0, 1.0) * unitRandom)));
}

std::optional<int> ProviderRetryPolicy::retryAfterMs(const QList<std::pair<QByteArray, QByteArray>> &headers,
                                                     qint64 nowMs)
{
    bool ok = false;
    const QByteArray ms = headerValue(headers, "retry-after-ms");
    if (!ms.isEmpty()) {
        const double value = ms.toDouble(&ok);
        if (ok && value >= 0 && value < 1e9)
            return static_cast<int>(std::lround(value));
    }
    const QByteArray after = headerValue(headers, "retry-after");
    if (after.isEmpty())
        return std::nullopt;
    const double seconds = after.toDouble(&ok);
    if (ok)
        return seconds >= 0 && seconds < 1e6 ? std::optional<int>(static_cast<int>(std::lround(seconds * 1000)))
                                             : std::nullopt;
    // An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); Qt reads RFC 2822 with a numeric zone.
    QString text = QString::fromLatin1(after);
    if (text.endsWith(QLatin1StringView(" GMT")))
        text = text.chopped(4) + QStringLiteral(" +0000");
    const QDateTime date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid())
        return std::nullopt;
    const qint64 wait = date.toMSecsSinceEpoch() - nowMs;
    return static_cast<int>(std::clamp<qint64>(wait, 0, 1'000'000'000));
}

} // namespace QwenSwarm::Engine
