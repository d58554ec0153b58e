#include "store/groupcommitstore.h"

#include <QThread>

namespace QwenSwarm::Engine {

GroupCommitStore::GroupCommitStore(std::unique_ptr<Store> inner)
    : m_inner(std::move(inner))
{ }

GroupCommitStore::~GroupCommitStore()
{
    commitPending();
}

void GroupCommitStore::write(std::vector<StoreWrite> writes, Reply<void> done)
{
    if (m_pending.empty())
        m_pending = std::move(writes);
    else
        m_pending.insert(m_pending.end(), std::make_move_iterator(writes.begin()),
                         std::make_move_iterator(writes.end()));
    if (done)
        m_waiting.push_back(std::move(done));
    scheduleCommit();
}

void GroupCommitStore::scheduleCommit()
{
    if (m_commitPosted)
        return;
    if (!m_context) {
        m_context = std::make_unique<QObject>();
        // A thread that ends (ThreadedStore's, on destruction) runs no more posted events: write
        // what is pending on the way out, still on that thread.
        QObject::connect(
            QThread::currentThread(), &QThread::finished, m_context.get(), [this] { commitPending(); },
            Qt::DirectConnection);
    }
    m_commitPosted = true;
    // Behind every call already queued on this thread: those batches join this commit.
    QMetaObject::invokeMethod(
        m_context.get(),
        [this] {
            m_commitPosted = false;
            commitPending();
        },
        Qt::QueuedConnection);
}

void GroupCommitStore::commitPending()
{
    if (m_pending.empty() && m_waiting.empty())
        return;
    std::vector<StoreWrite> batch;
    batch.swap(m_pending);
    std::vector<Reply<void>> waiting;
    waiting.swap(m_waiting);
    m_inner->write(std::move(batch), [waiting = std::move(waiting)](const Api::Result<void> &result) {
        for (const Reply<void> &done : waiting)
            done(result);
    });
}

void GroupCommitStore::load(Reply<StoreSnapshot> done)
{
    commitPending();
    m_inner->load(std::move(done));
}

void GroupCommitStore::task(Api::TaskId id, Reply<Api::Task> done)
{
    commitPending();
    m_inner->task(id, std::move(done));
}

void GroupCommitStore::queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done)
{
    commitPending();
    m_inner->queryTasks(query, std::move(done));
}

void GroupCommitStore::decision(Api::DecisionId id, Reply<Api::Decision> done)
{
    commitPending();
    m_inner->decision(id, std::move(done));
}

void GroupCommitStore::queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done)
{
    commitPending();
    m_inner->queryDecisions(query, std::move(done));
}

void GroupCommitStore::reputationHistory(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done)
{
    commitPending();
    m_inner->reputationHistory(query, std::move(done));
}

void GroupCommitStore::queryAudit(const Api::AuditQuery &query, Reply<Api::Page<Api::AuditEntry>> done)
{
    commitPending();
    m_inner->queryAudit(query, std::move(done));
}

void GroupCommitStore::run(Api::RunId id, Reply<Api::Run> done)
{
    commitPending();
    m_inner->run(id, std::move(done));
}

void GroupCommitStore::queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done)
{
    commitPending();
    m_inner->queryRuns(query, std::move(done));
}

void GroupCommitStore::metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done)
{
    commitPending();
    m_inner->metricsHistory(fromMs, toMs, std::move(done));
}

void GroupCommitStore::recordedCall(const QString &key, Reply<ProviderCallWrite> done)
{
    commitPending();
    m_inner->recordedCall(key, std::move(done));
}

void GroupCommitStore::putMemory(const Api::MemoryEntry &entry, const Api::MemoryBudget &budget, qint64 nowMs,
                                 Reply<Api::MemoryEntry> done)
{
    commitPending();
    m_inner->putMemory(entry, budget, nowMs, std::move(done));
}

void GroupCommitStore::importMemory(const QList<Api::MemoryEntry> &entries, Reply<void> done)
{
    commitPending();
    m_inner->importMemory(entries, std::move(done));
}

void GroupCommitStore::memoryEntry(Api::MemoryId id, Reply<Api::MemoryEntry> done)
{
    commitPending();
    m_inner->memoryEntry(id, std::move(done));
}

void GroupCommitStore::removeMemory(Api::MemoryId id, Reply<void> done)
{
    commitPending();
    m_inner->removeMemory(id, std::move(done));
}

void GroupCommitStore::touchMemory(const QList<Api::MemoryId> &ids, qint64 nowMs, Reply<void> done)
{
    commitPending();
    m_inner->touchMemory(ids, nowMs, std::move(done));
}

void GroupCommitStore::queryMemory(const Api::MemoryQuery &query, qint64 nowMs, Reply<Api::Page<Api::MemoryEntry>> done)
{
    commitPending();
    m_inner->queryMemory(query, nowMs, std::move(done));
}

} // namespace QwenSwarm::Engine
