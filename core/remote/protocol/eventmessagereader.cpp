#include "protocol/eventmessagereader.h"

#include <api/json.h>
#include <api/jsoneventpayload.h>

#include <array>
#include <charconv>

namespace QwenSwarm::Remote {

namespace {

// Every "no" below means "not read here": the general decoder then reads the text (and reports
// what is wrong with it, if anything is).

/// A value that is neither an object nor an array, as it stands in the text.
struct Scalar
{
    enum class Kind
    {
        String,
        Number,
        True,
        False,
        Null,
    };
    Kind kind = Kind::Null;
    QByteArrayView text; ///< String: the bytes between the quotes, escapes as written. Number: the literal.
    bool escaped = false; ///< String: holds at least one escape.
    bool ascii = true; ///< String: every byte is ASCII.
    bool integer = false; ///< Number: no fraction and no exponent.
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

class Parser
{
public:
    explicit Parser(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    { }

    bool take(char c)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }

    /// A member's name and the colon after it. Names of this protocol are ASCII without escapes.
    bool key(QByteArrayView &out)
    {
        Scalar name;
        if (!take('"') || !stringBody(name) || name.escaped || !take(':'))
            return false;
        out = name.text;
        return true;
    }

    /// A string, number, true, false or null (RFC 8259 grammar, nothing more).
    bool scalar(Scalar &out)
    {
        skipSpace();
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '"':
            ++m_p;
            return stringBody(out);
        case 't':
            out.kind = Scalar::Kind::True;
            return literal("true");
        case 'f':
            out.kind = Scalar::Kind::False;
            return literal("false");
        case 'n':
            out.kind = Scalar::Kind::Null;
            return literal("null");
        default:
            return number(out);
        }
    }

private:
    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool literal(QByteArrayView word)
    {
        if (m_end - m_p < word.size() || QByteArrayView(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }

    // After the opening quote. Escapes are only skipped here; decodeString() checks them.
    bool stringBody(Scalar &out)
    {
        const char *start = m_p;
        out.kind = Scalar::Kind::String;
        while (m_p != m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                out.text = QByteArrayView(start, m_p - start);
                ++m_p;
                return out.ascii || out.text.isValidUtf8();
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                out.escaped = true;
                if (++m_p == m_end || static_cast<unsigned char>(*m_p) >= 0x80)
                    return false;
            } else if (c >= 0x80) {
                out.ascii = false;
            }
            ++m_p;
        }
        return false;
    }

    bool digits()
    {
        const char *start = m_p;
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
        return m_p != start;
    }

    bool number(Scalar &out)
    {
        const char *start = m_p;
        out.kind = Scalar::Kind::Number;
        out.integer = true;
        if (*m_p == '-')
            ++m_p;
        if (m_p != m_end && *m_p == '0')
            ++m_p;
        else if (!digits())
            return false;
        if (m_p != m_end && *m_p == '.') {
            out.integer = false;
            ++m_p;
            if (!digits())
                return false;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            out.integer = false;
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (!digits())
                return false;
        }
        out.text = QByteArrayView(start, m_p - start);
        return true;
    }

    const char *m_p;
    const char *m_end;
};

bool hex4(const char *&p, const char *end, char16_t &out)
{
    if (end - p < 4)
        return false;
    out = 0;
    for (int i = 0; i < 4; ++i, ++p) {
        const char c = *p;
        const int digit = isDigit(c) ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                     : -1;
        if (digit < 0)
            return false;
        out = char16_t(out * 16 + digit);
    }
    return true;
}

std::optional<QString> decodeString(const Scalar &s)
{
    if (!s.escaped)
        return s.ascii ? QString::fromLatin1(s.text) : QString::fromUtf8(s.text);
    QString out;
    out.reserve(s.text.size());
    const char *p = s.text.data();
    const char *end = p + s.text.size();
    while (p != end) {
        const char *run = p;
        while (p != end && *p != '\\')
            ++p;
        if (p != run)
            out += QString::fromUtf8(run, p - run);
        if (p == end)
            break;
        ++p; // the backslash; stringBody() saw a character after it
        switch (*p++) {
        case '"':
            out += u'"';
            break;
        case '\\':
            out += u'\\';
            break;
        case '/':
            out += u'/';
            break;
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u': {
            char16_t unit = 0;
            if (!hex4(p, end, unit) || unit == 0 || QChar::isLowSurrogate(unit))
                return std::nullopt;
            out += QChar(unit);
            if (!QChar::isHighSurrogate(unit))
                break;
            char16_t low = 0;
            if (end - p < 2 || p[0] != '\\' || p[1] != 'u')
                return std::nullopt;
            p += 2;
            if (!hex4(p, end, low) || !QChar::isLowSurrogate(low))
                return std::nullopt;
            out += QChar(low);
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return out;
}

// The typed readers of a scalar. Numbers go through the general readers (Api::readJson) with the
// value QJsonDocument would have made of the literal, so that ranges and rounding are theirs.

bool read(const Scalar &v, QString &out)
{
    if (v.kind != Scalar::Kind::String)
        return false;
    std::optional<QString> text = decodeString(v);
    if (!text)
        return false;
    out = std::move(*text);
    return true;
}

bool read(const Scalar &v, bool &out)
{
    if (v.kind != Scalar::Kind::True && v.kind != Scalar::Kind::False)
        return false;
    out = v.kind == Scalar::Kind::True;
    return true;
}

template<Api::NamedEnum E>
bool read(const Scalar &v, E &out)
{
    if (v.kind != Scalar::Kind::String || v.escaped || !v.ascii)
        return false;
    const QLatin1StringView name(v.text.data(), v.text.size());
    const auto &names = Api::EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) {
            out = static_cast<E>(i);
            return true;
        }
    }
    return false;
}

template<typename T>
bool readNumber(const Scalar &v, T &out)
{
    if (v.kind != Scalar::Kind::Number)
        return false;
    const char *begin = v.text.data();
    const char *end = begin + v.text.size();
    QJsonValue json;
    qint64 integer = 0;
    // QJsonDocument keeps an integer literal that fits as qint64, and anything else as a double.
    if (const auto [ptr, ec] = std::from_chars(begin, end, integer); v.integer && ec == std::errc() && ptr == end) {
        json = QJsonValue(integer);
    } else {
        double value = 0;
        const auto [dptr, dec] = std::from_chars(begin, end, value);
        if (dec != std::errc() || dptr != end)
            return false;
        json = QJsonValue(value);
    }
    Api::JsonReader reader;
    Api::readJson(reader, json, out);
    return reader.ok();
}

bool read(const Scalar &v, int &out)
{
    return readNumber(v, out);
}

bool read(const Scalar &v, quint64 &out)
{
    return readNumber(v, out);
}

bool read(const Scalar &v, double &out)
{
    return readNumber(v, out);
}

template<typename Tag>
bool read(const Scalar &v, Api::Id<Tag> &out)
{
    quint64 value = 0;
    if (!readNumber(v, value))
        return false;
    out = Api::Id<Tag>(value);
    return true;
}

/// The members of an event's "data", parsed first (the topic that says what they are may come
/// after them) and then read by name, as Api::eventPayloadMembers() asks for them.
class DataObject
{
public:
    bool parse(Parser &parser)
    {
        if (!parser.take('{'))
            return false;
        if (parser.take('}'))
            return true;
        do {
            if (m_count == qsizetype(m_members.size()))
                return false;
            Member &member = m_members[m_count];
            if (!parser.key(member.key) || !parser.scalar(member.value))
                return false;
            for (qsizetype i = 0; i < m_count; ++i) {
                if (m_members[i].key == member.key)
                    return false; // a duplicate: which one counts is the general decoder's business
            }
            ++m_count;
        } while (parser.take(','));
        return parser.take('}');
    }

    template<typename T>
    void required(QLatin1StringView key, T &out)
    {
        const Scalar *value = find(key);
        if (!value || !read(*value, out))
            m_ok = false;
    }

    template<typename T>
    void optional(QLatin1StringView key, T &out)
    {
        if (const Scalar *value = find(key); value && !read(*value, out))
            m_ok = false;
    }

    /// Whether every member was read, each without a problem.
    bool finish() const { return m_ok && m_read == m_count; }

private:
    struct Member
    {
        QByteArrayView key;
        Scalar value;
    };

    const Scalar *find(QLatin1StringView key)
    {
        for (qsizetype i = 0; i < m_count; ++i) {
            if (m_members[i].key == QByteArrayView(key.data(), key.size())) {
                ++m_read;
                return &m_members[i].value;
            }
        }
        return nullptr;
    }

    // More members than any payload has means a newer peer or a wrong one: not read here.
    std::array<Member, 8> m_members;
    qsizetype m_count = 0;
    qsizetype m_read = 0;
    bool m_ok = true;
};

// The payload alternative with index I (== the topic).
template<std::size_t I = 0>
bool readPayloadAt(std::size_t index, DataObject &data, Api::EventPayload &out)
{
    if constexpr (I < std::variant_size_v<Api::EventPayload>) {
        if (index != I)
            return readPayloadAt<I + 1>(index, data, out);
        std::variant_alternative_t<I, Api::EventPayload> payload;
        Api::eventPayloadMembers(data, payload);
        if (!data.finish())
            return false;
        out = std::move(payload);
        return true;
    } else {
        return false;
    }
}

bool readTime(const Scalar &v, qint64 &outMs)
{
    if (v.kind == Scalar::Kind::Null)
        return true; // no time: 0
    // Only the canonical form; QDateTime's other forms are the general decoder's.
    constexpr qsizetype canonicalSize = 24;
    if (v.kind != Scalar::Kind::String || v.escaped || v.text.size() != canonicalSize)
        return false;
    std::array<char16_t, canonicalSize> text {};
    for (qsizetype i = 0; i < canonicalSize; ++i)
        text[i] = static_cast<unsigned char>(v.text[i]);
    return Api::parseCanonicalTime(QStringView(text.data(), canonicalSize), outMs);
}

bool readEvent(Parser &parser, Api::Event &out)
{
    if (!parser.take('{'))
        return false;
    DataObject data;
    Api::Topic topic = Api::Topic::Swarms;
    bool haveData = false;
    bool haveSeq = false;
    bool haveTime = false;
    bool haveTopic = false;
    do {
        QByteArrayView key;
        Scalar value;
        if (!parser.key(key))
            return false;
        if (key == "data") {
            if (std::exchange(haveData, true) || !data.parse(parser))
                return false;
        } else if (key == "seq") {
            if (std::exchange(haveSeq, true) || !parser.scalar(value) || !read(value, out.seq))
                return false;
        } else if (key == "time") {
            if (std::exchange(haveTime, true) || !parser.scalar(value) || !readTime(value, out.timeMs))
                return false;
        } else if (key == "topic") {
            if (std::exchange(haveTopic, true) || !parser.scalar(value) || !read(value, topic))
                return false;
        } else {
            return false;
        }
    } while (parser.take(','));
    return parser.take('}') && haveData && haveSeq && haveTopic
        && readPayloadAt(static_cast<std::size_t>(topic), data, out.payload);
}

bool readEvents(Parser &parser, QList<Api::Event> &out)
{
    if (!parser.take('['))
        return false;
    if (parser.take(']'))
        return true;
    do {
        Api::Event event;
        if (!readEvent(parser, event))
            return false;
        out.append(std::move(event));
    } while (parser.take(','));
    return parser.take(']');
}

} // namespace

std::optional<EventBatch> readEventMessage(QByteArrayView utf8)
{
    Parser parser(utf8);
    if (!parser.take('{'))
        return std::nullopt;
    EventBatch batch;
    bool haveEvents = false;
    bool haveSubscription = false;
    bool haveType = false;
    do {
        QByteArrayView key;
        Scalar value;
        if (!parser.key(key))
            return std::nullopt;
        if (key == "events") {
            if (std::exchange(haveEvents, true) || !readEvents(parser, batch.events))
                return std::nullopt;
        } else if (key == "subscription") {
            if (std::exchange(haveSubscription, true) || !parser.scalar(value) || !read(value, batch.subscription))
                return std::nullopt;
        } else if (key == "type") {
            if (std::exchange(haveType, true) || !parser.scalar(value) || value.kind != Scalar::Kind::String
                || value.text != "event")
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    } while (parser.take(','));
    if (!parser.take('}') || !parser.atEnd() || !haveEvents || !haveSubscription || !haveType)
        return std::nullopt;
    return batch;
}

} // namespace QwenSwarm::Remote
