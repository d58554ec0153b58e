// qwen-swarm-holdbench: holds N authenticated WebSocket clients on a running qwen-swarmd.
//
//   qwen-swarm-holdbench --attach ws://127.0.0.1:8765 [--token T | QWEN_SWARM_TOKEN] --clients 1000
//                        --seconds 60 [--daemon-pid PID]
//
// Connects the clients, then holds them for the given time, each calling info every 10 s; counts
// those that stayed connected and answered. With --daemon-pid, samples the daemon's resident memory
// (VmRSS) every second. Prints one JSON line. The token is never printed.
#include <client/remotebackend.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace QwenSwarm;

namespace {

// VmRSS of a process in MiB, or -1.
double residentMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return -1;
}

int option(const QCommandLineParser &parser, const QString &name, int min, int max)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        QTextStream(stderr) << "qwen-swarm-holdbench: --" << name << " expects an integer in [" << min << ", " << max
                            << "]\n";
        std::exit(2);
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qwen-swarm-holdbench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Holds authenticated WebSocket clients on a daemon."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("attach"), QStringLiteral("The daemon's URL (ws:// or wss://)."), QStringLiteral("URL")},
        {QStringLiteral("token"), QStringLiteral("JWT or API key (default: QWEN_SWARM_TOKEN)."),
         QStringLiteral("TOKEN")},
        {QStringLiteral("clients"), QStringLiteral("Clients to hold."), QStringLiteral("N"), QStringLiteral("1000")},
        {QStringLiteral("seconds"), QStringLiteral("How long to hold them."), QStringLiteral("S"),
         QStringLiteral("60")},
        {QStringLiteral("daemon-pid"), QStringLiteral("Sample this process's resident memory."), QStringLiteral("PID")},
    });
    parser.process(app);
    const QUrl url(parser.value(QStringLiteral("attach")));
    if (!url.isValid() || url.scheme().isEmpty()) {
        QTextStream(stderr) << "qwen-swarm-holdbench: --attach URL is required\n";
        return 2;
    }
    QByteArray token = parser.value(QStringLiteral("token")).toUtf8();
    if (token.isEmpty())
        token = QProcessEnvironment::systemEnvironment().value(QStringLiteral("QWEN_SWARM_TOKEN")).toUtf8();
    const int count = option(parser, QStringLiteral("clients"), 1, 100000);
    const int seconds = option(parser, QStringLiteral("seconds"), 1, 3600);
    const qint64 pid = parser.value(QStringLiteral("daemon-pid")).toLongLong();

    std::vector<std::unique_ptr<Remote::RemoteBackend>> clients;
    int errors = 0;
    int answered = 0;
    int unanswered = 0;
    for (int i = 0; i < count; ++i) {
        Remote::RemoteOptions options;
        options.url = url;
        options.token = token;
        options.clientName = QStringLiteral("qwen-swarm-holdbench");
        auto client = std::make_unique<Remote::RemoteBackend>(options);
        QObject::connect(client.get(), &Remote::RemoteBackend::connectionError, &app,
                         [&errors](const Api::Error &) { ++errors; });
        client->connectToServer();
        clients.push_back(std::move(client));
    }
    const auto connectedCount = [&] {
        return static_cast<int>(std::count_if(clients.cbegin(), clients.cend(), [](const auto &c) {
            return c->state() == Remote::RemoteBackend::State::Connected;
        }));
    };
    QElapsedTimer clock;
    clock.start();
    qint64 allConnectedMs = -1;
    int minConnected = count;
    double baseRss = residentMb(pid);
    double peakRss = baseRss;
    double lastRss = baseRss;
    bool holding = false;
    QTimer tick;
    int ticks = 0;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const int connected = connectedCount();
        lastRss = residentMb(pid);
        peakRss = std::max(peakRss, lastRss);
        if (!holding) {
            if (connected == count) {
                holding = true;
                allConnectedMs = clock.elapsed();
                clock.restart();
            } else if (clock.elapsed() > 60000) {
                app.exit(1);
            }
            return;
        }
        minConnected = std::min(minConnected, connected);
        if (++ticks % 100 == 0) { // every 10 s, every client asks something
            for (const auto &c : clients) {
                c->info(&app, [&](Api::Result<Api::BackendInfo> info) { ++(info ? answered : unanswered); });
            }
        }
        if (clock.elapsed() >= seconds * 1000LL)
            app.quit();
    });
    tick.start(100);
    const int status = app.exec();
    const QJsonObject line {
        {QStringLiteral("clients"), count},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("all_connected_after_ms"), allConnectedMs},
        {QStringLiteral("min_connected_while_held"), holding ? minConnected : connectedCount()},
        {QStringLiteral("connection_errors"), errors},
        {QStringLiteral("calls_answered"), answered},
        {QStringLiteral("calls_failed"), unanswered},
        {QStringLiteral("daemon_rss_mb_before"), baseRss},
        {QStringLiteral("daemon_rss_mb_peak"), peakRss},
        {QStringLiteral("daemon_rss_mb_end"), lastRss},
    };
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return status == 0 && minConnected == count ? 0 : 1;
}
