#include "store/pagecursor.h"

namespace QwenSwarm::Engine {

Api::Result<PageCursor> PageCursor::parse(const Api::PageRequest &page)
{
    if (page.limit < 1 || page.limit > 1000) {
        return Api::makeError(Api::ErrorCode::InvalidArgument,
                              QStringLiteral("page.limit: expected 1..1000, got %1").arg(page.limit),
                              {{QStringLiteral("path"), QStringLiteral("page.limit")}});
    }
    PageCursor cursor;
    if (page.cursor.isEmpty())
        return cursor;
    bool ok = false;
    cursor.beforeId = page.cursor.startsWith(QLatin1Char('b')) ? page.cursor.mid(1).toULongLong(&ok) : 0;
    if (!ok || cursor.beforeId == 0) {
        return Api::makeError(Api::ErrorCode::InvalidArgument,
                              QStringLiteral("page.cursor: not a cursor of this backend"),
                              {{QStringLiteral("path"), QStringLiteral("page.cursor")}});
    }
    return cursor;
}

} // namespace QwenSwarm::Engine
