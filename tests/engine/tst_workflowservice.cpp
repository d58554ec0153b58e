// Workflow runs on a real engine with simulated agents: binding, conditions, map, approval gates,
// pause/resume/cancel, retry from a step, every refusal, and a run carried on across a restart.
#include "runtime/engine.h"
#include "store/memorystore.h"
#include "store/sqlitestore.h"

#include <api/jsonworkflow.h>
#include <testsupport.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace QwenSwarm::Engine {

namespace {

using Api::RunState;
using Api::StepState;

class RunEvents final : public EventSink
{
public:
    void deliverEvents(Api::SubscriptionId, QList<Api::Event> &&batch,
                       const std::shared_ptr<std::atomic<qint64>> &unconsumed) override
    {
        unconsumed->fetch_sub(batch.size(), std::memory_order_release);
        for (const Api::Event &e : batch) {
            if (const auto *run = std::get_if<Api::RunEvent>(&e.payload))
                events.append(*run);
        }
    }
    void deliverDropped(Api::SubscriptionId, quint64, quint64) override { }

    QList<Api::RunEvent> events;
};

/// An engine on `store` with swarm "team": three always-right agents answering after `latencyMs`.
class Harness
{
public:
    explicit Harness(std::unique_ptr<Store> store = std::make_unique<MemoryStore>(), int latencyMs = 5)
        : engine(EngineConfig {}, std::move(store))
    {
        engine.start();
        engine.subscribe({}, &recorder);
        if (!Testing::spinUntil([this] { return swarmExists(); }, 100)) {
            Api::SwarmSpec spec;
            spec.name = u"team"_s;
            for (const QString &name : {u"ann"_s, u"bob"_s, u"cyd"_s}) {
                Api::AgentSpec agent;
                agent.name = name;
                agent.parameters = {{u"accuracy"_s, 1.0}, {u"latency_ms"_s, latencyMs}};
                spec.agents.append(agent);
            }
            ask<Api::Swarm>([&](auto done) { engine.createSwarm(spec, done); });
        }
    }
    ~Harness() { engine.removeSink(&recorder); }

    bool swarmExists()
    {
        auto swarms = ask<QList<Api::Swarm>>([&](auto done) { engine.listSwarms(done); });
        return swarms && !swarms->isEmpty();
    }

    template<typename T, typename Call>
    Api::Result<T> ask(Call call)
    {
        return Testing::await<T>([&](QObject *, auto done) { call(Engine::Reply<T>(done)); });
    }

    Api::Result<Api::Run> start(const Api::Workflow &workflow, const QJsonObject &inputs = {}, const QString &key = {})
    {
        return ask<Api::Run>([&](auto done) { engine.workflows().start(Api::RunSpec {workflow, inputs, key}, done); });
    }
    Api::Result<Api::Run> run(Api::RunId id)
    {
        return ask<Api::Run>([&](auto done) { engine.workflows().run(id, done); });
    }
    Api::Result<Api::Run> command(Api::RunId id, Api::RunCommand command)
    {
        return ask<Api::Run>([&](auto done) { engine.workflows().command(id, command, {}, done); });
    }
    Api::Result<Api::Run> retry(Api::RunId id, const QString &step)
    {
        return ask<Api::Run>([&](auto done) { engine.workflows().retryFrom(id, step, done); });
    }
    Api::Result<Api::Run> approve(Api::RunId id, const QString &step, Api::ApprovalVerdict verdict,
                                  const QString &text = {})
    {
        return ask<Api::Run>([&](auto done) {
            engine.workflows().approve(id, step, Api::Approval {verdict, text, u"checked"_s, {}}, done);
        });
    }
    Api::Result<Api::Task> task(Api::TaskId id)
    {
        return ask<Api::Task>([&](auto done) { engine.tasks().task(id, done); });
    }

    /// The run once it is in `state` (or as it is when 10 s have passed).
    Api::Run waitFor(Api::RunId id, RunState state)
    {
        Api::Run seen;
        Testing::spinUntil([&] {
            auto now = run(id);
            if (now)
                seen = *now;
            return now && now->state == state;
        });
        return seen;
    }

    /// The step's task ids, once it has them.
    QList<Api::TaskId> tasksOf(Api::RunId id, const QString &step)
    {
        QList<Api::TaskId> ids;
        Testing::spinUntil([&] {
            auto now = run(id);
            ids = now ? now->step(step)->taskIds : QList<Api::TaskId> {};
            return !ids.isEmpty();
        });
        return ids;
    }

    RunEvents recorder;
    Engine engine;
};

Api::WorkflowStep taskStep(const QString &id, const QString &prompt, QMap<QString, QString> inputs = {})
{
    Api::WorkflowStep step;
    step.id = id;
    step.swarm = u"team"_s;
    step.prompt = prompt;
    step.inputs = std::move(inputs);
    return step;
}

Api::WorkflowStep approvalStep(const QString &id, const QString &input)
{
    Api::WorkflowStep step;
    step.id = id;
    step.kind = Api::StepKind::Approval;
    step.inputs = {{u"input"_s, input}};
    step.instructions = u"Check it."_s;
    return step;
}

Api::Workflow workflow(QList<Api::WorkflowStep> steps, QList<Api::WorkflowInput> inputs = {})
{
    Api::Workflow w;
    w.name = u"test"_s;
    w.steps = std::move(steps);
    w.inputs = std::move(inputs);
    return w;
}

Api::WorkflowInput input(const QString &name, Api::ValueType type, QJsonValue defaultValue = QJsonValue::Undefined)
{
    return Api::WorkflowInput {name, type, {}, std::move(defaultValue)};
}

/// Plan, then critique of the plan, with the plan as the workflow's output.
Api::Workflow planAndCritique()
{
    Api::Workflow w
        = workflow({taskStep(u"plan"_s, u"Plan for {{goal}}"_s, {{u"goal"_s, u"inputs.goal"_s}}),
                    taskStep(u"critique"_s, u"Critique: {{plan}}"_s, {{u"plan"_s, u"steps.plan.output"_s}})},
                   {input(u"goal"_s, Api::ValueType::Text)});
    w.outputs = {{u"plan"_s, u"steps.plan.output"_s}, {u"critique"_s, u"steps.critique.output"_s}};
    return w;
}

} // namespace

class TestWorkflowService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsRunInOrderAndOutputsBindToLaterPrompts()
    {
        Harness h;
        auto started = h.start(planAndCritique(), {{u"goal"_s, u"a garden"_s}});
        QS_VERIFY_OK(started);
        QCOMPARE(started->state, RunState::Running);
        const Api::Run done = h.waitFor(started->id, RunState::Succeeded);
        QCOMPARE(done.state, RunState::Succeeded);

        const Api::StepRun *plan = done.step(u"plan"_s);
        const Api::StepRun *critique = done.step(u"critique"_s);
        QCOMPARE(plan->state, StepState::Succeeded);
        QCOMPARE(critique->state, StepState::Succeeded);
        QVERIFY(!plan->output.toString().isEmpty());
        QVERIFY(critique->startedMs >= plan->finishedMs);
        // The critique's task was given the plan's decided answer.
        auto planTask = h.task(plan->taskIds.value(0));
        auto critiqueTask = h.task(critique->taskIds.value(0));
        QS_VERIFY_OK(planTask);
        QS_VERIFY_OK(critiqueTask);
        QCOMPARE(planTask->spec.variables.value(u"goal"_s).toString(), u"a garden"_s);
        QCOMPARE(critiqueTask->spec.variables.value(u"plan"_s).toString(), plan->output.toString());
        QCOMPARE(critiqueTask->result->answer, critique->output.toString());
        QCOMPARE(done.outputs.value(u"plan"_s), plan->output);
        QCOMPARE(done.outputs.value(u"critique"_s), critique->output);
        QVERIFY(critiqueTask->spec.tags.contains(u"run:%1"_s.arg(done.id.value)));

        // Events told of every step and of the run's end.
        const auto &events = h.recorder.events;
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const Api::RunEvent &e) {
            return e.stepId == u"critique"_s && e.stepState == StepState::Succeeded;
        }));
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const Api::RunEvent &e) {
            return e.stepId.isEmpty() && e.runState == RunState::Succeeded;
        }));
    }

    void aConditionThatDoesNotHoldSkipsTheStep()
    {
        Harness h;
        Api::WorkflowStep yes = taskStep(u"yes"_s, u"Say yes to {{x}}"_s, {{u"x"_s, u"inputs.x"_s}});
        yes.condition = u"inputs.x == 'go'"_s;
        Api::WorkflowStep no = taskStep(u"no"_s, u"Say no to {{x}}"_s, {{u"x"_s, u"inputs.x"_s}});
        no.condition = u"!(inputs.x == 'go')"_s;
        Api::WorkflowStep after = taskStep(u"after"_s, u"Join {{a}} and {{b}}"_s,
                                           {{u"a"_s, u"steps.yes.output"_s}, {u"b"_s, u"steps.no.output"_s}});
        const Api::Workflow w = workflow({yes, no, after}, {input(u"x"_s, Api::ValueType::Text)});

        auto started = h.start(w, {{u"x"_s, u" GO "_s}});
        QS_VERIFY_OK(started);
        const Api::Run done = h.waitFor(started->id, RunState::Succeeded);
        QCOMPARE(done.step(u"yes"_s)->state, StepState::Succeeded);
        QCOMPARE(done.step(u"no"_s)->state, StepState::Skipped);
        QCOMPARE(done.step(u"no"_s)->output, QJsonValue(QString()));
        QVERIFY(done.step(u"no"_s)->taskIds.isEmpty());
        QCOMPARE(done.step(u"after"_s)->state, StepState::Succeeded);
        auto joined = h.task(done.step(u"after"_s)->taskIds.value(0));
        QS_VERIFY_OK(joined);
        QCOMPARE(joined->spec.variables.value(u"b"_s).toString(), QString());
    }

    void aMapFansOutOneTaskPerElementInOrder()
    {
        Harness h;
        Api::WorkflowStep classify = taskStep(u"classify"_s, u"Item {{index}}: {{item}}"_s);
        classify.map = Api::StepMap {u"inputs.items"_s, u"item"_s};
        classify.answerFormat = Api::AnswerFormat::Choice;
        classify.choices = {u"red"_s, u"green"_s, u"blue"_s};
        Api::WorkflowStep report
            = taskStep(u"report"_s, u"Summarise:\n{{labels}}"_s, {{u"labels"_s, u"steps.classify.output"_s}});
        const Api::Workflow w = workflow({classify, report}, {input(u"items"_s, Api::ValueType::List)});

        auto started = h.start(w, {{u"items"_s, QJsonArray {u"apple"_s, u"leaf"_s, u"sea"_s}}});
        QS_VERIFY_OK(started);
        const Api::Run done = h.waitFor(started->id, RunState::Succeeded);
        const Api::StepRun *step = done.step(u"classify"_s);
        QCOMPARE(step->taskIds.size(), 3);
        const QJsonArray labels = step->output.toArray();
        QCOMPARE(labels.size(), 3);
        QStringList lines;
        for (int i = 0; i < 3; ++i) {
            auto t = h.task(step->taskIds.at(i));
            QS_VERIFY_OK(t);
            QCOMPARE(t->spec.variables.value(u"item"_s).toString(),
                     (QStringList {u"apple"_s, u"leaf"_s, u"sea"_s}).at(i));
            QCOMPARE(t->spec.variables.value(u"index"_s).toInt(), i);
            QCOMPARE(labels.at(i).toString(), t->result->answer);
            lines.append(u"- "_s + t->result->answer);
        }
        auto summary = h.task(done.step(u"report"_s)->taskIds.value(0));
        QS_VERIFY_OK(summary);
        QCOMPARE(summary->spec.variables.value(u"labels"_s).toString(), lines.join(u'\n'));

        // Over an empty list: no task, an empty list out, and the run goes on.
        auto empty = h.start(w, {{u"items"_s, QJsonArray {}}});
        QS_VERIFY_OK(empty);
        const Api::Run none = h.waitFor(empty->id, RunState::Succeeded);
        QCOMPARE(none.step(u"classify"_s)->output, QJsonValue(QJsonArray {}));
        QVERIFY(none.step(u"classify"_s)->taskIds.isEmpty());
    }

    void anApprovalGateWaitsForTheOperator()
    {
        Harness h;
        Api::Workflow w = planAndCritique();
        w.steps.insert(1, approvalStep(u"check"_s, u"steps.plan.output"_s));
        w.steps[2].inputs = {{u"plan"_s, u"steps.check.output"_s}};

        auto started = h.start(w, {{u"goal"_s, u"a shed"_s}});
        QS_VERIFY_OK(started);
        Api::Run waiting = h.waitFor(started->id, RunState::AwaitingApproval);
        QCOMPARE(waiting.state, RunState::AwaitingApproval);
        QCOMPARE(waiting.step(u"check"_s)->state, StepState::AwaitingApproval);
        QCOMPARE(waiting.step(u"check"_s)->output, waiting.step(u"plan"_s)->output);
        QCOMPARE(waiting.step(u"critique"_s)->state, StepState::Pending);
        Testing::spinFor(50);
        QCOMPARE(h.run(started->id)->step(u"critique"_s)->state, StepState::Pending); // it really waits

        // Not a waiting step: refused, nothing changes.
        QS_VERIFY_ERROR(h.approve(started->id, u"plan"_s, Api::ApprovalVerdict::Approve), Api::ErrorCode::InvalidState);
        QS_VERIFY_ERROR(h.approve(started->id, u"nope"_s, Api::ApprovalVerdict::Approve), Api::ErrorCode::NotFound);

        auto edited = h.approve(started->id, u"check"_s, Api::ApprovalVerdict::Edit, u"build it of oak"_s);
        QS_VERIFY_OK(edited);
        QCOMPARE(edited->step(u"check"_s)->state, StepState::Succeeded);
        QCOMPARE(edited->step(u"check"_s)->reason, u"checked"_s);
        const Api::Run done = h.waitFor(started->id, RunState::Succeeded);
        auto critique = h.task(done.step(u"critique"_s)->taskIds.value(0));
        QS_VERIFY_OK(critique);
        QCOMPARE(critique->spec.variables.value(u"plan"_s).toString(), u"build it of oak"_s);

        // A rejection fails the run and names the step.
        auto second = h.start(w, {{u"goal"_s, u"a boat"_s}});
        QS_VERIFY_OK(second);
        h.waitFor(second->id, RunState::AwaitingApproval);
        auto rejected = h.approve(second->id, u"check"_s, Api::ApprovalVerdict::Reject);
        QS_VERIFY_OK(rejected);
        QCOMPARE(rejected->state, RunState::Failed);
        QCOMPARE(rejected->step(u"check"_s)->state, StepState::Failed);
        QCOMPARE(rejected->step(u"critique"_s)->state, StepState::Cancelled);
        QCOMPARE(rejected->error->details.value(u"step"_s).toString(), u"check"_s);
        QS_VERIFY_ERROR(h.approve(second->id, u"check"_s, Api::ApprovalVerdict::Approve), Api::ErrorCode::InvalidState);
    }

    void pauseHoldsNewStepsAndResumeGoesOn()
    {
        Harness h(std::make_unique<MemoryStore>(), 150);
        auto started = h.start(planAndCritique(), {{u"goal"_s, u"x"_s}});
        QS_VERIFY_OK(started);
        h.tasksOf(started->id, u"plan"_s);
        auto paused = h.command(started->id, Api::RunCommand::Pause);
        QS_VERIFY_OK(paused);
        QCOMPARE(paused->state, RunState::Paused);
        QS_VERIFY_ERROR(h.command(started->id, Api::RunCommand::Pause), Api::ErrorCode::InvalidState);

        // The step under way finishes; the next one does not start.
        Testing::spinUntil([&] { return h.run(started->id)->step(u"plan"_s)->state == StepState::Succeeded; });
        Testing::spinFor(100);
        Api::Run held = *h.run(started->id);
        QCOMPARE(held.state, RunState::Paused);
        QCOMPARE(held.step(u"plan"_s)->state, StepState::Succeeded);
        QCOMPARE(held.step(u"critique"_s)->state, StepState::Pending);

        QS_VERIFY_OK(h.command(started->id, Api::RunCommand::Resume));
        QCOMPARE(h.waitFor(started->id, RunState::Succeeded).state, RunState::Succeeded);
        QS_VERIFY_ERROR(h.command(started->id, Api::RunCommand::Resume), Api::ErrorCode::InvalidState);
    }

    void cancelStopsTheRunAndItsTasks()
    {
        Harness h(std::make_unique<MemoryStore>(), 400);
        auto started = h.start(planAndCritique(), {{u"goal"_s, u"x"_s}});
        QS_VERIFY_OK(started);
        const QList<Api::TaskId> tasks = h.tasksOf(started->id, u"plan"_s);
        auto cancelled = h.command(started->id, Api::RunCommand::Cancel);
        QS_VERIFY_OK(cancelled);
        QCOMPARE(cancelled->state, RunState::Cancelled);
        QCOMPARE(cancelled->step(u"plan"_s)->state, StepState::Cancelled);
        QCOMPARE(cancelled->step(u"critique"_s)->state, StepState::Cancelled);
        QCOMPARE(cancelled->error->code, Api::ErrorCode::Cancelled);
        QVERIFY(Testing::spinUntil([&] { return h.task(tasks.value(0))->state == Api::TaskState::Cancelled; }));
        QS_VERIFY_ERROR(h.command(started->id, Api::RunCommand::Cancel), Api::ErrorCode::InvalidState);
        QCOMPARE(h.run(started->id)->state, RunState::Cancelled);
    }

    void retryFromAStepReusesEarlierOutputs()
    {
        Harness h(std::make_unique<MemoryStore>(), 100);
        auto started = h.start(planAndCritique(), {{u"goal"_s, u"x"_s}});
        QS_VERIFY_OK(started);
        QS_VERIFY_ERROR(h.retry(started->id, u"plan"_s), Api::ErrorCode::InvalidState); // not finished
        // Cancel once the plan is decided and the critique runs.
        Testing::spinUntil([&] { return !h.run(started->id)->step(u"critique"_s)->taskIds.isEmpty(); });
        QS_VERIFY_OK(h.command(started->id, Api::RunCommand::Cancel));
        const Api::Run cancelled = *h.run(started->id);
        QCOMPARE(cancelled.step(u"plan"_s)->state, StepState::Succeeded);
        QCOMPARE(cancelled.step(u"critique"_s)->state, StepState::Cancelled);

        QS_VERIFY_ERROR(h.retry(started->id, u"nope"_s), Api::ErrorCode::NotFound);
        auto retried = h.retry(started->id, u"critique"_s);
        QS_VERIFY_OK(retried);
        QCOMPARE(retried->state, RunState::Running);
        const Api::Run done = h.waitFor(started->id, RunState::Succeeded);
        QCOMPARE(done.step(u"plan"_s)->taskIds, cancelled.step(u"plan"_s)->taskIds); // reused
        QCOMPARE(done.step(u"plan"_s)->output, cancelled.step(u"plan"_s)->output);
        QCOMPARE(done.step(u"critique"_s)->generation, 1);
        QVERIFY(done.step(u"critique"_s)->taskIds != cancelled.step(u"critique"_s)->taskIds);
        QVERIFY(!done.error.has_value());

        // From the first step: everything runs again.
        auto again = h.retry(started->id, u"plan"_s);
        QS_VERIFY_OK(again);
        const Api::Run twice = h.waitFor(started->id, RunState::Succeeded);
        QCOMPARE(twice.step(u"plan"_s)->generation, 1);
        QCOMPARE(twice.step(u"critique"_s)->generation, 2);
        QVERIFY(twice.step(u"plan"_s)->taskIds != done.step(u"plan"_s)->taskIds);
    }

    void aFailedTaskFailsItsStepAndTheRun()
    {
        Harness h;
        Api::SwarmSpec broken;
        broken.name = u"broken"_s;
        Api::AgentSpec agent;
        agent.name = u"flaky"_s;
        agent.parameters = {{u"failure_rate"_s, 1.0}};
        broken.agents = {agent};
        QS_VERIFY_OK(h.ask<Api::Swarm>([&](auto done) { h.engine.createSwarm(broken, done); }));
        Api::Workflow w = planAndCritique();
        w.steps[0].swarm = u"broken"_s;
        auto started = h.start(w, {{u"goal"_s, u"x"_s}});
        QS_VERIFY_OK(started);
        const Api::Run failed = h.waitFor(started->id, RunState::Failed);
        QCOMPARE(failed.state, RunState::Failed);
        QCOMPARE(failed.step(u"plan"_s)->state, StepState::Failed);
        QCOMPARE(failed.step(u"critique"_s)->state, StepState::Cancelled);
        QCOMPARE(failed.error->details.value(u"step"_s).toString(), u"plan"_s);
        QVERIFY(failed.step(u"plan"_s)->reason.contains(u"task"_s));
    }

    void refusalsNameWhatIsWrongAndStartNothing()
    {
        Harness h;
        const Api::Workflow good = planAndCritique();
        Api::Workflow unknownSwarm = good;
        unknownSwarm.steps[1].swarm = u"ghosts"_s;
        auto refused = h.start(unknownSwarm, {{u"goal"_s, u"x"_s}});
        QS_VERIFY_ERROR(refused, Api::ErrorCode::InvalidArgument);
        QVERIFY2(refused.error().message.startsWith(u"workflow.steps[critique].swarm"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(refused.error().details.value(u"problems"_s).toArray().size(), 1);

        Api::Workflow unknownStrategy = good;
        unknownStrategy.steps[0].strategy = Api::StrategySpec {u"coin_flip"_s, {}};
        QS_VERIFY_ERROR(h.start(unknownStrategy, {{u"goal"_s, u"x"_s}}), Api::ErrorCode::InvalidArgument);

        auto missing = h.start(good, {});
        QS_VERIFY_ERROR(missing, Api::ErrorCode::InvalidArgument);
        QCOMPARE(missing.error().message, u"inputs.goal: required"_s);
        auto wrongType = h.start(good, {{u"goal"_s, 7}});
        QS_VERIFY_ERROR(wrongType, Api::ErrorCode::InvalidArgument);
        QCOMPARE(wrongType.error().message, u"inputs.goal: expected a text"_s);
        auto extra = h.start(good, {{u"goal"_s, u"x"_s}, {u"golа"_s, u"typo"_s}});
        QS_VERIFY_ERROR(extra, Api::ErrorCode::InvalidArgument);

        // A default fills a missing input.
        Api::Workflow withDefault = good;
        withDefault.inputs[0].defaultValue = u"a default"_s;
        auto defaulted = h.start(withDefault, {});
        QS_VERIFY_OK(defaulted);
        QCOMPARE(defaulted->inputs.value(u"goal"_s).toString(), u"a default"_s);

        QS_VERIFY_ERROR(h.run(Api::RunId(999)), Api::ErrorCode::NotFound);
        QS_VERIFY_ERROR(h.command(Api::RunId(999), Api::RunCommand::Pause), Api::ErrorCode::NotFound);
        QS_VERIFY_ERROR(h.retry(Api::RunId(999), u"plan"_s), Api::ErrorCode::NotFound);
        QS_VERIFY_ERROR(h.approve(Api::RunId(999), u"plan"_s, Api::ApprovalVerdict::Approve), Api::ErrorCode::NotFound);
        // Only the defaulted run was started.
        Api::RunQuery all;
        auto runs = h.ask<Api::Page<Api::Run>>([&](auto done) { h.engine.workflows().queryRuns(all, done); });
        QS_VERIFY_OK(runs);
        QCOMPARE(runs->items.size(), 1);
    }

    void anIdempotencyKeyAnswersItsRun()
    {
        Harness h;
        auto first = h.start(planAndCritique(), {{u"goal"_s, u"x"_s}}, u"nightly"_s);
        auto second = h.start(planAndCritique(), {{u"goal"_s, u"y"_s}}, u"nightly"_s);
        QS_VERIFY_OK(first);
        QS_VERIFY_OK(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(second->inputs.value(u"goal"_s).toString(), u"x"_s);
    }

    void aRunCarriesOnAcrossARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runs.sqlite3"_s);
        Api::Workflow w = planAndCritique();
        w.steps.append(approvalStep(u"check"_s, u"steps.critique.output"_s));
        Api::RunId id;
        QList<Api::TaskId> planTasks;
        {
            auto store = SqliteStore::open(path);
            QS_VERIFY_OK(store);
            Harness h(std::move(store).value(), 300);
            auto started = h.start(w, {{u"goal"_s, u"x"_s}});
            QS_VERIFY_OK(started);
            id = started->id;
            planTasks = h.tasksOf(id, u"plan"_s);
            QCOMPARE(planTasks.size(), 1);
        } // the engine goes away with the plan's task under way
        {
            auto store = SqliteStore::open(path);
            QS_VERIFY_OK(store);
            Harness h(std::move(store).value(), 5);
            const Api::Run waiting = h.waitFor(id, RunState::AwaitingApproval);
            QCOMPARE(waiting.state, RunState::AwaitingApproval);
            QCOMPARE(waiting.step(u"plan"_s)->taskIds, planTasks); // found again, not submitted twice
            Api::TaskQuery query;
            query.text = u"run:%1"_s.arg(id.value);
            auto tasks = h.ask<Api::Page<Api::Task>>([&](auto done) { h.engine.tasks().queryTasks(query, done); });
            QS_VERIFY_OK(tasks);
            QCOMPARE(tasks->items.size(), 2); // one plan, one critique
        }
        {
            auto store = SqliteStore::open(path);
            QS_VERIFY_OK(store);
            Harness h(std::move(store).value(), 5);
            QCOMPARE(h.run(id)->state, RunState::AwaitingApproval); // still waits after a restart
            QS_VERIFY_OK(h.approve(id, u"check"_s, Api::ApprovalVerdict::Approve));
            QCOMPARE(h.waitFor(id, RunState::Succeeded).state, RunState::Succeeded);
        }
        {
            auto store = SqliteStore::open(path);
            QS_VERIFY_OK(store);
            Harness h(std::move(store).value(), 5);
            auto finished = h.run(id); // from the store now
            QS_VERIFY_OK(finished);
            QCOMPARE(finished->state, RunState::Succeeded);
            QCOMPARE(finished->outputs.value(u"plan"_s), finished->step(u"plan"_s)->output);
        }
    }
};

} // namespace QwenSwarm::Engine

QTEST_GUILESS_MAIN(QwenSwarm::Engine::TestWorkflowService)
#include "tst_workflowservice.moc"
