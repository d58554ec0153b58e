#include "store/postgresschema.h"

#include "store/postgresconnection.h"

#include <QDateTime>

#include <pqxx/result>
#include <pqxx/transaction_base>

namespace QwenSwarm::Engine {

namespace {

struct Migration
{
    int version;
    const char *description;
    const char *sql;
};

// SqliteSchema's tables and conventions (see sqliteschema.cpp for what each column holds), in
// PostgreSQL's types: ids and times BIGINT (times in milliseconds since the epoch, UTC, 0 = not yet),
// counts INTEGER, reals DOUBLE PRECISION, enums their api wire names as TEXT, JSON the api codec's
// compact text (TEXT: kept byte for byte, as written). Only what queries filter on gets an index.
//
// Version 1: configuration, tasks, decisions and votes.
// - id_marks: the highest swarm and agent id ever stored (name 'swarms' or 'agents'), so a removed
//   one's id is never handed out again: what AUTOINCREMENT keeps in SQLite's sqlite_sequence.
// - tasks: one row per task, so a task has one final result; the TaskSpec in columns; indexed on
//   state, swarm_id, strategy and created_ms; pages by id, newest first.
// - decisions: immutable; votes: one row per vote. Unlike SQLite's, votes.decision_id is not a
//   declared foreign key: a vote is only written by the statement that writes its decision
//   (PostgresDecisionRows), and nothing deletes decisions, while the check would cost a lookup and
//   a row lock per vote, about a quarter of what a batch of the standard workload costs the server.
const char *const version1 = R"sql(
CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    applied_ms BIGINT NOT NULL,
    description TEXT NOT NULL
);
COMMENT ON TABLE schema_version IS 'qwen-swarm store';
CREATE TABLE id_marks (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
CREATE TABLE swarms (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE agents (
    id BIGINT PRIMARY KEY,
    swarm_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX agents_swarm ON agents(swarm_id);
CREATE TABLE tasks (
    id BIGINT PRIMARY KEY,
    swarm_id BIGINT NOT NULL,
    state TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    state_reason TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    started_ms BIGINT NOT NULL,
    finished_ms BIGINT NOT NULL,
    effective_deadline_ms BIGINT NOT NULL,
    cost_usd DOUBLE PRECISION NOT NULL,
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
    deadline_ms BIGINT NOT NULL,
    timeout_ms BIGINT NOT NULL,
    budget_usd DOUBLE PRECISION NOT NULL,
    retry_max_attempts INTEGER NOT NULL,
    retry_initial_backoff_ms INTEGER NOT NULL,
    retry_max_backoff_ms INTEGER NOT NULL,
    retry_jitter DOUBLE PRECISION NOT NULL,
    idempotency_key TEXT NOT NULL,
    tags TEXT,
    result_answer TEXT,
    result_decision_id BIGINT,
    result_agreement DOUBLE PRECISION,
    error_code TEXT,
    error_message TEXT,
    error_details TEXT
);
CREATE INDEX tasks_state ON tasks(state);
CREATE INDEX tasks_swarm ON tasks(swarm_id);
CREATE INDEX tasks_strategy ON tasks(strategy);
CREATE INDEX tasks_created ON tasks(created_ms);
CREATE TABLE decisions (
    id BIGINT PRIMARY KEY,
    task_id BIGINT NOT NULL,
    swarm_id BIGINT NOT NULL,
    attempt INTEGER NOT NULL,
    strategy TEXT NOT NULL,
    strategy_parameters TEXT,
    outcome TEXT NOT NULL,
    answer TEXT NOT NULL,
    agreement DOUBLE PRECISION NOT NULL,
    dissenters TEXT NOT NULL,
    round_indexes TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);
CREATE INDEX decisions_task ON decisions(task_id);
CREATE INDEX decisions_swarm ON decisions(swarm_id);
CREATE INDEX decisions_created ON decisions(created_ms);
CREATE TABLE votes (
    decision_id BIGINT NOT NULL,
    round INTEGER NOT NULL,
    position INTEGER NOT NULL,
    agent_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    raw_answer TEXT NOT NULL,
    normalized_answer TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    weight DOUBLE PRECISION NOT NULL,
    rationale TEXT NOT NULL,
    latency_ms INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    cost_usd DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (decision_id, round, position)
);
)sql";

// Version 2: learning. reputation_points.id is the order of writing, for paging newest first.
const char *const version2 = R"sql(
CREATE TABLE decision_feedback (
    decision_id BIGINT PRIMARY KEY,
    correct BOOLEAN NOT NULL,
    correct_answer TEXT NOT NULL,
    note TEXT NOT NULL,
    actor TEXT NOT NULL,
    time_ms BIGINT NOT NULL
);
CREATE TABLE reputations (
    agent_id BIGINT NOT NULL,
    tag TEXT NOT NULL,
    alpha DOUBLE PRECISION NOT NULL,
    beta DOUBLE PRECISION NOT NULL,
    updates BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL,
    PRIMARY KEY (agent_id, tag)
);
CREATE TABLE reputation_points (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    agent_id BIGINT NOT NULL,
    tag TEXT NOT NULL,
    alpha DOUBLE PRECISION NOT NULL,
    beta DOUBLE PRECISION NOT NULL,
    cause TEXT NOT NULL,
    decision_id BIGINT,
    time_ms BIGINT NOT NULL
);
CREATE INDEX reputation_points_agent ON reputation_points(agent_id, tag);
CREATE INDEX reputation_points_tag ON reputation_points(tag);
)sql";

// Version 3: provider calls recorded for replay, by the request's key (a later recording of the
// same key replaces an earlier one).
const char *const version3 = R"sql(
CREATE TABLE provider_calls (
    key TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    request TEXT NOT NULL,
    response TEXT NOT NULL,
    recorded_ms BIGINT NOT NULL
);
)sql";

// Version 4: the audit log (AuditWrite): logins, denials and state-changing calls, appended and
// never changed. id is the order of writing, for paging newest first; queries filter on actor,
// action and time.
const char *const version4 = R"sql(
CREATE TABLE audit_log (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    time_ms BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    allowed BOOLEAN NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log(actor);
CREATE INDEX audit_log_action ON audit_log(action);
CREATE INDEX audit_log_time ON audit_log(time_ms);
)sql";

// Version 5: memory (see sqliteschema.cpp). The full-text index is a tsvector of the entry's words
// as MemoryRules::words splits and case-folds them (written by the store with array_to_tsvector, so
// neither the server's parser nor its locale changes what is found), indexed with GIN; tags a text[]
// with a GIN index for the tag filter; owner with the row id, so an owner's entries page newest
// first and a write can sum up its owner's entries for the budget.
const char *const version5 = R"sql(
CREATE TABLE memory_entries (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    owner BIGINT NOT NULL,
    agent_id BIGINT,
    swarm_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    source TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    last_used_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    search TSVECTOR NOT NULL
);
CREATE INDEX memory_owner ON memory_entries(owner, id);
CREATE INDEX memory_swarm ON memory_entries(swarm_id, id);
CREATE INDEX memory_tags ON memory_entries USING GIN (tags);
CREATE INDEX memory_search ON memory_entries USING GIN (search);
)sql";

// Version 6: the tasks that have an idempotency key, by key (with the id, so the snapshot's key
// map is read from the index alone).
const char *const version6 = R"sql(
CREATE INDEX tasks_idempotency_key ON tasks(idempotency_key, id) WHERE idempotency_key <> '';
)sql";

// Version 7: providers an operator configured (see sqliteschema.cpp).
const char *const version7 = R"sql(
CREATE TABLE providers (
    name TEXT PRIMARY KEY,
    record TEXT NOT NULL
);
)sql";

// Version 8: workflow runs (see sqliteschema.cpp, version 9). The partial indexes hold the id, so
// the snapshot finds the unfinished runs and reads the key map from them alone; the filters' indexes
// end with the id too, so a filtered page is read newest first from its index.
const char *const version8 = R"sql(
CREATE TABLE workflow_runs (
    id BIGINT PRIMARY KEY,
    workflow TEXT NOT NULL,
    state TEXT NOT NULL,
    idempotency_key TEXT NOT NULL DEFAULT '',
    created_ms BIGINT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX workflow_runs_unfinished ON workflow_runs(id) WHERE state NOT IN ('succeeded', 'failed', 'cancelled');
CREATE INDEX workflow_runs_idempotency_key ON workflow_runs(idempotency_key, id) WHERE idempotency_key <> '';
CREATE INDEX workflow_runs_state ON workflow_runs(state, id);
CREATE INDEX workflow_runs_workflow ON workflow_runs(workflow, id);
)sql";

// Version 9: per-minute metrics roll-ups (see sqliteschema.cpp, version 10).
const char *const version9 = R"sql(
CREATE TABLE metrics_rollups (
    minute_ms BIGINT PRIMARY KEY,
    record TEXT NOT NULL
);
)sql";

// Version 10: memory by term, in id order (PostgresMemoryRows::query reads it).
// - memory_terms: one row per term of an entry: each word of its tsvector; each tag of at most 256
//   UTF-8 bytes as '#' || tag; its owner key as '@' || owner; its swarm as '$' || swarm_id (no word
//   holds '#', '@' or '$'). The primary key (term, id), read backwards, lists a term's newest
//   entries first, so a search stops after a page. It replaces the GIN indexes, which collected
//   every entry holding a frequent word for PostgreSQL to sort, and the swarm index, which no
//   search reads any more.
// - Triggers keep it in step: inserts and deletes per statement, through transition tables; an
//   update per row, only when the terms may have changed (a read of an entry updates last_used_ms
//   and touches no term); a truncation empties it. The functions keep the schema they were created
//   in (search_path FROM CURRENT).
// - The migration first drops what a restore of an older dump over a newer database leaves behind:
//   pg_restore --clean drops only what the dump holds.
// - Autovacuum visits it after every 2% of new rows (PostgreSQL's default: 20%), so that the
//   visibility map lets a search read the index alone.
const char *const version10 = R"sql(
DROP TABLE IF EXISTS memory_terms;
DROP FUNCTION IF EXISTS memory_entry_terms, memory_terms_added, memory_terms_removed, memory_terms_changed,
                        memory_terms_truncated CASCADE;
CREATE TABLE memory_terms (
    term TEXT NOT NULL,
    id BIGINT NOT NULL,
    PRIMARY KEY (term, id)
) WITH (autovacuum_vacuum_insert_scale_factor = 0.02);
CREATE FUNCTION memory_entry_terms(search TSVECTOR, tags TEXT[], owner BIGINT, swarm_id BIGINT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT tsvector_to_array(search)
           || ARRAY(SELECT DISTINCT '#' || tag FROM unnest(tags) AS tag
                    WHERE octet_length(convert_to(tag, 'UTF8')) <= 256)
           || ARRAY['@' || owner, '$' || swarm_id]
$$;
CREATE FUNCTION memory_terms_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO memory_terms (term, id)
    SELECT term, a.id
    FROM added a, unnest(memory_entry_terms(a.search, a.tags, a.owner, a.swarm_id)) AS term;
    RETURN NULL;
END
$$;
CREATE FUNCTION memory_terms_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM memory_terms t
    USING (SELECT term, r.id
           FROM removed r, unnest(memory_entry_terms(r.search, r.tags, r.owner, r.swarm_id)) AS term) AS gone
    WHERE t.term = gone.term AND t.id = gone.id;
    RETURN NULL;
END
$$;
CREATE FUNCTION memory_terms_changed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM memory_terms
    WHERE id = OLD.id AND term = ANY(memory_entry_terms(OLD.search, OLD.tags, OLD.owner, OLD.swarm_id));
    INSERT INTO memory_terms (term, id)
    SELECT term, NEW.id FROM unnest(memory_entry_terms(NEW.search, NEW.tags, NEW.owner, NEW.swarm_id)) AS term;
    RETURN NULL;
END
$$;
CREATE FUNCTION memory_terms_truncated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    TRUNCATE memory_terms;
    RETURN NULL;
END
$$;
CREATE TRIGGER memory_terms_insert AFTER INSERT ON memory_entries
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION memory_terms_added();
CREATE TRIGGER memory_terms_delete AFTER DELETE ON memory_entries
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION memory_terms_removed();
CREATE TRIGGER memory_terms_update AFTER UPDATE OF id, search, tags, owner, swarm_id ON memory_entries
    FOR EACH ROW WHEN ((OLD.id, OLD.search, OLD.tags, OLD.owner, OLD.swarm_id) IS DISTINCT FROM
                       (NEW.id, NEW.search, NEW.tags, NEW.owner, NEW.swarm_id))
    EXECUTE FUNCTION memory_terms_changed();
CREATE TRIGGER memory_terms_truncate AFTER TRUNCATE ON memory_entries
    FOR EACH STATEMENT EXECUTE FUNCTION memory_terms_truncated();
INSERT INTO memory_terms (term, id)
SELECT term, m.id
FROM memory_entries m, unnest(memory_entry_terms(m.search, m.tags, m.owner, m.swarm_id)) AS term;
DROP INDEX IF EXISTS memory_search;
DROP INDEX IF EXISTS memory_tags;
DROP INDEX IF EXISTS memory_swarm;
)sql";

const Migration migrations[] = {
    {1, "configuration, tasks, decisions and votes", version1},
    {2, "decision feedback, reputations and their history", version2},
    {3, "provider calls recorded for replay", version3},
    {4, "the audit log", version4},
    {5, "memory entries and their full-text index", version5},
    {6, "tasks by idempotency key", version6},
    {7, "providers an operator configured", version7},
    {8, "workflow runs", version8},
    {9, "metrics roll-ups", version9},
    {10, "memory by term, newest first", version10},
};

// Whether schema_version exists in the current schema, its comment, and how many tables, views and
// sequences the current schema holds.
const char *const inspectSql = R"sql(
SELECT to_regclass(format('%I.schema_version', current_schema())) IS NOT NULL,
       coalesce(obj_description(to_regclass(format('%I.schema_version', current_schema())), 'pg_class'), ''),
       (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f'))
)sql";

Api::Error refused(PostgresConnection &connection, const QString &reason, const QString &message)
{
    return connection.error(Api::ErrorCode::InvalidState, message, {{QStringLiteral("reason"), reason}});
}

// The version the database is at (0 = empty), or why it is not ours.
Api::Result<int> storedVersion(PostgresConnection &connection, pqxx::transaction_base &tx)
{
    const pqxx::result inspected = tx.exec(inspectSql);
    const bool hasVersionTable = inspected[0][0].as<bool>();
    const std::string comment = inspected[0][1].as<std::string>();
    const long long objects = inspected[0][2].as<long long>();
    if (!hasVersionTable && objects == 0)
        return 0; // empty: ours to set up
    if (!hasVersionTable || comment != PostgresSchema::marker) {
        return refused(connection, QStringLiteral("foreign_database"),
                       QStringLiteral("the database holds tables of another program; it was left as it is"));
    }
    return static_cast<int>(tx.exec("SELECT coalesce(max(version), 0) FROM schema_version")[0][0].as<long long>());
}

} // namespace

int PostgresSchema::latestVersion()
{
    return std::end(migrations)[-1].version;
}

Api::Result<int> PostgresSchema::migrate(PostgresConnection &connection, pqxx::transaction_base &tx)
{
    auto stored = storedVersion(connection, tx);
    if (!stored)
        return stored;
    int version = stored.value();
    if (version > latestVersion()) {
        return refused(connection, QStringLiteral("newer_schema"),
                       QStringLiteral("the database has schema version %1, newer than this build knows (%2); "
                                      "open it with a newer qwen-swarm")
                           .arg(version)
                           .arg(latestVersion()));
    }
    for (const Migration &m : migrations) {
        if (m.version <= version)
            continue;
        tx.exec(m.sql);
        tx.exec_params("INSERT INTO schema_version (version, applied_ms, description) VALUES ($1, $2, $3)", m.version,
                       QDateTime::currentMSecsSinceEpoch(), m.description);
        version = m.version;
    }
    return version;
}

} // namespace QwenSwarm::Engine
