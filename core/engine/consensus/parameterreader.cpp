#include "consensus/parameterreader.h"

#include <cmath>

namespace QwenSwarm::Engine {

void ParameterReader::fail(const QString &key, const QString &problem)
{
    if (m_error)
        return;
    const QString path = QStringLiteral("parameters.") + key;
    m_error = Api::makeError(Api::ErrorCode::InvalidArgument, path + QStringLiteral(": ") + problem,
                             {{QStringLiteral("path"), path}});
}

int ParameterReader::integer(const QString &key, int min, int max, int fallback)
{
    m_known.append(key);
    const QJsonValue v = m_parameters.value(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::floor(d) != d || d < min || d > max) {
        fail(key, QStringLiteral("expected an integer in [%1, %2]").arg(min).arg(max));
        return fallback;
    }
    return static_cast<int>(d);
}

double ParameterReader::number(const QString &key, double min, double max, double fallback, bool openMin)
{
    m_known.append(key);
    const QJsonValue v = m_parameters.value(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    const bool aboveMin = openMin ? d > min : d >= min;
    if (!v.isDouble() || !(aboveMin && d <= max)) {
        fail(key, QStringLiteral("expected a number in %1%2, %3]").arg(openMin ? u'(' : u'[').arg(min).arg(max));
        return fallback;
    }
    return d;
}

bool ParameterReader::boolean(const QString &key, bool fallback)
{
    m_known.append(key);
    const QJsonValue v = m_parameters.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool()) {
        fail(key, QStringLiteral("expected true or false"));
        return fallback;
    }
    return v.toBool();
}

QString ParameterReader::choice(const QString &key, const QStringList &allowed, const QString &fallback)
{
    m_known.append(key);
    const QJsonValue v = m_parameters.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isString() || !allowed.contains(v.toString())) {
        fail(key, QStringLiteral("expected one of \"%1\"").arg(allowed.join(QStringLiteral("\", \""))));
        return fallback;
    }
    return v.toString();
}

std::optional<Api::Error> ParameterReader::finish()
{
    for (auto it = m_parameters.constBegin(); it != m_parameters.constEnd(); ++it) {
        if (!m_known.contains(it.key()))
            fail(it.key(), QStringLiteral("unknown parameter"));
    }
    return m_error;
}

} // namespace QwenSwarm::Engine
