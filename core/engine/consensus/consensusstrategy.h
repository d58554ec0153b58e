#pragma once

#include <api/decision.h>
#include <api/error.h>

#include <QJsonObject>

namespace QwenSwarm::Engine {

/// What a strategy concluded from the rounds so far.
struct Verdict
{
    Api::DecisionOutcome outcome = Api::DecisionOutcome::NoDecision;
    QString answer;
    double agreement = 0;
    QList<Api::AgentId> dissenters;
    QString reason; ///< For NoDecision: why (tie, too few votes, ...), machine-friendly.
};

/// A way of reaching a decision from agents' votes. Stateless and shared by all tasks: everything a
/// decision depends on is in its arguments. Votes arrive normalised, with their weights set.
class ConsensusStrategy
{
public:
    virtual ~ConsensusStrategy() = default;
    virtual QString name() const = 0;
    /// InvalidArgument naming the parameter that is unknown or out of range.
    virtual Api::Result<void> validateParameters(const QJsonObject &parameters) const = 0;
    /// Decides from the completed rounds (validated parameters).
    virtual Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const = 0;
    /// How `decision` came out as it did, in plain words computed from its trail.
    virtual QString explain(const Api::Decision &decision) const = 0;
};

} // namespace QwenSwarm::Engine
