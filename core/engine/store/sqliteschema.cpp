#include "store/sqliteschema.h"

#include "store/sqlitedatabase.h"

#include <QDateTime>

#include <sqlite3.h>

namespace QwenSwarm::Engine {

namespace {

struct Migration
{
    int version;
    const char *description;
    const char *sql;
};

// Conventions: ids are INTEGER (0 is stored as NULL where a reference is optional); times are
// milliseconds since the epoch, UTC (0 = not yet); enums are their api wire names (stable, unlike
// their numeric values); JSON is the api codec's (core/api json.h), compact. Only what queries
// filter on gets an index: every index costs each insert.
//
// Version 1: configuration, tasks, decisions and votes.
// - swarms, agents: the api value as JSON in `record`, plus the columns load() and people look
//   for. AUTOINCREMENT keeps a removed swarm's or agent's id from being handed out again.
// - tasks: one row per task, so a task has one final result. The TaskSpec is in columns, one per
//   member (selection.* and retry.* flattened): lists of strings (choices, required_tags, tags) and
//   objects (variables, strategy_parameters) as JSON, NULL when empty; agent_ids comma-separated;
//   strategy NULL = the swarm's default. The outcome is the result (result_*; result_answer NULL =
//   none) or the error (error_*; error_code NULL = none). Indexed: state, swarm_id, strategy and
//   created_ms, what task queries filter on; they page by id (the primary key), newest first.
// - decisions: immutable. round_indexes lists Round::index of each round in order (so rounds
//   without votes survive); dissenters are agent ids; both comma-separated.
// - votes: one row per vote, keyed by decision, the round's position in the decision and the
//   vote's position in the round; deleted with their decision.
const char *const version1 = R"sql(
CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    applied_ms INTEGER NOT NULL,
    description TEXT NOT NULL
);
CREATE TABLE swarms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE agents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    swarm_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX agents_swarm ON agents(swarm_id);
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    swarm_id INTEGER NOT NULL,
    state TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    state_reason TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    started_ms INTEGER NOT NULL,
    finished_ms INTEGER NOT NULL,
    effective_deadline_ms INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    prompt TEXT NOT NULL,
    variables TEXT,
    answer_format TEXT NOT NULL,
    choices TEXT,
    reference_answer TEXT NOT NULL,
    agent_ids TEXT NOT NULL,
    required_tags TEXT,
    max_agents INTEGER NOT NULL,
    routing TEXT NOT NULL,
    strategy TEXT,
    strategy_parameters TEXT,
    priority INTEGER NOT NULL,
    deadline_ms INTEGER NOT NULL,
    timeout_ms INTEGER NOT NULL,
    budget_usd REAL NOT NULL,
    retry_max_attempts INTEGER NOT NULL,
    retry_initial_backoff_ms INTEGER NOT NULL,
    retry_max_backoff_ms INTEGER NOT NULL,
    retry_jitter REAL NOT NULL,
    idempotency_key TEXT NOT NULL,
    tags TEXT,
    result_answer TEXT,
    result_decision_id INTEGER,
    result_agreement REAL,
    error_code TEXT,
    error_message TEXT,
    error_details TEXT
);
CREATE INDEX tasks_state ON tasks(state);
CREATE INDEX tasks_swarm ON tasks(swarm_id);
CREATE INDEX tasks_strategy ON tasks(strategy);
CREATE INDEX tasks_created ON tasks(created_ms);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL,
    swarm_id INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    strategy TEXT NOT NULL,
    strategy_parameters TEXT,
    outcome TEXT NOT NULL,
    answer TEXT NOT NULL,
    agreement REAL NOT NULL,
    dissenters TEXT NOT NULL,
    round_indexes TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE INDEX decisions_task ON decisions(task_id);
CREATE INDEX decisions_swarm ON decisions(swarm_id);
CREATE INDEX decisions_created ON decisions(created_ms);
CREATE TABLE votes (
    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    position INTEGER NOT NULL,
    agent_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    raw_answer TEXT NOT NULL,
    normalized_answer TEXT NOT NULL,
    confidence REAL NOT NULL,
    weight REAL NOT NULL,
    rationale TEXT NOT NULL,
    latency_ms INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    PRIMARY KEY (decision_id, round, position)
) WITHOUT ROWID;
)sql";

// Version 2: learning.
// - decision_feedback: an operator's latest verdict on a decision (a later one replaces it).
// - reputations: the current Beta(alpha, beta) per agent and tag ('' = overall).
// - reputation_points: the history, in the order written (id), for paging newest first.
const char *const version2 = R"sql(
CREATE TABLE decision_feedback (
    decision_id INTEGER PRIMARY KEY,
    correct INTEGER NOT NULL,
    correct_answer TEXT NOT NULL,
    note TEXT NOT NULL,
    actor TEXT NOT NULL,
    time_ms INTEGER NOT NULL
);
CREATE TABLE reputations (
    agent_id INTEGER NOT NULL,
    tag TEXT NOT NULL,
    alpha REAL NOT NULL,
    beta REAL NOT NULL,
    updates INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (agent_id, tag)
) WITHOUT ROWID;
CREATE TABLE reputation_points (
    id INTEGER PRIMARY KEY,
    agent_id INTEGER NOT NULL,
    tag TEXT NOT NULL,
    alpha REAL NOT NULL,
    beta REAL NOT NULL,
    cause TEXT NOT NULL,
    decision_id INTEGER,
    time_ms INTEGER NOT NULL
);
CREATE INDEX reputation_points_agent ON reputation_points(agent_id, tag);
CREATE INDEX reputation_points_tag ON reputation_points(tag);
)sql";

// Version 3: provider calls recorded for replay (ProviderCallWrite): the request, redacted of
// secrets, and the response, both canonical JSON, by the request's key (a later recording of the
// same key replaces an earlier one).
const char *const version3 = R"sql(
CREATE TABLE provider_calls (
    key TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    request TEXT NOT NULL,
    response TEXT NOT NULL,
    recorded_ms INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Version 4: the audit log (AuditWrite): logins, denials and state-changing calls, appended and
// never changed. id is the order of writing, for paging newest first; queries filter on actor,
// action and time.
const char *const version4 = R"sql(
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    time_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    allowed INTEGER NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log(actor);
CREATE INDEX audit_log_action ON audit_log(action);
CREATE INDEX audit_log_time ON audit_log(time_ms);
)sql";

// Version 5: memory (api/memory.h).
// - memory_entries: one row per entry. owner is MemoryRules::ownerKey (the agent's id, or minus the
//   swarm's id for a swarm's shared entry), indexed with the row id, so an owner's entries page
//   newest first; tags a JSON array (NULL when none); bytes the text's UTF-8 size, for budgets.
// - memory_tags: the tag filter's index, deleted with their entry.
// - memory_owners: entries and bytes per owner, kept by triggers, so a write knows at once whether
//   its owner is over budget; memory_expiry finds expired entries (only those with a TTL).
// - memory_fts: the full-text index (FTS5), rowid = the entry's id. It indexes the entry's words as
//   MemoryRules::words splits and case-folds them (written by the store, deleted with the entry by
//   a trigger), so every store finds the same entries for the same words. memory_fts_terms counts
//   the entries holding each word, so a search can start from whichever is smaller: the words'
//   matches or the owner's entries.
const char *const version5 = R"sql(
CREATE TABLE memory_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner INTEGER NOT NULL,
    agent_id INTEGER,
    swarm_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    tags TEXT,
    source TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    last_used_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL,
    bytes INTEGER NOT NULL
);
CREATE INDEX memory_owner ON memory_entries(owner);
CREATE INDEX memory_swarm ON memory_entries(swarm_id);
CREATE INDEX memory_expiry ON memory_entries(owner, expires_ms) WHERE expires_ms <> 0;
CREATE TABLE memory_tags (
    tag TEXT NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES memory_entries(id) ON DELETE CASCADE,
    PRIMARY KEY (tag, entry_id)
) WITHOUT ROWID;
CREATE INDEX memory_tags_entry ON memory_tags(entry_id);
CREATE TABLE memory_owners (
    owner INTEGER PRIMARY KEY,
    entries INTEGER NOT NULL,
    bytes INTEGER NOT NULL
);
CREATE VIRTUAL TABLE memory_fts USING fts5(words, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE memory_fts_terms USING fts5vocab(memory_fts, 'row');
CREATE TRIGGER memory_inserted AFTER INSERT ON memory_entries BEGIN
    INSERT INTO memory_owners(owner, entries, bytes) VALUES (new.owner, 1, new.bytes)
        ON CONFLICT (owner) DO UPDATE SET entries = entries + 1, bytes = bytes + new.bytes;
END;
CREATE TRIGGER memory_deleted AFTER DELETE ON memory_entries BEGIN
    DELETE FROM memory_fts WHERE rowid = old.id;
    UPDATE memory_owners SET entries = entries - 1, bytes = bytes - old.bytes WHERE owner = old.owner;
END;
CREATE TRIGGER memory_updated AFTER UPDATE OF owner, bytes ON memory_entries BEGIN
    UPDATE memory_owners SET entries = entries - 1, bytes = bytes - old.bytes WHERE owner = old.owner;
    INSERT INTO memory_owners(owner, entries, bytes) VALUES (new.owner, 1, new.bytes)
        ON CONFLICT (owner) DO UPDATE SET entries = entries + 1, bytes = bytes + new.bytes;
END;
)sql";

// Version 6: the tasks that have an idempotency key, by key, for the snapshot's key map.
const char *const version6 = R"sql(
CREATE INDEX tasks_idempotency_key ON tasks(idempotency_key) WHERE idempotency_key <> '';
)sql";

// Version 7: providers an operator configured through the Backend (ProviderWrite), their settings
// as JSON (Api::ProviderSettings; keys are never stored, only where they come from).
const char *const version7 = R"sql(
CREATE TABLE providers (
    name TEXT PRIMARY KEY,
    record TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 8: the full-text index also holds each entry's owner, as a token of a column of its own
// ("o7" for agent 7, "on3" for swarm 3's shared entries), so a search within owners is one FTS5 query
// that intersects the words' entries with the owners'. memory_fts_terms, which told a search where to
// start, goes.
const char *const version8 = R"sql(
CREATE TABLE memory_fts_move AS
    SELECT f.rowid AS id, f.words AS words, m.owner AS owner
    FROM memory_fts f JOIN memory_entries m ON m.id = f.rowid;
DROP TABLE memory_fts_terms;
DROP TABLE memory_fts;
CREATE VIRTUAL TABLE memory_fts USING fts5(words, owner, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO memory_fts (rowid, words, owner)
    SELECT id, words, CASE WHEN owner < 0 THEN 'on' || (-owner) ELSE 'o' || owner END FROM memory_fts_move;
DROP TABLE memory_fts_move;
)sql";

// Version 9: workflow runs (RunWrite), one row per run, written whole: the api value as JSON in
// `record`, plus the columns that reads look for. The snapshot reads the unfinished runs (a partial
// index: finished runs, the most of them in time, are not in it) and the key map (the runs that have
// an idempotency key); run queries filter on state and on the workflow's name.
const char *const version9 = R"sql(
CREATE TABLE workflow_runs (
    id INTEGER PRIMARY KEY,
    workflow TEXT NOT NULL,
    state TEXT NOT NULL,
    idempotency_key TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX workflow_runs_unfinished ON workflow_runs(id) WHERE state NOT IN ('succeeded', 'failed', 'cancelled');
CREATE INDEX workflow_runs_idempotency_key ON workflow_runs(idempotency_key) WHERE idempotency_key <> '';
CREATE INDEX workflow_runs_state ON workflow_runs(state);
CREATE INDEX workflow_runs_workflow ON workflow_runs(workflow);
)sql";

// Version 10: per-minute metrics roll-ups (MetricsRollupWrite) for the console's history charts,
// one row a minute, the rolled-up snapshot as JSON; eight days are kept.
const char *const version10 = R"sql(
CREATE TABLE metrics_rollups (
    minute_ms INTEGER PRIMARY KEY,
    record TEXT NOT NULL
);
)sql";

const Migration migrations[] = {
    {1, "configuration, tasks, decisions and votes", version1},
    {2, "decision feedback, reputations and their history", version2},
    {3, "provider calls recorded for replay", version3},
    {4, "the audit log", version4},
    {5, "memory entries and their full-text index", version5},
    {6, "tasks by idempotency key", version6},
    {7, "providers an operator configured", version7},
    {8, "memory owners in the full-text index", version8},
    {9, "workflow runs", version9},
    {10, "metrics roll-ups", version10},
};

Api::Error refused(const QString &path, const QString &reason, const QString &message)
{
    return Api::makeError(Api::ErrorCode::InvalidState, QStringLiteral("store %1: %2").arg(path, message),
                          {{QStringLiteral("path"), path}, {QStringLiteral("reason"), reason}});
}

// The version a database of ours is at (0 = empty).
Api::Result<int> storedVersion(SqliteDatabase &db)
{
    auto hasTable = db.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'");
    if (!hasTable || hasTable.value() == 0)
        return hasTable ? Api::Result<int>(0) : Api::Result<int>(hasTable.error());
    auto version = db.integer("SELECT max(version) FROM schema_version");
    if (!version)
        return version.error();
    return static_cast<int>(version.value());
}

Api::Result<void> refuseNewer(SqliteDatabase &db, int version)
{
    if (version <= SqliteSchema::latestVersion())
        return {};
    return refused(db.path(), QStringLiteral("newer_schema"),
                   QStringLiteral("the database has schema version %1, newer than this build knows (%2); "
                                  "open it with a newer qwen-swarm")
                       .arg(version)
                       .arg(SqliteSchema::latestVersion()));
}

Api::Result<void> apply(SqliteDatabase &db, const Migration &m)
{
    if (auto done = db.exec(m.sql); !done)
        return done;
    auto insert = db.statement("INSERT INTO schema_version(version, applied_ms, description) VALUES (?, ?, ?)");
    if (!insert)
        return insert.error();
    SqliteQuery query(**insert);
    query->bind(1, qint64(m.version));
    query->bind(2, QDateTime::currentMSecsSinceEpoch());
    query->bind(3, QString::fromUtf8(m.description));
    return query->run();
}

} // namespace

int SqliteSchema::latestVersion()
{
    return std::end(migrations)[-1].version;
}

Api::Result<void> SqliteSchema::check(SqliteDatabase &db)
{
    auto applicationIdRead = db.integer("PRAGMA application_id");
    if (!applicationIdRead) {
        const int code = applicationIdRead.error().details.value(QStringLiteral("sqlite_code")).toInt() & 0xff;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            return refused(db.path(), QStringLiteral("not_a_database"),
                           QStringLiteral("the file is not a SQLite database (or is damaged); it was left as it is"));
        return applicationIdRead.error();
    }
    auto objects = db.integer("SELECT count(*) FROM sqlite_schema");
    if (!objects)
        return objects.error();
    if (objects.value() == 0)
        return {}; // empty: ours to set up
    auto version = storedVersion(db);
    if (!version)
        return version.error();
    if (applicationIdRead.value() != applicationId || version.value() == 0) {
        return refused(db.path(), QStringLiteral("foreign_database"),
                       QStringLiteral("the file is a SQLite database of another program; it was left as it is"));
    }
    return refuseNewer(db, version.value());
}

Api::Result<int> SqliteSchema::migrate(SqliteDatabase &db)
{
    if (db.isReadOnly()) {
        auto version = storedVersion(db);
        if (version && version.value() < latestVersion())
            return sqliteError(SQLITE_READONLY, db.path(), QStringLiteral("read-only, and its schema needs an update"));
        return version;
    }
    int version = 0;
    auto migrated = db.transaction([&db, &version]() -> Api::Result<void> {
        auto stored = storedVersion(db);
        if (!stored)
            return stored.error();
        version = stored.value();
        if (auto newer = refuseNewer(db, version); !newer)
            return newer;
        if (version == 0) {
            const QByteArray mark = "PRAGMA application_id = " + QByteArray::number(applicationId);
            if (auto marked = db.exec(mark.constData()); !marked)
                return marked;
        }
        for (const Migration &m : migrations) {
            if (m.version <= version)
                continue;
            if (auto applied = apply(db, m); !applied)
                return applied;
            version = m.version;
        }
        return {};
    });
    if (!migrated)
        return migrated.error();
    return version;
}

} // namespace QwenSwarm::Engine
