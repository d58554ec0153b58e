#pragma once

#include <QList>

#include <utility>

namespace QwenSwarm::Engine {

/// What theory says independent voters achieve on a binary question; used to check the engine
/// against (tests and qwen-swarm-bench --consensus-report).
class VotingTheory
{
public:
    /// P(a strict majority of n independent voters of accuracy p is right): the Condorcet value.
    static double condorcet(int n, double p);
    /// Exact accuracy of plurality and of optimally weighted voting (weights log(p/(1-p))) for
    /// independent voters of these accuracies, by enumerating every pattern of right and wrong
    /// votes (at most 20 voters). Ties count as not right.
    static std::pair<double, double> pluralityAndWeighted(const QList<double> &accuracies);
};

} // namespace QwenSwarm::Engine
