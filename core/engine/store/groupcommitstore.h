#pragma once

#include "store/store.h"

#include <memory>

namespace QwenSwarm::Engine {

/// Group commit on the store's own thread, for a store that pays a sync per write() (SqliteStore):
/// batches that queued up behind each other (while the previous commit waited for the disk) go to
/// the inner store as one write(), so they share one transaction and one sync. The engine's
/// StoreWriter already makes one batch per event-loop turn; this merges the turns that happened
/// during one sync. Use it inside a ThreadedStore: ThreadedStore(GroupCommitStore(SqliteStore)).
///
/// Semantics are the inner store's: batches apply in order; a read first writes what is pending, so
/// it sees every earlier write; each `done` runs once its batch is durable. A merged write is atomic
/// as a whole, so when it fails every batch in it gets the error.
///
/// Threading: every call on one thread, which runs an event loop (the pending batches are written
/// from an event posted to it) or finishes (they are written when it does); the destructor writes
/// what is still pending.
class GroupCommitStore final : public Store
{
public:
    explicit GroupCommitStore(std::unique_ptr<Store> inner);
    ~GroupCommitStore() override;

    QString kind() const override { return m_inner->kind(); }
    void attach(QObject *engineThreadObject) override { m_inner->attach(engineThreadObject); }
    bool durableWhenQueued() const override { return m_inner->durableWhenQueued(); }
    void write(std::vector<StoreWrite> writes, Reply<void> done) override;
    void load(Reply<StoreSnapshot> done) override;
    void task(Api::TaskId id, Reply<Api::Task> done) override;
    void queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done) override;
    void decision(Api::DecisionId id, Reply<Api::Decision> done) override;
    void queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done) override;
    void reputationHistory(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done) override;
    void recordedCall(const QString &key, Reply<ProviderCallWrite> done) override;
    void queryAudit(const Api::AuditQuery &query, Reply<Api::Page<Api::AuditEntry>> done) override;
    void run(Api::RunId id, Reply<Api::Run> done) override;
    void queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done) override;
    void metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done) override;
    void putMemory(const Api::MemoryEntry &entry, const Api::MemoryBudget &budget, qint64 nowMs,
                   Reply<Api::MemoryEntry> done) override;
    void importMemory(const QList<Api::MemoryEntry> &entries, Reply<void> done) override;
    void memoryEntry(Api::MemoryId id, Reply<Api::MemoryEntry> done) override;
    void removeMemory(Api::MemoryId id, Reply<void> done) override;
    void touchMemory(const QList<Api::MemoryId> &ids, qint64 nowMs, Reply<void> done) override;
    void queryMemory(const Api::MemoryQuery &query, qint64 nowMs, Reply<Api::Page<Api::MemoryEntry>> done) override;

    /// Writes what is pending now (reads do so themselves).
    void commitPending();

private:
    void scheduleCommit();

    std::unique_ptr<Store> m_inner;
    std::vector<StoreWrite> m_pending;
    std::vector<Reply<void>> m_waiting;
    std::unique_ptr<QObject> m_context; // on the calling thread: receives the posted commit
    bool m_commitPosted = false;
};

} // namespace QwenSwarm::Engine
