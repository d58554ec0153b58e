#pragma once

#include "api/audit.h"
#include "api/json.h"

namespace QwenSwarm::Api {

// JSON codecs of the audit log (the conventions of json.h): fromJson(toJson(x)) == x.

QJsonValue toJson(const AuditEntry &entry);
QJsonValue toJson(const AuditQuery &query);

void readJson(JsonReader &reader, const QJsonValue &json, AuditEntry &out);
void readJson(JsonReader &reader, const QJsonValue &json, AuditQuery &out);

} // namespace QwenSwarm::Api
