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
    for (const Segment &segment : m_path) {
        const QString text = segment.index >= 0 ? QLatin1Char('[') + QString::number(segment.index) + QLatin1Char(']')
            : segment.text.isNull()             ? QString(segment.key)
                                                : segment.text;
        if (!joined.isEmpty() && !text.startsWith(QLatin1Char('[')))
            joined += QLatin1Char('.');
        joined += text;
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
    JsonReader::Scope scope(m_reader, key);
    if (value.isString() && parseCanonicalTime(value.toString(), outMs))
        return;
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
    if (QString text = canonicalTime(ms); !text.isEmpty())
        return text;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
namespace {

constexpr qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

struct Civil
{
    int year, month, day;
};

constexpr Civil civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = int(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {int(yoe + era * 400) + (m <= 2 ? 1 : 0), m, d};
}

static_assert(daysFromCivil(1970, 1, 1) == 0 && daysFromCivil(2000, 3, 1) == 11017);
static_assert(civilFromDays(11017).year == 2000 && civilFromDays(11017).month == 3 && civilFromDays(11017).day == 1);

constexpr qint64 msPerDay = 86'400'000;
constexpr qint64 firstCanonicalMs = 0; // 1970-01-01T00:00:00.000Z
constexpr qint64 endCanonicalMs = daysFromCivil(10000, 1, 1) * msPerDay;

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

} // namespace

QString canonicalTime(qint64 ms)
{
    if (ms < firstCanonicalMs || ms >= endCanonicalMs)
        return {};
    const Civil date = civilFromDays(ms / msPerDay);
    qint64 rest = ms % msPerDay;
    const int millis = int(rest % 1000);
    rest /= 1000;
    const int fields[]
        = {date.year, date.month, date.day, int(rest / 3600), int(rest / 60 % 60), int(rest % 60), millis};
    char16_t text[24] = {u'0', u'0', u'0', u'0', u'-', u'0', u'0', u'-', u'0', u'0', u'T', u'0',
                         u'0', u':', u'0', u'0', u':', u'0', u'0', u'.', u'0', u'0', u'0', u'Z'};
    const int ends[] = {4, 7, 10, 13, 16, 19, 23}; // one past each field's last digit
    const int widths[] = {4, 2, 2, 2, 2, 2, 3};
    for (int f = 0; f < 7; ++f) {
        int value = fields[f];
        for (int i = 1; i <= widths[f]; ++i, value /= 10)
            text[ends[f] - i] = char16_t(u'0' + value % 10);
    }
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

bool parseCanonicalTime(QStringView text, qint64 &outMs)
{
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':'
        || text[16] != u':' || text[19] != u'.' || text[23] != u'Z')
        return false;
    const auto number = [&text](int from, int count, int &out) {
        out = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return false;
            out = out * 10 + (c - u'0');
        }
        return true;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day) || !number(11, 2, hour)
        || !number(14, 2, minute) || !number(17, 2, second) || !number(20, 3, millis))
        return false;
    static constexpr int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
        return false;
    if (day > monthDays[month - 1] + (month == 2 && isLeap(year) ? 1 : 0))
        return false;
    outMs = daysFromCivil(year, month, day) * msPerDay + ((hour * 60 + minute) * 60 + second) * 1000LL + millis;
    return true;
}

} // namespace QwenSwarm::Api
