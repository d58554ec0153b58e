#pragma once

#include <QColor>
#include <QLineF>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace QwenSwarm::Ui {

/// A chart of a report, as data: horizontal bars (a value per label), or a timeline (a span per
/// label on a common time axis). chartItems() lays it out once, as rectangles, lines and texts, so
/// that the PDF (QPainter) and the HTML (SVG) draw the same picture.
struct ReportChart
{
    enum class Kind
    {
        Bars,
        Timeline,
    };
    struct Bar
    {
        QString label;
        double value = 0;
        QString valueText;
    };
    struct Span
    {
        QString label;
        qint64 startMs = 0; ///< From the axis' start.
        qint64 endMs = 0;
        QColor color;
        int indent = 0; ///< 0, 1 or 2: a run, its steps, their tasks.
        bool bold = false;
    };

    Kind kind = Kind::Bars;
    QString title;
    QList<Bar> bars;
    QList<Span> spans;
    qint64 axisMs = 0; ///< Timeline: the length of the axis.
    QStringList axisLabels; ///< Timeline: labels of the axis' ticks, evenly spaced from its start to its end.
    QString note; ///< Under the chart (e.g. "12 more tasks are not drawn").
};

/// One thing to draw, in a chart's own coordinates (pixels at 96 dpi, y down).
struct ReportChartItem
{
    enum class Kind
    {
        Rect,
        Line,
        Text,
    };

    Kind kind = Kind::Rect;
    QRectF rect; ///< A rectangle, or the box a text is aligned in.
    QLineF line;
    QColor color;
    QString text;
    Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
    double fontPx = 11;
    bool bold = false;
};

/// The size a chart takes at `width`.
QSizeF chartSize(const ReportChart &chart, double width);
/// The chart laid out in a box of chartSize(chart, width).
QList<ReportChartItem> chartItems(const ReportChart &chart, double width);

} // namespace QwenSwarm::Ui
