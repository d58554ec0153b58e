#pragma once

#include "logs/logentry.h"

#include <QAbstractTableModel>
#include <QSet>

#include <deque>

namespace QwenSwarm::Ui {

/// The live log's lines, oldest first, bounded: past `capacity` the oldest lines go, so memory stays
/// flat however long the console runs.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        LevelColumn,
        SourceColumn,
        MessageColumn,
        ColumnCount,
    };
    enum Role
    {
        LevelRole = Qt::UserRole + 1, ///< int(Api::LogLevel).
        SourceRole,
    };

    explicit LogModel(int capacity = 20000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void append(const QList<LogEntry> &entries);
    void clear();
    const LogEntry &entry(int row) const { return m_entries.at(static_cast<size_t>(row)); }
    int capacity() const { return m_capacity; }
    /// Every source seen so far, sorted.
    QStringList sources() const;

Q_SIGNALS:
    void sourcesChanged();

private:
    int m_capacity;
    std::deque<LogEntry> m_entries;
    QSet<QString> m_sources;
};

} // namespace QwenSwarm::Ui
