#include "dashboard/dashboardpage.h"

#include "reports/reportexportdialog.h"

#include "common/bannerwidget.h"
#include "common/displaytext.h"
#include "common/updatecoalescer.h"
#include "dashboard/livesummary.h"
#include "dashboard/metricchartwidget.h"
#include "dashboard/recentdecisionswidget.h"
#include "dashboard/summarypage.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolBar>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using Series = MetricsPoint::Series;

DashboardPage::DashboardPage(Api::Backend &backend, QWidget *parent, int maxRedrawsPerSecond)
    : QWidget(parent)
    , m_history(new MetricsHistory(backend, this))
    , m_summary(new LiveSummary(backend, this))
    , m_coalescer(new UpdateCoalescer(maxRedrawsPerSecond, this))
    , m_banner(new BannerWidget(this))
    , m_summaryPage(new SummaryPage(*m_summary, this))
    , m_backend(backend)
{
    setObjectName(QStringLiteral("dashboard_page"));
    createActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_pause);
    toolbar->addSeparator();
    toolbar->addActions(m_windows->actions());
    toolbar->addSeparator();
    m_status = new QLabel(toolbar);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    toolbar->addWidget(m_status);
    layout->addWidget(toolbar);

    layout->addWidget(m_summaryPage);
    layout->addWidget(buildCharts(), 1);

    connect(m_history, &MetricsHistory::sampled, m_coalescer, &UpdateCoalescer::markDirty);
    connect(m_history, &MetricsHistory::failed, m_banner, &BannerWidget::showError);
    connect(m_history, &MetricsHistory::sampled, this, [this] {
        if (m_banner->isShowingError() && m_banner->text().startsWith(tr("Metrics cannot be read")))
            m_banner->dismiss(); // the backend answers again
    });
    connect(m_coalescer, &UpdateCoalescer::flush, this, &DashboardPage::redraw);
    updateStatus();
}

void DashboardPage::createActions()
{
    m_report = new QAction(tr("&Export report of this window…"), this);
    m_report->setObjectName(QStringLiteral("action_dashboard_report"));
    m_report->setShortcut(QKeySequence(QStringLiteral("Alt+Shift+G")));
    m_report->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_report->setToolTip(tr("The tasks and decisions of the window the charts show, as PDF, HTML, CSV or JSON"));
    connect(m_report, &QAction::triggered, this, [this] { openReportDialog(); });
    addAction(m_report);
    m_pause = new QAction(tr("&Pause charts"), this);
    m_pause->setObjectName(QStringLiteral("action_pause_charts"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    m_pause->setToolTip(tr("Freeze the charts to read them; sampling goes on (%1)")
                            .arg(m_pause->shortcut().toString(QKeySequence::NativeText)));
    connect(m_pause, &QAction::toggled, this, &DashboardPage::setPaused);

    m_windows = new QActionGroup(this);
    const QString history = tr("The charts show what this console sampled since it opened, a point a second for "
                               "the last hour, and before that the core's own per-minute roll-ups (kept eight "
                               "days), a point a minute for 24 hours.");
    const struct
    {
        const char *text;
        MetricsHistory::Window window;
    } windows[] = {{QT_TR_NOOP("1 min"), MetricsHistory::Window::OneMinute},
                   {QT_TR_NOOP("15 min"), MetricsHistory::Window::FifteenMinutes},
                   {QT_TR_NOOP("1 h"), MetricsHistory::Window::OneHour},
                   {QT_TR_NOOP("24 h"), MetricsHistory::Window::OneDay}};
    int n = 1;
    for (const auto &w : windows) {
        auto *action = new QAction(tr(w.text), m_windows);
        action->setCheckable(true);
        action->setChecked(w.window == m_window);
        action->setObjectName(QStringLiteral("action_window_%1").arg(n));
        action->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(n++)));
        action->setToolTip(QString(tr("Show the last %1").arg(tr(w.text)) + QStringLiteral("\n\n") + history));
        const MetricsHistory::Window window = w.window;
        connect(action, &QAction::triggered, this, [this, window] { setWindow(window); });
    }
}

QList<QAction *> DashboardPage::pageActions() const
{
    return QList<QAction *> {m_pause, m_report} + m_windows->actions();
}

ReportExportDialog *DashboardPage::openReportDialog()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto *dialog = new ReportExportDialog(m_backend,
                                          ReportSubject::forPeriod(now - MetricsHistory::spanMs(m_window), now), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QWidget *DashboardPage::buildCharts()
{
    const QList<std::tuple<QString, QString, QList<MetricChartWidget::Line>>> specs {
        {tr("Tasks"),
         tr("per s"),
         {{tr("finished"), Series::TasksFinishedPerSecond}, {tr("submitted"), Series::TasksSubmittedPerSecond}}},
        {tr("Decision latency"),
         tr("ms"),
         {{tr("p50"), Series::LatencyP50Ms}, {tr("p95"), Series::LatencyP95Ms}, {tr("p99"), Series::LatencyP99Ms}}},
        {tr("Agent calls"), tr("per s"), {{tr("calls"), Series::CallsPerSecond}}},
        {tr("Tokens"), tr("per s"), {{tr("tokens"), Series::TokensPerSecond}}},
        {tr("Cost"), tr("$ per min"), {{tr("cost"), Series::CostPerMinute}}},
        {tr("Error rate"),
         tr("%"),
         {{tr("failed calls"), Series::CallErrorPercent}, {tr("failed tasks"), Series::TaskFailurePercent}}},
        {tr("Queue"), tr("tasks"), {{tr("queued"), Series::QueueDepth}, {tr("running"), Series::TasksRunning}}},
        {tr("Agents by state"),
         QString(),
         {{tr("idle"), Series::AgentsIdle},
          {tr("busy"), Series::AgentsBusy},
          {tr("paused"), Series::AgentsPaused},
          {tr("draining"), Series::AgentsDraining},
          {tr("down"), Series::AgentsDown}}},
    };
    auto *grid = new QWidget(this);
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const auto &[title, unit, lines] = specs.at(i);
        auto *chart = new MetricChartWidget(title, unit, lines, grid);
        chart->setObjectName(QStringLiteral("chart_%1").arg(i));
        layout->addWidget(chart, int(i / 3), int(i % 3));
        m_charts.append(chart);
    }
    layout->addWidget(new RecentDecisionsWidget(*m_summary, grid), 2, 2);
    for (int column = 0; column < 3; ++column)
        layout->setColumnStretch(column, 1);
    m_charts.at(1)->setToolTip(tr("Time from a task's acceptance to its decision (task duration), quantiles of "
                                  "the tasks that finished in the last few seconds."));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(grid);
    return scroll;
}

void DashboardPage::start()
{
    m_summary->start();
    m_history->start();
}

void DashboardPage::setWindow(MetricsHistory::Window window)
{
    m_window = window;
    const QList<QAction *> actions = m_windows->actions();
    actions.at(int(window))->setChecked(true);
    draw(); // the operator asked: show it now, even while paused
}

void DashboardPage::setPaused(bool paused)
{
    m_paused = paused;
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume &charts") : tr("&Pause charts"));
    if (!paused)
        draw();
    updateStatus();
}

void DashboardPage::setDark(bool dark)
{
    for (MetricChartWidget *chart : std::as_const(m_charts))
        chart->setDark(dark);
    draw();
}

void DashboardPage::redraw()
{
    if (m_paused)
        return updateStatus();
    draw();
}

void DashboardPage::draw()
{
    const QList<MetricsPoint> points = m_history->points(m_window);
    const qint64 to = m_history->latestTimeMs() != 0 ? m_history->latestTimeMs() : QDateTime::currentMSecsSinceEpoch();
    const qint64 from = to - MetricsHistory::spanMs(m_window);
    for (MetricChartWidget *chart : std::as_const(m_charts))
        chart->setPoints(points, from, to);
    ++m_redraws;
    updateStatus();
}

void DashboardPage::updateStatus()
{
    const qint64 latest = m_history->latestTimeMs();
    QString text = latest == 0
        ? tr("Waiting for the first metrics…")
        : tr("Last sample %1 · %n sample(s) kept", nullptr, int(m_history->fineCount() + m_history->coarseCount()))
              .arg(DisplayText::time(latest).left(8));
    if (m_paused)
        text = tr("Paused — sampling goes on · %1").arg(text);
    m_status->setText(text);
}

} // namespace QwenSwarm::Ui
