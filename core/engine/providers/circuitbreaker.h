#pragma once

#include <QString>

#include <functional>

namespace QwenSwarm::Engine {

/// When a provider's circuit opens and for how long; a threshold of 0 disables the breaker.
struct CircuitBreakerPolicy
{
    int failureThreshold = 5; ///< Consecutive failed attempts that open the circuit.
    int coolDownMs = 30000; ///< How long an open circuit fails calls fast before it lets a probe through.

    bool operator==(const CircuitBreakerPolicy &) const = default;
};

/// A provider's circuit breaker. Closed: calls go out; `failureThreshold` consecutive failures open
/// it. Open: calls fail fast until `coolDownMs` has passed; then the next call is let through as a
/// probe (half-open) while others still fail fast. The probe's success closes the circuit, its
/// failure opens it again. A threshold of 0 disables the breaker. Time is monotonic microseconds,
/// passed in, so tests drive it without waiting.
class CircuitBreaker
{
public:
    /// Numbered as the metric qwen_swarm_provider_circuit_state reports them.
    enum class State
    {
        Closed = 0,
        HalfOpen = 1,
        Open = 2,
    };

    using Policy = CircuitBreakerPolicy;

    /// Told of every state change, with a sentence for people.
    using Listener = std::function<void(State from, State to, const QString &why)>;

    explicit CircuitBreaker(Policy policy = {}, Listener listener = {});

    State state() const { return m_state; }
    static QString stateName(State state);
    /// Whether a call may go out at `nowUs`; in half-open, true once, for the probe.
    bool allow(qint64 nowUs);
    /// Microseconds until an open circuit lets a probe through (0 when not open).
    qint64 remainingCoolDownUs(qint64 nowUs) const;
    void recordSuccess();
    void recordFailure(qint64 nowUs);
    /// The probe went away without an outcome (cancelled): the next call may probe.
    void probeAbandoned();

private:
    void moveTo(State to, const QString &why);

    Policy m_policy;
    Listener m_listener;
    State m_state = State::Closed;
    int m_consecutiveFailures = 0;
    qint64 m_openedUs = 0;
    bool m_probeOut = false;
};

} // namespace QwenSwarm::Engine
