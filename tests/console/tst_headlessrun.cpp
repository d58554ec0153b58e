// `qwen-swarm run FILE`: the real program, without a window, runs the shipped demo workflows on an
// embedded core, writes a report, and refuses bad files, inputs and options with exit code 2.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

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

    Outcome run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path()); // the embedded core's data folder, settings
        env.remove(u"DISPLAY"_s); // no window, so no display needed
        env.remove(u"QT_QPA_PLATFORM"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(QWENSWARM_CONSOLE_BINARY), QStringList {u"run"_s} + arguments);
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
            << QStringList {workflow(u"classify-map.json"_s), u"--report"_s, u"out.pdf"_s} << u"--report"_s;
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
