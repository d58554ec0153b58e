#include "reports/reportwriter.h"

#include "reports/reportcsv.h"
#include "reports/reportdocument.h"
#include "reports/reporthtml.h"
#include "reports/reportjson.h"
#include "reports/reportpdf.h"

#include <QJsonDocument>
#include <QSaveFile>

namespace QwenSwarm::Ui {

namespace {

QByteArray bytesOf(const ReportData &data, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Json:
        return QJsonDocument(reportToJson(data)).toJson(QJsonDocument::Indented);
    case ReportFormat::Csv:
        return ReportCsv::write(data);
    case ReportFormat::Html:
        return ReportHtml::write(ReportDocumentBuilder::build(data));
    case ReportFormat::Pdf:
        break;
    }
    return {};
}

} // namespace

Api::Result<void> ReportWriter::write(const ReportData &data, ReportFormat format, const QString &path,
                                      const ReportHooks &hooks)
{
    const auto cannotWrite = [&path](const QString &why) {
        return Api::makeError(Api::ErrorCode::Unavailable, tr("Cannot write %1: %2").arg(path, why));
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(file.errorString());
    hooks.report(0);
    if (format == ReportFormat::Pdf) {
        const ReportDocument document = ReportDocumentBuilder::build(data);
        ReportHooks pages = hooks;
        pages.progress = [&hooks](int percent) { hooks.report(10 + percent * 85 / 100); };
        hooks.report(10);
        if (auto written = ReportPdf::write(document, &file, pages); !written) {
            file.cancelWriting();
            return written;
        }
    } else {
        const QByteArray bytes = bytesOf(data, format);
        hooks.report(80);
        if (file.write(bytes) != bytes.size())
            return cannotWrite(file.errorString());
    }
    if (hooks.isCancelled()) {
        file.cancelWriting();
        return Api::makeError(Api::ErrorCode::Cancelled, tr("The report was cancelled."));
    }
    if (!file.commit())
        return cannotWrite(file.errorString());
    hooks.report(100);
    return {};
}

} // namespace QwenSwarm::Ui
