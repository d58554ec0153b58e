#include "store/postgresdecisionrows.h"

#include <QHash>

#include <pqxx/result>

namespace QwenSwarm::Engine {

using PostgresValues::joinNumbers;
using PostgresValues::splitNumbers;

namespace {

// Columns of selectSql, in order.
enum Column
{
    Id,
    TaskId,
    SwarmId,
    Attempt,
    Strategy,
    StrategyParameters,
    Outcome,
    Answer,
    Agreement,
    Dissenters,
    RoundIndexes,
    CreatedMs,
    FeedbackCorrect,
    FeedbackCorrectAnswer,
    FeedbackNote,
    FeedbackActor,
    FeedbackTimeMs,
};

constexpr int decisionColumnCount = CreatedMs + 1;
constexpr int voteColumnCount = 14;
constexpr int feedbackColumnCount = 6;

// decisions: $1..$12; votes: $13..$26.
const char *const insert = R"sql(
decisions_written AS (
    INSERT INTO decisions (id, task_id, swarm_id, attempt, strategy, strategy_parameters, outcome, answer, agreement,
                           dissenters, round_indexes, created_ms)
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::integer[], $5::text[], $6::text[], $7::text[],
                         $8::text[], $9::double precision[], $10::text[], $11::text[], $12::bigint[])
    ON CONFLICT (id) DO NOTHING
    RETURNING id
), votes_written AS (
    INSERT INTO votes (decision_id, round, position, agent_id, status, raw_answer, normalized_answer, confidence,
                       weight, rationale, latency_ms, prompt_tokens, completion_tokens, cost_usd)
    SELECT v.* FROM unnest($13::bigint[], $14::integer[], $15::integer[], $16::bigint[], $17::text[], $18::text[],
                           $19::text[], $20::double precision[], $21::double precision[], $22::text[],
                           $23::integer[], $24::integer[], $25::integer[], $26::double precision[])
        AS v(decision_id, round, position, agent_id, status, raw_answer, normalized_answer, confidence, weight,
             rationale, latency_ms, prompt_tokens, completion_tokens, cost_usd)
    WHERE v.decision_id IN (SELECT id FROM decisions_written)
))sql";

const char *const feedback = R"sql(
feedback_written AS (
    INSERT INTO decision_feedback (decision_id, correct, correct_answer, note, actor, time_ms)
    SELECT * FROM unnest($1::bigint[], $2::boolean[], $3::text[], $4::text[], $5::text[], $6::bigint[])
    ON CONFLICT (decision_id) DO UPDATE SET correct = excluded.correct, correct_answer = excluded.correct_answer,
        note = excluded.note, actor = excluded.actor, time_ms = excluded.time_ms
))sql";

void addVote(PostgresColumns &c, Api::DecisionId decision, qsizetype round, qsizetype position, const Api::Vote &v)
{
    c[0].add(static_cast<qint64>(decision.value));
    c[1].add(qint64(round));
    c[2].add(qint64(position));
    c[3].add(static_cast<qint64>(v.agentId.value));
    c[4].addEnum(v.status);
    c[5].add(v.rawAnswer);
    c[6].add(v.normalizedAnswer);
    c[7].add(v.confidence);
    c[8].add(v.weight);
    c[9].add(v.rationale);
    c[10].add(v.latencyMs);
    c[11].add(v.promptTokens);
    c[12].add(v.completionTokens);
    c[13].add(v.costUsd);
    c.addRow();
}

Api::Error unreadable(qint64 id, const QString &why)
{
    return Api::makeError(Api::ErrorCode::Internal,
                          QStringLiteral("decision %1 is stored unreadably: %2").arg(id).arg(why));
}

// A row of votesSql: decision_id, round, then the vote.
Api::Result<Api::Vote> readVote(const PostgresRow &r)
{
    Api::Vote v;
    v.agentId = r.id<Api::AgentId>(2);
    const auto status = r.enumValue<Api::VoteStatus>(3);
    if (!status)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("unknown vote status ") + r.text(3));
    v.status = *status;
    v.rawAnswer = r.text(4);
    v.normalizedAnswer = r.text(5);
    v.confidence = r.real(6);
    v.weight = r.real(7);
    v.rationale = r.text(8);
    v.latencyMs = static_cast<int>(r.int64(9));
    v.promptTokens = static_cast<int>(r.int64(10));
    v.completionTokens = static_cast<int>(r.int64(11));
    v.costUsd = r.real(12);
    return v;
}

void readFeedback(const PostgresRow &r, Api::Decision &d)
{
    if (r.isNull(FeedbackCorrect))
        return;
    d.feedback = Api::DecisionFeedback {r.text(FeedbackCorrect) == u"t", r.text(FeedbackCorrectAnswer),
                                        r.text(FeedbackNote), r.text(FeedbackActor), r.int64(FeedbackTimeMs)};
}

} // namespace

const char *const PostgresDecisionRows::insertPart = insert;
const char *const PostgresDecisionRows::feedbackPart = feedback;
const std::string PostgresDecisionRows::selectSql
    = "SELECT d.id, d.task_id, d.swarm_id, d.attempt, d.strategy, d.strategy_parameters, d.outcome, d.answer, "
      "d.agreement, d.dissenters, d.round_indexes, d.created_ms, f.correct, f.correct_answer, f.note, f.actor, "
      "f.time_ms FROM decisions d LEFT JOIN decision_feedback f ON f.decision_id = d.id";
const std::string PostgresDecisionRows::votesSql
    = "SELECT decision_id, round, agent_id, status, raw_answer, normalized_answer, confidence, weight, rationale, "
      "latency_ms, prompt_tokens, completion_tokens, cost_usd FROM votes WHERE decision_id = ANY($1::bigint[]) "
      "ORDER BY decision_id, round, position";

PostgresColumns PostgresDecisionRows::decisionColumns()
{
    return PostgresColumns(decisionColumnCount);
}

PostgresColumns PostgresDecisionRows::voteColumns()
{
    return PostgresColumns(voteColumnCount);
}

PostgresColumns PostgresDecisionRows::feedbackColumns()
{
    return PostgresColumns(feedbackColumnCount);
}

void PostgresDecisionRows::add(PostgresColumns &c, PostgresColumns &votes, const Api::Decision &d)
{
    c[Id].add(static_cast<qint64>(d.id.value));
    c[TaskId].add(static_cast<qint64>(d.taskId.value));
    c[SwarmId].add(static_cast<qint64>(d.swarmId.value));
    c[Attempt].add(d.attempt);
    c[Strategy].add(d.strategy.name);
    c[StrategyParameters].addObject(d.strategy.parameters);
    c[Outcome].addEnum(d.outcome);
    c[Answer].add(d.answer);
    c[Agreement].add(d.agreement);
    c[Dissenters].add(joinNumbers(d.dissenters, [](Api::AgentId id) { return id.value; }));
    c[RoundIndexes].add(joinNumbers(d.rounds, [](const Api::Round &r) { return r.index; }));
    c[CreatedMs].add(d.createdMs);
    c.addRow();
    for (qsizetype r = 0; r < d.rounds.size(); ++r) {
        for (qsizetype v = 0; v < d.rounds[r].votes.size(); ++v)
            addVote(votes, d.id, r, v, d.rounds[r].votes[v]);
    }
}

void PostgresDecisionRows::add(PostgresColumns &c, Api::DecisionId id, const Api::DecisionFeedback &f)
{
    c[0].add(static_cast<qint64>(id.value));
    c[1].addUtf8(f.correct ? "t" : "f");
    c[2].add(f.correctAnswer);
    c[3].add(f.note);
    c[4].add(f.actor);
    c[5].add(f.timeMs);
    c.addRow();
}

Api::Result<Api::Decision> PostgresDecisionRows::read(const PostgresRow &r)
{
    Api::Decision d;
    d.id = r.id<Api::DecisionId>(Id);
    d.taskId = r.id<Api::TaskId>(TaskId);
    d.swarmId = r.id<Api::SwarmId>(SwarmId);
    d.attempt = static_cast<int>(r.int64(Attempt));
    d.strategy = Api::StrategySpec {r.text(Strategy), r.object(StrategyParameters)};
    const auto outcome = r.enumValue<Api::DecisionOutcome>(Outcome);
    const auto dissenters = splitNumbers(r.text(Dissenters));
    const auto indexes = splitNumbers(r.text(RoundIndexes));
    if (!outcome || !dissenters || !indexes)
        return unreadable(r.int64(Id), QStringLiteral("bad outcome, dissenters or rounds"));
    d.outcome = *outcome;
    d.answer = r.text(Answer);
    d.agreement = r.real(Agreement);
    for (qint64 agent : *dissenters)
        d.dissenters.append(Api::AgentId(static_cast<quint64>(agent)));
    for (qint64 index : *indexes)
        d.rounds.append(Api::Round {static_cast<int>(index), {}});
    d.createdMs = r.int64(CreatedMs);
    readFeedback(r, d);
    return d;
}

Api::Result<void> PostgresDecisionRows::addVotes(QList<Api::Decision> &decisions, const pqxx::result &votes)
{
    QHash<quint64, Api::Decision *> byId;
    for (Api::Decision &d : decisions)
        byId.insert(d.id.value, &d);
    for (const auto &row : votes) {
        const PostgresRow r(row);
        Api::Decision *d = byId.value(static_cast<quint64>(r.int64(0)));
        const qint64 round = r.int64(1);
        if (!d)
            continue;
        if (round < 0 || round >= d->rounds.size())
            return unreadable(r.int64(0), QStringLiteral("a vote of round %1").arg(round));
        auto vote = readVote(r);
        if (!vote)
            return unreadable(r.int64(0), vote.error().message);
        d->rounds[round].votes.append(std::move(vote).value());
    }
    return {};
}

} // namespace QwenSwarm::Engine
