#include "consensus/topology.h"

#include <algorithm>

namespace QwenSwarm::Engine {

using Api::AgentRole;

namespace {

qsizetype hubIndex(const QList<Topology::Member> &members)
{
    const auto coordinator = std::find_if(members.cbegin(), members.cend(),
                                          [](const Topology::Member &m) { return m.role == AgentRole::Coordinator; });
    return coordinator == members.cend() ? 0 : coordinator - members.cbegin();
}

} // namespace

QList<Api::AgentId> Topology::neighbours(Api::Topology topology, const QList<Member> &members, Api::AgentId agent)
{
    const auto self
        = std::find_if(members.cbegin(), members.cend(), [agent](const Member &m) { return m.id == agent; });
    if (self == members.cend())
        return {};
    const qsizetype index = self - members.cbegin();
    const qsizetype n = members.size();
    QList<Api::AgentId> seen;
    auto sees = [&](qsizetype other) {
        if (other != index && !seen.contains(members[other].id))
            seen.append(members[other].id);
    };
    switch (topology) {
    case Api::Topology::Mesh:
        for (qsizetype i = 0; i < n; ++i)
            sees(i);
        break;
    case Api::Topology::Star: {
        const qsizetype hub = hubIndex(members);
        if (index == hub) {
            for (qsizetype i = 0; i < n; ++i)
                sees(i);
        } else {
            sees(hub);
        }
        break;
    }
    case Api::Topology::Hierarchical:
        for (qsizetype i = 0; i < n; ++i) {
            if (self->role == AgentRole::Coordinator || members[i].role == AgentRole::Coordinator
                || members[i].role == self->role)
                sees(i);
        }
        break;
    case Api::Topology::Ring:
        if (n > 1) {
            sees((index + n - 1) % n);
            sees((index + 1) % n);
        }
        break;
    }
    // Keep swarm order whatever the order of discovery.
    std::sort(seen.begin(), seen.end(), [&members](Api::AgentId a, Api::AgentId b) {
        auto pos = [&members](Api::AgentId id) {
            return std::find_if(members.cbegin(), members.cend(), [id](const Member &m) { return m.id == id; })
                - members.cbegin();
        };
        return pos(a) < pos(b);
    });
    return seen;
}

} // namespace QwenSwarm::Engine
