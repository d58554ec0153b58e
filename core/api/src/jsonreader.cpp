#include "api/jsonreader.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace QwenSwarm::Api {

void JsonReader::fail(const QString &problem)
{
    if (m_error)
        return;
    const QString where = path();
    Error error;
    error.code = ErrorCode::InvalidArgument;
    error.message = where.isEmpty() ? problem : where + QStringLiteral(": ") + problem;
    error.details.insert(QStringLiteral("path"), where);
    m_error = std::move(error);
}

QString JsonReader::path() const
{
    QString joined;
    for (const QString &segment : m_path) {
        if (!joined.isEmpty() && !segment.startsWith(QLatin1Char('[')))
            joined += QLatin1Char('.');
        joined += segment;
    }
    return joined;
}

void readJson(JsonReader &reader, const QJsonValue &json, QString &out)
{
    if (json.isString())
        out = json.toString();
    else
        reader.fail(QStringLiteral("expected a string"));
}

void readJson(JsonReader &reader, const QJsonValue &json, bool &out)
{
    if (json.isBool())
        out = json.toBool();
    else
        reader.fail(QStringLiteral("expected true or false"));
}

namespace {

// JSON numbers are doubles: integers are accepted when they are whole and within range.
template<typename Int>
void readInteger(JsonReader &reader, const QJsonValue &json, Int &out)
{
    if (!json.isDouble()) {
        reader.fail(QStringLiteral("expected an integer"));
        return;
    }
    const double value = json.toDouble();
    constexpr double maxExact = 9007199254740992.0; // 2^53
    const double lowest = std::max(static_cast<double>(std::numeric_limits<Int>::lowest()), -maxExact);
    const double highest = std::min(static_cast<double>(std::numeric_limits<Int>::max()), maxExact);
    if (std::floor(value) != value || value < lowest || value > highest) {
        reader.fail(QStringLiteral("expected an integer in [%1, %2], got %3")
                        .arg(QString::number(lowest, 'f', 0), QString::number(highest, 'f', 0),
                             QString::number(value, 'g', 17)));
        return;
    }
    out = static_cast<Int>(value);
}

} // namespace

void readJson(JsonReader &reader, const QJsonValue &json, int &out)
{
    readInteger(reader, json, out);
}

void readJson(JsonReader &reader, const QJsonValue &json, qint64 &out)
{
    readInteger(reader, json, out);
}

void readJson(JsonReader &reader, const QJsonValue &json, quint64 &out)
{
    readInteger(reader, json, out);
}

void readJson(JsonReader &reader, const QJsonValue &json, double &out)
{
    if (json.isDouble() && std::isfinite(json.toDouble()))
        out = json.toDouble();
    else
        reader.fail(QStringLiteral("expected a finite number"));
}

void readJson(JsonReader &reader, const QJsonValue &json, QStringList &out)
{
    QList<QString> list;
    readJson<QString>(reader, json, list);
    out = list;
}

void readJson(JsonReader &reader, const QJsonValue &json, QJsonObject &out)
{
    if (json.isObject())
        out = json.toObject();
    else
        reader.fail(QStringLiteral("expected an object"));
}

JsonObjectReader::JsonObjectReader(JsonReader &reader, const QJsonValue &json)
    : m_reader(reader)
    , m_isObject(json.isObject())
{
    if (m_isObject)
        m_object = json.toObject();
    else
        m_reader.fail(QStringLiteral("expected an object"));
}

void JsonObjectReader::optionalTime(QLatin1StringView key, qint64 &outMs)
{
    m_known.append(key);
    if (!m_isObject || !m_reader.ok())
        return;
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return;
    JsonReader::Scope scope(m_reader, QString(key));
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    // Timestamps are UTC: one without a zone designator means UTC, never the reader's local time.
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    if (!value.isString() || !time.isValid()) {
        m_reader.fail(QStringLiteral("expected an ISO 8601 timestamp such as 2026-01-02T03:04:05.678Z"));
        return;
    }
    outMs = time.toMSecsSinceEpoch();
}

void JsonObjectReader::finish()
{
    if (!m_isObject || !m_reader.ok() || m_reader.mode() == JsonReader::Mode::Lenient)
        return;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        const QString key = it.key();
        const bool known = std::any_of(m_known.cbegin(), m_known.cend(), [&](QLatin1StringView k) { return k == key; });
        if (!known) {
            JsonReader::Scope scope(m_reader, it.key());
            m_reader.fail(QStringLiteral("unknown member"));
            return;
        }
    }
}

QJsonValue timeToJson(qint64 ms)
{
    if (ms == 0)
        return QJsonValue(QJsonValue::Null);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace QwenSwarm::Api
