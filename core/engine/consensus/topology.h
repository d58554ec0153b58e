#pragma once

#include <api/swarm.h>

#include <QList>

namespace QwenSwarm::Engine {

/// Who sees whose answers between rounds, by swarm topology. Agents are given in swarm order
/// (creation order) with their roles.
/// - mesh: everyone else;
/// - star: the hub (the first coordinator, else the first agent) sees everyone; the others see the hub;
/// - hierarchical: coordinators see everyone; the others see the coordinators and the agents of
///   their own role;
/// - ring: the previous and the next agent (wrapping around).
class Topology
{
public:
    struct Member
    {
        Api::AgentId id;
        Api::AgentRole role = Api::AgentRole::Worker;
    };

    /// The agents `agent` sees, in swarm order; never itself.
    static QList<Api::AgentId> neighbours(Api::Topology topology, const QList<Member> &members, Api::AgentId agent);
};

} // namespace QwenSwarm::Engine
