#pragma once

#include <api/swarm.h>

#include <QList>

#include <utility>

namespace QwenSwarm::Ui {

/// Who sees whose answer in a swarm, as undirected edges between agents: the same rules the core
/// applies to multi-round strategies (mesh: all pairs; star: the hub, i.e. the first coordinator or
/// else the first agent, to everyone; hierarchical: coordinators to everyone, and agents of one role
/// among themselves; ring: neighbours in creation order).
class TopologyEdges
{
public:
    struct Member
    {
        Api::AgentId id;
        Api::AgentRole role = Api::AgentRole::Worker;
    };

    /// Index pairs (i < j) into `members`, each pair once, in a fixed order.
    static QList<std::pair<int, int>> edges(Api::Topology topology, const QList<Member> &members);
};

} // namespace QwenSwarm::Ui
