#include "store/sqlitestatement.h"

#include <sqlite3.h>

namespace QwenSwarm::Engine {

Api::Error sqliteError(int code, const QString &path, const QString &message)
{
    Api::ErrorCode kind = Api::ErrorCode::Internal;
    bool retriable = false;
    switch (code & 0xff) {
    case SQLITE_FULL:
        kind = Api::ErrorCode::ResourceExhausted;
        retriable = true;
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
        kind = Api::ErrorCode::Unavailable;
        retriable = true;
        break;
    default:
        break;
    }
    return Api::makeError(kind, QStringLiteral("store %1: %2").arg(path, message),
                          {{QStringLiteral("path"), path},
                           {QStringLiteral("sqlite_code"), code},
                           {QStringLiteral("sqlite_error"), QString::fromUtf8(sqlite3_errstr(code))},
                           {QStringLiteral("retriable"), retriable}});
}

SqliteStatement::SqliteStatement(sqlite3 *db, sqlite3_stmt *statement, const QString &path)
    : m_db(db)
    , m_statement(statement)
    , m_path(path)
{
    m_keep.reserve(16);
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
}

void SqliteStatement::bind(int index, const QString &value)
{
    bindUtf8(index, value.toUtf8());
}

void SqliteStatement::bindUtf8(int index, QByteArray value)
{
    m_keep.push_back(std::move(value));
    const QByteArray &kept = m_keep.back();
    // A null QByteArray has no data pointer; SQLite would read that as NULL rather than ''.
    sqlite3_bind_text64(m_statement, index, kept.isNull() ? "" : kept.constData(),
                        static_cast<sqlite3_uint64>(kept.size()), SQLITE_STATIC, SQLITE_UTF8);
}

void SqliteStatement::bindConstant(int index, const QByteArray &value)
{
    sqlite3_bind_text64(m_statement, index, value.constData(), static_cast<sqlite3_uint64>(value.size()), SQLITE_STATIC,
                        SQLITE_UTF8);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

bool SqliteStatement::next()
{
    if (m_code != 0)
        return false;
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_code = sqlite3_extended_errcode(m_db);
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    return false;
}

Api::Result<void> SqliteStatement::run()
{
    while (next()) { }
    return status();
}

Api::Result<void> SqliteStatement::status() const
{
    if (m_code == 0)
        return {};
    const char *sql = sqlite3_sql(m_statement);
    return sqliteError(m_code, m_path,
                       m_error + QStringLiteral(" (in: ") + QString::fromUtf8(sql).left(80) + QLatin1Char(')'));
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QByteArray SqliteStatement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_keep.clear();
    m_code = 0;
    m_error.clear();
}

} // namespace QwenSwarm::Engine
