#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// The answer with the most vote weight wins (one round).
/// Parameters:
///   tie_break  "none" (default): a tie is no decision; "first": the tied answer whose first vote
///              arrived earliest; "lexicographic": the smallest tied answer.
///   min_votes  valid votes needed to decide at all, >= 1, default 1.
/// Abstained, malformed, failed, timed-out and cancelled votes are not counted and do not dissent.
class PluralityStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("plurality"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    QString explain(const Api::Decision &decision) const override;
};

} // namespace QwenSwarm::Engine
