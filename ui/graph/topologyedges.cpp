#include "graph/topologyedges.h"

#include <algorithm>

namespace QwenSwarm::Ui {

using Api::AgentRole;

QList<std::pair<int, int>> TopologyEdges::edges(Api::Topology topology, const QList<Member> &members)
{
    const int n = int(members.size());
    QList<std::pair<int, int>> result;
    auto add = [&result](int a, int b) {
        if (a != b)
            result.append({std::min(a, b), std::max(a, b)});
    };
    switch (topology) {
    case Api::Topology::Mesh:
        for (int i = 0; i < n; ++i) {
            for (int j = i + 1; j < n; ++j)
                add(i, j);
        }
        break;
    case Api::Topology::Star: {
        const auto coordinator = std::find_if(members.cbegin(), members.cend(),
                                              [](const Member &m) { return m.role == AgentRole::Coordinator; });
        const int hub = coordinator == members.cend() ? 0 : int(coordinator - members.cbegin());
        for (int i = 0; i < n; ++i)
            add(hub, i);
        break;
    }
    case Api::Topology::Hierarchical:
        for (int i = 0; i < n; ++i) {
            for (int j = i + 1; j < n; ++j) {
                if (members[i].role == AgentRole::Coordinator || members[j].role == AgentRole::Coordinator
                    || members[i].role == members[j].role)
                    add(i, j);
            }
        }
        break;
    case Api::Topology::Ring:
        if (n == 2)
            add(0, 1);
        else if (n > 2) {
            for (int i = 0; i < n; ++i)
                add(i, (i + 1) % n);
        }
        break;
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

} // namespace QwenSwarm::Ui
