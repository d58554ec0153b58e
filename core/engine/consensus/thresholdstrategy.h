#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// Supermajority with a quorum: an answer wins once its share of the valid votes (or of their
/// weight) reaches a threshold, provided enough agents gave a valid vote.
/// Parameters:
///   threshold   the share an answer needs, a number in (0.5, 1], default 2/3. Reaching it exactly
///               is enough (2 of 3 votes pass the default).
///   quorum      valid votes needed to decide at all, integer in [1, 10000], default 1.
///   weighted    false (default): every valid vote counts 1; true: votes count their reputation
///               weight (the engine sets log-odds weights), 0 if not positive, and when no vote has a
///               positive weight every vote counts 1 (see EffectiveWeights).
///   on_fail     what happens when the quorum or the threshold is not reached:
///               "no_decision" (default): NoDecision, reason "quorum_not_met" or "below_threshold";
///               "escalate": NoDecision with Verdict::escalate set, reason "escalated";
///               "another_round": NoDecision with Verdict::anotherRound set (same reasons as
///               no_decision) until max_rounds rounds have run, then a plain NoDecision.
///   max_rounds  rounds a task may take with on_fail "another_round", integer in [1, 10], default 3;
///               maxRounds() is 1 for the other on_fail values.
/// Only the last round's votes count. Abstained, malformed, failed, timed-out and cancelled votes
/// are not counted: they neither count toward the quorum nor add to the whole the share is taken
/// of, and do not dissent. Since the threshold is above one half, two answers can never both reach it.
class ThresholdStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("threshold"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    int maxRounds(const QJsonObject &parameters) const override;
    bool usesReputation(const QJsonObject &parameters) const override;
    QString explain(const Api::Decision &decision) const override;
};

} // namespace QwenSwarm::Engine
