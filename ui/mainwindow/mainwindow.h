#pragma once

#include <QMainWindow>

class QLabel;

namespace QwenSwarm::Api {
class Backend;
}

namespace QwenSwarm::Ui {

class LiveSummary;
class SummaryPage;

/// The console's window: it shows whatever Backend it is given and never knows which one.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Api::Backend &backend, QWidget *parent = nullptr);

    SummaryPage *summaryPage() const { return m_summaryPage; }
    QString connectionText() const;

private:
    Api::Backend &m_backend;
    LiveSummary *m_summary;
    SummaryPage *m_summaryPage;
    QLabel *m_connection;
};

} // namespace QwenSwarm::Ui
