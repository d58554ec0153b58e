// qwen-swarmd: the headless daemon. Composition root: the engine, its store, and the remote server.
#include "daemonconfig.h"
#include "daemonlog.h"
#include "signalwatcher.h"

#include <auth/apikeystore.h>
#include <auth/jwtverifier.h>
#include <backend/inprocessbackend.h>
#include <server/authenticator.h>
#include <server/remoteserver.h>
#include <store/groupcommitstore.h>
#include <store/memorystore.h>
#include <store/postgresstore.h>
#include <store/sqlitestore.h>
#include <store/storebackup.h>
#include <store/threadedstore.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSslKey>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <unistd.h>

using namespace QwenSwarm;
using namespace Qt::Literals::StringLiterals;

namespace {

int fail(const QString &message, int code = 1)
{
    QTextStream(stderr) << "qwen-swarmd: " << message << '\n';
    return code;
}

Api::Result<Daemon::DaemonConfig> configure(const QCommandLineParser &parser)
{
    Daemon::DaemonConfig config;
    if (parser.isSet(u"config"_s)) {
        if (auto read = config.readFile(parser.value(u"config"_s)); !read)
            return read.error();
    }
    if (auto read = config.readEnvironment(QProcessEnvironment::systemEnvironment()); !read)
        return read.error();
    if (auto read = config.readOptions(parser); !read)
        return read.error();
    if (config.dataDir.isEmpty())
        config.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (auto valid = config.validate(); !valid)
        return valid.error();
    if (auto loaded = config.loadProviders(QProcessEnvironment::systemEnvironment()); !loaded)
        return loaded.error();
    return config;
}

int createApiKey(const Daemon::DaemonConfig &config, const QString &roleName, const QString &name)
{
    const auto role = Api::enumFromName<Remote::Role>(roleName);
    if (!role)
        return fail(u"--create-api-key: the role is viewer, operator or admin"_s, 2);
    QDir().mkpath(config.dataDir);
    Remote::ApiKeyStore keys(config.dataDir);
    if (auto loaded = keys.load(); !loaded)
        return fail(loaded.error().message);
    const auto created = keys.create(*role, name);
    if (!created)
        return fail(created.error().message);
    // Shown once: only its hash is kept.
    QTextStream(stdout) << created->key << '\n';
    return 0;
}

Api::Result<std::unique_ptr<Engine::Store>> openStore(const Daemon::DaemonConfig &config)
{
    if (config.store == u"memory"_s)
        return std::unique_ptr<Engine::Store>(std::make_unique<Engine::MemoryStore>());
    if (config.store == u"postgres"_s) {
        auto opened = Engine::PostgresStore::open(config.pgUrl);
        if (!opened)
            return opened.error();
        return std::unique_ptr<Engine::Store>(std::make_unique<Engine::ThreadedStore>(
            std::make_unique<Engine::GroupCommitStore>(std::move(opened).value())));
    }
    QDir().mkpath(config.dataDir);
    auto opened = Engine::SqliteStore::open(QDir(config.dataDir).filePath(Engine::SqliteStore::defaultFileName()));
    if (!opened)
        return opened.error();
    return std::unique_ptr<Engine::Store>(
        std::make_unique<Engine::ThreadedStore>(std::make_unique<Engine::GroupCommitStore>(std::move(opened).value())));
}

// --backup FILE and --restore FILE: the store's database copied out or put back, then exit.
int backupOrRestore(const Daemon::DaemonConfig &config, const QCommandLineParser &parser)
{
    if (config.store == u"memory"_s)
        return fail(u"--backup and --restore need a durable store (sqlite or postgres)"_s, 2);
    const bool backup = parser.isSet(u"backup"_s);
    const QString file = parser.value(backup ? u"backup"_s : u"restore"_s);
    const QString database = QDir(config.dataDir).filePath(Engine::SqliteStore::defaultFileName());
    Api::Result<void> done;
    if (config.store == u"postgres"_s)
        done = backup ? Engine::StoreBackup::backupPostgres(config.pgUrl, file)
                      : Engine::StoreBackup::restorePostgres(file, config.pgUrl);
    else
        done = backup ? Engine::StoreBackup::backupSqlite(database, file)
                      : Engine::StoreBackup::restoreSqlite(file, database);
    if (!done)
        return fail(done.error().message);
    QTextStream(stdout) << (backup ? "backup written to " : "restored from ") << file << '\n';
    return 0;
}

Api::Result<Remote::JwtVerifier> jwtVerifier(const Daemon::DaemonConfig &config)
{
    Remote::JwtVerifierOptions options;
    options.issuer = config.jwtIssuer;
    options.audience = config.jwtAudience;
    Remote::JwtVerifier verifier(options);
    for (const Daemon::JwtKey &key : config.jwtKeys) {
        const auto added = key.algorithm == u"RS256"_s ? verifier.addRs256Key(key.id, key.material)
                                                       : verifier.addHs256Key(key.id, key.material);
        if (!added)
            return added.error();
    }
    return verifier;
}

Api::Result<QSslConfiguration> tlsConfiguration(const Daemon::DaemonConfig &config)
{
    QFile cert(config.tlsCertificate);
    QFile key(config.tlsKey);
    if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        return Api::makeError(Api::ErrorCode::InvalidArgument, u"tls: cannot read the certificate or the key"_s);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    const QSslKey privateKey(key.readAll(), QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || privateKey.isNull())
        return Api::makeError(Api::ErrorCode::InvalidArgument, u"tls: not a PEM certificate and RSA key"_s);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(privateKey);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    return tls;
}

// Graceful stop: no new connections, clients told the server is going away, running work given the
// drain timeout, then the engine stops; what is unfinished stays in the store and is re-queued at
// the next start. A second signal stops at once: acknowledged work is already durable.
void stop(int count, Remote::RemoteServer &server, Api::Backend &backend, int drainSeconds)
{
    if (count > 1) {
        Daemon::DaemonLog::warning(u"second stop signal: stopping now"_s);
        ::_exit(130);
    }
    Daemon::DaemonLog::info(u"stopping: draining running work for up to %1 s"_s.arg(drainSeconds));
    server.stopListening();
    server.closeAll(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
    auto *poll = new QTimer(&server);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(poll, &QTimer::timeout, &server, [&backend, &server, started, drainSeconds] {
        backend.metrics(&server, [started, drainSeconds](Api::Result<Api::MetricsSnapshot> m) {
            const double busy = m ? m->value(u"qwen_swarm_tasks"_s, {{u"state"_s, u"running"_s}}).value_or(0)
                    + m->value(u"qwen_swarm_tasks"_s, {{u"state"_s, u"deciding"_s}}).value_or(0)
                                  : 0;
            if (busy == 0 || started->elapsed() > drainSeconds * 1000LL) {
                Daemon::DaemonLog::info(u"stopped (%1 task(s) left running, kept in the store)"_s.arg(busy));
                QCoreApplication::quit();
            }
        });
    });
    poll->start(200);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"qwen-swarmd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(QWENSWARM_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Qwen Swarm daemon: the orchestration core and its WebSocket/HTTP server."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    Daemon::DaemonConfig::addOptions(parser);
    parser.process(app);

    const auto config = configure(parser);
    if (!config)
        return fail(config.error().message, 2);
    if (parser.isSet(u"check-config"_s)) {
        QTextStream(stdout) << "configuration ok\n";
        return 0;
    }
    if (parser.isSet(u"create-api-key"_s))
        return createApiKey(*config, parser.value(u"create-api-key"_s), parser.value(u"key-name"_s));
    if (parser.isSet(u"backup"_s) || parser.isSet(u"restore"_s))
        return backupOrRestore(*config, parser);
    Daemon::DaemonLog::setUp(*config);

    auto store = openStore(*config);
    if (!store)
        return fail(store.error().message);
    auto verifier = jwtVerifier(*config);
    if (!verifier)
        return fail(verifier.error().message, 2);
    Remote::ApiKeyStore keys(config->dataDir);
    if (auto loaded = keys.load(); !loaded)
        return fail(loaded.error().message);

    Engine::EngineConfig engineConfig;
    engineConfig.seed = config->seed;
    engineConfig.providers = config->providers;
    Engine::InProcessBackend backend(engineConfig, std::move(store).value());
    const Remote::Authenticator authenticator(config->jwtKeys.isEmpty() ? nullptr : &verifier.value(), &keys);
    Remote::ServerOptions options;
    options.address = config->address;
    options.port = config->port;
    options.allowPlainRemote = config->allowPlain;
    options.allowedOrigins = config->allowedOrigins;
    if (!config->tlsCertificate.isEmpty()) {
        auto tls = tlsConfiguration(*config);
        if (!tls)
            return fail(tls.error().message, 2);
        options.tls = tls.value();
    }
    Remote::RemoteServer server(backend, authenticator, &keys, options);
    QObject::connect(&server, &Remote::RemoteServer::audited, &server, [&backend](const Api::AuditEvent &e) {
        backend.recordAudit(e); // the store's audit log, which admins query (audit.query)
        Daemon::DaemonLog::info(
            u"audit: %1 %2 %3 %4%5"_s.arg(e.actor, e.action, e.target, e.allowed ? u"allowed"_s : u"denied"_s,
                                          e.detail.isEmpty() ? QString() : QString(u": "_s + e.detail)));
    });
    if (auto listening = server.listen(); !listening)
        return fail(listening.error().message);
    Daemon::DaemonLog::info(
        u"serving %1 (store %2 in %3)"_s.arg(server.url().toString(), config->store, config->dataDir));
    // For scripts and tests that start the daemon on port 0: the chosen URL, on a line of its own.
    QTextStream(stdout) << "listening " << server.url().toString() << Qt::endl;

    Daemon::SignalWatcher stopSignals;
    QObject::connect(&stopSignals, &Daemon::SignalWatcher::stopRequested, &server,
                     [&](int count) { stop(count, server, backend, config->drainTimeoutSeconds); });
    return app.exec();
}
