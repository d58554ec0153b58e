#pragma once

#include "reports/reportchart.h"

#include <QObject>
#include <QTextObjectInterface>

class QPainter;

namespace QwenSwarm::Ui {

/// Draws a report's charts inside a QTextDocument, as vector graphics: each chart is one object
/// character whose format names it (insert()). Sizes follow the layout's paint device, as images do.
class ReportChartObject
    : public QObject
    , public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int kObjectType = QTextFormat::UserObject + 1;

    /// Charts `width` logical pixels (96 dpi) wide; registers itself with `document`'s layout.
    ReportChartObject(QTextDocument *document, double width);

    /// Inserts `chart` at `cursor`.
    void insert(QTextCursor &cursor, const ReportChart &chart);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
                    const QTextFormat &format) override;

    /// Draws `chart` with its top left corner at the painter's origin, in logical pixels.
    static void paint(QPainter &painter, const ReportChart &chart, double width);

private:
    double scale(QTextDocument *document) const;
    const ReportChart *chartOf(const QTextFormat &format) const;

    double m_width;
    QList<ReportChart> m_charts;
};

} // namespace QwenSwarm::Ui
