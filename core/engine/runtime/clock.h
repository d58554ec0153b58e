#pragma once

#include <QDateTime>

namespace QwenSwarm::Engine {

/// Wall-clock milliseconds since the epoch (UTC), for timestamps people read.
inline qint64 wallClockMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace QwenSwarm::Engine
