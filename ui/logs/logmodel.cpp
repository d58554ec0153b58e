#include "logs/logmodel.h"

#include <api/enumnames.h>

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace QwenSwarm::Ui {

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(capacity, 1))
{ }

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return Api::enumName(e.level).toString();
        case SourceColumn:
            return e.source;
        case MessageColumn:
            return e.message;
        }
        return {};
    case Qt::ToolTipRole:
        return e.toText();
    case Qt::ForegroundRole:
        if (index.column() != LevelColumn)
            return {};
        if (e.level == Api::LogLevel::Error)
            return QBrush(QColor(0xd9, 0x3f, 0x36));
        if (e.level == Api::LogLevel::Warning)
            return QBrush(QColor(0xd0, 0x8c, 0x1a));
        return {};
    case LevelRole:
        return int(e.level);
    case SourceRole:
        return e.source;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case SourceColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

void LogModel::append(const QList<LogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    const qsizetype keep = std::min<qsizetype>(entries.size(), m_capacity);
    const auto overflow = static_cast<qsizetype>(m_entries.size()) + keep - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_entries.erase(m_entries.begin(), m_entries.begin() + overflow);
        endRemoveRows();
    }
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + int(keep) - 1);
    const qsizetype sourcesBefore = m_sources.size();
    for (auto it = entries.cend() - keep; it != entries.cend(); ++it) {
        m_entries.push_back(*it);
        m_sources.insert(it->source);
    }
    endInsertRows();
    if (m_sources.size() != sourcesBefore)
        Q_EMIT sourcesChanged();
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QStringList LogModel::sources() const
{
    QStringList list(m_sources.cbegin(), m_sources.cend());
    list.sort();
    return list;
}

} // namespace QwenSwarm::Ui
