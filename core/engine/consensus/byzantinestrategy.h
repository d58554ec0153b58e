#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// Byzantine-tolerant approval (one round): with n agents voting and up to f of them faulty
/// (arbitrary, colluding or equivocating), decide only on an answer given by at least 2f+1 agents
/// with valid votes. Faulty agents alone are at most f < 2f+1, so whenever the honest agents do
/// not give a wrong answer, no wrong answer can be decided; with n >= 3f+1 and the honest agents
/// agreeing and all answering validly (n - f >= 2f+1), their answer is decided.
/// Parameters:
///   f  faulty agents tolerated, integer in [0, 3333]; default: the largest f with n >= 3f+1.
/// n is the number of distinct agents with a vote in the round, counted or not (a timed-out agent
/// was asked). Agreement is counted in agents, never in weight: vote weights play no part.
/// Outcomes: Decided, agreement = the winner's agents / the agents whose valid vote counted;
/// dissenters = the agents with a valid vote for another answer. NoDecision "too_few_voters"
/// (n < 3f+1, checked first), "no_quorum" (no answer reached 2f+1) or "tie" (a smaller explicit f
/// let two answers reach 2f+1 with as many agents each).
/// Abstained, malformed, failed, timed-out and cancelled votes count toward n only: they support no
/// answer and do not dissent. An agent with several valid votes in the round that differ has
/// equivocated: it counts toward n but supports no answer.
class ByzantineStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("byzantine"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    QString explain(const Api::Decision &decision) const override;
};

} // namespace QwenSwarm::Engine
