#pragma once

#include <api/swarm.h>
#include <api/task.h>

namespace QwenSwarm::Engine {

class ProviderRegistry;
class StrategyRegistry;
struct SwarmRuntime;

/// Checks what operators submit before anything changes. Every problem is an InvalidArgument whose
/// message starts with the path of the offending field ("agents[1].limits.max_concurrency: ...").
class SpecValidator
{
public:
    SpecValidator(const ProviderRegistry &providers, const StrategyRegistry &strategies);

    Api::Result<void> agentSpec(const Api::AgentSpec &spec) const;
    Api::Result<void> swarmSpec(const Api::SwarmSpec &spec) const;
    Api::Result<void> strategy(const Api::StrategySpec &spec) const;
    /// `swarm` is the task's swarm (the caller answers NotFound when there is none).
    Api::Result<void> taskSpec(const Api::TaskSpec &spec, const SwarmRuntime &swarm, qint64 nowMs) const;

private:
    const ProviderRegistry &m_providers;
    const StrategyRegistry &m_strategies;
};

} // namespace QwenSwarm::Engine
