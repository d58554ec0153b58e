#pragma once

#include "store/sqlitestatement.h"

#include <api/enumnames.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <array>

#include <optional>

namespace QwenSwarm::Engine::SqliteValues {

// How values that are not plain numbers or text are kept in SqliteStore's columns.

/// The wire names of E's values as UTF-8, made once.
template<typename E>
const QByteArray &enumUtf8(E value)
{
    static const auto names = [] {
        std::array<QByteArray, std::tuple_size_v<decltype(Api::EnumNames<E>::names)>> utf8;
        for (std::size_t i = 0; i < utf8.size(); ++i)
            utf8[i] = Api::EnumNames<E>::names[i].toUtf8();
        return utf8;
    }();
    static const QByteArray unknown("?");
    const auto index = static_cast<std::size_t>(value);
    return index < names.size() ? names[index] : unknown;
}

/// An enum as its wire name.
template<typename E>
void bindEnum(SqliteStatement &s, int index, E value)
{
    s.bindConstant(index, enumUtf8(value));
}

template<typename E>
std::optional<E> readEnum(const SqliteStatement &s, int column)
{
    return Api::enumFromName<E>(s.text(column));
}

/// A JSON object as compact text, NULL when empty.
inline void bindObject(SqliteStatement &s, int index, const QJsonObject &object)
{
    if (object.isEmpty())
        s.bindNull(index);
    else
        s.bindUtf8(index, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline QJsonObject readObject(const SqliteStatement &s, int column)
{
    if (s.isNull(column))
        return {};
    return QJsonDocument::fromJson(s.utf8(column)).object();
}

/// An id, NULL when invalid (0).
template<typename IdType>
void bindId(SqliteStatement &s, int index, IdType id)
{
    if (id.isValid())
        s.bind(index, static_cast<qint64>(id.value));
    else
        s.bindNull(index);
}

template<typename IdType>
IdType readId(const SqliteStatement &s, int column)
{
    return IdType(static_cast<quint64>(s.int64(column)));
}

/// Numbers as comma-separated text ("3,4"), '' when there are none.
template<typename T, typename Value>
QString joinNumbers(const QList<T> &items, Value value)
{
    QString text;
    for (const T &item : items) {
        if (!text.isEmpty())
            text += QLatin1Char(',');
        text += QString::number(value(item));
    }
    return text;
}

/// The numbers of joinNumbers(), or nullopt when the text is not such a list.
inline std::optional<QList<qint64>> splitNumbers(const QString &text)
{
    QList<qint64> numbers;
    if (text.isEmpty())
        return numbers;
    for (QStringView part : QStringView(text).split(QLatin1Char(','))) {
        bool ok = false;
        numbers.append(part.toLongLong(&ok));
        if (!ok)
            return std::nullopt;
    }
    return numbers;
}

} // namespace QwenSwarm::Engine::SqliteValues
