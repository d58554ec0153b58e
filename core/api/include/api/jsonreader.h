#pragma once

#include "api/enumnames.h"
#include "api/error.h"
#include "api/ids.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QStringList>
#include <QVarLengthArray>

#include <concepts>
#include <optional>

namespace QwenSwarm::Api {

/// Reads JSON into value types and reports the first problem as an InvalidArgument Error whose
/// message names the path ("agents[2].role: unknown value 'boss' (expected one of ...)") and whose
/// details carry {"path": ...}. Strict readers also reject unknown object members, so a typo in a
/// task definition is an error rather than a silently ignored field; lenient readers skip them
/// (for reading replies of newer peers).
class JsonReader
{
public:
    enum class Mode
    {
        Strict,
        Lenient,
    };

    explicit JsonReader(Mode mode = Mode::Strict)
        : m_mode(mode)
    { }

    Mode mode() const { return m_mode; }
    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

    /// Records `problem` at the current path, unless an earlier problem was recorded.
    void fail(const QString &problem);
    QString path() const;

    /// Extends the path for the lifetime of the scope. A key or an index is kept as it is and only
    /// spelled out if a problem is reported: reading costs no string per member.
    class Scope
    {
    public:
        Scope(JsonReader &reader, QString segment)
            : m_reader(reader)
        {
            m_reader.m_path.append({std::move(segment), {}, -1});
        }
        /// `key` must outlive the scope (a literal, or a view of a string held by the caller).
        Scope(JsonReader &reader, QLatin1StringView key)
            : m_reader(reader)
        {
            m_reader.m_path.append({{}, key, -1});
        }
        /// "[index]"
        Scope(JsonReader &reader, qsizetype index)
            : m_reader(reader)
        {
            m_reader.m_path.append({{}, {}, index});
        }
        ~Scope() { m_reader.m_path.removeLast(); }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        JsonReader &m_reader;
    };

private:
    struct Segment
    {
        QString text;
        QLatin1StringView key;
        qsizetype index = -1;
    };

    Mode m_mode;
    QList<Segment> m_path;
    std::optional<Error> m_error;
};

void readJson(JsonReader &reader, const QJsonValue &json, QString &out);
void readJson(JsonReader &reader, const QJsonValue &json, bool &out);
void readJson(JsonReader &reader, const QJsonValue &json, int &out);
void readJson(JsonReader &reader, const QJsonValue &json, qint64 &out);
void readJson(JsonReader &reader, const QJsonValue &json, quint64 &out);
void readJson(JsonReader &reader, const QJsonValue &json, double &out);
void readJson(JsonReader &reader, const QJsonValue &json, QStringList &out);
void readJson(JsonReader &reader, const QJsonValue &json, QJsonObject &out);

template<typename Tag>
void readJson(JsonReader &reader, const QJsonValue &json, Id<Tag> &out)
{
    quint64 value = 0;
    readJson(reader, json, value);
    out = Id<Tag>(value);
}

template<typename E>
concept NamedEnum = std::is_enum_v<E> && requires
{
    EnumNames<E>::names;
};

template<NamedEnum E>
void readJson(JsonReader &reader, const QJsonValue &json, E &out)
{
    if (!json.isString()) {
        reader.fail(QStringLiteral("expected a string (one of %1)").arg(enumNameList<E>()));
        return;
    }
    const QString name = json.toString();
    if (const auto value = enumFromName<E>(name))
        out = *value;
    else
        reader.fail(QStringLiteral("unknown value '%1' (expected one of %2)").arg(name, enumNameList<E>()));
}

template<typename T>
void readJson(JsonReader &reader, const QJsonValue &json, QList<T> &out)
{
    if (!json.isArray()) {
        reader.fail(QStringLiteral("expected an array"));
        return;
    }
    const QJsonArray array = json.toArray();
    out.clear();
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        JsonReader::Scope scope(reader, i);
        T item {};
        readJson(reader, array.at(i), item);
        out.append(std::move(item));
    }
}

template<typename T>
void readJson(JsonReader &reader, const QJsonValue &json, std::optional<T> &out)
{
    if (json.isNull() || json.isUndefined()) {
        out.reset();
        return;
    }
    T value {};
    readJson(reader, json, value);
    out = std::move(value);
}

/// Reads the members of one JSON object. Call finish() after the last member: a strict reader then
/// reports members nobody asked for.
class JsonObjectReader
{
public:
    JsonObjectReader(JsonReader &reader, const QJsonValue &json);

    bool isObject() const { return m_isObject; }
    bool has(QLatin1StringView key) const { return m_object.contains(key); }

    template<typename T>
    void required(QLatin1StringView key, T &out)
    {
        m_known.append(key);
        if (!m_isObject || !m_reader.ok())
            return;
        const QJsonValue value = m_object.value(key);
        JsonReader::Scope scope(m_reader, key);
        if (value.isUndefined())
            m_reader.fail(QStringLiteral("required"));
        else
            readJson(m_reader, value, out);
    }

    template<typename T>
    void optional(QLatin1StringView key, T &out)
    {
        m_known.append(key);
        if (!m_isObject || !m_reader.ok())
            return;
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return;
        JsonReader::Scope scope(m_reader, key);
        readJson(m_reader, value, out);
    }

    /// An ISO 8601 UTC timestamp ("2026-01-02T03:04:05.678Z") into milliseconds since the epoch;
    /// absent or null leaves 0.
    void optionalTime(QLatin1StringView key, qint64 &outMs);

    void finish();

private:
    JsonReader &m_reader;
    QJsonObject m_object;
    bool m_isObject = false;
    QVarLengthArray<QLatin1StringView, 24> m_known; // the members asked for: no allocation for most objects
};

/// Milliseconds since the epoch as an ISO 8601 UTC string with milliseconds; 0 is null.
QJsonValue timeToJson(qint64 ms);
/// "YYYY-MM-DDTHH:MM:SS.mmmZ" for `ms` (UTC), exactly as QDateTime writes it with Qt::ISODateWithMs,
/// for 1970 up to 9999; empty outside that range (callers fall back to QDateTime). Fast: events
/// carry timestamps, and a server writes them by the hundred thousand.
QString canonicalTime(qint64 ms);
/// Reads exactly that form (1970 up to 9999, valid dates and times); false for anything else, which
/// callers then give to QDateTime.
bool parseCanonicalTime(QStringView text, qint64 &outMs);

template<typename Tag>
QJsonValue toJson(Id<Tag> id)
{
    return QJsonValue(static_cast<qint64>(id.value));
}

template<NamedEnum E>
QJsonValue toJson(E value)
{
    return QJsonValue(enumName(value).toString());
}

template<typename T>
QJsonArray listToJson(const QList<T> &list)
{
    QJsonArray array;
    for (const T &item : list)
        array.append(toJson(item));
    return array;
}

} // namespace QwenSwarm::Api
