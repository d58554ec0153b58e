#pragma once

#include "api/error.h"
#include "api/ids.h"
#include "api/strategy.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace QwenSwarm::Api {

/// queued -> running -> deciding -> succeeded | failed | cancelled | timed_out. A failed attempt with
/// attempts left goes back to queued (after its backoff). The last four are terminal.
enum class TaskState
{
    Queued,
    Running,
    Deciding,
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
};

template<>
struct EnumNames<TaskState>
{
    static constexpr std::array<QStringView, 7> names {u"queued", u"running",   u"deciding", u"succeeded",
                                                       u"failed", u"cancelled", u"timed_out"};
};

inline bool isTerminal(TaskState s)
{
    return s == TaskState::Succeeded || s == TaskState::Failed || s == TaskState::Cancelled || s == TaskState::TimedOut;
}

/// The form the answer is expected in; drives normalisation before votes are compared.
enum class AnswerFormat
{
    FreeText,
    Choice, ///< One of TaskSpec::choices.
    Number,
    Ranking, ///< An order of TaskSpec::choices, best first ("B > A > C"); normalised to "B>A>C".
};

template<>
struct EnumNames<AnswerFormat>
{
    static constexpr std::array<QStringView, 4> names {u"free_text", u"choice", u"number", u"ranking"};
};

/// How the agents of a task are chosen among those that qualify.
enum class Routing
{
    All, ///< Every qualifying agent, in creation order, up to maxAgents.
    /// Up to maxAgents chosen by Thompson sampling of their learned reputations, within the task's
    /// cost budget and deadline: explores agents it knows little about, exploits the good ones.
    Adaptive,
};

template<>
struct EnumNames<Routing>
{
    static constexpr std::array<QStringView, 2> names {u"all", u"adaptive"};
};

/// Which of the swarm's agents answer. All conditions combine; empty means "no restriction".
struct AgentSelection
{
    QList<AgentId> agentIds; ///< Only these agents (must belong to the swarm).
    QStringList requiredTags; ///< Only agents that carry every one of these tags.
    int maxAgents = 0; ///< At most this many; 0 = all that qualify.
    Routing routing = Routing::All;

    bool operator==(const AgentSelection &) const = default;
};

/// Task-level retries of a failed attempt (no consensus, all provider calls failed). Provider-level
/// retries of single calls are the provider's own.
struct RetryPolicy
{
    int maxAttempts = 1; ///< 1..20; 1 = no retry.
    int initialBackoffMs = 500; ///< Delay before the second attempt.
    int maxBackoffMs = 8000; ///< Cap of the doubling delay.
    double jitter = 0.2; ///< The delay is scaled by a factor in [1 - jitter, 1].

    bool operator==(const RetryPolicy &) const = default;
};

/// What the operator submits.
struct TaskSpec
{
    SwarmId swarmId;
    QString promptTemplate; ///< Text with {{name}} placeholders; {{agent.name}}, {{agent.index}} per agent.
    QJsonObject variables; ///< Values for the placeholders.
    AnswerFormat answerFormat = AnswerFormat::FreeText;
    QStringList choices; ///< For AnswerFormat::Choice.
    QString referenceAnswer; ///< Known right answer, if any (evaluation and simulation).
    AgentSelection selection;
    std::optional<StrategySpec> strategy; ///< Empty = the swarm's default strategy.
    int priority = 0; ///< Higher runs first; -1000..1000.
    qint64 deadlineMs = 0; ///< Absolute deadline (ms since the epoch, UTC); 0 = none.
    qint64 timeoutMs = 0; ///< Relative to acceptance; 0 = none. The earlier of the two applies.
    double budgetUsd = 0; ///< Maximum spend of all attempts; 0 = unlimited.
    RetryPolicy retry;
    QString idempotencyKey; ///< Re-submitting a key returns the task that already has it.
    QStringList tags;

    bool operator==(const TaskSpec &) const = default;
};

/// A task's final answer, written once.
struct TaskResult
{
    QString answer;
    DecisionId decisionId;
    double agreement = 0;

    bool operator==(const TaskResult &) const = default;
};

/// A task as the backend reports it.
struct Task
{
    TaskId id;
    TaskSpec spec;
    TaskState state = TaskState::Queued;
    int attempt = 0; ///< Attempts started so far.
    QString stateReason;
    qint64 createdMs = 0;
    qint64 startedMs = 0; ///< First attempt's start; 0 while queued.
    qint64 finishedMs = 0; ///< 0 until terminal.
    qint64 effectiveDeadlineMs = 0; ///< The earlier of deadlineMs and acceptance + timeoutMs; 0 = none.
    double costUsd = 0; ///< Spent so far, all attempts.
    std::optional<TaskResult> result; ///< Set when succeeded.
    std::optional<Error> error; ///< Set when failed, cancelled or timed out.

    bool operator==(const Task &) const = default;
};

} // namespace QwenSwarm::Api
