#pragma once

#include "providers/httpprovider.h"

namespace QwenSwarm::Engine {

/// An Anthropic Messages provider: HttpProvider speaking AnthropicProtocol (the configuration's
/// anthropicVersion goes into the `anthropic-version` header).
class AnthropicProvider final : public HttpProvider
{
public:
    AnthropicProvider(ProviderConfig config, ProviderServices services);
};

} // namespace QwenSwarm::Engine
