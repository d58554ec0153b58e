// The contract of api::Backend, run unchanged against every kind of backend.
#include <backendfixture.h>
#include <fakeopenaiserver.h>

#include <QThread>

using namespace QwenSwarm;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;
using Api::ErrorCode;

namespace {

Api::SwarmSpec swarmSpec(const QString &name, int agents = 3, double accuracy = 1)
{
    Api::SwarmSpec spec;
    spec.name = name;
    for (int i = 0; i < agents; ++i) {
        Api::AgentSpec agent;
        agent.name = u"agent-%1"_s.arg(i);
        agent.parameters = {{u"accuracy"_s, accuracy}, {u"latency_ms"_s, 1}};
        spec.agents.append(agent);
    }
    return spec;
}

Api::TaskSpec taskSpec(Api::SwarmId swarm, int n)
{
    Api::TaskSpec spec;
    spec.swarmId = swarm;
    spec.promptTemplate = u"Question {{n}}"_s;
    spec.variables = {{u"n"_s, n}};
    spec.answerFormat = Api::AnswerFormat::Choice;
    spec.choices = {u"yes"_s, u"no"_s};
    spec.referenceAnswer = u"yes"_s;
    return spec;
}

Api::MemorySpec memorySpec(Api::AgentId agent, Api::SwarmId swarm, Api::MemoryKind kind, const QString &text,
                           const QStringList &tags = {}, qint64 ttlMs = 0)
{
    return Api::MemorySpec {agent, swarm, kind, text, tags, ttlMs, {}};
}

} // namespace

class TestBackendContract : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<BackendFixture> m_fixture;
    Api::Backend &b() { return m_fixture->backend(); }

    template<typename T, typename Call>
    Api::Result<T> ask(Call call)
    {
        return await<T>([&](QObject *context, auto done) { call(context, done); });
    }

    Api::Swarm makeSwarm(const QString &name = u"s"_s)
    {
        auto created = ask<Api::Swarm>([&](QObject *c, auto d) { b().createSwarm(swarmSpec(name), c, d); });
        return created ? created.value() : Api::Swarm {};
    }

    Api::Task finished(Api::TaskId id)
    {
        Api::Task task;
        spinUntil([&] {
            task = ask<Api::Task>([&](QObject *c, auto d) { b().task(id, c, d); }).value();
            return Api::isTerminal(task.state);
        });
        return task;
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<BackendKind>("kind");
        QTest::newRow("in_process") << BackendKind::InProcess;
        QTest::newRow("remote") << BackendKind::Remote;
        QTest::newRow("remote_tls") << BackendKind::RemoteTls;
    }

    void init()
    {
        QFETCH_GLOBAL(BackendKind, kind);
        m_fixture = std::make_unique<BackendFixture>(kind);
        QVERIFY(m_fixture->start());
    }

    void cleanup() { m_fixture.reset(); }

    void infoDescribesTheCore()
    {
        QFETCH_GLOBAL(BackendKind, kind);
        const auto info = ask<Api::BackendInfo>([&](QObject *c, auto d) { b().info(c, d); });
        QS_VERIFY_OK(info);
        QCOMPARE(info->kind, kind == BackendKind::InProcess ? u"in_process"_s : u"remote"_s);
        QVERIFY(info->strategies.contains(u"plurality"_s));
        QVERIFY(info->providers.contains(u"simulated"_s));
    }

    void answersComeLaterOnTheCallersThread()
    {
        bool returned = false;
        bool answeredAfterReturn = false;
        QThread *thread = nullptr;
        QObject context;
        b().listSwarms(&context, [&](Api::Result<QList<Api::Swarm>>) {
            answeredAfterReturn = returned;
            thread = QThread::currentThread();
        });
        returned = true;
        QVERIFY(spinUntil([&] { return thread != nullptr; }));
        QVERIFY(answeredAfterReturn);
        QCOMPARE(thread, QThread::currentThread());
    }

    void swarmsAndTheirErrors()
    {
        const Api::Swarm s = makeSwarm();
        QCOMPARE(s.agentIds.size(), 3);
        QS_VERIFY_ERROR((ask<Api::Swarm>([&](QObject *c, auto d) { b().createSwarm(swarmSpec(u"s"_s), c, d); })),
                        ErrorCode::AlreadyExists);
        const auto invalid = ask<Api::Swarm>([&](QObject *c, auto d) { b().createSwarm(swarmSpec(u" "_s), c, d); });
        QS_VERIFY_ERROR(invalid, ErrorCode::InvalidArgument);
        QCOMPARE(invalid.error().details.value(u"path"_s).toString(), u"name"_s);
        QS_VERIFY_ERROR((ask<Api::Swarm>([&](QObject *c, auto d) { b().swarm(Api::SwarmId(999), c, d); })),
                        ErrorCode::NotFound);
        const auto updated = ask<Api::Swarm>([&](QObject *c, auto d) {
            b().updateSwarm(s.id, Api::Topology::Ring, {u"majority"_s, {}}, c, d);
        });
        QS_VERIFY_OK(updated);
        QCOMPARE(updated->topology, Api::Topology::Ring);
        QCOMPARE(ask<QList<Api::Swarm>>([&](QObject *c, auto d) { b().listSwarms(c, d); })->size(), 1);
    }

    void agentLifecycle()
    {
        const Api::Swarm s = makeSwarm();
        const Api::AgentId a = s.agentIds.first();
        auto command = [&](Api::AgentCommand cmd) {
            return ask<Api::Agent>([&](QObject *c, auto d) { b().commandAgent(a, cmd, u"test"_s, c, d); });
        };
        QCOMPARE(command(Api::AgentCommand::Pause)->state, Api::AgentState::Paused);
        QS_VERIFY_ERROR(command(Api::AgentCommand::Pause), ErrorCode::InvalidState);
        QCOMPARE(command(Api::AgentCommand::Resume)->state, Api::AgentState::Idle);
        QCOMPARE(command(Api::AgentCommand::Stop)->state, Api::AgentState::Stopped);
        QCOMPARE(command(Api::AgentCommand::Restart)->state, Api::AgentState::Idle);
        QS_VERIFY_ERROR((ask<void>([&](QObject *c, auto d) { b().removeAgent(a, c, d); })), ErrorCode::InvalidState);
        QCOMPARE(command(Api::AgentCommand::Stop)->state, Api::AgentState::Stopped);
        QS_VERIFY_OK((ask<void>([&](QObject *c, auto d) { b().removeAgent(a, c, d); })));
        QS_VERIFY_ERROR((ask<Api::Agent>([&](QObject *c, auto d) { b().agent(a, c, d); })), ErrorCode::NotFound);
        Api::AgentSpec spec;
        spec.name = u"late"_s;
        QS_VERIFY_OK((ask<Api::Agent>([&](QObject *c, auto d) { b().spawnAgent(s.id, spec, c, d); })));
        QCOMPARE((ask<QList<Api::Agent>>([&](QObject *c, auto d) { b().listAgents(s.id, c, d); })->size()), 3);
    }

    void tasksRunToADecisionWithItsTrail()
    {
        const Api::Swarm s = makeSwarm();
        const auto accepted = ask<Api::Task>([&](QObject *c, auto d) { b().submitTask(taskSpec(s.id, 1), c, d); });
        QS_VERIFY_OK(accepted);
        const Api::Task done = finished(accepted->id);
        QCOMPARE(done.state, Api::TaskState::Succeeded);
        QCOMPARE(done.result->answer, u"yes"_s);
        const auto decision
            = ask<Api::Decision>([&](QObject *c, auto d) { b().decision(done.result->decisionId, c, d); });
        QS_VERIFY_OK(decision);
        QCOMPARE(decision->rounds.constFirst().votes.size(), 3);
        QVERIFY(!decision->explanation.isEmpty());
    }

    void batchesAreAllOrNothing()
    {
        const Api::Swarm s = makeSwarm();
        Api::TaskSpec bad = taskSpec(s.id, 2);
        bad.priority = 5000;
        const auto rejected = ask<QList<Api::Task>>([&](QObject *c, auto d) {
            b().submitTasks({taskSpec(s.id, 1), bad}, c, d);
        });
        QS_VERIFY_ERROR(rejected, ErrorCode::InvalidArgument);
        QCOMPARE(rejected.error().details.value(u"index"_s).toInt(), 1);
        const auto page = ask<Api::Page<Api::Task>>([&](QObject *c, auto d) { b().queryTasks({}, c, d); });
        QVERIFY(page->items.isEmpty());
    }

    void queriesPageThroughEverything()
    {
        const Api::Swarm s = makeSwarm();
        QList<Api::TaskSpec> specs;
        for (int i = 0; i < 25; ++i)
            specs.append(taskSpec(s.id, i));
        QS_VERIFY_OK((ask<QList<Api::Task>>([&](QObject *c, auto d) { b().submitTasks(specs, c, d); })));
        QSet<quint64> seen;
        Api::TaskQuery query;
        query.page.limit = 10;
        int pages = 0;
        do {
            const auto page = ask<Api::Page<Api::Task>>([&](QObject *c, auto d) { b().queryTasks(query, c, d); });
            QS_VERIFY_OK(page);
            for (const Api::Task &t : page->items)
                seen.insert(t.id.value);
            query.page.cursor = page->nextCursor;
            ++pages;
        } while (!query.page.cursor.isEmpty());
        QCOMPARE(seen.size(), 25);
        QCOMPARE(pages, 3);
        query.page = {0, {}};
        QS_VERIFY_ERROR((ask<Api::Page<Api::Task>>([&](QObject *c, auto d) { b().queryTasks(query, c, d); })),
                        ErrorCode::InvalidArgument);
    }

    void cancelAndRetry()
    {
        const Api::Swarm s = makeSwarm();
        Api::TaskSpec slow = taskSpec(s.id, 1);
        slow.timeoutMs = 60000;
        // With every agent paused the task waits in the queue.
        for (Api::AgentId a : s.agentIds)
            QS_VERIFY_OK((
                ask<Api::Agent>([&](QObject *c, auto d) { b().commandAgent(a, Api::AgentCommand::Pause, {}, c, d); })));
        const auto queued = ask<Api::Task>([&](QObject *c, auto d) { b().submitTask(slow, c, d); });
        const auto cancelled = ask<Api::Task>([&](QObject *c, auto d) { b().cancelTask(queued->id, u"no"_s, c, d); });
        QCOMPARE(cancelled->state, Api::TaskState::Cancelled);
        QCOMPARE(cancelled->error->code, ErrorCode::Cancelled);
        QS_VERIFY_ERROR((ask<Api::Task>([&](QObject *c, auto d) { b().cancelTask(queued->id, {}, c, d); })),
                        ErrorCode::InvalidState);
        const auto retried = ask<Api::Task>([&](QObject *c, auto d) { b().retryTask(queued->id, c, d); });
        QCOMPARE(retried->state, Api::TaskState::Queued);
    }

    void learningRoundTrips()
    {
        const Api::Swarm s = makeSwarm();
        const auto accepted = ask<Api::Task>([&](QObject *c, auto d) { b().submitTask(taskSpec(s.id, 1), c, d); });
        const Api::Task done = finished(accepted->id);
        const auto judged = ask<Api::Decision>([&](QObject *c, auto d) {
            b().giveFeedback(done.result->decisionId, Api::DecisionFeedback {false, u"no"_s, u"n"_s, {}, 0}, c, d);
        });
        QS_VERIFY_OK(judged);
        QVERIFY(judged->feedback && !judged->feedback->correct);
        QVERIFY(!judged->feedback->actor.isEmpty());
        const auto reputations
            = ask<QList<Api::Reputation>>([&](QObject *c, auto d) { b().reputations(s.agentIds[0], c, d); });
        QS_VERIFY_OK(reputations);
        QVERIFY(reputations->constFirst().mean() < 0.5);
        const auto state = ask<Api::LearningState>([&](QObject *c, auto d) { b().exportLearning(c, d); });
        QS_VERIFY_OK(state);
        QS_VERIFY_OK((ask<void>([&](QObject *c, auto d) { b().importLearning(state.value(), c, d); })));
        const auto history
            = ask<Api::Page<Api::ReputationPoint>>([&](QObject *c, auto d) { b().reputationHistory({}, c, d); });
        QS_VERIFY_OK(history);
        QVERIFY(!history->items.isEmpty());
    }

    void eventsArriveInOrderAndStopAfterUnsubscribe()
    {
        const Api::Swarm s = makeSwarm();
        QList<Api::Event> events;
        Api::SubscriptionId mine;
        QObject receiver;
        QObject::connect(&b(), &Api::Backend::eventsReceived, &receiver,
                         [&](Api::SubscriptionId id, const QList<Api::Event> &batch) {
                             if (id == mine)
                                 events += batch;
                         });
        Api::SubscriptionSpec spec;
        spec.topics = {Api::Topic::Tasks};
        const auto subscribed = ask<Api::Subscription>([&](QObject *c, auto d) { b().subscribe(spec, c, d); });
        QS_VERIFY_OK(subscribed);
        mine = subscribed->id;
        const auto accepted = ask<Api::Task>([&](QObject *c, auto d) { b().submitTask(taskSpec(s.id, 1), c, d); });
        QVERIFY(spinUntil([&] {
            return std::any_of(events.cbegin(), events.cend(), [](const Api::Event &e) {
                const auto *t = std::get_if<Api::TaskEvent>(&e.payload);
                return t && t->to == Api::TaskState::Succeeded;
            });
        }));
        for (qsizetype i = 1; i < events.size(); ++i)
            QVERIFY(events[i].seq > events[i - 1].seq);
        QS_VERIFY_OK((ask<void>([&](QObject *c, auto d) { b().unsubscribe(mine, c, d); })));
        const qsizetype before = events.size();
        ask<Api::Task>([&](QObject *c, auto d) { b().submitTask(taskSpec(s.id, 2), c, d); });
        spinFor(100);
        QCOMPARE(events.size(), before);
        QS_VERIFY_ERROR((ask<void>([&](QObject *c, auto d) { b().unsubscribe(mine, c, d); })), ErrorCode::NotFound);
    }

    void aSubscriptionWhoseAskerLeftIsEnded()
    {
        const Api::Swarm s = makeSwarm();
        Api::SubscriptionSpec spec;
        spec.topics = {Api::Topic::Tasks};
        {
            QObject gone;
            b().subscribe(spec, &gone,
                          [](Api::Result<Api::Subscription>) { QFAIL("answered a context that is gone"); });
        }
        QList<Api::SubscriptionId> delivered;
        QObject receiver;
        QObject::connect(&b(), &Api::Backend::eventsReceived, &receiver,
                         [&](Api::SubscriptionId id, const QList<Api::Event> &) {
                             if (!delivered.contains(id))
                                 delivered.append(id);
                         });
        // A subscription of ours, answered after the other one: when its events arrive, the other's
        // would have too.
        const auto mine = ask<Api::Subscription>([&](QObject *c, auto d) { b().subscribe(spec, c, d); });
        QS_VERIFY_OK(mine);
        const auto accepted = ask<Api::Task>([&](QObject *c, auto d) { b().submitTask(taskSpec(s.id, 1), c, d); });
        QS_VERIFY_OK(accepted);
        finished(accepted->id);
        QVERIFY(spinUntil([&] { return delivered.contains(mine->id); }));
        spinFor(100);
        QCOMPARE(delivered, QList<Api::SubscriptionId> {mine->id});
    }

    void workflowRunsStartWaitForApprovalAndFinish()
    {
        makeSwarm(u"w"_s);
        Api::Workflow workflow;
        workflow.name = u"contract"_s;
        workflow.inputs = {Api::WorkflowInput {u"topic"_s, Api::ValueType::Text, {}, QJsonValue::Undefined}};
        Api::WorkflowStep draft;
        draft.id = u"draft"_s;
        draft.swarm = u"w"_s;
        draft.prompt = u"Draft about {{topic}}"_s;
        draft.inputs = {{u"topic"_s, u"inputs.topic"_s}};
        Api::WorkflowStep check;
        check.id = u"check"_s;
        check.kind = Api::StepKind::Approval;
        check.inputs = {{u"input"_s, u"steps.draft.output"_s}};
        workflow.steps = {draft, check};
        workflow.outputs = {{u"final"_s, u"steps.check.output"_s}};

        QList<Api::RunEvent> events;
        Api::SubscriptionId mine;
        QObject receiver;
        QObject::connect(&b(), &Api::Backend::eventsReceived, &receiver,
                         [&](Api::SubscriptionId id, const QList<Api::Event> &batch) {
                             for (const Api::Event &e : batch) {
                                 if (const auto *run = std::get_if<Api::RunEvent>(&e.payload); run && id == mine)
                                     events.append(*run);
                             }
                         });
        Api::SubscriptionSpec spec;
        spec.topics = {Api::Topic::Runs};
        const auto subscribed = ask<Api::Subscription>([&](QObject *c, auto d) { b().subscribe(spec, c, d); });
        QS_VERIFY_OK(subscribed);
        mine = subscribed->id;

        // Refusals name the step and field; nothing starts.
        Api::Workflow broken = workflow;
        broken.steps[0].swarm = u"nowhere"_s;
        const auto refused = ask<Api::Run>([&](QObject *c, auto d) {
            b().startRun(Api::RunSpec {broken, {{u"topic"_s, u"tea"_s}}, {}}, c, d);
        });
        QS_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
        QVERIFY2(refused.error().message.contains(u"steps[draft].swarm"_s), qPrintable(refused.error().message));
        QS_VERIFY_ERROR((ask<Api::Run>([&](QObject *c, auto d) { b().run(Api::RunId(4242), c, d); })),
                        ErrorCode::NotFound);

        const auto started = ask<Api::Run>([&](QObject *c, auto d) {
            b().startRun(Api::RunSpec {workflow, {{u"topic"_s, u"tea"_s}}, u"contract-run"_s}, c, d);
        });
        QS_VERIFY_OK(started);
        QCOMPARE(started->workflow, workflow);
        Api::Run run;
        QVERIFY(spinUntil([&] {
            run = ask<Api::Run>([&](QObject *c, auto d) { b().run(started->id, c, d); }).value();
            return run.state == Api::RunState::AwaitingApproval;
        }));
        QS_VERIFY_ERROR((ask<Api::Run>([&](QObject *c, auto d) { b().retryRun(started->id, u"draft"_s, c, d); })),
                        ErrorCode::InvalidState);
        const auto approved = ask<Api::Run>([&](QObject *c, auto d) {
            b().approveStep(started->id, u"check"_s,
                            Api::Approval {Api::ApprovalVerdict::Edit, u"final text"_s, {}, {}}, c, d);
        });
        QS_VERIFY_OK(approved);
        QVERIFY(spinUntil([&] {
            run = ask<Api::Run>([&](QObject *c, auto d) { b().run(started->id, c, d); }).value();
            return run.state == Api::RunState::Succeeded;
        }));
        QCOMPARE(run.outputs.value(u"final"_s).toString(), u"final text"_s);
        QVERIFY(run.step(u"check"_s)->reason.isEmpty());
        QS_VERIFY_ERROR(
            (ask<Api::Run>([&](QObject *c, auto d) { b().commandRun(started->id, Api::RunCommand::Pause, {}, c, d); })),
            ErrorCode::InvalidState);

        Api::RunQuery query;
        query.states = {Api::RunState::Succeeded};
        const auto page = ask<Api::Page<Api::Run>>([&](QObject *c, auto d) { b().queryRuns(query, c, d); });
        QS_VERIFY_OK(page);
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(page->items.at(0).id, started->id);
        QVERIFY(spinUntil([&] {
            return std::any_of(events.cbegin(), events.cend(), [](const Api::RunEvent &e) {
                return e.stepId.isEmpty() && e.runState == Api::RunState::Succeeded;
            });
        }));
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const Api::RunEvent &e) {
            return e.stepId == u"check"_s && e.stepState == Api::StepState::AwaitingApproval;
        }));
    }

    void auditLogRecordsVerdictsAndPagesNewestFirst()
    {
        const Api::Swarm s = makeSwarm();
        const auto accepted = ask<Api::Task>([&](QObject *c, auto d) { b().submitTask(taskSpec(s.id, 1), c, d); });
        const Api::Task done = finished(accepted->id);
        const Api::DecisionId decision = done.result->decisionId;
        const auto wrong = ask<Api::Decision>([&](QObject *c, auto d) {
            b().giveFeedback(decision, Api::DecisionFeedback {false, u"no"_s, {}, {}, 0}, c, d);
        });
        QS_VERIFY_OK(wrong);
        QS_VERIFY_OK((ask<Api::Decision>([&](QObject *c, auto d) {
            b().giveFeedback(decision, Api::DecisionFeedback {true, {}, {}, {}, 0}, c, d);
        })));

        Api::AuditQuery query;
        query.action = u"decision.feedback"_s;
        query.page.limit = 1;
        QStringList details;
        int pages = 0;
        do {
            const auto page = ask<Api::Page<Api::AuditEntry>>([&](QObject *c, auto d) { b().queryAudit(query, c, d); });
            QS_VERIFY_OK(page);
            QCOMPARE(page->items.size(), 1);
            const Api::AuditEntry &entry = page->items.constFirst();
            QCOMPARE(entry.actor, wrong->feedback->actor);
            QCOMPARE(entry.target, u"decision/%1"_s.arg(decision.value));
            QVERIFY(entry.allowed);
            QVERIFY(entry.timeMs > 0);
            details.append(entry.detail);
            query.page.cursor = page->nextCursor;
            ++pages;
        } while (!query.page.cursor.isEmpty() && pages < 5);
        QCOMPARE(details, (QStringList {u"right"_s, u"wrong"_s})); // newest first

        query = {};
        query.action = u"decision.feedback"_s;
        query.allowed = false;
        const auto denied = ask<Api::Page<Api::AuditEntry>>([&](QObject *c, auto d) { b().queryAudit(query, c, d); });
        QS_VERIFY_OK(denied);
        QVERIFY(denied->items.isEmpty());
        query.allowed.reset();
        query.actor = u"nobody-at-all"_s;
        QVERIFY((ask<Api::Page<Api::AuditEntry>>([&](QObject *c, auto d) {
                     b().queryAudit(query, c, d);
                 })->items.isEmpty()));
    }

    void auditQueriesCheckTheirPage_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("cursor");
        QTest::newRow("limit 0") << 0 << QString();
        QTest::newRow("limit 1001") << 1001 << QString();
        QTest::newRow("a cursor that is not one") << 10 << u"not-a-cursor"_s;
    }

    void auditQueriesCheckTheirPage()
    {
        QFETCH(int, limit);
        QFETCH(QString, cursor);
        Api::AuditQuery query;
        query.page = {limit, cursor};
        QS_VERIFY_ERROR((ask<Api::Page<Api::AuditEntry>>([&](QObject *c, auto d) { b().queryAudit(query, c, d); })),
                        ErrorCode::InvalidArgument);
    }

    void memoryIsBrowsableAndEditable()
    {
        const Api::Swarm s = makeSwarm();
        const Api::AgentId agent = s.agentIds.constFirst();
        const auto put = [&](Api::MemorySpec spec) {
            return ask<Api::MemoryEntry>([&](QObject *c, auto d) { b().putMemory(spec, c, d); });
        };
        const auto query = [&](const Api::MemoryQuery &q) {
            return ask<Api::Page<Api::MemoryEntry>>([&](QObject *c, auto d) { b().queryMemory(q, c, d); });
        };
        const auto fact = put(memorySpec(agent, {}, Api::MemoryKind::Fact, u"The sky is blue"_s, {u"sky"_s}, 0));
        QS_VERIFY_OK(fact);
        QCOMPARE(fact->agentId, agent);
        QCOMPARE(fact->swarmId, s.id); // the agent's swarm
        QVERIFY(fact->source.startsWith(u"operator:"_s));
        QVERIFY(fact->createdMs > 0);
        QCOMPARE(fact->expiresMs, qint64(0));
        const auto shared = put(memorySpec({}, s.id, Api::MemoryKind::Fact, u"Answer yes or no"_s, {}, 3600000));
        QS_VERIFY_OK(shared);
        QCOMPARE(shared->expiresMs, shared->createdMs + 3600000);

        Api::MemoryQuery q;
        q.agentId = agent;
        q.swarmId = s.id;
        q.includeSwarmEntries = true;
        auto page = query(q);
        QS_VERIFY_OK(page);
        QCOMPARE(page->items, (QList<Api::MemoryEntry> {shared.value(), fact.value()}));
        q.text = u"SKY"_s;
        QCOMPARE(query(q)->items, QList<Api::MemoryEntry> {fact.value()});

        const auto updated = ask<Api::MemoryEntry>([&](QObject *c, auto d) {
            b().updateMemory(fact->id, memorySpec({}, {}, Api::MemoryKind::Decision, u"The sky is grey"_s), c, d);
        });
        QS_VERIFY_OK(updated);
        QCOMPARE(updated->id, fact->id);
        QCOMPARE(updated->agentId, agent); // the owner stays
        QCOMPARE(updated->kind, Api::MemoryKind::Decision);
        q.text = u"grey"_s;
        QCOMPARE(query(q)->items, QList<Api::MemoryEntry> {updated.value()});
        q.text = u"blue"_s;
        QVERIFY(query(q)->items.isEmpty());

        QS_VERIFY_OK((ask<void>([&](QObject *c, auto d) { b().removeMemory(fact->id, c, d); })));
        QS_VERIFY_ERROR((ask<void>([&](QObject *c, auto d) { b().removeMemory(fact->id, c, d); })),
                        ErrorCode::NotFound);
        QS_VERIFY_ERROR((ask<Api::MemoryEntry>([&](QObject *c, auto d) {
                            b().updateMemory(fact->id, memorySpec(agent, {}, Api::MemoryKind::Fact, u"x"_s), c, d);
                        })),
                        ErrorCode::NotFound);
        q.text.clear();
        QCOMPARE(query(q)->items, QList<Api::MemoryEntry> {shared.value()});
    }

    void memoryRejectsBadInput_data()
    {
        QTest::addColumn<Api::MemorySpec>("spec");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("no owner") << memorySpec({}, {}, Api::MemoryKind::Fact, u"x"_s) << ErrorCode::InvalidArgument;
        QTest::newRow("no text") << memorySpec({}, Api::SwarmId(1), Api::MemoryKind::Fact, {})
                                 << ErrorCode::InvalidArgument;
        QTest::newRow("negative ttl") << memorySpec({}, Api::SwarmId(1), Api::MemoryKind::Fact, u"x"_s, {}, -1)
                                      << ErrorCode::InvalidArgument;
        QTest::newRow("empty tag") << memorySpec({}, Api::SwarmId(1), Api::MemoryKind::Fact, u"x"_s, {u""_s}, 0)
                                   << ErrorCode::InvalidArgument;
        QTest::newRow("unknown agent") << memorySpec(Api::AgentId(999), {}, Api::MemoryKind::Fact, u"x"_s)
                                       << ErrorCode::NotFound;
        QTest::newRow("unknown swarm") << memorySpec({}, Api::SwarmId(999), Api::MemoryKind::Fact, u"x"_s)
                                       << ErrorCode::NotFound;
    }

    void memoryRejectsBadInput()
    {
        QFETCH(Api::MemorySpec, spec);
        QFETCH(ErrorCode, code);
        makeSwarm(); // swarm 1
        QS_VERIFY_ERROR((ask<Api::MemoryEntry>([&](QObject *c, auto d) { b().putMemory(spec, c, d); })), code);
        Api::MemoryQuery bad;
        bad.page.limit = 1001;
        QS_VERIFY_ERROR((ask<Api::Page<Api::MemoryEntry>>([&](QObject *c, auto d) { b().queryMemory(bad, c, d); })),
                        ErrorCode::InvalidArgument);
        const auto all = ask<Api::Page<Api::MemoryEntry>>([&](QObject *c, auto d) { b().queryMemory({}, c, d); });
        QVERIFY(all->items.isEmpty()); // nothing was written
    }

    void memoryKeepsToTheAgentsBudget()
    {
        Api::SwarmSpec spec = swarmSpec(u"budgeted"_s, 1);
        spec.agents[0].memory.budget = Api::MemoryBudget {2, 0};
        const auto s = ask<Api::Swarm>([&](QObject *c, auto d) { b().createSwarm(spec, c, d); });
        QS_VERIFY_OK(s);
        const Api::AgentId agent = s->agentIds.constFirst();
        for (int i = 0; i < 4; ++i) {
            QS_VERIFY_OK((ask<Api::MemoryEntry>([&](QObject *c, auto d) {
                b().putMemory(memorySpec(agent, {}, Api::MemoryKind::Turn, u"turn %1"_s.arg(i)), c, d);
            })));
        }
        Api::MemoryQuery q;
        q.agentId = agent;
        const auto page = ask<Api::Page<Api::MemoryEntry>>([&](QObject *c, auto d) { b().queryMemory(q, c, d); });
        QS_VERIFY_OK(page);
        QStringList texts;
        for (const Api::MemoryEntry &e : page->items)
            texts.append(e.text);
        QCOMPARE(texts, (QStringList {u"turn 3"_s, u"turn 2"_s})); // the least recently used went first
    }

    void providersAreListedEditedAndTried()
    {
        FakeOpenAiServer server;
        QVERIFY(server.listen());
        server.setAnswer(u"OK"_s);
        const auto list
            = [&] { return ask<QList<Api::ProviderInfo>>([&](QObject *c, auto d) { b().listProviders(c, d); }); };
        const auto put = [&](const Api::ProviderSettings &s) {
            return ask<Api::ProviderInfo>([&](QObject *c, auto d) { b().putProvider(s, c, d); });
        };
        const auto tryOut = [&](const Api::ProviderSettings &s) {
            return ask<Api::ProviderCheck>([&](QObject *c, auto d) { b().testProvider(s, c, d); });
        };
        const auto remove = [&](const QString &name) {
            return ask<void>([&](QObject *c, auto d) { b().removeProvider(name, c, d); });
        };

        auto before = list();
        QS_VERIFY_OK(before);
        QCOMPARE(before->size(), 1);
        QCOMPARE(before->first().settings.name, u"simulated"_s);
        QCOMPARE(before->first().origin, Api::ProviderOrigin::Builtin);

        Api::ProviderSettings local;
        local.name = u"local"_s;
        local.baseUrl = server.baseUrl();
        local.defaultModel = u"m1"_s;
        local.concurrency = 4;
        local.prices = {{u"*"_s, 1.5, 2.5}};
        const auto added = put(local);
        QS_VERIFY_OK(added);
        QCOMPARE(added->settings, local);
        QCOMPARE(added->origin, Api::ProviderOrigin::Operator);
        QCOMPARE(added->keyStatus, u"none"_s);
        QCOMPARE(added->circuit, u"closed"_s);
        QCOMPARE(list()->size(), 2);

        // Agents can name it, and then it cannot go.
        Api::SwarmSpec spec = swarmSpec(u"on-local"_s, 1);
        spec.agents[0].provider = u"local"_s;
        spec.agents[0].parameters = {};
        QS_VERIFY_OK(ask<Api::Swarm>([&](QObject *c, auto d) { b().createSwarm(spec, c, d); }));
        QCOMPARE(list()->at(0).agents, 1);
        QS_VERIFY_ERROR(remove(u"local"_s), ErrorCode::InvalidState);

        // Changed settings replace the old ones.
        local.defaultModel = u"m2"_s;
        QCOMPARE(put(local)->settings.defaultModel, u"m2"_s);

        const auto ok = tryOut(local);
        QS_VERIFY_OK(ok);
        QVERIFY2(ok->ok(), qPrintable(ok->error ? ok->error->message : QString()));
        QCOMPARE(ok->answer, u"OK"_s);
        QCOMPARE(ok->model, u"m2"_s);
        QVERIFY(ok->latencyMs >= 0);
        QVERIFY(server.requests().constLast().body.contains("\"m2\""));
        server.script({{FakeMode::Unauthorized}});
        const auto refused = tryOut(local);
        QS_VERIFY_OK(refused); // a failed try is an answer, not an error
        QVERIFY(!refused->ok());
        QCOMPARE(refused->error->code, ErrorCode::ProviderError);
        Api::ProviderSettings simulated;
        simulated.name = u"simulated"_s;
        const auto builtin = tryOut(simulated);
        QS_VERIFY_OK(builtin);
        QVERIFY(builtin->ok());

        // Bad settings and names that are not the operator's change nothing.
        Api::ProviderSettings bad = local;
        bad.name = u"has space"_s;
        QS_VERIFY_ERROR(put(bad), ErrorCode::InvalidArgument);
        QCOMPARE(put(bad).error().details.value(u"path"_s).toString(), u"name"_s);
        bad = local;
        bad.baseUrl = u"ftp://example.com"_s;
        QCOMPARE(put(bad).error().details.value(u"path"_s).toString(), u"base_url"_s);
        bad = local;
        bad.keyRef = u"sk-plain-key"_s;
        QCOMPARE(put(bad).error().details.value(u"path"_s).toString(), u"key_ref"_s);
        QS_VERIFY_ERROR(tryOut(bad), ErrorCode::InvalidArgument);
        bad = local;
        bad.name = u"simulated"_s;
        QS_VERIFY_ERROR(put(bad), ErrorCode::InvalidState);
        QS_VERIFY_ERROR(remove(u"simulated"_s), ErrorCode::InvalidState);
        QS_VERIFY_ERROR(remove(u"nowhere"_s), ErrorCode::NotFound);

        Api::ProviderSettings spare = local;
        spare.name = u"spare"_s;
        spare.kind = u"anthropic"_s;
        spare.keyRef = u"env:QS_CONTRACT_UNSET_KEY"_s;
        const auto second = put(spare);
        QS_VERIFY_OK(second);
        QVERIFY2(second->keyStatus.contains(u"QS_CONTRACT_UNSET_KEY"_s), qPrintable(second->keyStatus));
        QS_VERIFY_OK(remove(u"spare"_s));
        QS_VERIFY_ERROR(remove(u"spare"_s), ErrorCode::NotFound);
        QCOMPARE(list()->size(), 2);
    }

    void metricsAreNamed()
    {
        const auto metrics = ask<Api::MetricsSnapshot>([&](QObject *c, auto d) { b().metrics(c, d); });
        QS_VERIFY_OK(metrics);
        QVERIFY(metrics->family(u"qwen_swarm_tasks_submitted_total"));
        QVERIFY(metrics->family(u"qwen_swarm_decision_agreement"));
    }

    void metricsHistoryAnswersARangeOfRollups()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto none = ask<QList<Api::MetricsSnapshot>>(
            [&](QObject *c, auto d) { b().metricsHistory(now - 3'600'000, now, c, d); });
        QS_VERIFY_OK(none); // a fresh core has rolled nothing up yet
        QVERIFY(none->isEmpty());
        QS_VERIFY_ERROR(
            (ask<QList<Api::MetricsSnapshot>>([&](QObject *c, auto d) { b().metricsHistory(now, now - 1, c, d); })),
            ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestBackendContract)
#include "tst_backendcontract.moc"
