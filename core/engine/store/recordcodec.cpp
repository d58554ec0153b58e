#include "store/recordcodec.h"

#include "store/binarycodec.h"

#include <QCborValue>
#include <QJsonDocument>

namespace QwenSwarm::Engine {

using namespace Api;

namespace {

constexpr quint64 taskSpecVersion = 1;
constexpr quint64 decisionVersion = 1;
constexpr quint64 outcomeVersion = 1;

void writeObject(BinaryWriter &w, const QJsonObject &object)
{
    w.bytes(object.isEmpty() ? QByteArray() : QCborValue::fromJsonValue(object).toCbor());
}

QJsonObject readObject(BinaryReader &r)
{
    const QByteArray cbor = r.bytes();
    return cbor.isEmpty() ? QJsonObject() : QCborValue::fromCbor(cbor).toJsonValue().toObject();
}

void writeStrings(BinaryWriter &w, const QStringList &list)
{
    w.u64(static_cast<quint64>(list.size()));
    for (const QString &s : list)
        w.string(s);
}

QStringList readStrings(BinaryReader &r)
{
    QStringList list;
    const quint64 n = r.u64();
    for (quint64 i = 0; i < n && r.ok(); ++i)
        list.append(r.string());
    return list;
}

template<typename IdType>
void writeIds(BinaryWriter &w, const QList<IdType> &ids)
{
    w.u64(static_cast<quint64>(ids.size()));
    for (IdType id : ids)
        w.u64(id.value);
}

template<typename IdType>
QList<IdType> readIds(BinaryReader &r)
{
    QList<IdType> ids;
    const quint64 n = r.u64();
    for (quint64 i = 0; i < n && r.ok(); ++i)
        ids.append(IdType(r.u64()));
    return ids;
}

template<typename E>
E readEnum(BinaryReader &r)
{
    return static_cast<E>(r.u64());
}

void writeStrategy(BinaryWriter &w, const StrategySpec &s)
{
    w.string(s.name);
    writeObject(w, s.parameters);
}

StrategySpec readStrategy(BinaryReader &r)
{
    StrategySpec s;
    s.name = r.string();
    s.parameters = readObject(r);
    return s;
}

void writeVote(BinaryWriter &w, const Vote &v)
{
    w.u64(v.agentId.value);
    w.u64(static_cast<quint64>(v.status));
    w.string(v.rawAnswer);
    // The normalised answer often equals the raw one; say so in one byte.
    const bool same = v.normalizedAnswer == v.rawAnswer;
    w.boolean(same);
    if (!same)
        w.string(v.normalizedAnswer);
    w.f64Compact(v.confidence);
    w.f64Compact(v.weight);
    w.string(v.rationale);
    w.i64(v.latencyMs);
    w.i64(v.promptTokens);
    w.i64(v.completionTokens);
    w.f64Compact(v.costUsd);
}

Vote readVote(BinaryReader &r)
{
    Vote v;
    v.agentId = AgentId(r.u64());
    v.status = readEnum<VoteStatus>(r);
    v.rawAnswer = r.string();
    v.normalizedAnswer = r.boolean() ? v.rawAnswer : r.string();
    v.confidence = r.f64Compact();
    v.weight = r.f64Compact();
    v.rationale = r.string();
    v.latencyMs = static_cast<int>(r.i64());
    v.promptTokens = static_cast<int>(r.i64());
    v.completionTokens = static_cast<int>(r.i64());
    v.costUsd = r.f64Compact();
    return v;
}

} // namespace

QByteArray RecordCodec::encode(const TaskSpec &spec)
{
    BinaryWriter w;
    w.u64(taskSpecVersion);
    w.u64(spec.swarmId.value);
    w.string(spec.promptTemplate);
    writeObject(w, spec.variables);
    w.u64(static_cast<quint64>(spec.answerFormat));
    writeStrings(w, spec.choices);
    w.string(spec.referenceAnswer);
    writeIds(w, spec.selection.agentIds);
    writeStrings(w, spec.selection.requiredTags);
    w.i64(spec.selection.maxAgents);
    w.u64(static_cast<quint64>(spec.selection.routing));
    w.boolean(spec.strategy.has_value());
    if (spec.strategy)
        writeStrategy(w, *spec.strategy);
    w.i64(spec.priority);
    w.i64(spec.deadlineMs);
    w.i64(spec.timeoutMs);
    w.f64(spec.budgetUsd);
    w.i64(spec.retry.maxAttempts);
    w.i64(spec.retry.initialBackoffMs);
    w.i64(spec.retry.maxBackoffMs);
    w.f64(spec.retry.jitter);
    w.string(spec.idempotencyKey);
    writeStrings(w, spec.tags);
    return w.take();
}

std::optional<TaskSpec> RecordCodec::decodeTaskSpec(const QByteArray &bytes)
{
    BinaryReader r(bytes);
    if (r.u64() != taskSpecVersion)
        return std::nullopt;
    TaskSpec spec;
    spec.swarmId = SwarmId(r.u64());
    spec.promptTemplate = r.string();
    spec.variables = readObject(r);
    spec.answerFormat = readEnum<AnswerFormat>(r);
    spec.choices = readStrings(r);
    spec.referenceAnswer = r.string();
    spec.selection.agentIds = readIds<AgentId>(r);
    spec.selection.requiredTags = readStrings(r);
    spec.selection.maxAgents = static_cast<int>(r.i64());
    spec.selection.routing = readEnum<Routing>(r);
    if (r.boolean())
        spec.strategy = readStrategy(r);
    spec.priority = static_cast<int>(r.i64());
    spec.deadlineMs = r.i64();
    spec.timeoutMs = r.i64();
    spec.budgetUsd = r.f64();
    spec.retry.maxAttempts = static_cast<int>(r.i64());
    spec.retry.initialBackoffMs = static_cast<int>(r.i64());
    spec.retry.maxBackoffMs = static_cast<int>(r.i64());
    spec.retry.jitter = r.f64();
    spec.idempotencyKey = r.string();
    spec.tags = readStrings(r);
    if (!r.ok())
        return std::nullopt;
    return spec;
}

QByteArray RecordCodec::encode(const Decision &d)
{
    BinaryWriter w;
    w.u64(decisionVersion);
    w.u64(d.id.value);
    w.u64(d.taskId.value);
    w.u64(d.swarmId.value);
    w.i64(d.attempt);
    writeStrategy(w, d.strategy);
    w.u64(static_cast<quint64>(d.rounds.size()));
    for (const Round &round : d.rounds) {
        w.i64(round.index);
        w.u64(static_cast<quint64>(round.votes.size()));
        for (const Vote &vote : round.votes)
            writeVote(w, vote);
    }
    w.u64(static_cast<quint64>(d.outcome));
    w.string(d.answer);
    w.f64(d.agreement);
    writeIds(w, d.dissenters);
    w.i64(d.createdMs);
    return w.take();
}

std::optional<Decision> RecordCodec::decodeDecision(const QByteArray &bytes)
{
    BinaryReader r(bytes);
    if (r.u64() != decisionVersion)
        return std::nullopt;
    Decision d;
    d.id = DecisionId(r.u64());
    d.taskId = TaskId(r.u64());
    d.swarmId = SwarmId(r.u64());
    d.attempt = static_cast<int>(r.i64());
    d.strategy = readStrategy(r);
    const quint64 rounds = r.u64();
    for (quint64 i = 0; i < rounds && r.ok(); ++i) {
        Round round;
        round.index = static_cast<int>(r.i64());
        const quint64 votes = r.u64();
        for (quint64 v = 0; v < votes && r.ok(); ++v)
            round.votes.append(readVote(r));
        d.rounds.append(std::move(round));
    }
    d.outcome = readEnum<DecisionOutcome>(r);
    d.answer = r.string();
    d.agreement = r.f64();
    d.dissenters = readIds<AgentId>(r);
    d.createdMs = r.i64();
    if (!r.ok())
        return std::nullopt;
    return d;
}

QByteArray RecordCodec::encodeOutcome(const std::optional<TaskResult> &result, const std::optional<Error> &error)
{
    if (!result && !error)
        return {};
    BinaryWriter w;
    w.u64(outcomeVersion);
    w.boolean(result.has_value());
    if (result) {
        w.string(result->answer);
        w.u64(result->decisionId.value);
        w.f64(result->agreement);
    }
    w.boolean(error.has_value());
    if (error) {
        w.u64(static_cast<quint64>(error->code));
        w.string(error->message);
        w.bytes(error->details.isEmpty() ? QByteArray() : QJsonDocument(error->details).toJson(QJsonDocument::Compact));
    }
    return w.take();
}

bool RecordCodec::decodeOutcome(const QByteArray &bytes, std::optional<TaskResult> &result, std::optional<Error> &error)
{
    result.reset();
    error.reset();
    if (bytes.isEmpty())
        return true;
    BinaryReader r(bytes);
    if (r.u64() != outcomeVersion)
        return false;
    if (r.boolean()) {
        TaskResult t;
        t.answer = r.string();
        t.decisionId = DecisionId(r.u64());
        t.agreement = r.f64();
        result = std::move(t);
    }
    if (r.boolean()) {
        Error e;
        e.code = readEnum<ErrorCode>(r);
        e.message = r.string();
        const QByteArray details = r.bytes();
        if (!details.isEmpty())
            e.details = QJsonDocument::fromJson(details).object();
        error = std::move(e);
    }
    return r.ok();
}

} // namespace QwenSwarm::Engine
