#pragma once

#include <api/audit.h>
#include <api/memory.h>
#include <api/metrics.h>
#include <api/provider.h>
#include <api/query.h>
#include <api/swarm.h>
#include <api/workflow.h>

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>
#include <variant>
#include <vector>

namespace QwenSwarm::Engine {

struct SwarmWrite
{
    Api::Swarm swarm;
    bool remove = false;
};

struct AgentWrite
{
    Api::Agent agent;
    bool remove = false;
};

/// Insert a task, or replace all of it. Guarded like TaskProgress.
struct TaskWrite
{
    Api::Task task;
};

/// A task's state moved on: the fields that change while it runs. A task's result is written
/// exactly once: a write for a task the store holds as succeeded, or from an older attempt than the
/// one it holds, changes nothing.
struct TaskProgress
{
    Api::TaskId id;
    Api::TaskState state = Api::TaskState::Queued;
    int attempt = 0;
    QString stateReason;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    double costUsd = 0;
    std::optional<Api::TaskResult> result;
    std::optional<Api::Error> error;

    static TaskProgress of(const Api::Task &task)
    {
        return {task.id,         task.state,   task.attempt, task.stateReason, task.startedMs,
                task.finishedMs, task.costUsd, task.result,  task.error};
    }
};

struct DecisionWrite
{
    Api::Decision decision;
};

/// The current value of a reputation, with the history point that explains it (when the change is
/// worth a point: the engine decides which are).
struct ReputationWrite
{
    Api::Reputation reputation;
    std::optional<Api::ReputationPoint> point;
};

/// An operator's verdict on a decision; a later one replaces an earlier one.
struct FeedbackWrite
{
    Api::DecisionId decisionId;
    Api::DecisionFeedback feedback;
};

/// One model-provider call as recorded for replay: the request as sent (redacted of secrets: no key
/// headers, no key anywhere) and the response as received, both canonical JSON. `key` identifies the
/// request (a hash of the provider's name and the canonical request); a later write with the same key
/// replaces an earlier one.
struct ProviderCallWrite
{
    QString key;
    QString provider;
    QByteArray request; ///< Canonical JSON, redacted.
    QByteArray response; ///< Canonical JSON.
    qint64 recordedMs = 0;
};

/// One line of the audit log, appended (entries are never changed or removed).
struct AuditWrite
{
    Api::AuditEntry entry;
};

/// A provider an operator configured through the Backend (never a key: only where it comes from).
struct ProviderWrite
{
    Api::ProviderSettings settings;
    bool remove = false;
};

/// A workflow run as it is now: inserted, or replacing all of the stored one.
struct RunWrite
{
    Api::Run run;
};

/// The metrics roll-up of one minute (its timeMs on the minute; a later write of the same minute
/// replaces it). Roll-ups older than `keepFromMs` go.
struct MetricsRollupWrite
{
    Api::MetricsSnapshot rollup;
    qint64 keepFromMs = 0;
};

using StoreWrite
    = std::variant<SwarmWrite, AgentWrite, TaskWrite, TaskProgress, DecisionWrite, ReputationWrite, FeedbackWrite,
                   ProviderCallWrite, AuditWrite, ProviderWrite, RunWrite, MetricsRollupWrite>;

/// What an engine needs to resume: its configuration and unfinished work.
struct StoreSnapshot
{
    QList<Api::Swarm> swarms;
    QList<Api::Agent> agents;
    QList<Api::Task> unfinishedTasks;
    /// Every stored task's idempotency key (finished tasks too), so a key resubmitted after a
    /// restart answers its task instead of making a second one.
    QHash<QString, Api::TaskId> idempotencyKeys;
    QList<Api::Reputation> reputations;
    QList<Api::ProviderSettings> providers; ///< The operator's, by name.
    QList<Api::Run> unfinishedRuns; ///< Workflow runs not succeeded, failed or cancelled, by id.
    QHash<QString, Api::RunId> runIdempotencyKeys; ///< Every stored run's key (finished runs too).
    quint64 maxRunId = 0;
    quint64 maxTaskId = 0;
    quint64 maxDecisionId = 0;
    quint64 maxSwarmId = 0;
    quint64 maxAgentId = 0;
};

/// Durable state of an engine. Implementations: MemoryStore here; SQLite and PostgreSQL stores share
/// this shape (batched writes, paged queries).
///
/// Threading: called on the engine thread only; every callback runs on the engine thread, possibly
/// before the call returns (an in-memory store has nothing to wait for). Reads issued after a write
/// see that write.
class Store
{
public:
    template<typename T>
    using Reply = std::function<void(Api::Result<T>)>;

    virtual ~Store() = default;

    /// "memory", "sqlite", "postgres".
    virtual QString kind() const = 0;
    /// Called once by the engine with an object that lives on the engine thread; a store that
    /// answers from another thread posts its answers through it.
    virtual void attach(QObject *engineThreadObject) { Q_UNUSED(engineThreadObject); }
    /// Applies the writes in order, atomically; `done` runs once they are durable.
    virtual void write(std::vector<StoreWrite> writes, Reply<void> done) = 0;
    /// Whether a write is as durable queued in this process as applied: true only for a store whose
    /// durability is the process's memory. ThreadedStore then answers writes when it queues them.
    virtual bool durableWhenQueued() const { return false; }
    virtual void load(Reply<StoreSnapshot> done) = 0;
    /// NotFound for an unknown id.
    virtual void task(Api::TaskId id, Reply<Api::Task> done) = 0;
    /// Newest first. InvalidArgument for a bad cursor or limit.
    virtual void queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done) = 0;
    virtual void decision(Api::DecisionId id, Reply<Api::Decision> done) = 0;
    virtual void queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done) = 0;
    /// Newest first.
    virtual void reputationHistory(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done) = 0;
    /// A page of the audit log, newest first (in the order written). InvalidArgument for a bad cursor
    /// or limit. The default answers Unimplemented, for a store that keeps no audit log.
    virtual void queryAudit(const Api::AuditQuery &query, Reply<Api::Page<Api::AuditEntry>> done)
    {
        Q_UNUSED(query);
        done(Api::makeError(Api::ErrorCode::Unimplemented,
                            QStringLiteral("the %1 store keeps no audit log").arg(kind())));
    }
    /// NotFound for an unknown id.
    virtual void run(Api::RunId id, Reply<Api::Run> done) = 0;
    /// Newest first. InvalidArgument for a bad cursor or limit.
    virtual void queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done) = 0;
    /// The metrics roll-ups of [fromMs, toMs), oldest first. The default answers Unimplemented, for a
    /// store that keeps none.
    virtual void metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done)
    {
        Q_UNUSED(fromMs);
        Q_UNUSED(toMs);
        done(Api::makeError(Api::ErrorCode::Unimplemented,
                            QStringLiteral("the %1 store keeps no metrics history").arg(kind())));
    }
    /// The provider call recorded under `key` (see ProviderCallWrite); NotFound when none was. The
    /// default answers Unimplemented, for a store that keeps no recordings.
    virtual void recordedCall(const QString &key, Reply<ProviderCallWrite> done)
    {
        Q_UNUSED(key);
        done(Api::makeError(Api::ErrorCode::Unimplemented,
                            QStringLiteral("the %1 store keeps no recorded provider calls").arg(kind())));
    }

    // Memory (api/memory.h). Entries get their ids from the store; `nowMs` is the engine's clock.
    /// Writes `entry` (id 0: a new entry, whose id the store assigns; otherwise it replaces the stored
    /// entry of that id, NotFound if there is none), then evicts the owner's entries as MemoryBudget
    /// orders: every expired one, then the least recently used until the owner fits `budget`; never
    /// the owner's newest entry. All of it atomically. Answers the entry as stored.
    virtual void putMemory(const Api::MemoryEntry &entry, const Api::MemoryBudget &budget, qint64 nowMs,
                           Reply<Api::MemoryEntry> done)
    {
        Q_UNUSED(entry);
        Q_UNUSED(budget);
        Q_UNUSED(nowMs);
        done(noMemory());
    }
    /// Writes new entries as they are (their ids assigned in order, budgets not applied), as one
    /// transaction: for importing and restoring memory in bulk. InvalidArgument for an entry that
    /// has an id already, no owner or no text (and nothing is written).
    virtual void importMemory(const QList<Api::MemoryEntry> &entries, Reply<void> done)
    {
        Q_UNUSED(entries);
        done(noMemory());
    }
    /// NotFound for an unknown id.
    virtual void memoryEntry(Api::MemoryId id, Reply<Api::MemoryEntry> done)
    {
        Q_UNUSED(id);
        done(noMemory());
    }
    /// NotFound for an unknown id.
    virtual void removeMemory(Api::MemoryId id, Reply<void> done)
    {
        Q_UNUSED(id);
        done(noMemory());
    }
    /// Marks entries as used at `nowMs` (they were given to an agent); unknown ids are skipped.
    virtual void touchMemory(const QList<Api::MemoryId> &ids, qint64 nowMs, Reply<void> done)
    {
        Q_UNUSED(ids);
        Q_UNUSED(nowMs);
        if (done)
            done(noMemory());
    }
    /// Newest first; entries expired at `nowMs` only when the query asks for them. InvalidArgument
    /// for a bad cursor or limit.
    virtual void queryMemory(const Api::MemoryQuery &query, qint64 nowMs, Reply<Api::Page<Api::MemoryEntry>> done)
    {
        Q_UNUSED(query);
        Q_UNUSED(nowMs);
        done(noMemory());
    }

protected:
    Api::Error noMemory() const
    {
        return Api::makeError(Api::ErrorCode::Unimplemented,
                              QStringLiteral("the %1 store keeps no memory").arg(kind()));
    }
};

} // namespace QwenSwarm::Engine
