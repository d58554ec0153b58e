#pragma once

#include "providers/provider.h"
#include "providers/providerconfig.h"
#include "providers/providerservices.h"

#include <memory>

class QObject;

namespace QwenSwarm::Engine {

/// Builds the provider a ProviderConfig describes: OpenAiProvider, AnthropicProvider, their
/// ReplayProvider when the configuration says replay, or a SimulatedProvider (seeded with the
/// configuration's seed, else the services'). Engine thread.
class ProviderFactory
{
public:
    /// `owner` parents a simulated provider's timer; it must outlive the provider.
    static std::unique_ptr<Provider> create(const ProviderConfig &config, const ProviderServices &services,
                                            QObject *owner);
    /// Whether `config` calls over HTTP (so an HttpClient is needed).
    static bool needsHttp(const ProviderConfig &config);
};

} // namespace QwenSwarm::Engine
