#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace QwenSwarm::Ui {

/// A saved way to connect: the embedded core (its data folder, the demo) or a remote daemon (URL, CA
/// file). The token is not part of it: it lives in the system keychain under secretKey().
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    QString name;
    bool remote = false;
    QString url; ///< ws://host:port or wss://host:port.
    QString caFile; ///< PEM certificates trusted for wss:// besides the system's.
    QString dataDir; ///< Embedded core's database folder; empty: the platform's data folder.
    bool demo = true; ///< Embedded core: run the demo swarm.
    bool inMemory = false; ///< Embedded core: keep nothing after exit.

    /// Empty when the profile can be used, otherwise what to fix, in words.
    QString validate() const;
    /// The keychain entry of this profile's token.
    QString secretKey() const { return QStringLiteral("profile:") + name; }
    bool operator==(const ConnectionProfile &) const = default;
};

/// Saved profiles in QSettings ("connections/..."), and which one was used last. Never stores a secret.
class ProfileStore
{
public:
    QStringList names() const;
    std::optional<ConnectionProfile> load(const QString &name) const;
    void save(const ConnectionProfile &profile);
    void remove(const QString &name);
    QString lastUsed() const;
    void setLastUsed(const QString &name);
};

} // namespace QwenSwarm::Ui
