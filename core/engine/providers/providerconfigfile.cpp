#include "providers/providerconfigfile.h"

#include <api/jsonreader.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace QwenSwarm::Engine {

using Api::JsonObjectReader;
using Api::JsonReader;
using namespace Qt::Literals::StringLiterals;

namespace {

template<typename Read>
void readObject(JsonReader &reader, JsonObjectReader &parent, QLatin1StringView key, Read read)
{
    QJsonObject object;
    parent.optional(key, object); // also marks the member as known
    if (!parent.has(key) || !reader.ok())
        return;
    JsonReader::Scope scope(reader, QString(key));
    JsonObjectReader members(reader, object);
    read(members);
    members.finish();
}

void readPrices(JsonReader &reader, const QJsonObject &prices, ProviderConfig &config)
{
    JsonReader::Scope scope(reader, QStringLiteral("prices"));
    for (auto it = prices.constBegin(); it != prices.constEnd() && reader.ok(); ++it) {
        JsonReader::Scope model(reader, it.key());
        ModelPrice price;
        JsonObjectReader p(reader, it.value());
        p.required("input"_L1, price.inputPerMTok);
        p.required("output"_L1, price.outputPerMTok);
        p.finish();
        config.prices.insert(it.key(), price);
    }
}

void readTuning(JsonReader &reader, JsonObjectReader &o, ProviderConfig &c)
{
    readObject(reader, o, "limits"_L1, [&c](JsonObjectReader &m) {
        m.optional("concurrency"_L1, c.limits.concurrency);
        m.optional("rpm"_L1, c.limits.requestsPerMinute);
        m.optional("tpm"_L1, c.limits.tokensPerMinute);
    });
    readObject(reader, o, "timeouts"_L1, [&c](JsonObjectReader &m) {
        m.optional("connect_ms"_L1, c.timeouts.connectMs);
        m.optional("first_byte_ms"_L1, c.timeouts.firstByteMs);
        m.optional("stall_ms"_L1, c.timeouts.stallMs);
        m.optional("total_ms"_L1, c.timeouts.totalMs);
    });
    readObject(reader, o, "retry"_L1, [&c](JsonObjectReader &m) {
        m.optional("max_retries"_L1, c.retry.maxRetries);
        m.optional("initial_delay_ms"_L1, c.retry.initialDelayMs);
        m.optional("max_delay_ms"_L1, c.retry.maxDelayMs);
        m.optional("jitter"_L1, c.retry.jitter);
        m.optional("max_retry_after_ms"_L1, c.retry.maxRetryAfterMs);
    });
    readObject(reader, o, "circuit"_L1, [&c](JsonObjectReader &m) {
        m.optional("failure_threshold"_L1, c.circuit.failureThreshold);
        m.optional("cool_down_ms"_L1, c.circuit.coolDownMs);
    });
    QJsonObject prices;
    o.optional("prices"_L1, prices);
    if (reader.ok())
        readPrices(reader, prices, c);
}

// The configuration's start: its preset's, or the defaults.
Api::Result<ProviderConfig> base(const QJsonObject &json)
{
    const QJsonValue preset = json.value("preset"_L1);
    if (preset.isUndefined())
        return ProviderConfig {};
    if (const auto found = ProviderConfig::preset(preset.toString()))
        return *found;
    return Api::makeError(Api::ErrorCode::InvalidArgument,
                          QStringLiteral("preset: unknown preset '%1' (expected one of %2)")
                              .arg(preset.toString(), ProviderConfig::presetNames().join(QStringLiteral(", "))),
                          {{QStringLiteral("path"), QStringLiteral("preset")}});
}

Api::Result<ProviderConfig> parseOne(const QJsonObject &json, bool &holdsKey)
{
    auto start = base(json);
    if (!start)
        return start;
    ProviderConfig c = std::move(start).value();
    JsonReader reader;
    JsonObjectReader o(reader, json);
    QString presetName;
    QString kind = providerKindName(c.kind);
    o.required("name"_L1, c.name);
    o.optional("preset"_L1, presetName);
    o.optional("kind"_L1, kind);
    o.optional("base_url"_L1, c.baseUrl);
    o.optional("model"_L1, c.defaultModel);
    o.optional("parameters"_L1, c.parameters);
    o.optional("stream"_L1, c.stream);
    o.optional("replay"_L1, c.replay);
    o.optional("record"_L1, c.record);
    o.optional("anthropic_version"_L1, c.anthropicVersion);
    o.optional("connection_lanes"_L1, c.connectionLanes);
    o.optional("seed"_L1, c.seed);
    QString key = c.keyRef;
    o.optional("key"_L1, key);
    readTuning(reader, o, c);
    o.finish();
    if (!reader.ok())
        return reader.error();
    const auto parsedKind = providerKindFromName(kind);
    if (!parsedKind)
        return Api::makeError(
            Api::ErrorCode::InvalidArgument,
            QStringLiteral("kind: unknown kind '%1' (expected openai, anthropic or simulated)").arg(kind),
            {{QStringLiteral("path"), QStringLiteral("kind")}});
    c.kind = *parsedKind;
    if (c.name.isEmpty())
        return Api::makeError(Api::ErrorCode::InvalidArgument, QStringLiteral("name: must not be empty"),
                              {{QStringLiteral("path"), QStringLiteral("name")}});
    if (c.kind != ProviderKind::Simulated && !QUrl(c.baseUrl).isValid())
        return Api::makeError(Api::ErrorCode::InvalidArgument, QStringLiteral("base_url: not a URL"),
                              {{QStringLiteral("path"), QStringLiteral("base_url")}});
    if (key.isEmpty() || key.startsWith(QLatin1StringView("env:"))) {
        c.keyRef = key;
    } else {
        c.keyRef = QStringLiteral("file");
        c.apiKey = ApiKey(key.toUtf8());
        holdsKey = true;
    }
    return c;
}

QString modeText(QFileDevice::Permissions p)
{
    int mode = 0;
    const std::pair<QFileDevice::Permission, int> bits[]
        = {{QFileDevice::ReadOwner, 0400}, {QFileDevice::WriteOwner, 0200}, {QFileDevice::ExeOwner, 0100},
           {QFileDevice::ReadGroup, 040},  {QFileDevice::WriteGroup, 020},  {QFileDevice::ExeGroup, 010},
           {QFileDevice::ReadOther, 04},   {QFileDevice::WriteOther, 02},   {QFileDevice::ExeOther, 01}};
    for (const auto &[flag, bit] : bits)
        mode |= p.testFlag(flag) ? bit : 0;
    return QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0'));
}

} // namespace

ProviderConfigFile::Environment ProviderConfigFile::processEnvironment()
{
    return [](const QString &name) -> std::optional<QByteArray> {
        const QByteArray variable = name.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(variable.constData()))
            return std::nullopt;
        return qgetenv(variable.constData());
    };
}

void ProviderConfigFile::resolveKey(ProviderConfig &config, const Environment &environment)
{
    config.keyProblem.clear();
    if (!config.keyRef.startsWith(QLatin1StringView("env:")))
        return;
    const QString variable = config.keyRef.mid(4);
    const std::optional<QByteArray> value = environment ? environment(variable) : std::nullopt;
    if (value && !value->trimmed().isEmpty()) {
        config.apiKey = ApiKey(value->trimmed());
        return;
    }
    config.apiKey = ApiKey();
    config.keyProblem = QStringLiteral("no API key: the environment variable %1 is not set").arg(variable);
}

Api::Result<QList<ProviderConfig>> ProviderConfigFile::parse(const QJsonObject &file, bool &holdsKey)
{
    holdsKey = false;
    QList<ProviderConfig> configs;
    const QJsonValue providers = file.value("providers"_L1);
    for (auto it = file.constBegin(); it != file.constEnd(); ++it) {
        if (it.key() != QLatin1StringView("providers"))
            return Api::makeError(Api::ErrorCode::InvalidArgument, QStringLiteral("%1: unknown member").arg(it.key()),
                                  {{QStringLiteral("path"), it.key()}});
    }
    if (!providers.isArray())
        return Api::makeError(Api::ErrorCode::InvalidArgument, QStringLiteral("providers: expected an array"),
                              {{QStringLiteral("path"), QStringLiteral("providers")}});
    const QJsonArray list = providers.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto one = parseOne(list.at(i).toObject(), holdsKey);
        if (!one) {
            Api::Error error = one.error();
            const QString at = QStringLiteral("providers[%1]").arg(i);
            error.message = at + QLatin1Char('.') + error.message;
            error.details.insert(QStringLiteral("path"),
                                 QString(at + QLatin1Char('.') + error.details.value("path"_L1).toString()));
            return error;
        }
        if (std::any_of(configs.cbegin(), configs.cend(),
                        [&one](const ProviderConfig &c) { return c.name == one->name; }))
            return Api::makeError(Api::ErrorCode::InvalidArgument,
                                  QStringLiteral("providers[%1].name: '%2' is defined twice").arg(i).arg(one->name));
        configs.append(std::move(one).value());
    }
    return configs;
}

Api::Result<QList<ProviderConfig>> ProviderConfigFile::load(const QString &path, const Environment &environment)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Api::makeError(Api::ErrorCode::NotFound,
                              QStringLiteral("provider configuration %1: %2").arg(path, file.errorString()),
                              {{QStringLiteral("path"), path}});
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        return Api::makeError(Api::ErrorCode::InvalidArgument,
                              QStringLiteral("provider configuration %1: not a JSON object (%2 at offset %3)")
                                  .arg(path, error.errorString())
                                  .arg(error.offset),
                              {{QStringLiteral("path"), path}});
    bool holdsKey = false;
    auto configs = parse(document.object(), holdsKey);
    if (!configs) {
        Api::Error e = configs.error();
        e.message = QStringLiteral("provider configuration %1: %2").arg(path, e.message);
        return e;
    }
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    if (holdsKey && (permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther))) {
        return Api::makeError(Api::ErrorCode::PermissionDenied,
                              QStringLiteral("provider configuration %1 holds an API key but its group or others may "
                                             "read it (mode %2); make it private (chmod 600) or take the key from "
                                             "the environment (\"key\": \"env:NAME\")")
                                  .arg(path, modeText(permissions)),
                              {{QStringLiteral("path"), path}, {QStringLiteral("mode"), modeText(permissions)}});
    }
    for (ProviderConfig &config : configs.value())
        resolveKey(config, environment);
    return configs;
}

} // namespace QwenSwarm::Engine
