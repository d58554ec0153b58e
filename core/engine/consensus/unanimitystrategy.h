#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// Unanimity (one round): decided only when every valid vote gives the same answer.
/// Parameters:
///   min_votes          valid votes needed to decide at all, integer in [1, 10000], default 1.
///   allow_abstentions  true (default): abstained, malformed, failed, timed-out and cancelled votes
///                      are not counted and do not block; false: any such vote blocks the decision
///                      (NoDecision "not_unanimous"), since the agent did not agree.
/// Outcomes: Decided with agreement 1 and no dissenters; NoDecision "too_few_votes" (no valid vote,
/// or fewer than min_votes; checked first) or "not_unanimous" (the valid votes differ, or an
/// uncounted vote blocks). Uncounted votes never dissent. Vote weights play no part.
class UnanimityStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("unanimity"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    QString explain(const Api::Decision &decision) const override;
};

} // namespace QwenSwarm::Engine
