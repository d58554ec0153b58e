#pragma once

#include <QJsonObject>
#include <QString>

namespace QwenSwarm::Api {

/// A consensus strategy by name with its parameters, e.g. {"plurality", {"tie_break": "none"}}.
/// The backend validates both; an unknown name or parameter is an InvalidArgument error.
struct StrategySpec
{
    QString name = QStringLiteral("plurality");
    QJsonObject parameters;

    bool operator==(const StrategySpec &) const = default;
};

} // namespace QwenSwarm::Api
