// The dashboard: what it derives from metrics snapshots (rates, latency quantiles, gauges), how much
// it keeps, and that its charts redraw at a bounded rate however fast samples come.
#include "dashboard/dashboardpage.h"
#include "dashboard/histogramquantile.h"
#include "dashboard/metricchartwidget.h"
#include "dashboard/metricshistory.h"
#include "reports/reportexportdialog.h"

#include "uitestsupport.h"

#include <QElapsedTimer>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::MetricsHistory;
using Ui::MetricsPoint;

namespace {

/// What an engine would report after `finished` tasks, `calls` calls and so on, at `timeMs`.
struct Counts
{
    qint64 timeMs = 0;
    double finished = 0, failed = 0, calls = 0, errors = 0, tokens = 0, cost = 0, queued = 0, busy = 0;
    QList<quint64> durations = {0, 0, 0, 0}; ///< cumulative counts for bounds 0.1, 0.5, 1, 5 s
};

Api::MetricSample sample(Api::MetricLabels labels, double value)
{
    Api::MetricSample s;
    s.labels = std::move(labels);
    s.value = value;
    return s;
}

Api::MetricFamily family(const QString &name, Api::MetricType type, QList<Api::MetricSample> samples)
{
    Api::MetricFamily f;
    f.name = name;
    f.type = type;
    f.samples = std::move(samples);
    return f;
}

Api::MetricsSnapshot snapshot(const Counts &c)
{
    Api::MetricsSnapshot s;
    s.timeMs = c.timeMs;
    const auto state = [](const char *v) { return Api::MetricLabels {{u"state"_s, QString::fromLatin1(v)}}; };
    const Api::MetricLabels provider {{u"provider"_s, u"simulated"_s}};
    const auto counter = Api::MetricType::Counter;
    s.families.append(family(u"qwen_swarm_tasks_submitted_total"_s, counter, {sample({}, c.finished + c.queued)}));
    s.families.append(family(u"qwen_swarm_tasks_finished_total"_s, counter,
                             {sample(state("succeeded"), c.finished - c.failed), sample(state("failed"), c.failed)}));
    s.families.append(family(u"qwen_swarm_agent_calls_total"_s, counter, {sample(provider, c.calls)}));
    s.families.append(family(u"qwen_swarm_agent_call_errors_total"_s, counter, {sample(provider, c.errors)}));
    s.families.append(family(
        u"qwen_swarm_tokens_total"_s, counter,
        {sample({{u"kind"_s, u"prompt"_s}}, c.tokens / 2), sample({{u"kind"_s, u"completion"_s}}, c.tokens / 2)}));
    s.families.append(family(u"qwen_swarm_cost_usd_total"_s, counter, {sample({}, c.cost)}));
    s.families.append(family(u"qwen_swarm_queue_depth"_s, Api::MetricType::Gauge, {sample({}, c.queued)}));
    s.families.append(family(u"qwen_swarm_agents"_s, Api::MetricType::Gauge,
                             {sample(state("busy"), c.busy), sample(state("idle"), 1)}));
    Api::MetricSample durations;
    durations.bucketBounds = {0.1, 0.5, 1, 5};
    durations.bucketCounts = c.durations;
    durations.count = quint64(c.finished);
    s.families.append(family(u"qwen_swarm_task_duration_seconds"_s, Api::MetricType::Histogram, {durations}));
    return s;
}

} // namespace

class TstDashboardPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void histogramQuantiles_data();
    void histogramQuantiles();
    void derivesRatesQuantilesAndGauges();
    void keepsBoundedHistoryPerWindow();
    void chartsRedrawAtABoundedRateUnderABurst();
    void pauseFreezesTheChartsWhileSamplingGoesOn();
    void chartsShowTheBackendsWork();
    void historyFromTheCoresRollupsComesFirst();
};

void TstDashboardPage::histogramQuantiles_data()
{
    QTest::addColumn<QList<double>>("cumulative");
    QTest::addColumn<double>("total");
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");
    // Bounds 1, 2, 4.
    QTest::newRow("middle of first bucket") << QList<double> {10, 10, 10} << 10.0 << 0.5 << 0.5;
    QTest::newRow("interpolated in second") << QList<double> {0, 10, 10} << 10.0 << 0.5 << 1.5;
    QTest::newRow("p99 in last finite") << QList<double> {50, 50, 100} << 100.0 << 0.99 << 3.96;
    QTest::newRow("in +Inf: highest bound") << QList<double> {0, 0, 0} << 10.0 << 0.5 << 4.0;
    QTest::newRow("empty") << QList<double> {0, 0, 0} << 0.0 << 0.5 << std::nan("");
}

void TstDashboardPage::histogramQuantiles()
{
    QFETCH(QList<double>, cumulative);
    QFETCH(double, total);
    QFETCH(double, q);
    QFETCH(double, expected);
    const double value = Ui::HistogramQuantile::quantile({1, 2, 4}, cumulative, total, q);
    if (std::isnan(expected))
        QVERIFY(std::isnan(value));
    else
        QVERIFY2(std::abs(value - expected) < 1e-9, qPrintable(QString::number(value)));
}

void TstDashboardPage::derivesRatesQuantilesAndGauges()
{
    auto backend = makeBackend();
    MetricsHistory history(*backend);
    QSignalSpy sampled(&history, &MetricsHistory::sampled);
    Counts c;
    c.timeMs = 1'000'000;
    history.addSnapshot(snapshot(c));
    QVERIFY(!history.latest()); // one snapshot: no rate yet
    // Over 2 s: 20 tasks (2 failed), 100 calls (5 failed), 4000 tokens, $0.5; all tasks under 0.5 s.
    c.timeMs += 2000;
    c.finished = 20;
    c.failed = 2;
    c.calls = 100;
    c.errors = 5;
    c.tokens = 4000;
    c.cost = 0.5;
    c.queued = 7;
    c.busy = 3;
    c.durations = {10, 20, 20, 20};
    history.addSnapshot(snapshot(c));
    QCOMPARE(sampled.count(), 2);
    const MetricsPoint p = *history.latest();
    QCOMPARE(p[MetricsPoint::TasksFinishedPerSecond], 10.0);
    QCOMPARE(p[MetricsPoint::TasksSubmittedPerSecond], 13.5);
    QCOMPARE(p[MetricsPoint::CallsPerSecond], 50.0);
    QCOMPARE(p[MetricsPoint::TokensPerSecond], 2000.0);
    QCOMPARE(p[MetricsPoint::CostPerMinute], 15.0);
    QCOMPARE(p[MetricsPoint::CallErrorPercent], 5.0);
    QCOMPARE(p[MetricsPoint::TaskFailurePercent], 10.0);
    QCOMPARE(p[MetricsPoint::LatencyP50Ms], 100.0); // rank 10 = the first bucket's top
    QCOMPARE(p[MetricsPoint::LatencyP95Ms], 460.0); // 0.1 + 0.4 * 9/10 s
    QCOMPARE(p[MetricsPoint::QueueDepth], 7.0);
    QCOMPARE(p[MetricsPoint::AgentsBusy], 3.0);
    QCOMPARE(p[MetricsPoint::AgentsIdle], 1.0);

    // Nothing finished in the next second: latency unknown (a gap), not zero.
    c.timeMs += 1000;
    history.addSnapshot(snapshot(c));
    QVERIFY(std::isnan((*history.latest())[MetricsPoint::LatencyP50Ms])
            || (*history.latest())[MetricsPoint::LatencyP50Ms] > 0); // smoothed over 5 s: may still see the 20
    // A backend restart resets counters: no negative rates.
    Counts reset;
    reset.timeMs = c.timeMs + 1000;
    history.addSnapshot(snapshot(reset));
    QVERIFY((*history.latest())[MetricsPoint::TasksFinishedPerSecond] >= 0);
    // An old snapshot teaches nothing.
    Counts old;
    old.timeMs = 1;
    history.addSnapshot(snapshot(old));
    QCOMPARE(history.latestTimeMs(), reset.timeMs);
}

void TstDashboardPage::keepsBoundedHistoryPerWindow()
{
    auto backend = makeBackend();
    MetricsHistory history(*backend);
    Counts c;
    c.timeMs = 5'000'000;
    for (int i = 0; i < 2 * 3600; ++i) { // two hours, a sample a second
        c.timeMs += 1000;
        c.finished += 2;
        c.durations = {quint64(c.finished), quint64(c.finished), quint64(c.finished), quint64(c.finished)};
        history.addSnapshot(snapshot(c));
    }
    QVERIFY(history.fineCount() <= 3601);
    QVERIFY(history.coarseCount() >= 119 && history.coarseCount() <= 121);
    const QList<MetricsPoint> minute = history.points(MetricsHistory::Window::OneMinute);
    QVERIFY(minute.size() >= 60 && minute.size() <= 61);
    QCOMPARE(minute.constLast().timeMs, c.timeMs);
    QCOMPARE(minute.constLast()[MetricsPoint::TasksFinishedPerSecond], 2.0);
    const QList<MetricsPoint> day = history.points(MetricsHistory::Window::OneDay, 600);
    QVERIFY(day.size() <= 600 && day.size() > 100);
    QVERIFY(c.timeMs - day.constFirst().timeMs > 3600 * 1000); // the coarse hour before the fine one
    for (qsizetype i = 1; i < day.size(); ++i)
        QVERIFY(day.at(i - 1).timeMs < day.at(i).timeMs);
    QCOMPARE(day.constLast()[MetricsPoint::TasksFinishedPerSecond], 2.0);
}

void TstDashboardPage::chartsRedrawAtABoundedRateUnderABurst()
{
    auto backend = makeBackend();
    constexpr int maxPerSecond = 2;
    Ui::DashboardPage page(*backend, nullptr, maxPerSecond);
    page.resize(1200, 800);
    page.show();
    const int before = page.redrawCount();
    // A burst of samples, far faster than anyone polls: 400 in about a second and a half.
    Counts c;
    c.timeMs = 9'000'000;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 400; ++i) {
        c.timeMs += 100;
        c.finished += 1;
        page.history()->addSnapshot(snapshot(c));
        if (i % 8 == 0)
            Testing::spinFor(30);
    }
    Testing::spinFor(600); // the last pending redraw
    const qint64 elapsedMs = clock.elapsed();
    const int redraws = page.redrawCount() - before;
    QVERIFY2(redraws <= elapsedMs * maxPerSecond / 1000 + 2,
             qPrintable(u"%1 redraws in %2 ms"_s.arg(redraws).arg(elapsedMs)));
    QVERIFY(redraws >= 2);
    // ...and the last redraw shows the last sample.
    const QLineSeries *tasks = page.charts().constFirst()->lineSeries(0);
    QVERIFY(!tasks->points().isEmpty());
    QCOMPARE(qint64(tasks->points().constLast().x()), c.timeMs);
}

void TstDashboardPage::pauseFreezesTheChartsWhileSamplingGoesOn()
{
    auto backend = makeBackend();
    Ui::DashboardPage page(*backend, nullptr, 4);
    page.show();
    Counts c;
    c.timeMs = 9'000'000;
    const auto feed = [&](int n) {
        for (int i = 0; i < n; ++i) {
            c.timeMs += 1000;
            c.finished += 3;
            page.history()->addSnapshot(snapshot(c));
            Testing::spinFor(20);
        }
    };
    feed(5);
    Testing::spinFor(300);
    page.setPaused(true);
    const int frozen = page.redrawCount();
    const qint64 shown = qint64(page.charts().constFirst()->lineSeries(0)->points().constLast().x());
    feed(10);
    Testing::spinFor(300);
    QCOMPARE(page.redrawCount(), frozen);
    QCOMPARE(qint64(page.charts().constFirst()->lineSeries(0)->points().constLast().x()), shown);
    QVERIFY(page.history()->latestTimeMs() > shown);
    page.setWindow(MetricsHistory::Window::OneMinute); // asked for: drawn even while paused
    QCOMPARE(page.redrawCount(), frozen + 1);
    QVERIFY(page.isPaused());
    page.setPaused(false);
    QCOMPARE(qint64(page.charts().constFirst()->lineSeries(0)->points().constLast().x()), c.timeMs);

    // Hovering shows the value of the nearest sample.
    const QString hover = page.charts().constFirst()->hoverText(0, c.timeMs - 300);
    QVERIFY2(hover.contains(u"finished"_s) && hover.contains(u"3"_s), qPrintable(hover));
}

void TstDashboardPage::chartsShowTheBackendsWork()
{
    auto backend = makeBackend();
    const auto swarm = createSwarm(*backend, quickSwarm(u"quick"_s, 3, 20));
    QS_VERIFY_OK(swarm);
    Ui::DashboardPage page(*backend);
    page.show();
    page.start();
    QList<Api::TaskSpec> specs;
    for (int i = 0; i < 200; ++i)
        specs.append(sumTask(swarm->id, i, i));
    QS_VERIFY_OK(submit(*backend, specs));
    const auto maxOf = [&](int chart, int line) {
        double max = 0;
        for (const QPointF &p : page.charts().at(chart)->lineSeries(line)->points())
            max = std::max(max, p.y());
        return max;
    };
    QVERIFY(Testing::spinUntil([&] { return maxOf(0, 0) > 0 && maxOf(2, 0) > 0 && maxOf(1, 0) > 0; }, 15000));
    QVERIFY(maxOf(3, 0) > 0); // tokens
    QVERIFY(maxOf(4, 0) > 0); // cost
}

void TstDashboardPage::historyFromTheCoresRollupsComesFirst()
{
    // Three hours of roll-ups a minute apart (10 tasks a minute), a gap of ten minutes, then more.
    auto backend = makeBackend();
    MetricsHistory history(*backend);
    QList<Api::MetricsSnapshot> rollups;
    Counts c;
    c.timeMs = 60'000'000;
    for (int i = 0; i < 180; ++i) {
        c.timeMs += 60'000;
        c.finished += 10;
        rollups.append(snapshot(c).rolledUp());
    }
    c.timeMs += 10 * 60'000; // the core was down
    c.finished += 10;
    rollups.append(snapshot(c).rolledUp());
    c.timeMs += 60'000;
    c.finished += 10;
    rollups.append(snapshot(c).rolledUp());
    history.addHistory(rollups);
    QVERIFY(history.historyLoaded());
    QCOMPARE(history.coarseCount(), qsizetype(179 + 1)); // no point across the gap
    const QList<MetricsPoint> day = history.points(MetricsHistory::Window::OneDay, 1000);
    QCOMPARE(day.size(), 180);
    QCOMPARE(day.constLast().timeMs, c.timeMs);
    for (const MetricsPoint &p : day)
        QCOMPARE(p[MetricsPoint::TasksFinishedPerSecond], 10.0 / 60.0);
    // The console's own samples come after; roll-ups newer than them are not taken twice.
    Counts live = c;
    for (int i = 0; i < 3; ++i) {
        live.timeMs += 1000;
        live.finished += 1;
        history.addSnapshot(snapshot(live));
    }
    const qsizetype before = history.coarseCount();
    history.addHistory(rollups);
    QCOMPARE(history.coarseCount(), before); // nothing older than what it holds: nothing taken twice
    QVERIFY(history.points(MetricsHistory::Window::OneMinute).constLast().timeMs == live.timeMs);

    // The page loads them through the Backend: an embedded core that rolled up nothing yet answers none.
    Ui::DashboardPage page(*backend);
    page.start();
    QVERIFY(Testing::spinUntil([&] { return page.history()->historyLoaded(); }));
    QCOMPARE(page.history()->coarseCount(), qsizetype(0));

    // The window the charts show, as a report of its tasks and decisions.
    Ui::ReportExportDialog *dialog = page.openReportDialog();
    QVERIFY(dialog);
    QTemporaryDir dir;
    dialog->setPath(dir.filePath(u"period.json"_s));
    dialog->exportReport();
    QVERIFY(Testing::spinUntil([&] { return QFile::exists(dir.filePath(u"period.json"_s)); }));
}

QTEST_MAIN(TstDashboardPage)
#include "tst_dashboardpage.moc"
