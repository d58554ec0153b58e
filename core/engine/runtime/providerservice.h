#pragma once

#include "providers/providerconfig.h"
#include "providers/providerservices.h"

#include <api/provider.h>

#include <QHash>

#include <functional>
#include <map>
#include <memory>

class QObject;

namespace QwenSwarm::Engine {

struct EngineContext;

/// The providers of an engine as the Backend shows them: the built-in one, those of the configuration
/// file, and those an operator adds, changes and removes (kept in the store). It also tries a
/// provider out with one tiny request. Engine thread only.
class ProviderService
{
public:
    template<typename T>
    using Reply = std::function<void(Api::Result<T>)>;

    ProviderService(EngineContext &context, QObject *owner);
    ~ProviderService();

    /// Registers the configuration file's providers (EngineConfig::providers), before the store loads.
    void registerConfigured();
    /// Registers the operator's providers the store kept (a name the file also has stays the file's).
    void restore(const QList<Api::ProviderSettings> &stored);

    QList<Api::ProviderInfo> list() const;
    /// Adds or replaces an operator provider; answers once the store has it.
    void put(const Api::ProviderSettings &settings, Reply<Api::ProviderInfo> done);
    void remove(const QString &name, Reply<void> done);
    /// One tiny request ("Reply with the word OK."), not recorded for replay, without retries.
    void test(const Api::ProviderSettings &settings, Reply<Api::ProviderCheck> done);
    /// The key of a provider whose keyRef is "keychain" (the console reads it from the system
    /// keychain and hands it over; it is never stored by the engine). An empty key forgets it.
    void setKeychainKey(const QString &provider, const ApiKey &key);

    /// The settings a provider configuration shows (its key reference, never its key).
    static Api::ProviderSettings settingsOf(const ProviderConfig &config);

private:
    class Probe;

    ProviderConfig configOf(const Api::ProviderSettings &settings) const;
    void install(const ProviderConfig &config, Api::ProviderOrigin origin);
    Api::ProviderInfo infoOf(const QString &name) const;
    const ProviderServices &services();

    EngineContext &m_context;
    QObject *m_owner;
    ProviderServices m_services;
    QHash<QString, ApiKey> m_keychain;
    std::map<quint64, std::unique_ptr<Probe>> m_probes; ///< Tries under way, by call id.
};

} // namespace QwenSwarm::Engine
