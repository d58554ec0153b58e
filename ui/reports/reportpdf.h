#pragma once

#include "reports/reportdocument.h"
#include "reports/reporthooks.h"

#include <api/error.h>

#include <QCoreApplication>

class QIODevice;

namespace QwenSwarm::Ui {

/// The PDF report (A4): a cover page with what the report is about and when, then the body laid out
/// by a QTextDocument with the charts drawn in as vectors; "Page N of M" on every page. Runs on any
/// thread (it paints on a QPdfWriter only); needs a QGuiApplication for fonts.
class ReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(QwenSwarm::Ui::ReportPdf)

public:
    /// Writes to `device` (open for writing). Cancelled when `hooks` say so between pages.
    static Api::Result<void> write(const ReportDocument &document, QIODevice *device, const ReportHooks &hooks = {});
};

} // namespace QwenSwarm::Ui
