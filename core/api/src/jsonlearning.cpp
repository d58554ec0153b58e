// JSON codecs of learned state: reputations, their history and operator feedback.
#include "api/json.h"

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

QJsonValue toJson(const Reputation &r)
{
    return QJsonObject {{u"agent_id"_s, toJson(r.agentId)},
                        {u"tag"_s, r.tag},
                        {u"alpha"_s, r.alpha},
                        {u"beta"_s, r.beta},
                        {u"mean"_s, r.mean()},
                        {u"updates"_s, static_cast<qint64>(r.updates)},
                        {u"updated_at"_s, timeToJson(r.updatedMs)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Reputation &out)
{
    JsonObjectReader object(reader, json);
    double mean = 0; // derived; accepted and ignored
    object.required("agent_id"_L1, out.agentId);
    object.optional("tag"_L1, out.tag);
    object.required("alpha"_L1, out.alpha);
    object.required("beta"_L1, out.beta);
    object.optional("mean"_L1, mean);
    object.optional("updates"_L1, out.updates);
    object.optionalTime("updated_at"_L1, out.updatedMs);
    object.finish();
    if (reader.ok() && !(out.alpha > 0 && out.beta > 0))
        reader.fail(u"alpha and beta must be positive"_s);
}

QJsonValue toJson(const ReputationPoint &p)
{
    return QJsonObject {{u"agent_id"_s, toJson(p.agentId)},
                        {u"tag"_s, p.tag},
                        {u"alpha"_s, p.alpha},
                        {u"beta"_s, p.beta},
                        {u"cause"_s, toJson(p.cause)},
                        {u"decision_id"_s, toJson(p.decisionId)},
                        {u"time"_s, timeToJson(p.timeMs)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, ReputationPoint &out)
{
    JsonObjectReader object(reader, json);
    object.required("agent_id"_L1, out.agentId);
    object.optional("tag"_L1, out.tag);
    object.required("alpha"_L1, out.alpha);
    object.required("beta"_L1, out.beta);
    object.required("cause"_L1, out.cause);
    object.optional("decision_id"_L1, out.decisionId);
    object.optionalTime("time"_L1, out.timeMs);
    object.finish();
}

QJsonValue toJson(const DecisionFeedback &f)
{
    return QJsonObject {{u"correct"_s, f.correct},
                        {u"correct_answer"_s, f.correctAnswer},
                        {u"note"_s, f.note},
                        {u"actor"_s, f.actor},
                        {u"time"_s, timeToJson(f.timeMs)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, DecisionFeedback &out)
{
    JsonObjectReader object(reader, json);
    object.required("correct"_L1, out.correct);
    object.optional("correct_answer"_L1, out.correctAnswer);
    object.optional("note"_L1, out.note);
    object.optional("actor"_L1, out.actor);
    object.optionalTime("time"_L1, out.timeMs);
    object.finish();
}

QJsonValue toJson(const ReputationQuery &q)
{
    return QJsonObject {{u"agent_id"_s, toJson(q.agentId)},
                        {u"tag"_s, q.tag},
                        {u"from"_s, timeToJson(q.fromMs)},
                        {u"to"_s, timeToJson(q.toMs)},
                        {u"page"_s, toJson(q.page)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, ReputationQuery &out)
{
    JsonObjectReader object(reader, json);
    object.optional("agent_id"_L1, out.agentId);
    object.optional("tag"_L1, out.tag);
    object.optionalTime("from"_L1, out.fromMs);
    object.optionalTime("to"_L1, out.toMs);
    object.optional("page"_L1, out.page);
    object.finish();
}

QJsonValue toJson(const LearningState &state)
{
    return QJsonObject {{u"version"_s, state.version}, {u"reputations"_s, listToJson(state.reputations)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, LearningState &out)
{
    JsonObjectReader object(reader, json);
    object.required("version"_L1, out.version);
    object.required("reputations"_L1, out.reputations);
    object.finish();
    if (reader.ok() && out.version != 1)
        reader.fail(u"learned state of version %1 is not known (this build reads version 1)"_s.arg(out.version));
}

} // namespace QwenSwarm::Api
