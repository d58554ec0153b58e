#include "protocol/jsontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QVariant>

#include <charconv>
#include <cmath>

namespace QwenSwarm::Remote::JsonText {

using namespace Qt::Literals::StringLiterals;

void quoted(QString &out, QStringView text)
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

void integer(QString &out, qint64 value)
{
    char digits[24];
    const char *end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out += QLatin1StringView(digits, end - digits);
}

void number(QString &out, double value)
{
    // QJsonValue keeps a whole double within 2^53 as an integer, and QJsonDocument writes it so.
    constexpr double maxExact = 9007199254740992.0; // 2^53
    if (std::isfinite(value) && std::trunc(value) == value && std::abs(value) <= maxExact)
        return integer(out, static_cast<qint64>(value));
    // JSON has no infinities or NaN; QJsonDocument writes null for them.
    if (std::isfinite(value))
        out += QLatin1StringView(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
    else
        out += "null"_L1;
}

void time(QString &out, qint64 ms)
{
    if (const QJsonValue text = Api::timeToJson(ms); text.isString())
        quoted(out, text.toString());
    else
        out += "null"_L1;
}

void value(QString &out, const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null"_L1;
        return;
    case QJsonValue::Bool:
        out += json.toBool() ? "true"_L1 : "false"_L1;
        return;
    case QJsonValue::String:
        quoted(out, json.toString());
        return;
    case QJsonValue::Object: {
        // QJsonObject keeps its keys in order: as QJsonDocument writes them.
        const QJsonObject object = json.toObject();
        out += u'{';
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it != object.constBegin())
                out += u',';
            quoted(out, it.key());
            out += u':';
            value(out, it.value());
        }
        out += u'}';
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = json.toArray();
        out += u'[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += u',';
            value(out, array.at(i));
        }
        out += u']';
        return;
    }
    case QJsonValue::Double:
        // An integer or a double, as the value holds it: QJsonDocument writes each its own way.
        if (const QVariant held = json.toVariant(); held.typeId() == QMetaType::LongLong)
            integer(out, held.toLongLong());
        else
            number(out, json.toDouble());
        return;
    }
}

QString of(const QJsonValue &json)
{
    QString out;
    value(out, json);
    return out;
}

} // namespace QwenSwarm::Remote::JsonText
