#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// Ranked choice by Borda count (one round). Votes are rankings, normalised best first as "B>A>C"
/// (AnswerFormat::Ranking). With m candidates seen across the round's valid rankings, a candidate at
/// position i (0 = best) of a ranking earns m-1-i points from it; a candidate a ranking leaves out
/// earns 0 from it. The candidate with the most points wins, and is the decided answer.
/// Parameters:
///   weighted   false (default): each valid ranking counts once; true: its points are multiplied by
///              the vote's reputation weight, 0 if not positive, and when no vote has a positive
///              weight every ranking counts once (see EffectiveWeights).
///   tie_break  "none" (default): a tie of points is no decision (reason "tie"); "lexicographic":
///              the smallest tied candidate.
///   min_votes  valid votes needed to decide at all, integer in [1, 10000], default 1.
/// Outcomes: Decided, agreement = the winner's points / the most any candidate could have had
/// ((m-1) times the counted weight; 1 when only one candidate was seen); dissenters = the agents
/// whose first choice is not the winner. NoDecision "too_few_votes" or "tie".
/// Abstained, malformed (not a ranking of the task's choices), failed, timed-out and cancelled votes
/// are not counted and do not dissent.
class BordaStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("borda"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    bool usesReputation(const QJsonObject &parameters) const override;
    QString explain(const Api::Decision &decision) const override;
};

} // namespace QwenSwarm::Engine
