// qwen-swarm-provider-bench: the overhead of the provider layer on its own. It drives one real
// provider (OpenAiProvider or AnthropicProvider, streaming by default) against a server at
// --base-url with a fixed number of calls in flight, and prints one JSON line: completions per
// second and the latency of each call. Against a server that answers at once (qwen-swarm-fake-llm)
// that latency is what the provider layer, Qt's HTTP stack and loopback add.
//
//   qwen-swarm-fake-llm --run -- qwen-swarm-provider-bench --base-url {url} --calls 50000 --in-flight 256
#include "percentile.h"
#include "providers/httpclient.h"
#include "providers/providerconfig.h"
#include "providers/providerfactory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace QwenSwarm;

namespace {

struct Options
{
    Engine::ProviderKind kind = Engine::ProviderKind::OpenAi;
    QString baseUrl;
    QString model = QStringLiteral("bench-model");
    int calls = 20000;
    int inFlight = 256;
    bool stream = true;
    int connectionLanes = 8;
};

int positive(const QCommandLineParser &parser, const QString &name, int max)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 1 || value > max) {
        QTextStream(stderr) << "qwen-swarm-provider-bench: --" << name << " expects 1.." << max << '\n';
        std::exit(2);
    }
    return value;
}

Options parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures the provider layer: completions per second and per-call latency with a fixed "
                       "number of calls in flight against a model server; prints one JSON line."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("protocol"), QStringLiteral("openai or anthropic."), QStringLiteral("P"),
         QStringLiteral("openai")},
        {QStringLiteral("base-url"), QStringLiteral("The server's base URL (required)."), QStringLiteral("URL")},
        {QStringLiteral("model"), QStringLiteral("Model name sent."), QStringLiteral("NAME"),
         QStringLiteral("bench-model")},
        {QStringLiteral("calls"), QStringLiteral("Completions in all."), QStringLiteral("N"), QStringLiteral("20000")},
        {QStringLiteral("in-flight"), QStringLiteral("Completions in flight."), QStringLiteral("K"),
         QStringLiteral("256")},
        {QStringLiteral("no-stream"), QStringLiteral("Ask for whole answers instead of SSE streams.")},
        {QStringLiteral("connection-lanes"),
         QStringLiteral("Connection pools to a plain-http server (Qt keeps 6 connections per pool)."),
         QStringLiteral("K"), QStringLiteral("8")},
    });
    parser.process(app);
    Options options;
    const auto kind = Engine::providerKindFromName(parser.value(QStringLiteral("protocol")));
    if (!kind || *kind == Engine::ProviderKind::Simulated) {
        QTextStream(stderr) << "qwen-swarm-provider-bench: --protocol expects openai or anthropic\n";
        std::exit(2);
    }
    options.kind = *kind;
    options.baseUrl = parser.value(QStringLiteral("base-url"));
    const QUrl url(options.baseUrl);
    if (!url.isValid() || url.scheme().isEmpty()) {
        QTextStream(stderr) << "qwen-swarm-provider-bench: --base-url URL is required\n";
        std::exit(2);
    }
    options.model = parser.value(QStringLiteral("model"));
    options.calls = positive(parser, QStringLiteral("calls"), 10'000'000);
    options.inFlight = positive(parser, QStringLiteral("in-flight"), 100'000);
    options.stream = !parser.isSet(QStringLiteral("no-stream"));
    options.connectionLanes = positive(parser, QStringLiteral("connection-lanes"), 64);
    return options;
}

/// Keeps `inFlight` calls going until `calls` have finished, then reports and quits.
class Driver final : public Engine::ProviderSink
{
public:
    Driver(const Options &options, Engine::Provider &provider)
        : m_options(options)
        , m_provider(provider)
    {
        m_latenciesUs.reserve(static_cast<std::size_t>(options.calls));
    }

    void run()
    {
        m_clock.start();
        for (int i = 0; i < m_options.inFlight && m_started < m_options.calls; ++i)
            startOne();
    }

    void providerFinished(quint64 callId, Api::Result<Engine::ProviderResponse> result) override
    {
        const qint64 startedUs = m_startedUs.take(callId);
        m_latenciesUs.push_back(m_clock.nsecsElapsed() / 1000 - startedUs);
        if (result) {
            ++m_succeeded;
            m_tokens += result->promptTokens + result->completionTokens;
        } else if (m_firstError.isEmpty()) {
            m_firstError = result.error().message;
        }
        if (m_started < m_options.calls)
            return startOne();
        if (m_latenciesUs.size() == static_cast<std::size_t>(m_options.calls))
            QTimer::singleShot(0, qApp, [this] { report(); });
    }

private:
    void startOne()
    {
        Engine::ProviderRequest request;
        request.callId = ++m_started;
        request.model = m_options.model;
        request.systemPrompt = QStringLiteral("Answer with the number only, on a line starting with \"Answer:\".");
        request.userMessage = QStringLiteral("What is %1 + %2?").arg(m_started % 97).arg(m_started % 89);
        request.stream = m_options.stream;
        request.seedKey = m_started;
        request.taskKey = m_started;
        m_startedUs.insert(request.callId, m_clock.nsecsElapsed() / 1000);
        m_provider.start(request, this);
    }

    void report()
    {
        const double seconds = static_cast<double>(m_clock.nsecsElapsed()) / 1e9;
        std::sort(m_latenciesUs.begin(), m_latenciesUs.end());
        const QJsonObject line {
            {QStringLiteral("protocol"), Engine::providerKindName(m_options.kind)},
            {QStringLiteral("stream"), m_options.stream},
            {QStringLiteral("calls"), m_options.calls},
            {QStringLiteral("in_flight"), m_options.inFlight},
            {QStringLiteral("succeeded"), m_succeeded},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("completions_per_s"), static_cast<double>(m_options.calls) / seconds},
            {QStringLiteral("latency_p50_ms"), Bench::percentileOfSorted(m_latenciesUs, 0.50) / 1000.0},
            {QStringLiteral("latency_p99_ms"), Bench::percentileOfSorted(m_latenciesUs, 0.99) / 1000.0},
            {QStringLiteral("tokens"), static_cast<double>(m_tokens)},
            {QStringLiteral("first_error"), m_firstError},
        };
        QTextStream(stdout) << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
        QCoreApplication::exit(m_succeeded == m_options.calls ? 0 : 1);
    }

    const Options &m_options;
    Engine::Provider &m_provider;
    QElapsedTimer m_clock;
    QHash<quint64, qint64> m_startedUs;
    std::vector<qint64> m_latenciesUs;
    int m_started = 0;
    int m_succeeded = 0;
    qint64 m_tokens = 0;
    QString m_firstError;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qwen-swarm-provider-bench"));
    const Options options = parse(app);

    Engine::ProviderConfig config;
    config.name = Engine::providerKindName(options.kind);
    config.kind = options.kind;
    config.baseUrl = options.baseUrl;
    config.defaultModel = options.model;
    config.stream = options.stream;
    config.record = false; // the layer itself, not the store
    config.connectionLanes = options.connectionLanes;
    Engine::ProviderServices services;
    services.http = std::make_shared<Engine::HttpClient>();
    QObject owner;
    const std::unique_ptr<Engine::Provider> provider = Engine::ProviderFactory::create(config, services, &owner);

    Driver driver(options, *provider);
    QTimer::singleShot(0, &app, [&driver] { driver.run(); });
    return QCoreApplication::exec();
}
