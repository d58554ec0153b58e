#pragma once

#include "providers/httpclient.h"

#include <api/error.h>

#include <optional>

namespace QwenSwarm::Engine {

/// Why one attempt of a provider call failed, and whether another attempt may help, following the
/// official SDKs: 408, 409, 429, 5xx (Anthropic's 529 included), connection failures, timeouts and
/// streams broken before their end are retried; quota and billing 429s, other 4xx, context-length
/// errors and content-policy refusals are not. A server's `x-should-retry: true|false` decides
/// where it is sent.
struct ProviderFault
{
    int status = 0; ///< HTTP status; 0 when there was no HTTP answer.
    QString type; ///< The provider's error type or code, or ours (see the constructors).
    QString message; ///< The provider's message, or ours.
    bool retriable = false;
    std::optional<int> retryAfterMs; ///< What the server asked to wait.
    bool countsAgainstCircuit = false; ///< Tells of the provider's health (5xx, timeouts, broken streams).

    /// An HTTP error status with the error the body carried (`errorType`, `errorCode`, `message`, as
    /// the protocol read them) and the response's headers.
    static ProviderFault fromHttp(int status, const QString &errorType, const QString &errorCode,
                                  const QString &message, const HttpHeaders &headers, qint64 nowMs);
    /// A connection failure or timeout (type: httpFailureName()).
    static ProviderFault fromTransport(HttpFailure failure, const QString &detail);
    /// The stream ended before its end marker: type "broken_stream", retriable.
    static ProviderFault brokenStream(const QString &detail);
    /// An error event inside a 200 stream (type from the event; retriable like its status would be).
    static ProviderFault streamError(const QString &errorType, const QString &message);
    /// A 2xx answer that cannot be read: type "malformed_response", retriable (a glitch, as the
    /// SDKs treat a body that does not parse mid-stream).
    static ProviderFault malformed(const QString &detail);
    /// The model refused for content policy: type "content_policy", not retriable.
    static ProviderFault contentPolicy(const QString &message);

    /// The typed error a caller sees: ProviderError with details {status, type, retriable, provider,
    /// attempts}; the message names the provider and carries the provider's message.
    Api::Error toError(const QString &provider, int attempts) const;
};

} // namespace QwenSwarm::Engine
