#pragma once

#include <QWidget>

class QListWidget;

namespace QwenSwarm::Ui {

class LiveSummary;

/// The newest decisions, newest first, as LiveSummary keeps them.
class RecentDecisionsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RecentDecisionsWidget(LiveSummary &summary, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }

private:
    void refresh();

    LiveSummary &m_summary;
    QListWidget *m_list;
};

} // namespace QwenSwarm::Ui
