#include "store/postgrestaskrows.h"

namespace QwenSwarm::Engine {

using PostgresValues::joinNumbers;
using PostgresValues::splitNumbers;

namespace {

// The columns of the tasks table in the order of the statements and of read().
enum Column
{
    Id,
    SwarmId,
    State,
    Attempt,
    StateReason,
    CreatedMs,
    StartedMs,
    FinishedMs,
    EffectiveDeadlineMs,
    CostUsd,
    Prompt,
    Variables,
    AnswerFormat,
    Choices,
    ReferenceAnswer,
    AgentIds,
    RequiredTags,
    MaxAgents,
    Routing,
    Strategy,
    StrategyParameters,
    Priority,
    DeadlineMs,
    TimeoutMs,
    BudgetUsd,
    RetryMaxAttempts,
    RetryInitialBackoffMs,
    RetryMaxBackoffMs,
    RetryJitter,
    IdempotencyKey,
    Tags,
    ResultAnswer,
    ResultDecisionId,
    ResultAgreement,
    ErrorCode,
    ErrorMessage,
    ErrorDetails,
    ColumnCount,
};

struct ColumnInfo
{
    const char *name;
    const char *type;
};

const ColumnInfo columns[ColumnCount] = {
    {"id", "bigint"},
    {"swarm_id", "bigint"},
    {"state", "text"},
    {"attempt", "integer"},
    {"state_reason", "text"},
    {"created_ms", "bigint"},
    {"started_ms", "bigint"},
    {"finished_ms", "bigint"},
    {"effective_deadline_ms", "bigint"},
    {"cost_usd", "double precision"},
    {"prompt", "text"},
    {"variables", "text"},
    {"answer_format", "text"},
    {"choices", "text"},
    {"reference_answer", "text"},
    {"agent_ids", "text"},
    {"required_tags", "text"},
    {"max_agents", "integer"},
    {"routing", "text"},
    {"strategy", "text"},
    {"strategy_parameters", "text"},
    {"priority", "integer"},
    {"deadline_ms", "bigint"},
    {"timeout_ms", "bigint"},
    {"budget_usd", "double precision"},
    {"retry_max_attempts", "integer"},
    {"retry_initial_backoff_ms", "integer"},
    {"retry_max_backoff_ms", "integer"},
    {"retry_jitter", "double precision"},
    {"idempotency_key", "text"},
    {"tags", "text"},
    {"result_answer", "text"},
    {"result_decision_id", "bigint"},
    {"result_agreement", "double precision"},
    {"error_code", "text"},
    {"error_message", "text"},
    {"error_details", "text"},
};

// What progress writes, in the order of its parameters.
const Column progressColumnList[] = {Id,         State,        Attempt,      StateReason,      StartedMs,
                                     FinishedMs, CostUsd,      ResultAnswer, ResultDecisionId, ResultAgreement,
                                     ErrorCode,  ErrorMessage, ErrorDetails};
constexpr int progressColumnCount = std::size(progressColumnList);

// The guard of both writes: `attempt` names the writer's attempt.
std::string guardedBy(const std::string &attempt)
{
    return "tasks.state <> 'succeeded' AND tasks.attempt <= " + attempt;
}

// "unnest($1::bigint[], $2::text[], ...) AS alias(a, b, ...)" over `list`.
template<typename List>
std::string unnestOf(const List &list, const char *alias)
{
    std::string arrays;
    std::string names;
    int parameter = 0;
    for (const Column c : list) {
        const std::string separator = parameter == 0 ? "" : ", ";
        arrays += separator + '$' + std::to_string(++parameter) + "::" + columns[c].type + "[]";
        names += separator + columns[c].name;
    }
    return "unnest(" + arrays + ") AS " + alias + '(' + names + ')';
}

std::string columnList(const char *prefix = "")
{
    std::string list;
    for (const ColumnInfo &c : columns)
        list += (list.empty() ? "" : ", ") + std::string(prefix) + c.name;
    return list;
}

std::string upsert()
{
    std::vector<Column> all;
    std::string updates;
    for (int c = 0; c < ColumnCount; ++c) {
        all.push_back(static_cast<Column>(c));
        if (c != Id)
            updates += (updates.empty() ? "" : ", ") + std::string(columns[c].name) + " = excluded." + columns[c].name;
    }
    return "task_writes AS (INSERT INTO tasks (" + columnList() + ") SELECT " + columnList("t.") + " FROM "
        + unnestOf(all, "t") + " ON CONFLICT (id) DO UPDATE SET " + updates + " WHERE " + guardedBy("excluded.attempt")
        + ')';
}

std::string progress()
{
    std::string updates;
    for (const Column c : progressColumnList) {
        if (c != Id)
            updates += (updates.empty() ? "" : ", ") + std::string(columns[c].name) + " = p." + columns[c].name;
    }
    return "task_progress AS (UPDATE tasks SET " + updates + " FROM " + unnestOf(progressColumnList, "p")
        + " WHERE tasks.id = p.id AND " + guardedBy("p.attempt") + ')';
}

// Adds the outcome to the six columns from `first` on.
void addOutcome(PostgresColumns &c, int first, const std::optional<Api::TaskResult> &result,
                const std::optional<Api::Error> &error)
{
    if (result) {
        c[first].add(result->answer);
        c[first + 1].addId(result->decisionId);
        c[first + 2].add(result->agreement);
    } else {
        c[first].addNull();
        c[first + 1].addNull();
        c[first + 2].addNull();
    }
    if (error) {
        c[first + 3].addEnum(error->code);
        c[first + 4].add(error->message);
        c[first + 5].addObject(error->details);
    } else {
        c[first + 3].addNull();
        c[first + 4].addNull();
        c[first + 5].addNull();
    }
}

void addSpec(PostgresColumns &c, const Api::TaskSpec &spec)
{
    c[SwarmId].add(static_cast<qint64>(spec.swarmId.value));
    c[Prompt].add(spec.promptTemplate);
    c[Variables].addObject(spec.variables);
    c[AnswerFormat].addEnum(spec.answerFormat);
    c[Choices].addStrings(spec.choices);
    c[ReferenceAnswer].add(spec.referenceAnswer);
    c[AgentIds].add(joinNumbers(spec.selection.agentIds, [](Api::AgentId id) { return id.value; }));
    c[RequiredTags].addStrings(spec.selection.requiredTags);
    c[MaxAgents].add(spec.selection.maxAgents);
    c[Routing].addEnum(spec.selection.routing);
    if (spec.strategy) {
        c[Strategy].add(spec.strategy->name);
        c[StrategyParameters].addObject(spec.strategy->parameters);
    } else {
        c[Strategy].addNull();
        c[StrategyParameters].addNull();
    }
    c[Priority].add(spec.priority);
    c[DeadlineMs].add(spec.deadlineMs);
    c[TimeoutMs].add(spec.timeoutMs);
    c[BudgetUsd].add(spec.budgetUsd);
    c[RetryMaxAttempts].add(spec.retry.maxAttempts);
    c[RetryInitialBackoffMs].add(spec.retry.initialBackoffMs);
    c[RetryMaxBackoffMs].add(spec.retry.maxBackoffMs);
    c[RetryJitter].add(spec.retry.jitter);
    c[IdempotencyKey].add(spec.idempotencyKey);
    c[Tags].addStrings(spec.tags);
}

Api::Result<Api::TaskSpec> readSpec(const PostgresRow &r)
{
    Api::TaskSpec spec;
    spec.swarmId = r.id<Api::SwarmId>(SwarmId);
    spec.promptTemplate = r.text(Prompt);
    spec.variables = r.object(Variables);
    const auto format = r.enumValue<Api::AnswerFormat>(AnswerFormat);
    const auto routing = r.enumValue<Api::Routing>(Routing);
    const auto agentIds = splitNumbers(r.text(AgentIds));
    if (!format || !routing || !agentIds)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("bad answer format, routing or agent ids"));
    spec.answerFormat = *format;
    spec.choices = r.strings(Choices);
    spec.referenceAnswer = r.text(ReferenceAnswer);
    for (qint64 id : *agentIds)
        spec.selection.agentIds.append(Api::AgentId(static_cast<quint64>(id)));
    spec.selection.requiredTags = r.strings(RequiredTags);
    spec.selection.maxAgents = static_cast<int>(r.int64(MaxAgents));
    spec.selection.routing = *routing;
    if (!r.isNull(Strategy))
        spec.strategy = Api::StrategySpec {r.text(Strategy), r.object(StrategyParameters)};
    spec.priority = static_cast<int>(r.int64(Priority));
    spec.deadlineMs = r.int64(DeadlineMs);
    spec.timeoutMs = r.int64(TimeoutMs);
    spec.budgetUsd = r.real(BudgetUsd);
    spec.retry = Api::RetryPolicy {static_cast<int>(r.int64(RetryMaxAttempts)),
                                   static_cast<int>(r.int64(RetryInitialBackoffMs)),
                                   static_cast<int>(r.int64(RetryMaxBackoffMs)), r.real(RetryJitter)};
    spec.idempotencyKey = r.text(IdempotencyKey);
    spec.tags = r.strings(Tags);
    return spec;
}

Api::Result<void> readOutcome(const PostgresRow &r, Api::Task &task)
{
    if (!r.isNull(ResultAnswer))
        task.result
            = Api::TaskResult {r.text(ResultAnswer), r.id<Api::DecisionId>(ResultDecisionId), r.real(ResultAgreement)};
    if (r.isNull(ErrorCode))
        return {};
    const auto code = r.enumValue<Api::ErrorCode>(ErrorCode);
    if (!code)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("unknown error code ") + r.text(ErrorCode));
    task.error = Api::makeError(*code, r.text(ErrorMessage), r.object(ErrorDetails));
    return {};
}

Api::Error unreadable(qint64 id, const QString &why)
{
    return Api::makeError(Api::ErrorCode::Internal,
                          QStringLiteral("task %1 is stored unreadably: %2").arg(id).arg(why));
}

} // namespace

const std::string PostgresTaskRows::upsertPart = upsert();
const std::string PostgresTaskRows::progressPart = progress();
const std::string PostgresTaskRows::selectSql = "SELECT " + columnList() + " FROM tasks";
const std::string PostgresTaskRows::unfinishedSql
    = selectSql + " WHERE state IN ('queued', 'running', 'deciding') ORDER BY id";

PostgresColumns PostgresTaskRows::upsertColumns()
{
    return PostgresColumns(ColumnCount);
}

PostgresColumns PostgresTaskRows::progressColumns()
{
    return PostgresColumns(progressColumnCount);
}

void PostgresTaskRows::add(PostgresColumns &c, const Api::Task &task)
{
    c[Id].add(static_cast<qint64>(task.id.value));
    c[State].addEnum(task.state);
    c[Attempt].add(task.attempt);
    c[StateReason].add(task.stateReason);
    c[CreatedMs].add(task.createdMs);
    c[StartedMs].add(task.startedMs);
    c[FinishedMs].add(task.finishedMs);
    c[EffectiveDeadlineMs].add(task.effectiveDeadlineMs);
    c[CostUsd].add(task.costUsd);
    addSpec(c, task.spec);
    addOutcome(c, ResultAnswer, task.result, task.error);
    c.addRow();
}

void PostgresTaskRows::add(PostgresColumns &c, const TaskProgress &p)
{
    // Positions in progressColumnList.
    c[0].add(static_cast<qint64>(p.id.value));
    c[1].addEnum(p.state);
    c[2].add(p.attempt);
    c[3].add(p.stateReason);
    c[4].add(p.startedMs);
    c[5].add(p.finishedMs);
    c[6].add(p.costUsd);
    addOutcome(c, 7, p.result, p.error);
    c.addRow();
}

Api::Result<Api::Task> PostgresTaskRows::read(const PostgresRow &r)
{
    Api::Task task;
    task.id = r.id<Api::TaskId>(Id);
    auto spec = readSpec(r);
    if (!spec)
        return unreadable(r.int64(Id), spec.error().message);
    task.spec = std::move(spec).value();
    const auto state = r.enumValue<Api::TaskState>(State);
    if (!state)
        return unreadable(r.int64(Id), QStringLiteral("unknown state ") + r.text(State));
    task.state = *state;
    task.attempt = static_cast<int>(r.int64(Attempt));
    task.stateReason = r.text(StateReason);
    task.createdMs = r.int64(CreatedMs);
    task.startedMs = r.int64(StartedMs);
    task.finishedMs = r.int64(FinishedMs);
    task.effectiveDeadlineMs = r.int64(EffectiveDeadlineMs);
    task.costUsd = r.real(CostUsd);
    if (auto outcome = readOutcome(r, task); !outcome)
        return unreadable(r.int64(Id), outcome.error().message);
    return task;
}

} // namespace QwenSwarm::Engine
