#pragma once

#include "api/enumnames.h"
#include "api/ids.h"
#include "api/memory.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace QwenSwarm::Api {

enum class AgentRole
{
    Coordinator,
    Worker,
    Specialist,
    Judge,
    Critic,
};

/// Agent lifecycle. Created agents become Idle; Idle <-> Busy as calls start and finish; Paused takes
/// no new calls; Draining finishes its calls and then stops; Stopped is final until a restart; Failed
/// (with a reason) goes through Recovering back to Idle on restart.
enum class AgentState
{
    Created,
    Idle,
    Busy,
    Paused,
    Draining,
    Stopped,
    Failed,
    Recovering,
};

/// Operator commands on an agent's lifecycle.
enum class AgentCommand
{
    Pause,
    Resume,
    Drain,
    Stop,
    Restart,
};

template<>
struct EnumNames<AgentRole>
{
    static constexpr std::array<QStringView, 5> names {u"coordinator", u"worker", u"specialist", u"judge", u"critic"};
};
template<>
struct EnumNames<AgentState>
{
    static constexpr std::array<QStringView, 8> names {u"created",  u"idle",    u"busy",   u"paused",
                                                       u"draining", u"stopped", u"failed", u"recovering"};
};
template<>
struct EnumNames<AgentCommand>
{
    static constexpr std::array<QStringView, 5> names {u"pause", u"resume", u"drain", u"stop", u"restart"};
};

/// Per-agent limits. 0 means "no limit of its own" (the provider's and the engine's limits still apply).
struct AgentLimits
{
    int maxConcurrency = 4; ///< Calls in flight at once.
    double budgetUsd = 0; ///< Total spend allowed; 0 = unlimited.

    bool operator==(const AgentLimits &) const = default;
};

/// What an agent is: everything an operator configures.
struct AgentSpec
{
    QString name; ///< Unique within its swarm; 1..64 characters.
    AgentRole role = AgentRole::Worker;
    QString provider = QStringLiteral("simulated"); ///< Name of a provider known to the backend.
    QString model; ///< Model name passed to the provider.
    QJsonObject parameters; ///< Provider/model parameters (temperature, simulated accuracy, ...).
    QString systemPrompt;
    QStringList tags; ///< Free labels and capabilities, used by agent selection.
    AgentLimits limits;
    MemoryOptions memory; ///< Its memory: recording, context and budget (off by default).

    bool operator==(const AgentSpec &) const = default;
};

/// Counters an agent accumulates over its life.
struct AgentStats
{
    quint64 calls = 0;
    quint64 errors = 0;
    quint64 promptTokens = 0;
    quint64 completionTokens = 0;
    double costUsd = 0;
    int inFlight = 0;

    bool operator==(const AgentStats &) const = default;
};

/// An agent as the backend reports it.
struct Agent
{
    AgentId id;
    SwarmId swarmId;
    AgentSpec spec;
    AgentState state = AgentState::Created;
    QString stateReason; ///< Why the agent is in its state (the cause of the last transition).
    qint64 stateSinceMs = 0; ///< Milliseconds since the epoch, UTC.
    qint64 createdMs = 0;
    AgentStats stats;

    bool operator==(const Agent &) const = default;
};

} // namespace QwenSwarm::Api
