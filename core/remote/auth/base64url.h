#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace QwenSwarm::Remote {

/// base64url (RFC 4648 section 5) without padding, as JWS and our API keys use it.
QByteArray encodeBase64Url(QByteArrayView data);

/// Strict base64url decoding: only the 64 alphabet characters, no padding, no whitespace, a length that
/// some input encodes to, and zero unused trailing bits (so every byte string has exactly one accepted
/// encoding). Answers nothing for anything else. Pure, thread-safe; the empty input decodes to empty.
std::optional<QByteArray> decodeBase64Url(QByteArrayView text);

} // namespace QwenSwarm::Remote
