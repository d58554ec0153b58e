#include "consensus/reputationchartwidget.h"

#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace QwenSwarm::Ui {

using namespace Api;

ReputationChartWidget::ReputationChartWidget(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_view(new QChartView(new QChart, this))
{
    setObjectName(QStringLiteral("reputation_chart"));
    m_view->chart()->setTitle(tr("Reputation over time (■ = feedback)"));
    m_view->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_view->chart()->setMargins(QMargins(2, 2, 2, 2));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(190);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

QChart *ReputationChartWidget::chart() const
{
    return m_view->chart();
}

void ReputationChartWidget::setDark(bool dark)
{
    m_view->chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
}

void ReputationChartWidget::setAgents(const QList<std::pair<AgentId, QString>> &agents)
{
    m_agents = agents;
    reload();
}

void ReputationChartWidget::reload()
{
    const int generation = ++m_generation;
    m_view->chart()->removeAllSeries();
    m_latest.clear();
    m_points.clear();
    m_pending = int(m_agents.size());
    for (const auto &[id, name] : std::as_const(m_agents)) {
        ReputationQuery query;
        query.agentId = id;
        query.page.limit = 500;
        m_backend.reputationHistory(query, this, [this, generation, id, name](Result<Page<ReputationPoint>> page) {
            if (generation != m_generation) // a newer reload owns the chart
                return;
            show(id, name, page ? page->items : QList<ReputationPoint> {});
            if (--m_pending == 0) {
                rescale();
                Q_EMIT loaded();
            }
        });
    }
    if (m_agents.isEmpty())
        Q_EMIT loaded();
}

void ReputationChartWidget::show(AgentId agent, const QString &name, const QList<ReputationPoint> &newestFirst)
{
    QList<ReputationPoint> points = newestFirst;
    std::reverse(points.begin(), points.end());
    auto *line = new QLineSeries;
    line->setName(name);
    auto *feedback = new QScatterSeries;
    feedback->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    feedback->setMarkerSize(9);
    for (const ReputationPoint &p : std::as_const(points)) {
        const double mean = p.alpha / (p.alpha + p.beta);
        line->append(double(p.timeMs), mean);
        if (p.cause == ReputationCause::Feedback)
            feedback->append(double(p.timeMs), mean);
    }
    m_points.insert(agent, int(points.size()));
    if (!points.isEmpty())
        m_latest.insert(agent, points.constLast().alpha / (points.constLast().alpha + points.constLast().beta));
    m_view->chart()->addSeries(line);
    feedback->setColor(line->color().darker(130));
    m_view->chart()->addSeries(feedback);
    m_view->chart()->legend()->markers(feedback).constFirst()->setVisible(false);
}

void ReputationChartWidget::rescale()
{
    QChart *chart = m_view->chart();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // removeAxis() hands the axis back to its caller
    }
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = 0;
    for (QAbstractSeries *series : chart->series()) {
        for (const QPointF &p : static_cast<QXYSeries *>(series)->points()) {
            from = std::min(from, qint64(p.x()));
            to = std::max(to, qint64(p.x()));
        }
    }
    if (to == 0)
        from = to = QDateTime::currentMSecsSinceEpoch();
    if (to - from < 2000)
        from = to - 2000;
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("HH:mm:ss"));
    x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to + (to - from) / 20));
    x->setTickCount(3);
    auto *y = new QValueAxis;
    y->setRange(0, 1);
    y->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

} // namespace QwenSwarm::Ui
