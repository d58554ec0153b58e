#include "store/sqlitememoryrows.h"

#include "store/memoryrules.h"
#include "store/pagecursor.h"
#include "store/sqlitedatabase.h"
#include "store/sqlitevalues.h"

#include <variant>

namespace QwenSwarm::Engine::SqliteMemoryRows {

using namespace SqliteValues;

namespace {

const QByteArray columns = "m.id, m.agent_id, m.swarm_id, m.kind, m.text, m.tags, m.source, m.created_ms, "
                           "m.last_used_ms, m.expires_ms";

// The token of an owner in the index's owner column ("o7" for agent 7, "on3" for swarm 3's shared
// entries), as the schema's version 8 writes it.
QString ownerToken(qint64 owner)
{
    return owner < 0 ? QStringLiteral("on") + QString::number(-owner) : QStringLiteral("o") + QString::number(owner);
}

Api::Error notFound(Api::MemoryId id)
{
    return Api::makeError(Api::ErrorCode::NotFound, QStringLiteral("no memory entry with id %1").arg(id.value));
}

Api::Result<Api::MemoryEntry> read(const SqliteStatement &s)
{
    const auto kind = readEnum<Api::MemoryKind>(s, 3);
    if (!kind)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("unknown memory kind ") + s.text(3));
    Api::MemoryEntry e;
    e.id = readId<Api::MemoryId>(s, 0);
    e.agentId = readId<Api::AgentId>(s, 1);
    e.swarmId = readId<Api::SwarmId>(s, 2);
    e.kind = *kind;
    e.text = s.text(4);
    if (!s.isNull(5)) {
        for (const QJsonValue &tag : QJsonDocument::fromJson(s.utf8(5)).array())
            e.tags.append(tag.toString());
    }
    e.source = s.text(6);
    e.createdMs = s.int64(7);
    e.lastUsedMs = s.int64(8);
    e.expiresMs = s.int64(9);
    return e;
}

Api::Result<void> run(SqliteDatabase &db, const QByteArray &sql, const std::function<void(SqliteStatement &)> &bind)
{
    auto prepared = db.statement(sql);
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    bind(*query);
    return query->run();
}

void bindEntry(SqliteStatement &s, const Api::MemoryEntry &e)
{
    s.bind(1, MemoryRules::ownerKey(e));
    bindId(s, 2, e.agentId);
    s.bind(3, static_cast<qint64>(e.swarmId.value));
    bindEnum(s, 4, e.kind);
    s.bind(5, e.text);
    if (e.tags.isEmpty())
        s.bindNull(6);
    else
        s.bindUtf8(6, QJsonDocument(QJsonArray::fromStringList(e.tags)).toJson(QJsonDocument::Compact));
    s.bind(7, e.source);
    s.bind(8, e.createdMs);
    s.bind(9, e.lastUsedMs);
    s.bind(10, e.expiresMs);
    s.bind(11, MemoryRules::bytes(e.text));
}

Api::Result<void> writeRow(SqliteDatabase &db, Api::MemoryEntry &e)
{
    if (e.id.isValid()) {
        auto updated = run(db,
                           "UPDATE memory_entries SET owner = ?1, agent_id = ?2, swarm_id = ?3, kind = ?4, text = ?5, "
                           "tags = ?6, source = ?7, created_ms = ?8, last_used_ms = ?9, expires_ms = ?10, bytes = ?11 "
                           "WHERE id = ?12",
                           [&e](SqliteStatement &s) {
                               bindEntry(s, e);
                               s.bind(12, static_cast<qint64>(e.id.value));
                           });
        if (!updated)
            return updated;
        if (db.changes() == 0)
            return notFound(e.id);
        return run(db, "DELETE FROM memory_tags WHERE entry_id = ?1",
                   [&e](SqliteStatement &s) { s.bind(1, static_cast<qint64>(e.id.value)); });
    }
    auto prepared = db.statement("INSERT INTO memory_entries (owner, agent_id, swarm_id, kind, text, tags, source, "
                                 "created_ms, last_used_ms, expires_ms, bytes) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id");
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    bindEntry(*query, e);
    if (query->next())
        e.id = readId<Api::MemoryId>(*query, 0);
    while (query->next()) { }
    return query->status();
}

Api::Result<void> writeWords(SqliteDatabase &db, const Api::MemoryEntry &e)
{
    auto removed = run(db, "DELETE FROM memory_fts WHERE rowid = ?1",
                       [&e](SqliteStatement &s) { s.bind(1, static_cast<qint64>(e.id.value)); });
    if (!removed)
        return removed;
    return run(db, "INSERT INTO memory_fts (rowid, words, owner) VALUES (?1, ?2, ?3)", [&e](SqliteStatement &s) {
        s.bind(1, static_cast<qint64>(e.id.value));
        s.bind(2, MemoryRules::distinctWords(e.text).join(QLatin1Char(' ')));
        s.bind(3, ownerToken(MemoryRules::ownerKey(e)));
    });
}

Api::Result<void> writeTags(SqliteDatabase &db, const Api::MemoryEntry &e)
{
    for (const QString &tag : e.tags) {
        auto written
            = run(db, "INSERT OR IGNORE INTO memory_tags (tag, entry_id) VALUES (?1, ?2)", [&](SqliteStatement &s) {
                  s.bind(1, tag);
                  s.bind(2, static_cast<qint64>(e.id.value));
              });
        if (!written)
            return written;
    }
    return {};
}

// Whether the owner is over budget or holds an expired entry: only then are its entries read.
Api::Result<bool> needsEviction(SqliteDatabase &db, qint64 owner, const Api::MemoryBudget &budget, qint64 nowMs)
{
    auto prepared = db.statement(
        "SELECT o.entries, o.bytes, EXISTS (SELECT 1 FROM memory_entries WHERE owner = ?1 AND expires_ms <> 0 "
        "AND expires_ms <= ?2) FROM memory_owners o WHERE o.owner = ?1");
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    query->bind(1, owner);
    query->bind(2, nowMs);
    bool needed = false;
    if (query->next()) {
        needed = (budget.maxEntries > 0 && query->int64(0) > budget.maxEntries)
            || (budget.maxBytes > 0 && query->int64(1) > budget.maxBytes) || query->int64(2) != 0;
    }
    if (auto ok = query->status(); !ok)
        return ok.error();
    return needed;
}

Api::Result<void> evict(SqliteDatabase &db, qint64 owner, const Api::MemoryBudget &budget, qint64 nowMs)
{
    auto needed = needsEviction(db, owner, budget, nowMs);
    if (!needed || !needed.value())
        return needed ? Api::Result<void>() : Api::Result<void>(needed.error());
    std::vector<MemoryRules::Candidate> candidates;
    {
        auto prepared = db.statement("SELECT id, bytes, last_used_ms, expires_ms FROM memory_entries WHERE owner = ?1");
        if (!prepared)
            return prepared.error();
        SqliteQuery query(**prepared);
        query->bind(1, owner);
        while (query->next()) {
            candidates.push_back(
                {static_cast<quint64>(query->int64(0)), query->int64(1), query->int64(2), query->int64(3)});
        }
        if (auto ok = query->status(); !ok)
            return ok;
    }
    for (const quint64 id : MemoryRules::evictions(std::move(candidates), budget, nowMs)) {
        auto removed = run(db, "DELETE FROM memory_entries WHERE id = ?1",
                           [id](SqliteStatement &s) { s.bind(1, static_cast<qint64>(id)); });
        if (!removed)
            return removed;
    }
    return {};
}

// A WHERE clause and its parameters, numbered in the order added.
class Filter
{
public:
    void add(const QByteArray &condition) { m_where += (m_where.isEmpty() ? " WHERE " : " AND ") + condition; }
    QByteArray param(qint64 value) { return added(value); }
    QByteArray param(const QString &value) { return added(value); }
    const QByteArray &where() const { return m_where; }
    void bind(SqliteStatement &s) const
    {
        int index = 1;
        for (const auto &value : m_values) {
            if (const auto *n = std::get_if<qint64>(&value))
                s.bind(index++, *n);
            else
                s.bind(index++, std::get<QString>(value));
        }
    }

private:
    QByteArray added(std::variant<qint64, QString> value)
    {
        m_values.push_back(std::move(value));
        return '?' + QByteArray::number(qsizetype(m_values.size()));
    }

    QByteArray m_where;
    std::vector<std::variant<qint64, QString>> m_values;
};

} // namespace

Api::Result<Api::MemoryEntry> put(SqliteDatabase &db, Api::MemoryEntry entry, const Api::MemoryBudget &budget,
                                  qint64 nowMs)
{
    if (auto checked = MemoryRules::checkEntry(entry); !checked)
        return checked.error();
    auto written = db.transaction([&]() -> Api::Result<void> {
        if (auto row = writeRow(db, entry); !row)
            return row;
        if (auto tags = writeTags(db, entry); !tags)
            return tags;
        if (auto indexed = writeWords(db, entry); !indexed)
            return indexed;
        return evict(db, MemoryRules::ownerKey(entry), budget, nowMs);
    });
    if (!written)
        return written.error();
    return entry;
}

Api::Result<void> import(SqliteDatabase &db, const QList<Api::MemoryEntry> &entries)
{
    for (const Api::MemoryEntry &e : entries) {
        if (auto checked = MemoryRules::checkImport(e); !checked)
            return checked;
    }
    return db.transaction([&]() -> Api::Result<void> {
        for (Api::MemoryEntry e : entries) {
            if (auto row = writeRow(db, e); !row)
                return row;
            if (auto tags = writeTags(db, e); !tags)
                return tags;
            if (auto indexed = writeWords(db, e); !indexed)
                return indexed;
        }
        return {};
    });
}

Api::Result<Api::MemoryEntry> entry(SqliteDatabase &db, Api::MemoryId id)
{
    auto prepared = db.statement("SELECT " + columns + " FROM memory_entries m WHERE m.id = ?1");
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    query->bind(1, static_cast<qint64>(id.value));
    if (query->next())
        return read(*query);
    if (auto ok = query->status(); !ok)
        return ok.error();
    return notFound(id);
}

Api::Result<void> remove(SqliteDatabase &db, Api::MemoryId id)
{
    bool found = false;
    auto removed = db.transaction([&]() -> Api::Result<void> {
        auto done = run(db, "DELETE FROM memory_entries WHERE id = ?1",
                        [id](SqliteStatement &s) { s.bind(1, static_cast<qint64>(id.value)); });
        found = db.changes() > 0;
        return done;
    });
    if (!removed)
        return removed;
    return found ? Api::Result<void>() : Api::Result<void>(notFound(id));
}

Api::Result<void> touch(SqliteDatabase &db, const QList<Api::MemoryId> &ids, qint64 nowMs)
{
    if (ids.isEmpty())
        return {};
    return db.transaction([&]() -> Api::Result<void> {
        for (const Api::MemoryId id : ids) {
            auto touched
                = run(db, "UPDATE memory_entries SET last_used_ms = ?1 WHERE id = ?2", [&](SqliteStatement &s) {
                      s.bind(1, nowMs);
                      s.bind(2, static_cast<qint64>(id.value));
                  });
            if (!touched)
                return touched;
        }
        return {};
    });
}

Api::Result<Api::Page<Api::MemoryEntry>> query(SqliteDatabase &db, const Api::MemoryQuery &q, qint64 nowMs)
{
    const auto cursor = PageCursor::parse(q.page);
    if (!cursor)
        return cursor.error();
    const QStringList words = MemoryRules::words(q.text);
    const QList<qint64> owners = MemoryRules::queryOwners(q);
    Filter filter;
    QByteArray from = " FROM memory_entries m";
    QByteArray id = "m.id";
    if (!words.isEmpty()) {
        // Driven by the index: the entries holding every word (and of one of the owners), newest
        // first as FTS5 keeps them by rowid, each joined to its entry.
        from = " FROM memory_fts f CROSS JOIN memory_entries m ON m.id = f.rowid";
        id = "f.rowid";
        QString match = QStringLiteral("words : (\"") + words.join(QStringLiteral("\" \"")) + QStringLiteral("\")");
        if (!owners.isEmpty()) {
            QStringList tokens;
            for (const qint64 owner : owners)
                tokens << ownerToken(owner);
            match += QStringLiteral(" AND owner : (") + tokens.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        }
        filter.add("memory_fts MATCH " + filter.param(match));
    }
    if (cursor->beforeId != 0)
        filter.add(id + " < " + filter.param(static_cast<qint64>(cursor->beforeId)));
    if (!owners.isEmpty()) {
        QByteArray in;
        for (const qint64 owner : owners)
            in += (in.isEmpty() ? "" : ", ") + filter.param(owner);
        filter.add("m.owner IN (" + in + ')');
    }
    if (q.swarmId.isValid())
        filter.add("m.swarm_id = " + filter.param(static_cast<qint64>(q.swarmId.value)));
    if (!q.kinds.isEmpty()) {
        QByteArray in;
        for (const Api::MemoryKind kind : q.kinds)
            in += (in.isEmpty() ? "" : ", ") + filter.param(Api::enumName(kind).toString());
        filter.add("m.kind IN (" + in + ')');
    }
    if (!q.tag.isEmpty())
        filter.add("EXISTS (SELECT 1 FROM memory_tags WHERE tag = " + filter.param(q.tag) + " AND entry_id = m.id)");
    if (q.createdFromMs != 0)
        filter.add("m.created_ms >= " + filter.param(q.createdFromMs));
    if (q.createdToMs != 0)
        filter.add("m.created_ms < " + filter.param(q.createdToMs));
    if (!q.includeExpired)
        filter.add("(m.expires_ms = 0 OR m.expires_ms > " + filter.param(nowMs) + ')');
    const QByteArray limit = filter.param(qint64(q.page.limit) + 1);
    auto prepared
        = db.statement("SELECT " + columns + from + filter.where() + " ORDER BY " + id + " DESC LIMIT " + limit);
    if (!prepared)
        return prepared.error();
    SqliteQuery rows(**prepared);
    filter.bind(*rows);
    Api::Page<Api::MemoryEntry> page;
    while (rows->next()) {
        if (page.items.size() == q.page.limit) {
            page.nextCursor = PageCursor::encode(page.items.constLast().id.value);
            break;
        }
        auto item = read(*rows);
        if (!item)
            return item.error();
        page.items.append(std::move(item).value());
    }
    if (auto ok = rows->status(); !ok)
        return ok.error();
    return page;
}

} // namespace QwenSwarm::Engine::SqliteMemoryRows
