#pragma once

#include <api/json.h>

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace QwenSwarm::Remote {

/// Writes JSON text as QJsonDocument's compact form has it (the same bytes), straight from values,
/// for the texts a server writes by the thousand a second (events, tasks). Appends to a QString:
/// text frames are sent as QString.
namespace JsonText {

/// A JSON string: quotes, backslashes, control characters and halves of surrogate pairs escaped as
/// QJsonDocument escapes them, everything else as it is.
void quoted(QString &out, QStringView text);
/// An integer as QJsonDocument writes one held as an integer.
void integer(QString &out, qint64 value);
/// A double as QJsonDocument writes one held in a QJsonValue (a whole one within 2^53 as an integer,
/// null if not finite).
void number(QString &out, double value);
/// A timestamp as Api::timeToJson() has it: null for 0, else an ISO 8601 UTC string.
void time(QString &out, qint64 ms);
/// Any JSON value (objects and arrays member by member): for members not worth a writer of their
/// own, and for values that are JSON already (variables, details).
void value(QString &out, const QJsonValue &json);
/// The text of any JSON value.
QString of(const QJsonValue &json);

/// A JSON array of `items`, each written by `writeItem(out, item)`.
template<typename List, typename WriteItem>
void array(QString &out, const List &items, WriteItem writeItem)
{
    out += u'[';
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += u',';
        writeItem(out, items[i]);
    }
    out += u']';
}

/// One JSON object, '{' on construction and '}' on destruction; members are written in the order
/// given, which must be key order to match QJsonDocument. required()/optional() take the member
/// lists of the api (see Api::eventPayloadMembers()).
class Object
{
public:
    explicit Object(QString &out)
        : m_out(out)
    {
        m_out += u'{';
    }
    ~Object() { m_out += u'}'; }
    Object(const Object &) = delete;
    Object &operator=(const Object &) = delete;

    /// The key of a member whose value the caller writes next.
    void name(QLatin1StringView key)
    {
        if (!m_empty)
            m_out += u',';
        m_empty = false;
        m_out += u'"';
        m_out += key;
        m_out += QLatin1StringView("\":");
    }

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

    /// A member, left out when `value` is `defaultValue` (what a reader takes an absent member for).
    template<typename T>
    void unlessDefault(QLatin1StringView key, const T &value, const T &defaultValue)
    {
        if (value != defaultValue)
            required(key, value);
    }

    void write(const QString &text) { quoted(m_out, text); }
    void write(bool value) { m_out += value ? QLatin1StringView("true") : QLatin1StringView("false"); }
    void write(int value) { integer(m_out, value); }
    void write(qint64 value) { integer(m_out, value); }
    void write(double value) { number(m_out, value); }
    void write(const QStringList &list)
    {
        array(m_out, list, [](QString &out, const QString &item) { quoted(out, item); });
    }
    void write(const QJsonObject &object) { value(m_out, object); }
    template<typename Tag>
    void write(Api::Id<Tag> id)
    {
        integer(m_out, static_cast<qint64>(id.value)); // as Api::toJson(Id) has it
    }
    template<Api::NamedEnum E>
    void write(E value)
    {
        quoted(m_out, Api::enumName(value));
    }
    /// A member of a type without a writer here, through its api JSON.
    template<typename T>
    void writeJson(const T &value)
    {
        JsonText::value(m_out, Api::toJson(value));
    }
    /// Null when empty, as Api's optionalToJson() has it.
    template<typename T>
    void writeJson(const std::optional<T> &value)
    {
        if (value)
            writeJson(*value);
        else
            m_out += QLatin1StringView("null");
    }

private:
    QString &m_out;
    bool m_empty = true;
};

} // namespace JsonText

} // namespace QwenSwarm::Remote
