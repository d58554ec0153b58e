#include "store/memorytable.h"

#include "store/pagecursor.h"

namespace QwenSwarm::Engine {

namespace {

Api::Error notFound(Api::MemoryId id)
{
    return Api::makeError(Api::ErrorCode::NotFound, QStringLiteral("no memory entry with id %1").arg(id.value));
}

} // namespace

Api::Result<Api::MemoryEntry> MemoryTable::put(Api::MemoryEntry entry, const Api::MemoryBudget &budget, qint64 nowMs)
{
    if (auto checked = MemoryRules::checkEntry(entry); !checked)
        return checked.error();
    if (entry.id.isValid()) {
        const auto it = m_entries.find(entry.id.value);
        if (it == m_entries.end())
            return notFound(entry.id);
        it->second = entry;
    } else {
        entry.id = Api::MemoryId(++m_lastId);
        m_entries.emplace(entry.id.value, entry);
    }
    evict(MemoryRules::ownerKey(entry), budget, nowMs);
    return entry;
}

void MemoryTable::evict(qint64 owner, const Api::MemoryBudget &budget, qint64 nowMs)
{
    std::vector<MemoryRules::Candidate> candidates;
    for (const auto &[id, e] : m_entries) {
        if (MemoryRules::ownerKey(e) == owner)
            candidates.push_back({id, MemoryRules::bytes(e.text), e.lastUsedMs, e.expiresMs});
    }
    for (const quint64 id : MemoryRules::evictions(std::move(candidates), budget, nowMs))
        m_entries.erase(id);
}

Api::Result<void> MemoryTable::import(const QList<Api::MemoryEntry> &entries)
{
    for (const Api::MemoryEntry &e : entries) {
        if (auto checked = MemoryRules::checkImport(e); !checked)
            return checked;
    }
    for (Api::MemoryEntry e : entries) {
        e.id = Api::MemoryId(++m_lastId);
        m_entries.emplace(e.id.value, std::move(e));
    }
    return {};
}

Api::Result<Api::MemoryEntry> MemoryTable::entry(Api::MemoryId id) const
{
    const auto it = m_entries.find(id.value);
    if (it == m_entries.end())
        return notFound(id);
    return it->second;
}

Api::Result<void> MemoryTable::remove(Api::MemoryId id)
{
    if (m_entries.erase(id.value) == 0)
        return notFound(id);
    return {};
}

void MemoryTable::touch(const QList<Api::MemoryId> &ids, qint64 nowMs)
{
    for (const Api::MemoryId id : ids) {
        if (const auto it = m_entries.find(id.value); it != m_entries.end())
            it->second.lastUsedMs = nowMs;
    }
}

Api::Result<Api::Page<Api::MemoryEntry>> MemoryTable::query(const Api::MemoryQuery &query, qint64 nowMs) const
{
    const auto cursor = PageCursor::parse(query.page);
    if (!cursor)
        return cursor.error();
    Api::Page<Api::MemoryEntry> page;
    auto it = cursor->beforeId == 0 ? m_entries.end() : m_entries.lower_bound(cursor->beforeId);
    while (it != m_entries.begin()) {
        --it;
        if (!MemoryRules::matches(it->second, query, nowMs))
            continue;
        if (page.items.size() == query.page.limit) {
            page.nextCursor = PageCursor::encode(page.items.constLast().id.value);
            break;
        }
        page.items.append(it->second);
    }
    return page;
}

} // namespace QwenSwarm::Engine
