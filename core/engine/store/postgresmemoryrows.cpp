#include "store/postgresmemoryrows.h"

#include "store/memoryrules.h"
#include "store/pagecursor.h"
#include "store/postgresconnection.h"
#include "store/postgresvalues.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <optional>

#include <pqxx/result>
#include <pqxx/transaction_base>

namespace QwenSwarm::Engine::PostgresMemoryRows {

namespace {

const std::string columns = "m.id, coalesce(m.agent_id, 0), m.swarm_id, m.kind, m.text, array_to_json(m.tags)::text, "
                            "m.source, m.created_ms, m.last_used_ms, m.expires_ms";

const std::string insertSql
    = "INSERT INTO memory_entries (owner, agent_id, swarm_id, kind, text, tags, source, created_ms, last_used_ms, "
      "expires_ms, bytes, search) VALUES ($1, NULLIF($2::bigint, 0), $3, $4, $5, $6::text[], $7, $8, $9, $10, "
      "$11, array_to_tsvector($12::text[])) RETURNING id";

const std::string updateSql
    = "UPDATE memory_entries SET owner = $1, agent_id = NULLIF($2::bigint, 0), swarm_id = $3, kind = $4, text = $5, "
      "tags = $6::text[], source = $7, created_ms = $8, last_used_ms = $9, expires_ms = $10, bytes = $11, "
      "search = array_to_tsvector($12::text[]) WHERE id = $13 RETURNING id";

// Lists (tags, words) travel as JSON arrays of strings (NULL when empty), one per row.
const std::string importSql = R"sql(
INSERT INTO memory_entries (owner, agent_id, swarm_id, kind, text, tags, source, created_ms, last_used_ms, expires_ms,
                            bytes, search)
SELECT owner, NULLIF(agent_id, 0), swarm_id, kind, text,
       ARRAY(SELECT json_array_elements_text(coalesce(tags, '[]')::json)), source, created_ms, last_used_ms,
       expires_ms, bytes, array_to_tsvector(ARRAY(SELECT json_array_elements_text(coalesce(words, '[]')::json)))
FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
            $9::bigint[], $10::bigint[], $11::bigint[], $12::text[])
     WITH ORDINALITY AS r(owner, agent_id, swarm_id, kind, text, tags, source, created_ms, last_used_ms, expires_ms,
                          bytes, words, n)
ORDER BY n
)sql";

std::string number(qint64 value)
{
    return std::to_string(value);
}

std::string text(const QString &value)
{
    return value.toUtf8().toStdString();
}

Api::Error notFound(Api::MemoryId id)
{
    return Api::makeError(Api::ErrorCode::NotFound, QStringLiteral("no memory entry with id %1").arg(id.value));
}

Api::Result<Api::MemoryEntry> read(const PostgresRow &r)
{
    const auto kind = r.enumValue<Api::MemoryKind>(3);
    if (!kind)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("unknown memory kind ") + r.text(3));
    Api::MemoryEntry e;
    e.id = r.id<Api::MemoryId>(0);
    e.agentId = r.id<Api::AgentId>(1);
    e.swarmId = r.id<Api::SwarmId>(2);
    e.kind = *kind;
    e.text = r.text(4);
    for (const QJsonValue &tag : QJsonDocument::fromJson(r.utf8(5)).array())
        e.tags.append(tag.toString());
    e.source = r.text(6);
    e.createdMs = r.int64(7);
    e.lastUsedMs = r.int64(8);
    e.expiresMs = r.int64(9);
    return e;
}

std::vector<std::string> entryParameters(const Api::MemoryEntry &e)
{
    PostgresArray tags;
    for (const QString &tag : e.tags)
        tags.add(tag);
    PostgresArray words;
    for (const QString &word : MemoryRules::distinctWords(e.text))
        words.add(word);
    return {number(MemoryRules::ownerKey(e)),
            number(static_cast<qint64>(e.agentId.value)),
            number(static_cast<qint64>(e.swarmId.value)),
            text(Api::enumName(e.kind).toString()),
            text(e.text),
            tags.take(),
            text(e.source),
            number(e.createdMs),
            number(e.lastUsedMs),
            number(e.expiresMs),
            number(MemoryRules::bytes(e.text)),
            words.take()};
}

Api::Result<void> evict(PostgresConnection &c, pqxx::transaction_base &tx, qint64 owner,
                        const Api::MemoryBudget &budget, qint64 nowMs)
{
    const pqxx::result totals = c.exec(tx,
                                       "SELECT count(*), coalesce(sum(bytes), 0), count(*) FILTER (WHERE expires_ms "
                                       "<> 0 AND expires_ms <= $2) FROM memory_entries WHERE owner = $1",
                                       {number(owner), number(nowMs)});
    const PostgresRow t(totals[0]);
    const bool needed = (budget.maxEntries > 0 && t.int64(0) > budget.maxEntries)
        || (budget.maxBytes > 0 && t.int64(1) > budget.maxBytes) || t.int64(2) != 0;
    if (!needed)
        return {};
    std::vector<MemoryRules::Candidate> candidates;
    for (const auto &row : c.exec(tx, "SELECT id, bytes, last_used_ms, expires_ms FROM memory_entries WHERE owner = $1",
                                  {number(owner)})) {
        const PostgresRow r(row);
        candidates.push_back({static_cast<quint64>(r.int64(0)), r.int64(1), r.int64(2), r.int64(3)});
    }
    PostgresArray ids;
    int count = 0;
    for (const quint64 id : MemoryRules::evictions(std::move(candidates), budget, nowMs)) {
        ids.add(static_cast<qint64>(id));
        ++count;
    }
    if (count > 0)
        c.exec(tx, "DELETE FROM memory_entries WHERE id = ANY($1::bigint[])", {ids.take()});
    return {};
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

// The parameters of one statement, numbered in the order added.
class Parameters
{
public:
    /// Adds `value`; answers its placeholder, "$n".
    std::string add(std::string value)
    {
        m_values.push_back(std::move(value));
        return '$' + std::to_string(m_values.size());
    }
    const std::vector<std::string> &values() const { return m_values; }

private:
    std::vector<std::string> m_values;
};

// What an entry (m) must be to belong to the results of `q` at `nowMs`, paging aside: " AND ..."
// for each condition.
std::string conditions(const Api::MemoryQuery &q, qint64 nowMs, Parameters &p)
{
    std::string where;
    const auto add = [&where](const std::string &condition) { where += " AND " + condition; };
    const QStringList words = MemoryRules::words(q.text);
    if (!words.isEmpty()) {
        const QString tsquery = QLatin1Char('\'') + words.join(QStringLiteral("' & '")) + QLatin1Char('\'');
        add("m.search @@ " + p.add(text(tsquery)) + "::tsquery");
    }
    const QList<qint64> owners = MemoryRules::queryOwners(q);
    if (!owners.isEmpty()) {
        PostgresArray array;
        for (const qint64 owner : owners)
            array.add(owner);
        add("m.owner = ANY(" + p.add(array.take()) + "::bigint[])");
    }
    if (q.swarmId.isValid())
        add("m.swarm_id = " + p.add(number(static_cast<qint64>(q.swarmId.value))));
    if (!q.kinds.isEmpty()) {
        PostgresArray kinds;
        for (const Api::MemoryKind kind : q.kinds)
            kinds.addEnum(kind);
        add("m.kind = ANY(" + p.add(kinds.take()) + "::text[])");
    }
    if (!q.tag.isEmpty()) {
        PostgresArray tag;
        tag.add(q.tag);
        add("m.tags @> " + p.add(tag.take()) + "::text[]");
    }
    if (q.createdFromMs != 0)
        add("m.created_ms >= " + p.add(number(q.createdFromMs)));
    if (q.createdToMs != 0)
        add("m.created_ms < " + p.add(number(q.createdToMs)));
    if (!q.includeExpired)
        add("(m.expires_ms = 0 OR m.expires_ms > " + p.add(number(nowMs)) + ')');
    return where;
}

// A set of entries a search needs its results to be in: the entries holding any of some terms of
// memory_terms (a word; '#' and a tag; '@' and an owner key; '$' and a swarm id). A search reads one
// of its sources (the driver) newest first, keeps the ids that each of the others holds too, looked
// up in the same index, and only then reads the entries themselves.
struct Source
{
    std::vector<std::string> terms;

    // "SELECT x.id ...": the ids of `term` that pass `also` (" AND ..." on x.id).
    static std::string ids(const std::string &term, const std::string &also, Parameters &p)
    {
        return "SELECT x.id FROM memory_terms x WHERE x.term = " + p.add(term) + also;
    }

    // " AND EXISTS (...)": whether x.id is in the set, looked up in the index for each id read. The
    // fence (OFFSET 0) keeps it a lookup: joined instead, the planner would merge the driver's ids
    // with every id of a frequent term down to the oldest one it needs.
    std::string contains(Parameters &p) const
    {
        PostgresArray array;
        for (const std::string &term : terms)
            array.addUtf8(QByteArray::fromStdString(term));
        return " AND EXISTS (SELECT 1 FROM memory_terms t WHERE t.term = ANY(" + p.add(array.take())
            + "::text[]) AND t.id = x.id OFFSET 0)";
    }
};

// The tags memory_terms holds (see memory_entry_terms in postgresschema.cpp).
constexpr qsizetype maxTermTagBytes = 256;

// The words of a search that the index narrows it by, at most this many: the statements keep a
// bounded size and shape however many words a caller sends (the text filter on the entries still
// checks every word).
constexpr qsizetype maxWordSources = 8;

// The sources a search could read from: one per word (the longest ones, which tend to be the rarer,
// when there are more than maxWordSources), the tag, the owners (any of them), or the swarm when it
// names no owner.
std::vector<Source> sourcesOf(const Api::MemoryQuery &q)
{
    QStringList words = MemoryRules::distinctWords(q.text);
    if (words.size() > maxWordSources) {
        std::stable_sort(words.begin(), words.end(),
                         [](const QString &a, const QString &b) { return a.size() > b.size(); });
        words.resize(maxWordSources);
    }
    std::vector<Source> sources;
    for (const QString &word : words)
        sources.push_back({{text(word)}});
    if (!q.tag.isEmpty() && q.tag.toUtf8().size() <= maxTermTagBytes)
        sources.push_back({{text(QLatin1Char('#') + q.tag)}});
    const QList<qint64> owners = MemoryRules::queryOwners(q);
    if (!owners.isEmpty()) {
        Source any;
        for (const qint64 owner : owners)
            any.terms.push_back('@' + number(owner));
        sources.push_back(std::move(any));
    } else if (q.swarmId.isValid()) {
        sources.push_back({{'$' + number(static_cast<qint64>(q.swarmId.value))}});
    }
    return sources;
}

// " AND x.id < $n" for a page that ends before `beforeId` (none for the first page).
std::string below(quint64 beforeId, Parameters &p)
{
    return beforeId == 0 ? std::string() : " AND x.id < " + p.add(number(static_cast<qint64>(beforeId)));
}

// How many of a source's newest ids the choice of a source reads.
constexpr int sample = 1000;

// Which source holds the fewest entries: every result is among its ids, so a search that reads them
// newest first and stops after a page reads the fewest. A source with fewer than `sample` ids is
// counted exactly; of those with more, the one whose sample reaches furthest back is the sparsest.
std::size_t rarest(PostgresConnection &c, pqxx::transaction_base &tx, const std::vector<Source> &sources,
                   quint64 beforeId)
{
    if (sources.size() <= 1)
        return 0;
    Parameters p;
    const std::string before = below(beforeId, p);
    std::string sql;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        std::string ids;
        for (const std::string &term : sources[i].terms)
            ids += (ids.empty() ? "" : " UNION ALL ") + Source::ids(term, before, p);
        sql += (i == 0 ? "" : " UNION ALL ") + std::string("SELECT ") + std::to_string(i)
            + ", count(*), coalesce(min(id), 0) FROM (SELECT id FROM (" + ids + ") s ORDER BY id DESC LIMIT "
            + std::to_string(sample) + ") s";
    }
    std::size_t best = 0;
    std::optional<std::pair<qint64, qint64>> bestKey;
    for (const auto &row : c.exec(tx, sql, p.values())) {
        const PostgresRow r(row);
        const qint64 count = r.int64(1);
        // Exact counts first, fewest first; then full samples, the oldest reach first.
        const std::pair<qint64, qint64> key {count < sample ? 0 : 1, count < sample ? count : r.int64(2)};
        if (!bestKey || key < *bestKey) {
            bestKey = key;
            best = static_cast<std::size_t>(r.int64(0));
        }
    }
    return best;
}

// The statement that answers `q` with `limit` rows at most, newest first.
std::string searchSql(const Api::MemoryQuery &q, const std::vector<Source> &sources, std::size_t driver,
                      quint64 beforeId, qint64 nowMs, qint64 limit, Parameters &p)
{
    const std::string where = conditions(q, nowMs, p);
    std::string also = below(beforeId, p);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (i != driver)
            also += sources[i].contains(p);
    }
    const std::string rows = p.add(number(limit));
    // The ids newest first, each entry read and checked once its id passed the indexes, until `rows`
    // are found. The fence (OFFSET 0) keeps the planner to that: it would otherwise join the entries
    // to the ids by sorting or hashing every entry of a frequent term.
    const auto reading = [&](const std::string &ids) {
        return "SELECT " + columns + " FROM (" + ids
            + ") s CROSS JOIN LATERAL (SELECT * FROM memory_entries m WHERE m.id = s.id" + where
            + " OFFSET 0) m ORDER BY s.id DESC LIMIT " + rows;
    };
    if (sources.empty())
        return reading("SELECT x.id FROM memory_entries x WHERE true" + also);
    const std::vector<std::string> &terms = sources[driver].terms;
    if (terms.size() == 1)
        return reading(Source::ids(terms.front(), also, p));
    // Any of several terms (owners): each one's newest, then the newest of them all.
    std::string each;
    for (const std::string &term : terms)
        each += (each.empty() ? "(" : " UNION ALL (") + reading(Source::ids(term, also, p)) + ')';
    return "SELECT * FROM (" + each + ") u ORDER BY id DESC LIMIT " + rows;
}

} // namespace

Api::Result<Api::MemoryEntry> put(PostgresConnection &c, Api::MemoryEntry entry, const Api::MemoryBudget &budget,
                                  qint64 nowMs)
{
    if (auto checked = MemoryRules::checkEntry(entry); !checked)
        return checked.error();
    auto written = c.transaction([&](pqxx::transaction_base &tx) -> Api::Result<void> {
        std::vector<std::string> parameters = entryParameters(entry);
        if (entry.id.isValid())
            parameters.push_back(number(static_cast<qint64>(entry.id.value)));
        const pqxx::result rows = c.exec(tx, entry.id.isValid() ? updateSql : insertSql, parameters);
        if (rows.empty())
            return notFound(entry.id);
        entry.id = PostgresRow(rows[0]).id<Api::MemoryId>(0);
        return evict(c, tx, MemoryRules::ownerKey(entry), budget, nowMs);
    });
    if (!written)
        return written.error();
    return entry;
}

Api::Result<void> import(PostgresConnection &c, const QList<Api::MemoryEntry> &entries)
{
    if (entries.isEmpty())
        return {};
    PostgresColumns columns(12);
    for (const Api::MemoryEntry &e : entries) {
        if (auto checked = MemoryRules::checkImport(e); !checked)
            return checked;
        columns[0].add(MemoryRules::ownerKey(e));
        columns[1].add(static_cast<qint64>(e.agentId.value));
        columns[2].add(static_cast<qint64>(e.swarmId.value));
        columns[3].addEnum(e.kind);
        columns[4].add(e.text);
        columns[5].addStrings(e.tags);
        columns[6].add(e.source);
        columns[7].add(e.createdMs);
        columns[8].add(e.lastUsedMs);
        columns[9].add(e.expiresMs);
        columns[10].add(MemoryRules::bytes(e.text));
        columns[11].addStrings(MemoryRules::distinctWords(e.text));
        columns.addRow();
    }
    // One statement for the whole batch, in order (ids are handed out in the order of the rows).
    return c.statement([&](pqxx::transaction_base &tx) -> Api::Result<void> {
        c.exec(tx, importSql, columns.literals());
        return {};
    });
}

Api::Result<Api::MemoryEntry> entry(PostgresConnection &c, Api::MemoryId id)
{
    return reading<Api::MemoryEntry>(c, [&c, id](pqxx::transaction_base &tx) -> Api::Result<Api::MemoryEntry> {
        const pqxx::result rows = c.exec(tx, "SELECT " + columns + " FROM memory_entries m WHERE m.id = $1",
                                         {number(static_cast<qint64>(id.value))});
        if (rows.empty())
            return notFound(id);
        return read(PostgresRow(rows[0]));
    });
}

Api::Result<void> remove(PostgresConnection &c, Api::MemoryId id)
{
    return c.transaction([&c, id](pqxx::transaction_base &tx) -> Api::Result<void> {
        const pqxx::result rows = c.exec(tx, "DELETE FROM memory_entries WHERE id = $1 RETURNING id",
                                         {number(static_cast<qint64>(id.value))});
        if (rows.empty())
            return notFound(id);
        return {};
    });
}

Api::Result<void> touch(PostgresConnection &c, const QList<Api::MemoryId> &ids, qint64 nowMs)
{
    if (ids.isEmpty())
        return {};
    PostgresArray array;
    for (const Api::MemoryId id : ids)
        array.add(static_cast<qint64>(id.value));
    return c.statement([&](pqxx::transaction_base &tx) -> Api::Result<void> {
        c.exec(tx, "UPDATE memory_entries SET last_used_ms = $1 WHERE id = ANY($2::bigint[])",
               {number(nowMs), array.take()});
        return {};
    });
}

Api::Result<Api::Page<Api::MemoryEntry>> query(PostgresConnection &c, const Api::MemoryQuery &q, qint64 nowMs)
{
    const auto cursor = PageCursor::parse(q.page);
    if (!cursor)
        return cursor.error();
    using Page = Api::Page<Api::MemoryEntry>;
    return reading<Page>(c, [&](pqxx::transaction_base &tx) -> Api::Result<Page> {
        // A search reads a few hundred index entries: parallel workers would only add their start-up.
        c.exec(tx, "SET LOCAL max_parallel_workers_per_gather = 0", {});
        const std::vector<Source> sources = sourcesOf(q);
        const std::size_t driver = rarest(c, tx, sources, cursor->beforeId);
        Parameters p;
        const std::string sql = searchSql(q, sources, driver, cursor->beforeId, nowMs, qint64(q.page.limit) + 1, p);
        const pqxx::result rows = c.exec(tx, sql, p.values());
        Page page;
        for (const auto &row : rows) {
            if (page.items.size() == q.page.limit) {
                page.nextCursor = PageCursor::encode(page.items.constLast().id.value);
                break;
            }
            auto item = read(PostgresRow(row));
            if (!item)
                return item.error();
            page.items.append(std::move(item).value());
        }
        return page;
    });
}

} // namespace QwenSwarm::Engine::PostgresMemoryRows
