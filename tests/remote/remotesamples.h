#pragma once
// Sample values for the protocol tests: one call of every method, one answer of every result type, one
// message of every kind. Members are set away from their defaults, so a codec that drops one is noticed.

#include <protocol/messagecodec.h>

namespace QwenSwarm::Testing {

namespace Samples {

using namespace Qt::Literals::StringLiterals;
namespace Api = QwenSwarm::Api;
namespace Remote = QwenSwarm::Remote;

constexpr qint64 T0 = 1764237600123; // 2025-11-27T10:00:00.123Z

inline Api::StrategySpec strategy()
{
    return Api::StrategySpec {u"supermajority"_s, QJsonObject {{u"threshold"_s, 0.75}}};
}

inline Api::AgentSpec agentSpec(const QString &name = u"critic-1"_s)
{
    Api::AgentSpec spec;
    spec.name = name;
    spec.role = Api::AgentRole::Critic;
    spec.provider = u"openai"_s;
    spec.model = u"qwen2.5-72b-instruct"_s;
    spec.parameters = QJsonObject {{u"temperature"_s, 0.25}};
    spec.systemPrompt = u"Find the flaw. Ünïcödé ✓"_s;
    spec.tags = {u"math"_s};
    spec.limits.maxConcurrency = 7;
    spec.memory = Api::MemoryOptions {true, 5, Api::MemoryBudget {200, 4096}};
    return spec;
}

inline Api::SwarmSpec swarmSpec()
{
    return Api::SwarmSpec {u"review-board"_s,
                           Api::Topology::Hierarchical,
                           strategy(),
                           {agentSpec(u"lead"_s), agentSpec(u"second"_s)},
                           Api::MemoryOptions {true, 0, Api::MemoryBudget {0, 1 << 20}}};
}

inline Api::TaskSpec taskSpec(int priority = -20)
{
    Api::TaskSpec spec;
    spec.swarmId = Api::SwarmId(4);
    spec.promptTemplate = u"What is {{a}} + {{b}}?"_s;
    spec.variables = QJsonObject {{u"a"_s, 2}, {u"b"_s, u"two"_s}};
    spec.answerFormat = Api::AnswerFormat::Choice;
    spec.choices = {u"3"_s, u"4"_s};
    spec.strategy = strategy();
    spec.priority = priority;
    spec.deadlineMs = T0 + 60000;
    spec.idempotencyKey = u"batch-7/item-3"_s;
    spec.tags = {u"arithmetic"_s};
    return spec;
}

inline Api::PageRequest page()
{
    return Api::PageRequest {25, u"opaque-cursor"_s};
}

inline Api::ProviderSettings providerSettings()
{
    Api::ProviderSettings s;
    s.name = u"qwen"_s;
    s.baseUrl = u"https://dashscope-intl.aliyuncs.com/compatible-mode/v1"_s;
    s.defaultModel = u"qwen-plus"_s;
    s.parameters = {{u"temperature"_s, 0.2}};
    s.concurrency = 8;
    s.requestsPerMinute = 600;
    s.tokensPerMinute = 100000;
    s.prices = {{u"*"_s, 0.4, 1.2}};
    s.stream = true;
    s.keyRef = u"env:DASHSCOPE_API_KEY"_s;
    return s;
}

inline Api::MemorySpec memorySpec()
{
    return Api::MemorySpec {Api::AgentId(17), Api::SwarmId(5), Api::MemoryKind::Turn, u"asked: 2+2; answered: 4"_s,
                            {u"math"_s},      60000,           u"operator:alice"_s};
}

inline Api::MemoryQuery memoryQuery()
{
    return Api::MemoryQuery {Api::AgentId(17),
                             Api::SwarmId(5),
                             true,
                             {Api::MemoryKind::Fact, Api::MemoryKind::Turn},
                             u"geo"_s,
                             u"capital"_s,
                             T0,
                             T0 + 5000,
                             true,
                             page()};
}

inline Api::Workflow workflow()
{
    Api::Workflow w;
    w.name = u"research"_s;
    w.revision = 3;
    w.inputs = {Api::WorkflowInput {u"question"_s, Api::ValueType::Text, u"what to ask"_s, QJsonValue::Undefined}};
    Api::WorkflowStep research;
    research.id = u"research"_s;
    research.swarm = u"demo"_s;
    research.prompt = u"Answer: {{q}}"_s;
    research.inputs = {{u"q"_s, u"inputs.question"_s}};
    Api::WorkflowStep summary;
    summary.id = u"summary"_s;
    summary.swarm = u"demo"_s;
    summary.prompt = u"Summarise: {{a}}"_s;
    summary.inputs = {{u"a"_s, u"steps.research.output"_s}};
    summary.strategy = Api::StrategySpec {u"majority"_s, {}};
    w.steps = {research, summary};
    w.outputs = {{u"answer"_s, u"steps.summary.output"_s}};
    return w;
}

inline Api::DecisionFeedback feedback()
{
    return Api::DecisionFeedback {false, u"5"_s, u"the judge was fooled"_s, u"alice"_s, T0 + 9000};
}

inline Api::SubscriptionSpec subscriptionSpec()
{
    Api::SubscriptionSpec spec;
    spec.topics = {Api::Topic::Tasks, Api::Topic::Decisions};
    spec.swarmId = Api::SwarmId(4);
    spec.taskStates = {Api::TaskState::Succeeded};
    spec.resumeAfterSeq = 9000;
    return spec;
}

inline Api::DecisionQuery decisionQuery()
{
    Api::DecisionQuery query;
    query.swarmId = Api::SwarmId(4);
    query.outcome = Api::DecisionOutcome::Decided;
    query.minAgreement = 0.25;
    query.page = page();
    return query;
}

/// One call of every method, in Method order.
inline Remote::CallParams call(Remote::Method method)
{
    using namespace Remote::Calls;
    using M = Remote::Method;
    switch (method) {
    case M::Info:
        return Info {};
    case M::SwarmsCreate:
        return SwarmsCreate {swarmSpec()};
    case M::SwarmsList:
        return SwarmsList {};
    case M::SwarmsGet:
        return SwarmsGet {Api::SwarmId(4)};
    case M::SwarmsUpdate:
        return SwarmsUpdate {Api::SwarmId(4), Api::Topology::Ring, strategy()};
    case M::SwarmsRemove:
        return SwarmsRemove {Api::SwarmId(5)};
    case M::AgentsSpawn:
        return AgentsSpawn {Api::SwarmId(4), agentSpec()};
    case M::AgentsList:
        return AgentsList {Api::SwarmId(4)};
    case M::AgentsGet:
        return AgentsGet {Api::AgentId(17)};
    case M::AgentsCommand:
        return AgentsCommand {Api::AgentId(17), Api::AgentCommand::Drain, u"maintenance"_s};
    case M::AgentsRemove:
        return AgentsRemove {Api::AgentId(18)};
    case M::TasksSubmit:
        return TasksSubmit {taskSpec()};
    case M::TasksSubmitBatch:
        return TasksSubmitBatch {{taskSpec(1), taskSpec(2)}};
    case M::TasksCancel:
        return TasksCancel {Api::TaskId(301), u"operator asked"_s};
    case M::TasksRetry:
        return TasksRetry {Api::TaskId(302)};
    case M::TasksGet:
        return TasksGet {Api::TaskId(303)};
    case M::TasksQuery:
        return TasksQuery {Api::TaskQuery {
            {Api::TaskState::Failed}, Api::SwarmId(4), u"plurality"_s, u"two"_s, T0, T0 + 1000, page()}};
    case M::DecisionsGet:
        return DecisionsGet {Api::DecisionId(88)};
    case M::DecisionsQuery:
        return DecisionsQuery {decisionQuery()};
    case M::LearningFeedback:
        return LearningFeedback {Api::DecisionId(88), feedback()};
    case M::LearningReputations:
        return LearningReputations {Api::AgentId(17)};
    case M::LearningHistory:
        return LearningHistory {Api::ReputationQuery {Api::AgentId(17), u"math"_s, T0, T0 + 5000, page()}};
    case M::LearningExport:
        return LearningExport {};
    case M::LearningImport:
        return LearningImport {
            Api::LearningState {1, {Api::Reputation {Api::AgentId(17), u"math"_s, 7.5, 2.25, 9, T0}}}};
    case M::EventsSubscribe:
        return EventsSubscribe {subscriptionSpec()};
    case M::EventsUnsubscribe:
        return EventsUnsubscribe {Api::SubscriptionId(3)};
    case M::MetricsGet:
        return MetricsGet {};
    case M::KeysCreate:
        return KeysCreate {Remote::Role::Operator, u"ci"_s};
    case M::KeysList:
        return KeysList {};
    case M::KeysRevoke:
        return KeysRevoke {u"0123456789abcdef"_s};
    case M::AuditQuery:
        return AuditQuery {Api::AuditQuery {u"alice"_s, u"tasks.submit"_s, false, T0, T0 + 5000, page()}};
    case M::MemoryQuery:
        return MemoryQuery {memoryQuery()};
    case M::MemoryPut:
        return MemoryPut {memorySpec()};
    case M::MemoryUpdate:
        return MemoryUpdate {Api::MemoryId(12), memorySpec()};
    case M::MemoryRemove:
        return MemoryRemove {Api::MemoryId(12)};
    case M::ProvidersList:
        return ProvidersList {};
    case M::ProvidersPut:
        return ProvidersPut {providerSettings()};
    case M::ProvidersRemove:
        return ProvidersRemove {u"qwen"_s};
    case M::ProvidersTest:
        return ProvidersTest {providerSettings()};
    case M::MetricsHistory:
        return MetricsHistory {T0, T0 + 3'600'000};
    case M::RunsStart:
        return RunsStart {Api::RunSpec {workflow(), QJsonObject {{u"question"_s, u"why?"_s}}, u"nightly-7"_s}};
    case M::RunsGet:
        return RunsGet {Api::RunId(5)};
    case M::RunsQuery:
        return RunsQuery {Api::RunQuery {page(), {Api::RunState::Failed}, u"research"_s}};
    case M::RunsCommand:
        return RunsCommand {Api::RunId(5), Api::RunCommand::Cancel, u"wrong inputs"_s};
    case M::RunsRetry:
        return RunsRetry {Api::RunId(5), u"summary"_s};
    case M::RunsApprove:
        return RunsApprove {Api::RunId(5), u"approve_plan"_s,
                            Api::Approval {Api::ApprovalVerdict::Edit, u"a better plan"_s, u"tightened"_s, u"alice"_s}};
    }
    return Info {};
}

// ---- One value of every result type ----

template<typename T>
struct Tag
{ };

inline Remote::NoResult value(Tag<Remote::NoResult>)
{
    return {};
}

inline Api::BackendInfo value(Tag<Api::BackendInfo>)
{
    return Api::BackendInfo {
        u"0.3.1"_s,      u"remote"_s, u"wss://swarm.example:8443"_s, u"sqlite"_s, {u"openai"_s, u"simulated"_s},
        {u"plurality"_s}};
}

inline Api::Swarm value(Tag<Api::Swarm>)
{
    return Api::Swarm {Api::SwarmId(4),
                       u"review-board"_s,
                       Api::Topology::Ring,
                       strategy(),
                       {Api::AgentId(17), Api::AgentId(18)},
                       T0,
                       Api::MemoryOptions {true, 3, Api::MemoryBudget {100, 0}}};
}

inline Api::Agent value(Tag<Api::Agent>)
{
    Api::Agent agent;
    agent.id = Api::AgentId(17);
    agent.swarmId = Api::SwarmId(4);
    agent.spec = agentSpec();
    agent.state = Api::AgentState::Paused;
    agent.stateReason = u"operator"_s;
    agent.stateSinceMs = T0 + 5;
    agent.createdMs = T0;
    agent.stats.calls = 120;
    return agent;
}

inline Api::Task value(Tag<Api::Task>)
{
    Api::Task task;
    task.id = Api::TaskId(301);
    task.spec = taskSpec();
    task.state = Api::TaskState::Succeeded;
    task.attempt = 2;
    task.createdMs = T0;
    task.finishedMs = T0 + 2500;
    task.costUsd = 0.0125;
    task.result = Api::TaskResult {u"4"_s, Api::DecisionId(88), 0.8};
    return task;
}

inline Api::Decision value(Tag<Api::Decision>)
{
    Api::Decision decision;
    decision.id = Api::DecisionId(88);
    decision.taskId = Api::TaskId(301);
    decision.swarmId = Api::SwarmId(4);
    decision.attempt = 2;
    decision.strategy = strategy();
    Api::Vote vote;
    vote.agentId = Api::AgentId(17);
    vote.rawAnswer = u"The answer is 4."_s;
    vote.normalizedAnswer = u"4"_s;
    vote.latencyMs = 812;
    decision.rounds = {Api::Round {0, {vote}}};
    decision.outcome = Api::DecisionOutcome::Decided;
    decision.answer = u"4"_s;
    decision.agreement = 0.8;
    decision.dissenters = {Api::AgentId(19)};
    decision.createdMs = T0 + 2400;
    decision.feedback = feedback();
    return decision;
}

inline Api::Reputation value(Tag<Api::Reputation>)
{
    return Api::Reputation {Api::AgentId(17), u"math"_s, 7.5, 2.25, 9, T0 + 3000};
}

inline Api::ReputationPoint value(Tag<Api::ReputationPoint>)
{
    return Api::ReputationPoint {Api::AgentId(17),    u"math"_s, 7.5, 2.25, Api::ReputationCause::Feedback,
                                 Api::DecisionId(88), T0 + 3000};
}

inline Api::AuditEntry value(Tag<Api::AuditEntry>)
{
    return Api::AuditEntry {T0 + 4000,
                            u"key:0123456789abcdef"_s,
                            u"tasks.cancel"_s,
                            u"task/301"_s,
                            false,
                            u"role viewer may not call tasks.cancel (needs operator)"_s};
}

inline Api::MemoryEntry value(Tag<Api::MemoryEntry>)
{
    return Api::MemoryEntry {Api::MemoryId(12),
                             Api::AgentId(17),
                             Api::SwarmId(5),
                             Api::MemoryKind::Decision,
                             u"the capital is Paris ✓"_s,
                             {u"geo"_s, u"eu"_s},
                             u"operator:alice"_s,
                             T0,
                             T0 + 1000,
                             T0 + 60000};
}

inline Api::LearningState value(Tag<Api::LearningState>)
{
    return Api::LearningState {1, {value(Tag<Api::Reputation> {})}};
}

inline Api::Subscription value(Tag<Api::Subscription>)
{
    return Api::Subscription {Api::SubscriptionId(3), 9001};
}

inline Api::MetricsSnapshot value(Tag<Api::MetricsSnapshot>)
{
    Api::MetricSample sample;
    sample.labels = {{u"state"_s, u"succeeded"_s}};
    sample.value = 1234;
    return Api::MetricsSnapshot {
        T0, {Api::MetricFamily {u"qwen_swarm_tasks_total"_s, u"Tasks."_s, Api::MetricType::Counter, {sample}}}};
}

inline Remote::ApiKeyInfo value(Tag<Remote::ApiKeyInfo>)
{
    return Remote::ApiKeyInfo {u"0123456789abcdef"_s, Remote::Role::Admin, u"root"_s, T0};
}

inline Api::ProviderInfo value(Tag<Api::ProviderInfo>)
{
    return Api::ProviderInfo {providerSettings(), Api::ProviderOrigin::Operator, u"present"_s, u"half_open"_s, 3};
}

inline Api::Run value(Tag<Api::Run>)
{
    Api::Run run;
    run.id = Api::RunId(5);
    run.workflow = workflow();
    run.inputs = QJsonObject {{u"question"_s, u"why?"_s}};
    run.idempotencyKey = u"nightly-7"_s;
    run.state = Api::RunState::Failed;
    run.stateReason = u"step summary failed"_s;
    run.steps = {
        Api::StepRun {
            u"research"_s, Api::StepState::Succeeded, 1, {Api::TaskId(301)}, u"because"_s, 0.8, 0.01, {}, T0, T0 + 500},
        Api::StepRun {u"summary"_s,
                      Api::StepState::Failed,
                      0,
                      {Api::TaskId(302), Api::TaskId(303)},
                      QJsonArray {u"a"_s, u"b"_s},
                      0,
                      0,
                      u"no consensus"_s,
                      T0 + 500,
                      T0 + 900}};
    run.createdMs = T0;
    run.finishedMs = T0 + 900;
    run.costUsd = 0.01;
    run.error = Api::makeError(Api::ErrorCode::NoConsensus, u"tie"_s, QJsonObject {{u"step"_s, u"summary"_s}});
    return run;
}

inline Api::ProviderCheck value(Tag<Api::ProviderCheck>)
{
    return Api::ProviderCheck {
        u"qwen"_s, u"qwen-plus"_s, 412, {}, Api::makeError(Api::ErrorCode::ProviderError, u"401: invalid key"_s)};
}

inline Remote::CreatedApiKey value(Tag<Remote::CreatedApiKey>)
{
    return Remote::CreatedApiKey {value(Tag<Remote::ApiKeyInfo> {}),
                                  u"qs_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s};
}

template<typename T>
QList<T> value(Tag<QList<T>>)
{
    return {value(Tag<T> {}), value(Tag<T> {})};
}

template<typename T>
Api::Page<T> value(Tag<Api::Page<T>>)
{
    return Api::Page<T> {{value(Tag<T> {})}, u"next-page"_s, 77};
}

/// One answer of type T.
template<typename T>
T result()
{
    return value(Tag<T> {});
}

inline QList<Api::Event> events()
{
    return {Api::Event {9001, T0 + 1,
                        Api::TaskEvent {Api::TaskId(301), Api::SwarmId(4), Api::TaskState::Running,
                                        Api::TaskState::Deciding, 1, u"votes in"_s}},
            Api::Event {9002, T0 + 2, Api::LogEvent {Api::LogLevel::Warning, u"scheduler"_s, u"slow provider"_s}},
            Api::Event {9003, T0 + 3,
                        Api::RunEvent {Api::RunId(5), u"research"_s, u"summary"_s, Api::RunState::AwaitingApproval,
                                       Api::StepState::AwaitingApproval, u"waits for an operator"_s}}};
}

/// One message of every kind, with a name for test rows.
inline QList<std::pair<const char *, Remote::Message>> messages()
{
    return {
        {"hello", Remote::Hello {Remote::VersionRange {1, 3}, u"qwen-swarm 0.3.1"_s}},
        {"welcome", Remote::Welcome {1, u"qwen-swarmd 0.3.1"_s, Remote::Role::Operator}},
        {"request", Remote::Request {7, call(Remote::Method::TasksSubmit)}},
        {"request with the largest id", Remote::Request {9007199254740992ULL, call(Remote::Method::Info)}},
        {"result", Remote::Response {7, QJsonObject {{u"id"_s, 301}}}},
        {"result null", Remote::Response {8, QJsonValue(QJsonValue::Null)}},
        {"error",
         Remote::ErrorReply {9,
                             Api::makeError(Api::ErrorCode::NotFound, u"no task 301"_s, QJsonObject {{u"id"_s, 301}})}},
        {"error without id",
         Remote::ErrorReply {std::nullopt, Api::makeError(Api::ErrorCode::InvalidArgument, u"not JSON"_s)}},
        {"event", Remote::EventBatch {Api::SubscriptionId(3), events()}},
        {"event, empty batch", Remote::EventBatch {Api::SubscriptionId(3), {}}},
        {"dropped", Remote::EventsDropped {Api::SubscriptionId(3), 100, 250}},
    };
}

} // namespace Samples

} // namespace QwenSwarm::Testing
