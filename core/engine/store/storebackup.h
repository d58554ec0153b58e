#pragma once

#include <api/error.h>

namespace QwenSwarm::Engine {

/// Consistent copies of a store's database, and putting one back. Synchronous (they wait for the
/// disk, or for pg_dump and pg_restore): for command-line tools and store threads, not the engine
/// thread.
///
/// SQLite: the online backup API copies the pages of one read transaction, so the copy is the
/// database as of one commit whatever writes go on meanwhile; the copy is checked (integrity_check,
/// our application id and schema) before it takes its name. SqliteStore holds its file exclusively
/// while it is open, so a backup of a file a running program holds fails with Unavailable (after
/// busy_timeout) rather than waiting for it.
///
/// PostgreSQL: pg_dump's custom format (one consistent snapshot of a live database, taken while the
/// daemon runs) and pg_restore, found as $QWENSWARM_PG_BINDIR, on the PATH or in the newest
/// /usr/lib/postgresql/<version>/bin. The password travels in the tools' environment, never on
/// their command line.
///
/// Errors: InvalidArgument for a backup file that already exists or is not a backup of ours,
/// NotFound for a missing source, Unavailable for a database in use or a server out of reach,
/// InvalidState for a database that is not ours (restore never overwrites someone else's), Internal
/// when a tool fails (its message included). Every message names the file or the server.
class StoreBackup
{
public:
    /// Copies the SQLite database at `path` to the new file `file`.
    static Api::Result<void> backupSqlite(const QString &path, const QString &file);
    /// Replaces the SQLite database at `path` (which no program may have open) with the backup
    /// `file`. The database it replaces is kept beside it as `<path>.before-restore-<ms>`.
    static Api::Result<void> restoreSqlite(const QString &file, const QString &path);
    /// Dumps the PostgreSQL database at `url` to the new file `file` (pg_dump --format=custom).
    static Api::Result<void> backupPostgres(const QString &url, const QString &file);
    /// Restores the dump `file` into the PostgreSQL database at `url`, which must be empty or ours
    /// and not in use: its tables are replaced, in one transaction.
    static Api::Result<void> restorePostgres(const QString &file, const QString &url);
    /// The path of a PostgreSQL client tool (pg_dump, pg_restore); empty when there is none.
    static QString postgresTool(const QString &name);
};

} // namespace QwenSwarm::Engine
