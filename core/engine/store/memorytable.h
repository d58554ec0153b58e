#pragma once

#include "store/memoryrules.h"

#include <api/error.h>

#include <map>

namespace QwenSwarm::Engine {

/// The memory entries of a MemoryStore: by id, with the store semantics of Store's memory calls
/// (MemoryRules). Searches scan the entries newest first; it is meant for tests and throw-away runs.
class MemoryTable
{
public:
    Api::Result<Api::MemoryEntry> put(Api::MemoryEntry entry, const Api::MemoryBudget &budget, qint64 nowMs);
    Api::Result<void> import(const QList<Api::MemoryEntry> &entries);
    Api::Result<Api::MemoryEntry> entry(Api::MemoryId id) const;
    Api::Result<void> remove(Api::MemoryId id);
    void touch(const QList<Api::MemoryId> &ids, qint64 nowMs);
    Api::Result<Api::Page<Api::MemoryEntry>> query(const Api::MemoryQuery &query, qint64 nowMs) const;

private:
    void evict(qint64 owner, const Api::MemoryBudget &budget, qint64 nowMs);

    std::map<quint64, Api::MemoryEntry> m_entries;
    quint64 m_lastId = 0;
};

} // namespace QwenSwarm::Engine
