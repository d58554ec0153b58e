#pragma once

#include "runtime/specvalidator.h"
#include "store/store.h"

#include <QHash>

namespace QwenSwarm::Engine {

struct EngineContext;
class Scheduler;

/// The task side of the Backend: acceptance (validated, idempotent, durable before it is answered),
/// cancellation, retry, and reads of tasks and decisions. Engine thread only.
class TaskService
{
public:
    template<typename T>
    using Reply = std::function<void(Api::Result<T>)>;

    TaskService(EngineContext &context, Scheduler &scheduler, const SpecValidator &validator);

    void reserveTaskIds(quint64 lastTaskId);
    /// Re-queues unfinished tasks found in the store at start.
    void restore(const QList<Api::Task> &unfinished, const QHash<QString, Api::TaskId> &idempotencyKeys);

    void submit(const QList<Api::TaskSpec> &specs, Reply<QList<Api::Task>> done);
    void cancel(Api::TaskId id, const QString &reason, Reply<Api::Task> done);
    void retry(Api::TaskId id, Reply<Api::Task> done);
    void task(Api::TaskId id, Reply<Api::Task> done);
    void queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done);
    void decision(Api::DecisionId id, Reply<Api::Decision> done);
    void queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done);

private:
    /// A submission, checked: new tasks (with ids) and tasks that already had their idempotency key.
    struct Batch
    {
        QList<Api::Task> tasks;
        QList<bool> fresh;
        std::size_t newCount = 0;
    };

    Api::Result<Batch> prepareBatch(const QList<Api::TaskSpec> &specs);
    /// Takes the ids and keys, and writes the new tasks.
    void commit(const Batch &batch);
    /// Gives the keys back after a failed write.
    void forget(const Batch &batch);
    /// Once durable: queues the new tasks and answers every task as it is now.
    void acceptAndAnswer(Batch batch, Reply<QList<Api::Task>> done);
    /// A checked spec made into a new task, or the task that already has its idempotency key.
    Api::Result<Api::Task> prepare(const Api::TaskSpec &spec, qint64 nowMs, bool &isNew);
    /// The current record of a task, live or stored.
    void current(Api::TaskId id, Reply<Api::Task> done);

    EngineContext &m_context;
    Scheduler &m_scheduler;
    const SpecValidator &m_validator;
    quint64 m_lastTaskId = 0;
    QHash<QString, Api::TaskId> m_idempotencyKeys;
    std::size_t m_accepting = 0; ///< Accepted, not yet durable.
};

} // namespace QwenSwarm::Engine
