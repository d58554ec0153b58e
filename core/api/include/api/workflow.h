#pragma once

#include "api/enumnames.h"
#include "api/error.h"
#include "api/ids.h"
#include "api/page.h"
#include "api/strategy.h"
#include "api/task.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace QwenSwarm::Api {

using RunId = Id<struct RunTag>;

/// The version of the workflow file format this program writes. Files of older versions load through
/// upgradeWorkflowJson(); newer ones are refused.
inline constexpr int kWorkflowFormatVersion = 2;

/// The type of a value flowing between steps: what a workflow input declares and what a port carries.
enum class ValueType
{
    Text,
    Number,
    Boolean,
    List, ///< A list of texts (a map step fans out over one; a map step's output is one).
};

template<>
struct EnumNames<ValueType>
{
    static constexpr std::array<QStringView, 4> names {u"text", u"number", u"boolean", u"list"};
};

/// A value the run is started with.
struct WorkflowInput
{
    QString name; ///< An identifier: letters, digits, '_'; starts with a letter.
    ValueType type = ValueType::Text;
    QString description;
    QJsonValue defaultValue {QJsonValue::Undefined}; ///< Undefined = required.

    bool operator==(const WorkflowInput &) const = default;
};

enum class StepKind
{
    Task, ///< A task for a swarm, decided by consensus; its output is the decided answer.
    Approval, ///< A human gate: the run waits until an operator approves, edits or rejects its input.
};

template<>
struct EnumNames<StepKind>
{
    static constexpr std::array<QStringView, 2> names {u"task", u"approval"};
};

/// Fans a task step out over a list: one task per element, the element as {{<as>}} and its position
/// as {{index}} in the prompt. The step's output is the list of the tasks' answers, in order.
struct StepMap
{
    QString over; ///< A reference to a list: "inputs.<name>" or "steps.<id>.output" of a map step.
    QString as = QStringLiteral("item");

    bool operator==(const StepMap &) const = default;
};

/// One node of the DAG. Its `inputs` bind the names its prompt uses to references:
/// "inputs.<name>" (a workflow input), "steps.<id>.output" (a step's answer: text, or a list for a
/// map step) or "steps.<id>.agreement" (a number in [0, 1]). A step runs once every step it refers to
/// (in inputs, condition and map) is finished.
struct WorkflowStep
{
    QString id; ///< Unique in the workflow; an identifier like an input's name.
    StepKind kind = StepKind::Task;
    QString title;
    QMap<QString, QString> inputs; ///< Name in the prompt -> reference.
    /// Runs only if this holds (workflowexpression.h); otherwise the step is skipped, its output "".
    QString condition;

    // Task steps.
    QString swarm; ///< The swarm by name.
    QString prompt; ///< Template: {{name}} for each input (and the map's element and {{index}}).
    AnswerFormat answerFormat = AnswerFormat::FreeText;
    QStringList choices;
    std::optional<StrategySpec> strategy; ///< Empty = the swarm's default.
    AgentSelection selection;
    std::optional<StepMap> map;
    int priority = 0;
    qint64 timeoutMs = 0;
    double budgetUsd = 0;
    RetryPolicy retry;

    // Approval steps: what the operator reads; the step's output is its "input" as approved or edited.
    QString instructions;

    /// Where the designer draws the node (kept in the file so a saved layout reloads as it was).
    double x = 0;
    double y = 0;

    bool operator==(const WorkflowStep &) const = default;
};

/// A versioned DAG of steps, as stored in a workflow file (schema: resources/workflows/workflow.schema.json).
struct Workflow
{
    QString name;
    int revision = 1; ///< The workflow's own version, raised by whoever edits it.
    QString description;
    QList<WorkflowInput> inputs;
    QList<WorkflowStep> steps;
    /// The run's result: name -> reference (as step inputs).
    QMap<QString, QString> outputs;

    const WorkflowStep *step(const QString &id) const;
    bool operator==(const Workflow &) const = default;
};

/// What validation found wrong with a workflow. `step` is empty for workflow-level problems; `field`
/// names the member ("inputs.question", "condition", "swarm", ...).
struct WorkflowProblem
{
    QString step;
    QString field;
    QString message;

    QString toString() const;
    bool operator==(const WorkflowProblem &) const = default;
};

/// What the validator may check names against; an empty list skips that check (offline design).
struct WorkflowEnvironment
{
    QStringList swarms;
    QStringList strategies;
};

/// Every problem of `workflow`: identifiers, duplicate ids, references to unknown inputs or steps,
/// cycles, conditions that do not parse, maps over something that is not a list, prompts using names
/// no input binds, kind-specific members, and swarms or strategies `environment` does not know.
QList<WorkflowProblem> validateWorkflow(const Workflow &workflow, const WorkflowEnvironment &environment = {});

/// The ids of the steps `step` depends on (through inputs, condition and map), each once, in order.
QStringList stepDependencies(const WorkflowStep &step);
/// The steps in an order where each comes after those it depends on (ties in file order); empty
/// when the graph has a cycle.
QStringList topologicalOrder(const Workflow &workflow);
/// The step `id` and every step that depends on it, directly or not.
QStringList stepDescendants(const Workflow &workflow, const QString &id);

/// Reads a workflow file's JSON: upgrades an older format version first, then reads strictly. An
/// InvalidArgument error names the step and field ("steps[plan].swarm: required").
Result<Workflow> workflowFromJson(const QJsonObject &json);
/// The workflow as a file of the current format version.
QJsonObject workflowToJson(const Workflow &workflow);
/// Rewrites a file of an older format version to the current one (documented in docs/workflows.md);
/// the current version is answered as is; InvalidArgument for a missing, newer or unknown version.
Result<QJsonObject> upgradeWorkflowJson(QJsonObject json);

// Runs.

/// pending -> running <-> paused; running -> awaiting_approval -> running; then succeeded | failed |
/// cancelled. A finished run can be retried from a step, which makes it running again.
enum class RunState
{
    Running,
    Paused, ///< No new step starts; steps under way finish.
    AwaitingApproval, ///< An approval step waits for an operator (other ready steps go on).
    Succeeded,
    Failed,
    Cancelled,
};

template<>
struct EnumNames<RunState>
{
    static constexpr std::array<QStringView, 6> names {u"running",   u"paused", u"awaiting_approval",
                                                       u"succeeded", u"failed", u"cancelled"};
};

inline bool isTerminal(RunState s)
{
    return s == RunState::Succeeded || s == RunState::Failed || s == RunState::Cancelled;
}

enum class StepState
{
    Pending,
    Running,
    AwaitingApproval,
    Succeeded,
    Skipped, ///< Its condition did not hold; its output is "".
    Failed,
    Cancelled,
};

template<>
struct EnumNames<StepState>
{
    static constexpr std::array<QStringView, 7> names {u"pending", u"running", u"awaiting_approval", u"succeeded",
                                                       u"skipped", u"failed",  u"cancelled"};
};

/// Where one step of a run is.
struct StepRun
{
    QString stepId;
    StepState state = StepState::Pending;
    int generation = 0; ///< Raised each time the step is run again (retry from a step).
    QList<TaskId> taskIds; ///< Its tasks (one, or one per element of a map), in order.
    QJsonValue output; ///< Text, or a list of texts for a map step; null until finished.
    double agreement = 0; ///< The (mean) agreement of its decisions.
    double costUsd = 0;
    QString reason; ///< Why it failed, was skipped or cancelled; the approver's note.
    qint64 startedMs = 0;
    qint64 finishedMs = 0;

    bool operator==(const StepRun &) const = default;
};

/// One execution of a workflow. It keeps the workflow as it was started, so a later edit of the file
/// changes nothing in it.
struct Run
{
    RunId id;
    Workflow workflow;
    QJsonObject inputs; ///< As given, defaults filled in.
    QString idempotencyKey;
    RunState state = RunState::Running;
    QString stateReason;
    QList<StepRun> steps; ///< One per workflow step, in the workflow's order.
    QJsonObject outputs; ///< The workflow's outputs, once succeeded.
    qint64 createdMs = 0;
    qint64 finishedMs = 0;
    double costUsd = 0;
    std::optional<Error> error;

    const StepRun *step(const QString &id) const;
    StepRun *step(const QString &id);
    bool operator==(const Run &) const = default;
};

struct RunSpec
{
    Workflow workflow;
    QJsonObject inputs;
    /// Starting a key again answers the run that has it.
    QString idempotencyKey;

    bool operator==(const RunSpec &) const = default;
};

enum class RunCommand
{
    Pause,
    Resume,
    Cancel,
};

template<>
struct EnumNames<RunCommand>
{
    static constexpr std::array<QStringView, 3> names {u"pause", u"resume", u"cancel"};
};

enum class ApprovalVerdict
{
    Approve, ///< The input goes on as it is.
    Edit, ///< The operator's text goes on instead.
    Reject, ///< The step fails, and with it the run.
};

template<>
struct EnumNames<ApprovalVerdict>
{
    static constexpr std::array<QStringView, 3> names {u"approve", u"edit", u"reject"};
};

struct Approval
{
    ApprovalVerdict verdict = ApprovalVerdict::Approve;
    QString text; ///< For Edit.
    QString note;
    /// Who decides. Set by the backend: a server names its authenticated caller; in-process, an
    /// empty one is the local operator.
    QString actor;

    bool operator==(const Approval &) const = default;
};

/// What one step of a dry run cost on simulated agents: an estimate of what it will cost for real.
struct StepEstimate
{
    QString stepId;
    StepState state = StepState::Pending; ///< How it ended in the dry run (skipped steps cost nothing).
    int tasks = 0;
    int calls = 0; ///< Model calls, every round of every task.
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double costUsd = 0;
    qint64 durationMs = 0; ///< From its start to its end.

    bool operator==(const StepEstimate &) const = default;
};

/// A dry run of a workflow: per step and in all.
struct RunEstimate
{
    QList<StepEstimate> steps; ///< In the workflow's order.
    RunState state = RunState::Succeeded; ///< How the dry run ended.
    QString stateReason;
    int calls = 0;
    qint64 tokens = 0;
    double costUsd = 0;
    qint64 durationMs = 0; ///< From the run's start to its end.

    bool operator==(const RunEstimate &) const = default;
};

/// Runs newest first.
struct RunQuery
{
    PageRequest page;
    QList<RunState> states;
    QString workflow; ///< Only runs of the workflow of this name.

    bool operator==(const RunQuery &) const = default;
};

} // namespace QwenSwarm::Api
