#pragma once

#include "reports/reportsubject.h"

#include <api/agent.h>
#include <api/backend.h>
#include <api/decision.h>
#include <api/learning.h>
#include <api/task.h>
#include <api/workflow.h>

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace QwenSwarm::Ui {

/// An agent as a report names it: who it is and what it calls (never its parameters or prompt).
struct ReportAgent
{
    Api::AgentId id;
    Api::SwarmId swarmId;
    QString name;
    Api::AgentRole role = Api::AgentRole::Worker;
    QString provider;
    QString model;

    bool operator==(const ReportAgent &) const = default;
};

/// How an agent's overall reputation (the posterior mean) moved over the report's span.
struct ReportReputation
{
    Api::AgentId agentId;
    double before = 0.5; ///< Before the first change (Beta(1, 1) when nothing was learned yet).
    double after = 0.5; ///< After the last change.
    int changes = 0;

    bool operator==(const ReportReputation &) const = default;
};

/// Tokens and cost of the votes of one agent, or of every agent of one provider.
struct ReportUsage
{
    QString name; ///< The agent's or the provider's name.
    Api::AgentId agentId; ///< Invalid in a provider's row.
    QString provider;
    int votes = 0;
    int failedVotes = 0; ///< Not counted: abstained, malformed, timed out, failed or cancelled.
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double costUsd = 0;
    qint64 latencyMs = 0; ///< Summed over the votes.

    bool operator==(const ReportUsage &) const = default;
};

/// Something that went wrong or needed another try.
struct ReportProblem
{
    enum class Kind
    {
        Run, ///< The run failed or was cancelled.
        Step, ///< A step failed, was cancelled or skipped (with its reason).
        Task, ///< A task failed, was cancelled or timed out.
        Retry, ///< A task needed more than one attempt.
        Vote, ///< An agent's vote did not count (failed, timed out, malformed, ...).
    };

    Kind kind = Kind::Task;
    qint64 timeMs = 0;
    QString stepId;
    Api::TaskId taskId;
    Api::DecisionId decisionId;
    Api::AgentId agentId;
    int attempts = 0; ///< Of the task.
    QString status; ///< The state or vote status, as its wire name.
    QString message; ///< The backend's reason or error message.

    static QString kindName(Kind kind);
    bool operator==(const ReportProblem &) const = default;
};

/// One bar of the timeline: the run, a step or a task, from start to finish.
struct ReportSpan
{
    enum class Kind
    {
        Run,
        Step,
        Task,
    };

    Kind kind = Kind::Task;
    QString label;
    qint64 startMs = 0;
    qint64 endMs = 0; ///< 0 while unfinished.
    QString state; ///< Wire name of its state.

    static QString kindName(Kind kind);
    bool operator==(const ReportSpan &) const = default;
};

/// The report's figures at a glance.
struct ReportTotals
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int steps = 0;
    int tasks = 0;
    int succeededTasks = 0;
    int decisions = 0;
    int decided = 0;
    double meanAgreement = 0; ///< Over the decisions that decided.
    int votes = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double costUsd = 0; ///< The run's cost, or the tasks' (all attempts).
    int errors = 0; ///< Problems other than retries.
    int retries = 0; ///< Extra task attempts.

    bool operator==(const ReportTotals &) const = default;
};

/// Everything a report shows, gathered through an Api::Backend and independent of any file format.
/// A plain value: it crosses threads by copy. The first block is what was read; summarize() derives
/// the rest from it.
struct ReportData
{
    ReportSubject subject;
    qint64 generatedMs = 0;
    Api::BackendInfo source;

    // As read from the backend.
    std::optional<Api::Run> run;
    QList<Api::Task> tasks; ///< A run's in step order; otherwise oldest first.
    QList<Api::Decision> decisions; ///< Every attempt's, oldest first.
    QList<ReportAgent> agents; ///< The agents that voted, by name.
    QList<Api::ReputationPoint> reputationHistory; ///< Their overall reputation's changes, oldest first.
    QHash<Api::AgentId, Api::ReputationPoint> reputationBefore; ///< The last change before the span.
    bool truncated = false; ///< A period held more than the collector reads; the lists are its newest part.

    // Derived by summarize().
    QList<ReportReputation> reputation;
    QList<ReportUsage> usageByAgent; ///< Most costly first.
    QList<ReportUsage> usageByProvider; ///< Most costly first.
    QList<ReportProblem> problems; ///< In time order.
    QList<ReportSpan> timeline; ///< In start order (a run first, then its steps, each with its tasks).
    ReportTotals totals;

    const ReportAgent *agent(Api::AgentId id) const;
    /// The agent's name, or "#id" for an agent that no longer exists.
    QString agentName(Api::AgentId id) const;
    const Api::Task *task(Api::TaskId id) const;
    /// The step of a run a task belongs to; empty outside a run.
    QString stepOfTask(Api::TaskId id) const;

    bool operator==(const ReportData &) const = default;
};

/// Fills the derived members of `data` from what was read.
void summarize(ReportData &data);

} // namespace QwenSwarm::Ui
