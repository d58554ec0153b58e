#include "scheduler/backoff.h"

#include <algorithm>
#include <cmath>

namespace QwenSwarm::Engine {

int backoffDelayMs(const Api::RetryPolicy &policy, int failedAttempts, double unitRandom)
{
    const int exponent = std::clamp(failedAttempts - 1, 0, 30);
    const double uncapped = static_cast<double>(policy.initialBackoffMs) * std::ldexp(1.0, exponent);
    const double capped = std::min(uncapped, static_cast<double>(policy.maxBackoffMs));
    const double jitter = std::clamp(policy.jitter, 0.0, 1.0) * std::clamp(unitRandom, 0.0, 1.0);
    return static_cast<int>(std::llround(capped * (1.0 - jitter)));
}

} // namespace QwenSwarm::Engine
