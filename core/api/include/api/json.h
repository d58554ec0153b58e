#pragma once

#include "api/backend.h"
#include "api/jsonreader.h"

namespace QwenSwarm::Api {

// JSON codecs of the value types. Member names are snake_case; timestamps are ISO 8601 UTC strings;
// ids are numbers; enums are their wire names. toJson() writes every member, so fromJson(toJson(x))
// == x for every value x.

QJsonValue toJson(const Error &error);
QJsonValue toJson(const AgentLimits &limits);
QJsonValue toJson(const AgentSpec &spec);
QJsonValue toJson(const AgentStats &stats);
QJsonValue toJson(const Agent &agent);
QJsonValue toJson(const StrategySpec &strategy);
QJsonValue toJson(const SwarmSpec &spec);
QJsonValue toJson(const Swarm &swarm);
QJsonValue toJson(const AgentSelection &selection);
QJsonValue toJson(const RetryPolicy &policy);
QJsonValue toJson(const TaskSpec &spec);
QJsonValue toJson(const TaskResult &result);
QJsonValue toJson(const Task &task);
QJsonValue toJson(const Vote &vote);
QJsonValue toJson(const Round &round);
QJsonValue toJson(const Decision &decision);
QJsonValue toJson(const Event &event);
QJsonValue toJson(const SubscriptionSpec &spec);
QJsonValue toJson(const Subscription &subscription);
QJsonValue toJson(const PageRequest &page);
QJsonValue toJson(const TaskQuery &query);
QJsonValue toJson(const DecisionQuery &query);
QJsonValue toJson(const MetricSample &sample);
QJsonValue toJson(const MetricFamily &family);
QJsonValue toJson(const MetricsSnapshot &snapshot);
QJsonValue toJson(const BackendInfo &info);
QJsonValue toJson(const Reputation &reputation);
QJsonValue toJson(const ReputationPoint &point);
QJsonValue toJson(const DecisionFeedback &feedback);
QJsonValue toJson(const ReputationQuery &query);
QJsonValue toJson(const LearningState &state);

template<typename T>
QJsonValue toJson(const Page<T> &page)
{
    return QJsonObject {{QStringLiteral("items"), listToJson(page.items)},
                        {QStringLiteral("next_cursor"), page.nextCursor},
                        {QStringLiteral("as_of_seq"), static_cast<qint64>(page.asOfSeq)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, Error &out);
void readJson(JsonReader &reader, const QJsonValue &json, AgentLimits &out);
void readJson(JsonReader &reader, const QJsonValue &json, AgentSpec &out);
void readJson(JsonReader &reader, const QJsonValue &json, AgentStats &out);
void readJson(JsonReader &reader, const QJsonValue &json, Agent &out);
void readJson(JsonReader &reader, const QJsonValue &json, StrategySpec &out);
void readJson(JsonReader &reader, const QJsonValue &json, SwarmSpec &out);
void readJson(JsonReader &reader, const QJsonValue &json, Swarm &out);
void readJson(JsonReader &reader, const QJsonValue &json, AgentSelection &out);
void readJson(JsonReader &reader, const QJsonValue &json, RetryPolicy &out);
void readJson(JsonReader &reader, const QJsonValue &json, TaskSpec &out);
void readJson(JsonReader &reader, const QJsonValue &json, TaskResult &out);
void readJson(JsonReader &reader, const QJsonValue &json, Task &out);
void readJson(JsonReader &reader, const QJsonValue &json, Vote &out);
void readJson(JsonReader &reader, const QJsonValue &json, Round &out);
void readJson(JsonReader &reader, const QJsonValue &json, Decision &out);
void readJson(JsonReader &reader, const QJsonValue &json, Event &out);
void readJson(JsonReader &reader, const QJsonValue &json, SubscriptionSpec &out);
void readJson(JsonReader &reader, const QJsonValue &json, Subscription &out);
void readJson(JsonReader &reader, const QJsonValue &json, PageRequest &out);
void readJson(JsonReader &reader, const QJsonValue &json, TaskQuery &out);
void readJson(JsonReader &reader, const QJsonValue &json, DecisionQuery &out);
void readJson(JsonReader &reader, const QJsonValue &json, MetricSample &out);
void readJson(JsonReader &reader, const QJsonValue &json, MetricFamily &out);
void readJson(JsonReader &reader, const QJsonValue &json, MetricsSnapshot &out);
void readJson(JsonReader &reader, const QJsonValue &json, BackendInfo &out);
void readJson(JsonReader &reader, const QJsonValue &json, Reputation &out);
void readJson(JsonReader &reader, const QJsonValue &json, ReputationPoint &out);
void readJson(JsonReader &reader, const QJsonValue &json, DecisionFeedback &out);
void readJson(JsonReader &reader, const QJsonValue &json, ReputationQuery &out);
void readJson(JsonReader &reader, const QJsonValue &json, LearningState &out);

template<typename T>
void readJson(JsonReader &reader, const QJsonValue &json, Page<T> &out)
{
    JsonObjectReader object(reader, json);
    object.required(QLatin1StringView("items"), out.items);
    object.optional(QLatin1StringView("next_cursor"), out.nextCursor);
    object.optional(QLatin1StringView("as_of_seq"), out.asOfSeq);
    object.finish();
}

/// Decodes a value of type T, or an InvalidArgument error naming the offending path.
template<typename T>
Result<T> fromJson(const QJsonValue &json, JsonReader::Mode mode = JsonReader::Mode::Strict)
{
    JsonReader reader(mode);
    T value {};
    readJson(reader, json, value);
    if (!reader.ok())
        return Result<T>::failure(reader.error());
    return value;
}

} // namespace QwenSwarm::Api
