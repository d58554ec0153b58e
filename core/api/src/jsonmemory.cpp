// JSON codecs of memory entries, their queries and the memory options of agents and swarms.
#include "api/jsonmemory.h"

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

std::optional<QString> memorySpecProblem(const MemorySpec &spec)
{
    if (spec.text.isEmpty() || spec.text.size() > 65536)
        return u"text must have 1..65536 characters (has %1)"_s.arg(spec.text.size());
    if (spec.ttlMs < 0)
        return u"ttl_ms must not be negative"_s;
    for (const QString &tag : spec.tags) {
        if (tag.isEmpty() || tag.size() > 64)
            return u"tags must have 1..64 characters ('%1')"_s.arg(tag.left(80));
    }
    return std::nullopt;
}

QJsonValue toJson(const MemoryEntry &e)
{
    return QJsonObject {{u"id"_s, toJson(e.id)},
                        {u"agent_id"_s, toJson(e.agentId)},
                        {u"swarm_id"_s, toJson(e.swarmId)},
                        {u"kind"_s, toJson(e.kind)},
                        {u"text"_s, e.text},
                        {u"tags"_s, QJsonArray::fromStringList(e.tags)},
                        {u"source"_s, e.source},
                        {u"created_at"_s, timeToJson(e.createdMs)},
                        {u"last_used_at"_s, timeToJson(e.lastUsedMs)},
                        {u"expires_at"_s, timeToJson(e.expiresMs)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, MemoryEntry &out)
{
    JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.optional("agent_id"_L1, out.agentId);
    object.optional("swarm_id"_L1, out.swarmId);
    object.required("kind"_L1, out.kind);
    object.required("text"_L1, out.text);
    object.optional("tags"_L1, out.tags);
    object.optional("source"_L1, out.source);
    object.optionalTime("created_at"_L1, out.createdMs);
    object.optionalTime("last_used_at"_L1, out.lastUsedMs);
    object.optionalTime("expires_at"_L1, out.expiresMs);
    object.finish();
}

QJsonValue toJson(const MemorySpec &s)
{
    return QJsonObject {{u"agent_id"_s, toJson(s.agentId)},
                        {u"swarm_id"_s, toJson(s.swarmId)},
                        {u"kind"_s, toJson(s.kind)},
                        {u"text"_s, s.text},
                        {u"tags"_s, QJsonArray::fromStringList(s.tags)},
                        {u"ttl_ms"_s, s.ttlMs},
                        {u"source"_s, s.source}};
}

void readJson(JsonReader &reader, const QJsonValue &json, MemorySpec &out)
{
    JsonObjectReader object(reader, json);
    object.optional("agent_id"_L1, out.agentId);
    object.optional("swarm_id"_L1, out.swarmId);
    object.optional("kind"_L1, out.kind);
    object.required("text"_L1, out.text);
    object.optional("tags"_L1, out.tags);
    object.optional("ttl_ms"_L1, out.ttlMs);
    object.optional("source"_L1, out.source);
    object.finish();
    if (!reader.ok())
        return;
    if (const auto problem = memorySpecProblem(out))
        reader.fail(*problem);
}

QJsonValue toJson(const MemoryQuery &q)
{
    return QJsonObject {{u"agent_id"_s, toJson(q.agentId)},
                        {u"swarm_id"_s, toJson(q.swarmId)},
                        {u"include_swarm_entries"_s, q.includeSwarmEntries},
                        {u"kinds"_s, listToJson(q.kinds)},
                        {u"tag"_s, q.tag},
                        {u"text"_s, q.text},
                        {u"created_from"_s, timeToJson(q.createdFromMs)},
                        {u"created_to"_s, timeToJson(q.createdToMs)},
                        {u"include_expired"_s, q.includeExpired},
                        {u"page"_s, toJson(q.page)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, MemoryQuery &out)
{
    JsonObjectReader object(reader, json);
    object.optional("agent_id"_L1, out.agentId);
    object.optional("swarm_id"_L1, out.swarmId);
    object.optional("include_swarm_entries"_L1, out.includeSwarmEntries);
    object.optional("kinds"_L1, out.kinds);
    object.optional("tag"_L1, out.tag);
    object.optional("text"_L1, out.text);
    object.optionalTime("created_from"_L1, out.createdFromMs);
    object.optionalTime("created_to"_L1, out.createdToMs);
    object.optional("include_expired"_L1, out.includeExpired);
    object.optional("page"_L1, out.page);
    object.finish();
}

QJsonValue toJson(const MemoryBudget &b)
{
    return QJsonObject {{u"max_entries"_s, b.maxEntries}, {u"max_bytes"_s, b.maxBytes}};
}

void readJson(JsonReader &reader, const QJsonValue &json, MemoryBudget &out)
{
    JsonObjectReader object(reader, json);
    object.optional("max_entries"_L1, out.maxEntries);
    object.optional("max_bytes"_L1, out.maxBytes);
    object.finish();
    if (reader.ok() && (out.maxEntries < 0 || out.maxBytes < 0))
        reader.fail(u"a memory budget must not be negative"_s);
}

QJsonValue toJson(const MemoryOptions &o)
{
    return QJsonObject {
        {u"record"_s, o.record}, {u"context_entries"_s, o.contextEntries}, {u"budget"_s, toJson(o.budget)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, MemoryOptions &out)
{
    JsonObjectReader object(reader, json);
    object.optional("record"_L1, out.record);
    object.optional("context_entries"_L1, out.contextEntries);
    object.optional("budget"_L1, out.budget);
    object.finish();
    if (reader.ok() && (out.contextEntries < 0 || out.contextEntries > 100))
        reader.fail(u"context_entries must be 0..100"_s);
}

} // namespace QwenSwarm::Api
