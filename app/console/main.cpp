// qwen-swarm: the operations console. Composition root: builds a backend, then the window.
#include "demofeeder.h"

#include <backend/inprocessbackend.h>
#include <mainwindow/mainwindow.h>
#include <store/groupcommitstore.h>
#include <store/memorystore.h>
#include <store/sqlitestore.h>
#include <store/threadedstore.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextStream>

#include <algorithm>

using namespace QwenSwarm;

namespace {

// The embedded core's store: the database in `dataDir` (default: the platform's data folder for this
// program), on a thread of its own; or, with `inMemory`, nothing that outlives the process.
Api::Result<std::unique_ptr<Engine::Store>> openStore(bool inMemory, QString dataDir)
{
    if (inMemory)
        return std::unique_ptr<Engine::Store>(std::make_unique<Engine::MemoryStore>());
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dataDir)) {
        return Api::makeError(Api::ErrorCode::Unavailable,
                              QObject::tr("cannot create the data folder %1").arg(QDir::toNativeSeparators(dataDir)));
    }
    auto opened = Engine::SqliteStore::open(QDir(dataDir).filePath(Engine::SqliteStore::defaultFileName()));
    if (!opened)
        return opened.error();
    return std::unique_ptr<Engine::Store>(
        std::make_unique<Engine::ThreadedStore>(std::make_unique<Engine::GroupCommitStore>(std::move(opened).value())));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qwen-swarm"));
    QApplication::setApplicationDisplayName(QStringLiteral("Qwen Swarm"));
    QApplication::setOrganizationName(QStringLiteral("QwenSwarm"));
    QApplication::setApplicationVersion(QStringLiteral(QWENSWARM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Operations console for multi-agent LLM swarms. Without options it runs an embedded core with a demo "
        "swarm of simulated agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption noDemo(QStringLiteral("no-demo"),
                                    QStringLiteral("Start without the demo swarm and its task stream."));
    const QCommandLineOption demoRate(QStringLiteral("demo-rate"), QStringLiteral("Demo tasks per second (default 4)."),
                                      QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption attach(QStringLiteral("attach"), QStringLiteral("Attach to a qwen-swarmd daemon at URL."),
                                    QStringLiteral("URL"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the embedded core (default 1)."),
                                  QStringLiteral("SEED"), QStringLiteral("1"));
    const QCommandLineOption memory(QStringLiteral("memory"),
                                    QStringLiteral("Keep the embedded core's data in memory only (lost on exit)."));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Folder of the embedded core's database (default: the platform's data folder)."),
        QStringLiteral("DIR"));
    parser.addOptions({noDemo, demoRate, attach, seed, memory, dataDir});
    parser.process(app);

    if (parser.isSet(attach)) {
        QTextStream(stderr) << "qwen-swarm: --attach needs the remote backend, which this build does not have yet\n";
        return 2;
    }

    Engine::EngineConfig config;
    config.seed = parser.value(seed).toULongLong();
    auto store = openStore(parser.isSet(memory), parser.value(dataDir));
    if (!store) {
        QTextStream(stderr) << "qwen-swarm: " << store.error().message << '\n';
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              QObject::tr("The database cannot be opened, so Qwen Swarm cannot start.\n\n%1\n\n"
                                          "Start with --memory to run without it, or --data-dir to use another "
                                          "folder.")
                                  .arg(store.error().message));
        return 1;
    }
    Engine::InProcessBackend backend(config, std::move(store).value());
    QApplication::setStyle(QStringLiteral("Fusion")); // renders the console's light and dark palettes as given
    Ui::MainWindow window(backend);
    window.show();

    Console::DemoFeeder demo(backend, std::clamp(parser.value(demoRate).toInt(), 1, 1000));
    QObject::connect(&demo, &Console::DemoFeeder::failed, &window, [&window](const QString &message) {
        window.statusBar()->showMessage(QObject::tr("Demo stopped: %1").arg(message));
    });
    if (!parser.isSet(noDemo))
        demo.start();
    return app.exec();
}
