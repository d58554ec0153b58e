#pragma once

#include "providers/provider.h"
#include "providers/providerconfig.h"
#include "scheduler/concurrencylimiter.h"

#include <api/provider.h>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace QwenSwarm::Engine {

/// The providers an engine can call, each with its own concurrency limit. Engine thread only.
///
/// A provider can be replaced while calls are under way: the calls hold the provider they started
/// on (AgentCall), which is kept here, retired, until no call holds it (collectRetired()); the
/// entry's limiter stays, so slots taken before the change are given back to the same limiter.
class ProviderRegistry
{
public:
    struct Entry
    {
        std::shared_ptr<Provider> provider;
        ConcurrencyLimiter limiter;
        Api::ProviderOrigin origin = Api::ProviderOrigin::Builtin;
        std::optional<ProviderConfig> config; ///< What it was built from (none for providers added as objects).
    };

    /// Adds (or replaces) a provider under its name, limited to `maxConcurrency` calls (0 = unlimited).
    void add(std::unique_ptr<Provider> provider, int maxConcurrency = 0,
             Api::ProviderOrigin origin = Api::ProviderOrigin::Builtin, std::optional<ProviderConfig> config = {});
    /// Removes a provider; calls under way on it finish.
    void remove(const QString &name);
    Entry *find(const QString &name);
    const Entry *find(const QString &name) const;
    QStringList names() const;
    const std::map<QString, Entry> &entries() const { return m_entries; }
    /// Destroys replaced providers no call holds any more. Call it from the event loop, never from
    /// inside a provider's callback.
    void collectRetired();

private:
    void retire(std::shared_ptr<Provider> provider);

    std::map<QString, Entry> m_entries;
    std::vector<std::shared_ptr<Provider>> m_retired;
};

} // namespace QwenSwarm::Engine
