#pragma once

#include <api/error.h>

#include <QByteArray>
#include <QList>

#include <optional>
#include <utility>

namespace QwenSwarm::Remote {

/// The request line and headers of an HTTP/1.1 request, read before anything else happens on a
/// connection (authentication, the WebSocket upgrade, routing).
struct HttpRequestHead
{
    QByteArray method; ///< "GET", "POST", ...
    QByteArray target; ///< The request target as sent ("/v1/tasks?state=queued").
    QByteArray path; ///< The target without its query, percent-decoding left to the router.
    QByteArray query; ///< After '?', or empty.
    QList<std::pair<QByteArray, QByteArray>> headers; ///< Names lower-cased, values trimmed, in order.
    qsizetype size = 0; ///< Bytes of the head, including the empty line that ends it.

    /// The value of header `name` (lower case), or nothing. Repeated headers: the first.
    std::optional<QByteArray> header(QByteArrayView name) const;
    /// Whether the Connection/Upgrade headers ask for a WebSocket.
    bool isWebSocketUpgrade() const;
    /// The bearer credential of the Authorization header, or nothing.
    std::optional<QByteArray> bearer() const;
    /// The Content-Length, or 0 without one; nothing when it is not a number.
    std::optional<qsizetype> contentLength() const;
};

/// Parses an HTTP/1.1 request head from the bytes read so far.
///
/// Answers the head once "\r\n\r\n" has arrived; nothing while it has not and `bytes` is still under
/// `maxBytes`; an InvalidArgument error (details {"status": 400}) for a malformed head, and
/// ResourceExhausted (details {"status": 431}) for a head over `maxBytes` or with more than
/// `maxHeaders` headers. Only HTTP/1.1 and HTTP/1.0 are accepted; header names must be tokens, values
/// must not hold control characters; obsolete line folding is refused.
class HttpRequestHeadParser
{
public:
    static constexpr qsizetype defaultMaxBytes = 16 * 1024;
    static constexpr int defaultMaxHeaders = 64;

    static std::optional<Api::Result<HttpRequestHead>> parse(QByteArrayView bytes, qsizetype maxBytes = defaultMaxBytes,
                                                             int maxHeaders = defaultMaxHeaders);
};

} // namespace QwenSwarm::Remote
