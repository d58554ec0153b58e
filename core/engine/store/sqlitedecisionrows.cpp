#include "store/sqlitedecisionrows.h"

#include "store/sqlitevalues.h"

#include <QVarLengthArray>

namespace QwenSwarm::Engine {

using namespace SqliteValues;

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

const QByteArray insertSql = "INSERT INTO decisions (id, task_id, swarm_id, attempt, strategy, strategy_parameters, "
                             "outcome, answer, agreement, dissenters, round_indexes, created_ms) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (id) DO NOTHING";

constexpr int voteColumns = 14;
constexpr qsizetype maxVotesPerInsert = 16;

// "INSERT INTO votes ... VALUES (...), (...)" for 1..maxVotesPerInsert rows: one statement step
// writes all votes of a usual decision.
const QByteArray &voteInsertSql(qsizetype rows)
{
    static const auto sqls = [] {
        std::array<QByteArray, maxVotesPerInsert + 1> all;
        for (qsizetype n = 1; n <= maxVotesPerInsert; ++n) {
            QByteArray sql = "INSERT INTO votes (decision_id, round, position, agent_id, status, raw_answer, "
                             "normalized_answer, confidence, weight, rationale, latency_ms, prompt_tokens, "
                             "completion_tokens, cost_usd) VALUES ";
            for (qsizetype row = 0; row < n; ++row) {
                sql += row == 0 ? "(" : ", (";
                for (int column = 1; column <= voteColumns; ++column)
                    sql += (column == 1 ? "?" : ", ?") + QByteArray::number(row * voteColumns + column);
                sql += ')';
            }
            all[static_cast<std::size_t>(n)] = sql;
        }
        return all;
    }();
    return sqls[static_cast<std::size_t>(rows)];
}

const QByteArray votesOfSql = "SELECT round, agent_id, status, raw_answer, normalized_answer, confidence, weight, "
                              "rationale, latency_ms, prompt_tokens, completion_tokens, cost_usd "
                              "FROM votes WHERE decision_id = ?1 ORDER BY round, position";

const QByteArray feedbackSql = "INSERT INTO decision_feedback (decision_id, correct, correct_answer, note, actor, "
                               "time_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                               "ON CONFLICT (decision_id) DO UPDATE SET correct = ?2, correct_answer = ?3, "
                               "note = ?4, actor = ?5, time_ms = ?6";

void bindDecision(SqliteStatement &s, const Api::Decision &d)
{
    s.bind(Id + 1, static_cast<qint64>(d.id.value));
    s.bind(TaskId + 1, static_cast<qint64>(d.taskId.value));
    s.bind(SwarmId + 1, static_cast<qint64>(d.swarmId.value));
    s.bind(Attempt + 1, qint64(d.attempt));
    s.bind(Strategy + 1, d.strategy.name);
    bindObject(s, StrategyParameters + 1, d.strategy.parameters);
    bindEnum(s, Outcome + 1, d.outcome);
    s.bind(Answer + 1, d.answer);
    s.bind(Agreement + 1, d.agreement);
    s.bind(Dissenters + 1, joinNumbers(d.dissenters, [](Api::AgentId id) { return id.value; }));
    s.bind(RoundIndexes + 1, joinNumbers(d.rounds, [](const Api::Round &r) { return r.index; }));
    s.bind(CreatedMs + 1, d.createdMs);
}

struct VoteAt
{
    qsizetype round;
    qsizetype position;
    const Api::Vote *vote;
};

// Binds a vote to the parameters of row `row` of a voteInsertSql() statement.
void bindVote(SqliteStatement &s, int row, Api::DecisionId decision, const VoteAt &at)
{
    const int p = row * voteColumns;
    const Api::Vote &v = *at.vote;
    s.bind(p + 1, static_cast<qint64>(decision.value));
    s.bind(p + 2, qint64(at.round));
    s.bind(p + 3, qint64(at.position));
    s.bind(p + 4, static_cast<qint64>(v.agentId.value));
    bindEnum(s, p + 5, v.status);
    s.bind(p + 6, v.rawAnswer);
    s.bind(p + 7, v.normalizedAnswer);
    s.bind(p + 8, v.confidence);
    s.bind(p + 9, v.weight);
    s.bind(p + 10, v.rationale);
    s.bind(p + 11, qint64(v.latencyMs));
    s.bind(p + 12, qint64(v.promptTokens));
    s.bind(p + 13, qint64(v.completionTokens));
    s.bind(p + 14, v.costUsd);
}

Api::Result<void> insertVotes(SqliteDatabase &db, const Api::Decision &d)
{
    QVarLengthArray<VoteAt, maxVotesPerInsert> votes;
    for (qsizetype r = 0; r < d.rounds.size(); ++r) {
        for (qsizetype v = 0; v < d.rounds[r].votes.size(); ++v)
            votes.append({r, v, &d.rounds[r].votes[v]});
    }
    for (qsizetype first = 0; first < votes.size(); first += maxVotesPerInsert) {
        const qsizetype rows = std::min(maxVotesPerInsert, votes.size() - first);
        auto prepared = db.statement(voteInsertSql(rows));
        if (!prepared)
            return prepared.error();
        SqliteQuery query(**prepared);
        for (qsizetype row = 0; row < rows; ++row)
            bindVote(*query, static_cast<int>(row), d.id, votes[first + row]);
        if (auto done = query->run(); !done)
            return done;
    }
    return {};
}

Api::Error unreadable(qint64 id, const QString &why)
{
    return Api::makeError(Api::ErrorCode::Internal,
                          QStringLiteral("decision %1 is stored unreadably: %2").arg(id).arg(why));
}

Api::Result<Api::Vote> readVote(const SqliteStatement &s)
{
    Api::Vote v;
    v.agentId = readId<Api::AgentId>(s, 1);
    const auto status = readEnum<Api::VoteStatus>(s, 2);
    if (!status)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("unknown vote status ") + s.text(2));
    v.status = *status;
    v.rawAnswer = s.text(3);
    v.normalizedAnswer = s.text(4);
    v.confidence = s.real(5);
    v.weight = s.real(6);
    v.rationale = s.text(7);
    v.latencyMs = static_cast<int>(s.int64(8));
    v.promptTokens = static_cast<int>(s.int64(9));
    v.completionTokens = static_cast<int>(s.int64(10));
    v.costUsd = s.real(11);
    return v;
}

// Fills the rounds named by `indexes` with their votes.
Api::Result<void> readRounds(SqliteDatabase &db, Api::Decision &d, const QList<qint64> &indexes)
{
    for (qint64 index : indexes)
        d.rounds.append(Api::Round {static_cast<int>(index), {}});
    auto prepared = db.statement(votesOfSql);
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    query->bind(1, static_cast<qint64>(d.id.value));
    while (query->next()) {
        const qint64 round = query->int64(0);
        if (round < 0 || round >= d.rounds.size())
            return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("a vote of round %1").arg(round));
        auto vote = readVote(*query);
        if (!vote)
            return vote.error();
        d.rounds[round].votes.append(std::move(vote).value());
    }
    return query->status();
}

void readFeedback(const SqliteStatement &s, Api::Decision &d)
{
    if (s.isNull(FeedbackCorrect))
        return;
    d.feedback = Api::DecisionFeedback {s.int64(FeedbackCorrect) != 0, s.text(FeedbackCorrectAnswer),
                                        s.text(FeedbackNote), s.text(FeedbackActor), s.int64(FeedbackTimeMs)};
}

} // namespace

const QByteArray SqliteDecisionRows::selectSql
    = "SELECT d.id, d.task_id, d.swarm_id, d.attempt, d.strategy, d.strategy_parameters, d.outcome, d.answer, "
      "d.agreement, d.dissenters, d.round_indexes, d.created_ms, f.correct, f.correct_answer, f.note, f.actor, "
      "f.time_ms FROM decisions d LEFT JOIN decision_feedback f ON f.decision_id = d.id";

Api::Result<void> SqliteDecisionRows::insert(SqliteDatabase &db, const Api::Decision &decision)
{
    auto prepared = db.statement(insertSql);
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    bindDecision(*query, decision);
    if (auto done = query->run(); !done)
        return done;
    if (db.changes() == 0)
        return {}; // already stored: decisions are immutable
    return insertVotes(db, decision);
}

Api::Result<void> SqliteDecisionRows::setFeedback(SqliteDatabase &db, Api::DecisionId id,
                                                  const Api::DecisionFeedback &f)
{
    auto prepared = db.statement(feedbackSql);
    if (!prepared)
        return prepared.error();
    SqliteQuery query(**prepared);
    query->bind(1, static_cast<qint64>(id.value));
    query->bind(2, qint64(f.correct ? 1 : 0));
    query->bind(3, f.correctAnswer);
    query->bind(4, f.note);
    query->bind(5, f.actor);
    query->bind(6, f.timeMs);
    return query->run();
}

Api::Result<Api::Decision> SqliteDecisionRows::read(SqliteDatabase &db, const SqliteStatement &s)
{
    Api::Decision d;
    d.id = readId<Api::DecisionId>(s, Id);
    d.taskId = readId<Api::TaskId>(s, TaskId);
    d.swarmId = readId<Api::SwarmId>(s, SwarmId);
    d.attempt = static_cast<int>(s.int64(Attempt));
    d.strategy = Api::StrategySpec {s.text(Strategy), readObject(s, StrategyParameters)};
    const auto outcome = readEnum<Api::DecisionOutcome>(s, Outcome);
    const auto dissenters = splitNumbers(s.text(Dissenters));
    const auto indexes = splitNumbers(s.text(RoundIndexes));
    if (!outcome || !dissenters || !indexes)
        return unreadable(s.int64(Id), QStringLiteral("bad outcome, dissenters or rounds"));
    d.outcome = *outcome;
    d.answer = s.text(Answer);
    d.agreement = s.real(Agreement);
    for (qint64 agent : *dissenters)
        d.dissenters.append(Api::AgentId(static_cast<quint64>(agent)));
    d.createdMs = s.int64(CreatedMs);
    readFeedback(s, d);
    if (auto rounds = readRounds(db, d, *indexes); !rounds)
        return unreadable(s.int64(Id), rounds.error().message);
    return d;
}

} // namespace QwenSwarm::Engine
