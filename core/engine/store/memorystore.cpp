#include "store/memorystore.h"

#include "store/pagecursor.h"
#include "store/queryfilter.h"
#include "store/recordcodec.h"

#include <algorithm>

namespace QwenSwarm::Engine {

namespace {

template<typename Record>
auto findById(std::deque<Record> &records, quint64 id)
{
    // Ids are handed out in order, so records are usually contiguous: try the direct position first.
    if (!records.empty()) {
        if (id > records.back().id.value)
            return records.end();
        const quint64 offset = id - records.front().id.value;
        if (id >= records.front().id.value && offset < records.size() && records[offset].id.value == id)
            return records.begin() + static_cast<std::ptrdiff_t>(offset);
    }
    return std::lower_bound(records.begin(), records.end(), id,
                            [](const Record &r, quint64 value) { return r.id.value < value; });
}

// Newest first, starting below the cursor; `match` filters and unpacks (nullopt = skip).
template<typename Stored, typename Item, typename Match>
Api::Result<Api::Page<Item>> pageOf(const std::deque<Stored> &records, const Api::PageRequest &request, Match match)
{
    const auto cursor = PageCursor::parse(request);
    if (!cursor)
        return cursor.error();
    Api::Page<Item> page;
    auto it = cursor->beforeId == 0 ? records.end()
                                    : std::lower_bound(records.begin(), records.end(), cursor->beforeId,
                                                       [](const Stored &r, quint64 v) { return r.id.value < v; });
    while (it != records.begin()) {
        --it;
        std::optional<Item> item = match(*it);
        if (!item)
            continue;
        if (page.items.size() == request.limit) {
            page.nextCursor = PageCursor::encode(page.items.constLast().id.value);
            break;
        }
        page.items.append(std::move(*item));
    }
    return page;
}

Api::Error notFound(const char *what, quint64 id)
{
    return Api::makeError(Api::ErrorCode::NotFound,
                          QStringLiteral("no %1 with id %2").arg(QLatin1StringView(what)).arg(id));
}

// A succeeded task's result is final; a write from an older attempt than the stored one is late.
template<typename Stored>
bool acceptsWrite(const Stored &stored, int attempt)
{
    return stored.state != Api::TaskState::Succeeded && stored.attempt <= attempt;
}

} // namespace

MemoryStore::StoredTask MemoryStore::stored(const Api::Task &task)
{
    StoredTask s;
    s.id = task.id;
    s.swarmId = task.spec.swarmId;
    s.state = task.state;
    s.attempt = task.attempt;
    s.createdMs = task.createdMs;
    s.startedMs = task.startedMs;
    s.finishedMs = task.finishedMs;
    s.effectiveDeadlineMs = task.effectiveDeadlineMs;
    s.costUsd = task.costUsd;
    s.stateReason = task.stateReason;
    s.strategy = task.spec.strategy ? task.spec.strategy->name : QString();
    s.spec = RecordCodec::encode(task.spec);
    s.outcome = RecordCodec::encodeOutcome(task.result, task.error);
    return s;
}

Api::Task MemoryStore::unpacked(const StoredTask &s)
{
    Api::Task task;
    task.id = s.id;
    task.spec = RecordCodec::decodeTaskSpec(s.spec).value_or(Api::TaskSpec {});
    task.state = s.state;
    task.attempt = s.attempt;
    task.stateReason = s.stateReason;
    task.createdMs = s.createdMs;
    task.startedMs = s.startedMs;
    task.finishedMs = s.finishedMs;
    task.effectiveDeadlineMs = s.effectiveDeadlineMs;
    task.costUsd = s.costUsd;
    RecordCodec::decodeOutcome(s.outcome, task.result, task.error);
    return task;
}

void MemoryStore::write(std::vector<StoreWrite> writes, Reply<void> done)
{
    for (StoreWrite &w : writes)
        std::visit([this](auto &&write) { apply(std::move(write)); }, std::move(w));
    if (done)
        done({});
}

void MemoryStore::apply(ProviderWrite &&w)
{
    if (w.remove)
        m_providers.remove(w.settings.name);
    else
        m_providers.insert(w.settings.name, std::move(w.settings));
}

void MemoryStore::apply(RunWrite &&w)
{
    auto it = findById(m_runs, w.run.id.value);
    if (it != m_runs.end() && it->id == w.run.id)
        *it = std::move(w.run);
    else
        m_runs.insert(it, std::move(w.run));
}

void MemoryStore::apply(MetricsRollupWrite &&w)
{
    m_rollups.erase(m_rollups.begin(), m_rollups.lower_bound(w.keepFromMs));
    m_rollups.insert_or_assign(w.rollup.timeMs, std::move(w.rollup));
}

void MemoryStore::apply(SwarmWrite &&w)
{
    if (w.remove)
        m_swarms.remove(w.swarm.id);
    else
        m_swarms.insert(w.swarm.id, std::move(w.swarm));
}

void MemoryStore::apply(AgentWrite &&w)
{
    if (w.remove)
        m_agents.remove(w.agent.id);
    else
        m_agents.insert(w.agent.id, std::move(w.agent));
}

void MemoryStore::apply(TaskWrite &&w)
{
    auto it = findById(m_tasks, w.task.id.value);
    if (it != m_tasks.end() && it->id == w.task.id) {
        if (acceptsWrite(*it, w.task.attempt))
            *it = stored(w.task);
        return;
    }
    m_tasks.insert(it, stored(w.task));
}

void MemoryStore::apply(TaskProgress &&w)
{
    auto it = findById(m_tasks, w.id.value);
    if (it == m_tasks.end() || it->id != w.id || !acceptsWrite(*it, w.attempt))
        return;
    it->state = w.state;
    it->attempt = w.attempt;
    it->stateReason = std::move(w.stateReason);
    it->startedMs = w.startedMs;
    it->finishedMs = w.finishedMs;
    it->costUsd = w.costUsd;
    it->outcome = RecordCodec::encodeOutcome(w.result, w.error);
}

void MemoryStore::apply(DecisionWrite &&w)
{
    const Api::Decision &d = w.decision;
    auto it = findById(m_decisions, d.id.value);
    if (it != m_decisions.end() && it->id == d.id)
        return; // decisions are immutable
    m_decisions.insert(it,
                       StoredDecision {d.id, d.taskId, d.swarmId, d.outcome, d.agreement, d.createdMs, d.strategy.name,
                                       RecordCodec::encode(d)});
}

void MemoryStore::apply(ReputationWrite &&w)
{
    const Api::Reputation &r = w.reputation;
    m_reputations.insert({r.agentId.value, r.tag}, r);
    if (w.point)
        m_points.push_back({std::move(*w.point), Api::Id<PointTag>(m_points.size() + 1)});
}

void MemoryStore::apply(FeedbackWrite &&w)
{
    m_feedback.insert(w.decisionId, std::move(w.feedback));
}

void MemoryStore::apply(ProviderCallWrite &&w)
{
    QString key = w.key;
    m_providerCalls.insert(std::move(key), std::move(w));
}

void MemoryStore::apply(AuditWrite &&w)
{
    m_audit.push_back({std::move(w.entry), Api::Id<AuditTag>(m_audit.size() + 1)});
}

Api::Decision MemoryStore::unpacked(const StoredDecision &stored) const
{
    Api::Decision decision = RecordCodec::decodeDecision(stored.trail).value_or(Api::Decision {});
    if (const auto it = m_feedback.constFind(stored.id); it != m_feedback.constEnd())
        decision.feedback = it.value();
    return decision;
}

void MemoryStore::load(Reply<StoreSnapshot> done)
{
    StoreSnapshot snapshot;
    snapshot.swarms = m_swarms.values();
    snapshot.agents = m_agents.values();
    for (const StoredTask &task : m_tasks) {
        const Api::Task stored = unpacked(task);
        if (!stored.spec.idempotencyKey.isEmpty())
            snapshot.idempotencyKeys.insert(stored.spec.idempotencyKey, stored.id);
        if (!Api::isTerminal(task.state))
            snapshot.unfinishedTasks.append(stored);
    }
    for (const Api::Swarm &s : std::as_const(m_swarms))
        snapshot.maxSwarmId = std::max(snapshot.maxSwarmId, s.id.value);
    for (const Api::Agent &a : std::as_const(m_agents))
        snapshot.maxAgentId = std::max(snapshot.maxAgentId, a.id.value);
    snapshot.reputations = m_reputations.values();
    snapshot.providers = m_providers.values();
    snapshot.maxTaskId = m_tasks.empty() ? 0 : m_tasks.back().id.value;
    snapshot.maxDecisionId = m_decisions.empty() ? 0 : m_decisions.back().id.value;
    for (const Api::Run &run : m_runs) {
        if (!run.idempotencyKey.isEmpty())
            snapshot.runIdempotencyKeys.insert(run.idempotencyKey, run.id);
        if (!Api::isTerminal(run.state))
            snapshot.unfinishedRuns.append(run);
    }
    snapshot.maxRunId = m_runs.empty() ? 0 : m_runs.back().id.value;
    done(std::move(snapshot));
}

void MemoryStore::task(Api::TaskId id, Reply<Api::Task> done)
{
    auto it = findById(m_tasks, id.value);
    if (it == m_tasks.end() || it->id != id)
        return done(notFound("task", id.value));
    done(unpacked(*it));
}

void MemoryStore::queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done)
{
    done(pageOf<StoredTask, Api::Task>(m_tasks, query.page, [&query](const StoredTask &s) -> std::optional<Api::Task> {
        if (!matchesTaskFields(s.state, s.swarmId, s.strategy, s.createdMs, query))
            return std::nullopt;
        Api::Task task = unpacked(s);
        if (!query.text.isEmpty() && !taskSpecContains(task.spec, query.text))
            return std::nullopt;
        return task;
    }));
}

void MemoryStore::decision(Api::DecisionId id, Reply<Api::Decision> done)
{
    auto it = findById(m_decisions, id.value);
    if (it == m_decisions.end() || it->id != id)
        return done(notFound("decision", id.value));
    done(unpacked(*it));
}

void MemoryStore::queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done)
{
    done(pageOf<StoredDecision, Api::Decision>(
        m_decisions, query.page, [this, &query](const StoredDecision &s) -> std::optional<Api::Decision> {
            if (!matchesDecisionFields(s.swarmId, s.taskId, s.strategy, s.outcome, s.agreement, s.createdMs, query))
                return std::nullopt;
            return unpacked(s);
        }));
}

void MemoryStore::reputationHistory(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done)
{
    const auto page = pageOf<StoredPoint, StoredPoint>(
        m_points, query.page, [&query](const StoredPoint &s) -> std::optional<StoredPoint> {
            const Api::ReputationPoint &p = s.point;
            if (query.agentId.isValid() && p.agentId != query.agentId)
                return std::nullopt;
            if (p.tag != query.tag)
                return std::nullopt;
            if ((query.fromMs != 0 && p.timeMs < query.fromMs) || (query.toMs != 0 && p.timeMs >= query.toMs))
                return std::nullopt;
            return s;
        });
    if (!page)
        return done(page.error());
    Api::Page<Api::ReputationPoint> points;
    points.nextCursor = page->nextCursor;
    for (const StoredPoint &s : page->items)
        points.items.append(s.point);
    done(std::move(points));
}

void MemoryStore::queryAudit(const Api::AuditQuery &query, Reply<Api::Page<Api::AuditEntry>> done)
{
    const auto page = pageOf<StoredAudit, StoredAudit>(
        m_audit, query.page, [&query](const StoredAudit &s) -> std::optional<StoredAudit> {
            return matchesQuery(s.entry, query) ? std::optional(s) : std::nullopt;
        });
    if (!page)
        return done(page.error());
    Api::Page<Api::AuditEntry> entries;
    entries.nextCursor = page->nextCursor;
    for (const StoredAudit &s : page->items)
        entries.items.append(s.entry);
    done(std::move(entries));
}

void MemoryStore::run(Api::RunId id, Reply<Api::Run> done)
{
    auto it = findById(m_runs, id.value);
    if (it == m_runs.end() || it->id != id)
        return done(notFound("run", id.value));
    done(*it);
}

void MemoryStore::queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done)
{
    done(pageOf<Api::Run, Api::Run>(m_runs, query.page, [&query](const Api::Run &run) -> std::optional<Api::Run> {
        return matchesQuery(run, query) ? std::optional(run) : std::nullopt;
    }));
}

void MemoryStore::metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done)
{
    QList<Api::MetricsSnapshot> rollups;
    for (auto it = m_rollups.lower_bound(fromMs); it != m_rollups.end() && it->first < toMs; ++it)
        rollups.append(it->second);
    done(std::move(rollups));
}

void MemoryStore::recordedCall(const QString &key, Reply<ProviderCallWrite> done)
{
    if (const auto it = m_providerCalls.constFind(key); it != m_providerCalls.constEnd())
        return done(it.value());
    done(
        Api::makeError(Api::ErrorCode::NotFound, QStringLiteral("no provider call is recorded under key %1").arg(key)));
}

void MemoryStore::putMemory(const Api::MemoryEntry &entry, const Api::MemoryBudget &budget, qint64 nowMs,
                            Reply<Api::MemoryEntry> done)
{
    done(m_memory.put(entry, budget, nowMs));
}

void MemoryStore::importMemory(const QList<Api::MemoryEntry> &entries, Reply<void> done)
{
    done(m_memory.import(entries));
}

void MemoryStore::memoryEntry(Api::MemoryId id, Reply<Api::MemoryEntry> done)
{
    done(m_memory.entry(id));
}

void MemoryStore::removeMemory(Api::MemoryId id, Reply<void> done)
{
    done(m_memory.remove(id));
}

void MemoryStore::touchMemory(const QList<Api::MemoryId> &ids, qint64 nowMs, Reply<void> done)
{
    m_memory.touch(ids, nowMs);
    if (done)
        done({});
}

void MemoryStore::queryMemory(const Api::MemoryQuery &query, qint64 nowMs, Reply<Api::Page<Api::MemoryEntry>> done)
{
    done(m_memory.query(query, nowMs));
}

} // namespace QwenSwarm::Engine
