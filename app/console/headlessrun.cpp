#include "headlessrun.h"

#include "consolesession.h"
#include "demofeeder.h"
#include "dryrun.h"
#include "reportcommand.h"

#include <api/json.h>
#include <api/jsonworkflow.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace QwenSwarm::Console {

using namespace Qt::Literals::StringLiterals;

namespace {

Api::Result<QJsonObject> readObject(const QByteArray &bytes, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Api::makeError(Api::ErrorCode::InvalidArgument,
                              u"%1 is not JSON: %2 at offset %3"_s.arg(what, error.errorString()).arg(error.offset));
    if (!document.isObject())
        return Api::makeError(Api::ErrorCode::InvalidArgument, u"%1 is not a JSON object"_s.arg(what));
    return document.object();
}

Api::Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Api::makeError(Api::ErrorCode::NotFound, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    return file.readAll();
}

QString stamp()
{
    return QDateTime::currentDateTime().toString(u"HH:mm:ss"_s);
}

} // namespace

HeadlessRun::HeadlessRun(Options options, QTextStream &out, QTextStream &err)
    : m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{ }

HeadlessRun::~HeadlessRun() = default;

void HeadlessRun::fail(int code, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_err << "qwen-swarm run: " << message << Qt::endl;
    QMetaObject::invokeMethod(
        this, [this, code] { Q_EMIT finished(code); }, Qt::QueuedConnection);
}

void HeadlessRun::start()
{
    auto bytes = readFile(m_options.file);
    auto json = bytes ? readObject(*bytes, m_options.file) : Api::Result<QJsonObject>(bytes.error());
    if (!json)
        return fail(BadUsage, json.error().message);
    auto workflow = Api::workflowFromJson(*json);
    if (!workflow)
        return fail(BadUsage, u"%1: %2"_s.arg(m_options.file, workflow.error().message));
    m_workflow = *workflow;
    if (const auto problems = Api::validateWorkflow(m_workflow); !problems.isEmpty()) {
        QStringList lines;
        for (const Api::WorkflowProblem &p : problems)
            lines.append(u"  "_s + p.toString());
        return fail(BadUsage, u"%1 does not validate:\n%2"_s.arg(m_options.file, lines.join(u'\n')));
    }
    if (!m_options.inputs.isEmpty()) {
        auto inputBytes = m_options.inputs.startsWith(u'@') ? readFile(m_options.inputs.mid(1))
                                                            : Api::Result<QByteArray>(m_options.inputs.toUtf8());
        auto inputs
            = inputBytes ? readObject(*inputBytes, u"--inputs"_s) : Api::Result<QJsonObject>(inputBytes.error());
        if (!inputs)
            return fail(BadUsage, inputs.error().message);
        m_inputs = *inputs;
    }
    if (!m_options.report.isEmpty() && !Ui::reportFormatForPath(m_options.report))
        return fail(BadUsage, u"--report: write a .pdf, .html, .csv or .json report"_s);

    if (m_options.dryRun)
        return startDryRun();

    SessionOptions session;
    session.seed = m_options.seed;
    session.token = m_options.token;
    session.profile.remote = !m_options.attach.isEmpty();
    session.profile.url = m_options.attach;
    session.profile.caFile = m_options.caFile;
    session.profile.dataDir = m_options.dataDir;
    session.profile.inMemory = m_options.inMemory;
    session.profile.demo = false;
    auto opened = ConsoleSession::open(session);
    if (!opened)
        return fail(Unreachable, opened.error().message);
    m_session = std::move(opened).value();
    Api::Backend &backend = m_session->backend();
    connect(&backend, &Api::Backend::eventsReceived, this, &HeadlessRun::onEvents);
    connect(&m_session->monitor(), &Ui::ConnectionMonitor::problemOccurred, this,
            [this](const Ui::ConnectionProblem &problem) { fail(Unreachable, problem.text()); });
    m_session->start();

    Api::SubscriptionSpec spec;
    spec.topics = {Api::Topic::Runs};
    backend.subscribe(spec, this, [this](Api::Result<Api::Subscription> subscribed) {
        if (!subscribed)
            return fail(Unreachable, subscribed.error().message);
        m_subscription = subscribed->id;
        if (m_session->remote())
            startRun(); // a daemon's swarms are its operators'
        else
            ensureDemoSwarm([this] { startRun(); });
    });
}

void HeadlessRun::ensureDemoSwarm(std::function<void()> then)
{
    auto spec = DemoFeeder::demoSwarmSpec();
    if (!spec)
        return fail(Unreachable, spec.error().message);
    m_session->backend().createSwarm(*spec, this, [this, then](Api::Result<Api::Swarm> created) {
        if (!created && created.error().code != Api::ErrorCode::AlreadyExists)
            return fail(Unreachable, created.error().message);
        then();
    });
}

void HeadlessRun::startRun()
{
    m_session->backend().startRun(Api::RunSpec {m_workflow, m_inputs, {}}, this, [this](Api::Result<Api::Run> run) {
        if (!run) {
            const bool refused = run.error().code == Api::ErrorCode::InvalidArgument;
            return fail(refused ? BadUsage : Unreachable, run.error().message);
        }
        m_run = run->id;
        m_out << stamp() << " run #" << run->id.value << " of " << m_workflow.name << " started" << Qt::endl;
        // Events tell of progress; a slow poll makes sure the end is seen even if events were dropped.
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [this] {
            m_session->backend().run(m_run, this, [this](Api::Result<Api::Run> now) {
                if (now && Api::isTerminal(now->state))
                    finish(*now);
            });
        });
        poll->start(1000);
    });
}

void HeadlessRun::onEvents(Api::SubscriptionId id, const QList<Api::Event> &events)
{
    if (id != m_subscription || !m_run.isValid())
        return;
    for (const Api::Event &event : events) {
        const auto *e = std::get_if<Api::RunEvent>(&event.payload);
        if (!e || e->runId != m_run)
            continue;
        if (e->stepId.isEmpty()) {
            m_out << stamp() << " run: " << Api::enumName(e->runState) << " (" << e->cause << ")" << Qt::endl;
            if (Api::isTerminal(e->runState)) {
                m_session->backend().run(m_run, this, [this](Api::Result<Api::Run> now) {
                    if (now)
                        finish(*now);
                });
            }
            continue;
        }
        m_out << stamp() << " step " << e->stepId << ": " << Api::enumName(e->stepState) << " (" << e->cause << ")"
              << Qt::endl;
        if (e->stepState != Api::StepState::AwaitingApproval)
            continue;
        if (!m_options.autoApprove) {
            m_out << "  step " << e->stepId << " waits for an operator: approve it in the console (run #" << m_run.value
                  << "), or start the run with --auto-approve" << Qt::endl;
            continue;
        }
        Api::Approval approval {Api::ApprovalVerdict::Approve, {}, u"--auto-approve"_s, {}};
        m_session->backend().approveStep(m_run, e->stepId, approval, this, [this](Api::Result<Api::Run> approved) {
            if (!approved)
                m_err << "qwen-swarm run: " << approved.error().message << Qt::endl;
        });
    }
}

void HeadlessRun::finish(const Api::Run &run)
{
    if (m_done)
        return;
    m_done = true;
    m_out << QJsonDocument(run.outputs).toJson(QJsonDocument::Indented);
    if (run.error)
        m_err << "qwen-swarm run: " << run.stateReason << Qt::endl;
    m_out << "run #" << run.id.value << " " << Api::enumName(run.state) << ", cost "
          << QString::number(run.costUsd, 'f', 6) << " USD" << Qt::endl;
    const int code = run.state == Api::RunState::Succeeded ? Succeeded : RunFailed;
    if (m_options.report.isEmpty()) {
        Q_EMIT finished(code);
        return;
    }
    // The same export as `qwen-swarm report --run ID`, through the same backend.
    ReportCommand::exportReport(m_session->backend(), Ui::ReportSubject::forRun(run.id), m_options.report, m_out, this,
                                [this, code](int exitCode, const QString &message) {
                                    if (exitCode != ReportCommand::Succeeded) {
                                        m_err << "qwen-swarm run: " << message << Qt::endl;
                                        Q_EMIT finished(exitCode == ReportCommand::Failed ? RunFailed : exitCode);
                                        return;
                                    }
                                    Q_EMIT finished(code);
                                });
}

void HeadlessRun::startDryRun()
{
    auto *dry = new DryRun(m_workflow, m_inputs, {}, 10, this);
    connect(dry, &DryRun::progress, this, [this, shown = -1](int finished, int steps) mutable {
        if (std::exchange(shown, finished) != finished)
            m_out << stamp() << " dry run: " << finished << " / " << steps << " steps" << Qt::endl;
    });
    connect(dry, &DryRun::finished, this, [this](const Api::Result<Api::RunEstimate> &estimate) {
        if (!estimate)
            return fail(estimate.error().code == Api::ErrorCode::InvalidArgument ? BadUsage : RunFailed,
                        estimate.error().message);
        printEstimate(*estimate);
        m_done = true;
        Q_EMIT finished(estimate->state == Api::RunState::Succeeded ? Succeeded : RunFailed);
    });
    dry->start();
}

void HeadlessRun::printEstimate(const Api::RunEstimate &estimate)
{
    m_out << "Estimate from a dry run on simulated agents (" << Api::enumName(estimate.state) << "):\n";
    m_out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                 .arg(u"step"_s, -20)
                 .arg(u"state"_s, -10)
                 .arg(u"tasks"_s, 6)
                 .arg(u"calls"_s, 6)
                 .arg(u"tokens"_s, 8)
                 .arg(u"cost USD"_s, 10)
                 .arg(u"time"_s, 10);
    for (const Api::StepEstimate &s : estimate.steps) {
        m_out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                     .arg(s.stepId, -20)
                     .arg(Api::enumName(s.state).toString(), -10)
                     .arg(s.tasks, 6)
                     .arg(s.calls, 6)
                     .arg(s.promptTokens + s.completionTokens, 8)
                     .arg(QString::number(s.costUsd, 'f', 6), 10)
                     .arg(QString::number(s.durationMs / 1000.0, 'f', 1) + u" s"_s, 10);
    }
    m_out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                 .arg(u"total"_s, -20)
                 .arg(QString(), -10)
                 .arg(QString(), 6)
                 .arg(estimate.calls, 6)
                 .arg(estimate.tokens, 8)
                 .arg(QString::number(estimate.costUsd, 'f', 6), 10)
                 .arg(QString::number(estimate.durationMs / 1000.0, 'f', 1) + u" s"_s, 10);
    m_out.flush();
}

int HeadlessRun::main(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "HeadlessRun", "Runs a workflow file without a window and prints its progress and outputs."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"run"_s, QCoreApplication::translate("HeadlessRun", "The command."));
    parser.addPositionalArgument(u"FILE"_s, QCoreApplication::translate("HeadlessRun", "The workflow file (JSON)."));
    const QCommandLineOption inputs {
        u"inputs"_s, QCoreApplication::translate("HeadlessRun", "The run's inputs: a JSON object, or @FILE."),
        u"JSON"_s};
    const QCommandLineOption attach {u"attach"_s,
                                     QCoreApplication::translate("HeadlessRun",
                                                                 "Run on the qwen-swarmd daemon at URL instead of "
                                                                 "an embedded core; the token comes from --token or "
                                                                 "QWEN_SWARM_TOKEN."),
                                     u"URL"_s};
    const QCommandLineOption token {u"token"_s, QCoreApplication::translate("HeadlessRun", "JWT or API key."),
                                    u"TOKEN"_s};
    const QCommandLineOption caFile {
        u"ca-file"_s, QCoreApplication::translate("HeadlessRun", "CA of the daemon's certificate."), u"FILE"_s};
    const QCommandLineOption dataDir {
        u"data-dir"_s, QCoreApplication::translate("HeadlessRun", "Folder of the embedded core's database."), u"DIR"_s};
    const QCommandLineOption memory {u"memory"_s,
                                     QCoreApplication::translate("HeadlessRun", "Keep the embedded core in memory.")};
    const QCommandLineOption report {
        u"report"_s,
        QCoreApplication::translate("HeadlessRun", "Write the run's report to OUT.pdf, OUT.html, OUT.csv or OUT.json."),
        u"OUT"_s};
    const QCommandLineOption autoApprove {
        u"auto-approve"_s, QCoreApplication::translate("HeadlessRun", "Approve every approval step as it comes.")};
    const QCommandLineOption seed {u"seed"_s, QCoreApplication::translate("HeadlessRun", "Seed of the embedded core."),
                                   u"SEED"_s, u"1"_s};
    const QCommandLineOption dryRun {u"dry-run"_s,
                                     QCoreApplication::translate("HeadlessRun",
                                                                 "Do not run: estimate calls, tokens, cost and time "
                                                                 "per step from a run on simulated agents.")};
    parser.addOptions({inputs, attach, token, caFile, dataDir, memory, report, autoApprove, seed, dryRun});
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 2) {
        err << "usage: qwen-swarm run FILE [--inputs JSON] [--attach URL] [--report OUT.pdf|.html|.csv|.json]"
            << Qt::endl;
        return BadUsage;
    }
    Options options;
    options.file = parser.positionalArguments().at(1);
    options.inputs = parser.value(inputs);
    options.attach = parser.value(attach);
    options.token = parser.value(token).toUtf8();
    if (options.token.isEmpty())
        options.token = qgetenv("QWEN_SWARM_TOKEN");
    options.caFile = parser.value(caFile);
    options.dataDir = parser.value(dataDir);
    options.inMemory = parser.isSet(memory);
    options.report = parser.value(report);
    options.autoApprove = parser.isSet(autoApprove);
    options.dryRun = parser.isSet(dryRun);
    options.seed = parser.value(seed).toULongLong();

    HeadlessRun run(options, out, err);
    int exitCode = BadUsage;
    QObject::connect(&run, &HeadlessRun::finished, &run, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    run.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace QwenSwarm::Console
