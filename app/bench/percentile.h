#pragma once

#include <cstddef>

namespace QwenSwarm::Bench {

/// The p-quantile (0..1) of `sorted`, ascending: the element at floor(p * (n - 1)); 0 when empty.
/// Every benchmark that reports p50/p99 of latencies uses this one definition.
template<typename Container>
double percentileOfSorted(const Container &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return static_cast<double>(sorted[index]);
}

} // namespace QwenSwarm::Bench
