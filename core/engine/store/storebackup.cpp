#include "store/storebackup.h"

#include "store/postgresstore.h"
#include "store/sqlitedatabase.h"
#include "store/sqliteschema.h"
#include "store/sqlitestatement.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>
#include <QVersionNumber>

#include <sqlite3.h>

namespace QwenSwarm::Engine {

using Api::ErrorCode;

namespace {

constexpr int busyTimeoutMs = 5000;

Api::Error fileError(ErrorCode code, const QString &file, const QString &message, const QString &reason = {})
{
    QJsonObject details {{QStringLiteral("path"), file}};
    if (!reason.isEmpty())
        details.insert(QStringLiteral("reason"), reason);
    return Api::makeError(code, QStringLiteral("%1: %2").arg(file, message), details);
}

// An existing database file that is ours (SqliteSchema::check), opened without creating anything.
Api::Result<std::unique_ptr<SqliteDatabase>> openOurs(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return fileError(ErrorCode::NotFound, path, QStringLiteral("no such database file"));
    auto db = SqliteDatabase::open(path, busyTimeoutMs);
    if (!db)
        return db.error();
    if (auto ours = SqliteSchema::check(**db); !ours)
        return ours.error();
    const auto versions = (*db)->integer("SELECT count(*) FROM schema_version");
    if (!versions || versions.value() == 0)
        return fileError(ErrorCode::InvalidArgument, path, QStringLiteral("is empty, not a Qwen Swarm database"),
                         QStringLiteral("not_a_backup"));
    return db;
}

Api::Result<void> integrityOk(SqliteDatabase &db, const QString &path)
{
    auto check = db.statement("PRAGMA integrity_check");
    if (!check)
        return check.error();
    SqliteQuery query(**check);
    const QString verdict = query->next() ? query->text(0) : QString();
    if (auto ok = query->status(); !ok)
        return ok;
    if (verdict != QLatin1StringView("ok"))
        return fileError(ErrorCode::InvalidState, path, QStringLiteral("integrity check failed: ") + verdict,
                         QStringLiteral("corrupt"));
    return {};
}

// Copies every page of `from` into a new file `to` (removed again on failure), in one read
// transaction of `from`.
Api::Result<void> copyPages(const QString &from, const QString &to)
{
    sqlite3 *source = nullptr;
    sqlite3 *target = nullptr;
    auto close = [&] {
        sqlite3_close_v2(target);
        sqlite3_close_v2(source);
    };
    int rc = sqlite3_open_v2(QFile::encodeName(from).constData(), &source, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_open_v2(QFile::encodeName(to).constData(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr);
    if (rc != SQLITE_OK) {
        close();
        return sqliteError(rc, rc == SQLITE_OK ? to : from, QStringLiteral("cannot open for the copy"));
    }
    sqlite3_busy_timeout(source, busyTimeoutMs);
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup) {
        const Api::Error error
            = sqliteError(sqlite3_extended_errcode(target), to,
                          QStringLiteral("cannot start the copy: ") + QString::fromUtf8(sqlite3_errmsg(target)));
        close();
        return error;
    }
    // One step of all pages: the copy is a single read transaction of the source.
    rc = sqlite3_backup_step(backup, -1);
    for (int waited = 0; (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < busyTimeoutMs; waited += 100) {
        sqlite3_sleep(100);
        rc = sqlite3_backup_step(backup, -1);
    }
    const int finished = sqlite3_backup_finish(backup);
    if (rc == SQLITE_DONE)
        rc = finished;
    close();
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        QFile::remove(to);
        return sqliteError(rc, from,
                           rc == SQLITE_BUSY ? QStringLiteral("the database is in use by a running program")
                                             : QStringLiteral("the copy failed"));
    }
    return {};
}

// The copy at `temporary` checked, then given the name `file`; removed when it is not sound.
Api::Result<void> checkAndName(const QString &temporary, const QString &file)
{
    Api::Result<void> sound;
    {
        auto copy = openOurs(temporary);
        sound = copy ? integrityOk(**copy, temporary) : Api::Result<void>(copy.error());
        if (sound)
            sound = (*copy)->exec("PRAGMA journal_mode = DELETE"); // one self-contained file
    }
    if (sound && !QFile::rename(temporary, file))
        sound = fileError(ErrorCode::Unavailable, file, QStringLiteral("cannot give the copy its name"));
    if (!sound) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(temporary + QLatin1StringView(suffix));
    }
    return sound;
}

// Whether a program holds the database at `path`: it takes an exclusive lock to find out.
Api::Result<void> notInUse(const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    auto db = SqliteDatabase::open(path, 0);
    if (!db)
        return db.error();
    const auto inUse = [&path] {
        return fileError(ErrorCode::Unavailable, path,
                         QStringLiteral("the database is in use by a running program; stop it first"),
                         QStringLiteral("in_use"));
    };
    if (auto ours = SqliteSchema::check(**db); !ours) // never replaces someone else's file
        return ours.error().code == ErrorCode::Unavailable ? inUse() : ours.error();
    if (auto locked = (*db)->exec("BEGIN EXCLUSIVE"); !locked)
        return inUse();
    (*db)->exec("ROLLBACK");
    return {};
}

// URL without its password, and the password, for the tools' environment.
std::pair<QString, QString> withoutPassword(const QString &url)
{
    if (!url.startsWith(QLatin1StringView("postgres://")) && !url.startsWith(QLatin1StringView("postgresql://")))
        return {url, {}};
    QUrl parsed(url);
    const QString password = parsed.password(QUrl::FullyDecoded);
    parsed.setPassword(QString());
    return {parsed.toString(QUrl::FullyEncoded), password};
}

// Where a URL points, for messages: host:port/database, never the password.
QString targetOf(const QString &url)
{
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return QStringLiteral("the PostgreSQL database");
    return QStringLiteral("%1:%2%3").arg(parsed.host()).arg(parsed.port(5432)).arg(parsed.path());
}

Api::Result<void> runTool(const QString &name, const QStringList &arguments, const QString &password,
                          const QString &target)
{
    const QString tool = StoreBackup::postgresTool(name);
    if (tool.isEmpty())
        return Api::makeError(ErrorCode::Unavailable,
                              QStringLiteral("%1 is not installed (looked in $QWENSWARM_PG_BINDIR, the PATH and "
                                             "/usr/lib/postgresql/*/bin)")
                                  .arg(name));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!password.isEmpty())
        environment.insert(QStringLiteral("PGPASSWORD"), password);
    process.setProcessEnvironment(environment);
    process.start(tool, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString output = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        return Api::makeError(ErrorCode::Internal,
                              QStringLiteral("%1 for %2 failed: %3")
                                  .arg(name, target, output.isEmpty() ? process.errorString() : output));
    }
    return {};
}

} // namespace

Api::Result<void> StoreBackup::backupSqlite(const QString &path, const QString &file)
{
    if (QFileInfo::exists(file))
        return fileError(ErrorCode::InvalidArgument, file,
                         QStringLiteral("already exists; the backup does not overwrite"));
    {
        auto source = openOurs(path);
        if (!source)
            return source.error();
    }
    const QString temporary = file + QStringLiteral(".partial");
    QFile::remove(temporary);
    if (auto copied = copyPages(path, temporary); !copied)
        return copied;
    return checkAndName(temporary, file);
}

Api::Result<void> StoreBackup::restoreSqlite(const QString &file, const QString &path)
{
    {
        auto backup = openOurs(file);
        if (!backup)
            return backup.error();
        if (auto sound = integrityOk(**backup, file); !sound)
            return sound;
    }
    if (auto free = notInUse(path); !free)
        return free;
    const QString temporary = path + QStringLiteral(".restoring");
    QFile::remove(temporary);
    if (auto copied = copyPages(file, temporary); !copied)
        return copied;
    if (auto named = checkAndName(temporary, temporary + QStringLiteral(".checked")); !named)
        return named;
    if (QFileInfo::exists(path)) {
        const QString kept = path + QStringLiteral(".before-restore-%1").arg(QDateTime::currentMSecsSinceEpoch());
        for (const char *suffix : {"", "-wal", "-shm"}) {
            const QString part = path + QLatin1StringView(suffix);
            if (QFileInfo::exists(part) && !QFile::rename(part, kept + QLatin1StringView(suffix)))
                return fileError(ErrorCode::Unavailable, part, QStringLiteral("cannot move it aside"));
        }
    }
    if (!QFile::rename(temporary + QStringLiteral(".checked"), path))
        return fileError(ErrorCode::Unavailable, path, QStringLiteral("cannot put the restored database in place"));
    return {};
}

Api::Result<void> StoreBackup::backupPostgres(const QString &url, const QString &file)
{
    if (QFileInfo::exists(file))
        return fileError(ErrorCode::InvalidArgument, file,
                         QStringLiteral("already exists; the backup does not overwrite"));
    const auto [plain, password] = withoutPassword(url);
    const QString temporary = file + QStringLiteral(".partial");
    QFile::remove(temporary);
    auto dumped = runTool(QStringLiteral("pg_dump"),
                          {QStringLiteral("--format=custom"), QStringLiteral("--no-owner"),
                           QStringLiteral("--file=") + temporary, QStringLiteral("--dbname=") + plain},
                          password, targetOf(url));
    if (dumped && !QFile::rename(temporary, file))
        dumped = fileError(ErrorCode::Unavailable, file, QStringLiteral("cannot give the dump its name"));
    if (!dumped)
        QFile::remove(temporary);
    return dumped;
}

Api::Result<void> StoreBackup::restorePostgres(const QString &file, const QString &url)
{
    QFile dump(file);
    if (!dump.open(QIODevice::ReadOnly))
        return fileError(ErrorCode::NotFound, file, QStringLiteral("cannot read the dump: ") + dump.errorString());
    if (!dump.read(5).startsWith("PGDMP"))
        return fileError(ErrorCode::InvalidArgument, file, QStringLiteral("is not a pg_dump archive (custom format)"),
                         QStringLiteral("not_a_backup"));
    dump.close();
    {
        // Refuses a foreign database or one in use; an empty one is made ours (and then replaced).
        PostgresStore::Options options;
        options.lockTimeoutMs = 1000;
        auto store = PostgresStore::open(url, options);
        if (!store)
            return store.error();
    }
    const auto [plain, password] = withoutPassword(url);
    return runTool(QStringLiteral("pg_restore"),
                   {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--no-owner"),
                    QStringLiteral("--single-transaction"), QStringLiteral("--exit-on-error"),
                    QStringLiteral("--dbname=") + plain, file},
                   password, targetOf(url));
}

QString StoreBackup::postgresTool(const QString &name)
{
    const auto executable = [&name](const QString &dir) {
        const QString path = QDir(dir).filePath(name);
        return QFileInfo(path).isExecutable() ? path : QString();
    };
    if (qEnvironmentVariableIsSet("QWENSWARM_PG_BINDIR"))
        return executable(qEnvironmentVariable("QWENSWARM_PG_BINDIR"));
    // The newest installed version first: pg_dump must be at least as new as the server.
    QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &version : std::as_const(versions)) {
        if (const QString path = executable(QStringLiteral("/usr/lib/postgresql/%1/bin").arg(version)); !path.isEmpty())
            return path;
    }
    return QStandardPaths::findExecutable(name);
}

} // namespace QwenSwarm::Engine
