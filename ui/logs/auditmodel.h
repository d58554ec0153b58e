#pragma once

#include <api/audit.h>
#include <api/event.h>

#include <QAbstractTableModel>

namespace QwenSwarm::Ui {

/// The audit trail, newest first: pages of the persisted log (Backend::queryAudit) below, live
/// "audit" events on top. Bounded like the live log.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        ActorColumn,
        ActionColumn,
        TargetColumn,
        ResultColumn,
        DetailColumn,
        ColumnCount,
    };

    explicit AuditModel(int capacity = 20000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Newer entries, newest first: they go on top.
    void prepend(const QList<Api::AuditEntry> &entries);
    /// An older page, newest first: it goes below.
    void appendOlder(const QList<Api::AuditEntry> &entries);
    void clear();
    const Api::AuditEntry &entry(int row) const { return m_entries.at(row); }

    static Api::AuditEntry fromEvent(qint64 timeMs, const Api::AuditEvent &event);

private:
    void trim();

    int m_capacity;
    QList<Api::AuditEntry> m_entries;
};

} // namespace QwenSwarm::Ui
