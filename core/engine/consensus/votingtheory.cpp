#include "consensus/votingtheory.h"

#include <cmath>

namespace QwenSwarm::Engine {

double VotingTheory::condorcet(int n, double p)
{
    double total = 0;
    for (int k = n / 2 + 1; k <= n; ++k) {
        const double ways = std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0));
        total += ways * std::pow(p, k) * std::pow(1 - p, n - k);
    }
    return total;
}

std::pair<double, double> VotingTheory::pluralityAndWeighted(const QList<double> &accuracies)
{
    const int n = static_cast<int>(std::min<qsizetype>(accuracies.size(), 20));
    double plurality = 0;
    double weighted = 0;
    for (int mask = 0; mask < (1 << n); ++mask) {
        double probability = 1;
        int right = 0;
        double rightWeight = 0;
        double wrongWeight = 0;
        for (int i = 0; i < n; ++i) {
            const double p = accuracies[i];
            const double w = std::log(p / (1 - p));
            const bool isRight = mask & (1 << i);
            probability *= isRight ? p : 1 - p;
            right += isRight ? 1 : 0;
            (isRight ? rightWeight : wrongWeight) += w;
        }
        plurality += 2 * right > n ? probability : 0;
        weighted += rightWeight > wrongWeight + 1e-12 ? probability : 0;
    }
    return {plurality, weighted};
}

} // namespace QwenSwarm::Engine
