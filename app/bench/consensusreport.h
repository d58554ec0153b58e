#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace QwenSwarm::Bench {

/// One experiment of the consensus report: what theory expects, what the engine did.
struct Experiment
{
    QString name;
    double expected = 0;
    double measured = 0;
    double tolerance = 0;
    bool pass = false;
    QString note; ///< What the numbers mean.
};

/// Runs the consensus and learning experiments with the simulated provider (fixed seeds):
/// Condorcet accuracy of plurality, learned weighted voting against plurality, Byzantine approval
/// under adversaries, debate against one round, and the adaptive router under two budgets.
/// `scale` multiplies the task counts (1 = the full report).
QList<Experiment> runConsensusReport(double scale, const std::function<void(const Experiment &)> &progress);

} // namespace QwenSwarm::Bench
