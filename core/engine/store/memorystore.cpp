#include "store/memorystore.h"

#include "store/pagecursor.h"
#include "store/queryfilter.h"

#include <algorithm>

namespace QwenSwarm::Engine {

namespace {

template<typename Record>
auto findById(std::vector<Record> &records, quint64 id)
{
    return std::lower_bound(records.begin(), records.end(), id,
                            [](const Record &r, quint64 value) { return r.id.value < value; });
}

template<typename Record, typename Query>
Api::Result<Api::Page<Record>> pageOf(const std::vector<Record> &records, const Query &query)
{
    const auto cursor = PageCursor::parse(query.page);
    if (!cursor)
        return cursor.error();
    Api::Page<Record> page;
    auto it = cursor->beforeId == 0 ? records.end()
                                    : std::lower_bound(records.begin(), records.end(), cursor->beforeId,
                                                       [](const Record &r, quint64 v) { return r.id.value < v; });
    while (it != records.begin()) {
        --it;
        if (!matchesQuery(*it, query))
            continue;
        if (page.items.size() == query.page.limit) {
            page.nextCursor = PageCursor::encode(page.items.constLast().id.value);
            break;
        }
        page.items.append(*it);
    }
    return page;
}

Api::Error notFound(const char *what, quint64 id)
{
    return Api::makeError(Api::ErrorCode::NotFound,
                          QStringLiteral("no %1 with id %2").arg(QLatin1StringView(what)).arg(id));
}

} // namespace

void MemoryStore::write(std::vector<StoreWrite> writes, Reply<void> done)
{
    for (StoreWrite &w : writes)
        std::visit([this](auto &&write) { apply(std::move(write)); }, std::move(w));
    if (done)
        done({});
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

namespace {

// A succeeded task's result is final; a write from an older attempt than the stored one is late.
bool acceptsWrite(const Api::Task &stored, int attempt)
{
    return stored.state != Api::TaskState::Succeeded && stored.attempt <= attempt;
}

} // namespace

void MemoryStore::apply(TaskWrite &&w)
{
    auto it = findById(m_tasks, w.task.id.value);
    if (it != m_tasks.end() && it->id == w.task.id) {
        if (acceptsWrite(*it, w.task.attempt))
            *it = std::move(w.task);
        return;
    }
    m_tasks.insert(it, std::move(w.task));
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
    it->result = std::move(w.result);
    it->error = std::move(w.error);
}

void MemoryStore::apply(DecisionWrite &&w)
{
    auto it = findById(m_decisions, w.decision.id.value);
    if (it != m_decisions.end() && it->id == w.decision.id)
        return; // decisions are immutable
    m_decisions.insert(it, std::move(w.decision));
}

void MemoryStore::load(Reply<StoreSnapshot> done)
{
    StoreSnapshot snapshot;
    snapshot.swarms = m_swarms.values();
    snapshot.agents = m_agents.values();
    for (const Api::Task &task : m_tasks) {
        if (!Api::isTerminal(task.state))
            snapshot.unfinishedTasks.append(task);
    }
    for (const Api::Swarm &s : std::as_const(m_swarms))
        snapshot.maxSwarmId = std::max(snapshot.maxSwarmId, s.id.value);
    for (const Api::Agent &a : std::as_const(m_agents))
        snapshot.maxAgentId = std::max(snapshot.maxAgentId, a.id.value);
    snapshot.maxTaskId = m_tasks.empty() ? 0 : m_tasks.back().id.value;
    snapshot.maxDecisionId = m_decisions.empty() ? 0 : m_decisions.back().id.value;
    done(std::move(snapshot));
}

void MemoryStore::task(Api::TaskId id, Reply<Api::Task> done)
{
    auto it = findById(m_tasks, id.value);
    if (it == m_tasks.end() || it->id != id)
        return done(notFound("task", id.value));
    done(*it);
}

void MemoryStore::queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done)
{
    done(pageOf(m_tasks, query));
}

void MemoryStore::decision(Api::DecisionId id, Reply<Api::Decision> done)
{
    auto it = findById(m_decisions, id.value);
    if (it == m_decisions.end() || it->id != id)
        return done(notFound("decision", id.value));
    done(*it);
}

void MemoryStore::queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done)
{
    done(pageOf(m_decisions, query));
}

} // namespace QwenSwarm::Engine
