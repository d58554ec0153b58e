#include "providers/openaiprovider.h"

#include "providers/openaiprotocol.h"

namespace QwenSwarm::Engine {

OpenAiProvider::OpenAiProvider(ProviderConfig config, ProviderServices services)
    : HttpProvider(std::move(config), std::make_unique<OpenAiProtocol>(), std::move(services))
{ }

} // namespace QwenSwarm::Engine
