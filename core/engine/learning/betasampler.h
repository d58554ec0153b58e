#pragma once

#include "providers/splitmix.h"

#include <cmath>

namespace QwenSwarm::Engine {

/// Draws from Gamma(shape, 1) (Marsaglia and Tsang) and Beta(alpha, beta) = X / (X + Y) with
/// X ~ Gamma(alpha), Y ~ Gamma(beta), from a seeded generator.
class BetaSampler
{
public:
    static double gamma(double shape, SplitMix64 &rng)
    {
        if (shape < 1) {
            // Gamma(a) = Gamma(a + 1) * U^(1/a)
            const double u = 1.0 - rng.unit();
            return gamma(shape + 1, rng) * std::pow(u, 1.0 / shape);
        }
        const double d = shape - 1.0 / 3.0;
        const double c = 1.0 / std::sqrt(9.0 * d);
        while (true) {
            double x = 0;
            double v = 0;
            do {
                x = rng.normal();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            const double u = 1.0 - rng.unit();
            if (u < 1.0 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
                return d * v;
        }
    }

    static double beta(double alpha, double beta, SplitMix64 &rng)
    {
        const double x = gamma(alpha, rng);
        const double y = gamma(beta, rng);
        return x + y > 0 ? x / (x + y) : 0.5;
    }
};

} // namespace QwenSwarm::Engine
