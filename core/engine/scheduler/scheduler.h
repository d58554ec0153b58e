#pragma once

#include "agents/agentsupervisor.h"
#include "consensus/consensusstrategy.h"
#include "scheduler/taskrun.h"
#include "scheduler/timerqueue.h"

#include <map>
#include <memory>
#include <unordered_map>

namespace QwenSwarm::Engine {

struct EngineContext;

/// Runs accepted tasks to a final state. Ready tasks start in priority order (then earliest
/// deadline, then first come) while fewer than maxRunningTasks run; a task whose swarm has no agent
/// able to take work waits, parked, until one can; a failed attempt with attempts left waits out
/// its backoff; a deadline ends the task wherever it is. Every state change is stored, counted and
/// published. Engine thread only.
class Scheduler final
    : public TaskRun::Host
    , public AgentSupervisor::Listener
{
public:
    Scheduler(QObject *owner, EngineContext &context, AgentSupervisor &supervisor);
    ~Scheduler() override;

    /// Takes a task that is durably accepted (or restored from the store after a restart).
    void accept(Api::Task task, const QString &cause);
    /// The live record of an unfinished task, or null.
    const Api::Task *find(Api::TaskId id) const;
    std::size_t unfinishedCount() const { return m_tasks.size(); }
    int runningCount() const { return m_running; }
    bool hasUnfinishedTasks(Api::SwarmId swarm) const;

    /// Cancels an unfinished task (NotFound if it is not unfinished here).
    Api::Result<Api::Task> cancel(Api::TaskId id, const QString &reason);
    /// Queues a failed, cancelled or timed-out task again for one more attempt.
    Api::Task requeue(Api::Task task, const QString &cause);

    void reserveDecisionIds(quint64 lastDecisionId);
    /// Called with every task that reaches a final state, after the scheduler let go of it.
    void setFinishObserver(std::function<void(const Api::Task &)> observer) { m_finishObserver = std::move(observer); }
    /// Destroys runs that have ended. Call from the end of an event-loop turn, never from a callback.
    void releaseFinishedRuns() { m_finishedRuns.clear(); }

    void roundFinished(TaskRun &run) override;
    void agentWithdrawn(AgentRuntime &agent, bool cancelInFlight, const QString &cause) override;
    void agentAvailable(SwarmRuntime &swarm) override;

private:
    enum class Place
    {
        Ready,
        Backoff,
        Parked,
        Running,
    };

    struct Entry
    {
        Api::Task task;
        SchedulingKey key;
        Place place = Place::Ready;
        std::unique_ptr<TaskRun> run;
    };

    struct BackoffTimer
    {
        Api::TaskId id;
        int attempt = 0;
    };

    Entry *entry(Api::TaskId id);
    void makeReady(Entry &e);
    void leavePlace(Entry &e);
    void pump();
    void startAttempt(Entry &e);
    /// Starts the run of an attempt with its agents (given their memory as context, when they want it).
    void launch(Entry &e, const std::vector<AgentRuntime *> &agents, QHash<quint64, QString> memory);
    std::vector<AgentRuntime *> selectAgents(const Api::Task &task, SwarmRuntime &swarm) const;
    /// Ends the attempt with the strategy's verdict.
    void settle(Entry &e, const Verdict &verdict);
    std::vector<AgentRuntime *> route(const Api::Task &task, std::vector<AgentRuntime *> qualified) const;
    Api::Decision recordDecision(Entry &e, const Verdict &verdict);
    void attemptFailed(Entry &e, const Api::Error &error);
    void stopRun(Entry &e, Api::VoteStatus status, const QString &why);
    /// Ends the task (the entry is destroyed); the final record is copied to `final` if given.
    void finish(Entry &e, Api::TaskState state, const QString &cause, Api::Task *final = nullptr);
    /// Moves the task on: gauges, event, and (unless `persist` is false, for states that last no
    /// longer than one call) a store write.
    void transition(Api::Task &task, Api::TaskState to, const QString &cause, bool persist = true);
    void deadlinePassed(Api::TaskId id);
    void backoffOver(const BackoffTimer &timer);
    void scheduleDeadline(const Api::Task &task);
    void updateQueueDepth();

    EngineContext &m_context;
    AgentSupervisor &m_supervisor;
    std::unordered_map<quint64, std::unique_ptr<Entry>> m_tasks;
    std::map<SchedulingKey, Entry *> m_ready;
    std::unordered_map<quint64, std::vector<Entry *>> m_parked; // by swarm id
    std::size_t m_parkedCount = 0;
    std::size_t m_backoffCount = 0;
    TimerQueue<BackoffTimer> m_backoffTimers;
    TimerQueue<Api::TaskId> m_deadlineTimers;
    // Runs that reported their end: destroyed later, never inside their own callbacks.
    std::vector<std::unique_ptr<TaskRun>> m_finishedRuns;
    std::function<void(const Api::Task &)> m_finishObserver;
    int m_running = 0;
    bool m_pumping = false;
    quint64 m_lastDecisionId = 0;
};

} // namespace QwenSwarm::Engine
