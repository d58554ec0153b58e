#pragma once

#include <api/error.h>

#include <QByteArray>
#include <QString>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace QwenSwarm::Engine {

/// A typed error for SQLite result code `code`: ResourceExhausted for a full disk, Unavailable
/// (retriable) for a busy, read-only or unreachable file, Internal otherwise. The message names the
/// database file; details carry "path", "sqlite_code" and "sqlite_error".
Api::Error sqliteError(int code, const QString &path, const QString &message);

/// One prepared SQLite statement, compiled once and reused. Parameters are numbered from 1, columns
/// from 0. Text is bound as UTF-8 kept alive by the statement until reset(), so SQLite copies nothing.
/// Used through SqliteQuery, which resets it after every use.
class SqliteStatement
{
public:
    /// Takes ownership of `statement`; `path` (the database file, for errors) must outlive it.
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement, const QString &path);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /// Binds a value to parameter `index` until reset(). A NaN double is bound as NULL (SQLite's rule).
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString &value);
    /// Binds UTF-8 text (the bytes are kept until reset()).
    void bindUtf8(int index, QByteArray value);
    /// Binds UTF-8 text that outlives every use of the statement (a constant), without a copy.
    void bindConstant(int index, const QByteArray &value);
    void bindNull(int index);

    /// Steps once: true when a row is ready; false when done or failed (see status()).
    bool next();
    /// Steps to the end, for statements without results.
    Api::Result<void> run();
    /// Whether every step so far succeeded; the error names the statement's SQL otherwise.
    Api::Result<void> status() const;

    /// The column of the current row (after next() answered true) as a value.
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    /// The column's text as UTF-8 bytes, without converting it.
    QByteArray utf8(int column) const;
    bool isNull(int column) const;

    /// Ready for the next use: the last result released, every parameter unbound.
    void reset();

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    const QString &m_path;
    std::vector<QByteArray> m_keep; // text bound with SQLITE_STATIC
    int m_code = 0; // the first failing result code since reset(), 0 if none
    QString m_error;
};

/// A statement in use: resets it (releasing its read snapshot and bindings) when it goes out of scope.
class SqliteQuery
{
public:
    explicit SqliteQuery(SqliteStatement &statement)
        : m_statement(statement)
    { }
    ~SqliteQuery() { m_statement.reset(); }
    SqliteQuery(const SqliteQuery &) = delete;
    SqliteQuery &operator=(const SqliteQuery &) = delete;

    SqliteStatement *operator->() { return &m_statement; }
    SqliteStatement &operator*() { return m_statement; }

private:
    SqliteStatement &m_statement;
};

} // namespace QwenSwarm::Engine
