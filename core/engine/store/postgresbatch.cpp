#include "store/postgresbatch.h"

#include "store/postgresdecisionrows.h"
#include "store/postgresstatement.h"
#include "store/postgrestaskrows.h"

#include <api/json.h>
#include <api/jsonprovider.h>
#include <api/jsonworkflow.h>

#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <limits>

namespace QwenSwarm::Engine {

namespace {

// Swarms and agents are upserted whole, and id_marks keeps the highest id ever stored.
const char *const swarmsPart = R"sql(
swarms_written AS (
    INSERT INTO swarms (id, name, created_ms, record)
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[])
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, created_ms = excluded.created_ms, record = excluded.record
), swarms_marked AS (
    INSERT INTO id_marks (name, value) SELECT 'swarms', max(id) FROM unnest($1::bigint[]) AS r(id)
    ON CONFLICT (name) DO UPDATE SET value = greatest(id_marks.value, excluded.value)
))sql";

const char *const agentsPart = R"sql(
agents_written AS (
    INSERT INTO agents (id, swarm_id, name, state, record)
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[])
    ON CONFLICT (id) DO UPDATE SET swarm_id = excluded.swarm_id, name = excluded.name, state = excluded.state,
        record = excluded.record
), agents_marked AS (
    INSERT INTO id_marks (name, value) SELECT 'agents', max(id) FROM unnest($1::bigint[]) AS r(id)
    ON CONFLICT (name) DO UPDATE SET value = greatest(id_marks.value, excluded.value)
))sql";

const char *const providersPart = R"sql(
providers_written AS (
    INSERT INTO providers (name, record) SELECT * FROM unnest($1::text[], $2::text[])
    ON CONFLICT (name) DO UPDATE SET record = excluded.record
))sql";
const char *const providersRemovedPart = "providers_removed AS (DELETE FROM providers WHERE name = ANY($1::text[]))";

const char *const swarmsRemovedPart = "swarms_removed AS (DELETE FROM swarms WHERE id = ANY($1::bigint[]))";
const char *const agentsRemovedPart = "agents_removed AS (DELETE FROM agents WHERE id = ANY($1::bigint[]))";

const char *const reputationsPart = R"sql(
reputations_written AS (
    INSERT INTO reputations (agent_id, tag, alpha, beta, updates, updated_ms)
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::double precision[], $4::double precision[], $5::bigint[],
                         $6::bigint[])
    ON CONFLICT (agent_id, tag) DO UPDATE SET alpha = excluded.alpha, beta = excluded.beta,
        updates = excluded.updates, updated_ms = excluded.updated_ms
))sql";

// In the order of the batch: the ids that page the history are handed out in that order.
const char *const pointsPart = R"sql(
points_written AS (
    INSERT INTO reputation_points (agent_id, tag, alpha, beta, cause, decision_id, time_ms)
    SELECT agent_id, tag, alpha, beta, cause, decision_id, time_ms
    FROM unnest($1::bigint[], $2::text[], $3::double precision[], $4::double precision[], $5::text[],
                $6::bigint[], $7::bigint[]) WITH ORDINALITY AS p(agent_id, tag, alpha, beta, cause, decision_id,
                                                                  time_ms, n)
    ORDER BY n
))sql";

const char *const providerCallsPart = R"sql(
provider_calls_written AS (
    INSERT INTO provider_calls (key, provider, request, response, recorded_ms)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])
    ON CONFLICT (key) DO UPDATE SET provider = excluded.provider, request = excluded.request,
        response = excluded.response, recorded_ms = excluded.recorded_ms
))sql";

// In the order of the batch, like the history points.
const char *const auditPart = R"sql(
audit_written AS (
    INSERT INTO audit_log (time_ms, actor, action, target, allowed, detail)
    SELECT time_ms, actor, action, target, allowed, detail
    FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[])
         WITH ORDINALITY AS a(time_ms, actor, action, target, allowed, detail, n)
    ORDER BY n
))sql";

const char *const runsPart = R"sql(
runs_written AS (
    INSERT INTO workflow_runs (id, workflow, state, idempotency_key, created_ms, record)
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[])
    ON CONFLICT (id) DO UPDATE SET workflow = excluded.workflow, state = excluded.state,
        idempotency_key = excluded.idempotency_key, created_ms = excluded.created_ms, record = excluded.record
))sql";

// Roll-ups older than the batch's oldest "keep from" go; then each minute's is written.
const char *const rollupsPrunedPart = R"sql(
rollups_pruned AS (
    DELETE FROM metrics_rollups WHERE minute_ms < (SELECT min(k) FROM unnest($1::bigint[]) AS k)
))sql";

const char *const rollupsPart = R"sql(
rollups_written AS (
    INSERT INTO metrics_rollups (minute_ms, record)
    SELECT * FROM unnest($1::bigint[], $2::text[])
    ON CONFLICT (minute_ms) DO UPDATE SET record = excluded.record
))sql";

QByteArray compact(const QJsonValue &json)
{
    return QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact);
}

// Adds `part` with the columns as parameters, when they hold rows.
void addPart(PostgresStatement &statement, const char *part, PostgresColumns &columns)
{
    if (columns.rows() > 0)
        statement.add(part, columns.literals());
}

void addRemovals(PostgresStatement &statement, const char *part, const std::vector<quint64> &ids)
{
    if (ids.empty())
        return;
    PostgresArray array;
    for (const quint64 id : ids)
        array.add(static_cast<qint64>(id));
    statement.add(part, {array.take()});
}

// The last write of each key, in the order keys first appeared.
template<typename Key, typename Write>
class LastOf
{
public:
    void add(const Key &key, const Write *write)
    {
        const auto it = m_index.constFind(key);
        if (it != m_index.constEnd()) {
            m_writes[it.value()] = write;
            return;
        }
        m_index.insert(key, m_writes.size());
        m_writes.push_back(write);
    }
    const std::vector<const Write *> &writes() const { return m_writes; }

private:
    QHash<Key, std::size_t> m_index;
    std::vector<const Write *> m_writes;
};

} // namespace

std::vector<bool> PostgresBatch::moot(const std::vector<StoreWrite> &writes)
{
    constexpr qint64 notProgress = std::numeric_limits<qint64>::min();
    std::vector<bool> moot(writes.size());
    QHash<quint64, qint64> nextAttempt; // task id -> attempt of its next write, if that is progress
    for (std::size_t i = writes.size(); i-- > 0;) {
        if (const auto *p = std::get_if<TaskProgress>(&writes[i])) {
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

// Sorts each write into its place in the batch; a new kind of write does not compile until it has one.
struct PostgresBatch::Planner
{
    PostgresBatch &batch;
    LastOf<quint64, SwarmWrite> swarms;
    LastOf<quint64, AgentWrite> agents;
    LastOf<quint64, FeedbackWrite> feedback;
    LastOf<std::pair<quint64, QString>, Api::Reputation> reputations;
    LastOf<QString, ProviderCallWrite> providerCalls;
    LastOf<QString, ProviderWrite> providers;
    LastOf<quint64, RunWrite> runs;
    LastOf<qint64, MetricsRollupWrite> rollups;
    QSet<quint64> decisionIds;
    QHash<quint64, std::size_t> taskWrites; // task id -> writes of it planned so far

    TaskRound &roundOf(quint64 task)
    {
        const std::size_t round = taskWrites[task]++;
        if (round == batch.taskRounds.size())
            batch.taskRounds.emplace_back();
        return batch.taskRounds[round];
    }

    void operator()(const SwarmWrite &w) { swarms.add(w.swarm.id.value, &w); }
    void operator()(const AgentWrite &w) { agents.add(w.agent.id.value, &w); }
    void operator()(const TaskWrite &w) { roundOf(w.task.id.value).writes.push_back(&w.task); }
    void operator()(const TaskProgress &w) { roundOf(w.id.value).progress.push_back(&w); }
    void operator()(const DecisionWrite &w)
    {
        if (!decisionIds.contains(w.decision.id.value)) {
            decisionIds.insert(w.decision.id.value);
            batch.decisions.push_back(&w.decision);
        }
    }
    void operator()(const ReputationWrite &w)
    {
        reputations.add({w.reputation.agentId.value, w.reputation.tag}, &w.reputation);
        if (w.point)
            batch.points.push_back(&*w.point);
    }
    void operator()(const FeedbackWrite &w) { feedback.add(w.decisionId.value, &w); }
    void operator()(const ProviderCallWrite &w) { providerCalls.add(w.key, &w); }
    void operator()(const AuditWrite &w) { batch.audit.push_back(&w.entry); }
    void operator()(const ProviderWrite &w) { providers.add(w.settings.name, &w); }
    void operator()(const RunWrite &w) { runs.add(w.run.id.value, &w); }
    void operator()(const MetricsRollupWrite &w) { rollups.add(w.rollup.timeMs, &w); }
};

PostgresBatch::PostgresBatch(const std::vector<StoreWrite> &writes)
{
    const std::vector<bool> skipped = moot(writes);
    Planner planner {*this, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    for (std::size_t i = 0; i < writes.size(); ++i) {
        if (!skipped[i])
            std::visit(planner, writes[i]);
    }
    for (const SwarmWrite *w : planner.swarms.writes()) {
        if (w->remove)
            removedSwarms.push_back(w->swarm.id.value);
        else
            swarms.push_back(&w->swarm);
    }
    for (const AgentWrite *w : planner.agents.writes()) {
        if (w->remove)
            removedAgents.push_back(w->agent.id.value);
        else
            agents.push_back(&w->agent);
    }
    feedback = planner.feedback.writes();
    reputations = planner.reputations.writes();
    providerCalls = planner.providerCalls.writes();
    providers = planner.providers.writes();
    for (const RunWrite *w : planner.runs.writes())
        runs.push_back(&w->run);
    rollups = planner.rollups.writes();
}

} // namespace QwenSwarm::Engine

namespace QwenSwarm::Engine {

std::vector<PostgresStatement> PostgresBatch::statements() const
{
    std::vector<PostgresStatement> statements(std::max<std::size_t>(taskRounds.size(), 1));
    PostgresStatement &first = statements.front();
    addConfiguration(first);
    for (std::size_t round = 0; round < taskRounds.size(); ++round)
        addTasks(statements[round], taskRounds[round]);
    addDecisions(first);
    addLearning(first);
    PostgresColumns c(5);
    for (const ProviderCallWrite *call : providerCalls) {
        c[0].add(call->key);
        c[1].add(call->provider);
        c[2].addUtf8(call->request);
        c[3].addUtf8(call->response);
        c[4].add(call->recordedMs);
        c.addRow();
    }
    addPart(first, providerCallsPart, c);
    addAudit(first);
    addRuns(first);
    addRollups(first);
    if (first.isEmpty())
        statements.clear();
    return statements;
}

void PostgresBatch::addConfiguration(PostgresStatement &statement) const
{
    PostgresColumns c(4);
    for (const Api::Swarm *swarm : swarms) {
        c[0].add(static_cast<qint64>(swarm->id.value));
        c[1].add(swarm->name);
        c[2].add(swarm->createdMs);
        c[3].addUtf8(compact(Api::toJson(*swarm)));
        c.addRow();
    }
    addPart(statement, swarmsPart, c);
    addRemovals(statement, swarmsRemovedPart, removedSwarms);
    c = PostgresColumns(5);
    for (const Api::Agent *agent : agents) {
        c[0].add(static_cast<qint64>(agent->id.value));
        c[1].add(static_cast<qint64>(agent->swarmId.value));
        c[2].add(agent->spec.name);
        c[3].addEnum(agent->state);
        c[4].addUtf8(compact(Api::toJson(*agent)));
        c.addRow();
    }
    addPart(statement, agentsPart, c);
    addRemovals(statement, agentsRemovedPart, removedAgents);
    c = PostgresColumns(2);
    PostgresColumns removed(1);
    for (const ProviderWrite *w : providers) {
        if (w->remove) {
            removed[0].add(w->settings.name);
            removed.addRow();
        } else {
            c[0].add(w->settings.name);
            c[1].addUtf8(compact(Api::toJson(w->settings)));
            c.addRow();
        }
    }
    addPart(statement, providersPart, c);
    addPart(statement, providersRemovedPart, removed);
}

void PostgresBatch::addTasks(PostgresStatement &statement, const TaskRound &round)
{
    PostgresColumns upserts = PostgresTaskRows::upsertColumns();
    for (const Api::Task *task : round.writes)
        PostgresTaskRows::add(upserts, *task);
    addPart(statement, PostgresTaskRows::upsertPart.c_str(), upserts);
    PostgresColumns progress = PostgresTaskRows::progressColumns();
    for (const TaskProgress *p : round.progress)
        PostgresTaskRows::add(progress, *p);
    addPart(statement, PostgresTaskRows::progressPart.c_str(), progress);
}

void PostgresBatch::addDecisions(PostgresStatement &statement) const
{
    if (!decisions.empty()) {
        PostgresColumns rows = PostgresDecisionRows::decisionColumns();
        PostgresColumns votes = PostgresDecisionRows::voteColumns();
        for (const Api::Decision *d : decisions)
            PostgresDecisionRows::add(rows, votes, *d);
        std::vector<std::string> parameters = rows.literals();
        for (std::string &column : votes.literals())
            parameters.push_back(std::move(column));
        statement.add(PostgresDecisionRows::insertPart, std::move(parameters));
    }
    PostgresColumns verdicts = PostgresDecisionRows::feedbackColumns();
    for (const FeedbackWrite *f : feedback)
        PostgresDecisionRows::add(verdicts, f->decisionId, f->feedback);
    addPart(statement, PostgresDecisionRows::feedbackPart, verdicts);
}

void PostgresBatch::addAudit(PostgresStatement &statement) const
{
    PostgresColumns c(6);
    for (const Api::AuditEntry *e : audit) {
        c[0].add(e->timeMs);
        c[1].add(e->actor);
        c[2].add(e->action);
        c[3].add(e->target);
        c[4].addUtf8(e->allowed ? "t" : "f");
        c[5].add(e->detail);
        c.addRow();
    }
    addPart(statement, auditPart, c);
}

void PostgresBatch::addRuns(PostgresStatement &statement) const
{
    PostgresColumns c(6);
    for (const Api::Run *run : runs) {
        c[0].add(static_cast<qint64>(run->id.value));
        c[1].add(run->workflow.name);
        c[2].addEnum(run->state);
        c[3].add(run->idempotencyKey);
        c[4].add(run->createdMs);
        c[5].addUtf8(compact(Api::toJson(*run)));
        c.addRow();
    }
    addPart(statement, runsPart, c);
}

void PostgresBatch::addRollups(PostgresStatement &statement) const
{
    PostgresColumns keep(1);
    PostgresColumns c(2);
    for (const MetricsRollupWrite *w : rollups) {
        keep[0].add(w->keepFromMs);
        keep.addRow();
        c[0].add(w->rollup.timeMs);
        c[1].addUtf8(compact(Api::toJson(w->rollup)));
        c.addRow();
    }
    addPart(statement, rollupsPrunedPart, keep);
    addPart(statement, rollupsPart, c);
}

void PostgresBatch::addLearning(PostgresStatement &statement) const
{
    PostgresColumns c(6);
    for (const Api::Reputation *r : reputations) {
        c[0].add(static_cast<qint64>(r->agentId.value));
        c[1].add(r->tag);
        c[2].add(r->alpha);
        c[3].add(r->beta);
        c[4].add(static_cast<qint64>(r->updates));
        c[5].add(r->updatedMs);
        c.addRow();
    }
    addPart(statement, reputationsPart, c);
    c = PostgresColumns(7);
    for (const Api::ReputationPoint *p : points) {
        c[0].add(static_cast<qint64>(p->agentId.value));
        c[1].add(p->tag);
        c[2].add(p->alpha);
        c[3].add(p->beta);
        c[4].addEnum(p->cause);
        c[5].addId(p->decisionId);
        c[6].add(p->timeMs);
        c.addRow();
    }
    addPart(statement, pointsPart, c);
}

} // namespace QwenSwarm::Engine
