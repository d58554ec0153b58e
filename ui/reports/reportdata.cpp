#include "reports/reportdata.h"

#include <algorithm>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

namespace {

double meanOf(const Api::ReputationPoint &point)
{
    return point.alpha / (point.alpha + point.beta);
}

void addVote(ReportUsage &usage, const Api::Vote &vote)
{
    ++usage.votes;
    if (vote.status != Api::VoteStatus::Valid)
        ++usage.failedVotes;
    usage.promptTokens += vote.promptTokens;
    usage.completionTokens += vote.completionTokens;
    usage.costUsd += vote.costUsd;
    usage.latencyMs += vote.latencyMs;
}

QList<ReportUsage> sortedByCost(const QHash<QString, ReportUsage> &rows)
{
    QList<ReportUsage> list = rows.values();
    std::sort(list.begin(), list.end(), [](const ReportUsage &a, const ReportUsage &b) {
        return a.costUsd != b.costUsd ? a.costUsd > b.costUsd : a.name < b.name;
    });
    return list;
}

void summarizeUsage(ReportData &data)
{
    QHash<QString, ReportUsage> byAgent;
    QHash<QString, ReportUsage> byProvider;
    for (const Api::Decision &decision : std::as_const(data.decisions)) {
        for (const Api::Round &round : decision.rounds) {
            for (const Api::Vote &vote : round.votes) {
                const ReportAgent *agent = data.agent(vote.agentId);
                const QString provider = agent ? agent->provider : QString();
                ReportUsage &a = byAgent[vote.agentId.toString()];
                a.name = data.agentName(vote.agentId);
                a.agentId = vote.agentId;
                a.provider = provider;
                addVote(a, vote);
                ReportUsage &p = byProvider[provider];
                p.name = provider;
                p.provider = provider;
                addVote(p, vote);
            }
        }
    }
    data.usageByAgent = sortedByCost(byAgent);
    data.usageByProvider = sortedByCost(byProvider);
}

void summarizeReputation(ReportData &data)
{
    data.reputation.clear();
    for (const ReportAgent &agent : std::as_const(data.agents)) {
        ReportReputation change;
        change.agentId = agent.id;
        if (const auto before = data.reputationBefore.constFind(agent.id); before != data.reputationBefore.cend())
            change.before = meanOf(*before);
        change.after = change.before;
        for (const Api::ReputationPoint &point : std::as_const(data.reputationHistory)) {
            if (point.agentId != agent.id)
                continue;
            change.after = meanOf(point);
            ++change.changes;
        }
        data.reputation.append(change);
    }
}

void runProblems(const ReportData &data, QList<ReportProblem> &problems)
{
    const Api::Run &run = *data.run;
    if (run.state == Api::RunState::Failed || run.state == Api::RunState::Cancelled) {
        ReportProblem p;
        p.kind = ReportProblem::Kind::Run;
        p.timeMs = run.finishedMs;
        p.status = Api::enumName(run.state).toString();
        p.message = run.error ? run.error->message : run.stateReason;
        problems.append(p);
    }
    for (const Api::StepRun &step : run.steps) {
        if (step.state != Api::StepState::Failed && step.state != Api::StepState::Cancelled
            && step.state != Api::StepState::Skipped)
            continue;
        ReportProblem p;
        p.kind = ReportProblem::Kind::Step;
        p.timeMs = step.finishedMs != 0 ? step.finishedMs : step.startedMs;
        p.stepId = step.stepId;
        p.status = Api::enumName(step.state).toString();
        p.message = step.reason;
        problems.append(p);
    }
}

/// What the last attempt before the final one came to: its decision's explanation, when it reached one.
QString whyRetried(const ReportData &data, const Api::Task &task)
{
    QString why;
    for (const Api::Decision &decision : data.decisions) {
        if (decision.taskId == task.id && decision.attempt < task.attempt)
            why = u"attempt %1: %2"_s.arg(decision.attempt).arg(decision.explanation);
    }
    return why.isEmpty() ? task.stateReason : why;
}

void taskProblems(const ReportData &data, QList<ReportProblem> &problems)
{
    for (const Api::Task &task : data.tasks) {
        ReportProblem p;
        p.timeMs = task.finishedMs != 0 ? task.finishedMs : task.createdMs;
        p.stepId = data.stepOfTask(task.id);
        p.taskId = task.id;
        p.attempts = task.attempt;
        p.status = Api::enumName(task.state).toString();
        if (task.attempt > 1) {
            p.kind = ReportProblem::Kind::Retry;
            p.message = whyRetried(data, task);
            problems.append(p);
        }
        if (task.state == Api::TaskState::Failed || task.state == Api::TaskState::Cancelled
            || task.state == Api::TaskState::TimedOut) {
            p.kind = ReportProblem::Kind::Task;
            p.message = task.error ? task.error->message : task.stateReason;
            problems.append(p);
        }
    }
}

void voteProblems(const ReportData &data, QList<ReportProblem> &problems)
{
    for (const Api::Decision &decision : data.decisions) {
        for (const Api::Round &round : decision.rounds) {
            for (const Api::Vote &vote : round.votes) {
                if (vote.status == Api::VoteStatus::Valid)
                    continue;
                ReportProblem p;
                p.kind = ReportProblem::Kind::Vote;
                p.timeMs = decision.createdMs;
                p.stepId = data.stepOfTask(decision.taskId);
                p.taskId = decision.taskId;
                p.decisionId = decision.id;
                p.agentId = vote.agentId;
                p.status = Api::enumName(vote.status).toString();
                p.message = vote.rationale.isEmpty() ? vote.rawAnswer : vote.rationale;
                problems.append(p);
            }
        }
    }
}

void summarizeProblems(ReportData &data)
{
    QList<ReportProblem> problems;
    if (data.run)
        runProblems(data, problems);
    taskProblems(data, problems);
    voteProblems(data, problems);
    std::stable_sort(problems.begin(), problems.end(),
                     [](const ReportProblem &a, const ReportProblem &b) { return a.timeMs < b.timeMs; });
    data.problems = problems;
}

ReportSpan taskSpan(const ReportData &data, const Api::Task &task)
{
    const QString step = data.stepOfTask(task.id);
    return {
        ReportSpan::Kind::Task, step.isEmpty() ? u"#%1"_s.arg(task.id.value) : u"%1 #%2"_s.arg(step).arg(task.id.value),
        task.startedMs != 0 ? task.startedMs : task.createdMs, task.finishedMs, Api::enumName(task.state).toString()};
}

void summarizeTimeline(ReportData &data)
{
    data.timeline.clear();
    if (!data.run) {
        QList<Api::Task> tasks = data.tasks;
        std::stable_sort(tasks.begin(), tasks.end(),
                         [](const Api::Task &a, const Api::Task &b) { return a.createdMs < b.createdMs; });
        for (const Api::Task &task : std::as_const(tasks))
            data.timeline.append(taskSpan(data, task));
        return;
    }
    const Api::Run &run = *data.run;
    data.timeline.append(
        {ReportSpan::Kind::Run, run.workflow.name, run.createdMs, run.finishedMs, Api::enumName(run.state).toString()});
    for (const Api::StepRun &step : run.steps) {
        data.timeline.append({ReportSpan::Kind::Step, step.stepId, step.startedMs, step.finishedMs,
                              Api::enumName(step.state).toString()});
        for (const Api::TaskId id : step.taskIds) {
            if (const Api::Task *task = data.task(id))
                data.timeline.append(taskSpan(data, *task));
        }
    }
}

void spanOfSubject(ReportData &data, ReportTotals &t)
{
    if (data.run) {
        t.fromMs = data.run->createdMs;
        t.toMs = data.run->finishedMs;
        t.costUsd = data.run->costUsd;
        return;
    }
    for (const Api::Task &task : std::as_const(data.tasks))
        t.costUsd += task.costUsd;
    if (data.subject.kind == ReportSubject::Kind::Period) {
        t.fromMs = data.subject.fromMs;
        t.toMs = data.subject.toMs;
    } else if (!data.tasks.isEmpty()) {
        t.fromMs = data.tasks.constFirst().createdMs;
        t.toMs = data.tasks.constFirst().finishedMs;
    }
}

void summarizeTotals(ReportData &data)
{
    ReportTotals t;
    spanOfSubject(data, t);
    t.steps = data.run ? int(data.run->steps.size()) : 0;
    t.tasks = int(data.tasks.size());
    t.succeededTasks = int(std::count_if(data.tasks.cbegin(), data.tasks.cend(), [](const Api::Task &task) {
        return task.state == Api::TaskState::Succeeded;
    }));
    t.decisions = int(data.decisions.size());
    double agreement = 0;
    for (const Api::Decision &decision : std::as_const(data.decisions)) {
        if (decision.outcome == Api::DecisionOutcome::Decided) {
            ++t.decided;
            agreement += decision.agreement;
        }
    }
    t.meanAgreement = t.decided > 0 ? agreement / t.decided : 0;
    for (const ReportUsage &usage : std::as_const(data.usageByProvider)) {
        t.votes += usage.votes;
        t.promptTokens += usage.promptTokens;
        t.completionTokens += usage.completionTokens;
    }
    for (const ReportProblem &problem : std::as_const(data.problems)) {
        if (problem.kind == ReportProblem::Kind::Retry)
            t.retries += problem.attempts - 1;
        else if (problem.status != u"skipped"_s)
            ++t.errors;
    }
    data.totals = t;
}

} // namespace

QString ReportProblem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Run:
        return u"run"_s;
    case Kind::Step:
        return u"step"_s;
    case Kind::Task:
        return u"task"_s;
    case Kind::Retry:
        return u"retry"_s;
    case Kind::Vote:
        return u"vote"_s;
    }
    return {};
}

QString ReportSpan::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Run:
        return u"run"_s;
    case Kind::Step:
        return u"step"_s;
    case Kind::Task:
        return u"task"_s;
    }
    return {};
}

const ReportAgent *ReportData::agent(Api::AgentId id) const
{
    const auto it = std::find_if(agents.cbegin(), agents.cend(), [id](const ReportAgent &a) { return a.id == id; });
    return it != agents.cend() ? &*it : nullptr;
}

QString ReportData::agentName(Api::AgentId id) const
{
    const ReportAgent *a = agent(id);
    return a ? a->name : u"#%1"_s.arg(id.value);
}

const Api::Task *ReportData::task(Api::TaskId id) const
{
    const auto it = std::find_if(tasks.cbegin(), tasks.cend(), [id](const Api::Task &t) { return t.id == id; });
    return it != tasks.cend() ? &*it : nullptr;
}

QString ReportData::stepOfTask(Api::TaskId id) const
{
    if (!run)
        return {};
    for (const Api::StepRun &step : run->steps) {
        if (step.taskIds.contains(id))
            return step.stepId;
    }
    return {};
}

void summarize(ReportData &data)
{
    summarizeUsage(data);
    summarizeReputation(data);
    summarizeProblems(data);
    summarizeTimeline(data);
    summarizeTotals(data);
}

} // namespace QwenSwarm::Ui
