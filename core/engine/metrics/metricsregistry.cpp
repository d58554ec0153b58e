#include "metrics/metricsregistry.h"

#include <algorithm>

namespace QwenSwarm::Engine {

Histogram::Histogram(std::vector<double> bounds)
    : m_bounds(std::move(bounds))
    , m_counts(m_bounds.size() + 1, 0)
{
    std::sort(m_bounds.begin(), m_bounds.end());
}

void Histogram::observe(double value)
{
    const auto bucket = std::lower_bound(m_bounds.begin(), m_bounds.end(), value) - m_bounds.begin();
    ++m_counts[static_cast<std::size_t>(bucket)];
    ++m_count;
    m_sum += value;
}

std::vector<quint64> Histogram::cumulativeCounts() const
{
    std::vector<quint64> cumulative(m_bounds.size());
    quint64 running = 0;
    for (std::size_t i = 0; i < m_bounds.size(); ++i)
        cumulative[i] = running += m_counts[i];
    return cumulative;
}

double Histogram::quantile(double q) const
{
    if (m_count == 0)
        return 0;
    const double rank = std::clamp(q, 0.0, 1.0) * static_cast<double>(m_count);
    quint64 below = 0;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        if (static_cast<double>(below + m_counts[i]) >= rank && m_counts[i] > 0) {
            if (i == m_bounds.size())
                return m_bounds.empty() ? 0 : m_bounds.back();
            const double lower = i == 0 ? 0 : m_bounds[i - 1];
            const double fraction = (rank - static_cast<double>(below)) / static_cast<double>(m_counts[i]);
            return lower + (m_bounds[i] - lower) * fraction;
        }
        below += m_counts[i];
    }
    return m_bounds.empty() ? 0 : m_bounds.back();
}

MetricsRegistry::Family &MetricsRegistry::family(const QString &name, const QString &help, Api::MetricType type)
{
    Family &f = m_families[name];
    if (f.series.empty()) {
        f.help = help;
        f.type = type;
    }
    Q_ASSERT(f.type == type);
    return f;
}

QString MetricsRegistry::labelKey(const Api::MetricLabels &labels)
{
    QString key;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        key += it.key() + QLatin1Char('\x1f') + it.value() + QLatin1Char('\x1e');
    return key;
}

template<typename T, typename... Args>
T &MetricsRegistry::series(std::deque<T> &store, const QString &name, const QString &help, Api::MetricType type,
                           const Api::MetricLabels &labels, Args &&...args)
{
    Family &f = family(name, help, type);
    auto [it, inserted] = f.series.try_emplace(labelKey(labels), Family::Series {labels, store.size()});
    if (inserted)
        store.emplace_back(std::forward<Args>(args)...);
    return store[it->second.index];
}

Counter &MetricsRegistry::counter(const QString &name, const QString &help, const Api::MetricLabels &labels)
{
    return series(m_counters, name, help, Api::MetricType::Counter, labels);
}

Gauge &MetricsRegistry::gauge(const QString &name, const QString &help, const Api::MetricLabels &labels)
{
    return series(m_gauges, name, help, Api::MetricType::Gauge, labels);
}

Histogram &MetricsRegistry::histogram(const QString &name, const QString &help, const std::vector<double> &bounds,
                                      const Api::MetricLabels &labels)
{
    return series(m_histograms, name, help, Api::MetricType::Histogram, labels, bounds);
}

Api::MetricsSnapshot MetricsRegistry::snapshot(qint64 timeMs) const
{
    Api::MetricsSnapshot snapshot;
    snapshot.timeMs = timeMs;
    for (const auto &[name, f] : m_families) {
        Api::MetricFamily family {name, f.help, f.type, {}};
        for (const auto &[key, series] : f.series) {
            const std::size_t index = series.index;
            Api::MetricSample sample;
            sample.labels = series.labels;
            switch (f.type) {
            case Api::MetricType::Counter:
                sample.value = m_counters[index].value();
                break;
            case Api::MetricType::Gauge:
                sample.value = m_gauges[index].value();
                break;
            case Api::MetricType::Histogram: {
                const Histogram &h = m_histograms[index];
                sample.bucketBounds = QList<double>(h.bounds().begin(), h.bounds().end());
                const auto cumulative = h.cumulativeCounts();
                sample.bucketCounts = QList<quint64>(cumulative.begin(), cumulative.end());
                sample.sum = h.sum();
                sample.count = h.count();
                break;
            }
            }
            family.samples.append(std::move(sample));
        }
        snapshot.families.append(std::move(family));
    }
    return snapshot;
}

std::vector<double> MetricsRegistry::latencyBuckets()
{
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
}

} // namespace QwenSwarm::Engine
