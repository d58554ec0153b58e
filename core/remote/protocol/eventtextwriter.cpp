#include "protocol/eventtextwriter.h"

#include <api/json.h>
#include <api/jsoneventpayload.h>

#include <QLocale>

#include <charconv>
#include <cmath>

namespace QwenSwarm::Remote {

using namespace Qt::Literals::StringLiterals;

namespace {

/// Appends the members it is shown to one JSON object's text.
class ObjectWriter
{
public:
    explicit ObjectWriter(QString &out)
        : m_out(out)
    {
        m_out += u'{';
    }
    ~ObjectWriter() { m_out += u'}'; }
    ObjectWriter(const ObjectWriter &) = delete;
    ObjectWriter &operator=(const ObjectWriter &) = delete;

    template<typename T>
    void required(QLatin1StringView key, const T &value)
    {
        name(key);
        write(value);
    }

    template<typename T>
    void optional(QLatin1StringView key, const T &value)
    {
        required(key, value);
    }

    /// The key of a member whose value the caller writes.
    void name(QLatin1StringView key)
    {
        if (!m_empty)
            m_out += u',';
        m_empty = false;
        m_out += u'"';
        m_out += key;
        m_out += "\":"_L1;
    }

    void write(const QString &text) { quoted(m_out, text); }
    void write(bool value) { m_out += value ? "true"_L1 : "false"_L1; }
    void write(int value) { integer(value); }
    void write(double value)
    {
        // As QJsonDocument writes a double; JSON has no infinities or NaN.
        if (std::isfinite(value))
            m_out += QLatin1StringView(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
        else
            m_out += "null"_L1;
    }
    template<typename Tag>
    void write(Api::Id<Tag> id)
    {
        integer(static_cast<qint64>(id.value)); // as Api::toJson(Id) has it
    }
    template<Api::NamedEnum E>
    void write(E value)
    {
        quoted(m_out, Api::enumName(value));
    }

    void integer(qint64 value)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        m_out += QLatin1StringView(digits, end - digits);
    }

    /// A JSON string: quotes, backslashes, control characters and halves of surrogate pairs escaped
    /// as QJsonDocument escapes them, everything else as it is.
    static void quoted(QString &out, QStringView text)
    {
        out += u'"';
        qsizetype run = 0; // start of the characters not yet appended
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            if (c >= 0x20 && c != u'"' && c != u'\\' && !QChar::isSurrogate(c))
                continue;
            if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                ++i; // a pair: as it is
                continue;
            }
            out += text.sliced(run, i - run);
            run = i + 1;
            switch (c) {
            case u'"':
                out += "\\\""_L1;
                break;
            case u'\\':
                out += "\\\\"_L1;
                break;
            case u'\b':
                out += "\\b"_L1;
                break;
            case u'\f':
                out += "\\f"_L1;
                break;
            case u'\n':
                out += "\\n"_L1;
                break;
            case u'\r':
                out += "\\r"_L1;
                break;
            case u'\t':
                out += "\\t"_L1;
                break;
            default: { // another control character, or half a surrogate pair
                constexpr char hex[] = "0123456789abcdef";
                const char escape[] = {'\\', 'u', hex[c >> 12], hex[(c >> 8) & 0xf], hex[(c >> 4) & 0xf], hex[c & 0xf]};
                out += QLatin1StringView(escape, sizeof escape);
            }
            }
        }
        out += text.sliced(run);
        out += u'"';
    }

private:
    QString &m_out;
    bool m_empty = true;
};

} // namespace

QString writeEventText(const Api::Event &event)
{
    QString out;
    out.reserve(256);
    {
        ObjectWriter object(out);
        object.name("data"_L1);
        std::visit(
            [&out](const auto &payload) {
                ObjectWriter data(out);
                Api::eventPayloadMembers(data, payload);
            },
            event.payload);
        object.name("seq"_L1);
        object.integer(static_cast<qint64>(event.seq));
        object.name("time"_L1);
        if (const QJsonValue time = Api::timeToJson(event.timeMs); time.isString())
            object.write(time.toString());
        else
            out += "null"_L1;
        object.required("topic"_L1, event.topic());
    }
    return out;
}

} // namespace QwenSwarm::Remote
