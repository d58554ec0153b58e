#pragma once

#include <api/error.h>
#include <providers/providerconfig.h>

#include <QHostAddress>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>

class QCommandLineParser;

namespace QwenSwarm::Daemon {

/// One HS256 or RS256 key tokens may be signed with.
struct JwtKey
{
    QString id;
    QString algorithm; ///< "HS256" or "RS256".
    QByteArray material; ///< The HS256 secret or the RS256 public key (PEM). Never logged.
};

/// Everything qwen-swarmd is told: built from the config file, then the environment, then the
/// command line, each overriding the one before.
struct DaemonConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString dataDir;
    QString store = QStringLiteral("sqlite"); ///< "sqlite", "postgres" or "memory".
    QString pgUrl; ///< With store "postgres": the database URL (it may hold a password: never logged).
    QString tlsCertificate; ///< PEM file; with tlsKey, serves wss:// and https://.
    QString tlsKey;
    bool allowPlain = false; ///< Plain connections on an address other than loopback.
    QStringList allowedOrigins;
    QString jwtIssuer;
    QString jwtAudience;
    QList<JwtKey> jwtKeys;
    int drainTimeoutSeconds = 30;
    QString logLevel = QStringLiteral("info");
    bool logJson = false;
    QString logFile; ///< Empty: standard error.
    int logMaxSizeMb = 64;
    int logMaxFiles = 5;
    quint64 seed = 1;
    /// A provider configuration file (see ProviderConfigFile): the model providers agents may name
    /// besides the built-in "simulated" one. Its keys come from the environment or from the file itself,
    /// which must then be private (mode 600).
    QString providersFile;
    QList<Engine::ProviderConfig> providers; ///< Loaded from providersFile by loadProviders().

    /// Applies a config file (see installer/qwen-swarmd.example.json): InvalidArgument naming the
    /// file and the member at fault, NotFound for a missing file.
    Api::Result<void> readFile(const QString &path);
    /// QWEN_SWARM_LISTEN, QWEN_SWARM_DATA_DIR, QWEN_SWARM_STORE, QWEN_SWARM_PG_URL, QWEN_SWARM_LOG_LEVEL,
    /// QWEN_SWARM_JWT_ISSUER, QWEN_SWARM_JWT_AUDIENCE, QWEN_SWARM_JWT_SECRET (an HS256 key "env").
    Api::Result<void> readEnvironment(const QProcessEnvironment &environment);
    /// The options registered by addOptions().
    Api::Result<void> readOptions(const QCommandLineParser &parser);
    /// What cannot work together, or files that are missing: InvalidArgument.
    Api::Result<void> validate() const;
    /// Reads providersFile (if one is named) into providers, resolving keys from `environment`.
    Api::Result<void> loadProviders(const QProcessEnvironment &environment);

    static void addOptions(QCommandLineParser &parser);
    static Api::Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text);
};

} // namespace QwenSwarm::Daemon
