#include "runtime/taskservice.h"

#include "consensus/strategyregistry.h"
#include "runtime/clock.h"
#include "runtime/enginecontext.h"
#include "scheduler/scheduler.h"

namespace QwenSwarm::Engine {

using Api::ErrorCode;
using Api::TaskState;

namespace {

Api::Error withIndex(Api::Error error, qsizetype index)
{
    error.message = QStringLiteral("tasks[%1].").arg(index) + error.message;
    error.details.insert(QStringLiteral("index"), static_cast<qint64>(index));
    return error;
}

} // namespace

TaskService::TaskService(EngineContext &context, Scheduler &scheduler, const SpecValidator &validator)
    : m_context(context)
    , m_scheduler(scheduler)
    , m_validator(validator)
{ }

void TaskService::reserveTaskIds(quint64 lastTaskId)
{
    m_lastTaskId = std::max(m_lastTaskId, lastTaskId);
}

void TaskService::restore(const QList<Api::Task> &unfinished, const QHash<QString, Api::TaskId> &idempotencyKeys)
{
    m_idempotencyKeys = idempotencyKeys;
    for (const Api::Task &task : unfinished)
        m_scheduler.accept(task, QStringLiteral("re-queued after restart"));
}

Api::Result<Api::Task> TaskService::prepare(const Api::TaskSpec &spec, qint64 nowMs, bool &isNew)
{
    isNew = false;
    if (!spec.idempotencyKey.isEmpty()) {
        if (const auto it = m_idempotencyKeys.constFind(spec.idempotencyKey); it != m_idempotencyKeys.constEnd()) {
            Api::Task existing;
            existing.id = it.value();
            return existing; // resolved to the current record by the caller
        }
    }
    SwarmRuntime *swarm = m_context.agents.swarm(spec.swarmId);
    if (!swarm) {
        return Api::makeError(ErrorCode::NotFound,
                              QStringLiteral("swarm_id: no swarm with id %1").arg(spec.swarmId.value),
                              {{QStringLiteral("path"), QStringLiteral("swarm_id")}});
    }
    if (auto valid = m_validator.taskSpec(spec, *swarm, nowMs); !valid)
        return valid.error();
    isNew = true;
    Api::Task task;
    task.id = Api::TaskId(m_lastTaskId + 1); // committed by the caller once the whole batch is valid
    task.spec = spec;
    if (!task.spec.strategy)
        task.spec.strategy = swarm->swarm.defaultStrategy;
    task.state = TaskState::Queued;
    task.stateReason = QStringLiteral("accepted");
    task.createdMs = nowMs;
    qint64 deadline = spec.deadlineMs;
    if (spec.timeoutMs > 0)
        deadline = deadline ? std::min(deadline, nowMs + spec.timeoutMs) : nowMs + spec.timeoutMs;
    task.effectiveDeadlineMs = deadline;
    return task;
}

void TaskService::submit(const QList<Api::TaskSpec> &specs, Reply<QList<Api::Task>> done)
{
    auto batch = prepareBatch(specs);
    if (!batch)
        return done(batch.error());
    commit(*batch);
    m_context.storeWriter.whenDurable(
        [this, batch = std::move(batch).value(), done = std::move(done)](Api::Result<void> written) mutable {
            m_accepting -= batch.newCount;
            if (!written) {
                forget(batch);
                return done(written.error());
            }
            acceptAndAnswer(std::move(batch), std::move(done));
        });
}

Api::Result<TaskService::Batch> TaskService::prepareBatch(const QList<Api::TaskSpec> &specs)
{
    if (specs.isEmpty() || specs.size() > m_context.config.maxBatchSize) {
        return Api::makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("tasks: expected 1..%1 tasks per batch").arg(m_context.config.maxBatchSize));
    }
    // New work waits until the store takes writes again, rather than being accepted and lost.
    if (const auto &failure = m_context.storeWriter.failure()) {
        return Api::makeError(
            failure->code, QStringLiteral("not accepting tasks while the store fails: ") + failure->message,
            {{QStringLiteral("retriable"), true}, {QStringLiteral("reason"), QStringLiteral("store_failing")}});
    }
    const qint64 now = wallClockMs();
    Batch batch;
    batch.tasks.reserve(specs.size());
    batch.fresh.reserve(specs.size());
    QHash<QString, qsizetype> keysInBatch;
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const QString &key = specs[i].idempotencyKey;
        if (!key.isEmpty() && keysInBatch.contains(key)) {
            batch.tasks.append(batch.tasks[keysInBatch.value(key)]); // the same task twice in one batch
            batch.fresh.append(false);
            continue;
        }
        bool isNew = false;
        auto prepared = prepare(specs[i], now, isNew);
        if (!prepared)
            return specs.size() == 1 ? prepared.error() : withIndex(prepared.error(), i);
        if (isNew)
            prepared->id = Api::TaskId(m_lastTaskId + 1 + batch.newCount++);
        if (!key.isEmpty())
            keysInBatch.insert(key, i);
        batch.tasks.append(std::move(prepared).value());
        batch.fresh.append(isNew);
    }
    const std::size_t capacity = static_cast<std::size_t>(std::max(0, m_context.config.maxQueuedTasks));
    if (m_scheduler.unfinishedCount() + m_accepting + batch.newCount > capacity) {
        return Api::makeError(ErrorCode::ResourceExhausted,
                              QStringLiteral("the queue is full (%1 unfinished tasks)").arg(capacity),
                              {{QStringLiteral("retriable"), true}});
    }
    return batch;
}

void TaskService::commit(const Batch &batch)
{
    m_lastTaskId += batch.newCount;
    m_accepting += batch.newCount;
    for (qsizetype i = 0; i < batch.tasks.size(); ++i) {
        if (!batch.fresh[i])
            continue;
        const Api::Task &task = batch.tasks[i];
        if (!task.spec.idempotencyKey.isEmpty())
            m_idempotencyKeys.insert(task.spec.idempotencyKey, task.id);
        m_context.storeWriter.append(TaskWrite {task});
    }
}

void TaskService::forget(const Batch &batch)
{
    for (qsizetype i = 0; i < batch.tasks.size(); ++i) {
        if (batch.fresh[i] && !batch.tasks[i].spec.idempotencyKey.isEmpty())
            m_idempotencyKeys.remove(batch.tasks[i].spec.idempotencyKey);
    }
}

void TaskService::acceptAndAnswer(Batch batch, Reply<QList<Api::Task>> done)
{
    QList<Api::TaskId> existing;
    for (qsizetype i = 0; i < batch.tasks.size(); ++i) {
        if (batch.fresh[i]) {
            m_context.metrics.tasksSubmitted.add();
            m_scheduler.accept(batch.tasks[i], QStringLiteral("accepted"));
        } else {
            existing.append(batch.tasks[i].id);
        }
    }
    if (existing.isEmpty())
        return done(std::move(batch.tasks));
    // Idempotent re-submissions answer the task as it is now.
    auto remaining = std::make_shared<qsizetype>(existing.size());
    auto answers = std::make_shared<QList<Api::Task>>(std::move(batch.tasks));
    auto shared = std::make_shared<Reply<QList<Api::Task>>>(std::move(done));
    for (Api::TaskId id : existing) {
        current(id, [answers, remaining, shared, id](Api::Result<Api::Task> found) {
            if (found) {
                for (Api::Task &t : *answers) {
                    if (t.id == id)
                        t = found.value();
                }
            }
            if (--*remaining == 0)
                (*shared)(std::move(*answers));
        });
    }
}

void TaskService::current(Api::TaskId id, Reply<Api::Task> done)
{
    if (const Api::Task *live = m_scheduler.find(id))
        return done(*live);
    m_context.storeWriter.flush(); // reads see every earlier write
    m_context.store->task(id, std::move(done));
}

void TaskService::cancel(Api::TaskId id, const QString &reason, Reply<Api::Task> done)
{
    if (m_scheduler.find(id))
        return done(m_scheduler.cancel(id, reason));
    current(id, [id, done = std::move(done)](Api::Result<Api::Task> found) {
        if (!found)
            return done(found.error());
        done(Api::makeError(
            ErrorCode::InvalidState,
            QStringLiteral("task %1 is already %2").arg(id.value).arg(Api::enumName(found->state).toString()),
            {{QStringLiteral("state"), Api::enumName(found->state).toString()}}));
    });
}

void TaskService::retry(Api::TaskId id, Reply<Api::Task> done)
{
    current(id, [this, id, done = std::move(done)](Api::Result<Api::Task> found) {
        if (!found)
            return done(found.error());
        Api::Task task = std::move(found).value();
        const TaskState state = task.state;
        if (state != TaskState::Failed && state != TaskState::Cancelled && state != TaskState::TimedOut) {
            return done(
                Api::makeError(ErrorCode::InvalidState,
                               QStringLiteral("task %1 is %2: only failed, cancelled or timed-out tasks can be retried")
                                   .arg(id.value)
                                   .arg(Api::enumName(state).toString()),
                               {{QStringLiteral("state"), Api::enumName(state).toString()}}));
        }
        if (!m_context.agents.swarm(task.spec.swarmId))
            return done(Api::makeError(ErrorCode::InvalidState, QStringLiteral("the task's swarm no longer exists")));
        const qint64 now = wallClockMs();
        if (task.spec.deadlineMs != 0 && task.spec.deadlineMs <= now)
            return done(Api::makeError(ErrorCode::InvalidState, QStringLiteral("the task's deadline has passed")));
        task.effectiveDeadlineMs = task.spec.timeoutMs > 0 ? now + task.spec.timeoutMs : task.spec.deadlineMs;
        if (task.spec.deadlineMs != 0 && task.effectiveDeadlineMs > task.spec.deadlineMs)
            task.effectiveDeadlineMs = task.spec.deadlineMs;
        done(m_scheduler.requeue(std::move(task), QStringLiteral("retried by operator")));
    });
}

void TaskService::task(Api::TaskId id, Reply<Api::Task> done)
{
    current(id, std::move(done));
}

void TaskService::queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done)
{
    m_context.storeWriter.flush();
    const quint64 asOf = m_context.events.headSeq();
    m_context.store->queryTasks(query, [asOf, done = std::move(done)](Api::Result<Api::Page<Api::Task>> page) {
        if (page)
            page->asOfSeq = asOf;
        done(std::move(page));
    });
}

void TaskService::decision(Api::DecisionId id, Reply<Api::Decision> done)
{
    m_context.storeWriter.flush();
    m_context.store->decision(id, [this, done = std::move(done)](Api::Result<Api::Decision> found) {
        if (found) {
            if (const ConsensusStrategy *s = m_context.strategies.find(found->strategy.name))
                found->explanation = s->explain(found.value());
        }
        done(std::move(found));
    });
}

void TaskService::queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done)
{
    if (query.minAgreement < 0 || query.maxAgreement > 1 || query.minAgreement > query.maxAgreement)
        return done(Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("agreement range must lie within 0..1")));
    m_context.storeWriter.flush();
    const quint64 asOf = m_context.events.headSeq();
    m_context.store->queryDecisions(
        query, [this, asOf, done = std::move(done)](Api::Result<Api::Page<Api::Decision>> page) {
            if (page) {
                page->asOfSeq = asOf;
                for (Api::Decision &d : page->items) {
                    if (const ConsensusStrategy *s = m_context.strategies.find(d.strategy.name))
                        d.explanation = s->explain(d);
                }
            }
            done(std::move(page));
        });
}

} // namespace QwenSwarm::Engine
