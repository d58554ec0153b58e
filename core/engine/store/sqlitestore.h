#pragma once

#include "store/store.h"

#include <memory>

namespace QwenSwarm::Engine {

class SqliteDatabase;
class SqliteStatement;

/// The embedded durable store: everything in one SQLite database file (tables and migrations:
/// sqliteschema.h). Synchronous: every call answers before it returns, so the composition root
/// wraps it in a ThreadedStore and the engine thread never waits for the disk.
///
/// Durability: an acknowledged write survives a crash of the process and a loss of power.
/// - WAL journal, synchronous=FULL: a commit returns once its WAL frames are synced (one fsync per
///   commit); readers never block the writer.
/// - Each write() is one transaction, so a batch is atomic and the engine's group commit (one
///   write() per event-loop turn, StoreWriter) pays one fsync for all of its writes;
///   GroupCommitStore merges the batches that queue up while a commit syncs. Writes of a batch that
///   a later write of the same task, swarm or agent in it makes moot are skipped (how and why:
///   sqlitestore.cpp), so a task carried through several states in one batch is written once.
/// - locking_mode=EXCLUSIVE: this connection holds the file from open() to destruction. The engine
///   hands out ids from memory, so two processes writing one file would collide; a second open()
///   of a file in use waits busy_timeout (Options::busyTimeoutMs), then fails with Unavailable.
///   (It also spares the shared-memory index and its locks per transaction.)
/// - foreign_keys=ON: votes belong to their decision. Other references (tasks to swarms, history to
///   agents) are not enforced: history outlives what it refers to.
///
/// Semantics are MemoryStore's: guarded task writes (store.h; a task is one row, so it has one final
/// result), immutable decisions, newest-first paging with PageCursor, the filters of queryfilter.h
/// (the text search runs taskSpecContains() itself, as an SQL function). One difference: load()'s
/// maxSwarmId and maxAgentId count removed swarms and agents too, so their ids are never reused.
///
/// Errors name the file: Unavailable (retriable) for a busy, read-only or unreachable file,
/// ResourceExhausted for a full disk, InvalidState when open() refuses a file (details.reason
/// "not_a_database", "foreign_database" or "newer_schema"; the file is left untouched), Internal
/// for a row that cannot be read.
class SqliteStore final : public Store
{
public:
    struct Options
    {
        int busyTimeoutMs = 5000; ///< How long open() waits for a file another connection holds.
    };

    /// Opens (or creates) the database at `path` and migrates it to the latest schema.
    static Api::Result<std::unique_ptr<SqliteStore>> open(const QString &path, Options options);
    static Api::Result<std::unique_ptr<SqliteStore>> open(const QString &path) { return open(path, Options {}); }
    /// The name of the database file in a program's data folder.
    static QString defaultFileName() { return QStringLiteral("qwen-swarm.sqlite3"); }

    ~SqliteStore() override;

    /// The database file.
    QString path() const;

    QString kind() const override { return QStringLiteral("sqlite"); }
    void write(std::vector<StoreWrite> writes, Reply<void> done) override;
    void load(Reply<StoreSnapshot> done) override;
    void task(Api::TaskId id, Reply<Api::Task> done) override;
    void queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done) override;
    void decision(Api::DecisionId id, Reply<Api::Decision> done) override;
    void queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done) override;
    void reputationHistory(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done) override;
    void recordedCall(const QString &key, Reply<ProviderCallWrite> done) override;
    void putMemory(const Api::MemoryEntry &entry, const Api::MemoryBudget &budget, qint64 nowMs,
                   Reply<Api::MemoryEntry> done) override;
    void importMemory(const QList<Api::MemoryEntry> &entries, Reply<void> done) override;
    void memoryEntry(Api::MemoryId id, Reply<Api::MemoryEntry> done) override;
    void removeMemory(Api::MemoryId id, Reply<void> done) override;
    void touchMemory(const QList<Api::MemoryId> &ids, qint64 nowMs, Reply<void> done) override;
    void queryMemory(const Api::MemoryQuery &query, qint64 nowMs, Reply<Api::Page<Api::MemoryEntry>> done) override;
    void queryAudit(const Api::AuditQuery &query, Reply<Api::Page<Api::AuditEntry>> done) override;
    void run(Api::RunId id, Reply<Api::Run> done) override;
    void queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done) override;
    void metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done) override;

private:
    explicit SqliteStore(std::unique_ptr<SqliteDatabase> db);

    Api::Result<void> apply(const StoreWrite &write);
    Api::Result<void> apply(const SwarmWrite &w);
    Api::Result<void> apply(const ProviderWrite &w);
    Api::Result<void> apply(const AgentWrite &w);
    Api::Result<void> apply(const TaskWrite &w);
    Api::Result<void> apply(const TaskProgress &w);
    Api::Result<void> apply(const DecisionWrite &w);
    Api::Result<void> apply(const ReputationWrite &w);
    Api::Result<void> apply(const FeedbackWrite &w);
    Api::Result<void> apply(const ProviderCallWrite &w);
    Api::Result<void> apply(const AuditWrite &w);
    Api::Result<void> apply(const RunWrite &w);
    Api::Result<void> apply(const MetricsRollupWrite &w);
    Api::Result<StoreSnapshot> snapshot();
    Api::Result<Api::Page<Api::Task>> tasks(const Api::TaskQuery &query);
    Api::Result<Api::Page<Api::Decision>> decisions(const Api::DecisionQuery &query);
    Api::Result<Api::Page<Api::ReputationPoint>> points(const Api::ReputationQuery &query);

    std::unique_ptr<SqliteDatabase> m_db;
    // The statements of the hot path, prepared once.
    SqliteStatement *m_upsertTask = nullptr;
    SqliteStatement *m_taskProgress = nullptr;
};

} // namespace QwenSwarm::Engine
