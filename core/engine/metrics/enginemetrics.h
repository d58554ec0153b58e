#pragma once

#include "metrics/metricsregistry.h"

#include <api/agent.h>
#include <api/task.h>

#include <QHash>

#include <array>

namespace QwenSwarm::Engine {

/// The engine's named metrics (Prometheus names "qwen_swarm_..."), resolved once so that the hot
/// paths update plain fields.
class EngineMetrics
{
public:
    struct ProviderSeries
    {
        Counter *calls = nullptr;
        Counter *errors = nullptr;
        Histogram *duration = nullptr;
    };

    explicit EngineMetrics(MetricsRegistry &registry);

    MetricsRegistry &registry() { return m_registry; }

    Counter &tasksSubmitted;
    Counter &taskRetries;
    Gauge &queueDepth;
    Histogram &taskDuration;
    Histogram &agreement;
    Counter &promptTokens;
    Counter &completionTokens;
    Counter &costUsd;
    Counter &eventsDropped;

    Counter &tasksFinished(Api::TaskState state) { return *m_finished[static_cast<std::size_t>(state)]; }
    /// Tasks currently in a non-terminal state.
    Gauge &tasksIn(Api::TaskState state) { return *m_tasksIn[static_cast<std::size_t>(state)]; }
    Counter &decisions(bool decided) { return *m_decisions[decided ? 1 : 0]; }
    Gauge &agentsIn(Api::AgentState state) { return *m_agentsIn[static_cast<std::size_t>(state)]; }
    const ProviderSeries &provider(const QString &name);

private:
    MetricsRegistry &m_registry;
    std::array<Counter *, 7> m_finished {};
    std::array<Gauge *, 7> m_tasksIn {};
    std::array<Counter *, 2> m_decisions {};
    std::array<Gauge *, 8> m_agentsIn {};
    QHash<QString, ProviderSeries> m_providers;
};

} // namespace QwenSwarm::Engine
