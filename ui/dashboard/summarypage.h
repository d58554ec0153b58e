#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QListWidget;

namespace QwenSwarm::Ui {

class LiveSummary;

/// Tiles with the live counts and a list of the newest decisions.
class SummaryPage : public QWidget
{
    Q_OBJECT

public:
    explicit SummaryPage(LiveSummary &summary, QWidget *parent = nullptr);

    /// The text a tile shows, by its object name ("tile_succeeded", ...), for tests.
    QString tileText(const QString &tileName) const;

private:
    QLabel *addTile(QGridLayout *grid, const QString &name, const QString &caption, int row, int column);
    void refresh();

    LiveSummary &m_summary;
    QLabel *m_submitted;
    QLabel *m_succeeded;
    QLabel *m_failed;
    QLabel *m_running;
    QLabel *m_queued;
    QLabel *m_decisions;
    QLabel *m_agents;
    QLabel *m_rate;
    QLabel *m_error;
    QListWidget *m_recent;
};

} // namespace QwenSwarm::Ui
