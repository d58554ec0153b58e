#include "runtime/providerservice.h"

#include "providers/httpclient.h"
#include "providers/httpprovider.h"
#include "providers/providerconfigfile.h"
#include "providers/providerfactory.h"
#include "providers/simulatedprovider.h"
#include "runtime/clock.h"
#include "runtime/enginecontext.h"

#include <api/json.h>

#include <QElapsedTimer>
#include <QTimer>

namespace QwenSwarm::Engine {

using Api::ErrorCode;
using Api::ProviderOrigin;

namespace {

constexpr int checkTimeoutMs = 30000;
constexpr qsizetype checkAnswerLength = 200;

} // namespace

// Receives the answer of one tiny request; owns the provider that was built for it.
class ProviderService::Probe final : public ProviderSink
{
public:
    Probe(std::unique_ptr<Provider> provider, Api::ProviderCheck check, Reply<Api::ProviderCheck> done,
          std::function<void()> finished)
        : m_provider(std::move(provider))
        , m_check(std::move(check))
        , m_done(std::move(done))
        , m_finished(std::move(finished))
    {
        m_clock.start();
    }

    void start(const ProviderRequest &request) { m_provider->start(request, this); }

    void providerFinished(quint64, Api::Result<ProviderResponse> result) override
    {
        m_check.latencyMs = m_clock.elapsed();
        if (result)
            m_check.answer = result->text.trimmed().left(checkAnswerLength);
        else
            m_check.error = result.error();
        m_done(m_check);
        m_finished();
    }

private:
    std::unique_ptr<Provider> m_provider;
    Api::ProviderCheck m_check;
    Reply<Api::ProviderCheck> m_done;
    std::function<void()> m_finished;
    QElapsedTimer m_clock;
};

namespace {

// The settings' problem (providerSettingsProblem()) as the typed error that names its member.
Api::Error invalidSettings(const std::pair<QString, QString> &problem)
{
    return Api::makeError(ErrorCode::InvalidArgument, problem.first + QStringLiteral(": ") + problem.second,
                          {{QStringLiteral("path"), problem.first}});
}

Api::Error notOperators(const ProviderRegistry::Entry &entry, const QString &name)
{
    const QString why = entry.origin == ProviderOrigin::File
        ? QStringLiteral("provider '%1' comes from the provider configuration file: edit it there").arg(name)
        : QStringLiteral("provider '%1' is built in").arg(name);
    return Api::makeError(ErrorCode::InvalidState, why, {{QStringLiteral("origin"), Api::toJson(entry.origin)}});
}

int agentsCalling(const EngineContext &context, const QString &name)
{
    int count = 0;
    for (const auto &[id, swarm] : context.agents.swarms()) {
        for (const AgentRuntime *agent : swarm->agents)
            count += agent->agent.spec.provider == name ? 1 : 0;
    }
    return count;
}

} // namespace

ProviderService::ProviderService(EngineContext &context, QObject *owner)
    : m_context(context)
    , m_owner(owner)
{
    m_services.seed = context.config.seed;
    m_services.metrics = &context.metricsRegistry;
    m_services.publish = [&context](Api::LogEvent event) { context.events.publish(wallClockMs(), std::move(event)); };
    m_services.record = [&context](ProviderCallWrite write) { context.storeWriter.append(std::move(write)); };
    m_services.lookup = [&context](const QString &key, Store::Reply<ProviderCallWrite> reply) {
        context.store->recordedCall(key, std::move(reply));
    };
}

ProviderService::~ProviderService() = default;

const ProviderServices &ProviderService::services()
{
    if (!m_services.http)
        m_services.http = std::make_shared<HttpClient>();
    return m_services;
}

void ProviderService::install(const ProviderConfig &config, ProviderOrigin origin)
{
    const int limit = m_context.config.providerConcurrency.value(config.name, config.limits.concurrency);
    const ProviderServices &lent = ProviderFactory::needsHttp(config) ? services() : m_services;
    m_context.providers.add(ProviderFactory::create(config, lent, m_owner), limit, origin, config);
}

void ProviderService::registerConfigured()
{
    for (const ProviderConfig &config : m_context.config.providers)
        install(config, ProviderOrigin::File);
}

void ProviderService::restore(const QList<Api::ProviderSettings> &stored)
{
    for (const Api::ProviderSettings &settings : stored) {
        const ProviderRegistry::Entry *entry = m_context.providers.find(settings.name);
        if (entry && entry->origin != ProviderOrigin::Operator) {
            Api::LogEvent notice;
            notice.level = Api::LogLevel::Warning;
            notice.source = QStringLiteral("providers");
            notice.message = QStringLiteral("the stored provider '%1' is not used: the configuration file defines "
                                            "one of that name")
                                 .arg(settings.name);
            m_context.events.publish(wallClockMs(), std::move(notice));
            continue;
        }
        install(configOf(settings), ProviderOrigin::Operator);
    }
}

QList<Api::ProviderInfo> ProviderService::list() const
{
    QList<Api::ProviderInfo> infos;
    for (const auto &[name, entry] : m_context.providers.entries())
        infos.append(infoOf(name));
    return infos;
}

Api::ProviderInfo ProviderService::infoOf(const QString &name) const
{
    const ProviderRegistry::Entry &entry = *m_context.providers.find(name);
    Api::ProviderInfo info;
    info.origin = entry.origin;
    info.agents = agentsCalling(m_context, name);
    if (entry.config) {
        info.settings = settingsOf(*entry.config);
        if (entry.config->keyRef.isEmpty())
            info.keyStatus = QStringLiteral("none");
        else if (!entry.config->apiKey.isEmpty())
            info.keyStatus = QStringLiteral("present");
        else
            info.keyStatus
                = entry.config->keyProblem.isEmpty() ? QStringLiteral("no API key") : entry.config->keyProblem;
    } else {
        info.settings.name = name;
        info.settings.kind = dynamic_cast<const SimulatedProvider *>(entry.provider.get()) ? QStringLiteral("simulated")
                                                                                           : QStringLiteral("custom");
        info.keyStatus = QStringLiteral("none");
    }
    if (const auto *http = dynamic_cast<const HttpProvider *>(entry.provider.get()))
        info.circuit = CircuitBreaker::stateName(http->circuit().state());
    return info;
}

Api::ProviderSettings ProviderService::settingsOf(const ProviderConfig &config)
{
    Api::ProviderSettings s;
    s.name = config.name;
    s.kind = providerKindName(config.kind);
    s.baseUrl = config.baseUrl;
    s.defaultModel = config.defaultModel;
    s.parameters = config.parameters;
    s.concurrency = config.limits.concurrency;
    s.requestsPerMinute = config.limits.requestsPerMinute;
    s.tokensPerMinute = config.limits.tokensPerMinute;
    QStringList models = config.prices.keys();
    models.sort();
    for (const QString &model : models) {
        const ModelPrice price = config.prices.value(model);
        s.prices.append({model, price.inputPerMTok, price.outputPerMTok});
    }
    s.stream = config.stream;
    s.keyRef = config.keyRef;
    return s;
}

ProviderConfig ProviderService::configOf(const Api::ProviderSettings &s) const
{
    ProviderConfig c;
    c.name = s.name;
    c.kind = providerKindFromName(s.kind).value_or(ProviderKind::OpenAi);
    c.baseUrl = s.baseUrl;
    c.defaultModel = s.defaultModel;
    c.parameters = s.parameters;
    c.limits = {s.concurrency, s.requestsPerMinute, s.tokensPerMinute};
    for (const Api::ProviderPrice &price : s.prices)
        c.prices.insert(price.model, {price.inputPerMTok, price.outputPerMTok});
    c.stream = s.stream;
    c.keyRef = s.keyRef;
    if (s.keyRef == QLatin1StringView("keychain")) {
        c.apiKey = m_keychain.value(s.name);
        if (c.apiKey.isEmpty())
            c.keyProblem = QStringLiteral("no API key: the console's keychain holds none for provider %1").arg(s.name);
    } else {
        ProviderConfigFile::resolveKey(c, ProviderConfigFile::processEnvironment());
    }
    return c;
}

void ProviderService::put(const Api::ProviderSettings &settings, Reply<Api::ProviderInfo> done)
{
    if (const auto problem = Api::providerSettingsProblem(settings))
        return done(invalidSettings(*problem));
    if (const ProviderRegistry::Entry *entry = m_context.providers.find(settings.name);
        entry && entry->origin != ProviderOrigin::Operator)
        return done(notOperators(*entry, settings.name));
    install(configOf(settings), ProviderOrigin::Operator);
    m_context.storeWriter.append(ProviderWrite {settings, false});
    m_context.storeWriter.whenDurable([this, name = settings.name, done = std::move(done)](Api::Result<void> written) {
        if (!written)
            return done(written.error());
        if (!m_context.providers.find(name))
            return done(Api::makeError(ErrorCode::NotFound, QStringLiteral("provider '%1' was removed").arg(name)));
        done(infoOf(name));
    });
}

void ProviderService::remove(const QString &name, Reply<void> done)
{
    const ProviderRegistry::Entry *entry = m_context.providers.find(name);
    if (!entry)
        return done(Api::makeError(ErrorCode::NotFound, QStringLiteral("no provider named '%1'").arg(name)));
    if (entry->origin != ProviderOrigin::Operator)
        return done(notOperators(*entry, name));
    if (const int agents = agentsCalling(m_context, name); agents > 0) {
        return done(Api::makeError(
            ErrorCode::InvalidState,
            QStringLiteral("provider '%1' is called by %2 agent(s): remove them first").arg(name).arg(agents),
            {{QStringLiteral("agents"), agents}}));
    }
    m_context.providers.remove(name);
    m_keychain.remove(name); // a provider added again under this name starts without a key
    Api::ProviderSettings removed;
    removed.name = name;
    m_context.storeWriter.append(ProviderWrite {removed, true});
    m_context.storeWriter.whenDurable(std::move(done));
}

void ProviderService::test(const Api::ProviderSettings &settings, Reply<Api::ProviderCheck> done)
{
    ProviderConfig config;
    const ProviderRegistry::Entry *entry = m_context.providers.find(settings.name);
    if (entry && entry->origin != ProviderOrigin::Operator) {
        if (entry->config) {
            config = *entry->config;
        } else if (dynamic_cast<const SimulatedProvider *>(entry->provider.get())) {
            config.name = settings.name;
            config.kind = ProviderKind::Simulated;
        } else {
            return done(Api::makeError(ErrorCode::InvalidArgument,
                                       QStringLiteral("provider '%1' cannot be tried out").arg(settings.name)));
        }
    } else {
        if (const auto problem = Api::providerSettingsProblem(settings))
            return done(invalidSettings(*problem));
        config = configOf(settings);
    }
    // One try, soon over, that leaves no trace: not recorded, no circuit events, no metrics.
    config.retry.maxRetries = 0;
    config.replay = false;
    config.record = false;
    config.timeouts.firstByteMs = std::min(config.timeouts.firstByteMs, checkTimeoutMs);
    config.timeouts.stallMs = std::min(config.timeouts.stallMs, checkTimeoutMs);
    config.timeouts.totalMs = std::min(config.timeouts.totalMs, checkTimeoutMs);
    ProviderServices lent = ProviderFactory::needsHttp(config) ? services() : m_services;
    lent.record = {};
    lent.lookup = {};
    lent.publish = {};
    lent.metrics = nullptr;
    std::unique_ptr<Provider> provider = ProviderFactory::create(config, lent, m_owner);

    ProviderRequest request;
    request.callId = ++m_context.lastCallId;
    request.model = config.defaultModel;
    request.systemPrompt = QStringLiteral("You answer connection checks.");
    request.userMessage = QStringLiteral("Reply with the word OK.");
    request.referenceAnswer = QStringLiteral("OK");
    request.seedKey = request.taskKey = request.callId;
    Api::ProviderCheck check;
    check.provider = config.name;
    check.model = config.defaultModel;
    // The provider is inside its own callback when the probe finishes: both go once that returns.
    auto finished = [this, id = request.callId] { QTimer::singleShot(0, m_owner, [this, id] { m_probes.erase(id); }); };
    auto probe = std::make_unique<Probe>(std::move(provider), std::move(check), std::move(done), std::move(finished));
    Probe &started = *probe;
    m_probes.emplace(request.callId, std::move(probe));
    started.start(request);
}

void ProviderService::setKeychainKey(const QString &provider, const ApiKey &key)
{
    if (key.isEmpty())
        m_keychain.remove(provider);
    else
        m_keychain.insert(provider, key);
    const ProviderRegistry::Entry *entry = m_context.providers.find(provider);
    if (entry && entry->origin == ProviderOrigin::Operator && entry->config
        && entry->config->keyRef == QLatin1StringView("keychain"))
        install(configOf(settingsOf(*entry->config)), ProviderOrigin::Operator);
}

} // namespace QwenSwarm::Engine
