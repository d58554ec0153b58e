#pragma once

#include "auth/role.h"

#include <api/jsonreader.h>

#include <QString>

namespace QwenSwarm::Remote {

/// What is known about an API key, without its secret: what keys.list answers and audit lines name.
struct ApiKeyInfo
{
    QString keyId; ///< 16 lowercase hex digits; public, names the key in logs and in "qs_<key id>_...".
    Role role = Role::Viewer;
    QString name; ///< Optional label given at creation ("ci", "grafana").
    qint64 createdMs = 0; ///< Milliseconds since the epoch, UTC.

    bool operator==(const ApiKeyInfo &) const = default;
};

/// A key just created: its description and the full key text, which exists only in this value. Show it
/// once, then drop it; it cannot be recovered from the store.
struct CreatedApiKey
{
    ApiKeyInfo info;
    QString key; ///< "qs_<key id>_<secret, base64url>".

    bool operator==(const CreatedApiKey &) const = default;
};

/// JSON of a key's description: {"key_id", "role", "name", "created_at"}.
QJsonValue toJson(const ApiKeyInfo &info);
/// Reads what toJson(ApiKeyInfo) writes; errors name the path.
void readJson(Api::JsonReader &reader, const QJsonValue &json, ApiKeyInfo &out);
/// JSON of a created key: {"info": ..., "key": "qs_..."}. Carries the secret: only for the one answer
/// to the admin who created it.
QJsonValue toJson(const CreatedApiKey &created);
/// Reads what toJson(CreatedApiKey) writes.
void readJson(Api::JsonReader &reader, const QJsonValue &json, CreatedApiKey &out);

} // namespace QwenSwarm::Remote
