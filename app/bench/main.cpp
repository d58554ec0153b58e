// qwen-swarm-bench: runs the standard workload (DESIGN.md section 9) and prints one JSON line.
#include "workloadrunner.h"

#include <backend/inprocessbackend.h>
#include <store/memorystore.h>
#include <store/threadedstore.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

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
    Bench::WorkloadOptions workload;
    QString store;
    quint64 seed = 1;
    bool storeThread = false;
};

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
        {QStringLiteral("pg"), QStringLiteral("PostgreSQL connection URL (with --store postgres)."),
         QStringLiteral("URL")},
        {QStringLiteral("attach"), QStringLiteral("Run against a daemon at URL instead of an embedded engine."),
         QStringLiteral("URL")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the engine."), QStringLiteral("SEED"), QStringLiteral("1")},
        {QStringLiteral("store-thread"), QStringLiteral("Run the store on a thread of its own.")},
    });
    parser.process(app);

    BenchOptions options;
    options.workload.tasks = positiveOption(parser, QStringLiteral("tasks"), 1, 100'000'000);
    options.workload.concurrency = positiveOption(parser, QStringLiteral("concurrency"), 1, 1'000'000);
    options.workload.latencyMs = positiveOption(parser, QStringLiteral("latency-ms"), 0, 600'000);
    options.store = parser.value(QStringLiteral("store"));
    options.seed = parser.value(QStringLiteral("seed")).toULongLong();
    options.storeThread = parser.isSet(QStringLiteral("store-thread"));
    if (parser.isSet(QStringLiteral("attach"))) {
        QTextStream(stderr)
            << "qwen-swarm-bench: --attach needs the remote backend, which this build does not have yet\n";
        std::exit(2);
    }
    if (options.store != QLatin1StringView("memory")) {
        QTextStream(stderr) << "qwen-swarm-bench: --store " << options.store
                            << " is not available in this build (available: memory)\n";
        std::exit(2);
    }
    return options;
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
    if (!r.correct)
        line.insert(QStringLiteral("failure"), r.failure);
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qwen-swarm-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QWENSWARM_VERSION));
    const BenchOptions options = parseOptions(app);

    Engine::EngineConfig config;
    config.seed = options.seed;
    config.maxRunningTasks = options.workload.concurrency;
    config.maxQueuedTasks = std::max(options.workload.concurrency * 2, 1024);
    config.maxBatchSize = std::max(options.workload.concurrency, 10000);
    const Usage before = currentUsage();
    std::unique_ptr<Engine::Store> store = std::make_unique<Engine::MemoryStore>();
    if (options.storeThread)
        store = std::make_unique<Engine::ThreadedStore>(std::move(store));
    Engine::InProcessBackend backend(config, std::move(store));
    Bench::WorkloadRunner runner(backend, options.workload);
    QObject::connect(&runner, &Bench::WorkloadRunner::finished, &app, &QCoreApplication::quit);
    runner.start();
    app.exec();
    const Usage after = currentUsage();

    printResult(options, runner.result(), {after.cpuSeconds - before.cpuSeconds, after.peakRssMb});
    return runner.result().correct ? 0 : 1;
}
