#pragma once

#include <api/event.h>

#include <QString>

namespace QwenSwarm::Remote {

/// One event as compact JSON text, written straight from its members: the very text
/// QJsonDocument writes for Api::toJson(event) (members in key order, numbers and escapes as Qt
/// writes them), without building a JSON object first. A server writes every event it sends once,
/// by the ten thousand a second.
QString writeEventText(const Api::Event &event);

} // namespace QwenSwarm::Remote
