#include "agents/agentregistry.h"

#include <algorithm>

namespace QwenSwarm::Engine {

SwarmRuntime *AgentRegistry::swarm(Api::SwarmId id)
{
    const auto it = m_swarms.find(id.value);
    return it == m_swarms.end() ? nullptr : it->second.get();
}

SwarmRuntime *AgentRegistry::swarmByName(const QString &name)
{
    for (auto &[id, s] : m_swarms) {
        if (s->swarm.name == name)
            return s.get();
    }
    return nullptr;
}

AgentRuntime *AgentRegistry::agent(Api::AgentId id)
{
    const auto it = m_agents.find(id.value);
    return it == m_agents.end() ? nullptr : it->second.get();
}

void AgentRegistry::reserveIds(quint64 lastSwarmId, quint64 lastAgentId)
{
    m_lastSwarmId = std::max(m_lastSwarmId, lastSwarmId);
    m_lastAgentId = std::max(m_lastAgentId, lastAgentId);
}

SwarmRuntime &AgentRegistry::addSwarm(Api::Swarm swarm)
{
    auto runtime = std::make_unique<SwarmRuntime>();
    runtime->swarm = std::move(swarm);
    SwarmRuntime &ref = *runtime;
    m_swarms.emplace(ref.swarm.id.value, std::move(runtime));
    return ref;
}

AgentRuntime &AgentRegistry::addAgent(SwarmRuntime &swarm, Api::Agent agent)
{
    auto runtime = std::make_unique<AgentRuntime>();
    runtime->agent = std::move(agent);
    runtime->agent.swarmId = swarm.swarm.id;
    runtime->index = static_cast<int>(swarm.agents.size());
    runtime->limiter.setLimit(runtime->agent.spec.limits.maxConcurrency);
    AgentRuntime &ref = *runtime;
    swarm.agents.push_back(&ref);
    swarm.swarm.agentIds.append(ref.agent.id);
    m_agents.emplace(ref.agent.id.value, std::move(runtime));
    return ref;
}

void AgentRegistry::removeAgent(Api::AgentId id)
{
    AgentRuntime *runtime = agent(id);
    if (!runtime)
        return;
    if (SwarmRuntime *owner = swarm(runtime->agent.swarmId)) {
        std::erase(owner->agents, runtime);
        owner->swarm.agentIds.removeAll(id);
        // Indexes follow the order of the remaining agents.
        for (std::size_t i = 0; i < owner->agents.size(); ++i)
            owner->agents[i]->index = static_cast<int>(i);
    }
    m_agents.erase(id.value);
}

void AgentRegistry::removeSwarm(Api::SwarmId id)
{
    SwarmRuntime *runtime = swarm(id);
    if (!runtime)
        return;
    for (AgentRuntime *a : std::vector<AgentRuntime *>(runtime->agents))
        m_agents.erase(a->agent.id.value);
    m_swarms.erase(id.value);
}

QList<Api::Swarm> AgentRegistry::swarmList() const
{
    QList<Api::Swarm> list;
    for (const auto &[id, s] : m_swarms)
        list.append(s->swarm);
    std::sort(list.begin(), list.end(), [](const Api::Swarm &a, const Api::Swarm &b) { return a.id < b.id; });
    return list;
}

QList<Api::Agent> AgentRegistry::agentList(Api::SwarmId swarm) const
{
    QList<Api::Agent> list;
    for (const auto &[id, a] : m_agents) {
        if (!swarm.isValid() || a->agent.swarmId == swarm)
            list.append(a->agent);
    }
    std::sort(list.begin(), list.end(), [](const Api::Agent &a, const Api::Agent &b) { return a.id < b.id; });
    return list;
}

} // namespace QwenSwarm::Engine
