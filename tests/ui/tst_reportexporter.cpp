// Reports on a real run: a small workflow runs on an in-process core with simulated agents, then
// its report is exported in each format through ReportExporter (reading through the Backend, writing
// off the GUI thread). The PDF is read back with pdftotext, the HTML checked with tidy, the CSV parsed
// with an RFC 4180 reader, the JSON compared with the data; no format carries a provider key;
// cancelling writes no file; an unknown run is a clear error.
#include "reports/reportcsv.h"
#include "reports/reportdocument.h"
#include "reports/reportexportdialog.h"
#include "reports/reportexporter.h"
#include "reports/reportjson.h"
#include "reports/reportwriter.h"

#include "common/displaytext.h"
#include "uitestsupport.h"

#include <api/json.h>
#include <api/jsonworkflow.h>

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::ReportExporter;
using Ui::ReportFormat;
using Ui::ReportSubject;

Q_DECLARE_METATYPE(QwenSwarm::Ui::ReportSubject)

namespace {

/// Set as every built-in provider's key before the core starts: no report may carry it.
constexpr auto kSecret = "sk-report-test-3f9c2a7e5b1d4c8a9e0f";

/// RFC 4180: records of fields separated by commas, ended by CRLF (LF accepted); a quoted field may
/// hold commas, CR, LF and doubled quotes; an empty line is a record without fields (as Python's csv
/// module reads it). Answers the records, or nothing when the text is malformed.
std::optional<QList<QStringList>> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c != u'"')
                field += c;
            else if (i + 1 < text.size() && text.at(i + 1) == u'"')
                field += text.at(++i);
            else
                quoted = false;
        } else if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return std::nullopt; // a quote inside an unquoted field
            quoted = wasQuoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && (i + 1 >= text.size() || text.at(i + 1) != u'\n'))
                return std::nullopt;
            if (c == u'\r')
                ++i;
            if (!record.isEmpty() || !field.isEmpty() || wasQuoted) // an empty line: no fields, as Python's csv
                record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
        } else {
            if (wasQuoted)
                return std::nullopt; // text after a closing quote
            field += c;
        }
    }
    if (quoted)
        return std::nullopt;
    if (!field.isEmpty() || !record.isEmpty() || wasQuoted) {
        record.append(field);
        records.append(record);
    }
    return records;
}

/// The CSV report's sections: an empty record between them, then `table,<name>`, the columns, rows.
std::optional<QList<Ui::ReportCsvTable>> tablesOf(const QList<QStringList> &records)
{
    QList<Ui::ReportCsvTable> tables;
    qsizetype i = 0;
    while (i < records.size()) {
        if (i > 0) {
            if (!records.at(i).isEmpty())
                return std::nullopt;
            ++i;
        }
        if (i + 1 >= records.size() || records.at(i).size() != 2 || records.at(i).at(0) != u"table"_s)
            return std::nullopt;
        Ui::ReportCsvTable table {records.at(i).at(1), records.at(i + 1), {}};
        i += 2;
        while (i < records.size() && !records.at(i).isEmpty())
            table.rows.append(records.at(i++));
        tables.append(table);
    }
    return tables;
}

QString tool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// pdftotext's text of a PDF, pages separated by form feeds.
QString pdfText(const QString &path)
{
    QProcess process;
    process.start(tool(u"pdftotext"_s), {u"-layout"_s, u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

Api::Workflow reportWorkflow()
{
    Api::Workflow workflow;
    workflow.name = u"report-test"_s;
    workflow.inputs
        = {{u"items"_s, Api::ValueType::List, u"Tickets"_s,
            QJsonArray {u"The app crashes on start."_s, u"Please add a dark mode."_s, u"How do I export my data?"_s}}};
    Api::WorkflowStep classify;
    classify.id = u"classify"_s;
    classify.title = u"Classify each ticket"_s;
    classify.swarm = u"demo"_s;
    classify.prompt = u"Classify ticket {{index}} as bug, feature or question: {{ticket}}"_s;
    classify.answerFormat = Api::AnswerFormat::Choice;
    classify.choices = {u"bug"_s, u"feature"_s, u"question"_s};
    classify.strategy = Api::StrategySpec {u"majority"_s, {{u"min_votes"_s, 2}}};
    classify.map = Api::StepMap {u"inputs.items"_s, u"ticket"_s};
    classify.retry.maxAttempts = 3;
    classify.retry.initialBackoffMs = 10;
    Api::WorkflowStep summary;
    summary.id = u"summary"_s;
    summary.title = u"Summarise, with \"quotes\", commas"_s;
    summary.swarm = u"demo"_s;
    summary.inputs = {{u"labels"_s, u"steps.classify.output"_s}};
    summary.prompt = u"Summarise these labels: {{labels}}"_s;
    summary.strategy = Api::StrategySpec {u"medoid"_s, {{u"tie_break"_s, u"first"_s}}};
    workflow.steps = {classify, summary};
    workflow.outputs = {{u"labels"_s, u"steps.classify.output"_s}, {u"summary"_s, u"steps.summary.output"_s}};
    return workflow;
}

} // namespace

class TstReportExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theModelAddsUp();
    void jsonEqualsTheModel();
    void pdfShowsTheFigures();
    void htmlValidatesWithInlineSvg();
    void csvParsesBackToTheSameRows();
    void csvQuotesWhatNeedsIt_data();
    void csvQuotesWhatNeedsIt();
    void noFormatCarriesAProviderKey_data();
    void noFormatCarriesAProviderKey();
    void decisionAndPeriodReports();
    void progressRisesToTheEnd();
    void cancellingWritesNoFile_data();
    void cancellingWritesNoFile();
    void cancellingTheWriterKeepsTheOldFile_data();
    void cancellingTheWriterKeepsTheOldFile();
    void failingCallsGiveClearErrors_data();
    void failingCallsGiveClearErrors();
    void theDialogExports();

private:
    /// Exports `subject` as `path`; answers the exporter's data, or fails the test.
    std::optional<Ui::ReportData> exportReport(const ReportSubject &subject, const QString &path,
                                               QList<int> *progress = nullptr);
    bool needs(const QString &name, const char *package);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
    std::unique_ptr<Engine::InProcessBackend> m_backend;
    Api::Run m_run;
    Ui::ReportData m_data;
};

bool TstReportExporter::needs(const QString &name, const char *package)
{
    if (!tool(name).isEmpty())
        return true;
    const QByteArray message
        = name.toUtf8() + " is not installed (Debian package " + package + "; scripts/dev deps installs it)";
    if (qEnvironmentVariable("CI") == u"1"_s)
        QTest::qFail(message.constData(), __FILE__, __LINE__);
    else
        QTest::qSkip(message.constData(), __FILE__, __LINE__);
    return false;
}

std::optional<Ui::ReportData> TstReportExporter::exportReport(const ReportSubject &subject, const QString &file,
                                                              QList<int> *progress)
{
    const auto format = Ui::reportFormatForPath(file);
    if (!format)
        return std::nullopt;
    ReportExporter exporter(*m_backend, subject, *format, file);
    QSignalSpy finished(&exporter, &ReportExporter::finished);
    QSignalSpy failed(&exporter, &ReportExporter::failed);
    if (progress)
        connect(&exporter, &ReportExporter::progress, this, [progress](int percent) { progress->append(percent); });
    exporter.start();
    if (!Testing::spinUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000))
        return std::nullopt;
    if (!failed.isEmpty()) {
        qWarning() << failed.constFirst().constFirst().value<Api::Error>().message;
        return std::nullopt;
    }
    return exporter.data();
}

void TstReportExporter::initTestCase()
{
    isolateSettings(m_settings);
    for (const char *variable : {"OPENAI_API_KEY", "DASHSCOPE_API_KEY", "ANTHROPIC_API_KEY"})
        qputenv(variable, kSecret);
    m_backend = makeBackend();
    QS_VERIFY_OK(createSwarm(*m_backend, demoLikeSwarm()));
    const auto started = Testing::await<Api::Run>([&](QObject *c, auto done) {
        m_backend->startRun(Api::RunSpec {reportWorkflow(), {}, {}}, c, done);
    });
    QS_VERIFY_OK(started);
    QVERIFY(Testing::spinUntil(
        [&] {
            const auto now
                = Testing::await<Api::Run>([&](QObject *c, auto done) { m_backend->run(started->id, c, done); });
            if (now && Api::isTerminal(now->state))
                m_run = *now;
            return m_run.id.isValid();
        },
        60000));
    QCOMPARE(Api::enumName(m_run.state).toString(), u"succeeded"_s);
    const auto data = exportReport(ReportSubject::forRun(m_run.id), path(u"model.json"_s));
    QVERIFY(data);
    m_data = *data;
}

void TstReportExporter::theModelAddsUp()
{
    const Ui::ReportData &d = m_data;
    QCOMPARE(d.run, std::optional<Api::Run>(m_run));
    QCOMPARE(d.tasks.size(), 4); // three tickets, one summary
    QCOMPARE(d.totals.steps, 2);
    QCOMPARE(d.totals.tasks, 4);
    QVERIFY(d.decisions.size() >= 4); // one per attempt
    QCOMPARE(d.agents.size(), 5);
    int votes = 0;
    double cost = 0;
    qint64 tokens = 0;
    for (const Api::Decision &decision : d.decisions) {
        for (const Api::Round &round : decision.rounds) {
            for (const Api::Vote &vote : round.votes) {
                ++votes;
                cost += vote.costUsd;
                tokens += vote.promptTokens + vote.completionTokens;
            }
        }
    }
    QCOMPARE(d.totals.votes, votes);
    QCOMPARE(d.totals.promptTokens + d.totals.completionTokens, tokens);
    double byAgent = 0;
    for (const Ui::ReportUsage &u : d.usageByAgent)
        byAgent += u.costUsd;
    QVERIFY(qAbs(byAgent - cost) < 1e-12);
    QCOMPARE(d.usageByProvider.size(), 1);
    QCOMPARE(d.usageByProvider.constFirst().name, u"simulated"_s);
    QCOMPARE(d.usageByProvider.constFirst().votes, votes);
    QCOMPARE(d.totals.costUsd, m_run.costUsd);
    // Every vote moved its agent's reputation (agreement with a decided outcome).
    QVERIFY(!d.reputationHistory.isEmpty());
    QCOMPARE(d.reputation.size(), d.agents.size());
    for (const Ui::ReportReputation &r : d.reputation)
        QVERIFY2(r.changes > 0, qPrintable(d.agentName(r.agentId)));
    // The timeline: the run, its two steps, their four tasks.
    QCOMPARE(d.timeline.size(), 1 + 2 + 4);
    QCOMPARE(d.timeline.at(1).label, u"classify"_s);
    for (const Ui::ReportSpan &span : d.timeline)
        QVERIFY2(span.startMs != 0 && span.endMs >= span.startMs, qPrintable(span.label));
}

void TstReportExporter::jsonEqualsTheModel()
{
    const QString file = path(u"model.json"_s);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(readAll(file), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject json = document.object();
    QCOMPARE(json, Ui::reportToJson(m_data));
    QCOMPARE(json.value(u"format"_s).toString(), u"qwen-swarm-report"_s);
    QCOMPARE(json.value(u"version"_s).toInt(), Ui::kReportJsonVersion);
    QCOMPARE(json.value(u"subject"_s).toObject().value(u"run_id"_s).toInteger(), qint64(m_run.id.value));
    // The API's own codecs read the run, tasks and decisions back as they were.
    const auto run = Api::fromJson<Api::Run>(json.value(u"run"_s));
    QS_VERIFY_OK(run);
    QCOMPARE(*run, m_run);
    const auto tasks = Api::fromJson<QList<Api::Task>>(json.value(u"tasks"_s));
    QS_VERIFY_OK(tasks);
    QCOMPARE(*tasks, m_data.tasks);
    const auto decisions = Api::fromJson<QList<Api::Decision>>(json.value(u"decisions"_s));
    QS_VERIFY_OK(decisions);
    QCOMPARE(*decisions, m_data.decisions);
    const QJsonObject totals = json.value(u"totals"_s).toObject();
    QCOMPARE(totals.value(u"cost_usd"_s).toDouble(), m_run.costUsd);
    QCOMPARE(totals.value(u"votes"_s).toInt(), m_data.totals.votes);
    const QJsonArray agents = json.value(u"agents"_s).toArray();
    QCOMPARE(agents.size(), m_data.agents.size());
    QCOMPARE(agents.at(0).toObject().value(u"name"_s).toString(), m_data.agents.constFirst().name);
}

void TstReportExporter::pdfShowsTheFigures()
{
    if (!needs(u"pdftotext"_s, "poppler-utils"))
        return;
    const QString file = path(u"run.pdf"_s);
    QVERIFY(exportReport(ReportSubject::forRun(m_run.id), file));
    QVERIFY(readAll(file).startsWith("%PDF-"));
    const QString text = pdfText(file);
    QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
    const QStringList pages = text.split(u'\f', Qt::SkipEmptyParts);
    QVERIFY2(pages.size() >= 3, qPrintable(QString::number(pages.size())));
    // The cover says what and when.
    QVERIFY2(pages.at(0).contains(u"Qwen Swarm report"_s), qPrintable(pages.at(0)));
    QVERIFY2(pages.at(0).contains(u"Workflow run #%1: report-test"_s.arg(m_run.id.value)), qPrintable(pages.at(0)));
    QVERIFY2(pages.at(0).contains(Ui::DisplayText::dateTime(m_run.createdMs)), qPrintable(pages.at(0)));
    // Every page is numbered.
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QString number = u"Page %1 of %2"_s.arg(i + 1).arg(pages.size());
        QVERIFY2(pages.at(i).contains(number), qPrintable(number + u"\n"_s + pages.at(i)));
    }
    // The figures, as printed: the total cost, and each step's row with its agreement.
    QVERIFY(text.contains(Ui::DisplayText::money(m_run.costUsd)));
    const QStringList lines = text.split(u'\n');
    for (const Api::StepRun &step : m_run.steps) {
        const QString agreement = Ui::DisplayText::percent(step.agreement);
        const bool shown = std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) {
            return line.trimmed().startsWith(step.stepId + u' ') && line.contains(agreement)
                && line.contains(Ui::DisplayText::money(step.costUsd));
        });
        QVERIFY2(shown, qPrintable(step.stepId + u" with its agreement "_s + agreement + u"\n"_s + text));
    }
    QVERIFY(text.contains(u"Decision #%1"_s.arg(m_data.decisions.constFirst().id.value)));
    QVERIFY(text.contains(Ui::DisplayText::percent(m_data.decisions.constFirst().agreement)));
    // The charts are drawn in, their labels as text.
    QVERIFY(text.contains(u"Cost of the votes by agent"_s));
    QVERIFY(text.contains(u"Tokens by provider"_s));
    for (const Ui::ReportAgent &agent : m_data.agents)
        QVERIFY2(text.contains(agent.name), qPrintable(agent.name));
}

void TstReportExporter::htmlValidatesWithInlineSvg()
{
    const QString file = path(u"run.html"_s);
    QVERIFY(exportReport(ReportSubject::forRun(m_run.id), file));
    const QString html = QString::fromUtf8(readAll(file));
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QCOMPARE(html.count(u"<svg "_s), 3); // the timeline, cost by agent, tokens by provider
    QVERIFY(html.contains(u"Workflow run #%1: report-test"_s.arg(m_run.id.value)));
    QVERIFY(html.contains(Ui::DisplayText::money(m_run.costUsd).toHtmlEscaped()));
    QVERIFY(html.contains(u"Summarise, with &quot;quotes&quot;, commas"_s));
    // Self-contained: nothing is fetched.
    for (const QString &outside : {u"<script"_s, u"<link"_s, u"<img"_s, u"src="_s, u"href="_s, u"url("_s, u"@import"_s})
        QVERIFY2(!html.contains(outside, Qt::CaseInsensitive), qPrintable(outside));
    QCOMPARE(html.count(u"://"_s), html.count(u"xmlns=\"http://www.w3.org/2000/svg\""_s));

    if (!needs(u"tidy"_s, "tidy"))
        return;
    QProcess tidy;
    tidy.start(tool(u"tidy"_s), {u"-q"_s, u"-errors"_s, u"-utf8"_s, file});
    QVERIFY(tidy.waitForFinished(60000));
    const QString said = QString::fromUtf8(tidy.readAllStandardError());
    QVERIFY2(tidy.exitCode() == 0 || tidy.exitCode() == 1, qPrintable(said)); // 1: warnings only
    QVERIFY2(!said.contains(u"Error:"_s), qPrintable(said));
}

void TstReportExporter::csvParsesBackToTheSameRows()
{
    const QString file = path(u"run.csv"_s);
    const auto data = exportReport(ReportSubject::forRun(m_run.id), file);
    QVERIFY(data);
    const QByteArray bytes = readAll(file);
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF")); // no byte order mark
    const auto records = parseCsv(QString::fromUtf8(bytes));
    QVERIFY(records);
    const auto tables = tablesOf(*records);
    QVERIFY(tables);
    const QList<Ui::ReportCsvTable> expected = Ui::ReportCsv::tables(*data);
    QCOMPARE(tables->size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(tables->at(i).name, expected.at(i).name);
        QCOMPARE(tables->at(i).columns, expected.at(i).columns);
        QCOMPARE(tables->at(i).rows, expected.at(i).rows);
        for (const QStringList &row : tables->at(i).rows)
            QCOMPARE(row.size(), tables->at(i).columns.size());
    }
    // The rows are the model's.
    const auto table = [&](const QString &name) {
        return *std::find_if(tables->cbegin(), tables->cend(),
                             [&](const Ui::ReportCsvTable &t) { return t.name == name; });
    };
    QCOMPARE(table(u"tasks"_s).rows.size(), m_data.tasks.size());
    for (qsizetype i = 0; i < m_data.tasks.size(); ++i)
        QCOMPARE(table(u"tasks"_s).rows.at(i).at(0).toULongLong(), m_data.tasks.at(i).id.value);
    QCOMPARE(table(u"votes"_s).rows.size(), m_data.totals.votes);
    QCOMPARE(table(u"steps"_s).rows.at(1).at(1), u"Summarise, with \"quotes\", commas"_s);
    QCOMPARE(table(u"decisions"_s).rows.size(), m_data.decisions.size());
    const QStringList cost = *std::find_if(table(u"summary"_s).rows.cbegin(), table(u"summary"_s).rows.cend(),
                                           [](const QStringList &row) { return row.at(0) == u"cost_usd"_s; });
    QVERIFY(qAbs(cost.at(1).toDouble() - m_run.costUsd) < 1e-8);
}

void TstReportExporter::csvQuotesWhatNeedsIt_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("quoted");
    QTest::newRow("plain") << u"plain text"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("comma") << u"a, b"_s << true;
    QTest::newRow("quote") << u"say \"yes\""_s << true;
    QTest::newRow("newline") << u"line 1\nline 2"_s << true;
    QTest::newRow("crlf") << u"line 1\r\nline 2"_s << true;
    QTest::newRow("unicode") << u"\u4e2d\u6587 \u2014 \u00e9"_s << false;
    QTest::newRow("spaces kept") << u"  padded  "_s << false;
}

void TstReportExporter::csvQuotesWhatNeedsIt()
{
    QFETCH(QString, value);
    QFETCH(bool, quoted);
    QCOMPARE(Ui::ReportCsv::field(value).startsWith(u'"'), quoted);
    const QList<Ui::ReportCsvTable> tables {{u"one"_s, {u"a"_s, u"b"_s}, {{value, u"x"_s}, {u"y"_s, value}}},
                                            {u"two"_s, {u"c"_s}, {{value}}}};
    const auto records = parseCsv(QString::fromUtf8(Ui::ReportCsv::write(tables)));
    QVERIFY(records);
    const auto back = tablesOf(*records);
    QVERIFY(back);
    QCOMPARE(*back, tables);
}

void TstReportExporter::noFormatCarriesAProviderKey_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("pdf") << u"secret.pdf"_s;
    QTest::newRow("html") << u"secret.html"_s;
    QTest::newRow("csv") << u"secret.csv"_s;
    QTest::newRow("json") << u"secret.json"_s;
}

void TstReportExporter::noFormatCarriesAProviderKey()
{
    QFETCH(QString, name);
    QCOMPARE(qgetenv("OPENAI_API_KEY"), QByteArray(kSecret)); // the core had the key
    const QString file = path(name);
    QVERIFY(exportReport(ReportSubject::forRun(m_run.id), file));
    const QByteArray bytes = readAll(file);
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains(kSecret));
    QVERIFY(!bytes.contains("sk-report-test"));
    if (name.endsWith(u".pdf"_s) && needs(u"pdftotext"_s, "poppler-utils"))
        QVERIFY(!pdfText(file).contains(QLatin1StringView("sk-report-test")));
}

void TstReportExporter::decisionAndPeriodReports()
{
    const Api::Decision &decided = m_data.decisions.constLast();
    const auto decision = exportReport(ReportSubject::forDecision(decided.id), path(u"decision.json"_s));
    QVERIFY(decision);
    QCOMPARE(decision->decisions, QList<Api::Decision> {decided});
    QCOMPARE(decision->tasks.size(), 1);
    QCOMPARE(decision->tasks.constFirst().id, decided.taskId);
    QVERIFY(!decision->run);
    for (const Api::ReputationPoint &point : decision->reputationHistory)
        QCOMPARE(point.decisionId, decided.id);

    const auto period
        = exportReport(ReportSubject::forPeriod(m_run.createdMs, m_run.finishedMs + 1), path(u"period.csv"_s));
    QVERIFY(period);
    QCOMPARE(period->tasks.size(), m_data.tasks.size());
    QCOMPARE(period->decisions.size(), m_data.decisions.size());
    QCOMPARE(period->totals.votes, m_data.totals.votes);
    QVERIFY(qAbs(period->totals.costUsd - m_run.costUsd) < 1e-12);
    QVERIFY(exportReport(ReportSubject::forPeriod(m_run.createdMs, m_run.finishedMs + 1), path(u"period.pdf"_s)));
}

void TstReportExporter::progressRisesToTheEnd()
{
    QList<int> progress;
    QVERIFY(exportReport(ReportSubject::forRun(m_run.id), path(u"progress.pdf"_s), &progress));
    QVERIFY(progress.size() > 3);
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QCOMPARE(progress.constLast(), 100);
}

void TstReportExporter::cancellingWritesNoFile_data()
{
    noFormatCarriesAProviderKey_data();
}

void TstReportExporter::cancellingWritesNoFile()
{
    QFETCH(QString, name);
    const QString file = path(u"cancelled-"_s + name);
    ReportExporter exporter(*m_backend, ReportSubject::forRun(m_run.id), *Ui::reportFormatForPath(file), file);
    QSignalSpy finished(&exporter, &ReportExporter::finished);
    QSignalSpy failed(&exporter, &ReportExporter::failed);
    // Cancelled while it reads, once it has started.
    connect(&exporter, &ReportExporter::progress, &exporter, [&exporter](int percent) {
        if (percent > 0)
            exporter.cancel();
    });
    exporter.start();
    QVERIFY(Testing::spinUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }));
    QVERIFY(finished.isEmpty());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().constFirst().value<Api::Error>().code, Api::ErrorCode::Cancelled);
    QVERIFY(!exporter.isRunning());
    Testing::spinFor(100);
    QVERIFY(!QFile::exists(file));
    QCOMPARE(failed.size(), 1);
}

void TstReportExporter::cancellingTheWriterKeepsTheOldFile_data()
{
    noFormatCarriesAProviderKey_data();
}

void TstReportExporter::cancellingTheWriterKeepsTheOldFile()
{
    QFETCH(QString, name);
    const QString file = path(u"old-"_s + name);
    {
        QFile old(file);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old report");
    }
    // The writer is cancelled after it started writing (the PDF between its pages).
    int reports = 0;
    Ui::ReportHooks hooks;
    hooks.progress = [&reports](int) { ++reports; };
    hooks.cancelled = [&reports] { return reports > 1; };
    const auto written = Ui::ReportWriter::write(m_data, *Ui::reportFormatForPath(file), file, hooks);
    QVERIFY(!written);
    QCOMPARE(written.error().code, Api::ErrorCode::Cancelled);
    QCOMPARE(readAll(file), QByteArray("the old report"));
    QVERIFY(Ui::ReportWriter::write(m_data, *Ui::reportFormatForPath(file), file));
    QVERIFY(readAll(file) != QByteArray("the old report"));
}

void TstReportExporter::failingCallsGiveClearErrors_data()
{
    QTest::addColumn<ReportSubject>("subject");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown run") << ReportSubject::forRun(Api::RunId(987654)) << int(Api::ErrorCode::NotFound)
                                 << u"Cannot read run #987654: "_s;
    QTest::newRow("unknown decision") << ReportSubject::forDecision(Api::DecisionId(987654))
                                      << int(Api::ErrorCode::NotFound) << u"Cannot read decision #987654: "_s;
    QTest::newRow("period backwards") << ReportSubject::forPeriod(2000, 1000) << int(Api::ErrorCode::InvalidArgument)
                                      << u"the period ends before it begins"_s;
}

void TstReportExporter::failingCallsGiveClearErrors()
{
    QFETCH(ReportSubject, subject);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString file = path(u"failed.pdf"_s);
    ReportExporter exporter(*m_backend, subject, ReportFormat::Pdf, file);
    QSignalSpy finished(&exporter, &ReportExporter::finished);
    QSignalSpy failed(&exporter, &ReportExporter::failed);
    exporter.start();
    QVERIFY(failed.isEmpty()); // never inside start()
    QVERIFY(Testing::spinUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }));
    QVERIFY(finished.isEmpty());
    const auto error = failed.constFirst().constFirst().value<Api::Error>();
    QCOMPARE(int(error.code), code);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY(!QFile::exists(file));
}

void TstReportExporter::theDialogExports()
{
    Ui::ReportExportDialog dialog(*m_backend, ReportSubject::forRun(m_run.id));
    QVERIFY(dialog.path().endsWith(u"run-%1.pdf"_s.arg(m_run.id.value)));
    dialog.setPath(path(u"dialog.pdf"_s));
    QCOMPARE(dialog.format(), ReportFormat::Pdf);
    auto *format = dialog.findChild<QComboBox *>();
    QVERIFY(format);
    format->setCurrentIndex(format->findData(int(ReportFormat::Json)));
    QCOMPARE(dialog.path(), path(u"dialog.json"_s));
    QSignalSpy exported(&dialog, &Ui::ReportExportDialog::exported);
    dialog.exportReport();
    QVERIFY(dialog.isExporting());
    QVERIFY(exported.wait(30000));
    QCOMPARE(exported.constFirst().constFirst().toString(), path(u"dialog.json"_s));
    const QJsonObject json = QJsonDocument::fromJson(readAll(path(u"dialog.json"_s))).object();
    QCOMPARE(json.value(u"run"_s).toObject().value(u"id"_s).toInteger(), qint64(m_run.id.value));
}

QTEST_MAIN(TstReportExporter)
#include "tst_reportexporter.moc"
