#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// Reputation-weighted vote (one round): the answer with the most weight wins, each valid vote
/// weighing what the engine set from its agent's learned reputation (the log-odds log(p / (1 - p)),
/// clamped). A vote with a weight of 0 or less counts 0 (an agent no better than a coin adds
/// nothing) but still dissents when it names another answer; when no valid vote has a positive
/// weight (nothing learned yet) every valid vote counts 1, so a new swarm decides and learns.
/// Parameters:
///   tie_break  "none" (default): a tie of weights is no decision (reason "tie"); "first": the tied
///              answer whose first valid vote arrived earliest; "lexicographic": the smallest tied answer.
///   min_votes  valid votes needed to decide at all (whatever their weight), integer in [1, 10000],
///              default 1.
/// Outcomes: Decided, agreement = the winner's weight / the weight of all valid votes; NoDecision
/// "too_few_votes" or "tie". Abstained, malformed, failed, timed-out and cancelled votes are not
/// counted and do not dissent.
class WeightedStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("weighted"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    bool usesReputation(const QJsonObject &parameters) const override;
    QString explain(const Api::Decision &decision) const override;
};

} // namespace QwenSwarm::Engine
