// JSON codecs of metrics and backend information.
#include "api/json.h"

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

QJsonValue toJson(const MetricSample &sample)
{
    QJsonObject labels;
    for (auto it = sample.labels.cbegin(); it != sample.labels.cend(); ++it)
        labels.insert(it.key(), it.value());
    QJsonArray bounds;
    for (double b : sample.bucketBounds)
        bounds.append(b);
    QJsonArray counts;
    for (quint64 c : sample.bucketCounts)
        counts.append(static_cast<qint64>(c));
    return QJsonObject {{u"labels"_s, labels},        {u"value"_s, sample.value},
                        {u"bucket_bounds"_s, bounds}, {u"bucket_counts"_s, counts},
                        {u"sum"_s, sample.sum},       {u"count"_s, static_cast<qint64>(sample.count)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, MetricSample &out)
{
    JsonObjectReader object(reader, json);
    QJsonObject labels;
    object.optional("labels"_L1, labels);
    object.optional("value"_L1, out.value);
    object.optional("bucket_bounds"_L1, out.bucketBounds);
    object.optional("bucket_counts"_L1, out.bucketCounts);
    object.optional("sum"_L1, out.sum);
    object.optional("count"_L1, out.count);
    object.finish();
    for (auto it = labels.constBegin(); it != labels.constEnd() && reader.ok(); ++it) {
        JsonReader::Scope scope(reader, u"labels."_s + it.key());
        QString value;
        readJson(reader, it.value(), value);
        out.labels.insert(it.key(), value);
    }
    if (reader.ok() && out.bucketBounds.size() != out.bucketCounts.size())
        reader.fail(u"bucket_bounds and bucket_counts differ in length"_s);
}

QJsonValue toJson(const MetricFamily &family)
{
    return QJsonObject {{u"name"_s, family.name},
                        {u"help"_s, family.help},
                        {u"type"_s, toJson(family.type)},
                        {u"samples"_s, listToJson(family.samples)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, MetricFamily &out)
{
    JsonObjectReader object(reader, json);
    object.required("name"_L1, out.name);
    object.optional("help"_L1, out.help);
    object.required("type"_L1, out.type);
    object.optional("samples"_L1, out.samples);
    object.finish();
}

QJsonValue toJson(const MetricsSnapshot &snapshot)
{
    return QJsonObject {{u"time"_s, timeToJson(snapshot.timeMs)}, {u"families"_s, listToJson(snapshot.families)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, MetricsSnapshot &out)
{
    JsonObjectReader object(reader, json);
    object.optionalTime("time"_L1, out.timeMs);
    object.optional("families"_L1, out.families);
    object.finish();
}

QJsonValue toJson(const BackendInfo &info)
{
    return QJsonObject {{u"version"_s, info.version},
                        {u"kind"_s, info.kind},
                        {u"endpoint"_s, info.endpoint},
                        {u"store"_s, info.store},
                        {u"providers"_s, QJsonArray::fromStringList(info.providers)},
                        {u"strategies"_s, QJsonArray::fromStringList(info.strategies)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, BackendInfo &out)
{
    JsonObjectReader object(reader, json);
    object.optional("version"_L1, out.version);
    object.optional("kind"_L1, out.kind);
    object.optional("endpoint"_L1, out.endpoint);
    object.optional("store"_L1, out.store);
    object.optional("providers"_L1, out.providers);
    object.optional("strategies"_L1, out.strategies);
    object.finish();
}

} // namespace QwenSwarm::Api
