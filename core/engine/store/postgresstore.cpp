#include "store/postgresstore.h"

#include "store/pagecursor.h"
#include "store/postgresbatch.h"
#include "store/postgresconnection.h"
#include "store/postgresdecisionrows.h"
#include "store/postgresfilter.h"
#include "store/postgresmemoryrows.h"
#include "store/postgresschema.h"
#include "store/postgrestaskrows.h"
#include "store/queryfilter.h"

#include <api/json.h>
#include <api/jsonprovider.h>
#include <api/jsonworkflow.h>

#include <QJsonDocument>

#include <optional>

#include <pqxx/result>
#include <pqxx/transaction_base>

namespace QwenSwarm::Engine {

namespace {

using Body = std::function<Api::Result<void>(pqxx::transaction_base &)>;

const std::string pointSelectSql
    = "SELECT id, agent_id, tag, alpha, beta, cause, decision_id, time_ms FROM reputation_points";
const std::string runSelectSql = "SELECT id, record FROM workflow_runs";

// Rows a text search reads at a time: it filters them itself, so a page may take several reads.
constexpr qint64 searchChunk = 256;

template<typename T>
Api::Result<T> parseRecord(const PostgresRow &row, int column, const char *what)
{
    auto value = Api::fromJson<T>(QJsonDocument::fromJson(row.utf8(column)).object(), Api::JsonReader::Mode::Lenient);
    if (!value) {
        return Api::makeError(
            Api::ErrorCode::Internal,
            QStringLiteral("a stored %1 is unreadable: %2").arg(QLatin1StringView(what), value.error().message));
    }
    return value;
}

// Every row of `sql`, read by `read` into `out`.
template<typename T, typename Read>
Api::Result<void> readAll(PostgresConnection &c, pqxx::transaction_base &tx, const std::string &sql, QList<T> &out,
                          Read read)
{
    for (const auto &row : c.exec(tx, sql, {})) {
        Api::Result<T> item = read(PostgresRow(row));
        if (!item)
            return item.error();
        out.append(std::move(item).value());
    }
    return {};
}

// Newest first, below the cursor: `select` is a SELECT whose first column is the id, `filterBelow`
// the filter of the rows below an id, `read` reads a row into an Item, `keep` says whether a row's
// item belongs to the page (what SQL could not filter). One match more than the page is looked for,
// to know whether a next page exists.
template<typename Item, typename Filter, typename Read, typename Keep>
Api::Result<Api::Page<Item>> pageOf(PostgresConnection &c, pqxx::transaction_base &tx, const std::string &select,
                                    const char *idColumn, const Api::PageRequest &request, Filter filterBelow,
                                    Read read, Keep keep, bool keepsAll)
{
    const auto cursor = PageCursor::parse(request);
    if (!cursor)
        return cursor.error();
    const qint64 chunk = keepsAll ? qint64(request.limit) + 1 : std::max(qint64(request.limit) + 1, searchChunk);
    Api::Page<Item> page;
    quint64 before = cursor->beforeId;
    bool more = false;
    while (!more) {
        const auto filter = filterBelow(before);
        const pqxx::result rows = c.exec(tx, filter.select(select, idColumn), filter.parameters(chunk));
        for (const auto &row : rows) {
            const PostgresRow r(row);
            before = static_cast<quint64>(r.int64(0));
            Api::Result<Item> item = read(r);
            if (!item)
                return item.error();
            if (!keep(item.value()))
                continue;
            if (page.items.size() == request.limit) {
                more = true;
                break;
            }
            page.items.append(std::move(item).value());
        }
        if (qint64(rows.size()) < chunk)
            break;
    }
    if (more)
        page.nextCursor = PageCursor::encode(page.items.constLast().id.value);
    return page;
}

Api::Result<Api::ReputationPoint> readPoint(const PostgresRow &r)
{
    const auto cause = r.enumValue<Api::ReputationCause>(5);
    if (!cause)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("unknown reputation cause ") + r.text(5));
    return Api::ReputationPoint {r.id<Api::AgentId>(1),    r.text(2), r.real(3), r.real(4), *cause,
                                 r.id<Api::DecisionId>(6), r.int64(7)};
}

Api::Result<Api::Run> readRun(const PostgresRow &r)
{
    return parseRecord<Api::Run>(r, 1, "run");
}

Api::Result<Api::Reputation> readReputation(const PostgresRow &r)
{
    return Api::Reputation {
        r.id<Api::AgentId>(0), r.text(1), r.real(2), r.real(3), static_cast<quint64>(r.int64(4)), r.int64(5)};
}

// Reads the votes of `decisions` into them, in one query.
Api::Result<void> withVotes(PostgresConnection &c, pqxx::transaction_base &tx, QList<Api::Decision> &decisions)
{
    if (decisions.isEmpty())
        return {};
    PostgresArray ids;
    for (const Api::Decision &d : std::as_const(decisions))
        ids.add(static_cast<qint64>(d.id.value));
    return PostgresDecisionRows::addVotes(decisions, c.exec(tx, PostgresDecisionRows::votesSql, {ids.take()}));
}

// The key -> id map of `sql`, which selects (key, id).
template<typename IdType>
void readKeys(PostgresConnection &c, pqxx::transaction_base &tx, const std::string &sql, QHash<QString, IdType> &out)
{
    for (const auto &key : c.exec(tx, sql, {})) {
        const PostgresRow row(key);
        out.insert(row.text(0), row.id<IdType>(1));
    }
}

Api::Error notFound(const char *what, quint64 id)
{
    return Api::makeError(Api::ErrorCode::NotFound,
                          QStringLiteral("no %1 with id %2").arg(QLatin1StringView(what)).arg(id));
}

// Runs `read` in a read-only transaction of `c` and answers what it produced.
template<typename T, typename Read>
Api::Result<T> reading(PostgresConnection &c, Read read)
{
    std::optional<Api::Result<T>> answer;
    const Api::Result<void> done = c.read([&answer, &read](pqxx::transaction_base &tx) -> Api::Result<void> {
        answer.emplace(read(tx));
        return {};
    });
    if (!done)
        return done.error();
    return std::move(*answer);
}

} // namespace

Api::Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const QString &url, Options options)
{
    auto connection
        = PostgresConnection::create(url, options.lockTimeoutMs, [](PostgresConnection &c, pqxx::transaction_base &tx) {
              const auto version = PostgresSchema::migrate(c, tx);
              return version ? Api::Result<void>() : Api::Result<void>(version.error());
          });
    if (!connection)
        return connection.error();
    if (auto connected = connection.value()->connect(); !connected)
        return connected.error();
    return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(connection).value()));
}

PostgresStore::PostgresStore(std::unique_ptr<PostgresConnection> connection)
    : m_connection(std::move(connection))
{ }

PostgresStore::~PostgresStore() = default;

QString PostgresStore::target() const
{
    return m_connection->target().describe();
}

int PostgresStore::backendPid() const
{
    return m_connection->backendPid();
}

void PostgresStore::write(std::vector<StoreWrite> writes, Reply<void> done)
{
    const std::vector<PostgresStatement> statements = PostgresBatch(writes).statements();
    const auto body = [this, &statements](pqxx::transaction_base &tx) -> Api::Result<void> {
        for (const PostgresStatement &statement : statements)
            m_connection->exec(tx, statement.sql(), statement.parameters());
        return {};
    };
    Api::Result<void> result;
    if (statements.size() == 1)
        result = m_connection->statement(body); // atomic on its own: no BEGIN and COMMIT round trips
    else if (!statements.empty())
        result = m_connection->transaction(body);
    if (done)
        done(std::move(result));
}

void PostgresStore::load(Reply<StoreSnapshot> done)
{
    done(snapshot());
}

Api::Result<StoreSnapshot> PostgresStore::snapshot()
{
    return reading<StoreSnapshot>(*m_connection, [this](pqxx::transaction_base &tx) -> Api::Result<StoreSnapshot> {
        PostgresConnection &c = *m_connection;
        StoreSnapshot s;
        Api::Result<void> read
            = readAll(c, tx, "SELECT record FROM swarms ORDER BY id", s.swarms,
                      [](const PostgresRow &row) { return parseRecord<Api::Swarm>(row, 0, "swarm"); });
        if (read)
            read = readAll(c, tx, "SELECT record FROM agents ORDER BY id", s.agents,
                           [](const PostgresRow &row) { return parseRecord<Api::Agent>(row, 0, "agent"); });
        if (read)
            read = readAll(c, tx, PostgresTaskRows::unfinishedSql, s.unfinishedTasks, &PostgresTaskRows::read);
        if (read)
            read = readAll(c, tx, "SELECT agent_id, tag, alpha, beta, updates, updated_ms FROM reputations",
                           s.reputations, &readReputation);
        if (read)
            read
                = readAll(c, tx, "SELECT record FROM providers ORDER BY name", s.providers, [](const PostgresRow &row) {
                      return parseRecord<Api::ProviderSettings>(row, 0, "provider");
                  });
        if (read)
            read = readAll(c, tx, runSelectSql + " WHERE state NOT IN ('succeeded', 'failed', 'cancelled') ORDER BY id",
                           s.unfinishedRuns, &readRun);
        if (!read)
            return read.error();
        readKeys(c, tx, "SELECT idempotency_key, id FROM tasks WHERE idempotency_key <> ''", s.idempotencyKeys);
        readKeys(c, tx, "SELECT idempotency_key, id FROM workflow_runs WHERE idempotency_key <> ''",
                 s.runIdempotencyKeys);
        // Swarms and agents: the highest id ever stored, removed ones included (id_marks).
        const pqxx::result maxima
            = c.exec(tx,
                     "SELECT (SELECT coalesce(max(id), 0) FROM tasks), (SELECT coalesce(max(id), 0) FROM decisions), "
                     "coalesce((SELECT value FROM id_marks WHERE name = 'swarms'), 0), "
                     "coalesce((SELECT value FROM id_marks WHERE name = 'agents'), 0), "
                     "(SELECT coalesce(max(id), 0) FROM workflow_runs)",
                     {});
        const PostgresRow row(maxima[0]);
        s.maxTaskId = static_cast<quint64>(row.int64(0));
        s.maxDecisionId = static_cast<quint64>(row.int64(1));
        s.maxSwarmId = static_cast<quint64>(row.int64(2));
        s.maxAgentId = static_cast<quint64>(row.int64(3));
        s.maxRunId = static_cast<quint64>(row.int64(4));
        return s;
    });
}

void PostgresStore::task(Api::TaskId id, Reply<Api::Task> done)
{
    done(reading<Api::Task>(*m_connection, [this, id](pqxx::transaction_base &tx) -> Api::Result<Api::Task> {
        const pqxx::result rows = m_connection->exec(tx, PostgresTaskRows::selectSql + " WHERE id = $1",
                                                     {std::to_string(static_cast<qint64>(id.value))});
        if (rows.empty())
            return notFound("task", id.value);
        return PostgresTaskRows::read(PostgresRow(rows[0]));
    }));
}

void PostgresStore::queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done)
{
    done(tasks(query));
}

Api::Result<Api::Page<Api::Task>> PostgresStore::tasks(const Api::TaskQuery &query)
{
    using Page = Api::Page<Api::Task>;
    return reading<Page>(*m_connection, [this, &query](pqxx::transaction_base &tx) -> Api::Result<Page> {
        return pageOf<Api::Task>(
            *m_connection, tx, PostgresTaskRows::selectSql, "id", query.page,
            [&query](quint64 before) { return PostgresFilter::of(query, before); }, &PostgresTaskRows::read,
            [&query](const Api::Task &task) { return query.text.isEmpty() || taskSpecContains(task.spec, query.text); },
            query.text.isEmpty());
    });
}

void PostgresStore::decision(Api::DecisionId id, Reply<Api::Decision> done)
{
    done(reading<Api::Decision>(*m_connection, [this, id](pqxx::transaction_base &tx) -> Api::Result<Api::Decision> {
        const pqxx::result rows = m_connection->exec(tx, PostgresDecisionRows::selectSql + " WHERE d.id = $1",
                                                     {std::to_string(static_cast<qint64>(id.value))});
        if (rows.empty())
            return notFound("decision", id.value);
        auto read = PostgresDecisionRows::read(PostgresRow(rows[0]));
        if (!read)
            return read.error();
        QList<Api::Decision> one {std::move(read).value()};
        if (auto voted = withVotes(*m_connection, tx, one); !voted)
            return voted.error();
        return one.constFirst();
    }));
}

void PostgresStore::queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done)
{
    done(decisions(query));
}

Api::Result<Api::Page<Api::Decision>> PostgresStore::decisions(const Api::DecisionQuery &query)
{
    using Page = Api::Page<Api::Decision>;
    return reading<Page>(*m_connection, [this, &query](pqxx::transaction_base &tx) -> Api::Result<Page> {
        auto page = pageOf<Api::Decision>(
            *m_connection, tx, PostgresDecisionRows::selectSql, "d.id", query.page,
            [&query](quint64 before) { return PostgresFilter::of(query, before); }, &PostgresDecisionRows::read,
            [](const Api::Decision &) { return true; }, true);
        if (!page)
            return page;
        if (auto voted = withVotes(*m_connection, tx, page->items); !voted)
            return voted.error();
        return page;
    });
}

void PostgresStore::reputationHistory(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done)
{
    done(points(query));
}

Api::Result<Api::Page<Api::ReputationPoint>> PostgresStore::points(const Api::ReputationQuery &query)
{
    // Points have no id of their own in the api: the page is built of (id, point) pairs.
    struct Row
    {
        Api::Id<struct PointTag> id;
        Api::ReputationPoint point;
    };
    using Page = Api::Page<Row>;
    const auto page = reading<Page>(*m_connection, [this, &query](pqxx::transaction_base &tx) -> Api::Result<Page> {
        return pageOf<Row>(
            *m_connection, tx, pointSelectSql, "id", query.page,
            [&query](quint64 before) { return PostgresFilter::of(query, before); },
            [](const PostgresRow &r) -> Api::Result<Row> {
                auto point = readPoint(r);
                if (!point)
                    return point.error();
                return Row {r.id<Api::Id<PointTag>>(0), std::move(point).value()};
            },
            [](const Row &) { return true; }, true);
    });
    if (!page)
        return page.error();
    Api::Page<Api::ReputationPoint> points;
    points.nextCursor = page->nextCursor;
    for (const Row &row : page->items)
        points.items.append(row.point);
    return points;
}

void PostgresStore::queryAudit(const Api::AuditQuery &query, Reply<Api::Page<Api::AuditEntry>> done)
{
    // Entries have no id of their own in the api: the page is built of (id, entry) pairs.
    struct Row
    {
        Api::Id<struct AuditTag> id;
        Api::AuditEntry entry;
    };
    using Page = Api::Page<Row>;
    const auto page = reading<Page>(*m_connection, [this, &query](pqxx::transaction_base &tx) -> Api::Result<Page> {
        return pageOf<Row>(
            *m_connection, tx, "SELECT id, time_ms, actor, action, target, allowed::int, detail FROM audit_log", "id",
            query.page, [&query](quint64 before) { return PostgresFilter::of(query, before); },
            [](const PostgresRow &r) -> Api::Result<Row> {
                return Row {r.id<Api::Id<AuditTag>>(0),
                            {r.int64(1), r.text(2), r.text(3), r.text(4), r.int64(5) != 0, r.text(6)}};
            },
            [](const Row &) { return true; }, true);
    });
    if (!page)
        return done(page.error());
    Api::Page<Api::AuditEntry> entries;
    entries.nextCursor = page->nextCursor;
    for (const Row &row : page->items)
        entries.items.append(row.entry);
    done(std::move(entries));
}

void PostgresStore::run(Api::RunId id, Reply<Api::Run> done)
{
    done(reading<Api::Run>(*m_connection, [this, id](pqxx::transaction_base &tx) -> Api::Result<Api::Run> {
        const pqxx::result rows
            = m_connection->exec(tx, runSelectSql + " WHERE id = $1", {std::to_string(static_cast<qint64>(id.value))});
        if (rows.empty())
            return notFound("run", id.value);
        return readRun(PostgresRow(rows[0]));
    }));
}

void PostgresStore::metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done)
{
    using List = QList<Api::MetricsSnapshot>;
    done(reading<List>(*m_connection, [this, fromMs, toMs](pqxx::transaction_base &tx) -> Api::Result<List> {
        const pqxx::result rows = m_connection->exec(
            tx,
            "SELECT minute_ms, record FROM metrics_rollups WHERE minute_ms >= $1 AND minute_ms < $2 "
            "ORDER BY minute_ms",
            {std::to_string(fromMs), std::to_string(toMs)});
        List rollups;
        for (const auto &row : rows) {
            auto rollup = parseRecord<Api::MetricsSnapshot>(PostgresRow(row), 1, "metrics roll-up");
            if (!rollup)
                return rollup.error();
            rollups.append(std::move(rollup).value());
        }
        return rollups;
    }));
}

void PostgresStore::queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done)
{
    using Page = Api::Page<Api::Run>;
    done(reading<Page>(*m_connection, [this, &query](pqxx::transaction_base &tx) -> Api::Result<Page> {
        return pageOf<Api::Run>(
            *m_connection, tx, runSelectSql, "id", query.page,
            [&query](quint64 before) { return PostgresFilter::of(query, before); }, &readRun,
            [](const Api::Run &) { return true; }, true);
    }));
}

void PostgresStore::recordedCall(const QString &key, Reply<ProviderCallWrite> done)
{
    done(reading<ProviderCallWrite>(
        *m_connection, [this, &key](pqxx::transaction_base &tx) -> Api::Result<ProviderCallWrite> {
            const pqxx::result rows = m_connection->exec(
                tx, "SELECT key, provider, request, response, recorded_ms FROM provider_calls WHERE key = $1",
                {key.toUtf8().toStdString()});
            if (rows.empty()) {
                return Api::makeError(Api::ErrorCode::NotFound,
                                      QStringLiteral("no provider call is recorded under key %1").arg(key));
            }
            const PostgresRow r(rows[0]);
            return ProviderCallWrite {r.text(0), r.text(1), r.utf8(2), r.utf8(3), r.int64(4)};
        }));
}

void PostgresStore::putMemory(const Api::MemoryEntry &entry, const Api::MemoryBudget &budget, qint64 nowMs,
                              Reply<Api::MemoryEntry> done)
{
    done(PostgresMemoryRows::put(*m_connection, entry, budget, nowMs));
}

void PostgresStore::importMemory(const QList<Api::MemoryEntry> &entries, Reply<void> done)
{
    done(PostgresMemoryRows::import(*m_connection, entries));
}

void PostgresStore::memoryEntry(Api::MemoryId id, Reply<Api::MemoryEntry> done)
{
    done(PostgresMemoryRows::entry(*m_connection, id));
}

void PostgresStore::removeMemory(Api::MemoryId id, Reply<void> done)
{
    done(PostgresMemoryRows::remove(*m_connection, id));
}

void PostgresStore::touchMemory(const QList<Api::MemoryId> &ids, qint64 nowMs, Reply<void> done)
{
    auto touched = PostgresMemoryRows::touch(*m_connection, ids, nowMs);
    if (done)
        done(std::move(touched));
}

void PostgresStore::queryMemory(const Api::MemoryQuery &query, qint64 nowMs, Reply<Api::Page<Api::MemoryEntry>> done)
{
    done(PostgresMemoryRows::query(*m_connection, query, nowMs));
}

} // namespace QwenSwarm::Engine
