#pragma once

#include <QString>

#include <optional>

namespace QwenSwarm::Remote {

/// The WebSocket subprotocol every client and server of this protocol names.
inline QString subprotocolName()
{
    return QStringLiteral("qwen-swarm.v1");
}

/// A closed range of protocol revisions one side speaks.
struct VersionRange
{
    int min = 1;
    int max = 1;

    bool isValid() const { return min >= 1 && min <= max; }
};

/// The revisions this build speaks.
VersionRange supportedVersions();

/// The highest revision both sides speak, or nothing when the ranges do not overlap (or one is
/// invalid): the hello then fails with an error naming both ranges.
std::optional<int> negotiateVersion(const VersionRange &client, const VersionRange &server);

} // namespace QwenSwarm::Remote
