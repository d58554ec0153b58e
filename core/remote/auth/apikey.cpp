#include "auth/apikey.h"

namespace QwenSwarm::Remote {

using namespace Qt::Literals::StringLiterals;

QJsonValue toJson(const ApiKeyInfo &info)
{
    return QJsonObject {{u"key_id"_s, info.keyId},
                        {u"role"_s, Api::toJson(info.role)},
                        {u"name"_s, info.name},
                        {u"created_at"_s, Api::timeToJson(info.createdMs)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, ApiKeyInfo &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("key_id"_L1, out.keyId);
    object.required("role"_L1, out.role);
    object.optional("name"_L1, out.name);
    object.optionalTime("created_at"_L1, out.createdMs);
    object.finish();
}

QJsonValue toJson(const CreatedApiKey &created)
{
    return QJsonObject {{u"info"_s, toJson(created.info)}, {u"key"_s, created.key}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, CreatedApiKey &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("info"_L1, out.info);
    object.required("key"_L1, out.key);
    object.finish();
}

} // namespace QwenSwarm::Remote
