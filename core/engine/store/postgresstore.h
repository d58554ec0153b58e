#pragma once

#include "store/store.h"

#include <memory>

namespace QwenSwarm::Engine {

class PostgresBatch;
class PostgresConnection;

/// The server store: everything in one PostgreSQL database, through libpqxx (tables and migrations:
/// postgresschema.h). Synchronous: every call answers before it returns, so the composition root
/// wraps it in ThreadedStore(GroupCommitStore(PostgresStore)) and the engine thread never waits for
/// the network; the store thread owns the one connection.
///
/// Durability: an acknowledged write is committed, and a commit returns once the server has flushed
/// it (synchronous_commit on: the store raises it for its session when the server has it off).
/// - Each write() is one transaction, so a batch is atomic, and GroupCommitStore merges the batches
///   that queue up while a commit waits into one transaction.
/// - A batch costs a few round trips whatever its size: each table's rows go in one prepared
///   statement, a column per array parameter (PostgresBatch: how the writes of one batch are
///   grouped with exactly the effect of applying them in order).
/// - The session holds an advisory lock on the database from open() to destruction: the engine
///   hands out ids from memory, so two stores writing one database would collide; a second open()
///   waits Options::lockTimeoutMs, then fails with Unavailable (details.reason "in_use").
///
/// Semantics are MemoryStore's and SqliteStore's: guarded task writes (store.h; a task is one row,
/// so it has one final result), immutable decisions, newest-first paging with PageCursor, the
/// filters of queryfilter.h (the text search runs taskSpecContains() on the rows, so every store
/// finds the same tasks), and load()'s maxSwarmId and maxAgentId count removed swarms and agents.
///
/// Connection loss: the call that finds the connection broken fails with Unavailable (retriable;
/// its transaction is rolled back by the server, or, for a commit that was under way, its outcome is
/// unknown: details.reason "commit_in_doubt", and retrying it is safe since the writes are guarded,
/// immutable or idempotent); the next call connects again.
///
/// Errors name the server and database (host, port, database; never the password, which appears in
/// no message): Unavailable when the server cannot be reached or the database is in use,
/// ResourceExhausted for a full disk, InvalidState when open() refuses a database (details.reason
/// "foreign_database" or "newer_schema"; the database is left untouched), InvalidArgument for a URL
/// that is not one, Internal for a row that cannot be read.
class PostgresStore final : public Store
{
public:
    struct Options
    {
        int lockTimeoutMs = 5000; ///< How long open() waits for a database another store holds.
    };

    /// Connects to the database at `url` (postgresql://user:password@host:port/database, or libpq's
    /// "key=value" form) and migrates it to the latest schema.
    static Api::Result<std::unique_ptr<PostgresStore>> open(const QString &url, Options options);
    static Api::Result<std::unique_ptr<PostgresStore>> open(const QString &url) { return open(url, Options {}); }

    ~PostgresStore() override;

    /// Where the store connects, as "host:port/database" (never the password).
    QString target() const;
    /// The server process of the store's session; 0 while it is not connected.
    int backendPid() const;

    QString kind() const override { return QStringLiteral("postgres"); }
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
    explicit PostgresStore(std::unique_ptr<PostgresConnection> connection);

    Api::Result<StoreSnapshot> snapshot();
    Api::Result<Api::Page<Api::Task>> tasks(const Api::TaskQuery &query);
    Api::Result<Api::Page<Api::Decision>> decisions(const Api::DecisionQuery &query);
    Api::Result<Api::Page<Api::ReputationPoint>> points(const Api::ReputationQuery &query);

    std::unique_ptr<PostgresConnection> m_connection;
};

} // namespace QwenSwarm::Engine
