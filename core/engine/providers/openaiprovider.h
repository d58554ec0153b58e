#pragma once

#include "providers/httpprovider.h"

namespace QwenSwarm::Engine {

/// An OpenAI-compatible Chat Completions provider (OpenAI, Qwen through DashScope's compatible mode,
/// vLLM, Ollama, llama.cpp): HttpProvider speaking OpenAiProtocol. See ProviderConfig::preset().
class OpenAiProvider final : public HttpProvider
{
public:
    OpenAiProvider(ProviderConfig config, ProviderServices services);
};

} // namespace QwenSwarm::Engine
