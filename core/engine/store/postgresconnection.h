#pragma once

#include <api/error.h>

#include <QString>

#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace pqxx {
class result;
class transaction_base;
} // namespace pqxx

namespace QwenSwarm::Engine {

/// Where a PostgresStore connects, as people read it: never the password.
struct PostgresTarget
{
    QString host; ///< A name, an address or a socket folder.
    QString port;
    QString database;
    QString user;

    /// "host:port/database".
    QString describe() const;
    /// host, port, database and user, for an error's details.
    QJsonObject details() const;
};

/// The one connection of a PostgresStore, used by one thread at a time (the store's). Connects on
/// demand: after the connection broke, the next call connects again, runs the session setup and the
/// schema check, and goes on; the call that found it broken fails with Unavailable. libpqxx's own
/// silent reconnection is off: a new session must take the store's lock again.
///
/// Session setup: synchronous_commit is raised to on if the server has it off (a commit returns once
/// it is durable), floats travel exactly (extra_float_digits), and the session holds an advisory
/// lock that marks the database as used by this store (see PostgresStore).
///
/// Errors are typed and name the target (host, port, database; never the password): Unavailable
/// (retriable) when the server cannot be reached, the connection broke, a commit's outcome is unknown,
/// or the database is in use; ResourceExhausted for a full disk or exhausted server resources;
/// InvalidArgument for a URL that is not one; Internal otherwise.
class PostgresConnection
{
public:
    /// Runs once per new session, inside its first transaction (the schema check and migrations).
    using Setup = std::function<Api::Result<void>(PostgresConnection &, pqxx::transaction_base &)>;

    /// Parses `url` (postgresql://user:password@host:port/database?param=value, or libpq's
    /// "key=value" form) without connecting.
    static Api::Result<std::unique_ptr<PostgresConnection>> create(const QString &url, int lockTimeoutMs, Setup setup);
    ~PostgresConnection();
    PostgresConnection(const PostgresConnection &) = delete;
    PostgresConnection &operator=(const PostgresConnection &) = delete;

    const PostgresTarget &target() const { return m_target; }
    /// Connects now if not connected.
    Api::Result<void> connect();
    bool isConnected() const;
    /// The server process of the session (0 when not connected).
    int backendPid() const;

    /// Runs `body` in one transaction and commits it: all of it or, if `body` fails (an error or a
    /// libpqxx exception) or the commit does, none of it. Connects first when not connected.
    Api::Result<void> transaction(const std::function<Api::Result<void>(pqxx::transaction_base &)> &body);
    /// The same, read-only.
    Api::Result<void> read(const std::function<Api::Result<void>(pqxx::transaction_base &)> &body);
    /// Runs `body`, which runs one statement, in no explicit transaction: the statement is its own
    /// transaction (atomic, durable when it returns), without the round trips of BEGIN and COMMIT.
    Api::Result<void> statement(const std::function<Api::Result<void>(pqxx::transaction_base &)> &body);
    /// Runs the prepared statement for `sql` (prepared on first use in a session) with `parameters`,
    /// as text.
    pqxx::result exec(pqxx::transaction_base &tx, const std::string &sql, const std::vector<std::string> &parameters);
    /// A typed error for an exception thrown while `doing` something; notes a broken connection.
    Api::Error failure(const std::exception &e, const QString &doing);
    /// An error of `code` naming the target, with `extra` details.
    Api::Error error(Api::ErrorCode code, const QString &message, QJsonObject extra = {}) const;

private:
    class Session;
    PostgresConnection(std::string conninfo, std::string password, PostgresTarget target, int lockTimeoutMs,
                       Setup setup);
    enum class Mode
    {
        Write,
        Read,
        Statement,
    };
    Api::Result<void> run(Mode mode, const std::function<Api::Result<void>(pqxx::transaction_base &)> &body);
    Api::Result<void> startSession();
    QString scrubbed(QString text) const;
    void drop();

    std::string m_conninfo;
    std::string m_password; // only to scrub it from messages
    PostgresTarget m_target;
    int m_lockTimeoutMs;
    Setup m_setup;
    std::unique_ptr<Session> m_session;
};

} // namespace QwenSwarm::Engine
