#include "store/postgresconnection.h"

#include <QJsonObject>

#include <libpq-fe.h>
#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <pqxx/prepared_statement>
#include <pqxx/transaction>

namespace QwenSwarm::Engine {

namespace {

// The session-level advisory lock of a store's database: "QwSwStor".
constexpr qint64 lockKey = 0x5177537753746f72;

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

// Quoted for a libpq "key=value" connection string.
std::string quoted(const char *value)
{
    std::string out = "'";
    for (const char *c = value; *c; ++c) {
        if (*c == '\'' || *c == '\\')
            out += '\\';
        out += *c;
    }
    return out + '\'';
}

// What libpq would use for `keyword` when the URL does not say: the environment (PGHOST, ...) or
// its built-in default.
QString defaultOf(const char *keyword)
{
    PQconninfoOption *defaults = PQconndefaults();
    QString value;
    for (PQconninfoOption *o = defaults; o && o->keyword; ++o) {
        if (qstrcmp(o->keyword, keyword) == 0)
            value = fromUtf8(o->val);
    }
    PQconninfoFree(defaults);
    return value;
}

bool startsWith(const std::string &text, const char *prefix)
{
    return text.rfind(prefix, 0) == 0;
}

} // namespace

QString PostgresTarget::describe() const
{
    return host + QLatin1Char(':') + port + QLatin1Char('/') + database;
}

QJsonObject PostgresTarget::details() const
{
    return {{QStringLiteral("host"), host},
            {QStringLiteral("port"), port},
            {QStringLiteral("database"), database},
            {QStringLiteral("user"), user}};
}

class PostgresConnection::Session
{
public:
    explicit Session(const std::string &conninfo)
        : connection(conninfo)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        // A broken session is replaced by PostgresConnection, which takes the lock again; libpqxx
        // would otherwise reconnect inside BEGIN, silently, without it.
        connection.inhibit_reactivation(true);
#pragma GCC diagnostic pop
    }
    ~Session()
    {
        // The server releases the lock when it notices the session ended; released here, it is free
        // before the next open() of this database connects.
        try {
            if (connection.is_open()) {
                pqxx::nontransaction unlock(connection);
                unlock.exec("SELECT pg_advisory_unlock_all()");
            }
        } catch (const std::exception &) { }
    }

    pqxx::connection connection;
    std::map<std::string, std::string> statements; // SQL -> prepared statement name
};

Api::Result<std::unique_ptr<PostgresConnection>> PostgresConnection::create(const QString &url, int lockTimeoutMs,
                                                                            Setup setup)
{
    char *parseError = nullptr;
    PQconninfoOption *options = PQconninfoParse(url.toUtf8().constData(), &parseError);
    if (!options) {
        // libpq's message may quote a part of the URL, password included: not repeated here.
        PQfreemem(parseError);
        return Api::makeError(Api::ErrorCode::InvalidArgument,
                              QStringLiteral("not a PostgreSQL URL (expected postgresql://user@host:port/database "
                                             "or libpq's key=value form)"));
    }
    std::string conninfo;
    std::string password;
    PostgresTarget target;
    bool hasApplicationName = false;
    bool hasConnectTimeout = false;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val || qstrcmp(o->keyword, "client_encoding") == 0)
            continue;
        const std::string keyword = o->keyword;
        conninfo += keyword + '=' + quoted(o->val) + ' ';
        if (keyword == "password")
            password = o->val;
        else if (keyword == "host" || (keyword == "hostaddr" && target.host.isEmpty()))
            target.host = fromUtf8(o->val);
        else if (keyword == "port")
            target.port = fromUtf8(o->val);
        else if (keyword == "dbname")
            target.database = fromUtf8(o->val);
        else if (keyword == "user")
            target.user = fromUtf8(o->val);
        hasApplicationName |= keyword == "application_name";
        hasConnectTimeout |= keyword == "connect_timeout";
    }
    PQconninfoFree(options);
    conninfo += "client_encoding='UTF8'";
    if (!hasApplicationName)
        conninfo += " application_name='qwen-swarm'";
    if (!hasConnectTimeout)
        conninfo += " connect_timeout='10'";
    for (auto [member, keyword, fallback] :
         {std::tuple(&target.host, "host", "localhost (Unix socket)"), std::tuple(&target.port, "port", "5432"),
          std::tuple(&target.user, "user", "")}) {
        if (member->isEmpty())
            *member = defaultOf(keyword);
        if (member->isEmpty())
            *member = QString::fromUtf8(fallback);
    }
    if (target.database.isEmpty())
        target.database = defaultOf("dbname").isEmpty() ? target.user : defaultOf("dbname");
    return std::unique_ptr<PostgresConnection>(new PostgresConnection(
        std::move(conninfo), std::move(password), std::move(target), lockTimeoutMs, std::move(setup)));
}

PostgresConnection::PostgresConnection(std::string conninfo, std::string password, PostgresTarget target,
                                       int lockTimeoutMs, Setup setup)
    : m_conninfo(std::move(conninfo))
    , m_password(std::move(password))
    , m_target(std::move(target))
    , m_lockTimeoutMs(lockTimeoutMs)
    , m_setup(std::move(setup))
{ }

PostgresConnection::~PostgresConnection() = default;

bool PostgresConnection::isConnected() const
{
    return m_session && m_session->connection.is_open();
}

int PostgresConnection::backendPid() const
{
    return isConnected() ? m_session->connection.backendpid() : 0;
}

void PostgresConnection::drop()
{
    m_session.reset();
}

Api::Result<void> PostgresConnection::connect()
{
    if (isConnected())
        return {};
    drop();
    try {
        m_session = std::make_unique<Session>(m_conninfo);
    } catch (const std::exception &e) {
        drop();
        return error(Api::ErrorCode::Unavailable,
                     QStringLiteral("cannot connect: ") + scrubbed(QString::fromUtf8(e.what()).simplified()),
                     {{QStringLiteral("retriable"), true}, {QStringLiteral("reason"), QStringLiteral("unreachable")}});
    }
    if (auto started = startSession(); !started) {
        drop();
        return started;
    }
    return {};
}

Api::Result<void> PostgresConnection::startSession()
{
    const std::string settings = "SET extra_float_digits = 3; SET lock_timeout = " + std::to_string(m_lockTimeoutMs)
        + "; SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = "
          "'off'; SELECT pg_advisory_lock("
        + std::to_string(lockKey) + "); SET lock_timeout = 0";
    try {
        pqxx::nontransaction session(m_session->connection);
        session.exec(settings);
    } catch (const pqxx::sql_error &e) {
        if (e.sqlstate() == "55P03") {
            return error(Api::ErrorCode::Unavailable,
                         QStringLiteral("the database is in use by another qwen-swarm store (waited %1 ms)")
                             .arg(m_lockTimeoutMs),
                         {{QStringLiteral("retriable"), true}, {QStringLiteral("reason"), QStringLiteral("in_use")}});
        }
        return failure(e, QStringLiteral("starting a session"));
    } catch (const std::exception &e) {
        return failure(e, QStringLiteral("starting a session"));
    }
    return run(Mode::Write, [this](pqxx::transaction_base &tx) { return m_setup(*this, tx); });
}

Api::Result<void>
PostgresConnection::transaction(const std::function<Api::Result<void>(pqxx::transaction_base &)> &body)
{
    if (auto connected = connect(); !connected)
        return connected;
    return run(Mode::Write, body);
}

Api::Result<void> PostgresConnection::read(const std::function<Api::Result<void>(pqxx::transaction_base &)> &body)
{
    if (auto connected = connect(); !connected)
        return connected;
    return run(Mode::Read, body);
}

Api::Result<void> PostgresConnection::statement(const std::function<Api::Result<void>(pqxx::transaction_base &)> &body)
{
    if (auto connected = connect(); !connected)
        return connected;
    return run(Mode::Statement, body);
}

Api::Result<void> PostgresConnection::run(Mode mode,
                                          const std::function<Api::Result<void>(pqxx::transaction_base &)> &body)
{
    // A failed body leaves the transaction uncommitted: its destructor rolls it back.
    const auto complete = [&body](auto &&tx) -> Api::Result<void> {
        if (auto done = body(tx); !done)
            return done;
        tx.commit();
        return {};
    };
    try {
        switch (mode) {
        case Mode::Write:
            return complete(pqxx::work(m_session->connection));
        case Mode::Read:
            return complete(pqxx::read_transaction(m_session->connection));
        case Mode::Statement:
            return complete(pqxx::nontransaction(m_session->connection));
        }
    } catch (const std::exception &e) {
        return failure(e, mode == Mode::Read ? QStringLiteral("reading") : QStringLiteral("writing"));
    }
    return {};
}

pqxx::result PostgresConnection::exec(pqxx::transaction_base &tx, const std::string &sql,
                                      const std::vector<std::string> &parameters)
{
    auto &statements = m_session->statements;
    auto it = statements.find(sql);
    if (it == statements.end()) {
        const std::string name = "qs_" + std::to_string(statements.size() + 1);
        m_session->connection.prepare(name, sql);
        it = statements.emplace(sql, name).first;
    }
    return tx.exec_prepared(it->second, pqxx::prepare::make_dynamic_params(parameters));
}

Api::Error PostgresConnection::failure(const std::exception &e, const QString &doing)
{
    const QString what = scrubbed(QString::fromUtf8(e.what()).simplified());
    QJsonObject extra;
    Api::ErrorCode code = Api::ErrorCode::Internal;
    bool broken = false;
    if (const auto *sql = dynamic_cast<const pqxx::sql_error *>(&e)) {
        const std::string &state = sql->sqlstate();
        extra.insert(QStringLiteral("sqlstate"), QString::fromStdString(state));
        // 08: connection exceptions; 57P01-57P03: the server shuts down or is starting up.
        broken = startsWith(state, "08") || startsWith(state, "57P0");
        if (startsWith(state, "53"))
            code = Api::ErrorCode::ResourceExhausted; // disk full, out of memory, too many connections
        else if (broken || state == "55P03" || state == "40001" || state == "40P01" || state == "25006")
            code = Api::ErrorCode::Unavailable; // lock, serialization, deadlock, read-only server
    } else if (dynamic_cast<const pqxx::in_doubt_error *>(&e)) {
        broken = true;
        extra.insert(QStringLiteral("reason"), QStringLiteral("commit_in_doubt"));
    } else if (dynamic_cast<const pqxx::broken_connection *>(&e)) {
        broken = true;
    }
    broken = broken || !isConnected();
    if (broken) {
        code = Api::ErrorCode::Unavailable;
        if (!extra.contains(QStringLiteral("reason")))
            extra.insert(QStringLiteral("reason"), QStringLiteral("connection_lost"));
        drop(); // the next call connects again
    }
    extra.insert(QStringLiteral("retriable"),
                 code == Api::ErrorCode::Unavailable || code == Api::ErrorCode::ResourceExhausted);
    return error(code, doing + QStringLiteral(": ") + what, extra);
}

Api::Error PostgresConnection::error(Api::ErrorCode code, const QString &message, QJsonObject extra) const
{
    QJsonObject details = m_target.details();
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        details.insert(it.key(), it.value());
    return Api::makeError(code, QStringLiteral("store postgres %1: %2").arg(m_target.describe(), message), details);
}

QString PostgresConnection::scrubbed(QString text) const
{
    if (!m_password.empty())
        text.replace(QString::fromStdString(m_password), QStringLiteral("***"));
    return text;
}

} // namespace QwenSwarm::Engine
