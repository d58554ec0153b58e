#pragma once

#include <QtGlobal>

namespace QwenSwarm::Engine {

/// A token bucket refilled continuously at `perMinute` tokens a minute, holding at most one
/// minute's worth (and starting full). Taking more than is there is allowed: the level goes
/// negative and later takers wait longer, so a call whose real cost is only known afterwards can
/// settle it then. A bucket of 0 per minute is unlimited.
class TokenBucket
{
public:
    explicit TokenBucket(double perMinute = 0);

    bool unlimited() const { return m_perMinute <= 0; }
    double perMinute() const { return m_perMinute; }
    /// Microseconds from `nowUs` until `amount` tokens are there (0 = now). An amount beyond the
    /// capacity waits for a full bucket.
    qint64 waitUs(double amount, qint64 nowUs);
    /// Takes `amount` (may leave the level negative).
    void take(double amount, qint64 nowUs);
    /// Puts back (negative: takes) `amount`, e.g. the difference between an estimate and the real cost.
    void adjust(double amount, qint64 nowUs);
    double level(qint64 nowUs);

private:
    void refill(qint64 nowUs);

    double m_perMinute;
    double m_level;
    qint64 m_lastUs = -1;
};

} // namespace QwenSwarm::Engine
