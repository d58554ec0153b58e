#include "store/sqlitedatabase.h"

#include <QFile>

#include <sqlite3.h>

#include <mutex>

namespace QwenSwarm::Engine {

Api::Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString &path, int busyTimeoutMs)
{
    static std::once_flag configured;
    std::call_once(configured, [] {
        // Allocation statistics cost a global mutex per allocation; nothing here reads them. Only
        // possible before SQLite is first used in the process; later it is a harmless no-op.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
    sqlite3 *db = nullptr;
    // One thread at a time uses the connection (the store's own), so SQLite needs no mutex for it.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return sqliteError(rc, path, QStringLiteral("cannot open the database file: ") + message);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busyTimeoutMs);
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(db, path));
}

SqliteDatabase::SqliteDatabase(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{ }

SqliteDatabase::~SqliteDatabase()
{
    m_statements.clear(); // finalized before the connection closes
    sqlite3_close_v2(m_db);
}

bool SqliteDatabase::isReadOnly() const
{
    return sqlite3_db_readonly(m_db, "main") == 1;
}

Api::Result<void> SqliteDatabase::addFunction(const char *name, int arguments,
                                              void (*function)(sqlite3_context *, int, sqlite3_value **))
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function_v2(m_db, name, arguments, flags, nullptr, function, nullptr, nullptr, nullptr)
        != SQLITE_OK)
        return lastError(QStringLiteral("adding the SQL function ") + QString::fromUtf8(name));
    return {};
}

qint64 SqliteDatabase::changes() const
{
    return sqlite3_changes64(m_db);
}

Api::Error SqliteDatabase::lastError(const QString &context) const
{
    return sqliteError(sqlite3_extended_errcode(m_db), m_path,
                       context + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(m_db)));
}

Api::Result<void> SqliteDatabase::exec(const char *sql)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return lastError(QString::fromUtf8(sql).left(80));
    return {};
}

Api::Result<qint64> SqliteDatabase::integer(const char *sql)
{
    auto prepared = statement(QByteArray(sql));
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    const qint64 value = query->next() ? query->int64(0) : 0;
    if (auto ok = query->status(); !ok)
        return ok.error();
    return value;
}

Api::Result<SqliteStatement *> SqliteDatabase::statement(const QByteArray &sql)
{
    if (const auto it = m_statements.find(sql); it != m_statements.end())
        return it->second.get();
    sqlite3_stmt *compiled = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.constData(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &compiled,
                           nullptr)
        != SQLITE_OK) {
        return lastError(QStringLiteral("preparing ") + QString::fromUtf8(sql).left(80));
    }
    auto owned = std::make_unique<SqliteStatement>(m_db, compiled, m_path);
    SqliteStatement *raw = owned.get();
    m_statements.emplace(QByteArray(sql.constData(), sql.size()), std::move(owned)); // a deep copy of the key
    return raw;
}

Api::Result<void> SqliteDatabase::run(const char *sql)
{
    auto prepared = statement(QByteArray::fromRawData(sql, qstrlen(sql)));
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    return query->run();
}

Api::Result<void> SqliteDatabase::transaction(const std::function<Api::Result<void>()> &body)
{
    if (auto begun = run("BEGIN IMMEDIATE"); !begun)
        return begun;
    Api::Result<void> result = body();
    if (result)
        result = run("COMMIT");
    if (!result && !sqlite3_get_autocommit(m_db))
        run("ROLLBACK");
    return result;
}

} // namespace QwenSwarm::Engine
