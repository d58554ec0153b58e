#include "api/metrics.h"

#include <QStringList>

namespace QwenSwarm::Api {

const MetricFamily *MetricsSnapshot::family(QStringView name) const
{
    for (const MetricFamily &f : families) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

std::optional<double> MetricsSnapshot::value(QStringView name, const MetricLabels &labels) const
{
    if (const MetricFamily *f = family(name)) {
        for (const MetricSample &s : f->samples) {
            if (s.labels == labels)
                return f->type == MetricType::Histogram ? static_cast<double>(s.count) : s.value;
        }
    }
    return std::nullopt;
}

double MetricsSnapshot::total(QStringView name) const
{
    double sum = 0;
    if (const MetricFamily *f = family(name)) {
        for (const MetricSample &s : f->samples)
            sum += f->type == MetricType::Histogram ? static_cast<double>(s.count) : s.value;
    }
    return sum;
}

MetricsSnapshot MetricsSnapshot::rolledUp() const
{
    static const QStringList kept {
        QStringLiteral("qwen_swarm_tasks_submitted_total"),
        QStringLiteral("qwen_swarm_tasks_finished_total"),
        QStringLiteral("qwen_swarm_tasks"),
        QStringLiteral("qwen_swarm_queue_depth"),
        QStringLiteral("qwen_swarm_task_duration_seconds"),
        QStringLiteral("qwen_swarm_agent_calls_total"),
        QStringLiteral("qwen_swarm_agent_call_errors_total"),
        QStringLiteral("qwen_swarm_tokens_total"),
        QStringLiteral("qwen_swarm_cost_usd_total"),
        QStringLiteral("qwen_swarm_agents"),
    };
    const QString stateLabel = QStringLiteral("state");
    MetricsSnapshot out;
    out.timeMs = timeMs;
    for (const MetricFamily &f : families) {
        if (!kept.contains(f.name))
            continue;
        QMap<QString, MetricSample> byState;
        for (const MetricSample &sample : f.samples) {
            const QString state = sample.labels.value(stateLabel);
            const bool first = !byState.contains(state);
            MetricSample &sum = byState[state];
            if (first) {
                if (!state.isEmpty())
                    sum.labels.insert(stateLabel, state);
                sum.bucketBounds = sample.bucketBounds;
                sum.bucketCounts = QList<quint64>(sample.bucketCounts.size(), 0);
            }
            sum.value += sample.value;
            sum.sum += sample.sum;
            sum.count += sample.count;
            if (sample.bucketBounds == sum.bucketBounds && sample.bucketCounts.size() == sum.bucketCounts.size()) {
                for (qsizetype i = 0; i < sum.bucketCounts.size(); ++i)
                    sum.bucketCounts[i] += sample.bucketCounts.at(i);
            }
        }
        out.families.append(MetricFamily {f.name, f.help, f.type, byState.values()});
    }
    return out;
}

} // namespace QwenSwarm::Api
