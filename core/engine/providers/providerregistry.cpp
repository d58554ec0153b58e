#include "providers/providerregistry.h"

namespace QwenSwarm::Engine {

void ProviderRegistry::add(std::unique_ptr<Provider> provider, int maxConcurrency)
{
    const QString name = provider->name();
    Entry &entry = m_entries[name];
    entry.provider = std::move(provider);
    entry.limiter.setLimit(maxConcurrency);
}

ProviderRegistry::Entry *ProviderRegistry::find(const QString &name)
{
    const auto it = m_entries.find(name);
    return it == m_entries.end() ? nullptr : &it->second;
}

const ProviderRegistry::Entry *ProviderRegistry::find(const QString &name) const
{
    const auto it = m_entries.find(name);
    return it == m_entries.end() ? nullptr : &it->second;
}

QStringList ProviderRegistry::names() const
{
    QStringList names;
    for (const auto &[name, entry] : m_entries)
        names << name;
    return names;
}

} // namespace QwenSwarm::Engine
