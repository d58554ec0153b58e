#include "dashboard/histogramquantile.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace QwenSwarm::Ui {

double HistogramQuantile::quantile(const QList<double> &bounds, const QList<double> &cumulative, double total, double q)
{
    if (total <= 0 || bounds.isEmpty() || bounds.size() != cumulative.size())
        return std::numeric_limits<double>::quiet_NaN();
    const double rank = std::clamp(q, 0.0, 1.0) * total;
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        if (cumulative.at(i) < rank)
            continue;
        const double lower = i == 0 ? 0.0 : bounds.at(i - 1);
        const double below = i == 0 ? 0.0 : cumulative.at(i - 1);
        const double inBucket = cumulative.at(i) - below;
        if (inBucket <= 0)
            return lower;
        return lower + (bounds.at(i) - lower) * (rank - below) / inBucket;
    }
    return bounds.constLast();
}

} // namespace QwenSwarm::Ui
