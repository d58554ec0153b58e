#pragma once

#include "api/json.h"
#include "api/provider.h"

namespace QwenSwarm::Api {

// JSON codecs of provider settings (the conventions of json.h): fromJson(toJson(x)) == x.

QJsonValue toJson(const ProviderPrice &price);
QJsonValue toJson(const ProviderSettings &settings);
QJsonValue toJson(const ProviderInfo &info);
QJsonValue toJson(const ProviderCheck &check);

/// Reading checks the shape only; whoever applies settings checks them (providerSettingsProblem()).
void readJson(JsonReader &reader, const QJsonValue &json, ProviderPrice &out);
void readJson(JsonReader &reader, const QJsonValue &json, ProviderSettings &out);
void readJson(JsonReader &reader, const QJsonValue &json, ProviderInfo &out);
void readJson(JsonReader &reader, const QJsonValue &json, ProviderCheck &out);

} // namespace QwenSwarm::Api
