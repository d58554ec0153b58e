#pragma once

#include "store/sqlitestatement.h"
#include "store/store.h"

namespace QwenSwarm::Engine {

/// How SqliteStore keeps a task in the tasks table (layout in sqliteschema.cpp) and reads it back.
/// Both writes carry the store's guard in their WHERE clause: a task stored as succeeded is never
/// changed, and a write from an older attempt than the stored one changes nothing.
class SqliteTaskRows
{
public:
    /// Insert, or replace all of the row when the guard allows. Parameters: bind().
    static const QByteArray upsertSql;
    /// Update what changes while a task runs, when the guard allows. Parameters: bind().
    static const QByteArray progressSql;
    /// "SELECT <every column> FROM tasks", for read(); callers append WHERE and ORDER BY.
    static const QByteArray selectSql;

    static void bind(SqliteStatement &s, const Api::Task &task);
    static void bind(SqliteStatement &s, const TaskProgress &progress);
    /// The task in the current row of a selectSql query; Internal when the row is not readable.
    static Api::Result<Api::Task> read(const SqliteStatement &s);
    /// selectSql of the unfinished tasks (queued, running, deciding), in id order, for load().
    static const QByteArray unfinishedSql;
};

} // namespace QwenSwarm::Engine
