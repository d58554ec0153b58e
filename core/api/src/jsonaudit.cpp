// JSON codecs of the audit log.
#include "api/jsonaudit.h"

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

QJsonValue toJson(const AuditEntry &e)
{
    return QJsonObject {{u"time"_s, timeToJson(e.timeMs)}, {u"actor"_s, e.actor},     {u"action"_s, e.action},
                        {u"target"_s, e.target},           {u"allowed"_s, e.allowed}, {u"detail"_s, e.detail}};
}

void readJson(JsonReader &reader, const QJsonValue &json, AuditEntry &out)
{
    JsonObjectReader object(reader, json);
    object.optionalTime("time"_L1, out.timeMs);
    object.required("actor"_L1, out.actor);
    object.required("action"_L1, out.action);
    object.optional("target"_L1, out.target);
    object.optional("allowed"_L1, out.allowed);
    object.optional("detail"_L1, out.detail);
    object.finish();
}

QJsonValue toJson(const AuditQuery &q)
{
    return QJsonObject {{u"actor"_s, q.actor},
                        {u"action"_s, q.action},
                        {u"allowed"_s, q.allowed ? QJsonValue(*q.allowed) : QJsonValue(QJsonValue::Null)},
                        {u"from"_s, timeToJson(q.fromMs)},
                        {u"to"_s, timeToJson(q.toMs)},
                        {u"page"_s, toJson(q.page)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, AuditQuery &out)
{
    JsonObjectReader object(reader, json);
    object.optional("actor"_L1, out.actor);
    object.optional("action"_L1, out.action);
    object.optional("allowed"_L1, out.allowed);
    object.optionalTime("from"_L1, out.fromMs);
    object.optionalTime("to"_L1, out.toMs);
    object.optional("page"_L1, out.page);
    object.finish();
}

} // namespace QwenSwarm::Api
