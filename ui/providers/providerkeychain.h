#pragma once

#include "connect/secretstore.h"

#include <QObject>

#include <functional>

namespace QwenSwarm::Ui {

/// The keys of providers whose keyRef is "keychain", for an embedded core: kept in the system
/// keychain (SecretStore, under "provider/<name>") and handed to the core through a hook the
/// composition root provides (the UI never sees the engine). A key is never shown or logged.
///
/// Threading: GUI thread; answers arrive later through the callbacks, guarded by their context.
class ProviderKeychain : public QObject
{
    Q_OBJECT

public:
    /// Gives the core the key of `provider`; an empty key makes it forget the key.
    using Hook = std::function<void(const QString &provider, const QByteArray &key)>;
    using Saved = std::function<void(SecretStore::Where where)>;
    using Restored = std::function<void(bool found)>;

    ProviderKeychain(SecretStore &secrets, Hook hook, QObject *parent = nullptr);

    /// The SecretStore key of a provider's API key.
    static QString secretKey(const QString &provider);

    /// Hands `key` to the core now, without saving it (to try settings out before they are saved).
    void handOver(const QString &provider, const QByteArray &key);
    /// Saves `key` in the keychain, then hands it to the core.
    void save(const QString &provider, const QByteArray &key, QObject *context, Saved done);
    /// Hands the core the saved key of `provider`, if there is one.
    void restore(const QString &provider, QObject *context, Restored done);
    /// Deletes the saved key and makes the core forget it.
    void forget(const QString &provider);

private:
    SecretStore &m_secrets;
    Hook m_hook;
};

} // namespace QwenSwarm::Ui
