#pragma once

#include "store/memorytable.h"
#include "store/store.h"

#include <QHash>
#include <QMap>

#include <deque>
#include <map>

namespace QwenSwarm::Engine {

/// Everything in memory, for tests, benchmarks and throw-away runs. Answers synchronously.
/// Records are kept compact, as a real store keeps rows: what queries filter on stays unpacked, the
/// rest (a task's spec and outcome, a decision's trail) is encoded with RecordCodec.
class MemoryStore final : public Store
{
public:
    QString kind() const override { return QStringLiteral("memory"); }
    bool durableWhenQueued() const override { return true; }
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
    struct StoredTask
    {
        Api::TaskId id;
        Api::SwarmId swarmId;
        Api::TaskState state = Api::TaskState::Queued;
        int attempt = 0;
        qint64 createdMs = 0;
        qint64 startedMs = 0;
        qint64 finishedMs = 0;
        qint64 effectiveDeadlineMs = 0;
        double costUsd = 0;
        QString stateReason;
        QString strategy;
        QByteArray spec; ///< RecordCodec
        QByteArray outcome; ///< RecordCodec
    };

    struct StoredDecision
    {
        Api::DecisionId id;
        Api::TaskId taskId;
        Api::SwarmId swarmId;
        Api::DecisionOutcome outcome = Api::DecisionOutcome::NoDecision;
        double agreement = 0;
        qint64 createdMs = 0;
        QString strategy;
        QByteArray trail; ///< RecordCodec
    };

    void apply(SwarmWrite &&w);
    void apply(ProviderWrite &&w);
    void apply(AgentWrite &&w);
    void apply(TaskWrite &&w);
    void apply(TaskProgress &&w);
    void apply(DecisionWrite &&w);
    void apply(ReputationWrite &&w);
    void apply(FeedbackWrite &&w);
    void apply(ProviderCallWrite &&w);
    void apply(AuditWrite &&w);
    void apply(RunWrite &&w);
    void apply(MetricsRollupWrite &&w);
    Api::Decision unpacked(const StoredDecision &stored) const;
    static StoredTask stored(const Api::Task &task);
    static Api::Task unpacked(const StoredTask &stored);

    QHash<Api::SwarmId, Api::Swarm> m_swarms;
    QMap<QString, Api::ProviderSettings> m_providers;
    QHash<Api::AgentId, Api::Agent> m_agents;
    // Sorted by id; ids grow, so writes of new records append. Deques grow without copying or
    // leaving half of their capacity unused.
    std::deque<StoredTask> m_tasks;
    std::deque<StoredDecision> m_decisions;
    QHash<Api::DecisionId, Api::DecisionFeedback> m_feedback;
    QHash<std::pair<quint64, QString>, Api::Reputation> m_reputations; // by (agent, tag)
    struct StoredPoint
    {
        Api::ReputationPoint point;
        Api::Id<struct PointTag> id; ///< Position in the history, for paging.
    };
    std::deque<StoredPoint> m_points;
    QHash<QString, ProviderCallWrite> m_providerCalls; // by key
    MemoryTable m_memory;
    struct StoredAudit
    {
        Api::AuditEntry entry;
        Api::Id<struct AuditTag> id; ///< Position in the log, for paging.
    };
    std::deque<StoredAudit> m_audit;
    std::deque<Api::Run> m_runs; // by id
    std::map<qint64, Api::MetricsSnapshot> m_rollups; // by minute
};

} // namespace QwenSwarm::Engine
