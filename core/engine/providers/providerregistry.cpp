#include "providers/providerregistry.h"

#include <algorithm>

namespace QwenSwarm::Engine {

void ProviderRegistry::add(std::unique_ptr<Provider> provider, int maxConcurrency, Api::ProviderOrigin origin,
                           std::optional<ProviderConfig> config)
{
    const QString name = provider->name();
    Entry &entry = m_entries[name];
    retire(std::exchange(entry.provider, std::shared_ptr<Provider>(std::move(provider))));
    entry.limiter.setLimit(maxConcurrency);
    entry.origin = origin;
    entry.config = std::move(config);
}

void ProviderRegistry::remove(const QString &name)
{
    const auto it = m_entries.find(name);
    if (it == m_entries.end())
        return;
    retire(std::move(it->second.provider));
    m_entries.erase(it);
}

void ProviderRegistry::retire(std::shared_ptr<Provider> provider)
{
    if (provider)
        m_retired.push_back(std::move(provider));
}

void ProviderRegistry::collectRetired()
{
    m_retired.erase(std::remove_if(m_retired.begin(), m_retired.end(),
                                   [](const std::shared_ptr<Provider> &p) { return p.use_count() == 1; }),
                    m_retired.end());
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
