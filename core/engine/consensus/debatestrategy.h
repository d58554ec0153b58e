#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// Multi-round debate: in round r > 0 every agent sees the previous round's answers of its
/// neighbours in the swarm topology and may revise. The debate stops as soon as a round's agreement
/// (weight of its leading answer / valid weight) reaches stop_agreement, or after max_rounds; the
/// last round is then decided by plurality.
/// Parameters:
///   max_rounds      1..10, default 3
///   stop_agreement  (0, 1], default 1 (unanimity among valid votes)
///   tie_break       "none" (default) | "first" | "lexicographic", for the final plurality
/// Abstained, malformed, failed, timed-out and cancelled votes neither count nor dissent; a round
/// with no valid vote goes on to the next round while rounds remain.
class DebateStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("debate"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    int maxRounds(const QJsonObject &parameters) const override;
    RoundSpec roundSpec(const QJsonObject &parameters, int index) const override;
    QString explain(const Api::Decision &decision) const override;
};

} // namespace QwenSwarm::Engine
