#include "reports/reporthtml.h"

#include <QLocale>
#include <QtMath>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double kChartWidth = 720;

const auto kStyle = uR"(
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #222; margin: 2em auto; max-width: 60em; padding: 0 1em; }
header { border-bottom: 2px solid #2f6fb5; margin-bottom: 1.5em; }
.product { color: #2f6fb5; font-weight: bold; margin: 0; }
h1 { font-size: 1.6em; margin: 0.2em 0 0.6em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; margin-top: 1.8em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #d0d0d0; padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { background: #eef3fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.facts th { background: #f6f6f6; font-weight: normal; color: #555; }
figure { margin: 0.5em 0 1.2em; }
svg text { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
footer { color: #777; font-size: 0.85em; margin-top: 3em; }
)"_s;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString number(double value)
{
    return QString::number(value, 'f', 1);
}

QString svgItem(const ReportChartItem &item)
{
    switch (item.kind) {
    case ReportChartItem::Kind::Rect:
        return u"<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>"_s.arg(
            number(item.rect.x()), number(item.rect.y()), number(item.rect.width()), number(item.rect.height()),
            item.color.name());
    case ReportChartItem::Kind::Line:
        return u"<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\" stroke=\"%5\" stroke-width=\"1\"/>"_s.arg(
            number(item.line.x1()), number(item.line.y1()), number(item.line.x2()), number(item.line.y2()),
            item.color.name());
    case ReportChartItem::Kind::Text: {
        const Qt::Alignment h = item.alignment & Qt::AlignHorizontal_Mask;
        const double x = h & Qt::AlignRight ? item.rect.right()
            : h & Qt::AlignHCenter          ? item.rect.center().x()
                                            : item.rect.left();
        const QString anchor = h & Qt::AlignRight ? u"end"_s : h & Qt::AlignHCenter ? u"middle"_s : u"start"_s;
        const double baseline = item.rect.center().y() + item.fontPx * 0.35;
        return u"<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"%4\" fill=\"%5\"%6>%7</text>"_s.arg(
            number(x), number(baseline), number(item.fontPx), anchor, item.color.name(),
            item.bold ? u" font-weight=\"bold\""_s : QString(), escaped(item.text));
    }
    }
    return {};
}

QString table(const ReportTable &t)
{
    QString html = u"<table>\n<thead><tr>"_s;
    for (const QString &column : t.columns)
        html += u"<th>"_s + escaped(column) + u"</th>"_s;
    html += u"</tr></thead>\n<tbody>\n"_s;
    for (const QStringList &row : t.rows) {
        html += u"<tr>"_s;
        for (qsizetype i = 0; i < row.size(); ++i)
            html += (t.numericColumns.contains(int(i)) ? u"<td class=\"num\">"_s : u"<td>"_s) + escaped(row.at(i))
                + u"</td>"_s;
        html += u"</tr>\n"_s;
    }
    return html + u"</tbody>\n</table>\n"_s;
}

QString facts(const QList<QStringList> &rows)
{
    QString html = u"<table class=\"facts\">\n<tbody>\n"_s;
    for (const QStringList &row : rows)
        html += u"<tr><th scope=\"row\">"_s + escaped(row.value(0)) + u"</th><td>"_s + escaped(row.value(1))
            + u"</td></tr>\n"_s;
    return html + u"</tbody>\n</table>\n"_s;
}

QString block(const ReportBlock &b)
{
    switch (b.kind) {
    case ReportBlock::Kind::Heading:
        return u"<h2>"_s + escaped(b.text) + u"</h2>\n"_s;
    case ReportBlock::Kind::Subheading:
        return u"<h3>"_s + escaped(b.text) + u"</h3>\n"_s;
    case ReportBlock::Kind::Paragraph:
        return u"<p>"_s + escaped(b.text) + u"</p>\n"_s;
    case ReportBlock::Kind::Facts:
        return facts(b.table.rows);
    case ReportBlock::Kind::Table:
        return table(b.table);
    case ReportBlock::Kind::Chart:
        return u"<figure>\n"_s + ReportHtml::svg(b.chart, kChartWidth) + u"</figure>\n"_s;
    }
    return {};
}

} // namespace

QString ReportHtml::svg(const ReportChart &chart, double width)
{
    const QSizeF size = chartSize(chart, width);
    QString svg = u"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                  "role=\"img\" aria-label=\"%3\">\n"_s.arg(qCeil(size.width()))
                      .arg(qCeil(size.height()))
                      .arg(escaped(chart.title));
    for (const ReportChartItem &item : chartItems(chart, width))
        svg += svgItem(item) + u'\n';
    return svg + u"</svg>\n"_s;
}

QByteArray ReportHtml::write(const ReportDocument &document)
{
    QList<QStringList> cover;
    for (const auto &[name, value] : document.cover)
        cover.append({name, value});
    QString html = u"<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Qwen Swarm %2\">\n<title>%3</title>\n<style>%4</style>\n"
                   "</head>\n<body>\n"_s.arg(QLocale().bcp47Name(), QStringLiteral(QWENSWARM_VERSION),
                                             escaped(document.title + u": "_s + document.subject), kStyle);
    html += u"<header>\n<p class=\"product\">"_s + escaped(document.title) + u"</p>\n<h1>"_s + escaped(document.subject)
        + u"</h1>\n"_s + facts(cover) + u"</header>\n<main>\n"_s;
    for (const ReportBlock &b : document.blocks)
        html += block(b);
    html += u"</main>\n<footer><p>"_s + escaped(tr("Written by Qwen Swarm %1.").arg(QStringLiteral(QWENSWARM_VERSION)))
        + u"</p></footer>\n</body>\n</html>\n"_s;
    return html.toUtf8();
}

} // namespace QwenSwarm::Ui
