#pragma once

#include <api/page.h>
#include <api/workflow.h>

#include <QHash>

#include <functional>
#include <map>
#include <unordered_map>

namespace QwenSwarm::Engine {

struct EngineContext;
class TaskService;

/// Runs workflows: each ready step becomes tasks submitted through TaskService (so the same
/// scheduler, limits and durability apply), an approval step waits for an operator, and the run's
/// whole state is written to the store at every change, so a restarted engine carries on where it
/// stopped. Engine thread only.
///
/// A step's tasks carry the idempotency key "wf:<run>:<step>:<generation>:<index>", which is how a
/// restart (or a retry of the same generation) finds the tasks it submitted before instead of
/// submitting them again, and how a finished task finds its step.
class WorkflowService
{
public:
    template<typename T>
    using Reply = std::function<void(Api::Result<T>)>;

    WorkflowService(EngineContext &context, TaskService &tasks);

    /// Takes the unfinished runs of the store and carries them on.
    void restore(const QList<Api::Run> &unfinished, const QHash<QString, Api::RunId> &idempotencyKeys,
                 quint64 maxRunId);
    /// Called by the scheduler for every task that reached a final state.
    void taskFinished(const Api::Task &task);

    /// Validates the workflow against the engine's swarms and strategies and the inputs against its
    /// declarations, then starts it. InvalidArgument naming the step and field of the first problem
    /// (details.problems lists them all). A known idempotency key answers its run.
    void start(const Api::RunSpec &spec, Reply<Api::Run> done);
    void run(Api::RunId id, Reply<Api::Run> done);
    void queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done);
    /// Pause (running or awaiting approval), resume (paused) or cancel (any unfinished run, with its
    /// tasks). InvalidState when the run's state does not allow the command.
    void command(Api::RunId id, Api::RunCommand command, const QString &reason, Reply<Api::Run> done);
    /// Runs a finished run again from `stepId`: that step and every step after it (and any step that
    /// did not finish) run again; the outputs of the others are reused.
    void retryFrom(Api::RunId id, const QString &stepId, Reply<Api::Run> done);
    /// Decides an approval step that waits. InvalidState if it does not wait.
    void approve(Api::RunId id, const QString &stepId, const Api::Approval &approval, Reply<Api::Run> done);

private:
    /// A step under way: how many tasks it has and which have finished (current generation only).
    struct Progress
    {
        int expected = -1; ///< -1 until its tasks are submitted.
        std::map<int, Api::Task> finished; ///< By index in the map.
    };

    struct LiveRun
    {
        Api::Run run;
        QHash<QString, Progress> progress; ///< By step id.
    };

    LiveRun *live(Api::RunId id);
    Api::Error notFound(Api::RunId id) const;
    /// Starts what is ready, and settles the run's state when nothing more can happen.
    void advance(LiveRun &live);
    void startStep(LiveRun &live, Api::StepRun &step);
    void submitTasks(LiveRun &live, Api::StepRun &step);
    /// Folds the step's finished tasks in; completes the step when all are there.
    void collect(LiveRun &live, const QString &stepId);
    void failStep(LiveRun &live, Api::StepRun &step, const QString &reason, const Api::Error &error);
    void finishRun(LiveRun &live, Api::RunState state, const QString &reason, std::optional<Api::Error> error = {});
    void cancelTasks(LiveRun &live, const QString &reason);
    void setStepState(LiveRun &live, Api::StepRun &step, Api::StepState state, const QString &cause);
    void setRunState(LiveRun &live, Api::RunState state, const QString &cause);
    /// Stores the run as it is now.
    void save(const LiveRun &live);
    void answerWhenDurable(Reply<Api::Run> done, const Api::Run &run);
    /// The value of a reference ("inputs.x", "steps.a.output", "steps.a.agreement"), or nothing.
    static std::optional<QJsonValue> resolve(const Api::Run &run, const QString &reference);

    EngineContext &m_context;
    TaskService &m_tasks;
    std::unordered_map<quint64, LiveRun> m_live; ///< Unfinished runs (and finished ones until stored).
    QHash<QString, Api::RunId> m_idempotencyKeys;
    quint64 m_lastRunId = 0;
};

} // namespace QwenSwarm::Engine
