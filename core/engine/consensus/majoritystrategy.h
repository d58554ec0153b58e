#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// Absolute majority (one round): an answer wins only with more than half of the valid vote weight.
/// Parameters:
///   min_votes  valid votes needed to decide at all, integer in [1, 10000], default 1.
/// Outcomes: Decided, agreement = the winner's share of the valid weight; NoDecision "too_few_votes"
/// (no valid vote, or fewer than min_votes) or "no_majority" (no answer has more than half, which
/// includes two answers with exactly half each).
/// Abstained, malformed, failed, timed-out and cancelled votes are not counted: they add nothing to
/// the weight an answer must win more than half of, and do not dissent. Votes weigh what the engine
/// set (1 each: this strategy does not ask for reputation weights).
class MajorityStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("majority"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    QString explain(const Api::Decision &decision) const override;
};

} // namespace QwenSwarm::Engine
