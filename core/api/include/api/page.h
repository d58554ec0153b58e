#pragma once

#include <QList>
#include <QString>

namespace QwenSwarm::Api {

/// Paging: results come newest first. `cursor` is opaque: pass a page's nextCursor to get the next one.
struct PageRequest
{
    int limit = 100; ///< 1..1000.
    QString cursor;

    bool operator==(const PageRequest &) const = default;
};

template<typename T>
struct Page
{
    QList<T> items;
    QString nextCursor; ///< Empty on the last page.
    quint64 asOfSeq = 0; ///< Event seq the page reflects: subscribe with resumeAfterSeq = asOfSeq for deltas.

    bool operator==(const Page &) const = default;
};

} // namespace QwenSwarm::Api
