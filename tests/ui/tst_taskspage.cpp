// The tasks page on a real in-process core: the detail of a task (input, attempts, timeline,
// decision), cancel and retry on the selection, errors in the window, and the filter bar.
#include "common/bannerwidget.h"
#include "common/swarmdirectory.h"
#include "tasks/taskdetailwidget.h"
#include "tasks/tasksmodel.h"
#include "tasks/taskspage.h"

#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QItemSelectionModel>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::TasksModel;
using Ui::TasksPage;

namespace {

struct Fixture
{
    std::unique_ptr<Engine::InProcessBackend> backend = makeBackend();
    Ui::SwarmDirectory swarms {*backend};
    TasksPage page {*backend, swarms, nullptr, 20};

    void start()
    {
        swarms.start();
        page.start();
        page.resize(1200, 700);
        page.show();
    }

    void select(const QList<Api::TaskId> &ids)
    {
        QItemSelectionModel *selection = page.view()->selectionModel();
        selection->clearSelection();
        for (Api::TaskId id : ids) {
            selection->select(page.model()->index(page.model()->rowOf(id), 0),
                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    Api::TaskState state(Api::TaskId id)
    {
        const auto t = task(*backend, id);
        return t ? t->state : Api::TaskState::Queued;
    }
};

} // namespace

class TstTasksPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detailShowsInputTimelineAndDecision();
    void cancelAndRetryTheSelection();
    void refusedActionsAreShownInTheWindow();
    void filterBarQueriesTheBackend();
};

void TstTasksPage::detailShowsInputTimelineAndDecision()
{
    Fixture f;
    const auto swarm = createSwarm(*f.backend, demoLikeSwarm());
    QS_VERIFY_OK(swarm);
    f.start();
    const auto tasks = submit(*f.backend, {sumTask(swarm->id, 3, 6)});
    QS_VERIFY_OK(tasks);
    const Api::TaskId id = tasks->constFirst().id;
    QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowOf(id) == 0; }));
    f.page.showTask(id);
    QCOMPARE(f.page.selectedTasks(), QList<Api::TaskId> {id});
    Ui::TaskDetailWidget *detail = f.page.detail();
    // The decision may be read while the task is still deciding; the last change brings both.
    QVERIFY(Testing::spinUntil(
        [&] {
            return detail->decision().has_value() && detail->text().contains(u"Task %1 — succeeded"_s.arg(id.value));
        },
        15000));
    const QString text = detail->text();
    QVERIFY(text.contains(u"What is 3 + 6? Reply with the number"_s)); // the input as the agents saw it
    QVERIFY(text.contains(u"Reference answer"_s));
    QVERIFY(text.contains(u"decided “9”"_s));
    QVERIFY(text.contains(u"Agreement"_s));
    QVERIFY(text.contains(detail->decision()->explanation));
    QVERIFY(text.contains(u"Round 1"_s));
    QVERIFY(text.contains(u"1 of at most 1"_s));
    // The timeline is replayed from the backend's retained events, though the page opened late.
    QVERIFY(Testing::spinUntil([&] { return detail->text().contains(u"deciding → succeeded"_s); }));
    QVERIFY(detail->text().contains(u"accepted"_s));
    QVERIFY(detail->text().contains(u"queued → running"_s));
}

void TstTasksPage::cancelAndRetryTheSelection()
{
    Fixture f;
    const auto swarm = createSwarm(*f.backend, quickSwarm(u"held"_s));
    QS_VERIFY_OK(swarm);
    for (Api::AgentId a : swarm->agentIds)
        QS_VERIFY_OK(command(*f.backend, a, Api::AgentCommand::Pause));
    f.start();
    const auto tasks
        = submit(*f.backend, {sumTask(swarm->id, 1, 1), sumTask(swarm->id, 2, 2), sumTask(swarm->id, 3, 3)});
    QS_VERIFY_OK(tasks);
    QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowCount() == 3; }));
    QAbstractItemModelTester tester(f.page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Api::TaskId first = tasks->at(0).id;
    const Api::TaskId second = tasks->at(1).id;

    f.select({first, second});
    QVERIFY(f.page.cancelAction()->isEnabled());
    QVERIFY(!f.page.retryAction()->isEnabled());
    f.page.cancelAction()->trigger();
    QVERIFY(Testing::spinUntil(
        [&] { return f.state(first) == Api::TaskState::Cancelled && f.state(second) == Api::TaskState::Cancelled; }));
    QVERIFY(Testing::spinUntil([&] {
        const TasksModel &m = *f.page.model();
        return m.taskAt(m.rowOf(first)).state == Api::TaskState::Cancelled
            && m.taskAt(m.rowOf(second)).state == Api::TaskState::Cancelled;
    }));
    QCOMPARE(f.state(tasks->at(2).id), Api::TaskState::Queued);
    QVERIFY(Testing::spinUntil([&] { return f.page.retryAction()->isEnabled(); }));

    f.page.retryAction()->trigger();
    QVERIFY(Testing::spinUntil([&] { return f.state(first) == Api::TaskState::Queued; }));
    QVERIFY(Testing::spinUntil(
        [&] { return f.page.model()->taskAt(f.page.model()->rowOf(second)).state == Api::TaskState::Queued; }));
    QVERIFY(!f.page.banner()->isShowingError());

    // The detail's own buttons act on the task it shows.
    f.page.showTask(tasks->at(2).id);
    QVERIFY(Testing::spinUntil([&] { return f.page.detail()->task().has_value(); }));
    f.page.detail()->cancelTask();
    QVERIFY(Testing::spinUntil([&] { return f.state(tasks->at(2).id) == Api::TaskState::Cancelled; }));
    QVERIFY(Testing::spinUntil([&] { return f.page.detail()->text().contains(u"cancelled"_s); }));
}

void TstTasksPage::refusedActionsAreShownInTheWindow()
{
    Fixture f;
    const auto swarm = createSwarm(*f.backend, quickSwarm(u"quick"_s));
    QS_VERIFY_OK(swarm);
    f.start();
    const auto tasks = submit(*f.backend, {sumTask(swarm->id, 1, 1)});
    QS_VERIFY_OK(tasks);
    const Api::TaskId id = tasks->constFirst().id;
    QVERIFY(Testing::spinUntil([&] { return f.state(id) == Api::TaskState::Succeeded; }));
    QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowOf(id) == 0; }));
    f.select({id});
    f.page.cancelSelected(); // a finished task cannot be cancelled: the core says so, and so does the page
    QVERIFY(Testing::spinUntil([&] { return f.page.banner()->isShowingError(); }));
    QVERIFY2(f.page.banner()->text().contains(u"already succeeded"_s), qPrintable(f.page.banner()->text()));
    f.page.banner()->dismiss();
    f.page.retrySelected();
    QVERIFY(Testing::spinUntil([&] { return f.page.banner()->isShowingError(); }));

    f.page.showTask(Api::TaskId(9999));
    QVERIFY(Testing::spinUntil([&] { return f.page.detail()->text().contains(u"Cannot be read"_s); }));
}

void TstTasksPage::filterBarQueriesTheBackend()
{
    Fixture f;
    const auto swarm = createSwarm(*f.backend, quickSwarm(u"quick"_s));
    QS_VERIFY_OK(swarm);
    Api::TaskSpec apple = sumTask(swarm->id, 1, 1);
    apple.tags = {u"fruit"_s};
    QS_VERIFY_OK(submit(*f.backend, {apple, sumTask(swarm->id, 2, 2), sumTask(swarm->id, 3, 3)}));
    f.start();
    QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowCount() == 3; }));
    f.page.setSearchText(u"FRUIT"_s);
    QCOMPARE(f.page.currentQuery().text, u"FRUIT"_s);
    QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowCount() == 1 && !f.page.model()->isLoading(); }));
    f.page.setSearchText({});
    f.page.setStateFilter({Api::TaskState::Cancelled});
    QCOMPARE(f.page.currentQuery().states, QList<Api::TaskState> {Api::TaskState::Cancelled});
    QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowCount() == 0 && !f.page.model()->isLoading(); }));
    f.page.setStateFilter({});
    f.page.setCreatedWithin(15 * 60'000);
    QVERIFY(f.page.currentQuery().createdFromMs > 0);
    QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowCount() == 3; }));
}

QTEST_MAIN(TstTasksPage)
#include "tst_taskspage.moc"
