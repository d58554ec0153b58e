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
    QString reason; ///< For NoDecision: why ("tie", "too_few_votes", "escalated", ...), machine-friendly.
    /// Not decided yet: the engine runs another round (RoundSpec of the next index) and asks again.
    /// Ignored once maxRounds() rounds have run.
    bool anotherRound = false;
    /// Not decided, and no retry either: an operator should look (a threshold's "escalate" outcome).
    bool escalate = false;
};

/// Who answers a round and what they are shown.
struct RoundSpec
{
    enum class Audience
    {
        All, ///< Every agent selected for the task.
        Proposers, ///< The selected agents that are not judges.
        Judges, ///< The selected agents with the judge role.
    };
    Audience audience = Audience::All;
    /// Show each agent its peers' answers of the previous round: its neighbours in the swarm's
    /// topology, or (for Judges) every answer of the previous round.
    bool showPreviousAnswers = false;
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
    /// Decides from the completed rounds (validated parameters), or asks for another round.
    virtual Verdict decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const = 0;
    /// The most rounds a task may take under these parameters. Single-round strategies: 1.
    virtual int maxRounds(const QJsonObject &parameters) const
    {
        Q_UNUSED(parameters);
        return 1;
    }
    /// Round `index` (from 0) of a task.
    virtual RoundSpec roundSpec(const QJsonObject &parameters, int index) const
    {
        Q_UNUSED(parameters);
        Q_UNUSED(index);
        return {};
    }
    /// Whether votes should carry weights from the agents' learned reputations (else every weight is 1).
    virtual bool usesReputation(const QJsonObject &parameters) const
    {
        Q_UNUSED(parameters);
        return false;
    }
    /// How `decision` came out as it did, in plain words computed from its trail.
    virtual QString explain(const Api::Decision &decision) const = 0;
};

} // namespace QwenSwarm::Engine
