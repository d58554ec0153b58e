#pragma once

#include "dashboard/metricspoint.h"

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace QwenSwarm::Ui {

/// One dashboard chart: a few series of MetricsPoint over time, with hover values (the nearest
/// sample, by time). It redraws only when given points, so the page decides how often.
class MetricChartWidget : public QChartView
{
    Q_OBJECT

public:
    struct Line
    {
        QString name;
        MetricsPoint::Series series;
    };

    MetricChartWidget(const QString &title, const QString &unit, const QList<Line> &lines, QWidget *parent = nullptr);

    void setPoints(const QList<MetricsPoint> &points, qint64 fromMs, qint64 toMs);
    void setDark(bool dark);
    /// What hovering line `line` near time `timeMs` shows.
    QString hoverText(int line, qint64 timeMs) const;
    int redrawCount() const { return m_redraws; }
    QLineSeries *lineSeries(int line) const { return m_series.at(line); }
    int lineCount() const { return int(m_series.size()); }
    QString title() const { return m_title; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void styleChart();
    const MetricsPoint *nearest(qint64 timeMs) const;

    QString m_title;
    QString m_unit;
    QList<Line> m_lines;
    QList<QLineSeries *> m_series;
    QDateTimeAxis *m_time;
    QValueAxis *m_value;
    QList<MetricsPoint> m_points;
    int m_redraws = 0;
};

} // namespace QwenSwarm::Ui
