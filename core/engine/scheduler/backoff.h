#pragma once

#include <api/task.h>

namespace QwenSwarm::Engine {

/// Delay before the next attempt after `failedAttempts` failures: initial * 2^(failedAttempts-1),
/// capped at the maximum, then scaled by (1 - jitter * unitRandom) so that retries of many tasks
/// that failed together spread out. `unitRandom` is in [0, 1).
int backoffDelayMs(const Api::RetryPolicy &policy, int failedAttempts, double unitRandom);

} // namespace QwenSwarm::Engine
