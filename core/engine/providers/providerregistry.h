#pragma once

#include "providers/provider.h"
#include "scheduler/concurrencylimiter.h"

#include <map>
#include <memory>

namespace QwenSwarm::Engine {

/// The providers an engine can call, each with its own concurrency limit. Engine thread only.
class ProviderRegistry
{
public:
    struct Entry
    {
        std::unique_ptr<Provider> provider;
        ConcurrencyLimiter limiter;
    };

    /// Adds (or replaces) a provider under its name, limited to `maxConcurrency` calls (0 = unlimited).
    void add(std::unique_ptr<Provider> provider, int maxConcurrency = 0);
    Entry *find(const QString &name);
    const Entry *find(const QString &name) const;
    QStringList names() const;

private:
    std::map<QString, Entry> m_entries;
};

} // namespace QwenSwarm::Engine
