#include "store/postgresvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <pqxx/row>

#include <charconv>
#include <cmath>

namespace QwenSwarm::Engine {

void PostgresArray::separate()
{
    if (m_text.size() > 1)
        m_text += ',';
}

void PostgresArray::add(qint64 value)
{
    separate();
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
    m_text.append(digits, end);
}

void PostgresArray::add(double value)
{
    separate();
    if (std::isnan(value))
        m_text += "NaN";
    else if (std::isinf(value))
        m_text += value > 0 ? "Infinity" : "-Infinity";
    else
        m_text += QByteArray::number(value, 'g', QLocale::FloatingPointShortest).toStdString();
}

void PostgresArray::add(const QString &text)
{
    addUtf8(text.toUtf8());
}

void PostgresArray::addUtf8(const QByteArray &utf8)
{
    separate();
    // Quoted, so that no text reads as NULL or splits at a comma; only '"' and '\' need a backslash.
    m_text += '"';
    for (const char c : utf8) {
        if (c == '"' || c == '\\')
            m_text += '\\';
        m_text += c;
    }
    m_text += '"';
}

void PostgresArray::addObject(const QJsonObject &object)
{
    if (object.isEmpty())
        addNull();
    else
        addUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void PostgresArray::addStrings(const QStringList &list)
{
    if (list.isEmpty())
        addNull();
    else
        addUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

void PostgresArray::addNull()
{
    separate();
    m_text += "NULL";
}

std::string PostgresArray::take()
{
    m_text += '}';
    std::string literal;
    literal.swap(m_text);
    m_text = "{";
    return literal;
}

std::vector<std::string> PostgresColumns::literals()
{
    std::vector<std::string> all;
    all.reserve(m_columns.size());
    for (PostgresArray &column : m_columns)
        all.push_back(column.take());
    m_rows = 0;
    return all;
}

bool PostgresRow::isNull(int column) const
{
    return m_row[column].is_null();
}

qint64 PostgresRow::int64(int column) const
{
    const pqxx::field field = m_row[column];
    qint64 value = 0;
    std::from_chars(field.c_str(), field.c_str() + field.size(), value);
    return value;
}

double PostgresRow::real(int column) const
{
    const pqxx::field field = m_row[column];
    const QByteArray text = QByteArray::fromRawData(field.c_str(), static_cast<qsizetype>(field.size()));
    if (text == "NaN")
        return std::nan("");
    if (text == "Infinity" || text == "-Infinity")
        return text.startsWith('-') ? -HUGE_VAL : HUGE_VAL;
    return text.toDouble();
}

QString PostgresRow::text(int column) const
{
    const pqxx::field field = m_row[column];
    return QString::fromUtf8(field.c_str(), static_cast<qsizetype>(field.size()));
}

QByteArray PostgresRow::utf8(int column) const
{
    const pqxx::field field = m_row[column];
    return QByteArray(field.c_str(), static_cast<qsizetype>(field.size()));
}

QJsonObject PostgresRow::object(int column) const
{
    if (isNull(column))
        return {};
    return QJsonDocument::fromJson(utf8(column)).object();
}

QStringList PostgresRow::strings(int column) const
{
    QStringList list;
    if (!isNull(column)) {
        for (const QJsonValue &value : QJsonDocument::fromJson(utf8(column)).array())
            list.append(value.toString());
    }
    return list;
}

namespace PostgresValues {

std::optional<QList<qint64>> splitNumbers(const QString &text)
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

} // namespace PostgresValues

} // namespace QwenSwarm::Engine
