#pragma once

#include "providers/tokenbucket.h"
#include "scheduler/timerqueue.h"

#include <deque>
#include <functional>

namespace QwenSwarm::Engine {

/// A provider's requests-per-minute and tokens-per-minute limits (token buckets; 0 = unlimited).
/// A call waits for both, in arrival order, and never fails for them. Engine thread only.
class ProviderRateLimiter
{
public:
    /// `owner` parents the wake-up timer (engine thread) and must outlive the limiter's use.
    ProviderRateLimiter(QObject *owner, double requestsPerMinute, double tokensPerMinute);

    /// Calls `granted` once one request and `tokens` tokens are available: at once (before this
    /// returns) when nobody waits and both buckets allow, else later from the event loop.
    void acquire(quint64 ticket, double tokens, std::function<void()> granted);
    /// Leaves the queue (nothing happens if `ticket` is not waiting).
    void cancel(quint64 ticket);
    /// After a call: the real token count replaces the estimate it took.
    void settle(double estimatedTokens, double actualTokens);
    std::size_t waiting() const { return m_waiting.size(); }

private:
    struct Waiter
    {
        quint64 ticket;
        double tokens;
        std::function<void()> granted;
    };

    void pump();

    TokenBucket m_requests;
    TokenBucket m_tokens;
    std::deque<Waiter> m_waiting;
    TimerQueue<int> m_timer;
    qint64 m_armedForUs = -1;
    bool m_pumping = false;
};

} // namespace QwenSwarm::Engine
