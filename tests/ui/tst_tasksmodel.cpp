// The tasks model on a real in-process core: it pages lazily, filters as the backend does, stays
// live from task events without missing any, and passes QAbstractItemModelTester throughout.
#include "common/swarmdirectory.h"
#include "tasks/tasksmodel.h"

#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::TasksModel;

namespace {

struct Fixture
{
    std::unique_ptr<Engine::InProcessBackend> backend = makeBackend();
    Ui::SwarmDirectory swarms {*backend};
    Api::SwarmId swarm;

    /// A swarm whose agents are paused: tasks wait in the queue until resumed.
    bool createPausedSwarm(const QString &name = u"held"_s)
    {
        const auto created = createSwarm(*backend, quickSwarm(name, 3));
        if (!created)
            return false;
        swarm = created->id;
        for (Api::AgentId a : created->agentIds) {
            if (!command(*backend, a, Api::AgentCommand::Pause))
                return false;
        }
        return true;
    }

    void resumeAll()
    {
        const auto s = Testing::await<Api::Swarm>([&](QObject *c, auto done) { backend->swarm(swarm, c, done); });
        for (Api::AgentId a : s->agentIds)
            command(*backend, a, Api::AgentCommand::Resume);
    }

    QList<Api::Task> submitSums(int count, int from = 0)
    {
        QList<Api::TaskSpec> specs;
        for (int i = from; i < from + count; ++i)
            specs.append(sumTask(swarm, i, 1));
        const auto tasks = submit(*backend, specs);
        return tasks ? tasks.value() : QList<Api::Task> {};
    }

    /// Every task the backend has for `query`, newest first, all pages.
    QList<Api::Task> all(Api::TaskQuery query)
    {
        QList<Api::Task> tasks;
        query.page.limit = 1000;
        for (;;) {
            const auto page = Testing::await<Api::Page<Api::Task>>(
                [&](QObject *c, auto done) { backend->queryTasks(query, c, done); });
            if (!page)
                return {};
            tasks += page->items;
            if (page->nextCursor.isEmpty())
                return tasks;
            query.page.cursor = page->nextCursor;
        }
    }
};

QList<quint64> ids(const TasksModel &model)
{
    QList<quint64> list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.taskAt(row).id.value);
    return list;
}

QList<quint64> ids(const QList<Api::Task> &tasks)
{
    QList<quint64> list;
    for (const Api::Task &t : tasks)
        list.append(t.id.value);
    return list;
}

/// The model shows what the backend has: the same tasks, in the same states.
bool sameAsBackend(const TasksModel &model, const QList<Api::Task> &truth)
{
    if (ids(model) != ids(truth).mid(0, model.rowCount()))
        return false;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.taskAt(row).state != truth.at(row).state)
            return false;
    }
    return true;
}

} // namespace

class TstTasksModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagesLazilyNewestFirst();
    void filtersByStateSwarmTextAndTime();
    void followsNewAndChangedTasksLive();
    void missesNothingBetweenThePageAndTheStream();
    void rowsLeaveAQueryTheyNoLongerMatch();
    void countsNewTasksWhileNotFollowing();
    void dropsOldPagesWhileFollowingAndFetchesThemAgain();
};

void TstTasksModel::pagesLazilyNewestFirst()
{
    Fixture f;
    QVERIFY(f.createPausedSwarm());
    const QList<Api::Task> tasks = f.submitSums(35);
    QCOMPARE(tasks.size(), 35);
    TasksModel model(*f.backend, f.swarms, nullptr, 10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loading(&model, &TasksModel::loadingChanged);
    model.setQuery({});
    QVERIFY(model.isLoading());
    QVERIFY(Testing::spinUntil([&] { return !model.isLoading(); }));
    // One page of 35: the rest stays in the backend until asked for.
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.taskAt(0).id, tasks.constLast().id);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({}); // a second request while one is out is not sent twice
    // (The tester asks for more as each page goes in, like a view scrolled to the end.)
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() >= 20 && !model.isLoading(); }));
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QVERIFY(Testing::spinUntil([&] { return model.rowCount() > before && !model.isLoading(); }));
    }
    QCOMPARE(model.rowCount(), 35);
    QList<quint64> expected = ids(tasks);
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(ids(model), expected);
    QVERIFY(loading.count() >= 2);
    QCOMPARE(model.index(0, TasksModel::StateColumn).data().toString(), u"queued"_s);
    QCOMPARE(model.index(0, TasksModel::SwarmColumn).data().toString(), u"#%1"_s.arg(f.swarm.value));
    QVERIFY(model.index(0, TasksModel::PromptColumn).data().toString().startsWith(u"What is 34 + 1?"_s));
}

void TstTasksModel::filtersByStateSwarmTextAndTime()
{
    Fixture f;
    QVERIFY(f.createPausedSwarm());
    const Api::SwarmId held = f.swarm;
    f.submitSums(6);
    Api::TaskSpec apple = sumTask(held, 1, 1);
    apple.promptTemplate = u"Name a fruit like {{x}}"_s;
    apple.variables = {{u"x"_s, u"Apple pie"_s}};
    QS_VERIFY_OK(submit(*f.backend, {apple}));
    const auto quick = createSwarm(*f.backend, quickSwarm(u"quick"_s));
    QS_VERIFY_OK(quick);
    const auto fast = submit(*f.backend, {sumTask(quick->id, 7, 7), sumTask(quick->id, 8, 8)});
    QS_VERIFY_OK(fast);
    QVERIFY(
        Testing::spinUntil([&] { return task(*f.backend, fast->constLast().id)->state == Api::TaskState::Succeeded; }));

    TasksModel model(*f.backend, f.swarms, nullptr, 5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto load = [&](const Api::TaskQuery &q) {
        model.setQuery(q);
        return Testing::spinUntil([&] { return !model.isLoading(); });
    };
    Api::TaskQuery query;
    query.text = u"apple"_s; // case-insensitive, in the variables
    QVERIFY(load(query));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.taskAt(0).spec.promptTemplate, apple.promptTemplate);

    query = {};
    query.swarmId = quick->id;
    QVERIFY(load(query));
    QCOMPARE(ids(model), ids(f.all(query)));
    QCOMPARE(model.rowCount(), 2);

    query = {};
    query.states = {Api::TaskState::Queued};
    QVERIFY(load(query));
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.canFetchMore({})); // 7 queued, a page of 5
    model.fetchMore({});
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 7; }));

    query.createdFromMs = QDateTime::currentMSecsSinceEpoch() + 60'000;
    QVERIFY(load(query));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TstTasksModel::followsNewAndChangedTasksLive()
{
    Fixture f;
    QVERIFY(f.createPausedSwarm());
    TasksModel model(*f.backend, f.swarms, nullptr, 10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery({});
    QVERIFY(Testing::spinUntil([&] { return !model.isLoading() && model.isLive(); }));
    QCOMPARE(model.rowCount(), 0);

    const QList<Api::Task> tasks = f.submitSums(4);
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 4; }));
    QCOMPARE(model.taskAt(0).id, tasks.constLast().id);
    QCOMPARE(model.taskAt(3).state, Api::TaskState::Queued);

    f.resumeAll();
    QVERIFY(Testing::spinUntil([&] {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.taskAt(row).state != Api::TaskState::Succeeded || !model.taskAt(row).result)
                return false;
        }
        return true;
    }));
    // The full read after the last transition brought the result.
    QCOMPARE(model.taskAt(3).result->answer, u"1"_s);
    QCOMPARE(model.index(3, TasksModel::AnswerColumn).data().toString(), u"1"_s);
    QCOMPARE(model.index(3, TasksModel::AgreementColumn).data().toString(), u"100%"_s);
    QVERIFY(model.taskAt(3).finishedMs > 0);
}

void TstTasksModel::missesNothingBetweenThePageAndTheStream()
{
    Fixture f;
    const auto swarm = createSwarm(*f.backend, quickSwarm(u"quick"_s, 3, 2));
    QS_VERIFY_OK(swarm);
    f.swarm = swarm->id;
    TasksModel model(*f.backend, f.swarms, nullptr, 25);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Tasks flow while the model reloads again and again: whatever the timing of the first page
    // against the stream, the model ends up with what the backend has.
    int submitted = 0;
    QTimer feeder;
    feeder.setInterval(3);
    connect(&feeder, &QTimer::timeout, &model, [&] {
        if (submitted == 120)
            return feeder.stop();
        f.backend->submitTask(sumTask(f.swarm, submitted++, 2), &model, [](Api::Result<Api::Task>) {});
        if (submitted % 30 == 0)
            model.reload();
    });
    model.setQuery({});
    feeder.start();
    QVERIFY(Testing::spinUntil([&] { return submitted == 120; }));
    QList<Api::Task> truth;
    QVERIFY(Testing::spinUntil(
        [&] {
            truth = f.all({});
            const bool done = truth.size() == 120 && std::all_of(truth.cbegin(), truth.cend(), [](const Api::Task &t) {
                                  return t.state == Api::TaskState::Succeeded;
                              });
            return done && model.rowCount() >= 25 && sameAsBackend(model, truth);
        },
        20000));
    QCOMPARE(model.taskAt(0).id, truth.constFirst().id);
}

void TstTasksModel::rowsLeaveAQueryTheyNoLongerMatch()
{
    Fixture f;
    QVERIFY(f.createPausedSwarm());
    f.submitSums(3);
    TasksModel model(*f.backend, f.swarms, nullptr, 10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Api::TaskQuery queued;
    queued.states = {Api::TaskState::Queued};
    model.setQuery(queued);
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 3 && model.isLive(); }));
    const Api::TaskId cancelled = model.taskAt(1).id;
    QS_VERIFY_OK(Testing::await<Api::Task>(
        [&](QObject *c, auto done) { f.backend->cancelTask(cancelled, u"test"_s, c, done); }));
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 2; }));
    QCOMPARE(model.rowOf(cancelled), -1);

    // ...and an older task that enters the query appears in its place.
    Api::TaskQuery done;
    done.states = {Api::TaskState::Cancelled, Api::TaskState::Succeeded};
    model.setQuery(done);
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 1 && model.isLive(); }));
    f.resumeAll();
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 3; }));
    QCOMPARE(ids(model), ids(f.all(done)));
}

void TstTasksModel::countsNewTasksWhileNotFollowing()
{
    Fixture f;
    QVERIFY(f.createPausedSwarm());
    f.submitSums(3);
    TasksModel model(*f.backend, f.swarms, nullptr, 10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery({});
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 3 && model.isLive(); }));
    model.setFollowLive(false); // the operator scrolled down: rows must not move under the pointer
    QSignalSpy pending(&model, &TasksModel::pendingNewTasksChanged);
    f.submitSums(5, 100);
    QVERIFY(Testing::spinUntil([&] { return model.pendingNewTasks() == 5; }));
    Testing::spinFor(300);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(pending.count() >= 1);
    model.setFollowLive(true); // back at the top: they come in
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 8; }));
    QCOMPARE(model.pendingNewTasks(), 0);
    QCOMPARE(ids(model), ids(f.all({})));
}

void TstTasksModel::dropsOldPagesWhileFollowingAndFetchesThemAgain()
{
    Fixture f;
    QVERIFY(f.createPausedSwarm());
    f.submitSums(20);
    TasksModel model(*f.backend, f.swarms, nullptr, 10);
    model.setMaxRows(25);
    model.setQuery({});
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 10 && model.isLive(); }));
    model.fetchMore({});
    QVERIFY(Testing::spinUntil([&] { return model.rowCount() == 20 && !model.canFetchMore({}); }));
    for (int batch = 0; batch < 4; ++batch) { // 40 more, arriving live
        f.submitSums(10, 100 + batch * 10);
        QVERIFY(Testing::spinUntil([&] { return model.taskAt(0).id.value == quint64(20 + (batch + 1) * 10); }));
    }
    // Memory stays bounded: the oldest pages went, and come back on demand, in order.
    QVERIFY2(Testing::spinUntil([&] { return model.rowCount() <= 25; }), qPrintable(QString::number(model.rowCount())));
    QCOMPARE(model.taskAt(0).id.value, quint64(60));
    QVERIFY(model.canFetchMore({}));
    // (The tester, like a view scrolled to the end, asks for more whenever it can.)
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QVERIFY(Testing::spinUntil([&] { return model.rowCount() > before; }));
    }
    QCOMPARE(ids(model), ids(f.all({})));
}

QTEST_MAIN(TstTasksModel)
#include "tst_tasksmodel.moc"
