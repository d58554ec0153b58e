#pragma once

#include "api/agent.h"
#include "api/strategy.h"

namespace QwenSwarm::Api {

/// Who sees whose answer in multi-round strategies.
enum class Topology
{
    Mesh, ///< Everyone sees everyone.
    Star, ///< The hub (the first coordinator, else the first agent) sees all; the others see the hub.
    Hierarchical, ///< Coordinators see everyone; workers see coordinators and their own role.
    Ring, ///< Each agent sees its two neighbours in creation order.
};

template<>
struct EnumNames<Topology>
{
    static constexpr std::array<QStringView, 4> names {u"mesh", u"star", u"hierarchical", u"ring"};
};

/// What a swarm is when created: its agents are spawned with it.
struct SwarmSpec
{
    QString name; ///< Unique; 1..64 characters.
    Topology topology = Topology::Mesh;
    StrategySpec defaultStrategy;
    QList<AgentSpec> agents;
    MemoryOptions memory; ///< Its shared memory, and the defaults of its agents' (see MemoryOptions).

    bool operator==(const SwarmSpec &) const = default;
};

/// A swarm as the backend reports it.
struct Swarm
{
    SwarmId id;
    QString name;
    Topology topology = Topology::Mesh;
    StrategySpec defaultStrategy;
    QList<AgentId> agentIds; ///< In creation order.
    qint64 createdMs = 0;
    MemoryOptions memory; ///< Its shared memory, and the defaults of its agents'.

    bool operator==(const Swarm &) const = default;
};

} // namespace QwenSwarm::Api
