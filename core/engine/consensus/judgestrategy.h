#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// Judge / mixture-of-agents: the proposers (the selected agents that are not judges) answer; for
/// `layers` further rounds they see every proposal of the round before and refine; then the judges
/// (selected agents with the judge role) see the last proposals and write the final answer. The
/// decision is the judges' plurality; agreement is the share of the last proposals that match it,
/// and dissenters are the proposers whose last answer differs.
/// Parameters:
///   layers     refinement rounds between the proposals and the judges, 0..5, default 0
///   tie_break  "none" (default) | "first" | "lexicographic", among several judges
/// Without a judge among the selected agents, or without a valid judge vote, there is no decision
/// (reason "no_judge").
class JudgeStrategy final : public ConsensusStrategy
{
public:
    QString name() const override { return QStringLiteral("judge"); }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const override;
    int maxRounds(const QJsonObject &parameters) const override;
    RoundSpec roundSpec(const QJsonObject &parameters, int index) const override;
    QString explain(const Api::Decision &decision) const override;
};

} // namespace QwenSwarm::Engine
