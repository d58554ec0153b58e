// JSON codecs of events, subscriptions and queries.
#include "api/json.h"
#include "api/jsoneventpayload.h"

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

namespace {

/// Writes the members it is shown into a JSON object.
class JsonObjectWriter
{
public:
    template<typename T>
    void required(QLatin1StringView key, const T &value)
    {
        if constexpr (requires { toJson(value); })
            m_object.insert(key, toJson(value));
        else
            m_object.insert(key, QJsonValue(value));
    }

    template<typename T>
    void optional(QLatin1StringView key, const T &value)
    {
        required(key, value);
    }

    QJsonObject take() { return std::move(m_object); }

private:
    QJsonObject m_object;
};

template<typename Payload>
QJsonObject payloadToJson(const Payload &payload)
{
    JsonObjectWriter writer;
    eventPayloadMembers(writer, payload);
    return writer.take();
}

// Builds the payload alternative with index I (== the topic) from JSON.
template<std::size_t I = 0>
void readPayloadAt(std::size_t index, JsonReader &reader, const QJsonValue &json, EventPayload &out)
{
    if constexpr (I < std::variant_size_v<EventPayload>) {
        if (index != I)
            return readPayloadAt<I + 1>(index, reader, json, out);
        std::variant_alternative_t<I, EventPayload> payload;
        JsonObjectReader object(reader, json);
        eventPayloadMembers(object, payload);
        object.finish();
        out = std::move(payload);
    }
}

} // namespace

QJsonValue toJson(const Event &event)
{
    return QJsonObject {{u"seq"_s, static_cast<qint64>(event.seq)},
                        {u"time"_s, timeToJson(event.timeMs)},
                        {u"topic"_s, toJson(event.topic())},
                        {u"data"_s, std::visit([](const auto &p) { return payloadToJson(p); }, event.payload)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Event &out)
{
    JsonObjectReader object(reader, json);
    Topic topic = Topic::Swarms;
    QJsonObject data;
    object.required("seq"_L1, out.seq);
    object.optionalTime("time"_L1, out.timeMs);
    object.required("topic"_L1, topic);
    object.required("data"_L1, data);
    object.finish();
    if (!reader.ok())
        return;
    JsonReader::Scope scope(reader, u"data"_s);
    readPayloadAt(static_cast<std::size_t>(topic), reader, data, out.payload);
}

QJsonValue toJson(const SubscriptionSpec &spec)
{
    return QJsonObject {
        {u"topics"_s, listToJson(spec.topics)},
        {u"swarm_id"_s, toJson(spec.swarmId)},
        {u"agent_id"_s, toJson(spec.agentId)},
        {u"task_id"_s, toJson(spec.taskId)},
        {u"task_states"_s, listToJson(spec.taskStates)},
        {u"resume_after_seq"_s,
         spec.resumeAfterSeq ? QJsonValue(static_cast<qint64>(*spec.resumeAfterSeq)) : QJsonValue(QJsonValue::Null)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, SubscriptionSpec &out)
{
    JsonObjectReader object(reader, json);
    object.optional("topics"_L1, out.topics);
    object.optional("swarm_id"_L1, out.swarmId);
    object.optional("agent_id"_L1, out.agentId);
    object.optional("task_id"_L1, out.taskId);
    object.optional("task_states"_L1, out.taskStates);
    object.optional("resume_after_seq"_L1, out.resumeAfterSeq);
    object.finish();
}

QJsonValue toJson(const Subscription &subscription)
{
    return QJsonObject {{u"id"_s, toJson(subscription.id)}, {u"head_seq"_s, static_cast<qint64>(subscription.headSeq)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Subscription &out)
{
    JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.optional("head_seq"_L1, out.headSeq);
    object.finish();
}

QJsonValue toJson(const PageRequest &page)
{
    return QJsonObject {{u"limit"_s, page.limit}, {u"cursor"_s, page.cursor}};
}

void readJson(JsonReader &reader, const QJsonValue &json, PageRequest &out)
{
    JsonObjectReader object(reader, json);
    object.optional("limit"_L1, out.limit);
    object.optional("cursor"_L1, out.cursor);
    object.finish();
}

QJsonValue toJson(const TaskQuery &query)
{
    return QJsonObject {{u"states"_s, listToJson(query.states)},
                        {u"swarm_id"_s, toJson(query.swarmId)},
                        {u"strategy"_s, query.strategy},
                        {u"text"_s, query.text},
                        {u"created_from"_s, timeToJson(query.createdFromMs)},
                        {u"created_to"_s, timeToJson(query.createdToMs)},
                        {u"page"_s, toJson(query.page)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, TaskQuery &out)
{
    JsonObjectReader object(reader, json);
    object.optional("states"_L1, out.states);
    object.optional("swarm_id"_L1, out.swarmId);
    object.optional("strategy"_L1, out.strategy);
    object.optional("text"_L1, out.text);
    object.optionalTime("created_from"_L1, out.createdFromMs);
    object.optionalTime("created_to"_L1, out.createdToMs);
    object.optional("page"_L1, out.page);
    object.finish();
}

QJsonValue toJson(const DecisionQuery &query)
{
    return QJsonObject {{u"swarm_id"_s, toJson(query.swarmId)},
                        {u"task_id"_s, toJson(query.taskId)},
                        {u"strategy"_s, query.strategy},
                        {u"outcome"_s, query.outcome ? toJson(*query.outcome) : QJsonValue(QJsonValue::Null)},
                        {u"min_agreement"_s, query.minAgreement},
                        {u"max_agreement"_s, query.maxAgreement},
                        {u"created_from"_s, timeToJson(query.createdFromMs)},
                        {u"created_to"_s, timeToJson(query.createdToMs)},
                        {u"page"_s, toJson(query.page)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, DecisionQuery &out)
{
    JsonObjectReader object(reader, json);
    object.optional("swarm_id"_L1, out.swarmId);
    object.optional("task_id"_L1, out.taskId);
    object.optional("strategy"_L1, out.strategy);
    object.optional("outcome"_L1, out.outcome);
    object.optional("min_agreement"_L1, out.minAgreement);
    object.optional("max_agreement"_L1, out.maxAgreement);
    object.optionalTime("created_from"_L1, out.createdFromMs);
    object.optionalTime("created_to"_L1, out.createdToMs);
    object.optional("page"_L1, out.page);
    object.finish();
}

} // namespace QwenSwarm::Api
