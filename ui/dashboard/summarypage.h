#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;

namespace QwenSwarm::Ui {

class LiveSummary;

/// A strip of tiles with the live counts an operator glances at. (Errors reading the metrics are
/// the dashboard's banner's to show.)
class SummaryPage : public QWidget
{
    Q_OBJECT

public:
    explicit SummaryPage(LiveSummary &summary, QWidget *parent = nullptr);

    /// The text a tile shows, by its object name ("tile_succeeded", ...), for tests.
    QString tileText(const QString &tileName) const;

private:
    QLabel *addTile(QGridLayout *grid, const QString &name, const QString &caption, int column);
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
};

} // namespace QwenSwarm::Ui
