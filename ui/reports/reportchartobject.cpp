#include "reports/reportchartobject.h"

#include <QAbstractTextDocumentLayout>
#include <QPaintDevice>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>

namespace QwenSwarm::Ui {

namespace {

constexpr int kChartIndex = QTextFormat::UserProperty + 1;
constexpr double kLogicalDpi = 96;

} // namespace

ReportChartObject::ReportChartObject(QTextDocument *document, double width)
    : QObject(document)
    , m_width(width)
{
    document->documentLayout()->registerHandler(kObjectType, this);
}

void ReportChartObject::insert(QTextCursor &cursor, const ReportChart &chart)
{
    QTextCharFormat format;
    format.setObjectType(kObjectType);
    format.setProperty(kChartIndex, int(m_charts.size()));
    m_charts.append(chart);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
}

double ReportChartObject::scale(QTextDocument *document) const
{
    const QPaintDevice *device = document->documentLayout()->paintDevice();
    return device ? device->logicalDpiX() / kLogicalDpi : 1.0;
}

const ReportChart *ReportChartObject::chartOf(const QTextFormat &format) const
{
    const int index = format.intProperty(kChartIndex);
    return index >= 0 && index < m_charts.size() ? &m_charts.at(index) : nullptr;
}

QSizeF ReportChartObject::intrinsicSize(QTextDocument *document, int, const QTextFormat &format)
{
    const ReportChart *chart = chartOf(format);
    return chart ? chartSize(*chart, m_width) * scale(document) : QSizeF();
}

void ReportChartObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int,
                                   const QTextFormat &format)
{
    const ReportChart *chart = chartOf(format);
    if (!chart)
        return;
    painter->save();
    painter->translate(rect.topLeft());
    const double s = scale(document);
    painter->scale(s, s);
    paint(*painter, *chart, m_width);
    painter->restore();
}

void ReportChartObject::paint(QPainter &painter, const ReportChart &chart, double width)
{
    painter.setRenderHint(QPainter::Antialiasing);
    for (const ReportChartItem &item : chartItems(chart, width)) {
        switch (item.kind) {
        case ReportChartItem::Kind::Rect:
            painter.fillRect(item.rect, item.color);
            break;
        case ReportChartItem::Kind::Line:
            painter.setPen(QPen(item.color, 0.75));
            painter.drawLine(item.line);
            break;
        case ReportChartItem::Kind::Text: {
            QFont font = painter.font();
            font.setPixelSize(int(item.fontPx));
            font.setBold(item.bold);
            font.setLetterSpacing(QFont::PercentageSpacing, 100); // no ligatures, as in ReportPdf
            painter.setFont(font);
            painter.setPen(item.color);
            painter.drawText(item.rect, int(item.alignment) | Qt::TextSingleLine, item.text);
            break;
        }
        }
    }
}

} // namespace QwenSwarm::Ui
