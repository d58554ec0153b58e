#include "providers/chatprotocol.h"

#include <QJsonArray>

#include <cmath>

namespace QwenSwarm::Engine {

namespace {

Api::Error badParameter(const QString &key, const QString &problem)
{
    return Api::makeError(Api::ErrorCode::InvalidArgument, QStringLiteral("parameters.%1: %2").arg(key, problem),
                          {{QStringLiteral("path"), QString(QStringLiteral("parameters.") + key)}});
}

QString checkValue(const ParameterRule &rule, const QJsonValue &value)
{
    switch (rule.kind) {
    case ParameterRule::Kind::Number:
        if (!value.isDouble() || !(value.toDouble() >= rule.min && value.toDouble() <= rule.max))
            return QStringLiteral("expected a number in [%1, %2]").arg(rule.min).arg(rule.max);
        return {};
    case ParameterRule::Kind::Integer: {
        const double v = value.toDouble(std::nan(""));
        if (!value.isDouble() || std::floor(v) != v || !(v >= rule.min && v <= rule.max))
            return QStringLiteral("expected an integer in [%1, %2]").arg(rule.min, 0, 'f', 0).arg(rule.max, 0, 'f', 0);
        return {};
    }
    case ParameterRule::Kind::StringOrList:
        if (value.isString())
            return {};
        if (value.isArray()) {
            const QJsonArray list = value.toArray();
            if (std::all_of(list.begin(), list.end(), [](const QJsonValue &v) { return v.isString(); }))
                return {};
        }
        return QStringLiteral("expected a string or a list of strings");
    }
    return {};
}

} // namespace

Api::Result<void> checkParameters(const QJsonObject &parameters, std::initializer_list<ParameterRule> rules)
{
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it) {
        const QString key = it.key();
        if (key == QLatin1StringView("extra")) {
            if (!it.value().isObject())
                return badParameter(key, QStringLiteral("expected an object (merged into the request body)"));
            continue;
        }
        const auto rule
            = std::find_if(rules.begin(), rules.end(), [&key](const ParameterRule &r) { return key == r.key; });
        if (rule == rules.end())
            return badParameter(key,
                                QStringLiteral("unknown parameter for this provider (put server-specific "
                                               "options under \"extra\")"));
        if (const QString problem = checkValue(*rule, it.value()); !problem.isEmpty())
            return badParameter(key, problem);
    }
    return {};
}

void applyParameters(QJsonObject &body, const QJsonObject &parameters, std::initializer_list<ParameterRule> rules,
                     std::initializer_list<std::pair<QLatin1StringView, QLatin1StringView>> renames)
{
    for (const ParameterRule &rule : rules) {
        const QJsonValue value = parameters.value(rule.key);
        if (value.isUndefined())
            continue;
        QString name = rule.key;
        for (const auto &[from, to] : renames) {
            if (rule.key == from)
                name = to;
        }
        body.insert(name, value);
    }
    const QJsonObject extra = parameters.value(QLatin1StringView("extra")).toObject();
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        body.insert(it.key(), it.value());
}

} // namespace QwenSwarm::Engine
