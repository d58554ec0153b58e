// `qwen-swarm run FILE` and `qwen-swarm report`: the real program, without a window or a display, runs
// the shipped demo workflows on an embedded core, writes reports in every format, and refuses bad
// files, inputs and options with exit code 2.
#include <api/jsonworkflow.h>
#include <client/remotebackend.h>
#include <testsupport.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;

class TestHeadlessRun : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Outcome run(const QStringList &arguments) { return program(QStringList {u"run"_s} + arguments); }

    Outcome program(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path()); // the embedded core's data folder, settings
        env.remove(u"DISPLAY"_s); // no window, so no display needed
        env.remove(u"QT_QPA_PLATFORM"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(QWENSWARM_CONSOLE_BINARY), arguments);
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    static QString workflow(const QString &name)
    {
        return QStringLiteral(QWENSWARM_SOURCE_DIR "/resources/workflows/") + name;
    }

    QTemporaryDir m_home;

private Q_SLOTS:
    void runsADemoWorkflowAndWritesItsReport()
    {
        const QString report = m_home.filePath(u"classify.json"_s);
        const Outcome o = run({workflow(u"classify-map.json"_s), u"--memory"_s, u"--report"_s, report});
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        QVERIFY2(o.out.contains(u"step classify: succeeded"_s), qPrintable(o.out));
        QVERIFY2(o.out.contains(u"run: succeeded"_s), qPrintable(o.out));

        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(u"format"_s).toString(), u"qwen-swarm-report"_s);
        const QJsonObject r = json.value(u"run"_s).toObject();
        QCOMPARE(r.value(u"state"_s).toString(), u"succeeded"_s);
        const QJsonArray steps = r.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 2);
        // Five tickets by default: five classification tasks, five labels.
        QCOMPARE(steps.at(0).toObject().value(u"task_ids"_s).toArray().size(), 5);
        QCOMPARE(steps.at(0).toObject().value(u"output"_s).toArray().size(), 5);
        QVERIFY(!r.value(u"outputs"_s).toObject().isEmpty());
    }

    void inputsAndApprovalsFromTheCommandLine()
    {
        const Outcome o = run({workflow(u"plan-critique-revise.json"_s), u"--memory"_s, u"--auto-approve"_s,
                               u"--inputs"_s, uR"({"goal": "a reading club"})"_s});
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        QVERIFY2(o.out.contains(u"step approve_plan: awaiting_approval"_s), qPrintable(o.out));
        QVERIFY2(o.out.contains(u"step revise: succeeded"_s), qPrintable(o.out));
    }

    void theJudgedDebateRunsOnTheDemoSwarm()
    {
        const Outcome o = run({workflow(u"research-debate.json"_s), u"--data-dir"_s, m_home.filePath(u"data"_s),
                               u"--inputs"_s, uR"({"question": "Why is the sky blue?"})"_s});
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        QVERIFY2(o.out.contains(u"step summary: succeeded"_s), qPrintable(o.out));
        QVERIFY(QFile::exists(m_home.filePath(u"data/qwen-swarm.sqlite3"_s))
                || !QDir(m_home.filePath(u"data"_s)).isEmpty());
    }

    void writesEveryReportFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("pdf") << u"classify.pdf"_s << QByteArray("%PDF-");
        QTest::newRow("html") << u"classify.html"_s << QByteArray("<!DOCTYPE html>");
        QTest::newRow("csv") << u"classify.csv"_s << QByteArray("table,summary\r\n");
    }

    void writesEveryReportFormat()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, start);
        const QString report = m_home.filePath(name);
        const Outcome o = run({workflow(u"classify-map.json"_s), u"--memory"_s, u"--report"_s, report});
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        QVERIFY2(o.out.contains(u"report written to "_s + report), qPrintable(o.out));
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith(start));
    }

    void theReportCommandReadsAStoredRun()
    {
        const QString data = m_home.filePath(u"report-data"_s);
        const Outcome ran = run({workflow(u"classify-map.json"_s), u"--data-dir"_s, data});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.out + ran.err));
        const auto match = QRegularExpression(u"run #(\\d+) of classify-map started"_s).match(ran.out);
        QVERIFY2(match.hasMatch(), qPrintable(ran.out));
        const QString id = match.captured(1);

        const QString out = m_home.filePath(u"stored.pdf"_s);
        const Outcome o = program({u"report"_s, u"--run"_s, id, u"--data-dir"_s, data, u"--out"_s, out});
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        QVERIFY2(o.out.contains(u"report written to "_s + out), qPrintable(o.out));
        QFile pdf(out);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.readAll().startsWith("%PDF-"));

        const QString json = m_home.filePath(u"period.json"_s);
        const Outcome period = program({u"report"_s, u"--from"_s, u"2000-01-01"_s, u"--to"_s, u"2100-01-01T00:00:00Z"_s,
                                        u"--data-dir"_s, data, u"--out"_s, json});
        QVERIFY2(period.exitCode == 0, qPrintable(period.out + period.err));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(report.value(u"subject"_s).toObject().value(u"kind"_s).toString(), u"period"_s);
        QCOMPARE(report.value(u"tasks"_s).toArray().size(), 6); // five tickets and the report

        const Outcome unknown
            = program({u"report"_s, u"--run"_s, u"999999"_s, u"--data-dir"_s, data, u"--out"_s, out + u".html"_s});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(u"Cannot read run #999999"_s), qPrintable(unknown.err));
        QVERIFY(!QFile::exists(out + u".html"_s));
    }

    void reportRefusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no subject") << QStringList {u"--out"_s, u"x.pdf"_s} << u"give one of --run"_s;
        QTest::newRow("two subjects") << QStringList {u"--run"_s, u"1"_s,     u"--decision"_s,
                                                      u"2"_s,     u"--out"_s, u"x.pdf"_s}
                                      << u"give one of --run"_s;
        QTest::newRow("no out") << QStringList {u"--run"_s, u"1"_s} << u"--out"_s;
        QTest::newRow("bad id") << QStringList {u"--run"_s, u"one"_s, u"--out"_s, u"x.pdf"_s} << u"--run"_s;
        QTest::newRow("bad time") << QStringList {u"--from"_s,     u"yesterday"_s, u"--to"_s,
                                                  u"2024-01-01"_s, u"--out"_s,     u"x.pdf"_s}
                                  << u"ISO 8601"_s;
        QTest::newRow("backwards") << QStringList {u"--from"_s,     u"2024-02-01"_s, u"--to"_s,
                                                   u"2024-01-01"_s, u"--out"_s,      u"x.pdf"_s}
                                   << u"--to must come after --from"_s;
        QTest::newRow("unknown format") << QStringList {u"--run"_s, u"1"_s, u"--out"_s, u"x.docx"_s} << u"--out"_s;
    }

    void reportRefusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Outcome o = program(QStringList {u"report"_s} + arguments);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
    }

    void aDryRunEstimatesEachStep()
    {
        const Outcome o = run({workflow(u"classify-map.json"_s), u"--dry-run"_s});
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        // One line per step and a total; the map step made five tasks.
        const QStringList lines = o.out.split(u'\n');
        const auto line = [&](const QString &first) {
            for (const QString &l : lines) {
                if (l.startsWith(first + u' '))
                    return l.simplified().split(u' ');
            }
            return QStringList {};
        };
        const QStringList classify = line(u"classify"_s);
        QVERIFY2(classify.size() >= 6, qPrintable(o.out));
        QCOMPARE(classify.at(1), u"succeeded"_s);
        QCOMPARE(classify.at(2).toInt(), 5);
        QVERIFY(classify.at(3).toInt() >= 5); // calls: at least one per task
        QVERIFY(classify.at(5).toDouble() > 0); // cost
        const QStringList total = line(u"total"_s);
        QVERIFY2(total.size() >= 4, qPrintable(o.out));
        QVERIFY(total.at(1).toInt() >= classify.at(3).toInt());
        // Nothing ran for real: no database was written.
        QVERIFY(!QDir(m_home.filePath(u".local/share/QwenSwarm/qwen-swarm"_s)).exists());
    }

    void runsOnAnAttachedDaemon()
    {
        // A real qwen-swarmd on loopback, with an operator's API key and a swarm named "demo".
        QTemporaryDir data;
        QProcess keyMaker;
        keyMaker.start(QStringLiteral(QWENSWARMD_PATH),
                       {u"--data-dir"_s, data.path(), u"--create-api-key"_s, u"operator"_s});
        QVERIFY(keyMaker.waitForFinished(30000));
        const QByteArray key = keyMaker.readAllStandardOutput().trimmed();
        QVERIFY(!key.isEmpty());
        QProcess daemon;
        daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        daemon.start(QStringLiteral(QWENSWARMD_PATH), {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, data.path()});
        QByteArray said;
        QVERIFY(Testing::spinUntil([&] {
            said += daemon.readAllStandardOutput();
            return said.contains('\n') || daemon.state() == QProcess::NotRunning;
        }));
        const qsizetype at = said.indexOf("listening ");
        QVERIFY2(at >= 0, said.constData());
        const QString url = QString::fromUtf8(said.mid(at + 10, said.indexOf('\n', at) - at - 10));

        Remote::RemoteOptions options;
        options.url = QUrl(url);
        options.token = key;
        Remote::RemoteBackend client(options);
        client.connectToServer();
        Api::SwarmSpec demo;
        demo.name = u"demo"_s;
        for (const QString &name : {u"a"_s, u"b"_s, u"c"_s}) {
            Api::AgentSpec agent;
            agent.name = name;
            agent.tags = {u"general"_s};
            agent.parameters = {{u"accuracy"_s, 0.9}, {u"latency_ms"_s, 5}};
            demo.agents.append(agent);
        }
        QS_VERIFY_OK(Testing::await<Api::Swarm>([&](QObject *c, auto d) { client.createSwarm(demo, c, d); }));

        qputenv("QWEN_SWARM_TOKEN", key);
        const Outcome o = run({workflow(u"classify-map.json"_s), u"--attach"_s, url});
        qunsetenv("QWEN_SWARM_TOKEN");
        QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err));
        QVERIFY2(o.out.contains(u"run: succeeded"_s), qPrintable(o.out));
        // The run is the daemon's: its client sees it.
        auto runs = Testing::await<Api::Page<Api::Run>>([&](QObject *c, auto d) { client.queryRuns({}, c, d); });
        QS_VERIFY_OK(runs);
        QCOMPARE(runs->items.size(), 1);
        QCOMPARE(runs->items.at(0).state, Api::RunState::Succeeded);

        // A wrong token: refused at the handshake, exit code 3, and the message says so.
        qputenv("QWEN_SWARM_TOKEN", "qs_wrong");
        const Outcome refused = run({workflow(u"classify-map.json"_s), u"--attach"_s, url});
        qunsetenv("QWEN_SWARM_TOKEN");
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(!refused.err.isEmpty(), qPrintable(refused.out));
        daemon.terminate();
        daemon.waitForFinished(15000);
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no such file") << QStringList {u"/nonexistent/flow.json"_s} << u"cannot read"_s;
        QTest::newRow("inputs not JSON") << QStringList {workflow(u"classify-map.json"_s), u"--inputs"_s, u"{oops"_s}
                                         << u"--inputs is not JSON"_s;
        QTest::newRow("unknown input") << QStringList {workflow(u"classify-map.json"_s), u"--inputs"_s,
                                                       uR"({"itemz": []})"_s}
                                       << u"inputs.itemz"_s;
        QTest::newRow("a missing required input")
            << QStringList {workflow(u"research-debate.json"_s)} << u"inputs.question: required"_s;
        QTest::newRow("unsupported report")
            << QStringList {workflow(u"classify-map.json"_s), u"--report"_s, u"out.txt"_s} << u"--report"_s;
        QTest::newRow("no file") << QStringList {} << u"usage"_s;
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Outcome o = run(arguments + QStringList {u"--memory"_s});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
    }

    void anInvalidFileNamesTheStepAndField()
    {
        QFile original(workflow(u"plan-critique-revise.json"_s));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(original.readAll()).object();
        QJsonArray steps = json.value(u"steps"_s).toArray();
        QJsonObject critique = steps.at(2).toObject();
        critique.insert(u"inputs"_s, QJsonObject {{u"plan"_s, u"steps.nowhere.output"_s}});
        steps[2] = critique;
        json.insert(u"steps"_s, steps);
        const QString path = m_home.filePath(u"broken.json"_s);
        QFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QJsonDocument(json).toJson());
        broken.close();

        const Outcome o = run({path, u"--memory"_s});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(u"steps[critique].inputs.plan: there is no step 'nowhere'"_s), qPrintable(o.err));
    }
};

QTEST_GUILESS_MAIN(TestHeadlessRun)
#include "tst_headlessrun.moc"
