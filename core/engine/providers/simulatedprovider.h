#pragma once

#include "providers/provider.h"
#include "providers/splitmix.h"
#include "scheduler/timerqueue.h"

#include <QHash>
#include <QObject>

namespace QwenSwarm::Engine {

/// How one simulated agent behaves, from its parameters:
///   mode             "reference" (default): answer the task's reference answer (or a choice derived
///                    from the task) with probability `accuracy`, else a wrong one;
///                    "workload": the standard benchmark rule, for the message "task <t> agent <i>"
///                    answer "A" if (t + i) % 5 != 0, else "B".
///   accuracy         0..1, default 0.8
///   latency_ms       median latency, 0..600000, default 0
///   latency_spread   log-normal sigma of the latency, 0..3, default 0 (fixed latency)
///   failure_rate     probability of a provider error, 0..1, default 0
///   abstain_rate     probability of an empty answer, 0..1, default 0
///   malformed_rate   probability of an unusable answer, 0..1, default 0
///   completion_tokens tokens per answer, 0..100000, default 8
///   price_in_per_mtok / price_out_per_mtok  USD per million tokens, default 0
///   conformity       in a later round, the probability of adopting the majority of the answers it
///                    is shown (else it answers on its own as above), 0..1, default 0
/// Model parameters of real providers (temperature, top_p, max_tokens, seed) are accepted and ignored.
struct SimulatedBehaviour
{
    bool workloadMode = false;
    double accuracy = 0.8;
    double latencyMs = 0;
    double latencySpread = 0;
    double failureRate = 0;
    double abstainRate = 0;
    double malformedRate = 0;
    int completionTokens = 8;
    double priceInPerMTok = 0;
    double priceOutPerMTok = 0;
    double conformity = 0;

    static Api::Result<SimulatedBehaviour> fromParameters(const QJsonObject &parameters);
};

/// A seeded, deterministic provider for demos, tests, offline dry runs and benchmarks: the answer,
/// latency, tokens and failures of a call depend only on the provider's seed, the request's seed key
/// and the agent's parameters, never on timing. Counts what it sees, so tests can check the engine's
/// limits against the concurrency the provider actually observed.
class SimulatedProvider final : public Provider
{
public:
    struct Stats
    {
        quint64 started = 0;
        quint64 completed = 0;
        quint64 failed = 0;
        quint64 cancelled = 0;
        int inFlight = 0;
        int peakInFlight = 0;
        QHash<Api::AgentId, int> peakInFlightPerAgent;
    };

    /// `owner` parents the provider's timer (engine thread).
    SimulatedProvider(QObject *owner, quint64 seed, QString name = QStringLiteral("simulated"));

    QString name() const override { return m_name; }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    void start(const ProviderRequest &request, ProviderSink *sink) override;
    void cancel(quint64 callId) override;

    const Stats &stats() const { return m_stats; }

private:
    struct Pending
    {
        quint64 callId = 0;
        Api::AgentId agentId;
        ProviderSink *sink = nullptr;
        bool failed = false;
        ProviderResponse response;
    };

    const SimulatedBehaviour &behaviourFor(const ProviderRequest &request);
    QString answerFor(const ProviderRequest &request, const SimulatedBehaviour &behaviour, SplitMix64 &rng) const;
    void finish(Pending &&pending);

    QString m_name;
    quint64 m_seed;
    TimerQueue<Pending> m_timers;
    QHash<quint64, Api::AgentId> m_inFlight;
    QHash<Api::AgentId, int> m_inFlightPerAgent;
    struct CachedBehaviour
    {
        quint64 revision = 0;
        SimulatedBehaviour behaviour;
    };
    QHash<Api::AgentId, CachedBehaviour> m_behaviours;
    Stats m_stats;
    const QString m_answerA = QStringLiteral("A");
    const QString m_answerB = QStringLiteral("B");
};

} // namespace QwenSwarm::Engine
