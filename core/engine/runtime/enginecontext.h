#pragma once

#include "agents/agentregistry.h"
#include "consensus/strategyregistry.h"
#include "events/eventbus.h"
#include "learning/reputationbook.h"
#include "metrics/enginemetrics.h"
#include "providers/providerregistry.h"
#include "providers/splitmix.h"
#include "runtime/engineconfig.h"
#include "store/storewriter.h"

namespace QwenSwarm::Engine {

/// The shared parts of one engine, owned together so that their order of construction and
/// destruction is fixed in one place. Engine thread only.
struct EngineContext
{
    EngineContext(EngineConfig engineConfig, std::unique_ptr<Store> ownedStore)
        : config(std::move(engineConfig))
        , strategies(StrategyRegistry::withBuiltins())
        , metrics(metricsRegistry)
        , events(config.eventHistory, config.subscriberBacklog)
        , store(std::move(ownedStore))
        , storeWriter(*store)
        , reputations(storeWriter)
        , globalCalls(config.maxInFlightCalls)
        , jitter(config.seed ^ 0x6a09e667f3bcc909ULL)
    { }

    EngineConfig config;
    ProviderRegistry providers;
    StrategyRegistry strategies;
    AgentRegistry agents;
    MetricsRegistry metricsRegistry;
    EngineMetrics metrics;
    EventBus events;
    std::unique_ptr<Store> store;
    StoreWriter storeWriter;
    ReputationBook reputations;
    ConcurrencyLimiter globalCalls;
    SplitMix64 jitter;
    quint64 lastCallId = 0;
    quint64 lastSchedulingSeq = 0;
};

} // namespace QwenSwarm::Engine
