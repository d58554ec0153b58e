// qwen-swarm: the operations console. Composition root: builds a backend (an embedded core or a
// client of a daemon), then the window.
#include "consoleshell.h"
#include "headlessrun.h"
#include "perfprobe.h"
#include "reportcommand.h"
#include "screenshottour.h"

#include <mainwindow/mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QTranslator>

#include <optional>

using namespace QwenSwarm;

namespace {

struct Options
{
    QCommandLineOption attach {QStringLiteral("attach"),
                               QCoreApplication::translate("main",
                                                           "Attach to a qwen-swarmd daemon at URL "
                                                           "(ws://host:port or wss://host:port)."),
                               QStringLiteral("URL")};
    QCommandLineOption token {QStringLiteral("token"),
                              QCoreApplication::translate("main",
                                                          "JWT or API key for --attach. Prefer the "
                                                          "QWEN_SWARM_TOKEN environment variable: a command "
                                                          "line is visible to other users."),
                              QStringLiteral("TOKEN")};
    QCommandLineOption profile {QStringLiteral("profile"),
                                QCoreApplication::translate("main",
                                                            "Connect with the saved connection profile "
                                                            "NAME (its token comes from the keychain)."),
                                QStringLiteral("NAME")};
    QCommandLineOption caFile {QStringLiteral("ca-file"),
                               QCoreApplication::translate("main",
                                                           "PEM file of the CA that signed the daemon's "
                                                           "certificate, trusted besides the system's."),
                               QStringLiteral("FILE")};
    QCommandLineOption dataDir {QStringLiteral("data-dir"),
                                QCoreApplication::translate("main",
                                                            "Folder of the embedded core's database "
                                                            "(default: the platform's data folder)."),
                                QStringLiteral("DIR")};
    QCommandLineOption demo {QStringLiteral("demo"),
                             QCoreApplication::translate("main",
                                                         "Run the demo swarm and its task stream in the "
                                                         "embedded core (the default).")};
    QCommandLineOption noDemo {QStringLiteral("no-demo"),
                               QCoreApplication::translate("main", "Start the embedded core without the demo.")};
    QCommandLineOption demoRate {QStringList {QStringLiteral("rate"), QStringLiteral("demo-rate")},
                                 QCoreApplication::translate("main", "Demo tasks per second (default 4)."),
                                 QStringLiteral("N"), QStringLiteral("4")};
    QCommandLineOption demoAgents {QStringLiteral("agents"),
                                   QCoreApplication::translate("main",
                                                               "Run the demo on a swarm of N simulated agents "
                                                               "answering in about 20 ms, five per task (default: "
                                                               "the six agents of the demo swarm)."),
                                   QStringLiteral("N")};
    QCommandLineOption memory {QStringLiteral("memory"),
                               QCoreApplication::translate("main",
                                                           "Keep the embedded core's data in memory only "
                                                           "(lost on exit).")};
    QCommandLineOption seed {QStringLiteral("seed"),
                             QCoreApplication::translate("main", "Seed of the embedded core (default 1)."),
                             QStringLiteral("SEED"), QStringLiteral("1")};
    QCommandLineOption language {QStringLiteral("language"),
                                 QCoreApplication::translate("main",
                                                             "Language of the window (en, zh_CN; default: "
                                                             "the system's, or the saved choice)."),
                                 QStringLiteral("LANG")};
    QCommandLineOption screenshotTour {QStringLiteral("screenshot-tour"),
                                       QCoreApplication::translate("main",
                                                                   "Let the demo run, save each page as "
                                                                   "DIR/NN-page.png, then quit."),
                                       QStringLiteral("DIR")};
    QCommandLineOption perfProbe {QStringLiteral("perf-probe"),
                                  QCoreApplication::translate("main",
                                                              "Measure the window for SECONDS: print one JSON line "
                                                              "(startup_ms, event_loop_p99_ms, rss_mb, ...), then "
                                                              "quit."),
                                  QStringLiteral("SECONDS")};
    QCommandLineOption noKeychain {QStringLiteral("no-keychain"),
                                   QCoreApplication::translate("main",
                                                               "Keep tokens in memory only, for this run, "
                                                               "instead of the system keychain.")};
};

// --language's value, read before the parser exists so that --help speaks the same language.
QString requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1StringView("--") || a == QLatin1StringView("run") || a == QLatin1StringView("report"))
            break;
        if ((a == QLatin1StringView("--language") || a == QLatin1StringView("-language")) && i + 1 < arguments.size())
            return arguments.at(i + 1);
        for (QLatin1StringView prefix : {QLatin1StringView("--language="), QLatin1StringView("-language=")}) {
            if (a.startsWith(prefix))
                return a.mid(prefix.size());
        }
    }
    return {};
}

// The window's language: --language, else the saved choice, else the system's. Qt's own strings
// (standard buttons) follow when Qt ships them.
void installTranslations(QApplication &app, const QString &requested)
{
    const QString saved = QSettings().value(QStringLiteral("appearance/language")).toString();
    const QLocale locale(!requested.isEmpty() ? requested : !saved.isEmpty() ? saved : QLocale::system().name());
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("qwen-swarm"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("qwen-swarm"));
    QCoreApplication::setOrganizationName(QStringLiteral("QwenSwarm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QWENSWARM_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    // Commands that need no eyes run without a window, and without a display: a report's PDF needs a
    // QGuiApplication for its fonts, on the offscreen platform unless QT_QPA_PLATFORM names another.
    const bool run = argc > 1 && qstrcmp(argv[1], "run") == 0;
    const bool report = argc > 1 && qstrcmp(argv[1], "report") == 0;
    if (run || report) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        nameApplication();
        return run ? Console::HeadlessRun::main(QCoreApplication::arguments())
                   : Console::ReportCommand::main(QCoreApplication::arguments());
    }
    // --help and --version print and quit: they need no display either.
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (qstrcmp(argv[i], flag) == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
        }
    }
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Qwen Swarm"));
    installTranslations(app, requestedLanguage(QCoreApplication::arguments()));

    const Options o; // after the translations: their texts are --help's
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Operations console for multi-agent LLM swarms. Without options it runs an embedded core with a "
        "demo swarm of simulated agents; with --attach or --profile it attaches to a qwen-swarmd daemon."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({o.attach, o.token, o.profile, o.caFile, o.dataDir, o.demo, o.noDemo, o.demoRate, o.demoAgents,
                       o.memory, o.seed, o.language, o.screenshotTour, o.perfProbe, o.noKeychain});
    parser.process(app);
    QTextStream err(stderr);

    // Numbers: a positive whole number, or the option is refused with what it wants.
    const auto count = [&](const QCommandLineOption &option, int fallback) -> std::optional<int> {
        if (!parser.isSet(option))
            return fallback;
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (ok && value > 0)
            return value;
        err << "qwen-swarm: --" << option.names().constFirst() << " needs a positive whole number, not \""
            << parser.value(option) << "\"\n";
        return std::nullopt;
    };
    const std::optional<int> rate = count(o.demoRate, 4);
    const std::optional<int> agents = count(o.demoAgents, 0);
    const std::optional<int> probeSeconds = count(o.perfProbe, 0);
    if (!rate || !agents || !probeSeconds)
        return 2;
    Console::SessionOptions defaults;
    defaults.seed = parser.value(o.seed).toULongLong();
    defaults.demoRate = *rate;
    defaults.demoAgents = *agents;
    Console::ConsoleShell shell(defaults, !parser.isSet(o.noKeychain));

    Ui::ConnectionProfile profile;
    if (parser.isSet(o.profile)) {
        const std::optional<Ui::ConnectionProfile> saved = shell.profiles().load(parser.value(o.profile));
        if (!saved) {
            err << "qwen-swarm: no saved profile named \"" << parser.value(o.profile)
                << "\"; saved: " << shell.profiles().names().join(QStringLiteral(", ")) << '\n';
            return 2;
        }
        profile = *saved;
    } else if (parser.isSet(o.attach)) {
        profile.remote = true;
        profile.url = parser.value(o.attach);
    }
    if (parser.isSet(o.caFile))
        profile.caFile = parser.value(o.caFile);
    if (parser.isSet(o.dataDir))
        profile.dataDir = parser.value(o.dataDir);
    if (parser.isSet(o.memory))
        profile.inMemory = true;
    if (parser.isSet(o.demo) || parser.isSet(o.noDemo))
        profile.demo = !parser.isSet(o.noDemo);
    if (const QString problem = profile.validate(); !problem.isEmpty()) {
        err << "qwen-swarm: " << problem << '\n';
        return 2;
    }

    QApplication::setStyle(QStringLiteral("Fusion")); // renders the console's light and dark palettes as given
    QByteArray token = parser.value(o.token).toUtf8();
    if (token.isEmpty())
        token = qgetenv("QWEN_SWARM_TOKEN");
    if (profile.remote && token.isEmpty() && !profile.name.isEmpty()) {
        shell.openWithSavedToken(profile);
        return app.exec();
    }
    const Api::Result<void> opened = shell.open(profile, token);
    if (!opened) {
        err << "qwen-swarm: " << opened.error().message << '\n';
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              QCoreApplication::translate("main",
                                                          "Qwen Swarm cannot start.\n\n%1\n\nStart with --memory to "
                                                          "run without a database, --data-dir to use another "
                                                          "folder, or check --attach and --ca-file.")
                                  .arg(opened.error().message));
        return 1;
    }
    if (parser.isSet(o.screenshotTour)) {
        auto *tour = new Console::ScreenshotTour(*shell.window(), parser.value(o.screenshotTour), 5000, &shell);
        QObject::connect(tour, &Console::ScreenshotTour::finished, &app,
                         [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        tour->start();
    }
    if (parser.isSet(o.perfProbe)) {
        auto *probe = new Console::PerfProbe(shell.session()->backend(), *probeSeconds, &shell);
        QObject::connect(probe, &Console::PerfProbe::finished, &app, [] { QCoreApplication::exit(0); });
        probe->start();
    }
    return app.exec();
}
