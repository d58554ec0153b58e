#pragma once

#include "api/enumnames.h"
#include "api/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace QwenSwarm::Api {

/// What a provider's price applies to: one model, or "*" for any model without a price of its own.
struct ProviderPrice
{
    QString model = QStringLiteral("*");
    double inputPerMTok = 0; ///< USD per million prompt tokens.
    double outputPerMTok = 0; ///< USD per million completion tokens.

    bool operator==(const ProviderPrice &) const = default;
};

/// A model provider as an operator configures it through the Backend. It never holds a key: keyRef
/// says where the core finds one, on the machine it runs on.
struct ProviderSettings
{
    QString name; ///< What agents name in AgentSpec::provider: 1..64 of [A-Za-z0-9._-].
    QString kind = QStringLiteral("openai"); ///< "openai" (any OpenAI-compatible server) or "anthropic".
    QString baseUrl; ///< http(s), e.g. https://dashscope-intl.aliyuncs.com/compatible-mode/v1.
    QString defaultModel; ///< For agents that name no model.
    QJsonObject parameters; ///< Model parameters under every agent's own (temperature, max_tokens...).
    int concurrency = 0; ///< Calls in flight; 0 = unlimited.
    int requestsPerMinute = 0; ///< 0 = unlimited.
    int tokensPerMinute = 0; ///< 0 = unlimited.
    QList<ProviderPrice> prices;
    bool stream = false; ///< Stream every call (SSE).
    /// Where the key comes from: "" (none: local servers), "env:NAME" (the core's environment) or
    /// "keychain" (the key the console keeps in the system keychain; an embedded core only).
    QString keyRef;

    bool operator==(const ProviderSettings &) const = default;
};

/// Where a provider's configuration comes from; only operator providers are edited through the Backend.
enum class ProviderOrigin
{
    Builtin, ///< Part of the core (the simulated provider).
    File, ///< The core's provider configuration file (edit the file).
    Operator, ///< Added through the Backend, kept in the store.
};

template<>
struct EnumNames<ProviderOrigin>
{
    static constexpr std::array<QStringView, 3> names {u"builtin", u"file", u"operator"};
};

/// A provider as the core has it now.
struct ProviderInfo
{
    ProviderSettings settings; ///< For a file provider, keyRef "file" means the file holds the key.
    ProviderOrigin origin = ProviderOrigin::Operator;
    /// Whether the core has the key keyRef names: "none" (no key wanted), "present", or a sentence
    /// saying why it is missing (which variable to set, or that the keychain holds none).
    QString keyStatus;
    QString circuit; ///< The circuit breaker: "closed", "open", "half_open" ("" when it has none).
    int agents = 0; ///< Agents that call it.

    bool operator==(const ProviderInfo &) const = default;
};

/// The outcome of a tiny request to a provider ("test connection").
struct ProviderCheck
{
    QString provider;
    QString model; ///< The model asked.
    qint64 latencyMs = 0; ///< From the request to the whole answer.
    QString answer; ///< The model's answer, cut to 200 characters.
    std::optional<Error> error; ///< Why the call failed (the provider's message); then answer is empty.

    bool ok() const { return !error; }
    bool operator==(const ProviderCheck &) const = default;
};

/// What is wrong with settings an operator gives, or nullopt: the name, kind, URL, limits, prices
/// and key reference (the message names the member). Model parameters are the provider's to check.
std::optional<std::pair<QString, QString>> providerSettingsProblem(const ProviderSettings &settings);

} // namespace QwenSwarm::Api
