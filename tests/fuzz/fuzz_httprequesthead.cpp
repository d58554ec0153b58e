// Fuzz target: HttpRequestHeadParser and the accessors of HttpRequestHead, i.e. everything the server
// reads from a connection before authentication. Properties checked on every input:
// - the parser answers nothing only while no "\r\n\r\n" has arrived and the bytes are under the limit;
//   otherwise a head, or a typed error (400 InvalidArgument, 431 ResourceExhausted) with a message;
// - a head is what its bytes say: its size ends at the first "\r\n\r\n" and fits the limit, the method
//   is a token, the path is absolute, path and query make the target, header names are lower-case
//   tokens and values trimmed, without control characters, no more of them than allowed;
// - one byte less than the head is still incomplete, and the head alone parses to the same head;
// - the head written out again (HTTP/1.1) parses to the same method, target and headers;
// - the accessors (header, bearer, Content-Length, upgrade) answer without trouble.
#include "fuzzcheck.h"

#include <server/httprequesthead.h>

#include <algorithm>
#include <cstdint>

using namespace QwenSwarm::Remote;
namespace Api = QwenSwarm::Api;

namespace {

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7f;
}

QByteArray serialized(const HttpRequestHead &head)
{
    QByteArray out = head.method + ' ' + head.target + " HTTP/1.1\r\n";
    for (const auto &[name, value] : head.headers)
        out += name + ": " + value + "\r\n";
    return out + "\r\n";
}

void checkHead(const HttpRequestHead &head, QByteArrayView bytes, qsizetype maxBytes, int maxHeaders)
{
    const qsizetype end = bytes.indexOf(QByteArrayView("\r\n\r\n"));
    FUZZ_CHECK(end >= 0 && head.size == end + 4 && head.size <= maxBytes);
    FUZZ_CHECK(!head.method.isEmpty() && std::all_of(head.method.cbegin(), head.method.cend(), isTokenChar));
    FUZZ_CHECK(head.path.startsWith('/'));
    FUZZ_CHECK(head.target == (head.target.contains('?') ? QByteArray(head.path + '?' + head.query) : head.path));
    FUZZ_CHECK(std::none_of(head.target.cbegin(), head.target.cend(), isControl));
    FUZZ_CHECK(head.headers.size() <= maxHeaders);
    for (const auto &[name, value] : head.headers) {
        FUZZ_CHECK(!name.isEmpty() && std::all_of(name.cbegin(), name.cend(), isTokenChar));
        FUZZ_CHECK(name == name.toLower());
        FUZZ_CHECK(value == value.trimmed());
        FUZZ_CHECK(std::none_of(value.cbegin(), value.cend(), isControl));
    }

    FUZZ_CHECK(!HttpRequestHeadParser::parse(bytes.first(head.size - 1), maxBytes, maxHeaders).has_value());
    const auto alone = HttpRequestHeadParser::parse(bytes.first(head.size), maxBytes, maxHeaders);
    FUZZ_CHECK(alone && alone->ok());
    FUZZ_CHECK(alone->value().target == head.target && alone->value().headers == head.headers);

    const QByteArray again = serialized(head);
    const auto reparsed = HttpRequestHeadParser::parse(again, again.size(), maxHeaders);
    FUZZ_CHECK(reparsed && reparsed->ok());
    FUZZ_CHECK(reparsed->value().method == head.method && reparsed->value().target == head.target
               && reparsed->value().headers == head.headers && reparsed->value().size == again.size());

    if (!head.headers.isEmpty())
        FUZZ_CHECK(head.header(head.headers.constFirst().first) == head.headers.constFirst().second);
    if (const auto bearer = head.bearer())
        FUZZ_CHECK(*bearer == bearer->trimmed());
    if (const auto length = head.contentLength())
        FUZZ_CHECK(*length >= 0);
    if (head.isWebSocketUpgrade())
        FUZZ_CHECK(head.header("upgrade") && head.header("connection"));
}

void checkParse(QByteArrayView bytes, qsizetype maxBytes, int maxHeaders)
{
    const auto parsed = HttpRequestHeadParser::parse(bytes, maxBytes, maxHeaders);
    const bool complete = bytes.contains(QByteArrayView("\r\n\r\n"));
    if (!parsed) {
        FUZZ_CHECK(!complete && bytes.size() < maxBytes);
        return;
    }
    if (parsed->ok())
        return checkHead(parsed->value(), bytes, maxBytes, maxHeaders);
    const Api::Error &error = parsed->error();
    FUZZ_CHECK(!error.message.isEmpty());
    const int status = error.details.value(QStringLiteral("status")).toInt();
    FUZZ_CHECK((error.code == Api::ErrorCode::InvalidArgument && status == 400)
               || (error.code == Api::ErrorCode::ResourceExhausted && status == 431));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkParse(bytes, HttpRequestHeadParser::defaultMaxBytes, HttpRequestHeadParser::defaultMaxHeaders);
    // Small limits, so that the 431 paths are reached at fuzzing lengths too.
    checkParse(bytes, 256, 4);
    return 0;
}
