// The runs page on a real in-process core: a workflow file started through the inputs dialog, the
// run's steps shown live, an approval step approved edited through the dialog, pause, resume, cancel
// and retry from a step; the models pass QAbstractItemModelTester. Set QS_SCREENSHOT_DIR to save
// pictures of the page and the approval dialog there.
#include "common/bannerwidget.h"
#include "common/displaytext.h"
#include "reports/reportexportdialog.h"
#include "runs/approvaldialog.h"
#include "runs/runsmodel.h"
#include "runs/runspage.h"

#include "uitestsupport.h"

#include <api/jsonworkflow.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::RunsModel;
using Ui::RunsPage;

namespace {

Api::Workflow draftAndCheck(int latencySwarmSteps = 1)
{
    Api::Workflow w;
    w.name = u"draft-and-check"_s;
    w.inputs = {Api::WorkflowInput {u"topic"_s, Api::ValueType::Text, u"what to write about"_s, QJsonValue::Undefined},
                Api::WorkflowInput {u"items"_s, Api::ValueType::List, {}, QJsonArray {u"a"_s, u"b"_s}}};
    Api::WorkflowStep draft;
    draft.id = u"draft"_s;
    draft.swarm = u"team"_s;
    draft.prompt = u"Write about {{topic}}"_s;
    draft.inputs = {{u"topic"_s, u"inputs.topic"_s}};
    Api::WorkflowStep check;
    check.id = u"check"_s;
    check.kind = Api::StepKind::Approval;
    check.inputs = {{u"input"_s, u"steps.draft.output"_s}};
    check.instructions = u"Is the draft fit to publish?"_s;
    Api::WorkflowStep polish;
    polish.id = u"polish"_s;
    polish.swarm = u"team"_s;
    polish.prompt = u"Polish: {{text}}"_s;
    polish.inputs = {{u"text"_s, u"steps.check.output"_s}};
    w.steps = {draft, check, polish};
    w.outputs = {{u"text"_s, u"steps.polish.output"_s}};
    Q_UNUSED(latencySwarmSteps);
    return w;
}

struct Fixture
{
    explicit Fixture(int latencyMs = 5)
    {
        const auto swarm = Testing::await<Api::Swarm>(
            [&](QObject *c, auto d) { backend->createSwarm(quickSwarm(u"team"_s, 3, latencyMs), c, d); });
        Q_ASSERT(swarm.ok());
        page.start();
    }

    std::unique_ptr<Engine::InProcessBackend> backend = makeBackend();
    RunsPage page {*backend};
    QAbstractItemModelTester tester {page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest};

    Api::RunId startRun(const Api::Workflow &workflow, const QJsonObject &inputs)
    {
        auto run = Testing::await<Api::Run>([&](QObject *c, auto d) {
            backend->startRun(Api::RunSpec {workflow, inputs, {}}, c, d);
        });
        return run ? run->id : Api::RunId();
    }

    const Api::Run *shown(Api::RunId id) const { return page.model()->run(id); }

    bool waitForState(Api::RunId id, Api::RunState state)
    {
        return Testing::spinUntil([&] { return shown(id) && shown(id)->state == state; });
    }
};

} // namespace

class TestRunsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aWorkflowFileStartsThroughTheInputsDialog()
    {
        Fixture f;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"flow.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(Api::workflowToJson(draftAndCheck())).toJson());
        file.close();

        Api::RunId started;
        QObject::connect(&f.page, &RunsPage::runStarted, &f.page, [&](Api::RunId id) { started = id; });
        f.page.openWorkflowFile(path);
        Ui::RunInputsDialog *dialog = nullptr;
        QVERIFY(Testing::spinUntil([&] {
            dialog = f.page.findChild<Ui::RunInputsDialog *>();
            return dialog != nullptr;
        }));
        auto *topic = qobject_cast<QLineEdit *>(dialog->field(u"topic"_s));
        QVERIFY(topic);
        topic->setText(u"owls"_s);
        auto *items = qobject_cast<QPlainTextEdit *>(dialog->field(u"items"_s));
        QCOMPARE(items->toPlainText(), u"a\nb"_s); // the default, one per line
        QCOMPARE(dialog->inputs().value(u"items"_s).toArray().size(), 2);
        dialog->accept();
        QVERIFY(Testing::spinUntil([&] { return started.isValid(); }));
        QVERIFY(f.waitForState(started, Api::RunState::AwaitingApproval));
        QCOMPARE(f.page.selectedRun(), started);
        QCOMPARE(f.shown(started)->inputs.value(u"topic"_s).toString(), u"owls"_s);

        // A file that is not a workflow: the banner says so, nothing starts.
        const QString bad = dir.filePath(u"bad.json"_s);
        QFile broken(bad);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(R"({"format": "qwen-swarm-workflow", "version": 2, "name": "x", "steps": [{"id": "a"}]})");
        broken.close();
        f.page.openWorkflowFile(bad);
        QVERIFY(Testing::spinUntil([&] { return f.page.banner()->isShowingError(); }));
        QVERIFY2(f.page.banner()->text().contains(u"steps[a].swarm"_s), qPrintable(f.page.banner()->text()));
    }

    void anApprovalIsDecidedInTheDialog()
    {
        Fixture f;
        const Api::RunId id = f.startRun(draftAndCheck(), {{u"topic"_s, u"bees"_s}});
        QVERIFY(id.isValid());
        QVERIFY(f.waitForState(id, Api::RunState::AwaitingApproval));
        f.page.selectRun(id);
        QVERIFY(!f.page.approveAction()->isEnabled()); // no step chosen yet
        f.page.selectStep(u"check"_s);
        QVERIFY(f.page.approveAction()->isEnabled());
        QCOMPARE(f.page.stepsView()->item(1, 2)->text(), Ui::DisplayText::stepState(Api::StepState::AwaitingApproval));
        QVERIFY(!f.page.retryAction()->isEnabled()); // the run is not finished

        Ui::ApprovalDialog *dialog = f.page.openApprovalDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->textEdit()->toPlainText(), f.shown(id)->step(u"draft"_s)->output.toString());
        dialog->textEdit()->setPlainText(u"A better draft about bees."_s);
        dialog->noteEdit()->setText(u"tightened"_s);
        QCOMPARE(dialog->approval().verdict, Api::ApprovalVerdict::Edit);
        dialog->approveStep();
        QVERIFY(f.waitForState(id, Api::RunState::Succeeded));
        const Api::Run *run = f.shown(id);
        QCOMPARE(run->step(u"check"_s)->output.toString(), u"A better draft about bees."_s);
        QCOMPARE(run->step(u"check"_s)->reason, u"tightened"_s);
        f.page.selectStep(u"polish"_s);
        QVERIFY(f.page.stepDetail().contains(run->step(u"polish"_s)->output.toString()));
        QVERIFY(f.page.retryAction()->isEnabled());
        QVERIFY(!f.page.cancelAction()->isEnabled());

        // The run's report, from the page: written off the GUI thread, the status says where.
        QVERIFY(f.page.reportAction()->isEnabled());
        QTemporaryDir dir;
        QString said;
        QObject::connect(&f.page, &RunsPage::statusMessage, &f.page, [&](const QString &t) { said = t; });
        Ui::ReportExportDialog *report = f.page.openReportDialog();
        QVERIFY(report);
        report->setPath(dir.filePath(u"run.json"_s));
        report->exportReport();
        QVERIFY(Testing::spinUntil([&] { return said.contains(u"run.json"_s); }));
        QFile written(dir.filePath(u"run.json"_s));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(written.readAll()).object().value(u"run"_s).toObject().value(u"id"_s).toInt(),
                 int(id.value));
    }

    void pauseResumeCancelAndRetryFromTheToolbar()
    {
        Fixture f(300);
        const Api::RunId id = f.startRun(draftAndCheck(), {{u"topic"_s, u"cats"_s}});
        QVERIFY(Testing::spinUntil([&] { return f.shown(id) != nullptr; }));
        f.page.selectRun(id);
        QVERIFY(f.page.pauseAction()->isEnabled());
        f.page.pauseAction()->trigger();
        QVERIFY(f.waitForState(id, Api::RunState::Paused));
        QVERIFY(f.page.resumeAction()->isEnabled());
        QVERIFY(!f.page.pauseAction()->isEnabled());
        f.page.resumeAction()->trigger();
        QVERIFY(Testing::spinUntil([&] { return f.shown(id)->state != Api::RunState::Paused; }));
        f.page.cancelAction()->trigger();
        QVERIFY(f.waitForState(id, Api::RunState::Cancelled));

        f.page.selectStep(u"draft"_s);
        QVERIFY(f.page.retryAction()->isEnabled());
        f.page.retryAction()->trigger();
        QVERIFY(Testing::spinUntil([&] {
            const Api::Run *run = f.shown(id);
            return run && !isTerminal(run->state) && run->step(u"draft"_s)->generation == 1;
        }));
        QVERIFY(f.waitForState(id, Api::RunState::AwaitingApproval));
    }

    void refusalsGoToTheBanner()
    {
        Fixture f;
        const Api::RunId id = f.startRun(draftAndCheck(), {{u"topic"_s, u"x"_s}});
        QVERIFY(f.waitForState(id, Api::RunState::AwaitingApproval));
        QVERIFY(Testing::await<Api::Run>([&](QObject *c, auto d) {
                    f.backend->commandRun(id, Api::RunCommand::Cancel, {}, c, d);
                }).ok());
        QVERIFY(f.waitForState(id, Api::RunState::Cancelled));
        f.page.selectRun(id);
        f.page.command(Api::RunCommand::Pause); // too late: the core refuses
        QVERIFY(Testing::spinUntil([&] { return f.page.banner()->isShowingError(); }));
        QVERIFY(f.page.banner()->text().contains(u"cancelled"_s));
    }

    void newRunsAppearOnTopAndTheModelStaysConsistent()
    {
        Fixture f;
        QVERIFY(Testing::spinUntil([&] { return f.page.model()->isLoaded(); }));
        Api::Workflow one = draftAndCheck();
        one.steps = {one.steps.at(0)};
        one.outputs = {};
        QList<Api::RunId> ids;
        for (int i = 0; i < 3; ++i)
            ids.append(f.startRun(one, {{u"topic"_s, QString::number(i)}}));
        QVERIFY(Testing::spinUntil([&] {
            return std::all_of(ids.cbegin(), ids.cend(), [&](Api::RunId id) {
                return f.shown(id) && f.shown(id)->state == Api::RunState::Succeeded;
            });
        }));
        QCOMPARE(f.page.model()->rowCount(), 3);
        QCOMPARE(f.page.model()->runAt(0).id, ids.at(2)); // newest first
        QCOMPARE(f.page.model()->index(0, RunsModel::StepsColumn).data().toString(), u"1 / 1"_s);
        f.page.model()->reload();
        QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowCount() == 3; }));
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("QS_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set QS_SCREENSHOT_DIR to save pictures of the page and the dialog there");
        Fixture f;
        Api::Workflow done = draftAndCheck();
        done.steps = {done.steps.at(0)};
        done.outputs = {{u"draft"_s, u"steps.draft.output"_s}};
        f.startRun(done, {{u"topic"_s, u"tides"_s}});
        const Api::RunId id = f.startRun(draftAndCheck(), {{u"topic"_s, u"owls"_s}});
        QVERIFY(f.waitForState(id, Api::RunState::AwaitingApproval));
        f.page.resize(1200, 720);
        f.page.show();
        f.page.selectRun(id);
        f.page.selectStep(u"check"_s);
        QTest::qWait(200);
        QVERIFY(f.page.grab().save(dir + u"/runs-page.png"_s));
        Ui::ApprovalDialog *dialog = f.page.openApprovalDialog();
        QVERIFY(dialog);
        QTest::qWait(100);
        QVERIFY(dialog->grab().save(dir + u"/approval-dialog.png"_s));
    }
};

QTEST_MAIN(TestRunsPage)
#include "tst_runspage.moc"
