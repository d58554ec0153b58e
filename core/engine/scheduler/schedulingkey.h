#pragma once

#include <QtGlobal>

#include <compare>
#include <limits>

namespace QwenSwarm::Engine {

/// Orders work: higher priority first, then earlier deadline (none = last), then first come.
struct SchedulingKey
{
    int priority = 0;
    qint64 deadlineMs = 0; ///< 0 = none.
    quint64 seq = 0; ///< Unique; acceptance order.

    std::strong_ordering operator<=>(const SchedulingKey &other) const
    {
        if (priority != other.priority)
            return other.priority <=> priority;
        const qint64 mine = deadlineMs ? deadlineMs : std::numeric_limits<qint64>::max();
        const qint64 theirs = other.deadlineMs ? other.deadlineMs : std::numeric_limits<qint64>::max();
        if (mine != theirs)
            return mine <=> theirs;
        return seq <=> other.seq;
    }
    bool operator==(const SchedulingKey &other) const = default;
};

} // namespace QwenSwarm::Engine
