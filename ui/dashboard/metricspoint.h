#pragma once

#include <QtGlobal>

#include <array>
#include <cmath>

namespace QwenSwarm::Ui {

/// What the dashboard charts at one moment, derived from two metrics snapshots: rates over the time
/// between them, latency quantiles of the tasks that finished in it, and gauges as they stood.
/// Values that cannot be known (no task finished: no latency) are NaN.
struct MetricsPoint
{
    enum Series
    {
        TasksFinishedPerSecond,
        TasksSubmittedPerSecond,
        LatencyP50Ms,
        LatencyP95Ms,
        LatencyP99Ms,
        CallsPerSecond,
        TokensPerSecond,
        CostPerMinute,
        CallErrorPercent,
        TaskFailurePercent,
        QueueDepth,
        TasksRunning,
        AgentsIdle,
        AgentsBusy,
        AgentsPaused,
        AgentsDraining,
        AgentsDown, ///< stopped, failed or recovering
        SeriesCount,
    };

    qint64 timeMs = 0;
    std::array<double, SeriesCount> values {};

    double operator[](Series s) const { return values[std::size_t(s)]; }
    double &operator[](Series s) { return values[std::size_t(s)]; }
};

} // namespace QwenSwarm::Ui
