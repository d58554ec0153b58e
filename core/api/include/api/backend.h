#pragma once

#include "api/audit.h"
#include "api/error.h"
#include "api/event.h"
#include "api/learning.h"
#include "api/memory.h"
#include "api/metrics.h"
#include "api/provider.h"
#include "api/query.h"
#include "api/swarm.h"
#include "api/workflow.h"

#include <QObject>

#include <functional>

namespace QwenSwarm::Api {

/// What a backend says about itself.
struct BackendInfo
{
    QString version;
    QString kind; ///< "in_process" or "remote".
    QString endpoint; ///< Where the core runs: "embedded" or a URL.
    QString store; ///< "memory", "sqlite", "postgres".
    QStringList providers; ///< Provider names agents may use.
    QStringList strategies; ///< Consensus strategy names tasks and swarms may use.

    bool operator==(const BackendInfo &) const = default;
};

/// The one seam between the console (or any client) and an orchestration core.
///
/// Threading and delivery: every call returns at once and answers exactly once, later, by invoking
/// `done` on the thread of `context` (never synchronously inside the call, in every implementation).
/// If `context` is destroyed first, the answer is dropped. Calls from one thread are served in order.
/// Events arrive through the signals below, on the thread the Backend object lives in.
///
/// Errors: every call answers a value or a typed Error. Invalid input (unknown ids, invalid states,
/// malformed specs, absurd limits) answers InvalidArgument, NotFound or InvalidState and changes nothing.
class Backend : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    explicit Backend(QObject *parent = nullptr)
        : QObject(parent)
    { }
    ~Backend() override = default;

    virtual void info(QObject *context, Callback<BackendInfo> done) = 0;

    // Swarms
    /// Creates the swarm and spawns its agents. AlreadyExists if the name is taken.
    virtual void createSwarm(const SwarmSpec &spec, QObject *context, Callback<Swarm> done) = 0;
    virtual void listSwarms(QObject *context, Callback<QList<Swarm>> done) = 0;
    virtual void swarm(SwarmId id, QObject *context, Callback<Swarm> done) = 0;
    /// Changes the topology and default strategy; the agents stay.
    virtual void updateSwarm(SwarmId id, Topology topology, const StrategySpec &defaultStrategy, QObject *context,
                             Callback<Swarm> done)
        = 0;
    /// Removes a swarm whose agents are all stopped and which has no unfinished task (InvalidState otherwise).
    virtual void removeSwarm(SwarmId id, QObject *context, Callback<void> done) = 0;

    // Agents
    virtual void spawnAgent(SwarmId swarm, const AgentSpec &spec, QObject *context, Callback<Agent> done) = 0;
    /// All agents, or those of one swarm when `swarm` is valid.
    virtual void listAgents(SwarmId swarm, QObject *context, Callback<QList<Agent>> done) = 0;
    virtual void agent(AgentId id, QObject *context, Callback<Agent> done) = 0;
    /// Applies a lifecycle command; InvalidState if the agent's state does not allow it.
    virtual void commandAgent(AgentId id, AgentCommand command, const QString &reason, QObject *context,
                              Callback<Agent> done)
        = 0;
    /// Removes a stopped agent.
    virtual void removeAgent(AgentId id, QObject *context, Callback<void> done) = 0;

    // Tasks
    /// Accepts a task (queued). A known idempotency key answers the existing task instead.
    virtual void submitTask(const TaskSpec &spec, QObject *context, Callback<Task> done) = 0;
    /// Accepts all specs or none: the first invalid spec rejects the batch (details name its index).
    virtual void submitTasks(const QList<TaskSpec> &specs, QObject *context, Callback<QList<Task>> done) = 0;
    /// Cancels a queued or running task, including its in-flight provider calls.
    virtual void cancelTask(TaskId id, const QString &reason, QObject *context, Callback<Task> done) = 0;
    /// Re-queues a failed, cancelled or timed-out task for one more attempt.
    virtual void retryTask(TaskId id, QObject *context, Callback<Task> done) = 0;
    virtual void task(TaskId id, QObject *context, Callback<Task> done) = 0;
    virtual void queryTasks(const TaskQuery &query, QObject *context, Callback<Page<Task>> done) = 0;

    // Decisions
    virtual void decision(DecisionId id, QObject *context, Callback<Decision> done) = 0;
    virtual void queryDecisions(const DecisionQuery &query, QObject *context, Callback<Page<Decision>> done) = 0;

    // Learning
    /// Records an operator's verdict on a decision; it outweighs (and can reverse) what the agents'
    /// agreement taught. A later verdict on the same decision replaces the earlier one. Answers the
    /// decision with its feedback. InvalidArgument for "correct" on a decision that decided nothing.
    virtual void giveFeedback(DecisionId id, const DecisionFeedback &feedback, QObject *context,
                              Callback<Decision> done)
        = 0;
    /// Current reputations (overall and per tag) of one agent, or of all when `agent` is invalid.
    virtual void reputations(AgentId agent, QObject *context, Callback<QList<Reputation>> done) = 0;
    /// How reputations changed over time, newest first.
    virtual void reputationHistory(const ReputationQuery &query, QObject *context, Callback<Page<ReputationPoint>> done)
        = 0;
    virtual void exportLearning(QObject *context, Callback<LearningState> done) = 0;
    /// Replaces what was learned for the agents the state names (unknown agents: NotFound, nothing changes).
    virtual void importLearning(const LearningState &state, QObject *context, Callback<void> done) = 0;

    // Memory
    /// A page of memory entries, newest first, filtered (MemoryQuery). InvalidArgument for a bad
    /// cursor or limit. A remote server answers it to viewers.
    virtual void queryMemory(const MemoryQuery &query, QObject *context, Callback<Page<MemoryEntry>> done) = 0;
    /// Writes a new entry for an agent or a swarm, its source the caller, then evicts what goes over
    /// the owner's budget (MemoryBudget's order). NotFound for an unknown owner, InvalidArgument for
    /// a spec that cannot be stored. Operators and admins only, remotely.
    virtual void putMemory(const MemorySpec &spec, QObject *context, Callback<MemoryEntry> done) = 0;
    /// Replaces an entry's kind, text, tags and TTL (counted from now); its owner stays. NotFound for
    /// an unknown id.
    virtual void updateMemory(MemoryId id, const MemorySpec &spec, QObject *context, Callback<MemoryEntry> done) = 0;
    /// Removes an entry. NotFound for an unknown id.
    virtual void removeMemory(MemoryId id, QObject *context, Callback<void> done) = 0;

    // Providers
    /// Every provider agents may name: where each one's configuration comes from, whether its key is
    /// there, its circuit breaker and how many agents call it.
    virtual void listProviders(QObject *context, Callback<QList<ProviderInfo>> done) = 0;
    /// Adds or replaces an operator provider, kept in the store. Agents' next calls use the new
    /// settings; calls under way finish on the old ones. InvalidArgument naming the bad member
    /// (providerSettingsProblem()); InvalidState for a built-in or file provider's name. Admins only,
    /// remotely.
    virtual void putProvider(const ProviderSettings &settings, QObject *context, Callback<ProviderInfo> done) = 0;
    /// Removes an operator provider no agent calls (InvalidState otherwise; NotFound for an unknown
    /// name). Admins only, remotely.
    virtual void removeProvider(const QString &name, QObject *context, Callback<void> done) = 0;
    /// Sends one tiny request, not recorded, without retries, and answers how it went: a failed call
    /// is a ProviderCheck with its error, not an error. `settings` are tried as given (before they are
    /// saved), except that the name of a built-in or file provider tries that provider as configured.
    /// Operators and admins, remotely.
    virtual void testProvider(const ProviderSettings &settings, QObject *context, Callback<ProviderCheck> done) = 0;

    // Workflows
    /// Starts a run of a workflow, validated against this backend's swarms and strategies and its
    /// inputs against the workflow's declarations: InvalidArgument naming the step and field of the
    /// first problem (details.problems lists them all). A known idempotency key answers its run.
    /// Operators and admins, remotely.
    virtual void startRun(const RunSpec &spec, QObject *context, Callback<Run> done) = 0;
    virtual void run(RunId id, QObject *context, Callback<Run> done) = 0;
    /// Runs newest first, filtered (RunQuery). InvalidArgument for a bad cursor or limit.
    virtual void queryRuns(const RunQuery &query, QObject *context, Callback<Page<Run>> done) = 0;
    /// Pauses, resumes or cancels a run; InvalidState when its state does not allow it. Operators and
    /// admins, remotely.
    virtual void commandRun(RunId id, RunCommand command, const QString &reason, QObject *context, Callback<Run> done)
        = 0;
    /// Runs a finished run again from `step` (that step, the steps after it and any that did not
    /// finish; the others' outputs are reused). InvalidState for an unfinished run, NotFound for an
    /// unknown step. Operators and admins, remotely.
    virtual void retryRun(RunId id, const QString &step, QObject *context, Callback<Run> done) = 0;
    /// Approves, edits or rejects what an approval step shows. InvalidState if the step does not
    /// wait. Operators and admins, remotely.
    virtual void approveStep(RunId id, const QString &step, const Approval &approval, QObject *context,
                             Callback<Run> done)
        = 0;

    // Events
    /// Starts a subscription; its events arrive through eventsReceived(). One whose context is
    /// destroyed before the answer is ended again: nobody could learn its id to read or end it.
    virtual void subscribe(const SubscriptionSpec &spec, QObject *context, Callback<Subscription> done) = 0;
    virtual void unsubscribe(SubscriptionId id, QObject *context, Callback<void> done) = 0;

    // Metrics
    virtual void metrics(QObject *context, Callback<MetricsSnapshot> done) = 0;
    /// The per-minute roll-ups (MetricsSnapshot::rolledUp(), timeMs on the minute) the core stored
    /// with times in [fromMs, toMs), oldest first; the core keeps eight days of them. InvalidArgument
    /// when fromMs > toMs or the range spans more than eight days.
    virtual void metricsHistory(qint64 fromMs, qint64 toMs, QObject *context, Callback<QList<MetricsSnapshot>> done)
        = 0;

    // Audit
    /// A page of the audit log, newest first (what a served backend recorded: logins, denials and
    /// state-changing calls). A remote server answers it to admins only. InvalidArgument for a bad
    /// cursor or limit.
    virtual void queryAudit(const AuditQuery &query, QObject *context, Callback<Page<AuditEntry>> done) = 0;

Q_SIGNALS:
    /// Events of a subscription, in seq order, batched.
    void eventsReceived(QwenSwarm::Api::SubscriptionId subscription, const QList<QwenSwarm::Api::Event> &events);
    /// Events firstSeq..lastSeq (inclusive) of a subscription were dropped: the client was too slow or
    /// asked to resume from events no longer retained. Reload what it shows, then carry on.
    void eventsDropped(QwenSwarm::Api::SubscriptionId subscription, quint64 firstSeq, quint64 lastSeq);
};

} // namespace QwenSwarm::Api
