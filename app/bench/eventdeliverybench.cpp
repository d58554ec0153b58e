// qwen-swarm-eventbench: event delivery from the engine to remote subscribers on loopback.
//
// One process: the engine (its own thread), the RemoteServer (main thread) and N RemoteBackend
// subscribers (one client thread, or --client-threads of them), talking WebSocket over 127.0.0.1.
// The engine emits audit events at a fixed rate, each stamped with the monotonic clock when it is
// recorded; every subscriber watches the audit topic and measures, per event, the time from
// recording to its own eventsReceived(). Prints one JSON line: delivered vs expected, dropped
// notices, latency p50/p99/max.
#include "percentile.h"

#include <auth/apikeystore.h>
#include <backend/inprocessbackend.h>
#include <client/remotebackend.h>
#include <server/authenticator.h>
#include <server/remoteserver.h>
#include <store/memorystore.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

using namespace QwenSwarm;

namespace {

const QString tickAction = QStringLiteral("bench.tick");

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// The subscribers, on the client thread: connects them, counts what each receives and keeps the
/// latency of every delivery.
class SubscriberPool : public QObject
{
    Q_OBJECT

public:
    /// `expectedDeliveries`: room for every latency up front, so that growing the list never stalls
    /// the client thread while it measures (copying millions of entries takes tens of milliseconds).
    SubscriberPool(QUrl url, QByteArray token, int count, qint64 expectedDeliveries)
        : m_url(std::move(url))
        , m_token(std::move(token))
        , m_count(count)
    {
        m_latenciesNs.reserve(static_cast<std::size_t>(expectedDeliveries));
    }

    void start()
    {
        for (int i = 0; i < m_count; ++i) {
            Remote::RemoteOptions options;
            options.url = m_url;
            options.token = m_token;
            options.clientName = QStringLiteral("qwen-swarm-eventbench");
            auto *client = new Remote::RemoteBackend(options, this);
            m_clients.push_back(client);
            connect(client, &Api::Backend::eventsReceived, this,
                    [this](Api::SubscriptionId, const QList<Api::Event> &events) { onEvents(events); });
            connect(client, &Api::Backend::eventsDropped, this,
                    [this](Api::SubscriptionId, quint64 first, quint64 last) {
                        if (!m_stopped)
                            m_dropped += last - first + 1;
                    });
            connect(client, &Remote::RemoteBackend::connectionError, this, [](const Api::Error &error) {
                QTextStream(stderr) << "qwen-swarm-eventbench: subscriber: " << error.message << '\n';
            });
            client->connectToServer();
            Api::SubscriptionSpec spec;
            spec.topics = {Api::Topic::Audit};
            client->subscribe(spec, this, [this](Api::Result<Api::Subscription> subscribed) {
                if (!subscribed) {
                    QTextStream(stderr) << "qwen-swarm-eventbench: subscribe: " << subscribed.error().message << '\n';
                    return;
                }
                if (++m_subscribed == m_count)
                    Q_EMIT ready();
            });
        }
    }

    /// Stops counting: what arrives from now on is not measured (the clients may still be reading).
    void stop() { m_stopped = true; }
    quint64 delivered() const { return m_delivered; }
    quint64 dropped() const { return m_dropped; }
    std::vector<qint64> &latenciesNs() { return m_latenciesNs; }

Q_SIGNALS:
    void ready();

private:
    void onEvents(const QList<Api::Event> &events)
    {
        if (m_stopped)
            return;
        const qint64 now = monotonicNs();
        for (const Api::Event &event : events) {
            const auto *audit = std::get_if<Api::AuditEvent>(&event.payload);
            if (!audit || audit->action != tickAction)
                continue;
            ++m_delivered;
            m_latenciesNs.push_back(now - audit->detail.toLongLong());
        }
    }

    QUrl m_url;
    QByteArray m_token;
    int m_count;
    int m_subscribed = 0;
    bool m_stopped = false;
    std::vector<Remote::RemoteBackend *> m_clients;
    quint64 m_delivered = 0;
    quint64 m_dropped = 0;
    std::vector<qint64> m_latenciesNs;
};

int option(const QCommandLineParser &parser, const QString &name, int min, int max)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        QTextStream(stderr) << "qwen-swarm-eventbench: --" << name << " expects an integer in [" << min << ", " << max
                            << "]\n";
        std::exit(2);
    }
    return value;
}

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qwen-swarm-eventbench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Event delivery from the engine to remote subscribers on loopback; prints one JSON line."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("subscribers"), QStringLiteral("Remote subscribers."), QStringLiteral("N"),
         QStringLiteral("50")},
        {QStringLiteral("rate"), QStringLiteral("Events per second the engine emits."), QStringLiteral("R"),
         QStringLiteral("10000")},
        {QStringLiteral("seconds"), QStringLiteral("How long it emits."), QStringLiteral("S"), QStringLiteral("10")},
        {QStringLiteral("client-threads"),
         QStringLiteral("Threads the subscribers are spread over (each decodes its share)."), QStringLiteral("T"),
         QStringLiteral("1")},
    });
    parser.process(app);
    const int subscribers = option(parser, QStringLiteral("subscribers"), 1, 10000);
    const int rate = option(parser, QStringLiteral("rate"), 1, 10'000'000);
    const int seconds = option(parser, QStringLiteral("seconds"), 1, 3600);
    const int clientThreadCount = option(parser, QStringLiteral("client-threads"), 1, subscribers);

    Engine::InProcessBackend backend(Engine::EngineConfig {}, std::make_unique<Engine::MemoryStore>());
    const QTemporaryDir keyDir;
    Remote::ApiKeyStore keys(keyDir.path());
    const auto created = keys.load() ? keys.create(Remote::Role::Admin, QStringLiteral("bench"))
                                     : Api::Result<Remote::CreatedApiKey>(Api::makeError(
                                         Api::ErrorCode::Internal, QStringLiteral("cannot set up the key store")));
    if (!created) {
        QTextStream(stderr) << "qwen-swarm-eventbench: " << created.error().message << '\n';
        return 2;
    }
    const Remote::Authenticator authenticator(nullptr, &keys);
    Remote::RemoteServer server(backend, authenticator, &keys, Remote::ServerOptions {});
    if (auto listening = server.listen(); !listening) {
        QTextStream(stderr) << "qwen-swarm-eventbench: " << listening.error().message << '\n';
        return 2;
    }

    std::vector<std::unique_ptr<QThread>> clientThreads;
    std::vector<SubscriberPool *> pools;
    for (int i = 0; i < clientThreadCount; ++i) {
        const int share = subscribers / clientThreadCount + (i < subscribers % clientThreadCount ? 1 : 0);
        auto &thread = clientThreads.emplace_back(std::make_unique<QThread>());
        auto *pool = pools.emplace_back(
            new SubscriberPool(server.url(), created->key.toUtf8(), share, qint64(share) * rate * seconds));
        pool->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, pool, &QObject::deleteLater);
        thread->start();
    }

    const qint64 expectedEvents = qint64(rate) * seconds;
    qint64 emitted = 0;
    QElapsedTimer emitting;
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    QObject::connect(&pace, &QTimer::timeout, &app, [&] {
        // As many as are due by now: the rate holds whatever the timer's jitter.
        const qint64 due = std::min(expectedEvents, emitting.nsecsElapsed() * rate / 1'000'000'000);
        for (; emitted < due; ++emitted) {
            backend.recordAudit(Api::AuditEvent {QStringLiteral("bench"), tickAction, QString::number(emitted), true,
                                                 QString::number(monotonicNs())});
        }
        if (emitted == expectedEvents) {
            pace.stop();
            // Whatever is still on its way gets two seconds.
            QTimer::singleShot(2000, &app, &QCoreApplication::quit);
        }
    });
    int readyPools = 0;
    for (SubscriberPool *pool : pools) {
        QObject::connect(pool, &SubscriberPool::ready, &app, [&] {
            if (++readyPools < clientThreadCount)
                return;
            emitting.start();
            pace.start(1);
        });
        QMetaObject::invokeMethod(pool, &SubscriberPool::start, Qt::QueuedConnection);
    }
    app.exec();
    // Counting stops on every client thread before the figures are read there (the clients may
    // still be receiving).
    std::vector<qint64> latencies;
    quint64 delivered = 0;
    quint64 dropped = 0;
    for (SubscriberPool *pool : pools) {
        QMetaObject::invokeMethod(pool, &SubscriberPool::stop, Qt::BlockingQueuedConnection);
        delivered += pool->delivered();
        dropped += pool->dropped();
        latencies.insert(latencies.end(), pool->latenciesNs().cbegin(), pool->latenciesNs().cend());
    }
    std::sort(latencies.begin(), latencies.end());
    const qint64 expected = expectedEvents * subscribers;
    const QJsonObject line {
        {QStringLiteral("subscribers"), subscribers},
        {QStringLiteral("rate"), rate},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("events"), emitted},
        {QStringLiteral("expected_deliveries"), expected},
        {QStringLiteral("client_threads"), clientThreadCount},
        {QStringLiteral("delivered"), static_cast<qint64>(delivered)},
        {QStringLiteral("lost"), expected - static_cast<qint64>(delivered)},
        {QStringLiteral("dropped_notices"), static_cast<qint64>(dropped)},
        {QStringLiteral("p50_ms"), Bench::percentileOfSorted(latencies, 0.50) / 1e6},
        {QStringLiteral("p99_ms"), Bench::percentileOfSorted(latencies, 0.99) / 1e6},
        {QStringLiteral("max_ms"), latencies.empty() ? 0.0 : static_cast<double>(latencies.back()) / 1e6},
        {QStringLiteral("peak_rss_mb"), peakRssMb()},
    };
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    const bool noneLost = delivered == static_cast<quint64>(expected);
    for (auto &thread : clientThreads) {
        thread->quit(); // deletes the pool and its clients
        thread->wait();
    }
    return noneLost ? 0 : 1;
}

#include "eventdeliverybench.moc"
