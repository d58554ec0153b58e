#pragma once

#include "providers/providerconfig.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstddef>

namespace QwenSwarm::Engine {

/// Engine-wide settings. Every limit has a sane default; 0 means unlimited where noted.
struct EngineConfig
{
    quint64 seed = 1; ///< Seeds the simulated provider and retry jitter.
    int maxQueuedTasks = 1'000'000; ///< Unfinished tasks accepted at once; beyond, submit is ResourceExhausted.
    int maxRunningTasks = 1024; ///< Tasks past "queued" at once (global task concurrency).
    int maxInFlightCalls = 0; ///< Provider calls in flight across all providers; 0 = unlimited.
    QHash<QString, int> providerConcurrency; ///< Calls in flight per provider; absent or 0 = unlimited.
    std::size_t eventHistory = 65536; ///< Events retained for resuming subscriptions.
    qint64 subscriberBacklog = 262144; ///< Undelivered events per subscription before dropping.
    int maxBatchSize = 10000; ///< Specs per submitTasks call.
    /// Providers the engine creates when it starts, besides the built-in "simulated" one (a
    /// configuration of that name replaces it). Their concurrency limit is providerConcurrency's
    /// entry if there is one, else the configuration's. See ProviderConfigFile for loading them.
    QList<ProviderConfig> providers;
};

} // namespace QwenSwarm::Engine
