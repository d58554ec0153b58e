// qwen-swarm-fake-llm: a fake model server on 127.0.0.1 for trying the providers and benchmarking
// them without a real endpoint. It answers the standard workload rule (DESIGN.md section 9).
//
//   qwen-swarm-fake-llm [--protocol openai|anthropic]            serve; print the base URL first
//   qwen-swarm-fake-llm --background [--idle-exit-s S]           print the URL, serve from a detached
//                                                                process until idle for S seconds
//   qwen-swarm-fake-llm --run -- CMD ARG...                      serve while CMD runs ({url} in its
//                                                                arguments becomes the base URL);
//                                                                exit with CMD's status
//
// e.g.  qwen-swarm-bench --provider openai --base-url $(qwen-swarm-fake-llm --background)
#include "fakeanthropicserver.h"
#include "fakeopenaiserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>
#include <QTextStream>
#include <QTimer>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

using namespace QwenSwarm::Testing;

namespace {

struct Options
{
    QString protocol = QStringLiteral("openai");
    bool background = false;
    int idleExitS = 120;
    QStringList run;
};

Options parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake OpenAI-compatible or Anthropic server on 127.0.0.1."));
    parser.addOptions({
        {QStringLiteral("help"), QStringLiteral("Shows this help.")},
        {QStringLiteral("protocol"), QStringLiteral("openai or anthropic."), QStringLiteral("P"),
         QStringLiteral("openai")},
        {QStringLiteral("background"), QStringLiteral("Print the URL and keep serving from a detached process.")},
        {QStringLiteral("idle-exit-s"), QStringLiteral("With --background: exit after S seconds without requests."),
         QStringLiteral("S"), QStringLiteral("120")},
        {QStringLiteral("run"), QStringLiteral("Run the command after -- while serving; {url} is replaced.")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("With --run: the command."),
                                 QStringLiteral("[-- CMD ARG...]"));
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << "qwen-swarm-fake-llm: " << parser.errorText() << '\n';
        std::exit(2);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        std::exit(0);
    }
    Options options;
    options.protocol = parser.value(QStringLiteral("protocol"));
    options.background = parser.isSet(QStringLiteral("background"));
    options.idleExitS = parser.value(QStringLiteral("idle-exit-s")).toInt();
    if (parser.isSet(QStringLiteral("run")))
        options.run = parser.positionalArguments();
    if (options.protocol != QLatin1StringView("openai") && options.protocol != QLatin1StringView("anthropic")) {
        QTextStream(stderr) << "qwen-swarm-fake-llm: --protocol expects openai or anthropic\n";
        std::exit(2);
    }
    if (parser.isSet(QStringLiteral("run")) && options.run.isEmpty()) {
        QTextStream(stderr) << "qwen-swarm-fake-llm: --run needs a command after --\n";
        std::exit(2);
    }
    return options;
}

std::unique_ptr<FakeLlmServer> makeServer(const Options &options, QString &baseUrl)
{
    std::unique_ptr<FakeLlmServer> server;
    if (options.protocol == QLatin1StringView("anthropic"))
        server = std::make_unique<FakeAnthropicServer>();
    else
        server = std::make_unique<FakeOpenAiServer>();
    server->setRecording(false);
    if (!server->listen())
        return nullptr;
    baseUrl = server->url().toString();
    if (options.protocol == QLatin1StringView("openai"))
        baseUrl += QStringLiteral("/v1");
    return server;
}

int runCommand(const Options &options, const QString &baseUrl)
{
    QStringList arguments = options.run.mid(1);
    for (QString &argument : arguments)
        argument.replace(QStringLiteral("{url}"), baseUrl);
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    int status = 1;
    QObject::connect(&process, &QProcess::finished, &process, [&status](int code, QProcess::ExitStatus how) {
        status = how == QProcess::NormalExit ? code : 1;
        QCoreApplication::quit();
    });
    QObject::connect(&process, &QProcess::errorOccurred, &process, [&process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            QTextStream(stderr) << "qwen-swarm-fake-llm: cannot start " << process.program() << '\n';
            QCoreApplication::exit(1);
        }
    });
    process.start(options.run.first(), arguments);
    const int loop = QCoreApplication::exec();
    return loop != 0 ? loop : status;
}

// Exits once no request came for `idleS` seconds.
void exitWhenIdle(const FakeLlmServer &server, int idleS)
{
    auto *timer = new QTimer(QCoreApplication::instance());
    auto last = std::make_shared<std::pair<qint64, int>>(-1, 0); // requests seen, idle seconds
    QObject::connect(timer, &QTimer::timeout, timer, [&server, last, idleS] {
        if (server.requestsSeen() != last->first) {
            *last = {server.requestsSeen(), 0};
        } else if (++last->second >= idleS) {
            QCoreApplication::quit();
        }
    });
    timer->start(1000);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // Parsed before forking, so that errors reach the caller.
    const Options options = parse(arguments);
    int urlPipe[2] = {-1, -1};
    bool child = false;
    if (options.background && pipe(urlPipe) != 0)
        return 1;
    if (options.background) {
        const pid_t pid = fork();
        if (pid < 0)
            return 1;
        if (pid > 0) {
            close(urlPipe[1]);
            char buffer[256] = {};
            const ssize_t n = read(urlPipe[0], buffer, sizeof buffer - 1);
            if (n <= 0)
                return 1;
            std::fwrite(buffer, 1, static_cast<std::size_t>(n), stdout);
            return 0;
        }
        child = true;
        close(urlPipe[0]);
        setsid();
    }
    QCoreApplication app(argc, argv);
    QString baseUrl;
    const std::unique_ptr<FakeLlmServer> server = makeServer(options, baseUrl);
    if (!server) {
        QTextStream(stderr) << "qwen-swarm-fake-llm: cannot listen on 127.0.0.1\n";
        return 1;
    }
    if (!options.run.isEmpty())
        return runCommand(options, baseUrl);
    const QByteArray line = baseUrl.toUtf8() + '\n';
    if (child) {
        [[maybe_unused]] const ssize_t written
            = write(urlPipe[1], line.constData(), static_cast<std::size_t>(line.size()));
        close(urlPipe[1]);
        const int devNull = open("/dev/null", O_RDWR);
        dup2(devNull, STDIN_FILENO);
        dup2(devNull, STDOUT_FILENO);
        dup2(devNull, STDERR_FILENO);
        exitWhenIdle(*server, options.idleExitS);
    } else {
        std::fputs(line.constData(), stdout);
        std::fflush(stdout);
    }
    return QCoreApplication::exec();
}
