#include "store/threadedstore.h"

#include <QThread>

namespace QwenSwarm::Engine {

ThreadedStore::ThreadedStore(std::unique_ptr<Store> inner)
    : m_inner(std::move(inner))
    , m_kind(m_inner->kind())
    , m_durableWhenQueued(m_inner->durableWhenQueued())
    , m_thread(new QThread)
    , m_worker(new QObject)
{
    m_thread->setObjectName(QStringLiteral("qwen-swarm-store"));
    m_worker->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

ThreadedStore::~ThreadedStore()
{
    // Queued after every earlier call, so those run first.
    QMetaObject::invokeMethod(
        m_worker, [thread = m_thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_thread;
}

void ThreadedStore::attach(QObject *engineThreadObject)
{
    m_caller = engineThreadObject;
}

void ThreadedStore::onStoreThread(std::function<void(Store &)> call)
{
    QMetaObject::invokeMethod(
        m_worker, [inner = m_inner, call = std::move(call)] { call(*inner); }, Qt::QueuedConnection);
}

template<typename T>
Store::Reply<T> ThreadedStore::answerOnCaller(Reply<T> done)
{
    // The caller object outlives this store (the engine owns both), so it is safe to post to it from
    // the store thread; the QPointer is read on the engine thread only.
    QObject *caller = m_caller.data();
    Q_ASSERT_X(caller, "ThreadedStore", "attach() must be called before use");
    return [caller, done = std::move(done)](Api::Result<T> result) {
        QMetaObject::invokeMethod(
            caller, [done, result = std::move(result)]() mutable { done(std::move(result)); }, Qt::QueuedConnection);
    };
}

void ThreadedStore::write(std::vector<StoreWrite> writes, Reply<void> done)
{
    auto shared = std::make_shared<std::vector<StoreWrite>>(std::move(writes));
    if (m_durableWhenQueued) {
        // Queued in this process is where such a store keeps its data anyway; reads queue behind it.
        onStoreThread([shared](Store &store) { store.write(std::move(*shared), {}); });
        if (done)
            done({});
        return;
    }
    onStoreThread([shared, done = done ? answerOnCaller(std::move(done)) : Reply<void>()](Store &store) {
        store.write(std::move(*shared), done);
    });
}

void ThreadedStore::load(Reply<StoreSnapshot> done)
{
    onStoreThread([done = answerOnCaller(std::move(done))](Store &store) { store.load(done); });
}

void ThreadedStore::task(Api::TaskId id, Reply<Api::Task> done)
{
    onStoreThread([id, done = answerOnCaller(std::move(done))](Store &store) { store.task(id, done); });
}

void ThreadedStore::queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done)
{
    onStoreThread([query, done = answerOnCaller(std::move(done))](Store &store) { store.queryTasks(query, done); });
}

void ThreadedStore::decision(Api::DecisionId id, Reply<Api::Decision> done)
{
    onStoreThread([id, done = answerOnCaller(std::move(done))](Store &store) { store.decision(id, done); });
}

void ThreadedStore::queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done)
{
    onStoreThread([query, done = answerOnCaller(std::move(done))](Store &store) { store.queryDecisions(query, done); });
}

void ThreadedStore::reputationHistory(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done)
{
    onStoreThread(
        [query, done = answerOnCaller(std::move(done))](Store &store) { store.reputationHistory(query, done); });
}

void ThreadedStore::queryAudit(const Api::AuditQuery &query, Reply<Api::Page<Api::AuditEntry>> done)
{
    onStoreThread([query, done = answerOnCaller(std::move(done))](Store &store) { store.queryAudit(query, done); });
}

void ThreadedStore::run(Api::RunId id, Reply<Api::Run> done)
{
    onStoreThread([id, done = answerOnCaller(std::move(done))](Store &store) { store.run(id, done); });
}

void ThreadedStore::queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done)
{
    onStoreThread([query, done = answerOnCaller(std::move(done))](Store &store) { store.queryRuns(query, done); });
}

void ThreadedStore::metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done)
{
    onStoreThread([fromMs, toMs, done = answerOnCaller(std::move(done))](Store &store) {
        store.metricsHistory(fromMs, toMs, done);
    });
}

void ThreadedStore::recordedCall(const QString &key, Reply<ProviderCallWrite> done)
{
    onStoreThread([key, done = answerOnCaller(std::move(done))](Store &store) { store.recordedCall(key, done); });
}

void ThreadedStore::putMemory(const Api::MemoryEntry &entry, const Api::MemoryBudget &budget, qint64 nowMs,
                              Reply<Api::MemoryEntry> done)
{
    onStoreThread([entry, budget, nowMs, done = answerOnCaller(std::move(done))](Store &store) {
        store.putMemory(entry, budget, nowMs, done);
    });
}

void ThreadedStore::importMemory(const QList<Api::MemoryEntry> &entries, Reply<void> done)
{
    onStoreThread(
        [entries, done = answerOnCaller(std::move(done))](Store &store) { store.importMemory(entries, done); });
}

void ThreadedStore::memoryEntry(Api::MemoryId id, Reply<Api::MemoryEntry> done)
{
    onStoreThread([id, done = answerOnCaller(std::move(done))](Store &store) { store.memoryEntry(id, done); });
}

void ThreadedStore::removeMemory(Api::MemoryId id, Reply<void> done)
{
    onStoreThread([id, done = answerOnCaller(std::move(done))](Store &store) { store.removeMemory(id, done); });
}

void ThreadedStore::touchMemory(const QList<Api::MemoryId> &ids, qint64 nowMs, Reply<void> done)
{
    onStoreThread([ids, nowMs, done = done ? answerOnCaller(std::move(done)) : Reply<void>()](Store &store) {
        store.touchMemory(ids, nowMs, done);
    });
}

void ThreadedStore::queryMemory(const Api::MemoryQuery &query, qint64 nowMs, Reply<Api::Page<Api::MemoryEntry>> done)
{
    onStoreThread([query, nowMs, done = answerOnCaller(std::move(done))](Store &store) {
        store.queryMemory(query, nowMs, done);
    });
}

} // namespace QwenSwarm::Engine
