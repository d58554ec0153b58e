#include "server/httprequesthead.h"

namespace QwenSwarm::Remote {

namespace {

Api::Error bad(const QString &problem, int status = 400)
{
    return Api::makeError(status == 400 ? Api::ErrorCode::InvalidArgument : Api::ErrorCode::ResourceExhausted,
                          QStringLiteral("bad HTTP request: ") + problem, {{QStringLiteral("status"), status}});
}

bool isTokenChar(char c)
{
    static const QByteArrayView extra("!#$%&'*+-.^_`|~");
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.contains(c);
}

bool isToken(QByteArrayView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isTokenChar);
}

bool hasControl(QByteArrayView s)
{
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
}

// "token" appears in a comma-separated header value, ignoring case and spaces.
bool listContains(QByteArrayView value, QByteArrayView token)
{
    for (QByteArrayView part : QByteArray(value.toByteArray()).split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Api::Result<HttpRequestHead> parseLines(QByteArrayView head, int maxHeaders)
{
    // `head` ends with the CRLF of its last line: every line ends in '\r' once split at '\n'.
    HttpRequestHead result;
    result.size = head.size() + 2;
    QList<QByteArray> lines = head.toByteArray().split('\n');
    lines.removeLast(); // what follows the last '\n': nothing
    QByteArrayView requestLine(lines.first());
    if (!requestLine.endsWith('\r'))
        return bad(QStringLiteral("lines must end with CRLF"));
    requestLine.chop(1);
    const QList<QByteArray> parts = requestLine.toByteArray().split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty() || hasControl(parts[1]))
        return bad(QStringLiteral("malformed request line"));
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return bad(QStringLiteral("unsupported protocol version"));
    result.method = parts[0];
    result.target = parts[1];
    const qsizetype q = result.target.indexOf('?');
    result.path = q < 0 ? result.target : result.target.left(q);
    result.query = q < 0 ? QByteArray() : result.target.mid(q + 1);
    if (!result.path.startsWith('/'))
        return bad(QStringLiteral("the request target must be an absolute path"));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArrayView line(lines[i]);
        if (!line.endsWith('\r'))
            return bad(QStringLiteral("lines must end with CRLF"));
        line.chop(1);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return bad(QStringLiteral("obsolete line folding"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return bad(QStringLiteral("malformed header"));
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (hasControl(value))
            return bad(QStringLiteral("control character in a header value"));
        if (result.headers.size() == maxHeaders)
            return bad(QStringLiteral("too many headers"), 431);
        result.headers.append(std::pair(line.first(colon).toByteArray().toLower(), value.toByteArray()));
    }
    return result;
}

} // namespace

std::optional<QByteArray> HttpRequestHead::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

bool HttpRequestHead::isWebSocketUpgrade() const
{
    const auto upgrade = header("upgrade");
    const auto connection = header("connection");
    return upgrade && connection && listContains(*upgrade, "websocket") && listContains(*connection, "upgrade");
}

std::optional<QByteArray> HttpRequestHead::bearer() const
{
    const auto value = header("authorization");
    if (!value || value->size() < 8 || QByteArrayView(*value).first(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return value->mid(7).trimmed();
}

std::optional<qsizetype> HttpRequestHead::contentLength() const
{
    const auto value = header("content-length");
    if (!value)
        return 0;
    bool ok = false;
    const qlonglong length = value->toLongLong(&ok);
    if (!ok || length < 0 || !std::all_of(value->cbegin(), value->cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return static_cast<qsizetype>(length);
}

std::optional<Api::Result<HttpRequestHead>> HttpRequestHeadParser::parse(QByteArrayView bytes, qsizetype maxBytes,
                                                                         int maxHeaders)
{
    const qsizetype end = bytes.indexOf(QByteArrayView("\r\n\r\n"));
    if (end < 0) {
        if (bytes.size() >= maxBytes)
            return Api::Result<HttpRequestHead>(bad(QStringLiteral("request head too large"), 431));
        return std::nullopt;
    }
    if (end + 4 > maxBytes)
        return Api::Result<HttpRequestHead>(bad(QStringLiteral("request head too large"), 431));
    return parseLines(bytes.first(end + 2), maxHeaders);
}

} // namespace QwenSwarm::Remote
