#pragma once

#include "store/sqlitestatement.h"

#include <functional>
#include <map>
#include <memory>

struct sqlite3_context;
struct sqlite3_value;

namespace QwenSwarm::Engine {

/// One connection to a SQLite database file, used by one thread at a time (SQLite's multi-thread
/// mode: no mutex of its own). Keeps every statement it prepared, so each SQL text is compiled once.
/// Errors are typed (see sqliteError()) and name the file.
class SqliteDatabase
{
public:
    /// Opens `path`, creating an empty database if there is no file. A file that cannot be written
    /// is opened read-only (see isReadOnly()); writes then fail with Unavailable. Nothing is read
    /// or written yet, so a file that is not a database is only noticed by the first statement.
    static Api::Result<std::unique_ptr<SqliteDatabase>> open(const QString &path, int busyTimeoutMs);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    const QString &path() const { return m_path; }
    bool isReadOnly() const;

    /// Runs SQL without results; `sql` may hold several statements.
    Api::Result<void> exec(const char *sql);
    /// The first column of the first row of `sql` as an integer (0 if there is no row).
    Api::Result<qint64> integer(const char *sql);
    /// The statement for `sql`, compiled on first use and kept.
    Api::Result<SqliteStatement *> statement(const QByteArray &sql);
    /// Runs `body` in one write transaction (BEGIN IMMEDIATE ... COMMIT): all of it or, if `body` or
    /// the commit fails, none of it.
    Api::Result<void> transaction(const std::function<Api::Result<void>()> &body);
    /// Makes a deterministic SQL function of `arguments` text arguments available to statements.
    Api::Result<void> addFunction(const char *name, int arguments,
                                  void (*function)(sqlite3_context *, int, sqlite3_value **));
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    qint64 changes() const;
    /// The error of the last failed call on this connection.
    Api::Error lastError(const QString &context) const;

private:
    SqliteDatabase(sqlite3 *db, QString path);
    Api::Result<void> run(const char *sql);

    sqlite3 *m_db;
    QString m_path;
    std::map<QByteArray, std::unique_ptr<SqliteStatement>> m_statements;
};

} // namespace QwenSwarm::Engine
