#pragma once

#include "reports/reportchart.h"
#include "reports/reportdata.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QStringList>

namespace QwenSwarm::Ui {

/// A table of a report as people read it (translated headers, formatted values).
struct ReportTable
{
    QStringList columns;
    QList<QStringList> rows;
    QList<int> numericColumns; ///< Aligned right.
};

/// One piece of a report's text: the PDF and HTML renderers turn the same blocks into their format.
struct ReportBlock
{
    enum class Kind
    {
        Heading,
        Subheading,
        Paragraph,
        Facts, ///< A two-column table of names and values.
        Table,
        Chart,
    };

    Kind kind = Kind::Paragraph;
    QString text;
    ReportTable table;
    ReportChart chart;
};

/// What a report says, in order, for people: a cover (what and when) and the body.
struct ReportDocument
{
    QString title; ///< "Qwen Swarm report"
    QString subject; ///< "Workflow run #12: classify-map (revision 1)"
    QList<QPair<QString, QString>> cover; ///< What and when, for the cover page.
    QList<ReportBlock> blocks;
};

/// Writes a report's data as a ReportDocument: summary, timeline, steps, tasks, decisions with their
/// votes, agents and reputation, tokens and cost, errors and retries. Long lists are cut (the CSV
/// and JSON reports keep everything); the document says so where it does.
class ReportDocumentBuilder
{
    Q_DECLARE_TR_FUNCTIONS(QwenSwarm::Ui::ReportDocumentBuilder)

public:
    /// At most this many tasks, decisions (with their votes) and timeline rows are shown.
    static constexpr qsizetype kMaxTasks = 500;
    static constexpr qsizetype kMaxDecisions = 100;
    static constexpr qsizetype kMaxTimelineRows = 32;

    static ReportDocument build(const ReportData &data);
    /// "Workflow run #12: classify-map (revision 1)", "Decision #7 of task #3", ...
    static QString subjectTitle(const ReportData &data);
    /// A wire name of a state, outcome or status, translated ("awaiting_approval" -> "awaiting approval").
    static QString stateText(const QString &wireName);

private:
    explicit ReportDocumentBuilder(const ReportData &data);
    void cover();
    void summary();
    void outputs();
    void timeline();
    void steps();
    void tasks();
    void decisions();
    void decision(const Api::Decision &decision);
    void agents();
    void usage();
    void problems();
    QString where(const ReportProblem &problem) const;
    void add(ReportBlock::Kind kind, const QString &text);
    void addTable(const ReportTable &table, ReportBlock::Kind kind = ReportBlock::Kind::Table);
    void addChart(const ReportChart &chart);

    const ReportData &m_data;
    ReportDocument m_document;
};

} // namespace QwenSwarm::Ui
