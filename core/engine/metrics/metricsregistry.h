#pragma once

#include <api/metrics.h>

#include <deque>
#include <map>
#include <vector>

namespace QwenSwarm::Engine {

/// A monotonically increasing count.
class Counter
{
public:
    void add(double amount = 1) { m_value += amount; }
    double value() const { return m_value; }

private:
    double m_value = 0;
};

/// A value that goes up and down.
class Gauge
{
public:
    void set(double value) { m_value = value; }
    void add(double amount) { m_value += amount; }
    double value() const { return m_value; }

private:
    double m_value = 0;
};

/// Counts of observations per upper bound, plus their sum (Prometheus histogram semantics).
class Histogram
{
public:
    explicit Histogram(std::vector<double> bounds);
    void observe(double value);
    const std::vector<double> &bounds() const { return m_bounds; }
    /// Cumulative count per bound.
    std::vector<quint64> cumulativeCounts() const;
    quint64 count() const { return m_count; }
    double sum() const { return m_sum; }
    /// The q-quantile estimated from the buckets (linear within a bucket).
    double quantile(double q) const;

private:
    std::vector<double> m_bounds;
    std::vector<quint64> m_counts; // per bucket, not cumulative; last = above all bounds
    quint64 m_count = 0;
    double m_sum = 0;
};

/// Named, labelled metrics of one engine. Series live as long as the registry and never move, so hot
/// paths keep a reference and update it without a lookup. Engine thread only.
class MetricsRegistry
{
public:
    Counter &counter(const QString &name, const QString &help, const Api::MetricLabels &labels = {});
    Gauge &gauge(const QString &name, const QString &help, const Api::MetricLabels &labels = {});
    Histogram &histogram(const QString &name, const QString &help, const std::vector<double> &bounds,
                         const Api::MetricLabels &labels = {});

    Api::MetricsSnapshot snapshot(qint64 timeMs) const;

    /// Seconds-scale buckets from 0.5 ms to 60 s.
    static std::vector<double> latencyBuckets();

private:
    struct Family
    {
        QString help;
        Api::MetricType type = Api::MetricType::Counter;
        struct Series
        {
            Api::MetricLabels labels;
            std::size_t index = 0; // into the deque of the family's type
        };
        std::map<QString, Series> series; // by labelKey()
    };
    static QString labelKey(const Api::MetricLabels &labels);
    template<typename T, typename... Args>
    T &series(std::deque<T> &store, const QString &name, const QString &help, Api::MetricType type,
              const Api::MetricLabels &labels, Args &&...args);
    Family &family(const QString &name, const QString &help, Api::MetricType type);

    std::map<QString, Family> m_families;
    std::deque<Counter> m_counters;
    std::deque<Gauge> m_gauges;
    std::deque<Histogram> m_histograms;
};

} // namespace QwenSwarm::Engine
