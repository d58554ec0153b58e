#pragma once

#include "reports/reportdata.h"
#include "reports/reporthooks.h"

#include <api/error.h>

#include <QCoreApplication>

namespace QwenSwarm::Ui {

/// Writes a report's data to a file in one of the formats. The file appears whole or not at all
/// (QSaveFile): a cancelled or failed write leaves what was there before. Runs on any thread; the
/// PDF needs a QGuiApplication.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(QwenSwarm::Ui::ReportWriter)

public:
    /// Unavailable when the file cannot be written, Cancelled when `hooks` said so.
    static Api::Result<void> write(const ReportData &data, ReportFormat format, const QString &path,
                                   const ReportHooks &hooks = {});
};

} // namespace QwenSwarm::Ui
