#include "store/sqlitestore.h"

#include "store/pagecursor.h"
#include "store/sqlitedatabase.h"
#include "store/sqlitedecisionrows.h"
#include "store/sqlitefilter.h"
#include "store/sqlitememoryrows.h"
#include "store/sqliteschema.h"
#include "store/sqlitetaskrows.h"
#include "store/sqlitevalues.h"

#include <api/json.h>
#include <api/jsonprovider.h>
#include <api/jsonworkflow.h>

#include <QHash>
#include <QSet>

#include <limits>

#include <sqlite3.h>

namespace QwenSwarm::Engine {

using namespace SqliteValues;

namespace {

const QByteArray pointSelectSql
    = "SELECT id, agent_id, tag, alpha, beta, cause, decision_id, time_ms FROM reputation_points";
const QByteArray runSelectSql = "SELECT id, record FROM workflow_runs";

// Durability and locking, as documented in the header. Runs before migrations, after
// SqliteSchema::check(): nothing here may write to a file that is not ours.
Api::Result<void> configure(SqliteDatabase &db)
{
    // Before WAL is entered, so the WAL index lives in this process's memory, not in a -shm file.
    if (auto done = db.exec("PRAGMA locking_mode = EXCLUSIVE"); !done)
        return done;
    auto mode = db.statement("PRAGMA journal_mode = WAL");
    if (!mode)
        return mode.error();
    QString journal;
    {
        SqliteQuery query(**mode);
        journal = query->next() ? query->text(0) : QString();
        if (auto ok = query->status(); !ok)
            return ok;
    }
    // A read-only file keeps the journal it has; writes fail anyway.
    if (journal != QLatin1StringView("wal") && !db.isReadOnly())
        return sqliteError(SQLITE_ERROR, db.path(), QStringLiteral("cannot use a WAL journal (got '%1')").arg(journal));
    return db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; "
                   "PRAGMA temp_store = MEMORY");
}

template<typename T>
Api::Result<T> parseRecord(const SqliteStatement &s, int column, const char *what)
{
    auto value = Api::fromJson<T>(QJsonDocument::fromJson(s.utf8(column)).object(), Api::JsonReader::Mode::Lenient);
    if (!value) {
        return Api::makeError(
            Api::ErrorCode::Internal,
            QStringLiteral("a stored %1 is unreadable: %2").arg(QLatin1StringView(what), value.error().message));
    }
    return value;
}

// Every row of `sql`, read by `read` into `out`.
template<typename T, typename Read>
Api::Result<void> readAll(SqliteDatabase &db, const QByteArray &sql, QList<T> &out, Read read)
{
    auto prepared = db.statement(sql);
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    while (query->next()) {
        Api::Result<T> item = read(*query);
        if (!item)
            return item.error();
        out.append(std::move(item).value());
    }
    return query->status();
}

// Newest first, below the cursor: `select` is a SELECT whose first column is the id, `read` reads
// a row into an Item. One row more than the page is fetched, to know whether a next page exists.
template<typename Item, typename Read>
Api::Result<Api::Page<Item>> pageOf(SqliteDatabase &db, const QByteArray &select, const SqliteFilter &filter,
                                    const char *idColumn, int limit, Read read)
{
    auto prepared = db.statement(select + filter.where() + " ORDER BY " + idColumn + " DESC LIMIT ?");
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    query->bind(filter.bind(*query), qint64(limit) + 1);
    Api::Page<Item> page;
    qint64 lastId = 0;
    while (query->next()) {
        if (page.items.size() == limit) {
            page.nextCursor = PageCursor::encode(static_cast<quint64>(lastId));
            break;
        }
        Api::Result<Item> item = read(*query);
        if (!item)
            return item.error();
        page.items.append(std::move(item).value());
        lastId = query->int64(0);
    }
    if (auto ok = query->status(); !ok)
        return ok.error();
    return page;
}

Api::Result<Api::ReputationPoint> readPoint(const SqliteStatement &s)
{
    const auto cause = readEnum<Api::ReputationCause>(s, 5);
    if (!cause)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("unknown reputation cause ") + s.text(5));
    return Api::ReputationPoint {readId<Api::AgentId>(s, 1),    s.text(2), s.real(3), s.real(4), *cause,
                                 readId<Api::DecisionId>(s, 6), s.int64(7)};
}

Api::Result<Api::Run> readRun(const SqliteStatement &s)
{
    return parseRecord<Api::Run>(s, 1, "run");
}

Api::Result<Api::Reputation> readReputation(const SqliteStatement &s)
{
    return Api::Reputation {readId<Api::AgentId>(s, 0),       s.text(1), s.real(2), s.real(3),
                            static_cast<quint64>(s.int64(4)), s.int64(5)};
}

// The writes of a batch that a later write of the same batch makes moot, so that a batch carrying a
// task through several states writes its row once. Nothing a reader can see changes:
// - Progress p of a task is moot when the task's next (not moot) write in the batch is progress q
//   with p.attempt <= q.attempt and p is not "succeeded": whether p applies or not, q then applies
//   exactly when it would without p (the guard admits q after p, and admits q without p whenever it
//   admits p), and q sets every field p sets.
// - A swarm or agent write is moot when a later one in the batch writes the same record: they are
//   written whole and unguarded, so the last one decides. (Agents go busy and idle often.)
std::vector<bool> mootWrites(const std::vector<StoreWrite> &writes)
{
    constexpr qint64 notProgress = std::numeric_limits<qint64>::min();
    std::vector<bool> moot(writes.size());
    QHash<quint64, qint64> nextAttempt; // task id -> attempt of its next write, if that is progress
    QSet<quint64> laterSwarms;
    QSet<quint64> laterAgents;
    for (std::size_t i = writes.size(); i-- > 0;) {
        if (const auto *a = std::get_if<AgentWrite>(&writes[i])) {
            moot[i] = laterAgents.contains(a->agent.id.value);
            laterAgents.insert(a->agent.id.value);
        } else if (const auto *w = std::get_if<SwarmWrite>(&writes[i])) {
            moot[i] = laterSwarms.contains(w->swarm.id.value);
            laterSwarms.insert(w->swarm.id.value);
        } else if (const auto *p = std::get_if<TaskProgress>(&writes[i])) {
            auto next = nextAttempt.find(p->id.value);
            if (next != nextAttempt.end() && next.value() >= p->attempt && p->state != Api::TaskState::Succeeded) {
                moot[i] = true; // the next write stays the one that decides
                continue;
            }
            nextAttempt.insert(p->id.value, p->attempt);
        } else if (const auto *t = std::get_if<TaskWrite>(&writes[i])) {
            nextAttempt.insert(t->task.id.value, notProgress);
        }
    }
    return moot;
}

// The key -> id map of `sql`, which selects (key, id).
template<typename IdType>
Api::Result<void> readKeys(SqliteDatabase &db, const QByteArray &sql, QHash<QString, IdType> &out)
{
    auto prepared = db.statement(sql);
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    while (query->next())
        out.insert(query->text(0), readId<IdType>(*query, 1));
    return query->status();
}

Api::Error notFound(const char *what, quint64 id)
{
    return Api::makeError(Api::ErrorCode::NotFound,
                          QStringLiteral("no %1 with id %2").arg(QLatin1StringView(what)).arg(id));
}

// Runs a prepared write with its parameters bound by `bind`.
template<typename Bind>
Api::Result<void> execute(SqliteDatabase &db, const QByteArray &sql, Bind bind)
{
    auto prepared = db.statement(sql);
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    bind(*query);
    return query->run();
}

} // namespace

Api::Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &path, Options options)
{
    auto db = SqliteDatabase::open(path, options.busyTimeoutMs);
    if (!db)
        return db.error();
    SqliteDatabase &database = *db.value();
    for (const auto &step : {&SqliteSchema::check, &configure, &SqliteFilter::registerFunctions}) {
        if (auto done = step(database); !done)
            return done.error();
    }
    if (auto migrated = SqliteSchema::migrate(database); !migrated)
        return migrated.error();
    std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(db).value()));
    auto upsert = store->m_db->statement(SqliteTaskRows::upsertSql);
    auto progress = store->m_db->statement(SqliteTaskRows::progressSql);
    if (!upsert || !progress)
        return upsert ? progress.error() : upsert.error();
    store->m_upsertTask = upsert.value();
    store->m_taskProgress = progress.value();
    return store;
}

SqliteStore::SqliteStore(std::unique_ptr<SqliteDatabase> db)
    : m_db(std::move(db))
{ }

SqliteStore::~SqliteStore() = default;

QString SqliteStore::path() const
{
    return m_db->path();
}

void SqliteStore::write(std::vector<StoreWrite> writes, Reply<void> done)
{
    const std::vector<bool> moot = mootWrites(writes);
    Api::Result<void> result = m_db->transaction([this, &writes, &moot]() -> Api::Result<void> {
        for (std::size_t i = 0; i < writes.size(); ++i) {
            if (moot[i])
                continue;
            if (auto applied = apply(writes[i]); !applied)
                return applied;
        }
        return {};
    });
    if (done)
        done(std::move(result));
}

Api::Result<void> SqliteStore::apply(const StoreWrite &write)
{
    return std::visit([this](const auto &w) { return apply(w); }, write);
}

Api::Result<void> SqliteStore::apply(const ProviderWrite &w)
{
    if (w.remove)
        return execute(*m_db, "DELETE FROM providers WHERE name = ?1",
                       [&w](SqliteStatement &s) { s.bind(1, w.settings.name); });
    return execute(*m_db,
                   "INSERT INTO providers (name, record) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET record = ?2",
                   [&w](SqliteStatement &s) {
                       s.bind(1, w.settings.name);
                       s.bindUtf8(2, QJsonDocument(Api::toJson(w.settings).toObject()).toJson(QJsonDocument::Compact));
                   });
}

Api::Result<void> SqliteStore::apply(const SwarmWrite &w)
{
    if (w.remove)
        return execute(*m_db, "DELETE FROM swarms WHERE id = ?1",
                       [&w](SqliteStatement &s) { s.bind(1, static_cast<qint64>(w.swarm.id.value)); });
    return execute(*m_db,
                   "INSERT INTO swarms (id, name, created_ms, record) VALUES (?1, ?2, ?3, ?4) "
                   "ON CONFLICT (id) DO UPDATE SET name = ?2, created_ms = ?3, record = ?4",
                   [&w](SqliteStatement &s) {
                       s.bind(1, static_cast<qint64>(w.swarm.id.value));
                       s.bind(2, w.swarm.name);
                       s.bind(3, w.swarm.createdMs);
                       s.bindUtf8(4, QJsonDocument(Api::toJson(w.swarm).toObject()).toJson(QJsonDocument::Compact));
                   });
}

Api::Result<void> SqliteStore::apply(const AgentWrite &w)
{
    if (w.remove)
        return execute(*m_db, "DELETE FROM agents WHERE id = ?1",
                       [&w](SqliteStatement &s) { s.bind(1, static_cast<qint64>(w.agent.id.value)); });
    return execute(*m_db,
                   "INSERT INTO agents (id, swarm_id, name, state, record) VALUES (?1, ?2, ?3, ?4, ?5) "
                   "ON CONFLICT (id) DO UPDATE SET swarm_id = ?2, name = ?3, state = ?4, record = ?5",
                   [&w](SqliteStatement &s) {
                       s.bind(1, static_cast<qint64>(w.agent.id.value));
                       s.bind(2, static_cast<qint64>(w.agent.swarmId.value));
                       s.bind(3, w.agent.spec.name);
                       bindEnum(s, 4, w.agent.state);
                       s.bindUtf8(5, QJsonDocument(Api::toJson(w.agent).toObject()).toJson(QJsonDocument::Compact));
                   });
}

Api::Result<void> SqliteStore::apply(const TaskWrite &w)
{
    SqliteQuery query(*m_upsertTask);
    SqliteTaskRows::bind(*query, w.task);
    return query->run();
}

Api::Result<void> SqliteStore::apply(const TaskProgress &w)
{
    SqliteQuery query(*m_taskProgress);
    SqliteTaskRows::bind(*query, w);
    return query->run();
}

Api::Result<void> SqliteStore::apply(const DecisionWrite &w)
{
    return SqliteDecisionRows::insert(*m_db, w.decision);
}

Api::Result<void> SqliteStore::apply(const ReputationWrite &w)
{
    const Api::Reputation &r = w.reputation;
    auto current = execute(*m_db,
                           "INSERT INTO reputations (agent_id, tag, alpha, beta, updates, updated_ms) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (agent_id, tag) DO UPDATE SET "
                           "alpha = ?3, beta = ?4, updates = ?5, updated_ms = ?6",
                           [&r](SqliteStatement &s) {
                               s.bind(1, static_cast<qint64>(r.agentId.value));
                               s.bind(2, r.tag);
                               s.bind(3, r.alpha);
                               s.bind(4, r.beta);
                               s.bind(5, static_cast<qint64>(r.updates));
                               s.bind(6, r.updatedMs);
                           });
    if (!current || !w.point)
        return current;
    const Api::ReputationPoint &p = *w.point;
    return execute(*m_db,
                   "INSERT INTO reputation_points (agent_id, tag, alpha, beta, cause, decision_id, time_ms) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                   [&p](SqliteStatement &s) {
                       s.bind(1, static_cast<qint64>(p.agentId.value));
                       s.bind(2, p.tag);
                       s.bind(3, p.alpha);
                       s.bind(4, p.beta);
                       bindEnum(s, 5, p.cause);
                       bindId(s, 6, p.decisionId);
                       s.bind(7, p.timeMs);
                   });
}

Api::Result<void> SqliteStore::apply(const FeedbackWrite &w)
{
    return SqliteDecisionRows::setFeedback(*m_db, w.decisionId, w.feedback);
}

Api::Result<void> SqliteStore::apply(const ProviderCallWrite &w)
{
    return execute(
        *m_db,
        "INSERT INTO provider_calls (key, provider, request, response, recorded_ms) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (key) DO UPDATE SET provider = ?2, request = ?3, response = ?4, recorded_ms = ?5",
        [&w](SqliteStatement &s) {
            s.bind(1, w.key);
            s.bind(2, w.provider);
            s.bindUtf8(3, w.request);
            s.bindUtf8(4, w.response);
            s.bind(5, w.recordedMs);
        });
}

Api::Result<void> SqliteStore::apply(const AuditWrite &w)
{
    const Api::AuditEntry &e = w.entry;
    return execute(
        *m_db,
        "INSERT INTO audit_log (time_ms, actor, action, target, allowed, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        [&e](SqliteStatement &s) {
            s.bind(1, e.timeMs);
            s.bind(2, e.actor);
            s.bind(3, e.action);
            s.bind(4, e.target);
            s.bind(5, qint64(e.allowed ? 1 : 0));
            s.bind(6, e.detail);
        });
}

Api::Result<void> SqliteStore::apply(const RunWrite &w)
{
    return execute(*m_db,
                   "INSERT INTO workflow_runs (id, workflow, state, idempotency_key, created_ms, record) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET workflow = ?2, state = ?3, "
                   "idempotency_key = ?4, created_ms = ?5, record = ?6",
                   [&w](SqliteStatement &s) {
                       s.bind(1, static_cast<qint64>(w.run.id.value));
                       s.bind(2, w.run.workflow.name);
                       bindEnum(s, 3, w.run.state);
                       s.bind(4, w.run.idempotencyKey);
                       s.bind(5, w.run.createdMs);
                       s.bindUtf8(6, QJsonDocument(Api::toJson(w.run).toObject()).toJson(QJsonDocument::Compact));
                   });
}

void SqliteStore::load(Reply<StoreSnapshot> done)
{
    done(snapshot());
}

Api::Result<StoreSnapshot> SqliteStore::snapshot()
{
    StoreSnapshot s;
    Api::Result<void> read
        = readAll(*m_db, "SELECT record FROM swarms ORDER BY id", s.swarms,
                  [](const SqliteStatement &row) { return parseRecord<Api::Swarm>(row, 0, "swarm"); });
    if (read)
        read = readAll(*m_db, "SELECT record FROM agents ORDER BY id", s.agents,
                       [](const SqliteStatement &row) { return parseRecord<Api::Agent>(row, 0, "agent"); });
    if (read)
        read = readAll(*m_db, SqliteTaskRows::unfinishedSql, s.unfinishedTasks, &SqliteTaskRows::read);
    if (read)
        read = readAll(*m_db, "SELECT agent_id, tag, alpha, beta, updates, updated_ms FROM reputations", s.reputations,
                       &readReputation);
    if (read)
        read
            = readAll(*m_db, "SELECT record FROM providers ORDER BY name", s.providers, [](const SqliteStatement &row) {
                  return parseRecord<Api::ProviderSettings>(row, 0, "provider");
              });
    if (read)
        read = readAll(*m_db, runSelectSql + " WHERE state NOT IN ('succeeded', 'failed', 'cancelled') ORDER BY id",
                       s.unfinishedRuns, &readRun);
    if (read)
        read = readKeys(*m_db, "SELECT idempotency_key, id FROM tasks WHERE idempotency_key <> ''", s.idempotencyKeys);
    if (read)
        read = readKeys(*m_db, "SELECT idempotency_key, id FROM workflow_runs WHERE idempotency_key <> ''",
                        s.runIdempotencyKeys);
    if (!read)
        return read.error();
    // Swarms and agents: the highest id ever stored, removed ones included (AUTOINCREMENT's record).
    const std::pair<const char *, quint64 *> maxima[] = {
        {"SELECT max(id) FROM tasks", &s.maxTaskId},
        {"SELECT max(id) FROM decisions", &s.maxDecisionId},
        {"SELECT max(id) FROM workflow_runs", &s.maxRunId},
        {"SELECT max(seq) FROM sqlite_sequence WHERE name = 'swarms'", &s.maxSwarmId},
        {"SELECT max(seq) FROM sqlite_sequence WHERE name = 'agents'", &s.maxAgentId},
    };
    for (const auto &[sql, out] : maxima) {
        auto value = m_db->integer(sql);
        if (!value)
            return value.error();
        *out = static_cast<quint64>(value.value());
    }
    return s;
}

void SqliteStore::task(Api::TaskId id, Reply<Api::Task> done)
{
    auto prepared = m_db->statement(SqliteTaskRows::selectSql + " WHERE id = ?1");
    if (!prepared)
        return done(prepared.error());
    SqliteQuery query(**prepared);
    query->bind(1, static_cast<qint64>(id.value));
    if (query->next())
        return done(SqliteTaskRows::read(*query));
    if (auto ok = query->status(); !ok)
        return done(ok.error());
    done(notFound("task", id.value));
}

void SqliteStore::queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done)
{
    done(tasks(query));
}

Api::Result<Api::Page<Api::Task>> SqliteStore::tasks(const Api::TaskQuery &query)
{
    const auto cursor = PageCursor::parse(query.page);
    if (!cursor)
        return cursor.error();
    return pageOf<Api::Task>(*m_db, SqliteTaskRows::selectSql, SqliteFilter::of(query, cursor->beforeId), "id",
                             query.page.limit, &SqliteTaskRows::read);
}

void SqliteStore::decision(Api::DecisionId id, Reply<Api::Decision> done)
{
    auto prepared = m_db->statement(SqliteDecisionRows::selectSql + " WHERE d.id = ?1");
    if (!prepared)
        return done(prepared.error());
    SqliteQuery query(**prepared);
    query->bind(1, static_cast<qint64>(id.value));
    if (query->next())
        return done(SqliteDecisionRows::read(*m_db, *query));
    if (auto ok = query->status(); !ok)
        return done(ok.error());
    done(notFound("decision", id.value));
}

void SqliteStore::queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done)
{
    done(decisions(query));
}

Api::Result<Api::Page<Api::Decision>> SqliteStore::decisions(const Api::DecisionQuery &query)
{
    const auto cursor = PageCursor::parse(query.page);
    if (!cursor)
        return cursor.error();
    return pageOf<Api::Decision>(*m_db, SqliteDecisionRows::selectSql, SqliteFilter::of(query, cursor->beforeId),
                                 "d.id", query.page.limit,
                                 [this](const SqliteStatement &row) { return SqliteDecisionRows::read(*m_db, row); });
}

void SqliteStore::reputationHistory(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done)
{
    done(points(query));
}

Api::Result<Api::Page<Api::ReputationPoint>> SqliteStore::points(const Api::ReputationQuery &query)
{
    const auto cursor = PageCursor::parse(query.page);
    if (!cursor)
        return cursor.error();
    return pageOf<Api::ReputationPoint>(*m_db, pointSelectSql, SqliteFilter::of(query, cursor->beforeId), "id",
                                        query.page.limit, &readPoint);
}

void SqliteStore::queryAudit(const Api::AuditQuery &query, Reply<Api::Page<Api::AuditEntry>> done)
{
    const auto cursor = PageCursor::parse(query.page);
    if (!cursor)
        return done(cursor.error());
    done(pageOf<Api::AuditEntry>(*m_db, "SELECT id, time_ms, actor, action, target, allowed, detail FROM audit_log",
                                 SqliteFilter::of(query, cursor->beforeId), "id", query.page.limit,
                                 [](const SqliteStatement &s) -> Api::Result<Api::AuditEntry> {
                                     return Api::AuditEntry {s.int64(1), s.text(2),       s.text(3),
                                                             s.text(4),  s.int64(5) != 0, s.text(6)};
                                 }));
}

void SqliteStore::run(Api::RunId id, Reply<Api::Run> done)
{
    auto prepared = m_db->statement(runSelectSql + " WHERE id = ?1");
    if (!prepared)
        return done(prepared.error());
    SqliteQuery query(**prepared);
    query->bind(1, static_cast<qint64>(id.value));
    if (query->next())
        return done(readRun(*query));
    if (auto ok = query->status(); !ok)
        return done(ok.error());
    done(notFound("run", id.value));
}

Api::Result<void> SqliteStore::apply(const MetricsRollupWrite &w)
{
    auto pruned = execute(*m_db, "DELETE FROM metrics_rollups WHERE minute_ms < ?1",
                          [&w](SqliteStatement &s) { s.bind(1, w.keepFromMs); });
    if (!pruned)
        return pruned;
    return execute(*m_db,
                   "INSERT INTO metrics_rollups (minute_ms, record) VALUES (?1, ?2) "
                   "ON CONFLICT (minute_ms) DO UPDATE SET record = ?2",
                   [&w](SqliteStatement &s) {
                       s.bind(1, w.rollup.timeMs);
                       s.bindUtf8(2, QJsonDocument(Api::toJson(w.rollup).toObject()).toJson(QJsonDocument::Compact));
                   });
}

void SqliteStore::metricsHistory(qint64 fromMs, qint64 toMs, Reply<QList<Api::MetricsSnapshot>> done)
{
    auto prepared = m_db->statement(
        "SELECT minute_ms, record FROM metrics_rollups WHERE minute_ms >= ?1 AND minute_ms < ?2 ORDER BY minute_ms");
    if (!prepared)
        return done(prepared.error());
    SqliteQuery query(**prepared);
    query->bind(1, fromMs);
    query->bind(2, toMs);
    QList<Api::MetricsSnapshot> rollups;
    while (query->next()) {
        auto rollup = parseRecord<Api::MetricsSnapshot>(*query, 1, "metrics roll-up");
        if (!rollup)
            return done(rollup.error());
        rollups.append(std::move(rollup).value());
    }
    if (auto ok = query->status(); !ok)
        return done(ok.error());
    done(std::move(rollups));
}

void SqliteStore::queryRuns(const Api::RunQuery &query, Reply<Api::Page<Api::Run>> done)
{
    const auto cursor = PageCursor::parse(query.page);
    if (!cursor)
        return done(cursor.error());
    done(pageOf<Api::Run>(*m_db, runSelectSql, SqliteFilter::of(query, cursor->beforeId), "id", query.page.limit,
                          &readRun));
}

void SqliteStore::recordedCall(const QString &key, Reply<ProviderCallWrite> done)
{
    auto prepared
        = m_db->statement("SELECT key, provider, request, response, recorded_ms FROM provider_calls WHERE key = ?1");
    if (!prepared)
        return done(prepared.error());
    SqliteQuery query(**prepared);
    query->bind(1, key);
    if (query->next())
        return done(
            ProviderCallWrite {query->text(0), query->text(1), query->utf8(2), query->utf8(3), query->int64(4)});
    if (auto ok = query->status(); !ok)
        return done(ok.error());
    done(
        Api::makeError(Api::ErrorCode::NotFound, QStringLiteral("no provider call is recorded under key %1").arg(key)));
}

void SqliteStore::putMemory(const Api::MemoryEntry &entry, const Api::MemoryBudget &budget, qint64 nowMs,
                            Reply<Api::MemoryEntry> done)
{
    done(SqliteMemoryRows::put(*m_db, entry, budget, nowMs));
}

void SqliteStore::importMemory(const QList<Api::MemoryEntry> &entries, Reply<void> done)
{
    done(SqliteMemoryRows::import(*m_db, entries));
}

void SqliteStore::memoryEntry(Api::MemoryId id, Reply<Api::MemoryEntry> done)
{
    done(SqliteMemoryRows::entry(*m_db, id));
}

void SqliteStore::removeMemory(Api::MemoryId id, Reply<void> done)
{
    done(SqliteMemoryRows::remove(*m_db, id));
}

void SqliteStore::touchMemory(const QList<Api::MemoryId> &ids, qint64 nowMs, Reply<void> done)
{
    auto touched = SqliteMemoryRows::touch(*m_db, ids, nowMs);
    if (done)
        done(std::move(touched));
}

void SqliteStore::queryMemory(const Api::MemoryQuery &query, qint64 nowMs, Reply<Api::Page<Api::MemoryEntry>> done)
{
    done(SqliteMemoryRows::query(*m_db, query, nowMs));
}

} // namespace QwenSwarm::Engine
