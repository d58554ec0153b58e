#include "reportcommand.h"

#include "consolesession.h"

#include <reports/reportexporter.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace QwenSwarm::Console {

using namespace Qt::Literals::StringLiterals;

namespace {

/// An ISO 8601 date and time (local unless it names a zone), or a date alone (its local midnight).
std::optional<qint64> parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay();
    }
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

int exitCodeOf(const Api::Error &error)
{
    switch (error.code) {
    case Api::ErrorCode::Unavailable:
    case Api::ErrorCode::Unauthenticated:
    case Api::ErrorCode::PermissionDenied:
        return ReportCommand::Unreachable;
    default:
        return ReportCommand::Failed;
    }
}

struct Parsed
{
    std::optional<ReportCommand::Options> options;
    QString problem;
};

Parsed subjectOf(const QCommandLineParser &parser, ReportCommand::Options options)
{
    const bool run = parser.isSet(u"run"_s);
    const bool decision = parser.isSet(u"decision"_s);
    const bool period = parser.isSet(u"from"_s) || parser.isSet(u"to"_s);
    if (int(run) + int(decision) + int(period) != 1)
        return {std::nullopt, u"give one of --run ID, --decision ID, or --from ISO --to ISO"_s};
    bool ok = false;
    if (run) {
        options.subject = Ui::ReportSubject::forRun(Api::RunId(parser.value(u"run"_s).toULongLong(&ok)));
        return ok && options.subject.run.isValid() ? Parsed {options, {}}
                                                   : Parsed {std::nullopt, u"--run: not an id"_s};
    }
    if (decision) {
        options.subject = Ui::ReportSubject::forDecision(Api::DecisionId(parser.value(u"decision"_s).toULongLong(&ok)));
        return ok && options.subject.decision.isValid() ? Parsed {options, {}}
                                                        : Parsed {std::nullopt, u"--decision: not an id"_s};
    }
    const auto from = parseTime(parser.value(u"from"_s));
    const auto to = parseTime(parser.value(u"to"_s));
    if (!from || !to)
        return {std::nullopt, u"--from and --to: give both, as ISO 8601 dates or times (2024-05-01T09:00)"_s};
    if (*to <= *from)
        return {std::nullopt, u"--to must come after --from"_s};
    options.subject = Ui::ReportSubject::forPeriod(*from, *to);
    return {options, {}};
}

} // namespace

ReportCommand::ReportCommand(Options options, QTextStream &out, QTextStream &err)
    : m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{ }

ReportCommand::~ReportCommand() = default;

void ReportCommand::fail(int code, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_err << "qwen-swarm report: " << message << Qt::endl;
    QMetaObject::invokeMethod(
        this, [this, code] { Q_EMIT finished(code); }, Qt::QueuedConnection);
}

void ReportCommand::start()
{
    if (!Ui::reportFormatForPath(m_options.out))
        return fail(BadUsage, u"--out: write a .pdf, .html, .csv or .json report"_s);
    SessionOptions session;
    session.token = m_options.token;
    session.profile.remote = !m_options.attach.isEmpty();
    session.profile.url = m_options.attach;
    session.profile.caFile = m_options.caFile;
    session.profile.dataDir = m_options.dataDir;
    session.profile.demo = false;
    if (const QString problem = session.profile.validate(); !problem.isEmpty())
        return fail(BadUsage, problem);
    auto opened = ConsoleSession::open(session);
    if (!opened)
        return fail(Unreachable, opened.error().message);
    m_session = std::move(opened).value();
    connect(&m_session->monitor(), &Ui::ConnectionMonitor::problemOccurred, this,
            [this](const Ui::ConnectionProblem &problem) { fail(Unreachable, problem.text()); });
    m_session->start();
    exportReport(m_session->backend(), m_options.subject, m_options.out, m_out, this,
                 [this](int code, const QString &message) {
                     if (code != Succeeded)
                         return fail(code, message);
                     if (m_done)
                         return;
                     m_done = true;
                     Q_EMIT finished(Succeeded);
                 });
}

void ReportCommand::exportReport(Api::Backend &backend, const Ui::ReportSubject &subject, const QString &path,
                                 QTextStream &out, QObject *context, std::function<void(int, QString)> done)
{
    const auto format = Ui::reportFormatForPath(path);
    if (!format)
        return done(BadUsage, u"%1: write a .pdf, .html, .csv or .json report"_s.arg(path));
    auto *exporter = new Ui::ReportExporter(backend, subject, *format, path, context);
    // A line per stage and per tenth of the way, not per task or decision read.
    auto shown = std::make_shared<std::pair<QString, int>>(QString(), -1);
    QObject::connect(exporter, &Ui::ReportExporter::progress, context,
                     [&out, shown](int percent, const QString &stage) {
                         const std::pair<QString, int> now {stage.section(u':', 0, 0), percent / 10};
                         if (now == *shown)
                             return;
                         *shown = now;
                         out << QString::number(percent).rightJustified(3) << "% " << stage << Qt::endl;
                     });
    QObject::connect(exporter, &Ui::ReportExporter::finished, context, [&out, exporter, done](const QString &written) {
        out << "report written to " << written << Qt::endl;
        exporter->deleteLater();
        done(Succeeded, {});
    });
    QObject::connect(exporter, &Ui::ReportExporter::failed, context, [exporter, done](const Api::Error &error) {
        exporter->deleteLater();
        done(exitCodeOf(error), error.message);
    });
    exporter->start();
}

int ReportCommand::main(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Exports a report on a workflow run, a decision or a time period as PDF, HTML, CSV or JSON, without a "
           "window."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"report"_s, tr("The command."));
    parser.addOptions({
        QCommandLineOption(u"run"_s, tr("Report on the workflow run ID."), u"ID"_s),
        QCommandLineOption(u"decision"_s, tr("Report on the decision ID and its task."), u"ID"_s),
        QCommandLineOption(u"from"_s,
                           tr("Report on the tasks and decisions created from this time on (ISO 8601, local time "
                              "unless it names a zone)."),
                           u"ISO"_s),
        QCommandLineOption(u"to"_s, tr("… and before this time (ISO 8601)."), u"ISO"_s),
        QCommandLineOption(u"out"_s, tr("The report file: OUT.pdf, OUT.html, OUT.csv or OUT.json."), u"OUT"_s),
        QCommandLineOption(u"attach"_s,
                           tr("Read from the qwen-swarmd daemon at URL; the token comes from --token or "
                              "QWEN_SWARM_TOKEN."),
                           u"URL"_s),
        QCommandLineOption(u"token"_s, tr("JWT or API key."), u"TOKEN"_s),
        QCommandLineOption(u"ca-file"_s, tr("CA of the daemon's certificate."), u"FILE"_s),
        QCommandLineOption(u"data-dir"_s, tr("Folder of the embedded core's database (default: the console's)."),
                           u"DIR"_s),
    });
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    Options options;
    options.out = parser.value(u"out"_s);
    options.attach = parser.value(u"attach"_s);
    options.token = parser.value(u"token"_s).toUtf8();
    if (options.token.isEmpty())
        options.token = qgetenv("QWEN_SWARM_TOKEN");
    options.caFile = parser.value(u"ca-file"_s);
    options.dataDir = parser.value(u"data-dir"_s);
    const Parsed parsed = subjectOf(parser, options);
    if (!parsed.options || options.out.isEmpty() || parser.positionalArguments().size() != 1) {
        err << "qwen-swarm report: " << (parsed.problem.isEmpty() ? u"--out OUT is required"_s : parsed.problem) << '\n'
            << "usage: qwen-swarm report (--run ID | --decision ID | --from ISO --to ISO) --out "
               "OUT.pdf|.html|.csv|.json [--attach URL | --data-dir DIR]"
            << Qt::endl;
        return BadUsage;
    }

    ReportCommand command(*parsed.options, out, err);
    int exitCode = BadUsage;
    QObject::connect(&command, &ReportCommand::finished, &command, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    command.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace QwenSwarm::Console
