#include "metrics/enginemetrics.h"

namespace QwenSwarm::Engine {

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

EngineMetrics::EngineMetrics(MetricsRegistry &registry)
    : tasksSubmitted(registry.counter(s("qwen_swarm_tasks_submitted_total"), s("Tasks accepted.")))
    , taskRetries(registry.counter(s("qwen_swarm_task_retries_total"), s("Attempts re-queued after a failure.")))
    , queueDepth(registry.gauge(s("qwen_swarm_queue_depth"),
                                s("Tasks waiting to run (ready, backing off or waiting for agents).")))
    , taskDuration(registry.histogram(s("qwen_swarm_task_duration_seconds"),
                                      s("Time from acceptance to a final state."), MetricsRegistry::latencyBuckets()))
    , agreement(registry.histogram(s("qwen_swarm_decision_agreement"), s("Agreement ratio of decided decisions."),
                                   {0.2, 0.4, 0.5, 0.6, 0.667, 0.75, 0.8, 0.9, 0.99, 1}))
    , promptTokens(registry.counter(s("qwen_swarm_tokens_total"), s("Tokens used by provider calls."),
                                    {{s("kind"), s("prompt")}}))
    , completionTokens(registry.counter(s("qwen_swarm_tokens_total"), s("Tokens used by provider calls."),
                                        {{s("kind"), s("completion")}}))
    , costUsd(registry.counter(s("qwen_swarm_cost_usd_total"), s("Spend of provider calls in US dollars.")))
    , eventsDropped(
          registry.counter(s("qwen_swarm_events_dropped_total"), s("Events not delivered to slow subscribers.")))
    , m_registry(registry)
{
    for (std::size_t i = 0; i < m_finished.size(); ++i) {
        const auto state = static_cast<Api::TaskState>(i);
        const QString name = Api::enumName(state).toString();
        if (Api::isTerminal(state))
            m_finished[i] = &registry.counter(s("qwen_swarm_tasks_finished_total"),
                                              s("Tasks that reached a final state."), {{s("state"), name}});
        else
            m_tasksIn[i]
                = &registry.gauge(s("qwen_swarm_tasks"), s("Unfinished tasks by state."), {{s("state"), name}});
    }
    m_decisions[0] = &registry.counter(s("qwen_swarm_decisions_total"), s("Consensus decisions by outcome."),
                                       {{s("outcome"), s("no_decision")}});
    m_decisions[1] = &registry.counter(s("qwen_swarm_decisions_total"), s("Consensus decisions by outcome."),
                                       {{s("outcome"), s("decided")}});
    for (std::size_t i = 0; i < m_agentsIn.size(); ++i) {
        m_agentsIn[i] = &registry.gauge(s("qwen_swarm_agents"), s("Agents by lifecycle state."),
                                        {{s("state"), Api::enumName(static_cast<Api::AgentState>(i)).toString()}});
    }
}

const EngineMetrics::ProviderSeries &EngineMetrics::provider(const QString &name)
{
    auto it = m_providers.find(name);
    if (it == m_providers.end()) {
        const Api::MetricLabels labels {{s("provider"), name}};
        ProviderSeries series;
        series.calls = &m_registry.counter(s("qwen_swarm_agent_calls_total"), s("Provider calls finished."), labels);
        series.errors
            = &m_registry.counter(s("qwen_swarm_agent_call_errors_total"), s("Provider calls that failed."), labels);
        series.duration = &m_registry.histogram(s("qwen_swarm_agent_call_duration_seconds"),
                                                s("Provider call latency."), MetricsRegistry::latencyBuckets(), labels);
        it = m_providers.insert(name, series);
    }
    return it.value();
}

} // namespace QwenSwarm::Engine
