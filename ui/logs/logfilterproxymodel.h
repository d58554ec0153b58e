#pragma once

#include <api/event.h>

#include <QSortFilterProxyModel>

namespace QwenSwarm::Ui {

/// The live log as filtered: lines at or above a level, from one source (or all), containing a text.
class LogFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LogFilterProxyModel(QObject *parent = nullptr);

    void setMinimumLevel(Api::LogLevel level);
    /// Empty: every source.
    void setSource(const QString &source);
    /// Case-insensitive, in the message and the source.
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Api::LogLevel m_level = Api::LogLevel::Debug;
    QString m_source;
    QString m_search;
};

} // namespace QwenSwarm::Ui
