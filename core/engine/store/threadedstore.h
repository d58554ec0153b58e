#pragma once

#include "store/store.h"

#include <QPointer>

#include <memory>

class QThread;

namespace QwenSwarm::Engine {

/// Runs a store on a thread of its own, so that encoding and disk or network waits never hold the
/// engine thread. Calls are queued to the store thread in the order they are made (so reads see
/// earlier writes); answers come back, in order, to the thread of the object given to attach().
/// Destruction drains every queued call first: acknowledged writes are not dropped. Writes to a
/// store that is durableWhenQueued() are answered as soon as they are queued.
class ThreadedStore final : public Store
{
public:
    explicit ThreadedStore(std::unique_ptr<Store> inner);
    ~ThreadedStore() override;

    QString kind() const override { return m_kind; }
    void attach(QObject *engineThreadObject) override;
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

private:
    template<typename T>
    Reply<T> answerOnCaller(Reply<T> done);
    void onStoreThread(std::function<void(Store &)> call);

    std::shared_ptr<Store> m_inner;
    QString m_kind;
    bool m_durableWhenQueued;
    QThread *m_thread;
    QObject *m_worker; // lives on m_thread
    QPointer<QObject> m_caller;
};

} // namespace QwenSwarm::Engine
