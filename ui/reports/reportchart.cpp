#include "reports/reportchart.h"

#include <algorithm>

namespace QwenSwarm::Ui {

namespace {

constexpr double kTitleHeight = 24;
constexpr double kRowHeight = 20;
constexpr double kBarHeight = 13;
constexpr double kAxisHeight = 22;
constexpr double kNoteHeight = 18;
constexpr double kLabelWidth = 150;
constexpr double kValueWidth = 90;
constexpr int kLabelChars = 24;

const QColor kInk(0x22, 0x22, 0x22);
const QColor kMuted(0x66, 0x66, 0x66);
const QColor kGrid(0xd0, 0xd0, 0xd0);
const QColor kBar(0x2f, 0x6f, 0xb5);

/// Cut to `chars` characters with an ellipsis: the same in every renderer, without font metrics.
QString elided(const QString &text, int chars)
{
    return text.size() <= chars ? text : text.left(chars - 1) + QChar(0x2026);
}

ReportChartItem text(const QRectF &box, const QString &value, Qt::Alignment alignment, QColor color = kInk,
                     double fontPx = 11, bool bold = false)
{
    ReportChartItem item;
    item.kind = ReportChartItem::Kind::Text;
    item.rect = box;
    item.text = value;
    item.alignment = alignment;
    item.color = color;
    item.fontPx = fontPx;
    item.bold = bold;
    return item;
}

ReportChartItem rect(const QRectF &box, QColor color)
{
    ReportChartItem item;
    item.kind = ReportChartItem::Kind::Rect;
    item.rect = box;
    item.color = color;
    return item;
}

ReportChartItem line(const QLineF &l, QColor color)
{
    ReportChartItem item;
    item.kind = ReportChartItem::Kind::Line;
    item.line = l;
    item.color = color;
    return item;
}

qsizetype rowCount(const ReportChart &chart)
{
    return chart.kind == ReportChart::Kind::Bars ? chart.bars.size() : chart.spans.size();
}

void barItems(const ReportChart &chart, double width, QList<ReportChartItem> &items)
{
    double max = 0;
    for (const ReportChart::Bar &bar : chart.bars)
        max = std::max(max, bar.value);
    const double plot = std::max(10.0, width - kLabelWidth - kValueWidth);
    double y = kTitleHeight;
    for (const ReportChart::Bar &bar : chart.bars) {
        items.append(text(QRectF(0, y, kLabelWidth - 8, kRowHeight), elided(bar.label, kLabelChars),
                          Qt::AlignRight | Qt::AlignVCenter));
        const double length = max > 0 ? std::max(1.0, plot * bar.value / max) : 1.0;
        items.append(rect(QRectF(kLabelWidth, y + (kRowHeight - kBarHeight) / 2, length, kBarHeight), kBar));
        items.append(text(QRectF(kLabelWidth + length + 6, y, kValueWidth, kRowHeight), bar.valueText,
                          Qt::AlignLeft | Qt::AlignVCenter, kMuted, 10));
        y += kRowHeight;
    }
    items.append(line(QLineF(kLabelWidth, kTitleHeight, kLabelWidth, y), kInk));
}

void timelineItems(const ReportChart &chart, double width, QList<ReportChartItem> &items)
{
    const double plot = std::max(10.0, width - kLabelWidth - 10);
    const double axis = std::max<qint64>(1, chart.axisMs);
    const double top = kTitleHeight;
    const double bottom = top + kRowHeight * chart.spans.size();
    const qsizetype ticks = chart.axisLabels.size();
    for (qsizetype i = 0; i < ticks; ++i) {
        const double x = kLabelWidth + (ticks > 1 ? plot * i / (ticks - 1) : 0);
        items.append(line(QLineF(x, top, x, bottom), kGrid));
        const Qt::Alignment align = i == 0 ? Qt::AlignLeft : i == ticks - 1 ? Qt::AlignRight : Qt::AlignHCenter;
        const double boxX = i == 0 ? x : i == ticks - 1 ? x - 80 : x - 40;
        items.append(text(QRectF(boxX, bottom + 2, 80, kAxisHeight - 4), chart.axisLabels.at(i),
                          align | Qt::AlignVCenter, kMuted, 10));
    }
    double y = top;
    for (const ReportChart::Span &span : chart.spans) {
        const double indent = 10.0 * span.indent;
        items.append(text(QRectF(indent, y, kLabelWidth - 8 - indent, kRowHeight),
                          elided(span.label, kLabelChars - 2 * span.indent), Qt::AlignLeft | Qt::AlignVCenter, kInk,
                          span.bold ? 11 : 10, span.bold));
        const double x0 = kLabelWidth + plot * std::clamp(span.startMs / axis, 0.0, 1.0);
        const double x1 = kLabelWidth + plot * std::clamp(span.endMs / axis, 0.0, 1.0);
        items.append(
            rect(QRectF(x0, y + (kRowHeight - kBarHeight) / 2, std::max(2.0, x1 - x0), kBarHeight), span.color));
        y += kRowHeight;
    }
    items.append(line(QLineF(kLabelWidth, bottom, kLabelWidth + plot, bottom), kInk));
}

} // namespace

QSizeF chartSize(const ReportChart &chart, double width)
{
    double height = kTitleHeight + kRowHeight * std::max<qsizetype>(1, rowCount(chart)) + 6;
    if (chart.kind == ReportChart::Kind::Timeline)
        height += kAxisHeight;
    if (!chart.note.isEmpty())
        height += kNoteHeight;
    return {width, height};
}

QList<ReportChartItem> chartItems(const ReportChart &chart, double width)
{
    QList<ReportChartItem> items;
    items.append(
        text(QRectF(0, 0, width, kTitleHeight - 4), chart.title, Qt::AlignLeft | Qt::AlignVCenter, kInk, 12, true));
    if (chart.kind == ReportChart::Kind::Bars)
        barItems(chart, width, items);
    else
        timelineItems(chart, width, items);
    if (!chart.note.isEmpty()) {
        const double y = chartSize(chart, width).height() - kNoteHeight;
        items.append(text(QRectF(0, y, width, kNoteHeight), chart.note, Qt::AlignLeft | Qt::AlignVCenter, kMuted, 10));
    }
    return items;
}

} // namespace QwenSwarm::Ui
