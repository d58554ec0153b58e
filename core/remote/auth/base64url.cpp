#include "auth/base64url.h"

#include <array>

namespace QwenSwarm::Remote {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr qint8 invalid = -1;

constexpr std::array<qint8, 256> makeDecodeTable()
{
    std::array<qint8, 256> table {};
    table.fill(invalid);
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<qint8>(i);
    return table;
}

constexpr std::array<qint8, 256> decodeTable = makeDecodeTable();

} // namespace

QByteArray encodeBase64Url(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> decodeBase64Url(QByteArrayView text)
{
    // A last group of one character would carry 6 bits: not a whole byte.
    if (text.size() % 4 == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() / 4 * 3 + 2);
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const qint8 value = decodeTable[static_cast<unsigned char>(c)];
        if (value == invalid)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<quint32>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    // The bits left over pad the last byte: a canonical encoding leaves them zero.
    if ((buffer & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

} // namespace QwenSwarm::Remote
