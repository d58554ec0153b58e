#include "logs/logfilterproxymodel.h"

#include "logs/logmodel.h"

namespace QwenSwarm::Ui {

LogFilterProxyModel::LogFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void LogFilterProxyModel::setMinimumLevel(Api::LogLevel level)
{
    m_level = level;
    invalidateFilter();
}

void LogFilterProxyModel::setSource(const QString &source)
{
    m_source = source;
    invalidateFilter();
}

void LogFilterProxyModel::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool LogFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = static_cast<const LogModel *>(sourceModel());
    if (sourceParent.isValid() || !model)
        return false;
    const LogEntry &e = model->entry(sourceRow);
    if (int(e.level) < int(m_level))
        return false;
    if (!m_source.isEmpty() && e.source != m_source)
        return false;
    return m_search.isEmpty() || e.message.contains(m_search, Qt::CaseInsensitive)
        || e.source.contains(m_search, Qt::CaseInsensitive);
}

} // namespace QwenSwarm::Ui
