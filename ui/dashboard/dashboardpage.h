#pragma once

#include "dashboard/metricshistory.h"

#include <api/backend.h>

#include <QWidget>

class QAction;
class QActionGroup;
class QLabel;

namespace QwenSwarm::Ui {

class ReportExportDialog;

class BannerWidget;
class LiveSummary;
class MetricChartWidget;
class SummaryPage;
class UpdateCoalescer;

/// Live charts of the backend's metrics (throughput, latency quantiles, calls, tokens, cost,
/// errors, queue, agents by state) over a chosen window, beside the summary tiles and the newest
/// decisions. Charts redraw at most `maxRedrawsPerSecond` times a second however fast samples come,
/// and not at all while paused (sampling goes on).
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    DashboardPage(Api::Backend &backend, QWidget *parent = nullptr, int maxRedrawsPerSecond = 2);

    SummaryPage *summaryPage() const { return m_summaryPage; }
    LiveSummary *summary() const { return m_summary; }
    MetricsHistory *history() const { return m_history; }
    QList<MetricChartWidget *> charts() const { return m_charts; }
    BannerWidget *banner() const { return m_banner; }
    QList<QAction *> pageActions() const;
    /// Opens the report export dialog for the tasks and decisions of the window the charts show.
    ReportExportDialog *openReportDialog();

    void start();
    void setWindow(MetricsHistory::Window window);
    MetricsHistory::Window window() const { return m_window; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setDark(bool dark);
    /// How many times the charts were redrawn.
    int redrawCount() const { return m_redraws; }

private:
    void createActions();
    QWidget *buildCharts();
    void redraw();
    void draw();
    void updateStatus();

    MetricsHistory *m_history;
    LiveSummary *m_summary;
    UpdateCoalescer *m_coalescer;
    BannerWidget *m_banner;
    SummaryPage *m_summaryPage;
    QLabel *m_status = nullptr;
    QList<MetricChartWidget *> m_charts;
    QAction *m_pause = nullptr;
    QAction *m_report = nullptr;
    Api::Backend &m_backend;
    QActionGroup *m_windows = nullptr;
    MetricsHistory::Window m_window = MetricsHistory::Window::FifteenMinutes;
    bool m_paused = false;
    int m_redraws = 0;
};

} // namespace QwenSwarm::Ui
