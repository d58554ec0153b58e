#pragma once

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

#include <cmath>
#include <cstring>

namespace QwenSwarm::Engine {

/// Appends compact binary values: unsigned varints, zig-zag signed varints, raw doubles and
/// length-prefixed UTF-8 strings. For records a store encodes and decodes itself.
class BinaryWriter
{
public:
    BinaryWriter() = default;

    void u64(quint64 v)
    {
        while (v >= 0x80) {
            m_bytes.append(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        m_bytes.append(static_cast<char>(v));
    }
    void i64(qint64 v) { u64((static_cast<quint64>(v) << 1) ^ static_cast<quint64>(v >> 63)); }
    void f64(double v)
    {
        char raw[sizeof v];
        std::memcpy(raw, &v, sizeof v);
        m_bytes.append(raw, sizeof v);
    }
    /// A double in one byte when it is 0 or 1 (weights, confidences, zero costs), else in nine.
    void f64Compact(double v)
    {
        if (v == 0 && !std::signbit(v))
            return m_bytes.append('\0'), void();
        if (v == 1)
            return m_bytes.append('\1'), void();
        m_bytes.append('\2');
        f64(v);
    }
    void boolean(bool v) { m_bytes.append(v ? '\1' : '\0'); }
    void bytes(const QByteArray &v)
    {
        u64(static_cast<quint64>(v.size()));
        m_bytes.append(v.constData(), v.size());
    }
    void string(const QString &v)
    {
        // Short ASCII strings (answers, names, reasons) go without a temporary UTF-8 copy.
        const qsizetype n = v.size();
        bool ascii = n <= 64;
        for (qsizetype i = 0; ascii && i < n; ++i)
            ascii = v.at(i).unicode() < 0x80;
        if (!ascii)
            return bytes(v.toUtf8());
        u64(static_cast<quint64>(n));
        for (qsizetype i = 0; i < n; ++i)
            m_bytes.append(static_cast<char>(v.at(i).unicode()));
    }

    /// The bytes written, in one allocation of exactly their size.
    QByteArray take() const { return QByteArray(m_bytes.constData(), m_bytes.size()); }

private:
    QVarLengthArray<char, 512> m_bytes; // records are small: usually no heap until take()
};

/// Reads what BinaryWriter wrote. Reading past the end yields zeros and sets !ok().
class BinaryReader
{
public:
    explicit BinaryReader(const QByteArray &bytes)
        : m_data(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
    { }

    bool ok() const { return m_ok; }

    quint64 u64()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_data == m_end)
                return fail();
            const auto byte = static_cast<unsigned char>(*m_data++);
            v |= static_cast<quint64>(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return v;
        }
        return fail();
    }
    qint64 i64()
    {
        const quint64 z = u64();
        return static_cast<qint64>(z >> 1) ^ -static_cast<qint64>(z & 1);
    }
    double f64()
    {
        double v = 0;
        if (m_end - m_data < static_cast<std::ptrdiff_t>(sizeof v))
            return static_cast<double>(fail());
        std::memcpy(&v, m_data, sizeof v);
        m_data += sizeof v;
        return v;
    }
    double f64Compact()
    {
        switch (u8()) {
        case 0:
            return 0;
        case 1:
            return 1;
        case 2:
            return f64();
        default:
            return static_cast<double>(fail());
        }
    }
    bool boolean() { return u8() != 0; }
    QByteArray bytes()
    {
        const quint64 n = u64();
        if (static_cast<quint64>(m_end - m_data) < n)
            return (fail(), QByteArray());
        QByteArray v(m_data, static_cast<qsizetype>(n));
        m_data += n;
        return v;
    }
    QString string()
    {
        const quint64 n = u64();
        if (static_cast<quint64>(m_end - m_data) < n)
            return (fail(), QString());
        QString v = QString::fromUtf8(m_data, static_cast<qsizetype>(n));
        m_data += n;
        return v;
    }

private:
    quint64 u8()
    {
        if (m_data == m_end)
            return fail();
        return static_cast<unsigned char>(*m_data++);
    }
    quint64 fail()
    {
        m_ok = false;
        m_data = m_end;
        return 0;
    }

    const char *m_data;
    const char *m_end;
    bool m_ok = true;
};

} // namespace QwenSwarm::Engine
