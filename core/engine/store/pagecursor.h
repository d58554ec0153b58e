#pragma once

#include <api/error.h>
#include <api/query.h>

namespace QwenSwarm::Engine {

/// The opaque cursor of a newest-first page: the id below which the next page starts.
struct PageCursor
{
    quint64 beforeId = 0; ///< 0 = from the newest.

    /// InvalidArgument for a limit outside 1..1000 or a cursor that is not one of ours.
    static Api::Result<PageCursor> parse(const Api::PageRequest &page);
    static QString encode(quint64 beforeId) { return QStringLiteral("b") + QString::number(beforeId); }
};

} // namespace QwenSwarm::Engine
