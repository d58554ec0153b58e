#pragma once

#include <api/error.h>

namespace pqxx {
class transaction_base;
} // namespace pqxx

namespace QwenSwarm::Engine {

class PostgresConnection;

/// The tables of PostgresStore and the migrations that build them, in the current schema of the
/// database (usually "public"). The versions are SqliteSchema's, with the same tables and columns in
/// PostgreSQL's types; the layout is described in postgresschema.cpp beside the SQL.
///
/// A database is ours when it has a schema_version table (one row per applied migration: version,
/// applied_ms, description) carrying our comment. Migrations run in version order, all pending ones
/// in the transaction of the check, by the session holding the store's lock (PostgresConnection), so
/// a database is always at some version, never between two, and two stores never migrate it at once.
class PostgresSchema
{
public:
    /// The comment on schema_version that marks our databases.
    static constexpr const char *marker = "qwen-swarm store";

    /// The newest schema version this build knows.
    static int latestVersion();
    /// Checks the database and applies the pending migrations in `tx`; answers the version it is at.
    /// InvalidState naming the database, which is left untouched, when it holds another program's
    /// tables (details.reason "foreign_database") or has a newer schema than this build knows
    /// ("newer_schema").
    static Api::Result<int> migrate(PostgresConnection &connection, pqxx::transaction_base &tx);
};

} // namespace QwenSwarm::Engine
