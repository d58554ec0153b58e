#include "daemonconfig.h"

#include <api/jsonreader.h>
#include <providers/providerconfigfile.h>

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace QwenSwarm::Daemon {

using Api::ErrorCode;
using namespace Qt::Literals::StringLiterals;

namespace {

Api::Error invalid(const QString &message)
{
    return Api::makeError(ErrorCode::InvalidArgument, message);
}

Api::Result<QByteArray> readSmallFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(u"%1 %2: %3"_s.arg(what, path, file.errorString()));
    return file.read(1024 * 1024);
}

} // namespace

Api::Result<std::pair<QHostAddress, quint16>> DaemonConfig::parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon < 0 ? 0 : text.mid(colon + 1).toUInt(&ok);
    QString host = colon < 0 ? QString() : text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address = host == u"localhost"_s ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (!ok || port > 65535 || address.isNull())
        return invalid(u"listen: expected HOST:PORT with an IP address (e.g. 127.0.0.1:8080), got '%1'"_s.arg(text));
    return std::pair(address, static_cast<quint16>(port));
}

Api::Result<void> DaemonConfig::readFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        return Api::makeError(ErrorCode::NotFound, u"config file %1 does not exist"_s.arg(path));
    const auto bytes = readSmallFile(path, u"config file"_s);
    if (!bytes)
        return bytes.error();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (!doc.isObject())
        return invalid(u"config file %1: not a JSON object (%2)"_s.arg(path, parseError.errorString()));
    Api::JsonReader reader;
    Api::JsonObjectReader o(reader, doc.object());
    QString listen;
    QJsonObject tls;
    QJsonObject jwt;
    QJsonObject log;
    o.optional("listen"_L1, listen);
    o.optional("data_dir"_L1, dataDir);
    o.optional("store"_L1, store);
    o.optional("pg_url"_L1, pgUrl);
    o.optional("tls"_L1, tls);
    o.optional("allow_plain"_L1, allowPlain);
    o.optional("allowed_origins"_L1, allowedOrigins);
    o.optional("jwt"_L1, jwt);
    o.optional("drain_timeout_seconds"_L1, drainTimeoutSeconds);
    o.optional("log"_L1, log);
    o.optional("seed"_L1, seed);
    o.optional("providers"_L1, providersFile);
    o.finish();
    if (!reader.ok())
        return invalid(u"config file %1: %2"_s.arg(path, reader.error().message));
    if (!listen.isEmpty()) {
        const auto parsed = parseListen(listen);
        if (!parsed)
            return invalid(u"config file %1: %2"_s.arg(path, parsed.error().message));
        std::tie(address, port) = *parsed;
    }
    tlsCertificate = tls.value("certificate"_L1).toString(tlsCertificate);
    tlsKey = tls.value("key"_L1).toString(tlsKey);
    jwtIssuer = jwt.value("issuer"_L1).toString(jwtIssuer);
    jwtAudience = jwt.value("audience"_L1).toString(jwtAudience);
    for (const QJsonValue &k : jwt.value("keys"_L1).toArray()) {
        const QJsonObject key = k.toObject();
        JwtKey entry {key.value("id"_L1).toString(), key.value("algorithm"_L1).toString(), {}};
        const QString file
            = key.value(entry.algorithm == u"RS256"_s ? "public_key_file"_L1 : "secret_file"_L1).toString();
        const QString env = key.value("secret_env"_L1).toString();
        if (!env.isEmpty())
            entry.material = qgetenv(env.toLocal8Bit().constData());
        else if (!file.isEmpty()) {
            const auto material = readSmallFile(file, u"key file"_s);
            if (!material)
                return material.error();
            entry.material = material->trimmed();
        }
        jwtKeys.append(entry);
    }
    logLevel = log.value("level"_L1).toString(logLevel);
    logJson = log.value("json"_L1).toBool(logJson);
    logFile = log.value("file"_L1).toString(logFile);
    logMaxSizeMb = log.value("max_size_mb"_L1).toInt(logMaxSizeMb);
    logMaxFiles = log.value("max_files"_L1).toInt(logMaxFiles);
    return {};
}

Api::Result<void> DaemonConfig::readEnvironment(const QProcessEnvironment &environment)
{
    if (environment.contains(u"QWEN_SWARM_LISTEN"_s)) {
        const auto parsed = parseListen(environment.value(u"QWEN_SWARM_LISTEN"_s));
        if (!parsed)
            return invalid(u"QWEN_SWARM_LISTEN: "_s + parsed.error().message);
        std::tie(address, port) = *parsed;
    }
    dataDir = environment.value(u"QWEN_SWARM_DATA_DIR"_s, dataDir);
    store = environment.value(u"QWEN_SWARM_STORE"_s, store);
    pgUrl = environment.value(u"QWEN_SWARM_PG_URL"_s, pgUrl);
    providersFile = environment.value(u"QWEN_SWARM_PROVIDERS"_s, providersFile);
    logLevel = environment.value(u"QWEN_SWARM_LOG_LEVEL"_s, logLevel);
    jwtIssuer = environment.value(u"QWEN_SWARM_JWT_ISSUER"_s, jwtIssuer);
    jwtAudience = environment.value(u"QWEN_SWARM_JWT_AUDIENCE"_s, jwtAudience);
    if (environment.contains(u"QWEN_SWARM_JWT_SECRET"_s))
        jwtKeys.append({u"env"_s, u"HS256"_s, environment.value(u"QWEN_SWARM_JWT_SECRET"_s).toUtf8()});
    return {};
}

void DaemonConfig::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"listen"_s, u"Address and port to serve on (default 127.0.0.1:8080)."_s, u"HOST:PORT"_s},
        {u"data-dir"_s, u"Folder of the database and the API keys."_s, u"DIR"_s},
        {u"config"_s, u"Read settings from this JSON file (flags and environment override it)."_s, u"FILE"_s},
        {u"store"_s, u"sqlite (default), postgres (with --pg) or memory."_s, u"STORE"_s},
        {u"pg"_s, u"With --store postgres: the database URL, postgresql://user:password@host:port/database."_s,
         u"URL"_s},
        {u"providers"_s, u"Model providers from this JSON file (OpenAI-compatible, Qwen, Anthropic, replay)."_s,
         u"FILE"_s},
        {u"backup"_s, u"Write a consistent backup of the store to FILE (a new file), then exit."_s, u"FILE"_s},
        {u"restore"_s, u"Replace the store's database with the backup FILE (the daemon must be stopped), then exit."_s,
         u"FILE"_s},
        {u"tls-cert"_s, u"PEM certificate: serve wss:// and https://."_s, u"FILE"_s},
        {u"tls-key"_s, u"PEM private key of the certificate."_s, u"FILE"_s},
        {u"allow-plain"_s, u"Allow unencrypted connections on an address other than loopback."_s},
        {u"create-api-key"_s, u"Create an API key with ROLE (viewer, operator, admin), print it once, exit."_s,
         u"ROLE"_s},
        {u"key-name"_s, u"A label for the key --create-api-key makes."_s, u"NAME"_s},
        {u"check-config"_s, u"Validate the configuration and exit."_s},
        {u"log-level"_s, u"debug, info, warning or error (default info)."_s, u"LEVEL"_s},
        {u"log-json"_s, u"Write logs as JSON lines."_s},
        {u"log-file"_s, u"Write logs to FILE (rotated) instead of standard error."_s, u"FILE"_s},
        {u"drain-timeout"_s, u"Seconds to let running work finish on SIGTERM (default 30)."_s, u"SECONDS"_s},
    });
}

Api::Result<void> DaemonConfig::readOptions(const QCommandLineParser &parser)
{
    if (parser.isSet(u"listen"_s)) {
        const auto parsed = parseListen(parser.value(u"listen"_s));
        if (!parsed)
            return parsed.error();
        std::tie(address, port) = *parsed;
    }
    auto take = [&parser](const QString &name, QString &into) {
        if (parser.isSet(name))
            into = parser.value(name);
    };
    take(u"data-dir"_s, dataDir);
    take(u"store"_s, store);
    take(u"pg"_s, pgUrl);
    take(u"providers"_s, providersFile);
    take(u"tls-cert"_s, tlsCertificate);
    take(u"tls-key"_s, tlsKey);
    take(u"log-level"_s, logLevel);
    take(u"log-file"_s, logFile);
    allowPlain = allowPlain || parser.isSet(u"allow-plain"_s);
    logJson = logJson || parser.isSet(u"log-json"_s);
    if (parser.isSet(u"drain-timeout"_s)) {
        bool ok = false;
        drainTimeoutSeconds = parser.value(u"drain-timeout"_s).toInt(&ok);
        if (!ok || drainTimeoutSeconds < 0 || drainTimeoutSeconds > 3600)
            return invalid(u"--drain-timeout: expected 0..3600 seconds"_s);
    }
    return {};
}

Api::Result<void> DaemonConfig::validate() const
{
    if (store != u"sqlite"_s && store != u"postgres"_s && store != u"memory"_s)
        return invalid(u"store: expected sqlite, postgres or memory, got '%1'"_s.arg(store));
    if (store == u"postgres"_s && pgUrl.isEmpty())
        return invalid(u"store postgres: give the database URL (--pg, QWEN_SWARM_PG_URL or pg_url)"_s);
    if (tlsCertificate.isEmpty() != tlsKey.isEmpty())
        return invalid(u"tls: give both a certificate and a key"_s);
    for (const QString &file : {tlsCertificate, tlsKey}) {
        if (!file.isEmpty() && !QFileInfo(file).isReadable())
            return invalid(u"tls: cannot read %1"_s.arg(file));
    }
    if (tlsCertificate.isEmpty() && !address.isLoopback() && !allowPlain)
        return invalid(
            u"listen: %1 is not loopback; configure TLS or allow plain connections"_s.arg(address.toString()));
    if (!jwtKeys.isEmpty() && (jwtIssuer.isEmpty() || jwtAudience.isEmpty()))
        return invalid(u"jwt: keys need an issuer and an audience"_s);
    for (const JwtKey &key : jwtKeys) {
        if (key.algorithm != u"HS256"_s && key.algorithm != u"RS256"_s)
            return invalid(u"jwt: key '%1': algorithm must be HS256 or RS256"_s.arg(key.id));
        if (key.material.isEmpty())
            return invalid(u"jwt: key '%1' has no secret or public key"_s.arg(key.id));
    }
    if (!QStringList {u"debug"_s, u"info"_s, u"warning"_s, u"error"_s}.contains(logLevel))
        return invalid(u"log level: expected debug, info, warning or error"_s);
    return {};
}

Api::Result<void> DaemonConfig::loadProviders(const QProcessEnvironment &environment)
{
    if (providersFile.isEmpty())
        return {};
    auto loaded = Engine::ProviderConfigFile::load(providersFile, [&environment](const QString &name) {
        return environment.contains(name) ? std::optional<QByteArray>(environment.value(name).toUtf8()) : std::nullopt;
    });
    if (!loaded)
        return loaded.error();
    providers = std::move(loaded).value();
    return {};
}

} // namespace QwenSwarm::Daemon
