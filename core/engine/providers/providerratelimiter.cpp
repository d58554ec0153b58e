#include "providers/providerratelimiter.h"

namespace QwenSwarm::Engine {

ProviderRateLimiter::ProviderRateLimiter(QObject *owner, double requestsPerMinute, double tokensPerMinute)
    : m_requests(requestsPerMinute)
    , m_tokens(tokensPerMinute)
    , m_timer(owner, [this](int &&) {
        m_armedForUs = -1;
        pump();
    })
{ }

void ProviderRateLimiter::acquire(quint64 ticket, double tokens, std::function<void()> granted)
{
    m_waiting.push_back(Waiter {ticket, tokens, std::move(granted)});
    pump();
}

void ProviderRateLimiter::cancel(quint64 ticket)
{
    const auto it
        = std::find_if(m_waiting.begin(), m_waiting.end(), [ticket](const Waiter &w) { return w.ticket == ticket; });
    if (it == m_waiting.end())
        return;
    const bool wasFirst = it == m_waiting.begin();
    m_waiting.erase(it);
    if (wasFirst)
        pump(); // the next one may fit now
}

void ProviderRateLimiter::settle(double estimatedTokens, double actualTokens)
{
    m_tokens.adjust(estimatedTokens - actualTokens, monotonicUs());
}

void ProviderRateLimiter::pump()
{
    if (m_pumping)
        return; // a grant that acquires or cancels: the loop below carries on
    m_pumping = true;
    while (!m_waiting.empty()) {
        const qint64 now = monotonicUs();
        const Waiter &first = m_waiting.front();
        const qint64 wait = std::max(m_requests.waitUs(1, now), m_tokens.waitUs(first.tokens, now));
        if (wait > 0) {
            const qint64 due = now + wait;
            if (m_armedForUs < 0 || due < m_armedForUs) {
                m_armedForUs = due;
                m_timer.schedule(due, 0);
            }
            break;
        }
        m_requests.take(1, now);
        m_tokens.take(first.tokens, now);
        std::function<void()> granted = std::move(m_waiting.front().granted);
        m_waiting.pop_front();
        granted();
    }
    m_pumping = false;
}

} // namespace QwenSwarm::Engine
