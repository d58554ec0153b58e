#pragma once

#include "metrics/enginemetrics.h"
#include "scheduler/concurrencylimiter.h"

#include <api/swarm.h>

#include <memory>
#include <unordered_map>
#include <vector>

namespace QwenSwarm::Engine {

class Provider;

/// An agent and what the engine keeps beside it.
struct AgentRuntime
{
    Api::Agent agent;
    int index = 0; ///< Position in its swarm (creation order), {{agent.index}} in prompts.
    quint64 revision = 1; ///< Bumped when the spec changes.
    const EngineMetrics::ProviderSeries *providerMetrics = nullptr;
    ConcurrencyLimiter limiter;
    double latencyAverageMs = 0; ///< Moving average of its calls' latency (0 until one finishes).
};

struct SwarmRuntime
{
    Api::Swarm swarm;
    std::vector<AgentRuntime *> agents; ///< Creation order.
};

/// The swarms and agents of an engine, by id. Engine thread only; pointers stay valid until removal.
class AgentRegistry
{
public:
    SwarmRuntime *swarm(Api::SwarmId id);
    SwarmRuntime *swarmByName(const QString &name);
    AgentRuntime *agent(Api::AgentId id);
    const std::unordered_map<quint64, std::unique_ptr<SwarmRuntime>> &swarms() const { return m_swarms; }

    Api::SwarmId nextSwarmId() { return Api::SwarmId(++m_lastSwarmId); }
    Api::AgentId nextAgentId() { return Api::AgentId(++m_lastAgentId); }
    void reserveIds(quint64 lastSwarmId, quint64 lastAgentId);

    SwarmRuntime &addSwarm(Api::Swarm swarm);
    AgentRuntime &addAgent(SwarmRuntime &swarm, Api::Agent agent);
    void removeAgent(Api::AgentId id);
    void removeSwarm(Api::SwarmId id);

    QList<Api::Swarm> swarmList() const;
    /// All agents, or one swarm's, ordered by id.
    QList<Api::Agent> agentList(Api::SwarmId swarm) const;

private:
    std::unordered_map<quint64, std::unique_ptr<SwarmRuntime>> m_swarms;
    std::unordered_map<quint64, std::unique_ptr<AgentRuntime>> m_agents;
    quint64 m_lastSwarmId = 0;
    quint64 m_lastAgentId = 0;
};

} // namespace QwenSwarm::Engine
