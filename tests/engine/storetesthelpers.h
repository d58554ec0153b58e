#pragma once

// Helpers shared by the store tests: synchronous wrappers of the Store calls and records with every
// field set, so a round trip through a store shows what it loses.

#include "store/store.h"

#include <testsupport.h>

#include <QJsonArray>

namespace QwenSwarm::Testing {

using namespace Qt::Literals::StringLiterals;

inline Api::Result<void> write(Engine::Store &store, std::vector<Engine::StoreWrite> writes)
{
    return await<void>([&](QObject *, auto done) { store.write(std::move(writes), done); });
}

inline Api::Result<void> write(Engine::Store &store, Engine::StoreWrite single)
{
    std::vector<Engine::StoreWrite> writes;
    writes.push_back(std::move(single));
    return write(store, std::move(writes));
}

inline Api::Result<Api::Task> fetchTask(Engine::Store &store, quint64 id)
{
    return await<Api::Task>([&](QObject *, auto done) { store.task(Api::TaskId(id), done); });
}

inline Api::Result<Api::Decision> fetchDecision(Engine::Store &store, quint64 id)
{
    return await<Api::Decision>([&](QObject *, auto done) { store.decision(Api::DecisionId(id), done); });
}

inline Api::Result<Engine::StoreSnapshot> load(Engine::Store &store)
{
    return await<Engine::StoreSnapshot>([&](QObject *, auto done) { store.load(done); });
}

inline Api::Result<Api::Page<Api::Task>> fetchTasks(Engine::Store &store, const Api::TaskQuery &query)
{
    return await<Api::Page<Api::Task>>([&](QObject *, auto done) { store.queryTasks(query, done); });
}

inline Api::Result<Api::Page<Api::Decision>> fetchDecisions(Engine::Store &store, const Api::DecisionQuery &query)
{
    return await<Api::Page<Api::Decision>>([&](QObject *, auto done) { store.queryDecisions(query, done); });
}

inline Api::Result<Api::Page<Api::ReputationPoint>> fetchHistory(Engine::Store &store,
                                                                 const Api::ReputationQuery &query)
{
    return await<Api::Page<Api::ReputationPoint>>([&](QObject *, auto done) { store.reputationHistory(query, done); });
}

inline Api::Result<Api::Run> fetchRun(Engine::Store &store, quint64 id)
{
    return await<Api::Run>([&](QObject *, auto done) { store.run(Api::RunId(id), done); });
}

inline Api::Result<Api::Page<Api::Run>> fetchRuns(Engine::Store &store, const Api::RunQuery &query)
{
    return await<Api::Page<Api::Run>>([&](QObject *, auto done) { store.queryRuns(query, done); });
}

template<typename T>
QList<quint64> idsOf(const QList<T> &items)
{
    QList<quint64> ids;
    for (const T &item : items)
        ids.append(item.id.value);
    return ids;
}

inline Engine::TaskProgress progressOf(quint64 id, Api::TaskState state, int attempt, const QString &reason = {})
{
    Engine::TaskProgress p;
    p.id = Api::TaskId(id);
    p.state = state;
    p.attempt = attempt;
    p.stateReason = reason;
    return p;
}

inline Api::Task richTask(quint64 id, Api::TaskState state = Api::TaskState::Queued)
{
    Api::Task task;
    task.id = Api::TaskId(id);
    task.spec.swarmId = Api::SwarmId(1);
    task.spec.promptTemplate = u"Capital of {{country}}? You are {{agent.name}}."_s;
    task.spec.variables = QJsonObject {{u"country"_s, u"France"_s}, {u"n"_s, 3}, {u"list"_s, QJsonArray {1, u"x"_s}}};
    task.spec.answerFormat = Api::AnswerFormat::Choice;
    task.spec.choices = {u"Paris"_s, u"Lyon"_s};
    task.spec.referenceAnswer = u"Paris"_s;
    task.spec.selection.agentIds = {Api::AgentId(3), Api::AgentId(4)};
    task.spec.selection.requiredTags = {u"geo"_s};
    task.spec.selection.maxAgents = 2;
    task.spec.selection.routing = Api::Routing::Adaptive;
    task.spec.strategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"first"_s}}};
    task.spec.priority = -7;
    task.spec.deadlineMs = 1700000100000;
    task.spec.timeoutMs = 60000;
    task.spec.budgetUsd = 0.25;
    task.spec.retry = Api::RetryPolicy {3, 250, 4000, 0.1};
    task.spec.idempotencyKey = u"key-%1"_s.arg(id);
    task.spec.tags = {u"demo"_s, u"geo"_s};
    task.state = state;
    task.attempt = 1;
    task.stateReason = u"accepted"_s;
    task.createdMs = 1700000000000 + qint64(id);
    task.startedMs = state == Api::TaskState::Queued ? 0 : 1700000000500;
    task.effectiveDeadlineMs = 1700000060000;
    task.costUsd = 0.0125;
    if (state == Api::TaskState::Succeeded) {
        task.finishedMs = 1700000001000;
        task.result = Api::TaskResult {u"Paris"_s, Api::DecisionId(id * 10), 0.8};
    } else if (Api::isTerminal(state)) {
        task.finishedMs = 1700000001000;
        task.error = Api::makeError(Api::ErrorCode::NoConsensus, u"tie"_s, {{u"reason"_s, u"tie"_s}});
    }
    return task;
}

inline Api::Vote richVote(quint64 agent)
{
    Api::Vote v;
    v.agentId = Api::AgentId(agent);
    v.rawAnswer = u"Answer: Paris"_s;
    v.normalizedAnswer = u"Paris"_s;
    v.confidence = 0.9;
    v.weight = 1.5;
    v.rationale = u"It is the capital."_s;
    v.latencyMs = 20;
    v.promptTokens = 12;
    v.completionTokens = 3;
    v.costUsd = 0.0001;
    return v;
}

// Two rounds (the second one without votes) and a malformed vote: everything a trail may hold.
inline Api::Decision richDecision(quint64 id, quint64 task)
{
    Api::Decision d;
    d.id = Api::DecisionId(id);
    d.taskId = Api::TaskId(task);
    d.swarmId = Api::SwarmId(1);
    d.attempt = 2;
    d.strategy = Api::StrategySpec {u"plurality"_s, {{u"min_votes"_s, 2}}};
    Api::Vote b = richVote(4);
    b.status = Api::VoteStatus::Malformed;
    b.rawAnswer = u"<garbled>"_s;
    b.normalizedAnswer.clear();
    Api::Vote c = richVote(5);
    c.normalizedAnswer = u"Lyon"_s;
    c.rationale = u"Ünïcode, \"quotes\" and a\nnewline"_s;
    d.rounds = {Api::Round {0, {richVote(3), b, c}}, Api::Round {1, {}}};
    d.outcome = Api::DecisionOutcome::Decided;
    d.answer = u"Paris"_s;
    d.agreement = 0.6;
    d.dissenters = {Api::AgentId(5)};
    d.createdMs = 1700000000900;
    return d;
}

inline Api::Swarm richSwarm(quint64 id, QList<Api::AgentId> agents)
{
    Api::Swarm swarm;
    swarm.id = Api::SwarmId(id);
    swarm.name = u"geo-%1"_s.arg(id);
    swarm.topology = Api::Topology::Ring;
    swarm.defaultStrategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"lexicographic"_s}}};
    swarm.agentIds = std::move(agents);
    swarm.createdMs = 1699999999000;
    return swarm;
}

inline Api::Agent richAgent(quint64 id, quint64 swarm)
{
    Api::Agent agent;
    agent.id = Api::AgentId(id);
    agent.swarmId = Api::SwarmId(swarm);
    agent.spec.name = u"agent-%1"_s.arg(id);
    agent.spec.role = Api::AgentRole::Judge;
    agent.spec.model = u"m"_s;
    agent.spec.parameters = {{u"accuracy"_s, 0.9}};
    agent.spec.systemPrompt = u"Be brief."_s;
    agent.spec.tags = {u"geo"_s};
    agent.spec.limits = Api::AgentLimits {2, 1.5};
    agent.state = Api::AgentState::Idle;
    agent.stateReason = u"calls finished"_s;
    agent.stateSinceMs = 1700000000123;
    agent.createdMs = 1699999999500;
    agent.stats = Api::AgentStats {12, 1, 300, 40, 0.02, 0};
    return agent;
}

// Three steps: a decided one (its output a text), a map over a list (its output a list) and an
// approval still waiting (no output yet); an error, an idempotency key and non-ASCII text.
inline Api::Run richRun(quint64 id, Api::RunState state = Api::RunState::Running)
{
    Api::Workflow workflow;
    workflow.name = u"triage"_s;
    workflow.revision = 3;
    workflow.description = u"Sort the tickets, then ask a human."_s;
    workflow.inputs = {Api::WorkflowInput {u"question"_s, Api::ValueType::Text, u"What to sort"_s,
                                           QJsonValue(QJsonValue::Undefined)}, // required
                       Api::WorkflowInput {u"items"_s, Api::ValueType::List, {}, QJsonArray {u"a"_s, u"b"_s}},
                       Api::WorkflowInput {u"rounds"_s, Api::ValueType::Number, {}, 2}};
    Api::WorkflowStep plan;
    plan.id = u"plan"_s;
    plan.title = u"Plan"_s;
    plan.inputs = {{u"q"_s, u"inputs.question"_s}};
    plan.condition = u"inputs.rounds > 1"_s;
    plan.swarm = u"geo-1"_s;
    plan.prompt = u"Plan for {{q}}"_s;
    plan.answerFormat = Api::AnswerFormat::Choice;
    plan.choices = {u"fast"_s, u"slow"_s};
    plan.strategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"first"_s}}};
    plan.selection = Api::AgentSelection {{Api::AgentId(3)}, {u"geo"_s}, 2, Api::Routing::Adaptive};
    plan.priority = 4;
    plan.timeoutMs = 30000;
    plan.budgetUsd = 0.5;
    plan.retry = Api::RetryPolicy {3, 250, 4000, 0.1};
    plan.x = 10.5;
    plan.y = -20;
    Api::WorkflowStep each;
    each.id = u"each"_s;
    each.inputs = {{u"plan"_s, u"steps.plan.output"_s}};
    each.swarm = u"geo-1"_s;
    each.prompt = u"{{index}}: {{ticket}} by {{plan}}"_s;
    each.map = Api::StepMap {u"inputs.items"_s, u"ticket"_s};
    Api::WorkflowStep review;
    review.id = u"review"_s;
    review.kind = Api::StepKind::Approval;
    review.inputs = {{u"input"_s, u"steps.each.output"_s}};
    review.instructions = u"Check the sorting."_s;
    workflow.steps = {plan, each, review};
    workflow.outputs = {{u"sorted"_s, u"steps.review.output"_s}};

    Api::Run run;
    run.id = Api::RunId(id);
    run.workflow = workflow;
    run.inputs = {
        {u"question"_s, u"Ünïcode \"tickets\"\nfirst"_s}, {u"items"_s, QJsonArray {u"a"_s, u"b"_s}}, {u"rounds"_s, 2}};
    run.idempotencyKey = u"run-key-%1"_s.arg(id);
    run.state = state;
    run.stateReason = u"waiting for review"_s;
    run.steps
        = {Api::StepRun {u"plan"_s,
                         Api::StepState::Succeeded,
                         1,
                         {Api::TaskId(10)},
                         u"fast"_s,
                         0.75,
                         0.01,
                         {},
                         1700000000100,
                         1700000000200},
           Api::StepRun {u"each"_s,
                         Api::StepState::Succeeded,
                         0,
                         {Api::TaskId(11), Api::TaskId(12)},
                         QJsonArray {u"ticket a"_s, u"ticket b"_s},
                         0.5,
                         0.02,
                         {},
                         1700000000300,
                         1700000000400},
           Api::StepRun {
               u"review"_s, Api::StepState::AwaitingApproval, 0, {}, {}, 0, 0, u"approver away"_s, 1700000000500, 0}};
    run.outputs = {{u"sorted"_s, QJsonArray {u"ticket b"_s}}};
    run.createdMs = 1700000000000 + qint64(id);
    run.finishedMs = Api::isTerminal(state) ? 1700000009000 : 0;
    run.costUsd = 0.03;
    run.error = Api::makeError(Api::ErrorCode::ProviderError, u"all calls failed"_s, {{u"retriable"_s, true}});
    return run;
}

} // namespace QwenSwarm::Testing
