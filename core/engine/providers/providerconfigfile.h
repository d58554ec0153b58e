#pragma once

#include "providers/providerconfig.h"

#include <functional>
#include <optional>

namespace QwenSwarm::Engine {

/// Reads provider configurations from a JSON file:
///
///     {"providers": [{
///         "name": "qwen",                  required: what agents name
///         "preset": "dashscope-intl",      optional: ProviderConfig::preset() fills the rest
///         "kind": "openai",                openai | anthropic | simulated
///         "base_url": "https://...", "model": "qwen-plus",
///         "key": "env:DASHSCOPE_API_KEY",  "env:NAME", the key itself, or "" for none
///         "parameters": {"temperature": 0.2, "max_tokens": 256},
///         "stream": true, "replay": false, "record": true, "anthropic_version": "2023-06-01",
///         "connection_lanes": 1, "seed": 7,
///         "limits": {"concurrency": 16, "rpm": 600, "tpm": 1000000},
///         "timeouts": {"connect_ms": 5000, "first_byte_ms": 120000, "stall_ms": 60000, "total_ms": 600000},
///         "retry": {"max_retries": 2, "initial_delay_ms": 500, "max_delay_ms": 8000, "jitter": 0.25,
///                   "max_retry_after_ms": 60000},
///         "circuit": {"failure_threshold": 5, "cool_down_ms": 30000},
///         "prices": {"qwen-plus": {"input": 0.4, "output": 1.2}, "*": {"input": 1, "output": 2}}
///     }]}
///
/// Unknown members are errors (InvalidArgument naming the path). Keys: "env:NAME" reads the
/// environment variable NAME; a preset without "key" uses its conventional variable; a key written
/// in the file itself is only accepted when the file cannot be read by its group or by others
/// (PermissionDenied otherwise, naming the file and its mode, never the key). A key that cannot be
/// found does not fail the load: the provider's calls fail with ProviderError "missing_api_key",
/// saying which variable to set.
class ProviderConfigFile
{
public:
    /// Looks an environment variable up; nothing when it is not set.
    using Environment = std::function<std::optional<QByteArray>(const QString &name)>;
    static Environment processEnvironment();

    static Api::Result<QList<ProviderConfig>> load(const QString &path, const Environment &environment);
    static Api::Result<QList<ProviderConfig>> load(const QString &path) { return load(path, processEnvironment()); }
    /// The providers of a parsed file; `holdsKey` tells whether any key was written in it.
    static Api::Result<QList<ProviderConfig>> parse(const QJsonObject &file, bool &holdsKey);
    /// Resolves `config.keyRef` ("env:NAME") into `config.apiKey`, or explains in `config.keyProblem`.
    static void resolveKey(ProviderConfig &config, const Environment &environment);
};

} // namespace QwenSwarm::Engine
