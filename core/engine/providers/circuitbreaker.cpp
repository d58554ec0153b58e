#include "providers/circuitbreaker.h"

namespace QwenSwarm::Engine {

CircuitBreaker::CircuitBreaker(Policy policy, Listener listener)
    : m_policy(policy)
    , m_listener(std::move(listener))
{ }

QString CircuitBreaker::stateName(State state)
{
    switch (state) {
    case State::Closed:
        return QStringLiteral("closed");
    case State::HalfOpen:
        return QStringLiteral("half-open");
    case State::Open:
        return QStringLiteral("open");
    }
    return {};
}

bool CircuitBreaker::allow(qint64 nowUs)
{
    switch (m_state) {
    case State::Closed:
        return true;
    case State::Open:
        if (remainingCoolDownUs(nowUs) > 0)
            return false;
        moveTo(State::HalfOpen, QStringLiteral("cool-down of %1 ms over: one probe call").arg(m_policy.coolDownMs));
        m_probeOut = true;
        return true;
    case State::HalfOpen:
        if (m_probeOut)
            return false;
        m_probeOut = true;
        return true;
    }
    return true;
}

qint64 CircuitBreaker::remainingCoolDownUs(qint64 nowUs) const
{
    if (m_state != State::Open)
        return 0;
    return std::max<qint64>(0, m_openedUs + qint64(m_policy.coolDownMs) * 1000 - nowUs);
}

void CircuitBreaker::recordSuccess()
{
    m_consecutiveFailures = 0;
    if (m_state == State::HalfOpen) {
        m_probeOut = false;
        moveTo(State::Closed, QStringLiteral("the probe call succeeded"));
    }
}

void CircuitBreaker::recordFailure(qint64 nowUs)
{
    if (m_policy.failureThreshold <= 0)
        return;
    ++m_consecutiveFailures;
    if (m_state == State::HalfOpen) {
        m_probeOut = false;
        m_openedUs = nowUs;
        moveTo(State::Open, QStringLiteral("the probe call failed; next probe in %1 ms").arg(m_policy.coolDownMs));
    } else if (m_state == State::Closed && m_consecutiveFailures >= m_policy.failureThreshold) {
        m_openedUs = nowUs;
        moveTo(State::Open,
               QStringLiteral("%1 consecutive failures; calls fail fast for %2 ms")
                   .arg(m_consecutiveFailures)
                   .arg(m_policy.coolDownMs));
    }
}

void CircuitBreaker::probeAbandoned()
{
    m_probeOut = false;
}

void CircuitBreaker::moveTo(State to, const QString &why)
{
    const State from = std::exchange(m_state, to);
    if (from != to && m_listener)
        m_listener(from, to, why);
}

} // namespace QwenSwarm::Engine
