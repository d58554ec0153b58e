#pragma once

#include <api/error.h>

namespace QwenSwarm::Engine {

class SqliteDatabase;

/// The tables of SqliteStore and the migrations that build them. A database is ours when its
/// application_id is applicationId and it has a schema_version table (one row per applied
/// migration: version, applied_ms, description). Migrations run in version order, all pending ones
/// in one transaction, so a database is always at some version, never between two. The layout is
/// described in sqliteschema.cpp beside the SQL.
class SqliteSchema
{
public:
    /// "QwSw", in the database header: marks our files.
    static constexpr qint32 applicationId = 0x51775377;

    /// The newest schema version this build knows.
    static int latestVersion();
    /// Reads, never writes: InvalidState naming the file when it is not a SQLite database
    /// (details.reason "not_a_database"), is someone else's non-empty database ("foreign_database")
    /// or has a newer schema than this build knows ("newer_schema").
    static Api::Result<void> check(SqliteDatabase &db);
    /// Applies the pending migrations in one transaction; answers the version the database is at.
    /// A read-only database is left alone (Unavailable if it would need a migration).
    static Api::Result<int> migrate(SqliteDatabase &db);
};

} // namespace QwenSwarm::Engine
