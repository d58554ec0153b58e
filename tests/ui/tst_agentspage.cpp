// The agents page on a real in-process core: batch lifecycle actions on the selection, the spawn
// dialog's validation (the backend's own errors, next to their fields), and the detail pane.
#include "agents/agentdetailwidget.h"
#include "agents/agentsmodel.h"
#include "agents/agentspage.h"
#include "agents/agentsproxymodel.h"
#include "agents/spawnagentdialog.h"
#include "common/bannerwidget.h"
#include "common/batchoperation.h"
#include "common/batchprogressbar.h"
#include "common/swarmdirectory.h"

#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::AgentsModel;
using Ui::AgentsPage;

namespace {

struct Fixture
{
    std::unique_ptr<Engine::InProcessBackend> backend = makeBackend();
    Ui::SwarmDirectory swarms {*backend};
    AgentsPage page {*backend, swarms};
    Api::SwarmId swarm;

    bool start()
    {
        const auto created = createSwarm(*backend, demoLikeSwarm());
        if (!created)
            return false;
        swarm = created->id;
        swarms.start();
        page.start();
        page.show();
        return Testing::spinUntil([&] { return page.model()->rowCount() == 5 && swarms.isLoaded(); });
    }

    Api::AgentId id(const QString &name) const { return page.model()->findByName(name); }

    void select(const QStringList &names)
    {
        QItemSelectionModel *selection = page.view()->selectionModel();
        selection->clearSelection();
        for (const QString &name : names) {
            const QModelIndex source = page.model()->index(page.model()->rowOf(id(name)), 0);
            selection->select(page.proxy()->mapFromSource(source),
                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    Api::AgentState backendState(const QString &name)
    {
        const auto a = agent(*backend, id(name));
        return a ? a->state : Api::AgentState::Created;
    }
};

} // namespace

class TstAgentsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchActionsChangeTheCoreAndTheTable();
    void batchFailuresAreShownInTheWindow();
    void longBatchesShowProgressAndCanBeCancelled();
    void spawnDialogShowsTheBackendsFieldErrors();
    void spawnDialogNamesClashesAndSpawnsOnceValid();
    void spawnFromATemplate();
    void detailPaneShowsHistoryAndReputation();
};

void TstAgentsPage::batchActionsChangeTheCoreAndTheTable()
{
    Fixture f;
    QVERIFY(f.start());
    QAbstractItemModelTester tester(f.page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!f.page.commandAction(Api::AgentCommand::Pause)->isEnabled()); // nothing selected
    f.select({u"birch"_s, u"dune"_s});
    QCOMPARE(f.page.selectedAgents().size(), 2);
    QVERIFY(f.page.commandAction(Api::AgentCommand::Pause)->isEnabled());

    f.page.commandAction(Api::AgentCommand::Pause)->trigger();
    QVERIFY(Testing::spinUntil([&] {
        return f.backendState(u"birch"_s) == Api::AgentState::Paused
            && f.backendState(u"dune"_s) == Api::AgentState::Paused;
    }));
    QVERIFY(Testing::spinUntil([&] {
        const AgentsModel &m = *f.page.model();
        return m.agent(f.id(u"birch"_s))->state == Api::AgentState::Paused
            && m.agent(f.id(u"dune"_s))->state == Api::AgentState::Paused;
    }));
    QCOMPARE(f.backendState(u"atlas"_s), Api::AgentState::Idle); // not selected, not touched
    QVERIFY(!f.page.banner()->isShowingError());

    f.page.runCommand(Api::AgentCommand::Resume);
    QVERIFY(Testing::spinUntil([&] { return f.backendState(u"birch"_s) == Api::AgentState::Idle; }));
    f.page.runCommand(Api::AgentCommand::Stop);
    QVERIFY(Testing::spinUntil([&] {
        return f.page.model()->agent(f.id(u"dune"_s))->state == Api::AgentState::Stopped
            && f.page.model()->agent(f.id(u"birch"_s))->state == Api::AgentState::Stopped;
    }));
    f.page.runCommand(Api::AgentCommand::Restart);
    QVERIFY(Testing::spinUntil([&] { return f.backendState(u"dune"_s) == Api::AgentState::Idle; }));
}

void TstAgentsPage::batchFailuresAreShownInTheWindow()
{
    Fixture f;
    QVERIFY(f.start());
    QS_VERIFY_OK(command(*f.backend, f.id(u"cedar"_s), Api::AgentCommand::Stop));
    f.select({u"atlas"_s, u"cedar"_s});
    // Pausing a stopped agent is refused by the core: the window says which and why, and the other
    // agent is paused all the same.
    f.page.runCommand(Api::AgentCommand::Pause);
    QVERIFY(Testing::spinUntil([&] { return f.page.banner()->isShowingError(); }));
    const QString text = f.page.banner()->text();
    QVERIFY2(text.contains(u"cedar"_s) && text.contains(u"1 of 2"_s), qPrintable(text));
    QCOMPARE(f.backendState(u"atlas"_s), Api::AgentState::Paused);

    f.page.view()->clearSelection();
    f.page.runCommand(Api::AgentCommand::Resume);
    QVERIFY(f.page.banner()->text().contains(u"Select"_s));
}

void TstAgentsPage::longBatchesShowProgressAndCanBeCancelled()
{
    Fixture f;
    QVERIFY(f.start());
    QS_VERIFY_OK(createSwarm(*f.backend, quickSwarm(u"crowd"_s, 30)));
    QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowCount() == 35; }));
    QSignalSpy said(&f.page, &AgentsPage::statusMessage);
    const auto pausedInTheCore = [&] {
        int paused = 0;
        for (int row = 0; row < f.page.model()->rowCount(); ++row) {
            const auto a = agent(*f.backend, f.page.model()->agentAt(row).id);
            paused += a && a->state == Api::AgentState::Paused ? 1 : 0;
        }
        return paused;
    };

    // Cancelled before any answer: only the first few calls went out, and only those agents change.
    f.page.view()->selectAll();
    f.page.runCommand(Api::AgentCommand::Pause);
    Ui::BatchProgressBar *bar = f.page.batchProgress();
    QVERIFY(bar->current());
    QCOMPARE(bar->current()->total(), 35);
    bar->findChild<QPushButton *>(u"batch_cancel"_s)->click();
    QVERIFY(Testing::spinUntil([&] { return said.count() == 1; }));
    const int sent = Ui::BatchOperation::defaultWindow;
    const QString summary = said.at(0).at(0).toString();
    QVERIFY2(summary.contains(u"done for %1 item"_s.arg(sent)) && summary.contains(u"%1 item(s) left"_s.arg(35 - sent)),
             qPrintable(summary));
    QCOMPARE(pausedInTheCore(), sent);
    QVERIFY(bar->isHidden());

    // Not cancelled: every agent, a window at a time, with progress up to the total.
    f.page.view()->selectAll();
    f.page.runCommand(Api::AgentCommand::Stop);
    QSignalSpy progress(bar->current(), &Ui::BatchOperation::progress);
    QVERIFY(Testing::spinUntil([&] { return said.count() == 2; }));
    QCOMPARE(progress.count(), 35);
    QCOMPARE(progress.constLast().at(0).toInt(), 35);
    QVERIFY2(said.at(1).at(0).toString().contains(u"done for 35 item"_s), qPrintable(said.at(1).at(0).toString()));
    QCOMPARE(pausedInTheCore(), 0);
}

void TstAgentsPage::spawnDialogShowsTheBackendsFieldErrors()
{
    Fixture f;
    QVERIFY(f.start());
    f.select({u"birch"_s});
    Ui::SpawnAgentDialog *dialog = f.page.openSpawnDialog();
    QVERIFY(dialog->isVisible());
    auto *name = dialog->findChild<QLineEdit *>(u"field_name"_s);
    auto *parameters = dialog->findChild<QPlainTextEdit *>(u"field_parameters"_s);
    QVERIFY(name && parameters);

    // Out of range for the simulated provider: the core's InvalidArgument names parameters.accuracy.
    name->setText(u"fern"_s);
    parameters->setPlainText(u"{\"accuracy\": 5}"_s);
    dialog->submit();
    QVERIFY(Testing::spinUntil([&] { return !dialog->fieldError(u"parameters"_s).isEmpty(); }));
    QVERIFY2(dialog->fieldError(u"parameters"_s).contains(u"parameters.accuracy"_s),
             qPrintable(dialog->fieldError(u"parameters"_s)));
    QVERIFY(dialog->fieldError(u"name"_s).isEmpty());
    QVERIFY(dialog->generalError().isEmpty());
    QVERIFY(dialog->isVisible());

    // Not JSON: said before anything is sent.
    parameters->setPlainText(u"{accuracy"_s);
    dialog->submit();
    QVERIFY(dialog->fieldError(u"parameters"_s).startsWith(u"Not valid JSON"_s));
    QVERIFY(!dialog->isSubmitting());
}

void TstAgentsPage::spawnDialogNamesClashesAndSpawnsOnceValid()
{
    Fixture f;
    QVERIFY(f.start());
    f.select({u"birch"_s});
    Ui::SpawnAgentDialog *dialog = f.page.openSpawnDialog();
    auto *name = dialog->findChild<QLineEdit *>(u"field_name"_s);
    auto *parameters = dialog->findChild<QPlainTextEdit *>(u"field_parameters"_s);
    QVERIFY(name && parameters);

    // A blank name and a taken name: both next to the name field.
    parameters->setPlainText(u"{\"accuracy\": 0.9}"_s);
    name->setText(u"  "_s);
    dialog->submit();
    QVERIFY(Testing::spinUntil([&] { return !dialog->fieldError(u"name"_s).isEmpty(); }));
    name->setText(u"birch"_s);
    dialog->submit();
    QVERIFY(Testing::spinUntil([&] { return dialog->fieldError(u"name"_s).contains(u"already has"_s); }));
    QVERIFY(dialog->fieldError(u"parameters"_s).isEmpty());

    // Fixed: the agent is spawned into the selected agent's swarm, listed and selected.
    QPointer<Ui::SpawnAgentDialog> guard(dialog);
    name->setText(u"fern"_s);
    dialog->submit();
    QVERIFY(Testing::spinUntil([&] { return guard.isNull() || !guard->isVisible(); }));
    QVERIFY(Testing::spinUntil([&] { return f.id(u"fern"_s).isValid(); }));
    const auto fern = agent(*f.backend, f.id(u"fern"_s));
    QS_VERIFY_OK(fern);
    QCOMPARE(fern->swarmId, f.swarm);
    QCOMPARE(fern->spec.parameters.value(u"accuracy"_s).toDouble(), 0.9);
    QCOMPARE(f.page.selectedAgents(), QList<Api::AgentId> {fern->id});
}

void TstAgentsPage::spawnFromATemplate()
{
    Fixture f;
    QVERIFY(f.start());
    Ui::SpawnAgentDialog *dialog = f.page.openSpawnDialog();
    auto *templates = dialog->findChild<QComboBox *>(u"field_template"_s);
    QVERIFY(templates);
    QCOMPARE(templates->count(), 6); // blank + one per agent
    const int ember = templates->findText(u"ember"_s, Qt::MatchContains);
    QVERIFY(ember > 0);
    templates->setCurrentIndex(ember);
    Q_EMIT templates->activated(ember);
    bool ok = false;
    const Api::AgentSpec spec = dialog->spec(&ok);
    QVERIFY(ok);
    QCOMPARE(spec.name, u"ember-2"_s);
    QCOMPARE(spec.role, Api::AgentRole::Critic);
    QCOMPARE(spec.parameters.value(u"malformed_rate"_s).toDouble(), 0.03);
    dialog->submit();
    QVERIFY(Testing::spinUntil([&] { return f.id(u"ember-2"_s).isValid(); }));
    QCOMPARE(f.page.model()->rowCount(), 6);
}

void TstAgentsPage::detailPaneShowsHistoryAndReputation()
{
    Fixture f;
    QVERIFY(f.start());
    const auto tasks = submit(*f.backend, {sumTask(f.swarm, 2, 3), sumTask(f.swarm, 4, 5)});
    QS_VERIFY_OK(tasks);
    f.page.selectAgent(f.id(u"birch"_s));
    QCOMPARE(f.page.detail()->agentId(), f.id(u"birch"_s));
    f.page.runCommand(Api::AgentCommand::Pause);
    const auto shows = [&](const QString &text) { return f.page.detail()->text().contains(text); };
    QVERIFY(Testing::spinUntil([&] { return shows(u"birch — paused"_s); }));
    QVERIFY(Testing::spinUntil([&] { return shows(u"→ paused — operator: pause (from the console)"_s); }));
    QVERIFY(Testing::spinUntil([&] { return shows(u"overall"_s); }, 15000)); // reputation after the tasks
    QVERIFY(shows(u"sim-medium"_s));
    QVERIFY(shows(u"Tags"_s));

    // A filter that hides the agent does not keep the palette or a link from selecting it.
    f.page.proxy()->setSearchText(u"zzz"_s);
    f.page.selectAgent(f.id(u"dune"_s));
    QCOMPARE(f.page.selectedAgents(), QList<Api::AgentId> {f.id(u"dune"_s)});
}

QTEST_MAIN(TstAgentsPage)
#include "tst_agentspage.moc"
