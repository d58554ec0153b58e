#include "providers/tokenbucket.h"

#include <algorithm>
#include <cmath>

namespace QwenSwarm::Engine {

namespace {

constexpr double usPerMinute = 60e6;

} // namespace

TokenBucket::TokenBucket(double perMinute)
    : m_perMinute(std::max(0.0, perMinute))
    , m_level(m_perMinute)
{ }

void TokenBucket::refill(qint64 nowUs)
{
    if (m_lastUs >= 0 && nowUs > m_lastUs)
        m_level = std::min(m_perMinute, m_level + static_cast<double>(nowUs - m_lastUs) * m_perMinute / usPerMinute);
    if (nowUs > m_lastUs)
        m_lastUs = nowUs;
}

double TokenBucket::level(qint64 nowUs)
{
    refill(nowUs);
    return m_level;
}

qint64 TokenBucket::waitUs(double amount, qint64 nowUs)
{
    if (unlimited())
        return 0;
    refill(nowUs);
    const double needed = std::min(amount, m_perMinute);
    if (m_level >= needed)
        return 0;
    return static_cast<qint64>(std::ceil((needed - m_level) * usPerMinute / m_perMinute));
}

void TokenBucket::take(double amount, qint64 nowUs)
{
    if (unlimited())
        return;
    refill(nowUs);
    m_level -= amount;
}

void TokenBucket::adjust(double amount, qint64 nowUs)
{
    if (unlimited())
        return;
    refill(nowUs);
    m_level = std::min(m_perMinute, m_level + amount);
}

} // namespace QwenSwarm::Engine
