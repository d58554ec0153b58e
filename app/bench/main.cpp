// qwen-swarm-bench: runs the standard workload (DESIGN.md section 9) and prints one JSON line.
#include "attachedworkload.h"
#include "consensusreport.h"
#include "workloadrunner.h"

#include <backend/inprocessbackend.h>
#include <providers/providerconfigfile.h>
#include <store/groupcommitstore.h>
#include <store/memorystore.h>
#include <store/postgresstore.h>
#include <store/sqlitestore.h>
#include <store/threadedstore.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>

#include <sys/resource.h>

#include <cstdio>

using namespace QwenSwarm;

namespace {

struct Usage
{
    double cpuSeconds = 0;
    double peakRssMb = 0;
};

Usage currentUsage()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds
        = [](const timeval &t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return {seconds(usage.ru_utime) + seconds(usage.ru_stime), static_cast<double>(usage.ru_maxrss) / 1024.0};
}

int positiveOption(const QCommandLineParser &parser, const QString &name, int min, int max)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        QTextStream(stderr) << "qwen-swarm-bench: --" << name << " expects an integer in [" << min << ", " << max
                            << "]\n";
        std::exit(2);
    }
    return value;
}

struct BenchOptions
{
    bool consensusReport = false;
    QString csv;
    double scale = 1;
    Bench::WorkloadOptions workload;
    QString store;
    QString dataDir; ///< For --store sqlite; empty = a fresh temporary folder.
    QString pgUrl; ///< For --store postgres.
    quint64 seed = 1;
    bool storeThread = false;
    // With --provider openai|anthropic:
    QString baseUrl;
    QString keyVariable; ///< The environment variable holding the key; empty = no key.
    bool stream = false;
    int connectionLanes = 1;
    // With --attach:
    QUrl attach;
    QString token; ///< --token; QWEN_SWARM_TOKEN when empty. Never printed.
};

// Exits with status 2 (and a message) unless --provider and --base-url make sense together.
void checkProvider(const BenchOptions &options)
{
    const QString &provider = options.workload.provider;
    if (provider != QLatin1StringView("simulated") && !Engine::providerKindFromName(provider)) {
        QTextStream(stderr) << "qwen-swarm-bench: --provider expects simulated, openai or anthropic\n";
        std::exit(2);
    }
    const QUrl url(options.baseUrl);
    if (provider != QLatin1StringView("simulated") && (!url.isValid() || url.scheme().isEmpty())) {
        QTextStream(stderr) << "qwen-swarm-bench: --provider " << provider << " needs --base-url URL\n";
        std::exit(2);
    }
}

// The provider the agents call, for --provider openai|anthropic: named like its kind, no retries
// hidden behind the figure (the SDKs' defaults), no limits but the workload's own.
Engine::ProviderConfig benchProvider(const BenchOptions &options)
{
    Engine::ProviderConfig config;
    config.name = options.workload.provider;
    config.kind = *Engine::providerKindFromName(options.workload.provider);
    config.baseUrl = options.baseUrl;
    config.defaultModel = options.workload.model;
    config.stream = options.stream;
    config.connectionLanes = options.connectionLanes;
    if (!options.keyVariable.isEmpty()) {
        config.keyRef = QStringLiteral("env:") + options.keyVariable;
        Engine::ProviderConfigFile::resolveKey(config, Engine::ProviderConfigFile::processEnvironment());
    }
    return config;
}

// Exits with status 2 (and a message) on options it cannot run.
BenchOptions parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the standard workload: each task fans out to 5 agents, then a plurality vote; prints one JSON line."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("tasks"), QStringLiteral("Number of tasks N."), QStringLiteral("N"), QStringLiteral("10000")},
        {QStringLiteral("concurrency"), QStringLiteral("Tasks in flight C."), QStringLiteral("C"),
         QStringLiteral("64")},
        {QStringLiteral("latency-ms"), QStringLiteral("Simulated model latency L in ms."), QStringLiteral("L"),
         QStringLiteral("0")},
        {QStringLiteral("store"), QStringLiteral("memory, sqlite or postgres."), QStringLiteral("STORE"),
         QStringLiteral("memory")},
        {QStringLiteral("pg"),
         QStringLiteral("With --store postgres: the database's URL, postgresql://user:password@host:port/database "
                        "(best an empty one: the run's tasks stay in it; scripts/pg-throwaway makes one)."),
         QStringLiteral("URL")},
        {QStringLiteral("attach"),
         QStringLiteral("Run against a daemon at URL instead of an embedded engine (tasks are submitted at most "
                        "every 5 ms, within the daemon's per-client request limit)."),
         QStringLiteral("URL")},
        {QStringLiteral("token"),
         QStringLiteral("With --attach: the JWT or API key to present (default: the QWEN_SWARM_TOKEN environment "
                        "variable)."),
         QStringLiteral("TOKEN")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the engine."), QStringLiteral("SEED"), QStringLiteral("1")},
        {QStringLiteral("store-thread"), QStringLiteral("Run the store on a thread of its own.")},
        {QStringLiteral("data-dir"),
         QStringLiteral("With --store sqlite: the folder of the database file (default: a fresh temporary folder, "
                        "removed afterwards)."),
         QStringLiteral("DIR")},
        {QStringLiteral("provider"),
         QStringLiteral("simulated (default), or openai or anthropic: the agents call the endpoint at --base-url."),
         QStringLiteral("P"), QStringLiteral("simulated")},
        {QStringLiteral("base-url"),
         QStringLiteral("With --provider openai|anthropic: the base URL (e.g. http://127.0.0.1:8000/v1 for OpenAI, "
                        "http://127.0.0.1:8000 for Anthropic; qwen-swarm-fake-llm prints one)."),
         QStringLiteral("URL")},
        {QStringLiteral("model"), QStringLiteral("With --provider: the model name."), QStringLiteral("NAME"),
         QStringLiteral("bench")},
        {QStringLiteral("api-key-env"),
         QStringLiteral("With --provider: the environment variable holding the API key (default: send none)."),
         QStringLiteral("NAME")},
        {QStringLiteral("stream"), QStringLiteral("With --provider: stream the answers (SSE).")},
        {QStringLiteral("connection-lanes"),
         QStringLiteral("With --provider and a plain-http URL: connection pools of 6 (default 1)."),
         QStringLiteral("N"), QStringLiteral("1")},
        {QStringLiteral("consensus-report"),
         QStringLiteral("Instead of the workload: run the consensus and learning experiments, one JSON line each.")},
        {QStringLiteral("csv"), QStringLiteral("With --consensus-report: also write the table to FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("scale"),
         QStringLiteral("With --consensus-report: multiply the experiments' task counts (default 1)."),
         QStringLiteral("X"), QStringLiteral("1")},
    });
    parser.process(app);

    BenchOptions options;
    options.workload.tasks = positiveOption(parser, QStringLiteral("tasks"), 1, 100'000'000);
    options.workload.concurrency = positiveOption(parser, QStringLiteral("concurrency"), 1, 1'000'000);
    options.workload.latencyMs = positiveOption(parser, QStringLiteral("latency-ms"), 0, 600'000);
    options.store = parser.value(QStringLiteral("store"));
    options.seed = parser.value(QStringLiteral("seed")).toULongLong();
    options.storeThread = parser.isSet(QStringLiteral("store-thread"));
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.pgUrl = parser.value(QStringLiteral("pg"));
    options.workload.provider = parser.value(QStringLiteral("provider"));
    options.workload.model = parser.value(QStringLiteral("model"));
    options.baseUrl = parser.value(QStringLiteral("base-url"));
    options.keyVariable = parser.value(QStringLiteral("api-key-env"));
    options.stream = parser.isSet(QStringLiteral("stream"));
    options.connectionLanes = positiveOption(parser, QStringLiteral("connection-lanes"), 1, 64);
    checkProvider(options);
    options.consensusReport = parser.isSet(QStringLiteral("consensus-report"));
    options.csv = parser.value(QStringLiteral("csv"));
    options.scale = parser.value(QStringLiteral("scale")).toDouble();
    if (!(options.scale > 0 && options.scale <= 10)) {
        QTextStream(stderr) << "qwen-swarm-bench: --scale expects a number in (0, 10]\n";
        std::exit(2);
    }
    if (parser.isSet(QStringLiteral("attach"))) {
        options.attach = QUrl(parser.value(QStringLiteral("attach")));
        options.token = parser.value(QStringLiteral("token"));
        const QString scheme = options.attach.scheme();
        if (!options.attach.isValid() || (scheme != QLatin1StringView("ws") && scheme != QLatin1StringView("wss"))) {
            QTextStream(stderr) << "qwen-swarm-bench: --attach expects ws://HOST:PORT or wss://HOST:PORT\n";
            std::exit(2);
        }
        if (options.workload.provider != QLatin1StringView("simulated")) {
            QTextStream(stderr) << "qwen-swarm-bench: --attach runs the simulated provider of the daemon\n";
            std::exit(2);
        }
    }
    if (options.store != QLatin1StringView("memory") && options.store != QLatin1StringView("sqlite")
        && options.store != QLatin1StringView("postgres")) {
        QTextStream(stderr) << "qwen-swarm-bench: --store " << options.store
                            << " is not available in this build (available: memory, sqlite, postgres)\n";
        std::exit(2);
    }
    if (options.store == QLatin1StringView("postgres") && options.pgUrl.isEmpty()) {
        QTextStream(stderr) << "qwen-swarm-bench: --store postgres needs --pg URL\n";
        std::exit(2);
    }
    return options;
}

// A durable store as the programs run it: on a thread of its own, with group commit. Null (after a
// message) when it could not be opened.
template<typename DurableStore>
std::unique_ptr<Engine::Store> onItsThread(Api::Result<std::unique_ptr<DurableStore>> opened)
{
    if (!opened) {
        QTextStream(stderr) << "qwen-swarm-bench: " << opened.error().message << '\n';
        return nullptr;
    }
    return std::make_unique<Engine::ThreadedStore>(
        std::make_unique<Engine::GroupCommitStore>(std::move(opened).value()));
}

// The store the options ask for; SQLite and PostgreSQL always run on a thread of their own. Null
// (after a message) when the store cannot be opened.
std::unique_ptr<Engine::Store> openStore(const BenchOptions &options, const QTemporaryDir &scratch)
{
    if (options.store == QLatin1StringView("memory")) {
        std::unique_ptr<Engine::Store> memory = std::make_unique<Engine::MemoryStore>();
        if (options.storeThread)
            return std::make_unique<Engine::ThreadedStore>(std::move(memory));
        return memory;
    }
    if (options.store == QLatin1StringView("postgres"))
        return onItsThread(Engine::PostgresStore::open(options.pgUrl));
    const QString dir = options.dataDir.isEmpty() ? scratch.path() : options.dataDir;
    return onItsThread(Engine::SqliteStore::open(QDir(dir).filePath(Engine::SqliteStore::defaultFileName())));
}

void printResult(const BenchOptions &options, const Bench::WorkloadResult &r, const Usage &used)
{
    const Bench::WorkloadOptions &w = options.workload;
    QJsonObject line {
        {QStringLiteral("tasks"), r.tasks},
        {QStringLiteral("agents_per_task"), w.agentsPerTask},
        {QStringLiteral("concurrency"), w.concurrency},
        {QStringLiteral("model_latency_ms"), w.latencyMs},
        {QStringLiteral("store"), options.store},
        {QStringLiteral("wall_s"), r.wallSeconds},
        {QStringLiteral("tasks_per_s"), r.wallSeconds > 0 ? r.tasks / r.wallSeconds : 0},
        {QStringLiteral("p50_ms"), r.p50Ms},
        {QStringLiteral("p99_ms"), r.p99Ms},
        {QStringLiteral("cpu_us_per_task"), r.tasks > 0 ? used.cpuSeconds * 1e6 / r.tasks : 0},
        {QStringLiteral("peak_rss_mb"), used.peakRssMb},
        {QStringLiteral("correct"), r.correct},
    };
    if (w.provider != QLatin1StringView("simulated"))
        line.insert(QStringLiteral("provider"), w.provider);
    if (!r.correct)
        line.insert(QStringLiteral("failure"), r.failure);
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
}

// --attach: the workload through a RemoteBackend against a running daemon; "store" is the daemon's.
int runAttached(BenchOptions options)
{
    const Usage before = currentUsage();
    const auto result = Bench::AttachedWorkload::run(options.attach, Bench::AttachedWorkload::tokenFrom(options.token),
                                                     options.workload, options.store);
    if (!result) {
        QTextStream(stderr) << "qwen-swarm-bench: " << options.attach.toDisplayString() << ": "
                            << result.error().message << '\n';
        return 2;
    }
    const Usage after = currentUsage();
    printResult(options, result.value(), {after.cpuSeconds - before.cpuSeconds, after.peakRssMb});
    return result->correct ? 0 : 1;
}

// Prints each experiment as it completes; writes the CSV; answers whether all passed.
bool consensusReport(const BenchOptions &options)
{
    const QList<Bench::Experiment> experiments
        = Bench::runConsensusReport(options.scale, [](const Bench::Experiment &e) {
              const QJsonObject line {
                  {QStringLiteral("experiment"), e.name},   {QStringLiteral("expected"), e.expected},
                  {QStringLiteral("measured"), e.measured}, {QStringLiteral("tolerance"), e.tolerance},
                  {QStringLiteral("pass"), e.pass},         {QStringLiteral("note"), e.note}};
              std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
              std::fputc('\n', stdout);
              std::fflush(stdout);
          });
    if (!options.csv.isEmpty()) {
        QFile file(options.csv);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream(stderr) << "qwen-swarm-bench: cannot write " << options.csv << ": " << file.errorString()
                                << '\n';
            return false;
        }
        QTextStream out(&file);
        out << "experiment,expected,measured,tolerance,pass,note\n";
        for (const Bench::Experiment &e : experiments) {
            out << e.name << ',' << e.expected << ',' << e.measured << ',' << e.tolerance << ','
                << (e.pass ? "true" : "false") << ",\""
                << QString(e.note).replace(QLatin1Char('"'), QStringLiteral("\"\"")) << "\"\n";
        }
    }
    return std::all_of(experiments.cbegin(), experiments.cend(), [](const Bench::Experiment &e) { return e.pass; });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qwen-swarm-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QWENSWARM_VERSION));
    const BenchOptions options = parseOptions(app);
    if (options.consensusReport)
        return consensusReport(options) ? 0 : 1;
    if (!options.attach.isEmpty())
        return runAttached(options);

    Engine::EngineConfig config;
    config.seed = options.seed;
    config.maxRunningTasks = options.workload.concurrency;
    config.maxQueuedTasks = std::max(options.workload.concurrency * 2, 1024);
    config.maxBatchSize = std::max(options.workload.concurrency, 10000);
    if (options.workload.provider != QLatin1StringView("simulated"))
        config.providers.append(benchProvider(options));
    const QTemporaryDir scratch; // removed on exit; used when --store sqlite has no --data-dir
    const Usage before = currentUsage();
    std::unique_ptr<Engine::Store> store = openStore(options, scratch);
    if (!store)
        return 2;
    Bench::WorkloadResult result;
    QElapsedTimer closing;
    {
        Engine::InProcessBackend backend(config, std::move(store));
        Bench::WorkloadRunner runner(backend, options.workload);
        QObject::connect(&runner, &Bench::WorkloadRunner::finished, &app, &QCoreApplication::quit);
        runner.start();
        app.exec();
        result = runner.result();
        closing.start();
    }
    // Closing hands the last writes to the store and waits until they are durable: that time counts.
    result.wallSeconds += static_cast<double>(closing.nsecsElapsed()) / 1e9;
    const Usage after = currentUsage();

    printResult(options, result, {after.cpuSeconds - before.cpuSeconds, after.peakRssMb});
    return result.correct ? 0 : 1;
}
