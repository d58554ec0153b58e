#pragma once

#include "api/enumnames.h"
#include "api/ids.h"
#include "api/learning.h"
#include "api/strategy.h"

#include <QList>
#include <QString>

#include <optional>

namespace QwenSwarm::Api {

/// What became of one agent's vote.
enum class VoteStatus
{
    Valid, ///< Counted.
    Abstained, ///< The agent declined to answer (empty or "abstain"); not counted.
    Malformed, ///< The answer could not be normalised into the expected format; not counted.
    TimedOut, ///< The call did not finish in time; not counted.
    Failed, ///< The provider call failed; not counted.
    Cancelled, ///< The call was cancelled; not counted.
};

template<>
struct EnumNames<VoteStatus>
{
    static constexpr std::array<QStringView, 6> names {u"valid",     u"abstained", u"malformed",
                                                       u"timed_out", u"failed",    u"cancelled"};
};

/// One agent's answer in one round.
struct Vote
{
    AgentId agentId;
    VoteStatus status = VoteStatus::Valid;
    QString rawAnswer;
    QString normalizedAnswer;
    double confidence = 1;
    double weight = 1;
    QString rationale;
    int latencyMs = 0;
    int promptTokens = 0;
    int completionTokens = 0;
    double costUsd = 0;

    bool operator==(const Vote &) const = default;
};

struct Round
{
    int index = 0;
    QList<Vote> votes;

    bool operator==(const Round &) const = default;
};

enum class DecisionOutcome
{
    Decided,
    NoDecision, ///< Tie without a tie-break, too few valid votes, or a threshold not reached.
};

template<>
struct EnumNames<DecisionOutcome>
{
    static constexpr std::array<QStringView, 2> names {u"decided", u"no_decision"};
};

/// The full trail of a consensus: nothing an operator may ask "why" about is thrown away.
struct Decision
{
    DecisionId id;
    TaskId taskId;
    SwarmId swarmId;
    int attempt = 0;
    StrategySpec strategy;
    QList<Round> rounds;
    DecisionOutcome outcome = DecisionOutcome::NoDecision;
    QString answer; ///< The decided (normalised) answer; empty when NoDecision.
    double agreement = 0; ///< Weight of the winning answer / weight of all valid votes.
    QList<AgentId> dissenters; ///< Agents with a valid vote for another answer.
    QString explanation; ///< How the strategy reached the outcome, in plain words.
    qint64 createdMs = 0;
    std::optional<DecisionFeedback> feedback; ///< An operator's verdict, if one was given.

    bool operator==(const Decision &) const = default;
};

} // namespace QwenSwarm::Api
