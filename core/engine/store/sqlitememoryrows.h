#pragma once

#include <api/error.h>
#include <api/memory.h>

namespace QwenSwarm::Engine {

class SqliteDatabase;

/// SqliteStore's memory: the rows of memory_entries, memory_tags and the FTS5 index (schema
/// versions 5 and 8, sqliteschema.cpp), with the semantics of Store's memory calls. A text search is
/// driven by the index, whose documents hold an entry's words and its owner's token, so FTS5 itself
/// intersects the words' entries with the owners' (walked newest first, as FTS5 keeps them by rowid,
/// each joined to its entry).
namespace SqliteMemoryRows {

Api::Result<Api::MemoryEntry> put(SqliteDatabase &db, Api::MemoryEntry entry, const Api::MemoryBudget &budget,
                                  qint64 nowMs);
Api::Result<void> import(SqliteDatabase &db, const QList<Api::MemoryEntry> &entries);
Api::Result<Api::MemoryEntry> entry(SqliteDatabase &db, Api::MemoryId id);
Api::Result<void> remove(SqliteDatabase &db, Api::MemoryId id);
Api::Result<void> touch(SqliteDatabase &db, const QList<Api::MemoryId> &ids, qint64 nowMs);
Api::Result<Api::Page<Api::MemoryEntry>> query(SqliteDatabase &db, const Api::MemoryQuery &query, qint64 nowMs);

} // namespace SqliteMemoryRows

} // namespace QwenSwarm::Engine
