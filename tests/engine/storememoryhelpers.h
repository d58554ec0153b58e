#pragma once

// Synchronous wrappers of the Store's memory calls and entries to write, for the store tests.

#include "store/store.h"

#include <testsupport.h>

namespace QwenSwarm::Testing {

using namespace Qt::Literals::StringLiterals;

/// An entry to put: an agent's when `agent` is not 0, else the swarm's.
inline Api::MemoryEntry memoryEntry(quint64 agent, quint64 swarm, Api::MemoryKind kind, const QString &text,
                                    const QStringList &tags, qint64 createdMs, qint64 expiresMs = 0)
{
    Api::MemoryEntry e;
    e.agentId = Api::AgentId(agent);
    e.swarmId = Api::SwarmId(swarm);
    e.kind = kind;
    e.text = text;
    e.tags = tags;
    e.source = u"engine"_s;
    e.createdMs = createdMs;
    e.lastUsedMs = createdMs;
    e.expiresMs = expiresMs;
    return e;
}

/// No limits: nothing is evicted but expired entries.
inline Api::MemoryBudget unlimited()
{
    return Api::MemoryBudget {0, 0};
}

inline Api::Result<Api::MemoryEntry> putMemory(Engine::Store &store, const Api::MemoryEntry &entry,
                                               const Api::MemoryBudget &budget = unlimited(), qint64 nowMs = 0)
{
    return await<Api::MemoryEntry>(
        [&](QObject *, auto done) { store.putMemory(entry, budget, nowMs ? nowMs : entry.createdMs, done); });
}

inline Api::Result<Api::MemoryEntry> fetchMemoryEntry(Engine::Store &store, quint64 id)
{
    return await<Api::MemoryEntry>([&](QObject *, auto done) { store.memoryEntry(Api::MemoryId(id), done); });
}

inline Api::Result<void> removeMemory(Engine::Store &store, quint64 id)
{
    return await<void>([&](QObject *, auto done) { store.removeMemory(Api::MemoryId(id), done); });
}

inline Api::Result<void> touchMemory(Engine::Store &store, const QList<Api::MemoryId> &ids, qint64 nowMs)
{
    return await<void>([&](QObject *, auto done) { store.touchMemory(ids, nowMs, done); });
}

inline Api::Result<Api::Page<Api::MemoryEntry>> fetchMemory(Engine::Store &store, const Api::MemoryQuery &query,
                                                            qint64 nowMs)
{
    return await<Api::Page<Api::MemoryEntry>>([&](QObject *, auto done) { store.queryMemory(query, nowMs, done); });
}

/// Every entry a query finds, following its pages: their texts, newest first.
inline Api::Result<QStringList> memoryTexts(Engine::Store &store, Api::MemoryQuery query, qint64 nowMs)
{
    QStringList texts;
    for (int pages = 0; pages < 1000; ++pages) {
        auto page = fetchMemory(store, query, nowMs);
        if (!page)
            return page.error();
        for (const Api::MemoryEntry &e : std::as_const(page->items))
            texts.append(e.text);
        if (page->nextCursor.isEmpty())
            break;
        query.page.cursor = page->nextCursor;
    }
    return texts;
}

} // namespace QwenSwarm::Testing
