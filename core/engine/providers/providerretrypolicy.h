#pragma once

#include <QByteArray>
#include <QList>

#include <optional>
#include <utility>

namespace QwenSwarm::Engine {

/// How a provider call retries a failed attempt, as the official OpenAI and Anthropic SDKs do: 2
/// retries, the delay doubling from 0.5 s to at most 8 s, scaled down by up to `jitter` at random; a
/// server's `retry-after-ms` or `Retry-After` is honoured instead, up to `maxRetryAfterMs`.
struct ProviderRetryPolicy
{
    int maxRetries = 2;
    int initialDelayMs = 500;
    int maxDelayMs = 8000;
    double jitter = 0.25; ///< 0..1: the share of the delay that may be taken off at random.
    int maxRetryAfterMs = 60000; ///< A longer server-requested wait is cut to this.

    /// The delay before retry number `retry` (1 = the first retry). `serverDelayMs` is what the server
    /// asked for (see retryAfterMs()), `unitRandom` is in [0, 1).
    int delayMs(int retry, std::optional<int> serverDelayMs, double unitRandom) const;

    /// The wait a response asks for: `retry-after-ms` (milliseconds), else `Retry-After` (seconds or
    /// an HTTP date, relative to `nowMs`, wall clock). Nothing when absent, unreadable or negative.
    static std::optional<int> retryAfterMs(const QList<std::pair<QByteArray, QByteArray>> &headers, qint64 nowMs);
};

} // namespace QwenSwarm::Engine
