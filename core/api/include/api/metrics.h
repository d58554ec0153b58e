#pragma once

#include "api/enumnames.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace QwenSwarm::Api {

enum class MetricType
{
    Counter,
    Gauge,
    Histogram,
};

template<>
struct EnumNames<MetricType>
{
    static constexpr std::array<QStringView, 3> names {u"counter", u"gauge", u"histogram"};
};

using MetricLabels = QMap<QString, QString>;

/// One labelled series. Counters and gauges use `value`; histograms use the bucket fields, with
/// cumulative counts per upper bound as in the Prometheus exposition format (+Inf is `count`).
struct MetricSample
{
    MetricLabels labels;
    double value = 0;
    QList<double> bucketBounds;
    QList<quint64> bucketCounts;
    double sum = 0;
    quint64 count = 0;

    bool operator==(const MetricSample &) const = default;
};

struct MetricFamily
{
    QString name; ///< Prometheus name, "qwen_swarm_..." .
    QString help;
    MetricType type = MetricType::Counter;
    QList<MetricSample> samples;

    bool operator==(const MetricFamily &) const = default;
};

/// A point-in-time copy of every metric of the backend.
struct MetricsSnapshot
{
    qint64 timeMs = 0;
    QList<MetricFamily> families;

    const MetricFamily *family(QStringView name) const;
    /// The value of the counter or gauge `name` with exactly `labels`, if present.
    std::optional<double> value(QStringView name, const MetricLabels &labels = {}) const;
    /// The sum of `name` over all its label sets (0 if absent).
    double total(QStringView name) const;
    /// What a per-minute roll-up keeps: the families the console's charts read (tasks, calls,
    /// errors, tokens, cost, queue, agents, task durations), each summed over every label but
    /// "state". Small whatever the number of agents and providers.
    MetricsSnapshot rolledUp() const;

    bool operator==(const MetricsSnapshot &) const = default;
};

} // namespace QwenSwarm::Api
