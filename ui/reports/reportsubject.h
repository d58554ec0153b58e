#pragma once

#include <api/decision.h>
#include <api/workflow.h>

#include <QString>

#include <optional>

namespace QwenSwarm::Ui {

/// What a report is about: one workflow run, one decision (with its task), or every task and
/// decision created in a time period [fromMs, toMs).
struct ReportSubject
{
    enum class Kind
    {
        Run,
        Decision,
        Period,
    };

    Kind kind = Kind::Run;
    Api::RunId run;
    Api::DecisionId decision;
    qint64 fromMs = 0; ///< Inclusive, milliseconds since the epoch (UTC).
    qint64 toMs = 0; ///< Exclusive.

    static ReportSubject forRun(Api::RunId id);
    static ReportSubject forDecision(Api::DecisionId id);
    static ReportSubject forPeriod(qint64 fromMs, qint64 toMs);

    /// "run", "decision" or "period": the subject's kind in the JSON and CSV reports.
    QString kindName() const;
    bool operator==(const ReportSubject &) const = default;
};

/// The file formats a report is written in.
enum class ReportFormat
{
    Pdf,
    Html,
    Csv,
    Json,
};

/// The format a path's extension names (.pdf, .html or .htm, .csv, .json; any case), if any.
std::optional<ReportFormat> reportFormatForPath(const QString &path);
/// "pdf", "html", "csv", "json".
QString reportFormatName(ReportFormat format);

} // namespace QwenSwarm::Ui
