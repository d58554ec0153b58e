#include "scheduler/concurrencylimiter.h"

#include <QtGlobal>

#include <algorithm>

namespace QwenSwarm::Engine {

ConcurrencyLimiter::ConcurrencyLimiter(int limit)
    : m_limit(std::max(0, limit))
{ }

void ConcurrencyLimiter::setLimit(int limit)
{
    m_limit = std::max(0, limit);
    grantWhilePossible();
}

bool ConcurrencyLimiter::tryAcquire()
{
    if (m_limit > 0 && m_inUse >= m_limit)
        return false;
    ++m_inUse;
    m_peak = std::max(m_peak, m_inUse);
    return true;
}

void ConcurrencyLimiter::wait(const SchedulingKey &key, LimiterWaiter *waiter)
{
    m_waiters.emplace(key, waiter);
}

bool ConcurrencyLimiter::cancelWait(const SchedulingKey &key)
{
    return m_waiters.erase(key) > 0;
}

void ConcurrencyLimiter::release()
{
    Q_ASSERT(m_inUse > 0);
    --m_inUse;
    grantWhilePossible();
}

void ConcurrencyLimiter::grantWhilePossible()
{
    while (!m_waiters.empty() && tryAcquire()) {
        auto best = m_waiters.begin();
        LimiterWaiter *waiter = best->second;
        m_waiters.erase(best);
        waiter->slotGranted(this);
    }
}

} // namespace QwenSwarm::Engine
