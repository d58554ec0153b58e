#pragma once

#include <api/error.h>
#include <api/memory.h>

namespace QwenSwarm::Engine {

class SqliteDatabase;

/// SqliteStore's memory: the rows of memory_entries, memory_tags and the FTS5 index (schema
/// version 5, sqliteschema.cpp), with the semantics of Store's memory calls. A text search starts
/// from whichever is smaller: the FTS5 index's matches of its rarest word (walked newest first, as
/// FTS5 keeps them by rowid, each joined to its entry) or, for a search within owners, the owners'
/// entries (newest first by their index, each tested with qs_memory_words()).
namespace SqliteMemoryRows {

/// Makes qs_memory_words(text, words) available: whether every word of `words` (MemoryRules::words
/// of a search, joined by spaces) is a word of `text`.
Api::Result<void> registerFunctions(SqliteDatabase &db);
Api::Result<Api::MemoryEntry> put(SqliteDatabase &db, Api::MemoryEntry entry, const Api::MemoryBudget &budget,
                                  qint64 nowMs);
Api::Result<void> import(SqliteDatabase &db, const QList<Api::MemoryEntry> &entries);
Api::Result<Api::MemoryEntry> entry(SqliteDatabase &db, Api::MemoryId id);
Api::Result<void> remove(SqliteDatabase &db, Api::MemoryId id);
Api::Result<void> touch(SqliteDatabase &db, const QList<Api::MemoryId> &ids, qint64 nowMs);
Api::Result<Api::Page<Api::MemoryEntry>> query(SqliteDatabase &db, const Api::MemoryQuery &query, qint64 nowMs);

} // namespace SqliteMemoryRows

} // namespace QwenSwarm::Engine
