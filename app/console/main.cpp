// qwen-swarm: the operations console. Composition root: builds a backend, then the window.
#include "demofeeder.h"

#include <backend/inprocessbackend.h>
#include <mainwindow/mainwindow.h>
#include <store/memorystore.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QStatusBar>
#include <QTextStream>

#include <algorithm>

using namespace QwenSwarm;

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
    parser.addOptions({noDemo, demoRate, attach, seed});
    parser.process(app);

    if (parser.isSet(attach)) {
        QTextStream(stderr) << "qwen-swarm: --attach needs the remote backend, which this build does not have yet\n";
        return 2;
    }

    Engine::EngineConfig config;
    config.seed = parser.value(seed).toULongLong();
    Engine::InProcessBackend backend(config, std::make_unique<Engine::MemoryStore>());
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
