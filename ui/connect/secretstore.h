#pragma once

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace QwenSwarm::Ui {

/// Tokens and keys in the system keychain (QtKeychain: Secret Service, KWallet, macOS Keychain,
/// Windows Credential Store). Where no keychain service runs, secrets are kept in this process's
/// memory only, for the session, and the caller is told so; a secret is never written anywhere in
/// plain text (QtKeychain's insecure QSettings fallback stays off).
///
/// Threading: GUI thread; answers arrive later through the callbacks, guarded by their context.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Where
    {
        Keychain,
        Memory, ///< No keychain service: until the console quits.
    };

    using ReadDone = std::function<void(std::optional<QByteArray> secret, QString note)>;
    using WriteDone = std::function<void(Where where, QString note)>;

    /// With `useKeychain` false, memory only (for tests and for platforms without a keychain).
    explicit SecretStore(QObject *parent = nullptr, bool useKeychain = true);

    /// The secret under `key`, or nullopt when there is none; `note` says why when the keychain failed.
    void read(const QString &key, QObject *context, ReadDone done);
    void write(const QString &key, const QByteArray &secret, QObject *context, WriteDone done);
    void remove(const QString &key);
    /// False once the keychain has failed for want of a service (then everything stays in memory).
    bool keychainAvailable() const { return m_useKeychain; }

private:
    void fallBack(const QString &why);

    bool m_useKeychain;
    QString m_why;
    QHash<QString, QByteArray> m_memory;
};

} // namespace QwenSwarm::Ui
