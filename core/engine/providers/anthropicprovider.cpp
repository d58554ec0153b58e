#include "providers/anthropicprovider.h"

#include "providers/anthropicprotocol.h"

namespace QwenSwarm::Engine {

AnthropicProvider::AnthropicProvider(ProviderConfig config, ProviderServices services)
    : HttpProvider(config, std::make_unique<AnthropicProtocol>(config.anthropicVersion), std::move(services))
{ }

} // namespace QwenSwarm::Engine
