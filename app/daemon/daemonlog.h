#pragma once

#include <QString>

namespace QwenSwarm::Daemon {

struct DaemonConfig;

/// The daemon's log: spdlog, to standard error or to a rotating file, as text or JSON lines
/// ({"time", "level", "message", ...fields}). Callers pass messages that hold no secret: tokens,
/// keys and passwords are never formatted into a line.
class DaemonLog
{
public:
    static void setUp(const DaemonConfig &config);
    static void info(const QString &message);
    static void warning(const QString &message);
    static void error(const QString &message);
    static void debug(const QString &message);
};

} // namespace QwenSwarm::Daemon
