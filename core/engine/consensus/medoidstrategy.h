#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// Similarity medoid for free text (one round): the valid answer most similar to the others wins.
/// Similarity of two answers: the Jaccard index of their sets of word tokens, |A ∩ B| / |A ∪ B|,
/// where a token is a run of letters and digits, compared case-folded ("Paris, France." has the
/// tokens {paris, france}). It is 1 for answers with the same tokens; two answers without any token
/// are similar (1) only if they are the same text.
/// Each distinct valid answer scores the sum of its similarities to the other valid votes (a vote
/// with the same answer adds 1); the highest score is the medoid, and its text (the normalised
/// answer) is the decided answer.
/// Parameters:
///   min_similarity  a number in [0, 1], default 0.5: valid voters whose answer is less similar than
///                   this to the medoid are the dissenters.
///   tie_break       "none" (default): distinct answers tied for the highest score are no decision
///                   (reason "tie"); "first": the tied answer given earliest; "lexicographic": the
///                   smallest tied answer.
///   min_votes       valid votes needed to decide at all, integer in [1, 10000], default 1.
/// Outcomes: Decided, agreement = the mean similarity of the other valid votes to the medoid (1 for
/// a single vote); NoDecision "too_few_votes" or "tie". Vote weights play no part. Abstained,
/// malformed, failed, timed-out and cancelled votes are not compared, not counted and do not dissent.
class MedoidStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("medoid"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    QString explain(const Api::Decision &decision) const override;

    /// The similarity described above, in [0, 1].
    static double similarity(const QString &a, const QString &b);
};

} // namespace QwenSwarm::Engine
