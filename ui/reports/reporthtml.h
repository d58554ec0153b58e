#pragma once

#include "reports/reportdocument.h"

#include <QByteArray>
#include <QCoreApplication>

namespace QwenSwarm::Ui {

/// The HTML report: one self-contained UTF-8 file (HTML5, styles inline, charts as inline SVG, no
/// scripts and nothing fetched: its Content-Security-Policy forbids every outside resource).
class ReportHtml
{
    Q_DECLARE_TR_FUNCTIONS(QwenSwarm::Ui::ReportHtml)

public:
    static QByteArray write(const ReportDocument &document);
    /// A chart as an <svg> element, `width` pixels wide.
    static QString svg(const ReportChart &chart, double width);
};

} // namespace QwenSwarm::Ui
