#include "store/sqlitetaskrows.h"

#include "store/sqlitevalues.h"

namespace QwenSwarm::Engine {

using namespace SqliteValues;

namespace {

// The columns of the tasks table in the order of the statements and of read(); the parameter of a
// column is its position + 1.
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

const char *const columnNames[ColumnCount] = {
    "id",
    "swarm_id",
    "state",
    "attempt",
    "state_reason",
    "created_ms",
    "started_ms",
    "finished_ms",
    "effective_deadline_ms",
    "cost_usd",
    "prompt",
    "variables",
    "answer_format",
    "choices",
    "reference_answer",
    "agent_ids",
    "required_tags",
    "max_agents",
    "routing",
    "strategy",
    "strategy_parameters",
    "priority",
    "deadline_ms",
    "timeout_ms",
    "budget_usd",
    "retry_max_attempts",
    "retry_initial_backoff_ms",
    "retry_max_backoff_ms",
    "retry_jitter",
    "idempotency_key",
    "tags",
    "result_answer",
    "result_decision_id",
    "result_agreement",
    "error_code",
    "error_message",
    "error_details",
};

QByteArray columnList()
{
    QByteArray list;
    for (const char *name : columnNames)
        list += (list.isEmpty() ? "" : ", ") + QByteArray(name);
    return list;
}

// The guard of both writes: `attempt` is the parameter holding the writer's attempt.
QByteArray guardedBy(const char *attempt)
{
    return QByteArray("tasks.state <> 'succeeded' AND tasks.attempt <= ") + attempt;
}

QByteArray upsert()
{
    QByteArray values;
    QByteArray updates;
    for (int c = 0; c < ColumnCount; ++c) {
        const QByteArray parameter = '?' + QByteArray::number(c + 1);
        values += (c == 0 ? "" : ", ") + parameter;
        if (c != Id)
            updates += (updates.isEmpty() ? "" : ", ") + QByteArray(columnNames[c]) + " = " + parameter;
    }
    return "INSERT INTO tasks (" + columnList() + ") VALUES (" + values + ") ON CONFLICT (id) DO UPDATE SET " + updates
        + " WHERE " + guardedBy("?4");
}

// A string list as a JSON array, NULL when empty.
void bindStrings(SqliteStatement &s, int index, const QStringList &list)
{
    if (list.isEmpty())
        s.bindNull(index);
    else
        s.bindUtf8(index, QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList readStrings(const SqliteStatement &s, int column)
{
    QStringList list;
    if (!s.isNull(column)) {
        for (const QJsonValue &value : QJsonDocument::fromJson(s.utf8(column)).array())
            list.append(value.toString());
    }
    return list;
}

// Binds the outcome to the six parameters from `first` on.
void bindOutcome(SqliteStatement &s, int first, const std::optional<Api::TaskResult> &result,
                 const std::optional<Api::Error> &error)
{
    if (result) {
        s.bind(first, result->answer);
        bindId(s, first + 1, result->decisionId);
        s.bind(first + 2, result->agreement);
    } else {
        s.bindNull(first);
        s.bindNull(first + 1);
        s.bindNull(first + 2);
    }
    if (error) {
        bindEnum(s, first + 3, error->code);
        s.bind(first + 4, error->message);
        bindObject(s, first + 5, error->details);
    } else {
        s.bindNull(first + 3);
        s.bindNull(first + 4);
        s.bindNull(first + 5);
    }
}

void bindSpec(SqliteStatement &s, const Api::TaskSpec &spec)
{
    s.bind(SwarmId + 1, static_cast<qint64>(spec.swarmId.value));
    s.bind(Prompt + 1, spec.promptTemplate);
    bindObject(s, Variables + 1, spec.variables);
    bindEnum(s, AnswerFormat + 1, spec.answerFormat);
    bindStrings(s, Choices + 1, spec.choices);
    s.bind(ReferenceAnswer + 1, spec.referenceAnswer);
    s.bind(AgentIds + 1, joinNumbers(spec.selection.agentIds, [](Api::AgentId id) { return id.value; }));
    bindStrings(s, RequiredTags + 1, spec.selection.requiredTags);
    s.bind(MaxAgents + 1, qint64(spec.selection.maxAgents));
    bindEnum(s, Routing + 1, spec.selection.routing);
    if (spec.strategy) {
        s.bind(Strategy + 1, spec.strategy->name);
        bindObject(s, StrategyParameters + 1, spec.strategy->parameters);
    } else {
        s.bindNull(Strategy + 1);
        s.bindNull(StrategyParameters + 1);
    }
    s.bind(Priority + 1, qint64(spec.priority));
    s.bind(DeadlineMs + 1, spec.deadlineMs);
    s.bind(TimeoutMs + 1, spec.timeoutMs);
    s.bind(BudgetUsd + 1, spec.budgetUsd);
    s.bind(RetryMaxAttempts + 1, qint64(spec.retry.maxAttempts));
    s.bind(RetryInitialBackoffMs + 1, qint64(spec.retry.initialBackoffMs));
    s.bind(RetryMaxBackoffMs + 1, qint64(spec.retry.maxBackoffMs));
    s.bind(RetryJitter + 1, spec.retry.jitter);
    s.bind(IdempotencyKey + 1, spec.idempotencyKey);
    bindStrings(s, Tags + 1, spec.tags);
}

Api::Result<Api::TaskSpec> readSpec(const SqliteStatement &s)
{
    Api::TaskSpec spec;
    spec.swarmId = readId<Api::SwarmId>(s, SwarmId);
    spec.promptTemplate = s.text(Prompt);
    spec.variables = readObject(s, Variables);
    const auto format = readEnum<Api::AnswerFormat>(s, AnswerFormat);
    const auto routing = readEnum<Api::Routing>(s, Routing);
    const auto agentIds = splitNumbers(s.text(AgentIds));
    if (!format || !routing || !agentIds)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("bad answer format, routing or agent ids"));
    spec.answerFormat = *format;
    spec.choices = readStrings(s, Choices);
    spec.referenceAnswer = s.text(ReferenceAnswer);
    for (qint64 id : *agentIds)
        spec.selection.agentIds.append(Api::AgentId(static_cast<quint64>(id)));
    spec.selection.requiredTags = readStrings(s, RequiredTags);
    spec.selection.maxAgents = static_cast<int>(s.int64(MaxAgents));
    spec.selection.routing = *routing;
    if (!s.isNull(Strategy))
        spec.strategy = Api::StrategySpec {s.text(Strategy), readObject(s, StrategyParameters)};
    spec.priority = static_cast<int>(s.int64(Priority));
    spec.deadlineMs = s.int64(DeadlineMs);
    spec.timeoutMs = s.int64(TimeoutMs);
    spec.budgetUsd = s.real(BudgetUsd);
    spec.retry = Api::RetryPolicy {static_cast<int>(s.int64(RetryMaxAttempts)),
                                   static_cast<int>(s.int64(RetryInitialBackoffMs)),
                                   static_cast<int>(s.int64(RetryMaxBackoffMs)), s.real(RetryJitter)};
    spec.idempotencyKey = s.text(IdempotencyKey);
    spec.tags = readStrings(s, Tags);
    return spec;
}

Api::Result<void> readOutcome(const SqliteStatement &s, Api::Task &task)
{
    if (!s.isNull(ResultAnswer))
        task.result = Api::TaskResult {s.text(ResultAnswer), readId<Api::DecisionId>(s, ResultDecisionId),
                                       s.real(ResultAgreement)};
    if (s.isNull(ErrorCode))
        return {};
    const auto code = readEnum<Api::ErrorCode>(s, ErrorCode);
    if (!code)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("unknown error code ") + s.text(ErrorCode));
    task.error = Api::makeError(*code, s.text(ErrorMessage), readObject(s, ErrorDetails));
    return {};
}

Api::Error unreadable(qint64 id, const QString &why)
{
    return Api::makeError(Api::ErrorCode::Internal,
                          QStringLiteral("task %1 is stored unreadably: %2").arg(id).arg(why));
}

} // namespace

const QByteArray SqliteTaskRows::upsertSql = upsert();

// Parameters: ?1 id, ?2 state, ?3 attempt, ?4 reason, ?5 started, ?6 finished, ?7 cost, ?8..?13 outcome.
const QByteArray SqliteTaskRows::progressSql
    = QByteArray("UPDATE tasks SET state = ?2, attempt = ?3, state_reason = ?4, started_ms = ?5, finished_ms = ?6, "
                 "cost_usd = ?7, result_answer = ?8, result_decision_id = ?9, result_agreement = ?10, "
                 "error_code = ?11, error_message = ?12, error_details = ?13 WHERE id = ?1 AND ")
    + guardedBy("?3");

const QByteArray SqliteTaskRows::selectSql = "SELECT " + columnList() + " FROM tasks";

const QByteArray SqliteTaskRows::unfinishedSql
    = selectSql + " WHERE state IN ('queued', 'running', 'deciding') ORDER BY id";

void SqliteTaskRows::bind(SqliteStatement &s, const Api::Task &task)
{
    s.bind(Id + 1, static_cast<qint64>(task.id.value));
    bindEnum(s, State + 1, task.state);
    s.bind(Attempt + 1, qint64(task.attempt));
    s.bind(StateReason + 1, task.stateReason);
    s.bind(CreatedMs + 1, task.createdMs);
    s.bind(StartedMs + 1, task.startedMs);
    s.bind(FinishedMs + 1, task.finishedMs);
    s.bind(EffectiveDeadlineMs + 1, task.effectiveDeadlineMs);
    s.bind(CostUsd + 1, task.costUsd);
    bindSpec(s, task.spec);
    bindOutcome(s, ResultAnswer + 1, task.result, task.error);
}

void SqliteTaskRows::bind(SqliteStatement &s, const TaskProgress &p)
{
    s.bind(1, static_cast<qint64>(p.id.value));
    bindEnum(s, 2, p.state);
    s.bind(3, qint64(p.attempt));
    s.bind(4, p.stateReason);
    s.bind(5, p.startedMs);
    s.bind(6, p.finishedMs);
    s.bind(7, p.costUsd);
    bindOutcome(s, 8, p.result, p.error);
}

Api::Result<Api::Task> SqliteTaskRows::read(const SqliteStatement &s)
{
    Api::Task task;
    task.id = readId<Api::TaskId>(s, Id);
    auto spec = readSpec(s);
    if (!spec)
        return unreadable(s.int64(Id), spec.error().message);
    task.spec = std::move(spec).value();
    const auto state = readEnum<Api::TaskState>(s, State);
    if (!state)
        return unreadable(s.int64(Id), QStringLiteral("unknown state ") + s.text(State));
    task.state = *state;
    task.attempt = static_cast<int>(s.int64(Attempt));
    task.stateReason = s.text(StateReason);
    task.createdMs = s.int64(CreatedMs);
    task.startedMs = s.int64(StartedMs);
    task.finishedMs = s.int64(FinishedMs);
    task.effectiveDeadlineMs = s.int64(EffectiveDeadlineMs);
    task.costUsd = s.real(CostUsd);
    if (auto outcome = readOutcome(s, task); !outcome)
        return unreadable(s.int64(Id), outcome.error().message);
    return task;
}

} // namespace QwenSwarm::Engine
