#pragma once

// Shared by the provider tests: a sink that records what a provider reports, requests of the
// standard workload, configurations pointing at the fake servers, and the services a provider needs.
#include "metrics/metricsregistry.h"
#include "providers/httpclient.h"
#include "providers/httpprovider.h"
#include "providers/providerconfig.h"
#include "providers/providerservices.h"

#include <testsupport.h>

#include <QHash>

#include <vector>

namespace QwenSwarm::Testing {

/// Records a provider's reports; counts any report about a call after it was cancelled.
class SinkRecorder final : public Engine::ProviderSink
{
public:
    void providerDelta(quint64 callId, QStringView delta) override
    {
        reportsAfterCancel += cancelled.contains(callId) ? 1 : 0;
        deltas[callId] += delta;
        ++deltaCount[callId];
    }
    void providerFinished(quint64 callId, Api::Result<Engine::ProviderResponse> result) override
    {
        reportsAfterCancel += cancelled.contains(callId) ? 1 : 0;
        results.insert(callId, result);
        order.push_back(callId);
    }

    bool waitFor(quint64 callId, int timeoutMs = 15000)
    {
        return spinUntil([this, callId] { return results.contains(callId); }, timeoutMs);
    }
    const Api::Result<Engine::ProviderResponse> &result(quint64 callId) const { return *results.find(callId); }

    QHash<quint64, Api::Result<Engine::ProviderResponse>> results;
    QHash<quint64, QString> deltas;
    QHash<quint64, int> deltaCount;
    std::vector<quint64> order;
    QSet<quint64> cancelled;
    int reportsAfterCancel = 0;
};

/// The standard workload's request for task t, agent i.
inline Engine::ProviderRequest workloadRequest(quint64 callId, int t, int i, bool stream = false)
{
    Engine::ProviderRequest r;
    r.callId = callId;
    r.agentId = Api::AgentId(static_cast<quint64>(i + 1));
    r.model = QStringLiteral("fake-model");
    r.userMessage = QStringLiteral("task %1 agent %2").arg(t).arg(i);
    r.stream = stream;
    return r;
}

/// A provider configuration for a fake server, with quick retries (no jitter) for tests.
inline Engine::ProviderConfig fakeConfig(Engine::ProviderKind kind, const QString &baseUrl,
                                         const QString &name = QStringLiteral("fake"))
{
    Engine::ProviderConfig c;
    c.name = name;
    c.kind = kind;
    c.baseUrl = baseUrl;
    c.defaultModel = QStringLiteral("default-model");
    c.retry.initialDelayMs = 20;
    c.retry.maxDelayMs = 100;
    c.retry.jitter = 0;
    c.retry.maxRetryAfterMs = 5000;
    c.timeouts = {5000, 5000, 5000, 20000};
    return c;
}

/// Services whose effects tests look at.
struct ServicesProbe
{
    std::shared_ptr<Engine::HttpClient> http = std::make_shared<Engine::HttpClient>();
    Engine::MetricsRegistry metrics;
    std::vector<Api::LogEvent> events;
    std::vector<Engine::ProviderCallWrite> recorded;

    Engine::ProviderServices services()
    {
        Engine::ProviderServices s;
        s.http = http;
        s.metrics = &metrics;
        s.publish = [this](Api::LogEvent e) { events.push_back(std::move(e)); };
        s.record = [this](Engine::ProviderCallWrite w) { recorded.push_back(std::move(w)); };
        return s;
    }

    double gauge(const QString &name, const QString &provider)
    {
        return metrics.gauge(name, {}, {{QStringLiteral("provider"), provider}}).value();
    }
};

} // namespace QwenSwarm::Testing
