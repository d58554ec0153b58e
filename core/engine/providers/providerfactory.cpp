#include "providers/providerfactory.h"

#include "providers/anthropicprovider.h"
#include "providers/openaiprovider.h"
#include "providers/replayprovider.h"
#include "providers/simulatedprovider.h"

namespace QwenSwarm::Engine {

bool ProviderFactory::needsHttp(const ProviderConfig &config)
{
    return config.kind != ProviderKind::Simulated && !config.replay;
}

std::unique_ptr<Provider> ProviderFactory::create(const ProviderConfig &config, const ProviderServices &services,
                                                  QObject *owner)
{
    if (config.kind == ProviderKind::Simulated)
        return std::make_unique<SimulatedProvider>(owner, config.seed.value_or(services.seed), config.name);
    ProviderServices own = services;
    if (!config.record)
        own.record = {};
    if (config.replay)
        return ReplayProvider::of(config, std::move(own));
    if (config.kind == ProviderKind::Anthropic)
        return std::make_unique<AnthropicProvider>(config, std::move(own));
    return std::make_unique<OpenAiProvider>(config, std::move(own));
}

} // namespace QwenSwarm::Engine
