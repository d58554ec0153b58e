#include "logs/auditmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace QwenSwarm::Ui {

AuditModel::AuditModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(capacity, 1))
{ }

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Api::AuditEntry &e = m_entries.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == ResultColumn && !e.allowed)
        return QBrush(QColor(0xd9, 0x3f, 0x36));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case ActorColumn:
        return e.actor;
    case ActionColumn:
        return e.action;
    case TargetColumn:
        return e.target;
    case ResultColumn:
        return e.allowed ? tr("allowed") : tr("denied");
    case DetailColumn:
        return e.detail;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case ResultColumn:
        return tr("Result");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

void AuditModel::prepend(const QList<Api::AuditEntry> &entries)
{
    if (entries.isEmpty())
        return;
    beginInsertRows({}, 0, int(entries.size()) - 1);
    m_entries = entries + m_entries;
    endInsertRows();
    trim();
}

void AuditModel::appendOlder(const QList<Api::AuditEntry> &entries)
{
    if (entries.isEmpty() || m_entries.size() >= m_capacity)
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + entries.size()) - 1);
    m_entries += entries;
    endInsertRows();
    trim();
}

void AuditModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void AuditModel::trim()
{
    if (m_entries.size() <= m_capacity)
        return;
    beginRemoveRows({}, m_capacity, int(m_entries.size()) - 1);
    m_entries.resize(m_capacity);
    endRemoveRows();
}

Api::AuditEntry AuditModel::fromEvent(qint64 timeMs, const Api::AuditEvent &event)
{
    return {timeMs, event.actor, event.action, event.target, event.allowed, event.detail};
}

} // namespace QwenSwarm::Ui
