#pragma once

#include <api/enumnames.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace pqxx {
class row;
} // namespace pqxx

namespace QwenSwarm::Engine {

// How PostgresStore passes values to its statements and reads them back. Writes pass a column of
// many rows as one array parameter ("{1,2,NULL}", "{\"a\",\"b\"}"), which unnest() turns back into
// rows: one prepared statement and one round trip write any number of rows. Everything travels as
// text; enums are their api wire names, JSON objects compact text (NULL when empty), as in SQLite.

/// A PostgreSQL array literal, built element by element.
class PostgresArray
{
public:
    void add(qint64 value);
    void add(int value) { add(qint64(value)); }
    /// NaN and the infinities as PostgreSQL spells them; other values exactly (shortest round trip).
    void add(double value);
    void add(const QString &text);
    void addUtf8(const QByteArray &utf8);
    /// An enum as its wire name.
    template<typename E>
    void addEnum(E value)
    {
        add(Api::enumName(value).toString());
    }
    /// Compact JSON, NULL when empty.
    void addObject(const QJsonObject &object);
    /// A JSON array of strings, NULL when empty.
    void addStrings(const QStringList &list);
    /// An id, NULL when invalid (0).
    template<typename IdType>
    void addId(IdType id)
    {
        if (id.isValid())
            add(static_cast<qint64>(id.value));
        else
            addNull();
    }
    void addNull();

    /// The literal, closed; the array is empty again afterwards.
    std::string take();

private:
    void separate();

    std::string m_text = "{";
};

/// One array per column of a statement's rows; literals() are its parameters, in column order.
class PostgresColumns
{
public:
    explicit PostgresColumns(int count)
        : m_columns(static_cast<std::size_t>(count))
    { }

    PostgresArray &operator[](int column) { return m_columns[static_cast<std::size_t>(column)]; }
    std::vector<std::string> literals();
    /// Rows added so far (the caller counts them with addRow()).
    int rows() const { return m_rows; }
    void addRow() { ++m_rows; }

private:
    std::vector<PostgresArray> m_columns;
    int m_rows = 0;
};

/// Typed reads of one result row (columns from 0).
class PostgresRow
{
public:
    explicit PostgresRow(const pqxx::row &row)
        : m_row(row)
    { }

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray utf8(int column) const;
    template<typename IdType>
    IdType id(int column) const
    {
        return IdType(static_cast<quint64>(int64(column)));
    }
    template<typename E>
    std::optional<E> enumValue(int column) const
    {
        return Api::enumFromName<E>(text(column));
    }
    /// A JSON object column (NULL = empty).
    QJsonObject object(int column) const;
    /// A JSON array of strings (NULL = empty).
    QStringList strings(int column) const;

private:
    const pqxx::row &m_row;
};

namespace PostgresValues {

/// Numbers as comma-separated text ("3,4"), '' when there are none (SqliteValues' format).
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
std::optional<QList<qint64>> splitNumbers(const QString &text);

} // namespace PostgresValues

} // namespace QwenSwarm::Engine
