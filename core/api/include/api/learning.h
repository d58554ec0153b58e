#pragma once

#include "api/enumnames.h"
#include "api/ids.h"
#include "api/page.h"

#include <QList>
#include <QString>

namespace QwenSwarm::Api {

/// What the system believes about how often an agent is right: a Beta(alpha, beta) posterior, overall
/// (empty tag) or for tasks carrying one tag. Starts at Beta(1, 1), "no idea".
struct Reputation
{
    AgentId agentId;
    QString tag; ///< Empty = over all tasks.
    double alpha = 1;
    double beta = 1;
    quint64 updates = 0; ///< Decisions and feedback that moved it.
    qint64 updatedMs = 0;

    /// The posterior mean: the expected probability that the agent is right.
    double mean() const { return alpha / (alpha + beta); }
    bool operator==(const Reputation &) const = default;
};

enum class ReputationCause
{
    Agreement, ///< The agent's vote agreed (or not) with a decided outcome.
    Feedback, ///< An operator said a decision was right or wrong.
    Import, ///< Learned state was imported.
};

template<>
struct EnumNames<ReputationCause>
{
    static constexpr std::array<QStringView, 3> names {u"agreement", u"feedback", u"import"};
};

/// One step of a reputation's history: its value after a change, and why it changed.
struct ReputationPoint
{
    AgentId agentId;
    QString tag;
    double alpha = 1;
    double beta = 1;
    ReputationCause cause = ReputationCause::Agreement;
    DecisionId decisionId; ///< The decision that caused it, if any.
    qint64 timeMs = 0;

    bool operator==(const ReputationPoint &) const = default;
};

/// An operator's verdict on a decision. It outweighs agreement: the agreement update the decision
/// made is taken back and replaced by a stronger one in the direction the operator gave.
struct DecisionFeedback
{
    bool correct = true;
    QString correctAnswer; ///< When wrong: the right answer, if the operator knows it.
    QString note;
    QString actor; ///< Who gave it (filled in by the backend).
    qint64 timeMs = 0; ///< When (filled in by the backend).

    bool operator==(const DecisionFeedback &) const = default;
};

struct ReputationQuery
{
    AgentId agentId; ///< Invalid = every agent.
    QString tag; ///< Only this tag ("" = the overall reputation).
    qint64 fromMs = 0;
    qint64 toMs = 0;
    PageRequest page;

    bool operator==(const ReputationQuery &) const = default;
};

/// Everything learned, versioned, for export and import.
struct LearningState
{
    int version = 1;
    QList<Reputation> reputations;

    bool operator==(const LearningState &) const = default;
};

} // namespace QwenSwarm::Api
