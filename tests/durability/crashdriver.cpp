// qwen-swarm-crash-driver: an engine on a durable store, as the daemon runs one, that submits tasks
// and says which ones were acknowledged; the crash tests kill it at random moments and start it again.
//
//   qwen-swarm-crash-driver (--sqlite FILE | --pg URL) --tasks N --from K [--batch B] [--latency-ms L]
//                           [--pace-ms P]
//
// Submits the tasks with idempotency keys "k<K>".."k<N-1>", one batch at a time, and prints, after a
// batch is acknowledged, one line "ack <key index> <task id>" per task of it (flushed), then waits
// until no task is unfinished and prints "drained". Prints "ready" once the engine has restored the
// store, and "refused <message>" for a batch the engine refused (it is submitted again). Exits 0
// when drained, 1 when the store cannot be opened.
//
//   qwen-swarm-crash-driver (--sqlite FILE | --pg URL) --workflow FILE [--latency-ms L]
//
// Starts the workflow (on the swarm "crash") with the idempotency key "crash-run", so that a driver
// started again after a kill finds the run the first one started; prints "run <id>" once it has it,
// then "done <state>" when the run has finished, and exits 0.
#include <api/jsonworkflow.h>
#include <backend/inprocessbackend.h>
#include <store/groupcommitstore.h>
#include <store/postgresstore.h>
#include <store/sqlitestore.h>
#include <store/threadedstore.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

using namespace QwenSwarm;

namespace {

struct Options
{
    QString sqlite;
    QString pg;
    int tasks = 10000;
    int from = 0;
    int batch = 100;
    int latencyMs = 1;
    int paceMs = 0; ///< Pause between batches, so that a run lasts long enough to be killed in.
    QString workflow; ///< A workflow file to run instead of tasks.
};

std::unique_ptr<Engine::Store> openStore(const Options &options)
{
    auto onThread = [](auto opened) -> std::unique_ptr<Engine::Store> {
        if (!opened) {
            std::fprintf(stderr, "crash-driver: %s\n", qPrintable(opened.error().message));
            return nullptr;
        }
        return std::make_unique<Engine::ThreadedStore>(
            std::make_unique<Engine::GroupCommitStore>(std::move(opened).value()));
    };
    if (!options.pg.isEmpty())
        return onThread(Engine::PostgresStore::open(options.pg));
    return onThread(Engine::SqliteStore::open(options.sqlite));
}

/// Submits the tasks batch by batch, then waits for the queue to drain.
class Driver : public QObject
{
public:
    Driver(Api::Backend &backend, Options options)
        : m_backend(backend)
        , m_options(options)
        , m_next(options.from)
    { }

    void start()
    {
        m_backend.listSwarms(this, [this](Api::Result<QList<Api::Swarm>> swarms) {
            if (swarms && !swarms->isEmpty()) {
                m_swarm = swarms->first().id;
                return ready();
            }
            m_backend.createSwarm(swarmSpec(), this, [this](Api::Result<Api::Swarm> created) {
                if (!created)
                    return quit(1, created.error().message);
                m_swarm = created->id;
                ready();
            });
        });
    }

private:
    Api::SwarmSpec swarmSpec() const
    {
        Api::SwarmSpec spec;
        spec.name = QStringLiteral("crash");
        for (int i = 0; i < 5; ++i) {
            Api::AgentSpec agent;
            agent.name = QStringLiteral("agent-%1").arg(i);
            agent.parameters = {{QStringLiteral("mode"), QStringLiteral("workload")},
                                {QStringLiteral("latency_ms"), m_options.latencyMs}};
            agent.limits.maxConcurrency = 0;
            spec.agents.append(agent);
        }
        return spec;
    }

    void ready()
    {
        std::puts("ready");
        std::fflush(stdout);
        if (!m_options.workflow.isEmpty())
            return startRun();
        submitMore();
    }

    void startRun()
    {
        QFile file(m_options.workflow);
        if (!file.open(QIODevice::ReadOnly))
            return quit(1, file.errorString());
        auto workflow = Api::workflowFromJson(QJsonDocument::fromJson(file.readAll()).object());
        if (!workflow)
            return quit(1, workflow.error().message);
        Api::RunSpec spec {*workflow, {}, QStringLiteral("crash-run")};
        m_backend.startRun(spec, this, [this](Api::Result<Api::Run> run) {
            if (!run)
                return quit(1, run.error().message);
            std::printf("run %llu\n", static_cast<unsigned long long>(run->id.value));
            std::fflush(stdout);
            waitForRun(run->id);
        });
    }

    void waitForRun(Api::RunId id)
    {
        m_backend.run(id, this, [this, id](Api::Result<Api::Run> run) {
            if (!run)
                return quit(1, run.error().message);
            if (!Api::isTerminal(run->state))
                return QTimer::singleShot(20, this, [this, id] { waitForRun(id); });
            std::printf("done %s\n", qPrintable(Api::enumName(run->state).toString()));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }

    void submitMore()
    {
        if (m_next >= m_options.tasks)
            return waitForDrain();
        const int count = std::min(m_options.batch, m_options.tasks - m_next);
        QList<Api::TaskSpec> specs;
        for (int i = m_next; i < m_next + count; ++i) {
            Api::TaskSpec spec;
            spec.swarmId = m_swarm;
            spec.promptTemplate = QStringLiteral("task {{t}} agent {{agent.index}}");
            spec.variables.insert(QStringLiteral("t"), i);
            spec.answerFormat = Api::AnswerFormat::Choice;
            spec.choices = {QStringLiteral("A"), QStringLiteral("B")};
            spec.idempotencyKey = QStringLiteral("k%1").arg(i);
            specs.append(spec);
        }
        m_backend.submitTasks(specs, this, [this, count](Api::Result<QList<Api::Task>> accepted) {
            if (!accepted) {
                std::printf("refused %s\n", qPrintable(accepted.error().message));
                std::fflush(stdout);
                return QTimer::singleShot(100, this, [this] { submitMore(); });
            }
            QByteArray lines;
            for (int i = 0; i < count; ++i)
                lines += "ack " + QByteArray::number(m_next + i) + ' ' + QByteArray::number(accepted->at(i).id.value)
                    + '\n';
            std::fwrite(lines.constData(), 1, static_cast<std::size_t>(lines.size()), stdout);
            std::fflush(stdout);
            m_next += count;
            QTimer::singleShot(m_options.paceMs, this, [this] { submitMore(); });
        });
    }

    void waitForDrain()
    {
        m_backend.metrics(this, [this](Api::Result<Api::MetricsSnapshot> m) {
            double unfinished = 0;
            for (const char *state : {"queued", "running", "deciding"})
                unfinished += m ? m->value(QStringLiteral("qwen_swarm_tasks"),
                                           {{QStringLiteral("state"), QString::fromLatin1(state)}})
                                      .value_or(0)
                                : 1;
            if (unfinished == 0)
                return quit(0, {});
            QTimer::singleShot(50, this, [this] { waitForDrain(); });
        });
    }

    void quit(int code, const QString &why)
    {
        if (code == 0)
            std::puts("drained");
        else
            std::fprintf(stderr, "crash-driver: %s\n", qPrintable(why));
        std::fflush(stdout);
        QCoreApplication::exit(code);
    }

    Api::Backend &m_backend;
    Options m_options;
    Api::SwarmId m_swarm;
    int m_next;
};

Options parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("sqlite"), QStringLiteral("SQLite file."), QStringLiteral("FILE")},
         {QStringLiteral("pg"), QStringLiteral("PostgreSQL URL."), QStringLiteral("URL")},
         {QStringLiteral("tasks"), QStringLiteral("Tasks in all."), QStringLiteral("N")},
         {QStringLiteral("from"), QStringLiteral("First task to submit."), QStringLiteral("K")},
         {QStringLiteral("batch"), QStringLiteral("Tasks per submission."), QStringLiteral("B")},
         {QStringLiteral("latency-ms"), QStringLiteral("Model latency."), QStringLiteral("L")},
         {QStringLiteral("pace-ms"), QStringLiteral("Pause between batches."), QStringLiteral("P")},
         {QStringLiteral("workflow"), QStringLiteral("A workflow file to run."), QStringLiteral("FILE")}});
    parser.process(app);
    Options options;
    options.sqlite = parser.value(QStringLiteral("sqlite"));
    options.pg = parser.value(QStringLiteral("pg"));
    options.workflow = parser.value(QStringLiteral("workflow"));
    auto number = [&parser](const char *name, int fallback) {
        return parser.isSet(QString::fromLatin1(name)) ? parser.value(QString::fromLatin1(name)).toInt() : fallback;
    };
    options.tasks = number("tasks", options.tasks);
    options.from = number("from", options.from);
    options.batch = std::max(1, number("batch", options.batch));
    options.latencyMs = number("latency-ms", options.latencyMs);
    options.paceMs = number("pace-ms", options.paceMs);
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = parse(app);
    std::unique_ptr<Engine::Store> store = openStore(options);
    if (!store)
        return 1;
    Engine::EngineConfig config;
    config.maxRunningTasks = 256;
    config.maxQueuedTasks = 20000; // every task of a run may be queued at once after a restart
    config.maxBatchSize = std::max(options.batch, 1000);
    Engine::InProcessBackend backend(config, std::move(store));
    Driver driver(backend, options);
    driver.start();
    return app.exec();
}
