#pragma once

#include "providers/chatattempt.h"
#include "providers/circuitbreaker.h"
#include "providers/provider.h"
#include "providers/providerconfig.h"
#include "providers/providerratelimiter.h"
#include "providers/providerservices.h"
#include "providers/splitmix.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace QwenSwarm::Engine {

class Counter;
class Gauge;

/// A provider reached over HTTP through a ChatProtocol (OpenAiProvider, AnthropicProvider). One call
/// of the engine is one call here, whatever happens inside it:
/// 1. the circuit breaker lets it through (else it fails fast: ProviderError, type "circuit_open",
///    retriable);
/// 2. it waits for the requests-per-minute and tokens-per-minute buckets (the estimate: prompt
///    characters / 4 plus max_tokens or 256; settled with the real usage afterwards);
/// 3. it sends; a streamed answer's text goes to the sink as it comes (a retried attempt streams anew);
/// 4. a retriable fault (ProviderFault) is retried after the policy's delay, from step 1; any other
///    fault, or the last, ends the call with the typed error (ProviderFault::toError), its message
///    redacted of the key;
/// 5. the answer's usage (or, when the server sends none, an estimate of UTF-8 bytes / 4) is priced
///    from the configuration's table; the call's request (without secret headers) and outcome are
///    recorded (ProviderRecording) when the services can record.
/// Circuit changes are LogEvents from "provider.<name>" and the gauge
/// qwen_swarm_provider_circuit_state{provider} (0 closed, 1 half-open, 2 open). Engine thread only.
class HttpProvider
    : public Provider
    , private HttpReceiver
{
public:
    HttpProvider(ProviderConfig config, std::unique_ptr<ChatProtocol> protocol, ProviderServices services);
    ~HttpProvider() override;

    QString name() const override { return m_config.name; }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    void start(const ProviderRequest &request, ProviderSink *sink) override;
    void cancel(quint64 callId) override;

    const ProviderConfig &config() const { return m_config; }
    const CircuitBreaker &circuit() const { return m_breaker; }
    int callsInFlight() const { return static_cast<int>(m_calls.size()); }
    /// The request a call would send (for recording and replay): the endpoint path and JSON body.
    QJsonObject requestBody(const ProviderRequest &request) const;
    const ChatProtocol &protocol() const { return *m_protocol; }

private:
    struct Call;

    void admit(quint64 callId);
    void send(quint64 callId);
    void httpStarted(quint64 exchange, int status, const HttpHeaders &headers) override;
    void httpData(quint64 exchange, QByteArrayView bytes) override;
    void httpFinished(quint64 exchange, HttpFailure failure, const QString &detail) override;
    void attemptFailed(quint64 callId, ProviderFault fault);
    void succeed(quint64 callId, const ChatReply &reply);
    void finish(quint64 callId, Api::Result<ProviderResponse> outcome);
    void record(const Call &call, const Api::Result<ProviderResponse> &outcome);
    void circuitChanged(CircuitBreaker::State from, CircuitBreaker::State to, const QString &why);
    QString redacted(QString text) const;
    Call *callOf(quint64 exchange);

    ProviderConfig m_config;
    std::unique_ptr<ChatProtocol> m_protocol;
    ProviderServices m_services;
    std::unique_ptr<QObject> m_context; // parents the timers; on this provider's thread
    TimerQueue<quint64> m_wakeups; // call ids: admit (again) at the due time
    ProviderRateLimiter m_limits;
    CircuitBreaker m_breaker;
    SplitMix64 m_jitter;
    QUrl m_url;
    QHash<quint64, std::shared_ptr<Call>> m_calls;
    QHash<quint64, quint64> m_callOfExchange;
    Gauge *m_circuitGauge = nullptr;
    Counter *m_retries = nullptr;
    Counter *m_cost = nullptr;
};

} // namespace QwenSwarm::Engine
