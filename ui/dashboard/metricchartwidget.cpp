#include "dashboard/metricchartwidget.h"

#include "common/displaytext.h"

#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace QwenSwarm::Ui {

namespace {

// A round top for the value axis (1, 2 or 5 times a power of ten) with a tick step that divides it
// into 4 or 5 round parts.
struct Scale
{
    double top = 1;
    double step = 0.2;
};

Scale niceScale(double value)
{
    if (!(value > 0))
        return {};
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const auto &[m, step] : {std::pair {1.0, 0.2}, std::pair {2.0, 0.5}, std::pair {5.0, 1.0}}) {
        if (m * magnitude >= value)
            return {m * magnitude, step * magnitude};
    }
    return {10 * magnitude, 2 * magnitude};
}

QString labelFormat(double step)
{
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    return QStringLiteral("%.%1f").arg(decimals);
}

} // namespace

MetricChartWidget::MetricChartWidget(const QString &title, const QString &unit, const QList<Line> &lines,
                                     QWidget *parent)
    : QChartView(parent)
    , m_title(title)
    , m_unit(unit)
    , m_lines(lines)
    , m_time(new QDateTimeAxis(this))
    , m_value(new QValueAxis(this))
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(170);
    QChart *c = chart();
    c->addAxis(m_time, Qt::AlignBottom);
    c->addAxis(m_value, Qt::AlignLeft);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        auto *series = new QLineSeries(this);
        series->setName(lines.at(i).name);
        c->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(m_value);
        connect(series, &QLineSeries::hovered, this, [this, i](const QPointF &point, bool entered) {
            if (entered)
                QToolTip::showText(QCursor::pos(), hoverText(int(i), qint64(point.x())), this);
            else
                QToolTip::hideText();
        });
        m_series.append(series);
    }
    styleChart();
}

void MetricChartWidget::styleChart()
{
    QChart *c = chart();
    c->setTitle(m_unit.isEmpty() ? m_title : tr("%1 (%2)").arg(m_title, m_unit));
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);
    c->setBackgroundBrush(palette().brush(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    setBackgroundBrush(palette().brush(QPalette::Window));
    c->legend()->setVisible(m_lines.size() > 1);
    c->legend()->setAlignment(Qt::AlignBottom);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    c->legend()->setFont(small);
    m_time->setLabelsFont(small);
    m_value->setLabelsFont(small);
    m_time->setTickCount(5);
    m_value->setMinorTickCount(0);
    QPen pen;
    for (QLineSeries *s : std::as_const(m_series)) {
        pen = s->pen();
        pen.setWidthF(1.8);
        s->setPen(pen);
    }
}

void MetricChartWidget::setDark(bool dark)
{
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    styleChart();
}

void MetricChartWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        styleChart(); // the new palette has arrived: take its background
    QChartView::changeEvent(event);
}

void MetricChartWidget::setPoints(const QList<MetricsPoint> &points, qint64 fromMs, qint64 toMs)
{
    m_points = points;
    double max = 0;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        QList<QPointF> xy;
        xy.reserve(points.size());
        for (const MetricsPoint &p : points) {
            const double v = p[m_lines.at(i).series];
            if (std::isnan(v))
                continue; // unknown here (no task finished): a gap in the data, not a zero
            xy.append(QPointF(double(p.timeMs), v));
            max = std::max(max, v);
        }
        m_series.at(i)->replace(xy);
    }
    m_time->setFormat(toMs - fromMs <= 15 * 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    const Scale scale = niceScale(max * 1.05);
    m_value->setRange(0, scale.top);
    m_value->setTickCount(int(std::lround(scale.top / scale.step)) + 1);
    m_value->setLabelFormat(labelFormat(scale.step));
    ++m_redraws;
}

const MetricsPoint *MetricChartWidget::nearest(qint64 timeMs) const
{
    if (m_points.isEmpty())
        return nullptr;
    auto it = std::lower_bound(m_points.cbegin(), m_points.cend(), timeMs,
                               [](const MetricsPoint &p, qint64 t) { return p.timeMs < t; });
    if (it == m_points.cend())
        return &m_points.constLast();
    if (it != m_points.cbegin() && timeMs - std::prev(it)->timeMs < it->timeMs - timeMs)
        --it;
    return &*it;
}

QString MetricChartWidget::hoverText(int line, qint64 timeMs) const
{
    const MetricsPoint *p = nearest(timeMs);
    if (!p || line < 0 || line >= m_lines.size())
        return {};
    const double v = (*p)[m_lines.at(line).series];
    const QString value = std::isnan(v) ? tr("no data") : QLocale().toString(v, 'f', v < 10 ? 2 : 0);
    return tr("%1: %2 %3 at %4")
        .arg(m_lines.at(line).name, value, m_unit, DisplayText::time(p->timeMs).left(8))
        .simplified();
}

} // namespace QwenSwarm::Ui
