#pragma once

#include <QList>

namespace QwenSwarm::Ui {

/// Quantiles of a Prometheus-style histogram (cumulative counts per upper bound, `total` for +Inf),
/// estimated as histogram_quantile() does: linear interpolation inside the bucket that holds the rank.
class HistogramQuantile
{
public:
    /// NaN when the histogram is empty; the highest finite bound when the rank falls in +Inf.
    static double quantile(const QList<double> &bounds, const QList<double> &cumulative, double total, double q);
};

} // namespace QwenSwarm::Ui
