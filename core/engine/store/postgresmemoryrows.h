#pragma once

#include <api/error.h>
#include <api/memory.h>

namespace QwenSwarm::Engine {

class PostgresConnection;

/// PostgresStore's memory: the rows of memory_entries (schema versions 5 and 10, postgresschema.cpp),
/// with the semantics of Store's memory calls. A text search matches the tsvector of the entry's
/// words (MemoryRules::words) against the words searched for, all of which must occur. A search
/// reads the ids of the rarest of what it needs (a word, the tag, the owners, the swarm) from an
/// index in id order, newest first, and checks each entry until it has a page.
namespace PostgresMemoryRows {

Api::Result<Api::MemoryEntry> put(PostgresConnection &c, Api::MemoryEntry entry, const Api::MemoryBudget &budget,
                                  qint64 nowMs);
Api::Result<void> import(PostgresConnection &c, const QList<Api::MemoryEntry> &entries);
Api::Result<Api::MemoryEntry> entry(PostgresConnection &c, Api::MemoryId id);
Api::Result<void> remove(PostgresConnection &c, Api::MemoryId id);
Api::Result<void> touch(PostgresConnection &c, const QList<Api::MemoryId> &ids, qint64 nowMs);
Api::Result<Api::Page<Api::MemoryEntry>> query(PostgresConnection &c, const Api::MemoryQuery &query, qint64 nowMs);

} // namespace PostgresMemoryRows

} // namespace QwenSwarm::Engine
