#include "api/metrics.h"

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

} // namespace QwenSwarm::Api
