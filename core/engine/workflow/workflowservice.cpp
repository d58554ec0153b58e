#include "workflow/workflowservice.h"

#include "runtime/clock.h"
#include "runtime/enginecontext.h"
#include "runtime/taskservice.h"

#include <api/workflowexpression.h>

#include <QJsonArray>
#include <QRegularExpression>

namespace QwenSwarm::Engine {

using Api::ErrorCode;
using Api::RunState;
using Api::StepState;
using namespace Qt::Literals::StringLiterals;

namespace {

const QRegularExpression taskKeyPattern(u"^wf:(\\d+):([A-Za-z][A-Za-z0-9_]*):(\\d+):(\\d+)$"_s);

QString taskKey(Api::RunId run, const QString &step, int generation, int index)
{
    return u"wf:%1:%2:%3:%4"_s.arg(run.value).arg(step).arg(generation).arg(index);
}

Api::StepRun pendingStep(const QString &id, int generation)
{
    Api::StepRun step;
    step.stepId = id;
    step.generation = generation;
    return step;
}

bool isDone(StepState s)
{
    return s == StepState::Succeeded || s == StepState::Skipped;
}

bool isFinal(StepState s)
{
    return isDone(s) || s == StepState::Failed || s == StepState::Cancelled;
}

/// How a value reads inside a prompt: a list as one "- element" line each.
QString promptText(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList lines;
        for (const QJsonValue &element : value.toArray())
            lines.append(u"- "_s + promptText(element));
        return lines.join(u'\n');
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == static_cast<double>(static_cast<qint64>(d)) ? QString::number(static_cast<qint64>(d))
                                                                : QString::number(d);
    }
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

Api::Error invalidWorkflow(const QList<Api::WorkflowProblem> &problems)
{
    QJsonArray list;
    for (const Api::WorkflowProblem &p : problems)
        list.append(QJsonObject {{u"step"_s, p.step}, {u"field"_s, p.field}, {u"message"_s, p.message}});
    const Api::WorkflowProblem &first = problems.constFirst();
    QString message = u"workflow."_s + first.toString();
    if (problems.size() > 1)
        message += u" (and %1 more)"_s.arg(problems.size() - 1);
    return Api::makeError(
        ErrorCode::InvalidArgument, message,
        {{u"path"_s, first.step.isEmpty() ? first.field : u"steps[%1].%2"_s.arg(first.step, first.field)},
         {u"problems"_s, list}});
}

/// The run's inputs: given ones checked against the declarations, defaults filled in.
Api::Result<QJsonObject> checkedInputs(const Api::Workflow &workflow, const QJsonObject &given)
{
    const auto invalid = [](const QString &name, const QString &problem) {
        return Api::makeError(ErrorCode::InvalidArgument, u"inputs.%1: %2"_s.arg(name, problem),
                              {{u"path"_s, u"inputs.%1"_s.arg(name)}});
    };
    for (auto it = given.begin(); it != given.end(); ++it) {
        const bool declared = std::any_of(workflow.inputs.begin(), workflow.inputs.end(),
                                          [&](const Api::WorkflowInput &input) { return input.name == it.key(); });
        if (!declared)
            return invalid(it.key(), u"the workflow has no such input"_s);
    }
    QJsonObject inputs;
    for (const Api::WorkflowInput &input : workflow.inputs) {
        QJsonValue value = given.value(input.name);
        if (value.isUndefined() || value.isNull())
            value = input.defaultValue;
        if (value.isUndefined() || value.isNull())
            return invalid(input.name, u"required"_s);
        bool ok = false;
        switch (input.type) {
        case Api::ValueType::Text:
            ok = value.isString();
            break;
        case Api::ValueType::Number:
            ok = value.isDouble();
            break;
        case Api::ValueType::Boolean:
            ok = value.isBool();
            break;
        case Api::ValueType::List:
            ok = value.isArray() && value.toArray().size() <= 10000;
            break;
        }
        if (!ok)
            return invalid(input.name, u"expected a %1"_s.arg(Api::enumName(input.type)));
        inputs.insert(input.name, value);
    }
    return inputs;
}

} // namespace

WorkflowService::WorkflowService(EngineContext &context, TaskService &tasks)
    : m_context(context)
    , m_tasks(tasks)
{ }

void WorkflowService::restore(const QList<Api::Run> &unfinished, const QHash<QString, Api::RunId> &idempotencyKeys,
                              quint64 maxRunId)
{
    m_idempotencyKeys = idempotencyKeys;
    m_lastRunId = std::max(m_lastRunId, maxRunId);
    for (const Api::Run &run : unfinished) {
        LiveRun &live = m_live[run.id.value];
        live.run = run;
    }
    // Steps that were running submit their tasks again: their keys find the tasks submitted before.
    for (const Api::Run &run : unfinished) {
        LiveRun *l = live(run.id);
        for (Api::StepRun &step : l->run.steps) {
            if (step.state == StepState::Running)
                submitTasks(*l, step);
        }
        advance(*l);
    }
}

WorkflowService::LiveRun *WorkflowService::live(Api::RunId id)
{
    const auto it = m_live.find(id.value);
    return it == m_live.end() ? nullptr : &it->second;
}

Api::Error WorkflowService::notFound(Api::RunId id) const
{
    return Api::makeError(ErrorCode::NotFound, u"no run with id %1"_s.arg(id.value));
}

void WorkflowService::start(const Api::RunSpec &spec, Reply<Api::Run> done)
{
    if (!spec.idempotencyKey.isEmpty()) {
        if (const auto it = m_idempotencyKeys.constFind(spec.idempotencyKey); it != m_idempotencyKeys.constEnd())
            return run(it.value(), std::move(done));
    }
    if (spec.idempotencyKey.size() > 256)
        return done(Api::makeError(ErrorCode::InvalidArgument, u"idempotency_key: at most 256 characters"_s));
    Api::WorkflowEnvironment environment;
    for (const auto &[id, swarm] : m_context.agents.swarms())
        environment.swarms.append(swarm->swarm.name);
    environment.strategies = m_context.strategies.names();
    if (environment.swarms.isEmpty())
        environment.swarms.append(QString()); // no swarm at all: every swarm a step names is unknown
    if (const auto problems = Api::validateWorkflow(spec.workflow, environment); !problems.isEmpty())
        return done(invalidWorkflow(problems));
    auto inputs = checkedInputs(spec.workflow, spec.inputs);
    if (!inputs)
        return done(inputs.error());

    Api::Run run;
    run.id = Api::RunId(++m_lastRunId);
    run.workflow = spec.workflow;
    run.inputs = *inputs;
    run.idempotencyKey = spec.idempotencyKey;
    run.state = RunState::Running;
    run.stateReason = u"started"_s;
    run.createdMs = wallClockMs();
    for (const Api::WorkflowStep &step : spec.workflow.steps)
        run.steps.append(pendingStep(step.id, 0));
    if (!run.idempotencyKey.isEmpty())
        m_idempotencyKeys.insert(run.idempotencyKey, run.id);
    LiveRun &started = m_live[run.id.value];
    started.run = std::move(run);
    m_context.events.publish(
        started.run.createdMs,
        Api::RunEvent {
            started.run.id, started.run.workflow.name, {}, RunState::Running, StepState::Pending, u"started"_s});
    save(started);
    const Api::RunId id = started.run.id;
    answerWhenDurable(std::move(done), started.run);
    // Steps start once the run is stored (answered first: a start's answer shows the run as started).
    m_context.storeWriter.whenDurable([this, id](Api::Result<void> written) {
        if (LiveRun *l = live(id); l && written)
            advance(*l);
    });
}

void WorkflowService::run(Api::RunId id, Reply<Api::Run> done)
{
    if (LiveRun *l = live(id))
        return done(l->run);
    m_context.store->run(id, std::move(done));
}

void WorkflowService::queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done)
{
    // Every change is written before it is answered, and the store orders reads after writes.
    m_context.storeWriter.whenDurable([this, query, done = std::move(done)](Api::Result<void>) {
        // Every change published so far is in the page: a client resumes its events after this seq.
        const quint64 asOfSeq = m_context.events.headSeq();
        m_context.store->queryRuns(query, [asOfSeq, done](Api::Result<Api::Page<Api::Run>> page) {
            if (page)
                page.value().asOfSeq = asOfSeq;
            done(std::move(page));
        });
    });
}

void WorkflowService::command(Api::RunId id, Api::RunCommand command, const QString &reason, Reply<Api::Run> done)
{
    if (reason.size() > 1024)
        return done(Api::makeError(ErrorCode::InvalidArgument, u"reason: at most 1024 characters"_s));
    LiveRun *l = live(id);
    if (!l || Api::isTerminal(l->run.state)) {
        return run(id, [done = std::move(done), command](Api::Result<Api::Run> found) {
            if (!found)
                return done(found.error());
            done(Api::makeError(ErrorCode::InvalidState,
                                u"run %1 is %2: it cannot %3"_s.arg(found->id.value)
                                    .arg(Api::enumName(found->state), Api::enumName(command))));
        });
    }
    const QString cause = reason.isEmpty() ? u"operator: %1"_s.arg(Api::enumName(command)) : reason;
    switch (command) {
    case Api::RunCommand::Pause:
        if (l->run.state == RunState::Paused)
            return done(Api::makeError(ErrorCode::InvalidState, u"run %1 is paused already"_s.arg(id.value)));
        setRunState(*l, RunState::Paused, cause);
        break;
    case Api::RunCommand::Resume:
        if (l->run.state != RunState::Paused)
            return done(Api::makeError(ErrorCode::InvalidState, u"run %1 is not paused"_s.arg(id.value)));
        setRunState(*l, RunState::Running, cause);
        advance(*l);
        break;
    case Api::RunCommand::Cancel:
        finishRun(*l, RunState::Cancelled, cause, Api::makeError(ErrorCode::Cancelled, cause));
        break;
    }
    save(*l);
    answerWhenDurable(std::move(done), l->run);
}

void WorkflowService::retryFrom(Api::RunId id, const QString &stepId, Reply<Api::Run> done)
{
    if (LiveRun *l = live(id); l && !Api::isTerminal(l->run.state))
        return done(Api::makeError(
            ErrorCode::InvalidState,
            u"run %1 is %2: only a finished run is retried"_s.arg(id.value).arg(Api::enumName(l->run.state))));
    run(id, [this, stepId, done = std::move(done)](Api::Result<Api::Run> found) {
        if (!found)
            return done(found.error());
        Api::Run run = *found;
        if (!Api::isTerminal(run.state))
            return done(Api::makeError(ErrorCode::InvalidState, u"run %1 is not finished"_s.arg(run.id.value)));
        if (!run.workflow.step(stepId))
            return done(Api::makeError(ErrorCode::NotFound,
                                       u"step: run %1's workflow has no step '%2'"_s.arg(run.id.value).arg(stepId)));
        const QStringList again = Api::stepDescendants(run.workflow, stepId);
        LiveRun &l = m_live[run.id.value];
        l.run = std::move(run);
        l.progress.clear();
        for (Api::StepRun &step : l.run.steps) {
            if (again.contains(step.stepId) || !isDone(step.state))
                step = pendingStep(step.stepId, step.generation + 1);
        }
        l.run.outputs = {};
        l.run.error.reset();
        l.run.finishedMs = 0;
        setRunState(l, RunState::Running, u"retried from step %1"_s.arg(stepId));
        save(l);
        answerWhenDurable(done, l.run);
        advance(l);
    });
}

void WorkflowService::approve(Api::RunId id, const QString &stepId, const Api::Approval &approval, Reply<Api::Run> done)
{
    LiveRun *l = live(id);
    if (!l) {
        return run(id, [done = std::move(done), stepId](Api::Result<Api::Run> found) {
            if (!found)
                return done(found.error());
            done(Api::makeError(ErrorCode::InvalidState,
                                u"run %1 is %2: step %3 waits for no approval"_s.arg(found->id.value)
                                    .arg(Api::enumName(found->state), stepId)));
        });
    }
    Api::StepRun *step = l->run.step(stepId);
    if (!step)
        return done(Api::makeError(ErrorCode::NotFound, u"step: run %1 has no step '%2'"_s.arg(id.value).arg(stepId)));
    if (step->state != StepState::AwaitingApproval)
        return done(
            Api::makeError(ErrorCode::InvalidState,
                           u"step %1 is %2: it waits for no approval"_s.arg(stepId).arg(Api::enumName(step->state))));
    if (approval.text.size() > 1'000'000 || approval.note.size() > 4096)
        return done(Api::makeError(ErrorCode::InvalidArgument, u"approval: text or note too long"_s));
    const QString who = approval.actor.isEmpty() ? u"the local operator"_s : approval.actor;
    step->reason = approval.note;
    step->finishedMs = wallClockMs();
    switch (approval.verdict) {
    case Api::ApprovalVerdict::Approve:
        setStepState(*l, *step, StepState::Succeeded, u"approved by %1"_s.arg(who));
        break;
    case Api::ApprovalVerdict::Edit:
        step->output = approval.text;
        setStepState(*l, *step, StepState::Succeeded, u"edited and approved by %1"_s.arg(who));
        break;
    case Api::ApprovalVerdict::Reject: {
        const QString reason
            = u"rejected by %1%2"_s.arg(who, approval.note.isEmpty() ? QString() : u": "_s + approval.note);
        failStep(*l, *step, reason, Api::makeError(ErrorCode::Cancelled, u"step %1 %2"_s.arg(stepId, reason)));
        break;
    }
    }
    if (!Api::isTerminal(l->run.state))
        advance(*l);
    save(*l);
    answerWhenDurable(std::move(done), l->run);
}

void WorkflowService::taskFinished(const Api::Task &task)
{
    const auto match = taskKeyPattern.match(task.spec.idempotencyKey);
    if (!match.hasMatch())
        return;
    LiveRun *l = live(Api::RunId(match.captured(1).toULongLong()));
    if (!l || Api::isTerminal(l->run.state))
        return;
    const QString stepId = match.captured(2);
    const Api::StepRun *step = l->run.step(stepId);
    if (!step || step->state != StepState::Running || step->generation != match.captured(3).toInt())
        return; // a task of an earlier generation, or of a step cancelled meanwhile
    l->progress[stepId].finished[match.captured(4).toInt()] = task;
    collect(*l, stepId);
}

void WorkflowService::advance(LiveRun &l)
{
    if (Api::isTerminal(l.run.state))
        return;
    if (l.run.state != RunState::Paused) {
        // In order: a step whose dependencies all finished starts (skipped ones count as finished).
        for (const QString &id : Api::topologicalOrder(l.run.workflow)) {
            Api::StepRun *step = l.run.step(id);
            if (!step || step->state != StepState::Pending)
                continue;
            const QStringList dependencies = Api::stepDependencies(*l.run.workflow.step(id));
            const bool ready = std::all_of(dependencies.begin(), dependencies.end(), [&](const QString &d) {
                const Api::StepRun *dependency = l.run.step(d);
                return dependency && isDone(dependency->state);
            });
            if (ready)
                startStep(l, *step);
            if (Api::isTerminal(l.run.state))
                return;
        }
    }
    const bool allDone
        = std::all_of(l.run.steps.begin(), l.run.steps.end(), [](const Api::StepRun &s) { return isDone(s.state); });
    if (allDone) {
        for (auto it = l.run.workflow.outputs.begin(); it != l.run.workflow.outputs.end(); ++it)
            l.run.outputs.insert(it.key(), resolve(l.run, it.value()).value_or(QJsonValue()));
        finishRun(l, RunState::Succeeded, u"every step finished"_s);
        return;
    }
    if (l.run.state == RunState::Paused)
        return;
    const bool waiting = std::any_of(l.run.steps.begin(), l.run.steps.end(),
                                     [](const Api::StepRun &s) { return s.state == StepState::AwaitingApproval; });
    if (waiting && l.run.state != RunState::AwaitingApproval)
        setRunState(l, RunState::AwaitingApproval, u"a step waits for approval"_s);
    else if (!waiting && l.run.state == RunState::AwaitingApproval)
        setRunState(l, RunState::Running, u"approved"_s);
}

void WorkflowService::startStep(LiveRun &l, Api::StepRun &step)
{
    const Api::WorkflowStep &definition = *l.run.workflow.step(step.stepId);
    step.startedMs = wallClockMs();
    const auto resolver = [&l](const QString &reference) { return resolve(l.run, reference); };
    if (!definition.condition.trimmed().isEmpty()) {
        auto holds = Api::WorkflowExpression::parse(definition.condition);
        Api::Result<bool> value = holds ? holds->evaluate(resolver) : Api::Result<bool>(holds.error());
        if (!value) {
            return failStep(l, step, u"condition: "_s + value.error().message, value.error());
        }
        if (!*value) {
            step.output = QString();
            step.finishedMs = step.startedMs;
            setStepState(l, step, StepState::Skipped, u"condition does not hold: "_s + definition.condition);
            save(l);
            return;
        }
    }
    if (definition.kind == Api::StepKind::Approval) {
        step.output = resolve(l.run, definition.inputs.value(u"input"_s)).value_or(QJsonValue(QString()));
        setStepState(l, step, StepState::AwaitingApproval,
                     definition.instructions.isEmpty() ? u"waits for an operator"_s : definition.instructions);
        save(l);
        return;
    }
    setStepState(l, step, StepState::Running, u"started"_s);
    save(l);
    submitTasks(l, step);
}

void WorkflowService::submitTasks(LiveRun &l, Api::StepRun &step)
{
    const Api::WorkflowStep &definition = *l.run.workflow.step(step.stepId);
    SwarmRuntime *swarm = m_context.agents.swarmByName(definition.swarm);
    if (!swarm) {
        const QString reason = u"no swarm is named '%1'"_s.arg(definition.swarm);
        return failStep(l, step, reason, Api::makeError(ErrorCode::NotFound, reason));
    }
    QJsonObject variables;
    for (auto it = definition.inputs.begin(); it != definition.inputs.end(); ++it)
        variables.insert(it.key(), promptText(resolve(l.run, it.value()).value_or(QJsonValue())));
    QJsonArray elements {QJsonValue()};
    if (definition.map)
        elements = resolve(l.run, definition.map->over).value_or(QJsonValue()).toArray();

    QList<Api::TaskSpec> specs;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        Api::TaskSpec spec;
        spec.swarmId = swarm->swarm.id;
        spec.promptTemplate = definition.prompt;
        spec.variables = variables;
        if (definition.map) {
            spec.variables.insert(definition.map->as, promptText(elements.at(i)));
            spec.variables.insert(u"index"_s, static_cast<qint64>(i));
        }
        spec.answerFormat = definition.answerFormat;
        spec.choices = definition.choices;
        spec.selection = definition.selection;
        spec.strategy = definition.strategy;
        spec.priority = definition.priority;
        spec.timeoutMs = definition.timeoutMs;
        spec.budgetUsd = definition.budgetUsd;
        spec.retry = definition.retry;
        spec.idempotencyKey = taskKey(l.run.id, step.stepId, step.generation, static_cast<int>(i));
        spec.tags = QStringList {u"workflow:"_s + l.run.workflow.name, u"run:%1"_s.arg(l.run.id.value),
                                 u"step:"_s + step.stepId};
        specs.append(std::move(spec));
    }
    Progress &progress = l.progress[step.stepId];
    progress = Progress {};
    if (specs.isEmpty()) { // a map over an empty list
        progress.expected = 0;
        return collect(l, step.stepId);
    }
    const Api::RunId runId = l.run.id;
    const QString stepId = step.stepId;
    const int generation = step.generation;
    m_tasks.submit(specs, [this, runId, stepId, generation](Api::Result<QList<Api::Task>> submitted) {
        LiveRun *now = live(runId);
        if (!now || Api::isTerminal(now->run.state))
            return;
        Api::StepRun *current = now->run.step(stepId);
        if (!current || current->state != StepState::Running || current->generation != generation)
            return;
        if (!submitted) {
            failStep(*now, *current, submitted.error().message, submitted.error());
            save(*now);
            return;
        }
        Progress &tasks = now->progress[stepId];
        tasks.expected = static_cast<int>(submitted->size());
        current->taskIds.clear();
        for (qsizetype i = 0; i < submitted->size(); ++i) {
            const Api::Task &task = submitted->at(i);
            current->taskIds.append(task.id);
            if (Api::isTerminal(task.state)) // finished before (a restart found it so)
                tasks.finished[static_cast<int>(i)] = task;
        }
        save(*now);
        collect(*now, stepId);
    });
}

void WorkflowService::collect(LiveRun &l, const QString &stepId)
{
    Api::StepRun *step = l.run.step(stepId);
    Progress &progress = l.progress[stepId];
    if (!step || step->state != StepState::Running || progress.expected < 0)
        return;
    // A task that failed fails the step at once; the others are cancelled with the run.
    for (const auto &[index, task] : progress.finished) {
        if (task.state != Api::TaskState::Succeeded) {
            const Api::Error error = task.error.value_or(Api::makeError(
                ErrorCode::Internal, u"task %1 ended %2"_s.arg(task.id.value).arg(Api::enumName(task.state))));
            failStep(l, *step, u"task %1 %2: %3"_s.arg(task.id.value).arg(Api::enumName(task.state), error.message),
                     error);
            save(l);
            return;
        }
    }
    if (static_cast<int>(progress.finished.size()) < progress.expected)
        return;
    QJsonArray answers;
    double agreement = 0;
    double cost = 0;
    for (const auto &[index, task] : progress.finished) {
        answers.append(task.result ? task.result->answer : QString());
        agreement += task.result ? task.result->agreement : 0;
        cost += task.costUsd;
    }
    const bool isMap = l.run.workflow.step(stepId)->map.has_value();
    step->output = isMap ? QJsonValue(answers) : answers.at(0);
    step->agreement = progress.expected > 0 ? agreement / progress.expected : 0;
    step->costUsd = cost;
    step->finishedMs = wallClockMs();
    l.run.costUsd += cost;
    l.progress.remove(stepId);
    setStepState(l, *step, StepState::Succeeded, u"decided"_s);
    advance(l);
    save(l);
}

void WorkflowService::failStep(LiveRun &l, Api::StepRun &step, const QString &reason, const Api::Error &error)
{
    step.reason = reason;
    step.finishedMs = wallClockMs();
    setStepState(l, step, StepState::Failed, reason);
    Api::Error runError = error;
    runError.details.insert(u"step"_s, step.stepId);
    finishRun(l, RunState::Failed, u"step %1 failed: %2"_s.arg(step.stepId, reason), runError);
}

void WorkflowService::finishRun(LiveRun &l, RunState state, const QString &reason, std::optional<Api::Error> error)
{
    for (Api::StepRun &step : l.run.steps) {
        if (!isFinal(step.state)) {
            step.finishedMs = step.state == StepState::Pending ? 0 : wallClockMs();
            setStepState(l, step, StepState::Cancelled, reason);
        }
    }
    cancelTasks(l, reason);
    l.run.error = std::move(error);
    l.run.finishedMs = wallClockMs();
    setRunState(l, state, reason);
    // Once stored, reads go to the store and the run leaves memory (unless it was retried meanwhile).
    const Api::RunId id = l.run.id;
    m_context.storeWriter.whenDurable([this, id](Api::Result<void>) {
        if (LiveRun *done = live(id); done && Api::isTerminal(done->run.state))
            m_live.erase(id.value);
    });
}

void WorkflowService::cancelTasks(LiveRun &l, const QString &reason)
{
    for (const Api::StepRun &step : l.run.steps) {
        for (Api::TaskId id : step.taskIds)
            m_tasks.cancel(id, reason, [](Api::Result<Api::Task>) {}); // a finished task refuses: fine
    }
    l.progress.clear();
}

void WorkflowService::setStepState(LiveRun &l, Api::StepRun &step, StepState state, const QString &cause)
{
    step.state = state;
    m_context.events.publish(wallClockMs(),
                             Api::RunEvent {l.run.id, l.run.workflow.name, step.stepId, l.run.state, state, cause});
}

void WorkflowService::setRunState(LiveRun &l, RunState state, const QString &cause)
{
    l.run.state = state;
    l.run.stateReason = cause;
    m_context.events.publish(wallClockMs(),
                             Api::RunEvent {l.run.id, l.run.workflow.name, {}, state, StepState::Pending, cause});
}

void WorkflowService::save(const LiveRun &l)
{
    m_context.storeWriter.append(RunWrite {l.run});
}

void WorkflowService::answerWhenDurable(Reply<Api::Run> done, const Api::Run &run)
{
    m_context.storeWriter.whenDurable([done = std::move(done), run](Api::Result<void> written) {
        if (!written)
            return done(written.error());
        done(run);
    });
}

std::optional<QJsonValue> WorkflowService::resolve(const Api::Run &run, const QString &reference)
{
    const QStringList parts = reference.trimmed().split(u'.');
    if (parts.size() == 2 && parts[0] == "inputs"_L1 && run.inputs.contains(parts[1]))
        return run.inputs.value(parts[1]);
    if (parts.size() == 3 && parts[0] == "steps"_L1) {
        const Api::StepRun *step = run.step(parts[1]);
        if (!step || !isDone(step->state))
            return std::nullopt;
        if (parts[2] == "output"_L1)
            return step->output.isNull() ? QJsonValue(QString()) : step->output;
        if (parts[2] == "agreement"_L1)
            return step->agreement;
    }
    return std::nullopt;
}

} // namespace QwenSwarm::Engine
