#pragma once

// A throwaway PostgreSQL cluster for tests: initdb in a temporary folder (owned by the postgres user
// when the test runs as root, since PostgreSQL refuses to run as root), a free port on 127.0.0.1,
// the Unix socket in that folder, trust authentication, no fsync (nothing here survives the test
// anyway). Stopped immediately and removed when the object goes; a watchdog does the same if the
// test process dies first (a crash, qFatal).
//
// Tests that need a server skip only when there are no PostgreSQL binaries at all and the CI
// environment variable is not set; with CI set, a missing or failing server fails them
// (QS_START_POSTGRES).

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVersionNumber>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <optional>

namespace QwenSwarm::Testing {

class PostgresTestCluster
{
public:
    /// The folder of initdb, pg_ctl and psql: $QWENSWARM_PG_BINDIR when set, else the newest
    /// /usr/lib/postgresql/<version>/bin, else the folder of initdb on the PATH; empty when none.
    static QString binDir()
    {
        const auto hasTools = [](const QString &dir) {
            return !dir.isEmpty() && QFileInfo(dir + QStringLiteral("/initdb")).isExecutable()
                && QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable();
        };
        if (qEnvironmentVariableIsSet("QWENSWARM_PG_BINDIR")) {
            const QString dir = qEnvironmentVariable("QWENSWARM_PG_BINDIR");
            return hasTools(dir) ? dir : QString();
        }
        QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
            return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
        });
        for (const QString &version : std::as_const(versions)) {
            const QString dir = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(version);
            if (hasTools(dir))
                return dir;
        }
        const QString onPath = QStandardPaths::findExecutable(QStringLiteral("initdb"));
        return hasTools(QFileInfo(onPath).absolutePath()) && !onPath.isEmpty() ? QFileInfo(onPath).absolutePath()
                                                                               : QString();
    }

    /// Whether a test may skip for want of a server: only without binaries and without CI.
    static bool maySkip() { return binDir().isEmpty() && qEnvironmentVariable("CI").isEmpty(); }

    /// A port nothing listens on now.
    static quint16 freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(0x7f000001);
        socklen_t length = sizeof(address);
        quint16 port = 0;
        if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            port = ntohs(address.sin_port);
        if (fd >= 0)
            ::close(fd);
        return port;
    }

    PostgresTestCluster() = default;
    ~PostgresTestCluster() { stop(); }
    PostgresTestCluster(const PostgresTestCluster &) = delete;
    PostgresTestCluster &operator=(const PostgresTestCluster &) = delete;

    /// Creates and starts the cluster; false with the reason in error().
    bool start()
    {
        m_bin = binDir();
        if (m_bin.isEmpty())
            return fail(QStringLiteral("no PostgreSQL binaries (initdb, pg_ctl): install the postgresql package"));
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/qwen-swarm-pg-XXXXXX"));
        if (!m_dir->isValid())
            return fail(QStringLiteral("cannot create a temporary folder: ") + m_dir->errorString());
        if (geteuid() == 0 && !giveToPostgresUser(m_dir->path()))
            return false;
        QString output;
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("--username=postgres"),
                  QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C"),
                  QStringLiteral("--no-sync")},
                 &output))
            return fail(QStringLiteral("initdb failed: ") + output);
        for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
            m_port = freePort();
            m_running = run(QStringLiteral("pg_ctl"),
                            {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                             m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("-t"),
                             QStringLiteral("60"), QStringLiteral("-o"), serverOptions(), QStringLiteral("start")},
                            &output);
        }
        if (!m_running)
            return fail(QStringLiteral("pg_ctl start failed: ") + output + serverLog());
        startWatchdog();
        return true;
    }

    bool isRunning() const { return m_running; }
    const QString &error() const { return m_error; }
    quint16 port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }

    /// A URL of a database of this cluster, as the superuser "postgres" (trust: any password does).
    QString url(const QString &database, const QString &password = {}) const
    {
        const QString user = password.isEmpty() ? QStringLiteral("postgres") : QStringLiteral("postgres:") + password;
        return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host()).arg(m_port).arg(database);
    }

    /// Runs `statement` with psql in `database`; the rows as psql prints them unaligned
    /// ("a|b", one a line), or nullopt (and error()) when it fails.
    std::optional<QString> sql(const QString &database, const QString &statement)
    {
        QProcess psql;
        psql.start(m_bin + QStringLiteral("/psql"),
                   {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                    QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), host(),
                    QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), QStringLiteral("postgres"),
                    QStringLiteral("-d"), database, QStringLiteral("-c"), statement});
        if (!psql.waitForFinished(60000) || psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0) {
            m_error = QString::fromUtf8(psql.readAllStandardError());
            return std::nullopt;
        }
        return QString::fromUtf8(psql.readAllStandardOutput()).trimmed();
    }

    bool createDatabase(const QString &name)
    {
        return sql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name)).has_value();
    }

    /// Makes `name` an empty database again (created if there is none): cheaper than a new database
    /// per test case. Nothing may be connected to it.
    bool resetDatabase(const QString &name)
    {
        if (!m_databases.contains(name)) {
            if (!createDatabase(name))
                return false;
            m_databases.append(name);
            return true;
        }
        return sql(name, QStringLiteral("DROP SCHEMA public CASCADE; CREATE SCHEMA public")).has_value();
    }

    /// Stops the server at once, as a crash would (-m immediate: sessions are cut, recovery runs at
    /// the next start), and starts it again on the same port; false with the reason in error().
    bool restart()
    {
        pause(); // a server that is already down is started all the same
        return resume();
    }

    /// Stops the server at once, as a crash would, keeping its folder for resume(); false with the
    /// reason in error().
    bool pause()
    {
        QString output;
        const bool stopped = run(QStringLiteral("pg_ctl"),
                                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("immediate"),
                                  QStringLiteral("-w"), QStringLiteral("stop")},
                                 &output);
        m_running = !stopped;
        return stopped || fail(QStringLiteral("pg_ctl stop failed: ") + output + serverLog());
    }

    /// Starts a paused server again on the same port; false with the reason in error().
    bool resume()
    {
        QString output;
        m_running = run(QStringLiteral("pg_ctl"),
                        {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                         m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("-t"),
                         QStringLiteral("60"), QStringLiteral("-o"), serverOptions(), QStringLiteral("start")},
                        &output);
        return m_running || fail(QStringLiteral("pg_ctl start failed: ") + output + serverLog());
    }

    /// Stops the server at once (no checkpoint: nothing is kept) and removes its folder.
    void stop()
    {
        if (m_watchdog > 0) {
            ::kill(static_cast<pid_t>(m_watchdog), SIGKILL);
            m_watchdog = 0;
        }
        if (m_running) {
            run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("immediate"),
                 QStringLiteral("-w"), QStringLiteral("stop")},
                nullptr);
            m_running = false;
        }
        m_dir.reset(); // removes the folder
    }

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }

    QString serverOptions() const
    {
        return QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
                              "-c max_connections=40 -c shared_buffers=32MB")
            .arg(m_port)
            .arg(m_dir->path());
    }

    QString serverLog() const
    {
        QFile log(m_dir->filePath(QStringLiteral("server.log")));
        return log.open(QIODevice::ReadOnly) ? QStringLiteral("\n") + QString::fromUtf8(log.readAll()) : QString();
    }

    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    bool giveToPostgresUser(const QString &path)
    {
        const passwd *postgres = ::getpwnam("postgres");
        if (!postgres)
            return fail(QStringLiteral("running as root, and there is no postgres user to run the server as"));
        if (::chown(QFile::encodeName(path).constData(), postgres->pw_uid, postgres->pw_gid) != 0)
            return fail(QStringLiteral("cannot give %1 to the postgres user").arg(path));
        return true;
    }

    // The command line of a server tool, as the postgres user when this process is root.
    QStringList commandOf(const QString &tool, const QStringList &arguments) const
    {
        QStringList command {m_bin + QLatin1Char('/') + tool};
        if (geteuid() == 0)
            command = QStringList {QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"),
                                   QStringLiteral("--")}
                + command;
        return command + arguments;
    }

    bool run(const QString &tool, const QStringList &arguments, QString *output) const
    {
        const QStringList command = commandOf(tool, arguments);
        QProcess process;
        process.setWorkingDirectory(m_dir->path()); // readable by the postgres user
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(command.first(), command.mid(1));
        const bool finished = process.waitForFinished(120000);
        if (output)
            *output = QString::fromUtf8(process.readAll());
        return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    // Stops the server and removes the folder once this process is gone, however it ended.
    void startWatchdog()
    {
        const QStringList stop = commandOf(QStringLiteral("pg_ctl"),
                                           {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                                            QStringLiteral("immediate"), QStringLiteral("stop")});
        const QString script = QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 1; done; %2; rm -rf '%3'")
                                   .arg(QCoreApplication::applicationPid())
                                   .arg(stop.join(QLatin1Char(' ')), m_dir->path());
        QProcess watchdog;
        watchdog.setProgram(QStringLiteral("sh"));
        watchdog.setArguments({QStringLiteral("-c"), script});
        watchdog.setStandardInputFile(QProcess::nullDevice());
        watchdog.setStandardOutputFile(QProcess::nullDevice());
        watchdog.setStandardErrorFile(QProcess::nullDevice());
        watchdog.startDetached(&m_watchdog);
    }

    QString m_bin;
    std::unique_ptr<QTemporaryDir> m_dir;
    quint16 m_port = 0;
    bool m_running = false;
    qint64 m_watchdog = 0;
    QStringList m_databases; // made by resetDatabase()
    QString m_error;
};

} // namespace QwenSwarm::Testing

/// Starts `cluster` unless it runs: skips the test when this machine has no PostgreSQL and CI is not
/// set; fails it when the cluster does not start.
#define QS_START_POSTGRES(cluster)                                                                                     \
    do {                                                                                                               \
        if (::QwenSwarm::Testing::PostgresTestCluster::maySkip())                                                      \
            QSKIP("no PostgreSQL binaries here (install postgresql; with CI set this fails instead)");                 \
        if (!(cluster).isRunning() && !(cluster).start())                                                              \
            QFAIL(qPrintable((cluster).error()));                                                                      \
    } while (false)
