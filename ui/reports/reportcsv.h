#pragma once

#include "reports/reportdata.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace QwenSwarm::Ui {

/// One table of a CSV report.
struct ReportCsvTable
{
    QString name;
    QStringList columns;
    QList<QStringList> rows;

    bool operator==(const ReportCsvTable &) const = default;
};

/// The CSV report: every table of a report in one RFC 4180 file (UTF-8 without a byte order mark,
/// CRLF line ends, fields quoted when they hold a comma, a quote, CR or LF, quotes doubled).
///
/// Layout: one section per table, sections separated by one empty line (a record of one empty field
/// is written `""`, so an empty line is never a record). A section's first record is
/// `table,<name>`, its second the column names, then one record per row. Column names are stable
/// snake_case (not translated); times are ISO 8601 UTC, costs US dollars, ids numbers, states wire
/// names. The tables, in order (docs/reports.md lists their columns): summary, steps (a run's only),
/// tasks, decisions, votes, agents, usage_by_agent, usage_by_provider, problems, timeline.
class ReportCsv
{
public:
    static QList<ReportCsvTable> tables(const ReportData &data);
    static QByteArray write(const QList<ReportCsvTable> &tables);
    static QByteArray write(const ReportData &data) { return write(tables(data)); }
    /// One field as RFC 4180 writes it.
    static QString field(const QString &value);
};

} // namespace QwenSwarm::Ui
