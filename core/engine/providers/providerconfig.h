#pragma once

#include "providers/circuitbreaker.h"
#include "providers/httpclient.h"
#include "providers/providerretrypolicy.h"

#include <api/error.h>

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace QwenSwarm::Engine {

/// Which protocol a provider speaks.
enum class ProviderKind
{
    OpenAi, ///< OpenAI-compatible Chat Completions (OpenAI, DashScope/Qwen, vLLM, Ollama, llama.cpp).
    Anthropic, ///< Anthropic Messages.
    Simulated, ///< The seeded SimulatedProvider.
};

/// "openai", "anthropic", "simulated".
QString providerKindName(ProviderKind kind);
std::optional<ProviderKind> providerKindFromName(QStringView name);

/// A provider's own limits; 0 = unlimited.
struct ProviderLimits
{
    int concurrency = 0; ///< Calls in flight (the engine's per-provider slot, taken before the call).
    int requestsPerMinute = 0;
    int tokensPerMinute = 0; ///< Prompt plus completion tokens (estimated first, settled after).

    bool operator==(const ProviderLimits &) const = default;
};

/// USD per million tokens.
struct ModelPrice
{
    double inputPerMTok = 0;
    double outputPerMTok = 0;

    bool operator==(const ModelPrice &) const = default;
};

/// A secret (an API key). It has no conversion to text, no JSON form and no debug output, so that it
/// cannot end up in a log, an event, an error or a recording by accident; reveal() is for the one
/// place that puts it on the wire.
class ApiKey
{
public:
    ApiKey() = default;
    explicit ApiKey(QByteArray value)
        : m_value(std::move(value))
    { }
    bool isEmpty() const { return m_value.isEmpty(); }
    const QByteArray &reveal() const { return m_value; }
    bool operator==(const ApiKey &) const = default;

private:
    QByteArray m_value;
};

/// One provider as configuration data: what ProviderFactory builds and Engine registers
/// (EngineConfig::providers). Read from a config file by ProviderConfigFile.
struct ProviderConfig
{
    QString name; ///< What agents name in AgentSpec::provider.
    ProviderKind kind = ProviderKind::OpenAi;
    QString baseUrl; ///< e.g. https://api.openai.com/v1 (OpenAI) or https://api.anthropic.com (Anthropic).
    QString defaultModel; ///< For agents that name no model.
    QJsonObject parameters; ///< Model parameters under every agent's own (temperature, max_tokens...).
    ProviderLimits limits;
    HttpTimeouts timeouts;
    ProviderRetryPolicy retry;
    CircuitBreakerPolicy circuit;
    QHash<QString, ModelPrice> prices; ///< By model name; "*" prices any other model.
    bool stream = false; ///< Stream every call (SSE), not only those that ask.
    bool replay = false; ///< Answer from recorded calls (ReplayProvider) instead of the network.
    bool record = true; ///< Record every call through the store, for replay.
    QString anthropicVersion = QStringLiteral("2023-06-01"); ///< The anthropic-version header.
    int connectionLanes = 1; ///< Connection pools to a plain-http server (see HttpClient::send).
    /// Where the key comes from: "env:NAME", "file" (the config file held it), or empty for none.
    QString keyRef;
    ApiKey apiKey; ///< The key itself, resolved by ProviderConfigFile::resolveKey().
    QString keyProblem; ///< Why a key that keyRef names is missing (calls then fail with it).
    std::optional<quint64> seed; ///< Simulated providers: their seed (default: the engine's).

    /// The price of `model` (its own, else "*", else free).
    ModelPrice priceOf(const QString &model) const;
    /// USD for a call of `model` with these token counts.
    double costUsd(const QString &model, int promptTokens, int completionTokens) const;

    /// The presets: "openai", "qwen" (= "dashscope-intl"), "dashscope-intl", "dashscope-cn",
    /// "anthropic", "vllm", "ollama", "llamacpp", "simulated". Base URL, kind, default model and
    /// the conventional key variable (OPENAI_API_KEY, DASHSCOPE_API_KEY, ANTHROPIC_API_KEY; local
    /// servers need none). Presets carry no prices: they change, so configure them.
    static std::optional<ProviderConfig> preset(QStringView name);
    static QStringList presetNames();
    /// Model names a preset's server is known to offer (Qwen: qwen-max, qwen-plus, qwen-turbo), for
    /// pickers; empty when the server decides (local servers).
    static QStringList presetModels(QStringView name);
};

} // namespace QwenSwarm::Engine
