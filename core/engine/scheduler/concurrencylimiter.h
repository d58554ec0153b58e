#pragma once

#include "scheduler/schedulingkey.h"

#include <map>

namespace QwenSwarm::Engine {

class ConcurrencyLimiter;

/// Something that waits for a slot of a limiter.
class LimiterWaiter
{
public:
    virtual ~LimiterWaiter() = default;
    /// The waiter now holds one slot of `limiter`.
    virtual void slotGranted(ConcurrencyLimiter *limiter) = 0;
};

/// A counting limit with a priority-ordered wait list. A released slot goes straight to the best
/// waiter, so no slot is ever held by nobody while someone waits. Engine thread only.
class ConcurrencyLimiter
{
public:
    explicit ConcurrencyLimiter(int limit = 0);

    /// 0 means unlimited. Raising the limit grants slots to waiters at once.
    void setLimit(int limit);
    int limit() const { return m_limit; }
    int inUse() const { return m_inUse; }
    int peak() const { return m_peak; }
    int waiting() const { return static_cast<int>(m_waiters.size()); }

    bool tryAcquire();
    /// Queues a waiter that slotGranted() will be called on. `key` must be unique in this limiter.
    void wait(const SchedulingKey &key, LimiterWaiter *waiter);
    /// Removes a waiter that no longer wants a slot; false if it was not waiting.
    bool cancelWait(const SchedulingKey &key);
    void release();

private:
    void grantWhilePossible();

    int m_limit = 0;
    int m_inUse = 0;
    int m_peak = 0;
    std::map<SchedulingKey, LimiterWaiter *> m_waiters;
};

} // namespace QwenSwarm::Engine
