#pragma once

#include "store/postgresvalues.h"
#include "store/store.h"

#include <string>

namespace QwenSwarm::Engine {

/// How PostgresStore keeps a task in the tasks table (layout in postgresschema.cpp, the columns of
/// SqliteTaskRows) and reads it back. Both writes take many tasks at once, one array per column,
/// each task at most once; both carry the store's guard: a task stored as succeeded is never changed,
/// and a write from an older attempt than the stored one changes nothing. The writes are parts of a
/// PostgresStatement.
class PostgresTaskRows
{
public:
    /// Insert, or replace all of the row when the guard allows. Parameters: upsertColumns().
    static const std::string upsertPart;
    /// Update what changes while a task runs, when the guard allows. Parameters: progressColumns().
    static const std::string progressPart;
    /// "SELECT <every column> FROM tasks", for read(); callers append WHERE and ORDER BY.
    static const std::string selectSql;
    /// selectSql of the unfinished tasks (queued, running, deciding), in id order, for load().
    static const std::string unfinishedSql;

    static PostgresColumns upsertColumns();
    static PostgresColumns progressColumns();
    /// Adds a row to upsertColumns().
    static void add(PostgresColumns &columns, const Api::Task &task);
    /// Adds a row to progressColumns().
    static void add(PostgresColumns &columns, const TaskProgress &progress);
    /// The task in a row of a selectSql query; Internal when the row is not readable.
    static Api::Result<Api::Task> read(const PostgresRow &row);
};

} // namespace QwenSwarm::Engine
