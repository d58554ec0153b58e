#include "reports/reportpdf.h"

#include "reports/reportchartobject.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextTable>

#include <cmath>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kDpi = 300;
const QColor kAccent(0x2f, 0x6f, 0xb5);
const QColor kMuted(0x66, 0x66, 0x66);
const QColor kRule(0xc8, 0xc8, 0xc8);
const QColor kHeaderFill(0xee, 0xf3, 0xfa);

double mm(double millimetres)
{
    return millimetres * kDpi / 25.4;
}

QFont font(double points, bool bold = false)
{
    QFont f;
    f.setFamilies({u"Noto Sans"_s, u"DejaVu Sans"_s, u"Liberation Sans"_s});
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    // A letter spacing, even of 100%, turns the shaper's ligatures off (Qt 6.4 has no QFont::setFeature):
    // with them "fl" and "fi" become single glyphs that text extraction and search read as U+FB01/2.
    f.setLetterSpacing(QFont::PercentageSpacing, 100);
    return f;
}

/// Writes the body's blocks into a QTextDocument.
class BodyWriter
{
public:
    BodyWriter(QTextDocument &text, ReportChartObject &charts)
        : m_cursor(&text)
        , m_charts(charts)
    { }

    void write(const ReportBlock &block)
    {
        switch (block.kind) {
        case ReportBlock::Kind::Heading:
            paragraph(block.text, font(13, true), kAccent, 14, 4);
            m_groupStart = m_cursor.block().position();
            break;
        case ReportBlock::Kind::Subheading:
            paragraph(block.text, font(10.5, true), Qt::black, 8, 2);
            if (!m_afterHeading)
                m_groupStart = m_cursor.block().position();
            break;
        case ReportBlock::Kind::Paragraph:
            paragraph(block.text, font(9), Qt::black, 2, 4);
            break;
        case ReportBlock::Kind::Facts:
            keepWithGroup(table(block.table, false));
            break;
        case ReportBlock::Kind::Table:
            keepWithGroup(table(block.table, true));
            break;
        case ReportBlock::Kind::Chart:
            newBlock(6, 6);
            keepWithGroup(m_cursor.position());
            m_charts.insert(m_cursor, block.chart);
            break;
        }
        m_afterHeading = block.kind == ReportBlock::Kind::Heading;
    }

    /// Moves each heading that would end a page, apart from the table or chart it introduces, to
    /// the next page (QTextDocument has no "keep with next").
    void keepTogether(QTextDocument &text, double pageHeight) const
    {
        for (const auto &[heading, content] : m_keeps) {
            const QTextBlock block = text.findBlock(heading);
            const double top = firstLine(text, block).top();
            // The content's first line, not its block: a line that did not fit moved to the next page.
            const double contentBottom = firstLine(text, text.findBlock(content)).bottom() - 1;
            if (int(top / pageHeight) == int(contentBottom / pageHeight) || std::fmod(top, pageHeight) < 1)
                continue;
            QTextBlockFormat format = block.blockFormat();
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(block).setBlockFormat(format);
        }
    }

private:
    /// Where a block's first line is in the document.
    static QRectF firstLine(QTextDocument &text, const QTextBlock &block)
    {
        const QRectF rect = text.documentLayout()->blockBoundingRect(block);
        const QTextLayout *layout = block.layout();
        if (!layout || layout->lineCount() == 0)
            return rect;
        const QTextLine line = layout->lineAt(0);
        return QRectF(rect.left(), rect.top() + line.y(), rect.width(), line.height());
    }

    void newBlock(double top, double bottom)
    {
        QTextBlockFormat format;
        format.setTopMargin(top);
        format.setBottomMargin(bottom);
        if (m_first)
            m_cursor.setBlockFormat(format);
        else
            m_cursor.insertBlock(format);
        m_first = false;
    }

    void paragraph(const QString &text, const QFont &f, const QColor &color, double top, double bottom)
    {
        newBlock(top, bottom);
        QTextCharFormat format;
        format.setFont(f);
        format.setForeground(color);
        m_cursor.insertText(text, format);
    }

    void cell(QTextTable *table, int row, int column, const QString &text, bool header, bool numeric)
    {
        QTextTableCell c = table->cellAt(row, column);
        if (header) {
            QTextCharFormat fill = c.format();
            fill.setBackground(kHeaderFill);
            c.setFormat(fill);
        }
        QTextCursor cursor = c.firstCursorPosition();
        QTextBlockFormat block;
        block.setAlignment(numeric ? Qt::AlignRight : Qt::AlignLeft);
        cursor.setBlockFormat(block);
        QTextCharFormat format;
        format.setFont(font(header ? 8 : 8.5, header));
        format.setForeground(header ? QColor(Qt::black) : QColor(0x22, 0x22, 0x22));
        cursor.insertText(text, format);
    }

    void keepWithGroup(int contentPosition)
    {
        if (m_groupStart >= 0)
            m_keeps.append({m_groupStart, contentPosition});
        m_groupStart = -1;
    }

    /// Answers the position where the table's first row of values starts.
    int table(const ReportTable &t, bool withHeader)
    {
        const int header = withHeader ? 1 : 0;
        const int columns = withHeader ? int(t.columns.size()) : 2;
        if (columns == 0)
            return m_cursor.position();
        newBlock(2, 0);
        QTextTableFormat format;
        format.setBorder(0.5);
        format.setBorderBrush(kRule);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBorderCollapse(true);
        format.setCellPadding(3);
        format.setCellSpacing(0);
        format.setHeaderRowCount(header);
        format.setTopMargin(2);
        format.setBottomMargin(6);
        if (withHeader)
            format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        QTextTable *table = m_cursor.insertTable(int(t.rows.size()) + header, columns, format);
        for (int c = 0; c < columns && withHeader; ++c)
            cell(table, 0, c, t.columns.at(c), true, t.numericColumns.contains(c));
        for (int r = 0; r < t.rows.size(); ++r) {
            for (int c = 0; c < columns; ++c)
                cell(table, r + header, c, t.rows.at(r).value(c), false, withHeader && t.numericColumns.contains(c));
        }
        m_cursor.movePosition(QTextCursor::End);
        return table->cellAt(t.rows.isEmpty() ? 0 : header, 0).firstPosition();
    }

    QTextCursor m_cursor;
    ReportChartObject &m_charts;
    bool m_first = true;
    bool m_afterHeading = false;
    int m_groupStart = -1; ///< Where the heading of what is being written starts.
    QList<std::pair<int, int>> m_keeps; ///< A heading's position, and its content's.
};

void drawCover(QPainter &painter, const ReportDocument &document, const QRectF &page)
{
    double y = mm(30);
    painter.setPen(kAccent);
    painter.setFont(font(14, true));
    painter.drawText(QRectF(0, y, page.width(), mm(10)), Qt::AlignLeft | Qt::AlignVCenter, document.title);
    y += mm(14);
    painter.setPen(Qt::black);
    painter.setFont(font(22, true));
    QRectF subject;
    painter.drawText(QRectF(0, y, page.width(), mm(40)), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     document.subject, &subject);
    y += subject.height() + mm(6);
    painter.setPen(QPen(kAccent, mm(0.6)));
    painter.drawLine(QPointF(0, y), QPointF(page.width(), y));
    y += mm(8);
    const double nameWidth = mm(38);
    for (const auto &[name, value] : document.cover) {
        painter.setFont(font(11));
        painter.setPen(kMuted);
        painter.drawText(QRectF(0, y, nameWidth, mm(8)), Qt::AlignLeft | Qt::AlignTop, name);
        painter.setPen(Qt::black);
        QRectF used;
        painter.drawText(QRectF(nameWidth, y, page.width() - nameWidth, mm(30)),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, value, &used);
        y += std::max(mm(8), used.height() + mm(2.5));
    }
}

void drawFooter(QPainter &painter, const ReportDocument &document, const QRectF &page, double height, int number,
                int pages)
{
    const double top = page.height() - height + mm(3);
    painter.setPen(QPen(kRule, mm(0.2)));
    painter.drawLine(QPointF(0, top), QPointF(page.width(), top));
    painter.setFont(font(8));
    painter.setPen(kMuted);
    const QRectF box(0, top + mm(1), page.width(), height - mm(4));
    const QString pageText = ReportPdf::tr("Page %1 of %2").arg(number).arg(pages);
    painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, pageText);
    const QString left = painter.fontMetrics().elidedText(document.title + u" \u2014 "_s + document.subject,
                                                          Qt::ElideRight, int(page.width() * 0.7));
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, left);
}

/// The body in `text`, paginated in pages of `body`, for `device`.
void layOut(QTextDocument &text, const ReportDocument &document, QPaintDevice &device, const QSizeF &body)
{
    text.documentLayout()->setPaintDevice(&device);
    text.setDefaultFont(font(9));
    text.setDocumentMargin(0);
    text.setPageSize(body);
    text.setUndoRedoEnabled(false);
    auto *charts = new ReportChartObject(&text, std::min(720.0, body.width() * 96.0 / kDpi));
    BodyWriter writer(text, *charts);
    QTextCursor edit(&text);
    edit.beginEditBlock(); // one layout at the end, not one per table cell (seconds for a small report)
    for (const ReportBlock &block : document.blocks)
        writer.write(block);
    edit.endEditBlock();
    writer.keepTogether(text, body.height());
}

/// Page `index` (from 0) of the body, at the top of the current page.
void drawBodyPage(QPainter &painter, QTextDocument &text, const QSizeF &body, int index)
{
    painter.save();
    painter.translate(0, -index * body.height());
    const QRectF clip(0, index * body.height(), body.width(), body.height());
    painter.setClipRect(clip);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = clip;
    context.palette.setColor(QPalette::Text, Qt::black);
    text.documentLayout()->draw(&painter, context);
    painter.restore();
}

} // namespace

Api::Result<void> ReportPdf::write(const ReportDocument &document, QIODevice *device, const ReportHooks &hooks)
{
    const auto cancelled = [] { return Api::makeError(Api::ErrorCode::Cancelled, tr("The report was cancelled.")); };
    QPdfWriter writer(device);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 15, 18, 10),
                                     QPageLayout::Millimeter));
    writer.setTitle(document.title + u": "_s + document.subject);
    writer.setCreator(u"Qwen Swarm "_s + QStringLiteral(QWENSWARM_VERSION));
    const QRectF page = writer.pageLayout().paintRectPixels(kDpi);
    const double footer = mm(10);

    QTextDocument text;
    layOut(text, document, writer, QSizeF(page.width(), page.height() - footer));
    if (hooks.isCancelled())
        return cancelled();
    hooks.report(10);
    const int pages = text.pageCount() + 1;

    QPainter painter;
    if (!painter.begin(&writer))
        return Api::makeError(Api::ErrorCode::Unavailable, tr("Cannot write the PDF."));
    drawCover(painter, document, page);
    drawFooter(painter, document, page, footer, 1, pages);
    for (int i = 0; i + 1 < pages; ++i) {
        if (hooks.isCancelled()) {
            painter.end();
            return cancelled();
        }
        writer.newPage();
        drawBodyPage(painter, text, QSizeF(page.width(), page.height() - footer), i);
        drawFooter(painter, document, page, footer, i + 2, pages);
        hooks.report(10 + 90 * (i + 2) / pages);
    }
    if (!painter.end())
        return Api::makeError(Api::ErrorCode::Unavailable, tr("Cannot write the PDF."));
    return {};
}

} // namespace QwenSwarm::Ui
