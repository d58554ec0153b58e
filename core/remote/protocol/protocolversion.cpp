#include "protocol/protocolversion.h"

#include <algorithm>

namespace QwenSwarm::Remote {

VersionRange supportedVersions()
{
    return {1, 1};
}

std::optional<int> negotiateVersion(const VersionRange &client, const VersionRange &server)
{
    if (!client.isValid() || !server.isValid())
        return std::nullopt;
    const int high = std::min(client.max, server.max);
    const int low = std::max(client.min, server.min);
    if (high < low)
        return std::nullopt;
    return high;
}

} // namespace QwenSwarm::Remote
