// Provider settings: their checks and JSON codecs.
#include "api/jsonprovider.h"

#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int maxLimit = 1'000'000;

bool isPrice(double value)
{
    return std::isfinite(value) && value >= 0 && value <= 1e6;
}

} // namespace

std::optional<std::pair<QString, QString>> providerSettingsProblem(const ProviderSettings &s)
{
    static const QRegularExpression nameRule(u"^[A-Za-z0-9._-]{1,64}$"_s);
    if (!nameRule.match(s.name).hasMatch())
        return std::pair {u"name"_s, u"1..64 letters, digits, '.', '_' or '-'"_s};
    if (s.kind != u"openai"_s && s.kind != u"anthropic"_s)
        return std::pair {u"kind"_s, u"expected openai or anthropic"_s};
    const QUrl url(s.baseUrl, QUrl::StrictMode);
    if (s.baseUrl.size() > 2048 || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.hasQuery() || url.hasFragment())
        return std::pair {u"base_url"_s, u"an http or https URL with a host, no query"_s};
    if (s.defaultModel.isEmpty() || s.defaultModel.size() > 256)
        return std::pair {u"default_model"_s, u"1..256 characters"_s};
    const std::pair<const char *, int> limits[] = {{"concurrency", s.concurrency},
                                                   {"requests_per_minute", s.requestsPerMinute},
                                                   {"tokens_per_minute", s.tokensPerMinute}};
    for (const auto &[member, value] : limits) {
        if (value < 0 || value > maxLimit)
            return std::pair {QString::fromLatin1(member), u"0 (unlimited) .. %1"_s.arg(maxLimit)};
    }
    if (s.prices.size() > 256)
        return std::pair {u"prices"_s, u"at most 256 prices"_s};
    for (qsizetype i = 0; i < s.prices.size(); ++i) {
        const ProviderPrice &p = s.prices.at(i);
        if (p.model.isEmpty() || p.model.size() > 256 || !isPrice(p.inputPerMTok) || !isPrice(p.outputPerMTok))
            return std::pair {u"prices[%1]"_s.arg(i),
                              u"a model (or *) and prices of 0..1000000 USD per million tokens"_s};
    }
    static const QRegularExpression envRule(u"^env:[A-Za-z_][A-Za-z0-9_]{0,127}$"_s);
    if (!s.keyRef.isEmpty() && s.keyRef != u"keychain"_s && !envRule.match(s.keyRef).hasMatch())
        return std::pair {u"key_ref"_s, u"empty (no key), env:NAME or keychain"_s};
    return std::nullopt;
}

QJsonValue toJson(const ProviderPrice &p)
{
    return QJsonObject {
        {u"model"_s, p.model}, {u"input_per_mtok"_s, p.inputPerMTok}, {u"output_per_mtok"_s, p.outputPerMTok}};
}

void readJson(JsonReader &reader, const QJsonValue &json, ProviderPrice &out)
{
    JsonObjectReader object(reader, json);
    object.optional("model"_L1, out.model);
    object.optional("input_per_mtok"_L1, out.inputPerMTok);
    object.optional("output_per_mtok"_L1, out.outputPerMTok);
    object.finish();
}

QJsonValue toJson(const ProviderSettings &s)
{
    return QJsonObject {{u"name"_s, s.name},
                        {u"kind"_s, s.kind},
                        {u"base_url"_s, s.baseUrl},
                        {u"default_model"_s, s.defaultModel},
                        {u"parameters"_s, s.parameters},
                        {u"concurrency"_s, s.concurrency},
                        {u"requests_per_minute"_s, s.requestsPerMinute},
                        {u"tokens_per_minute"_s, s.tokensPerMinute},
                        {u"prices"_s, listToJson(s.prices)},
                        {u"stream"_s, s.stream},
                        {u"key_ref"_s, s.keyRef}};
}

void readJson(JsonReader &reader, const QJsonValue &json, ProviderSettings &out)
{
    JsonObjectReader object(reader, json);
    object.required("name"_L1, out.name);
    object.optional("kind"_L1, out.kind);
    object.optional("base_url"_L1, out.baseUrl);
    object.optional("default_model"_L1, out.defaultModel);
    object.optional("parameters"_L1, out.parameters);
    object.optional("concurrency"_L1, out.concurrency);
    object.optional("requests_per_minute"_L1, out.requestsPerMinute);
    object.optional("tokens_per_minute"_L1, out.tokensPerMinute);
    object.optional("prices"_L1, out.prices);
    object.optional("stream"_L1, out.stream);
    object.optional("key_ref"_L1, out.keyRef);
    object.finish();
}

QJsonValue toJson(const ProviderInfo &i)
{
    return QJsonObject {{u"settings"_s, toJson(i.settings)},
                        {u"origin"_s, toJson(i.origin)},
                        {u"key_status"_s, i.keyStatus},
                        {u"circuit"_s, i.circuit},
                        {u"agents"_s, i.agents}};
}

void readJson(JsonReader &reader, const QJsonValue &json, ProviderInfo &out)
{
    JsonObjectReader object(reader, json);
    object.required("settings"_L1, out.settings);
    object.required("origin"_L1, out.origin);
    object.optional("key_status"_L1, out.keyStatus);
    object.optional("circuit"_L1, out.circuit);
    object.optional("agents"_L1, out.agents);
    object.finish();
}

QJsonValue toJson(const ProviderCheck &c)
{
    return QJsonObject {{u"provider"_s, c.provider},
                        {u"model"_s, c.model},
                        {u"latency_ms"_s, c.latencyMs},
                        {u"answer"_s, c.answer},
                        {u"error"_s, c.error ? toJson(*c.error) : QJsonValue(QJsonValue::Null)}};
}

void readJson(JsonReader &reader, const QJsonValue &json, ProviderCheck &out)
{
    JsonObjectReader object(reader, json);
    object.required("provider"_L1, out.provider);
    object.optional("model"_L1, out.model);
    object.optional("latency_ms"_L1, out.latencyMs);
    object.optional("answer"_L1, out.answer);
    object.optional("error"_L1, out.error);
    object.finish();
}

} // namespace QwenSwarm::Api
