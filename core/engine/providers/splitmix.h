#pragma once

#include <QtGlobal>

#include <cmath>
#include <numbers>

namespace QwenSwarm::Engine {

/// SplitMix64: a small, fast, well-distributed generator; enough for simulation and jitter, not for
/// secrets. The same seed always gives the same sequence.
class SplitMix64
{
public:
    explicit SplitMix64(quint64 seed)
        : m_state(seed)
    { }

    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Standard normal (Box-Muller).
    double normal()
    {
        const double u1 = 1.0 - unit();
        const double u2 = unit();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    /// Uniform in [0, bound).
    quint64 below(quint64 bound) { return bound ? next() % bound : 0; }

    /// A well-mixed combination of two keys.
    static quint64 mix(quint64 a, quint64 b) { return SplitMix64(a ^ (b * 0x9e3779b97f4a7c15ULL)).next(); }

private:
    quint64 m_state;
};

} // namespace QwenSwarm::Engine
