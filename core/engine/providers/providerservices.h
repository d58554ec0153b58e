#pragma once

#include "store/store.h"

#include <api/event.h>

#include <functional>
#include <memory>

namespace QwenSwarm::Engine {

class HttpClient;
class MetricsRegistry;

/// What the engine lends its providers (ProviderFactory hands it to each). Every member may be left
/// empty: a provider then does without (tests build providers with only what they look at).
struct ProviderServices
{
    /// The engine's one HTTP client.
    std::shared_ptr<HttpClient> http;
    /// Publishes an engine event (circuit breaker changes, as LogEvents from "provider.<name>").
    std::function<void(Api::LogEvent)> publish;
    /// The engine's metrics (qwen_swarm_provider_circuit_state{provider} and friends).
    MetricsRegistry *metrics = nullptr;
    /// Records a finished call for replay (the engine appends it to its store).
    std::function<void(ProviderCallWrite)> record;
    /// Looks a recorded call up (the engine asks its store).
    std::function<void(const QString &key, Store::Reply<ProviderCallWrite>)> lookup;
    /// Seeds retry jitter (and simulated providers without a seed of their own).
    quint64 seed = 1;
};

} // namespace QwenSwarm::Engine
