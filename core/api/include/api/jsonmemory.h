#pragma once

#include "api/json.h"
#include "api/memory.h"

namespace QwenSwarm::Api {

// JSON codecs of memory (the conventions of json.h): fromJson(toJson(x)) == x.

QJsonValue toJson(const MemoryEntry &entry);
QJsonValue toJson(const MemorySpec &spec);
QJsonValue toJson(const MemoryQuery &query);
QJsonValue toJson(const MemoryBudget &budget);
QJsonValue toJson(const MemoryOptions &options);

/// Reading a MemorySpec checks its content (memorySpecProblem()); its owner is the backend's to check
/// (an update ignores it).
void readJson(JsonReader &reader, const QJsonValue &json, MemoryEntry &out);
void readJson(JsonReader &reader, const QJsonValue &json, MemorySpec &out);
void readJson(JsonReader &reader, const QJsonValue &json, MemoryQuery &out);
void readJson(JsonReader &reader, const QJsonValue &json, MemoryBudget &out);
void readJson(JsonReader &reader, const QJsonValue &json, MemoryOptions &out);

/// What is wrong with a spec's content, or nullopt: text of 1..65536 characters, a non-negative TTL,
/// tags of 1..64 characters.
std::optional<QString> memorySpecProblem(const MemorySpec &spec);

} // namespace QwenSwarm::Api
