#pragma once

#include "api/agent.h"
#include "api/decision.h"
#include "api/task.h"
#include "api/workflow.h"

#include <QList>

#include <variant>

namespace QwenSwarm::Api {

/// Event streams a client can subscribe to.
enum class Topic
{
    Swarms,
    Agents,
    Tasks,
    Decisions,
    Logs,
    Audit,
    Runs,
};

template<>
struct EnumNames<Topic>
{
    static constexpr std::array<QStringView, 7> names {u"swarms", u"agents", u"tasks", u"decisions",
                                                       u"logs",   u"audit",  u"runs"};
};

enum class SwarmChange
{
    Created,
    Updated,
    Removed,
};

template<>
struct EnumNames<SwarmChange>
{
    static constexpr std::array<QStringView, 3> names {u"created", u"updated", u"removed"};
};

struct SwarmEvent
{
    SwarmId swarmId;
    SwarmChange change = SwarmChange::Created;
    QString name;

    bool operator==(const SwarmEvent &) const = default;
};

/// An agent lifecycle transition (spawn is Created -> Idle; removal has `removed` set).
struct AgentEvent
{
    AgentId agentId;
    SwarmId swarmId;
    AgentState from = AgentState::Created;
    AgentState to = AgentState::Created;
    bool removed = false;
    QString cause;

    bool operator==(const AgentEvent &) const = default;
};

/// A task state transition. Acceptance is Queued -> Queued with attempt 0.
struct TaskEvent
{
    TaskId taskId;
    SwarmId swarmId;
    TaskState from = TaskState::Queued;
    TaskState to = TaskState::Queued;
    int attempt = 0;
    QString cause;

    bool operator==(const TaskEvent &) const = default;
};

struct DecisionEvent
{
    DecisionId decisionId;
    TaskId taskId;
    SwarmId swarmId;
    DecisionOutcome outcome = DecisionOutcome::NoDecision;
    QString answer;
    double agreement = 0;

    bool operator==(const DecisionEvent &) const = default;
};

enum class LogLevel
{
    Debug,
    Info,
    Warning,
    Error,
};

template<>
struct EnumNames<LogLevel>
{
    static constexpr std::array<QStringView, 4> names {u"debug", u"info", u"warning", u"error"};
};

struct LogEvent
{
    LogLevel level = LogLevel::Info;
    QString source;
    QString message;

    bool operator==(const LogEvent &) const = default;
};

/// A privileged or denied action.
struct AuditEvent
{
    QString actor;
    QString action;
    QString target;
    bool allowed = true;
    QString detail;

    bool operator==(const AuditEvent &) const = default;
};

/// A workflow run changed state, or one of its steps did (stepId set).
struct RunEvent
{
    RunId runId;
    QString workflow;
    QString stepId; ///< Empty for a change of the run's own state.
    RunState runState = RunState::Running;
    StepState stepState = StepState::Pending; ///< The step's new state (when stepId is set).
    QString cause;

    bool operator==(const RunEvent &) const = default;
};

using EventPayload = std::variant<SwarmEvent, AgentEvent, TaskEvent, DecisionEvent, LogEvent, AuditEvent, RunEvent>;

/// One event. `seq` is assigned by the backend from one increasing sequence shared by all topics, so a
/// client that saw seq N can resume after N.
struct Event
{
    quint64 seq = 0;
    qint64 timeMs = 0;
    EventPayload payload;

    Topic topic() const { return static_cast<Topic>(payload.index()); }
    bool operator==(const Event &) const = default;
};

/// What a subscription watches. Empty lists and invalid ids mean "no restriction".
struct SubscriptionSpec
{
    QList<Topic> topics;
    SwarmId swarmId;
    AgentId agentId;
    TaskId taskId;
    QList<TaskState> taskStates; ///< For the tasks topic: only transitions into these states.
    /// Replay retained events with seq > resumeAfterSeq first. If the backend no longer has them all,
    /// the gap is reported through Backend::eventsDropped before the replay.
    std::optional<quint64> resumeAfterSeq;

    bool operator==(const SubscriptionSpec &) const = default;
};

struct Subscription
{
    SubscriptionId id;
    quint64 headSeq = 0; ///< The newest seq at the moment the subscription started.

    bool operator==(const Subscription &) const = default;
};

} // namespace QwenSwarm::Api
