#include "reports/reportdocument.h"

#include "common/displaytext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kAnswerChars = 80;
constexpr int kOutputChars = 400;

QString clipped(const QString &text, int chars)
{
    const QString flat = text.simplified();
    return flat.size() <= chars ? flat : flat.left(chars - 1) + QChar(0x2026);
}

QString duration(qint64 fromMs, qint64 toMs)
{
    return fromMs != 0 && toMs >= fromMs ? DisplayText::duration(toMs - fromMs) : QString();
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(jsonText(item));
        return items.join(u"; "_s);
    }
    if (value.isDouble())
        return QLocale().toString(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

QColor stateColor(const QString &state)
{
    if (state == u"succeeded"_s)
        return QColor(0x3a, 0x9a, 0x5b);
    if (state == u"failed"_s || state == u"timed_out"_s)
        return QColor(0xc0, 0x39, 0x2b);
    if (state == u"cancelled"_s)
        return QColor(0x8e, 0x8e, 0x8e);
    if (state == u"skipped"_s)
        return QColor(0xc8, 0xc8, 0xc8);
    if (state == u"awaiting_approval"_s || state == u"paused"_s)
        return QColor(0xd4, 0xa0, 0x17);
    return QColor(0x2f, 0x6f, 0xb5);
}

QString signedPoints(double change)
{
    const QString points = QLocale().toString(change * 100.0, 'f', 1);
    return change > 0 ? u"+"_s + points : points;
}

} // namespace

ReportDocumentBuilder::ReportDocumentBuilder(const ReportData &data)
    : m_data(data)
{ }

ReportDocument ReportDocumentBuilder::build(const ReportData &data)
{
    ReportDocumentBuilder b(data);
    b.cover();
    b.summary();
    if (data.run)
        b.outputs();
    b.timeline();
    if (data.run)
        b.steps();
    b.tasks();
    b.decisions();
    b.agents();
    b.usage();
    b.problems();
    return b.m_document;
}

QString ReportDocumentBuilder::subjectTitle(const ReportData &data)
{
    switch (data.subject.kind) {
    case ReportSubject::Kind::Run:
        if (data.run)
            return tr("Workflow run #%1: %2 (revision %3)")
                .arg(data.run->id.value)
                .arg(data.run->workflow.name)
                .arg(data.run->workflow.revision);
        return tr("Workflow run #%1").arg(data.subject.run.value);
    case ReportSubject::Kind::Decision:
        if (!data.decisions.isEmpty())
            return tr("Decision #%1 of task #%2")
                .arg(data.subject.decision.value)
                .arg(data.decisions.constFirst().taskId.value);
        return tr("Decision #%1").arg(data.subject.decision.value);
    case ReportSubject::Kind::Period:
        return tr("Tasks and decisions from %1 to %2")
            .arg(DisplayText::dateTime(data.subject.fromMs), DisplayText::dateTime(data.subject.toMs));
    }
    return {};
}

QString ReportDocumentBuilder::stateText(const QString &wireName)
{
    static const QHash<QString, const char *> names {
        {u"pending"_s, QT_TR_NOOP("pending")},     {u"queued"_s, QT_TR_NOOP("queued")},
        {u"running"_s, QT_TR_NOOP("running")},     {u"deciding"_s, QT_TR_NOOP("deciding")},
        {u"paused"_s, QT_TR_NOOP("paused")},       {u"awaiting_approval"_s, QT_TR_NOOP("awaiting approval")},
        {u"succeeded"_s, QT_TR_NOOP("succeeded")}, {u"skipped"_s, QT_TR_NOOP("skipped")},
        {u"failed"_s, QT_TR_NOOP("failed")},       {u"cancelled"_s, QT_TR_NOOP("cancelled")},
        {u"timed_out"_s, QT_TR_NOOP("timed out")}, {u"valid"_s, QT_TR_NOOP("valid")},
        {u"abstained"_s, QT_TR_NOOP("abstained")}, {u"malformed"_s, QT_TR_NOOP("malformed")},
        {u"decided"_s, QT_TR_NOOP("decided")},     {u"no_decision"_s, QT_TR_NOOP("no decision")},
    };
    const auto it = names.constFind(wireName);
    return it != names.cend() ? tr(*it) : wireName;
}

void ReportDocumentBuilder::add(ReportBlock::Kind kind, const QString &text)
{
    ReportBlock block;
    block.kind = kind;
    block.text = text;
    m_document.blocks.append(block);
}

void ReportDocumentBuilder::addTable(const ReportTable &table, ReportBlock::Kind kind)
{
    ReportBlock block;
    block.kind = kind;
    block.table = table;
    m_document.blocks.append(block);
}

void ReportDocumentBuilder::addChart(const ReportChart &chart)
{
    ReportBlock block;
    block.kind = ReportBlock::Kind::Chart;
    block.chart = chart;
    m_document.blocks.append(block);
}

void ReportDocumentBuilder::cover()
{
    const ReportTotals &t = m_data.totals;
    m_document.title = tr("Qwen Swarm report");
    m_document.subject = subjectTitle(m_data);
    auto &c = m_document.cover;
    if (m_data.run)
        c.append({tr("State"), stateText(Api::enumName(m_data.run->state).toString())});
    else if (m_data.subject.kind == ReportSubject::Kind::Decision && !m_data.decisions.isEmpty())
        c.append({tr("Outcome"), stateText(Api::enumName(m_data.decisions.constFirst().outcome).toString())});
    c.append({tr("Started"), DisplayText::dateTime(t.fromMs)});
    c.append({tr("Finished"), t.toMs != 0 ? DisplayText::dateTime(t.toMs) : tr("not yet")});
    if (const QString d = duration(t.fromMs, t.toMs); !d.isEmpty())
        c.append({tr("Duration"), d});
    c.append({tr("Total cost"), DisplayText::money(t.costUsd)});
    c.append({tr("Generated"), DisplayText::dateTime(m_data.generatedMs)});
    c.append({tr("Source"),
              tr("%1 core %2 (%3 store)")
                  .arg(m_data.source.kind == u"remote"_s ? tr("Remote") : tr("Embedded"), m_data.source.version,
                       m_data.source.store)});
    const int offset = QDateTime::currentDateTime().offsetFromUtc();
    const QString utc = offset == 0 ? QString()
                                    : u"%1%2:%3"_s.arg(QChar(offset < 0 ? u'-' : u'+'))
                                          .arg(qAbs(offset) / 3600, 2, 10, QChar(u'0'))
                                          .arg((qAbs(offset) % 3600) / 60, 2, 10, QChar(u'0'));
    c.append({tr("Times"), tr("local, UTC%1").arg(utc)});
}

void ReportDocumentBuilder::summary()
{
    const ReportTotals &t = m_data.totals;
    add(ReportBlock::Kind::Heading, tr("Summary"));
    ReportTable facts;
    if (m_data.run)
        facts.rows.append({tr("Steps"), QString::number(t.steps)});
    facts.rows.append({tr("Tasks"), tr("%1 (%2 succeeded)").arg(t.tasks).arg(t.succeededTasks)});
    facts.rows.append({tr("Decisions"), tr("%1 (%2 decided)").arg(t.decisions).arg(t.decided)});
    facts.rows.append({tr("Mean agreement"), t.decided > 0 ? DisplayText::percent(t.meanAgreement) : tr("none")});
    facts.rows.append({tr("Votes"), DisplayText::count(t.votes)});
    facts.rows.append({tr("Agents"), QString::number(m_data.agents.size())});
    facts.rows.append(
        {tr("Tokens"),
         tr("%1 prompt, %2 completion")
             .arg(DisplayText::count(double(t.promptTokens)), DisplayText::count(double(t.completionTokens)))});
    facts.rows.append({tr("Total cost"), DisplayText::money(t.costUsd)});
    facts.rows.append({tr("Errors"), QString::number(t.errors)});
    facts.rows.append({tr("Retries"), QString::number(t.retries)});
    addTable(facts, ReportBlock::Kind::Facts);
    if (m_data.run && m_data.run->error)
        add(ReportBlock::Kind::Paragraph, tr("The run failed: %1").arg(m_data.run->error->message));
    if (m_data.truncated)
        add(ReportBlock::Kind::Paragraph,
            tr("The period holds more than a report reads: this one shows its newest part."));
}

void ReportDocumentBuilder::outputs()
{
    const Api::Run &run = *m_data.run;
    if (run.outputs.isEmpty())
        return;
    add(ReportBlock::Kind::Subheading, tr("Outputs"));
    ReportTable facts;
    for (auto it = run.outputs.constBegin(); it != run.outputs.constEnd(); ++it)
        facts.rows.append({it.key(), clipped(jsonText(it.value()), kOutputChars)});
    addTable(facts, ReportBlock::Kind::Facts);
}

void ReportDocumentBuilder::timeline()
{
    if (m_data.timeline.isEmpty())
        return;
    add(ReportBlock::Kind::Heading, tr("Timeline"));
    qint64 start = std::numeric_limits<qint64>::max();
    qint64 end = 0;
    for (const ReportSpan &span : m_data.timeline) {
        if (span.startMs != 0)
            start = std::min(start, span.startMs);
        end = std::max({end, span.startMs, span.endMs});
    }
    if (start == std::numeric_limits<qint64>::max())
        start = end;
    ReportChart chart;
    chart.kind = ReportChart::Kind::Timeline;
    chart.title = tr("From %1, for %2").arg(DisplayText::dateTime(start), DisplayText::duration(end - start));
    chart.axisMs = std::max<qint64>(1, end - start);
    for (int i = 0; i <= 4; ++i)
        chart.axisLabels.append(i == 0 ? DisplayText::time(start).left(8)
                                       : u"+"_s + DisplayText::duration(chart.axisMs * i / 4));
    for (const ReportSpan &span : m_data.timeline) {
        if (chart.spans.size() == kMaxTimelineRows)
            break;
        const qint64 from = span.startMs != 0 ? span.startMs - start : 0;
        const qint64 to = span.endMs != 0 ? span.endMs - start : end - start;
        const int indent = m_data.run ? int(span.kind) : 0;
        chart.spans.append(
            {span.label, from, std::max(from, to), stateColor(span.state), indent, span.kind == ReportSpan::Kind::Run});
    }
    if (const qsizetype hidden = m_data.timeline.size() - chart.spans.size(); hidden > 0)
        chart.note = tr("%n more not drawn (the CSV and JSON reports list every one).", nullptr, int(hidden));
    addChart(chart);
}

void ReportDocumentBuilder::steps()
{
    add(ReportBlock::Kind::Heading, tr("Steps"));
    ReportTable table {{tr("Step"), tr("Title"), tr("State"), tr("Tasks"), tr("Agreement"), tr("Cost"), tr("Started"),
                        tr("Duration"), tr("Reason")},
                       {},
                       {3, 4, 5}};
    for (const Api::StepRun &s : m_data.run->steps) {
        const Api::WorkflowStep *step = m_data.run->workflow.step(s.stepId);
        const bool counted = s.state == Api::StepState::Succeeded && step && step->kind == Api::StepKind::Task;
        table.rows.append({s.stepId, step ? step->title : QString(), stateText(Api::enumName(s.state).toString()),
                           QString::number(s.taskIds.size()), counted ? DisplayText::percent(s.agreement) : QString(),
                           DisplayText::money(s.costUsd), DisplayText::time(s.startedMs).left(8),
                           duration(s.startedMs, s.finishedMs), s.reason});
    }
    addTable(table);
}

void ReportDocumentBuilder::tasks()
{
    if (m_data.tasks.isEmpty())
        return;
    add(ReportBlock::Kind::Heading, tr("Tasks"));
    // Tasks belong to steps in a run; otherwise they are told apart by their strategy.
    const bool run = m_data.run.has_value();
    ReportTable table {{tr("Task"), run ? tr("Step") : tr("Strategy"), tr("State"), tr("Attempts"), tr("Answer"),
                        tr("Agreement"), tr("Cost"), tr("Duration")},
                       {},
                       {3, 5, 6}};
    for (const Api::Task &t : m_data.tasks) {
        if (table.rows.size() == kMaxTasks)
            break;
        const QString strategy = t.spec.strategy ? t.spec.strategy->name : tr("the swarm's");
        table.rows.append({u"#%1"_s.arg(t.id.value), run ? m_data.stepOfTask(t.id) : strategy,
                           stateText(Api::enumName(t.state).toString()), QString::number(t.attempt),
                           t.result ? clipped(t.result->answer, kAnswerChars) : QString(),
                           t.result ? DisplayText::percent(t.result->agreement) : QString(),
                           DisplayText::money(t.costUsd), duration(t.startedMs, t.finishedMs)});
    }
    addTable(table);
    if (const qsizetype hidden = m_data.tasks.size() - table.rows.size(); hidden > 0)
        add(ReportBlock::Kind::Paragraph,
            tr("%n more task(s) are not shown (the CSV and JSON reports list every one).", nullptr, int(hidden)));
}

void ReportDocumentBuilder::decisions()
{
    if (m_data.decisions.isEmpty())
        return;
    add(ReportBlock::Kind::Heading, tr("Decisions"));
    for (qsizetype i = 0; i < m_data.decisions.size() && i < kMaxDecisions; ++i)
        decision(m_data.decisions.at(i));
    if (const qsizetype hidden = m_data.decisions.size() - kMaxDecisions; hidden > 0)
        add(ReportBlock::Kind::Paragraph,
            tr("%n more decision(s) are not shown (the CSV and JSON reports list every one).", nullptr, int(hidden)));
}

void ReportDocumentBuilder::decision(const Api::Decision &d)
{
    const QString step = m_data.stepOfTask(d.taskId);
    add(ReportBlock::Kind::Subheading,
        step.isEmpty() ? tr("Decision #%1: task #%2, attempt %3").arg(d.id.value).arg(d.taskId.value).arg(d.attempt)
                       : tr("Decision #%1: step %2, task #%3, attempt %4")
                             .arg(d.id.value)
                             .arg(step)
                             .arg(d.taskId.value)
                             .arg(d.attempt));
    QStringList dissenters;
    for (const Api::AgentId agent : d.dissenters)
        dissenters.append(m_data.agentName(agent));
    const bool decided = d.outcome == Api::DecisionOutcome::Decided;
    add(ReportBlock::Kind::Paragraph,
        tr("Strategy %1. Outcome: %2. Answer: %3. Agreement %4. Dissenters: %5.")
            .arg(d.strategy.name, stateText(Api::enumName(d.outcome).toString()),
                 decided ? clipped(d.answer, kAnswerChars) : tr("none"), DisplayText::percent(d.agreement),
                 dissenters.isEmpty() ? tr("none") : dissenters.join(u", "_s)));
    if (!d.explanation.isEmpty())
        add(ReportBlock::Kind::Paragraph, d.explanation);
    ReportTable votes {{tr("Round"), tr("Agent"), tr("Status"), tr("Answer"), tr("Confidence"), tr("Weight"),
                        tr("Latency"), tr("Tokens"), tr("Cost")},
                       {},
                       {0, 4, 5, 6, 7, 8}};
    for (const Api::Round &r : d.rounds) {
        for (const Api::Vote &v : r.votes) {
            votes.rows.append({QString::number(r.index + 1), m_data.agentName(v.agentId),
                               stateText(Api::enumName(v.status).toString()),
                               clipped(v.normalizedAnswer.isEmpty() ? v.rawAnswer : v.normalizedAnswer, kAnswerChars),
                               QLocale().toString(v.confidence, 'f', 2), QLocale().toString(v.weight, 'f', 2),
                               DisplayText::duration(v.latencyMs),
                               DisplayText::count(v.promptTokens + v.completionTokens), DisplayText::money(v.costUsd)});
        }
    }
    addTable(votes);
}

void ReportDocumentBuilder::agents()
{
    if (m_data.agents.isEmpty())
        return;
    add(ReportBlock::Kind::Heading, tr("Agents and reputation"));
    add(ReportBlock::Kind::Paragraph,
        tr("Reputation is the expected share of right answers the system learned for an agent; the change is over "
           "the report's span, in percentage points."));
    ReportTable table {
        {tr("Agent"), tr("Role"), tr("Provider"), tr("Model"), tr("Before"), tr("After"), tr("Change"), tr("Updates")},
        {},
        {4, 5, 6, 7}};
    for (const ReportAgent &a : m_data.agents) {
        const auto r = std::find_if(m_data.reputation.cbegin(), m_data.reputation.cend(),
                                    [&a](const ReportReputation &rep) { return rep.agentId == a.id; });
        const bool known = r != m_data.reputation.cend();
        table.rows.append(
            {a.name, DisplayText::agentRole(a.role), a.provider, a.model,
             known ? DisplayText::percent(r->before) : QString(), known ? DisplayText::percent(r->after) : QString(),
             known ? signedPoints(r->after - r->before) : QString(), known ? QString::number(r->changes) : QString()});
    }
    addTable(table);
}

void ReportDocumentBuilder::usage()
{
    if (m_data.usageByAgent.isEmpty())
        return;
    add(ReportBlock::Kind::Heading, tr("Tokens and cost"));
    ReportChart cost {ReportChart::Kind::Bars, tr("Cost of the votes by agent"), {}, {}, 0, {}, {}};
    for (const ReportUsage &u : m_data.usageByAgent)
        cost.bars.append({u.name, u.costUsd, DisplayText::money(u.costUsd)});
    addChart(cost);
    ReportChart tokens {ReportChart::Kind::Bars, tr("Tokens by provider"), {}, {}, 0, {}, {}};
    for (const ReportUsage &u : m_data.usageByProvider) {
        const double total = double(u.promptTokens + u.completionTokens);
        tokens.bars.append({u.name, total, DisplayText::count(total)});
    }
    addChart(tokens);
    const QStringList columns {tr("Votes"), tr("Not counted"), tr("Prompt tokens"), tr("Completion tokens"),
                               tr("Cost"),  tr("Mean latency")};
    auto row = [](const ReportUsage &u) {
        return QStringList {
            QString::number(u.votes),           QString::number(u.failedVotes),
            DisplayText::count(u.promptTokens), DisplayText::count(u.completionTokens),
            DisplayText::money(u.costUsd),      DisplayText::duration(u.votes > 0 ? u.latencyMs / u.votes : 0)};
    };
    add(ReportBlock::Kind::Subheading, tr("By agent"));
    ReportTable byAgent {QStringList {tr("Agent"), tr("Provider")} + columns, {}, {2, 3, 4, 5, 6, 7}};
    for (const ReportUsage &u : m_data.usageByAgent)
        byAgent.rows.append(QStringList {u.name, u.provider} + row(u));
    addTable(byAgent);
    add(ReportBlock::Kind::Subheading, tr("By provider"));
    ReportTable byProvider {QStringList {tr("Provider")} + columns, {}, {1, 2, 3, 4, 5, 6}};
    for (const ReportUsage &u : m_data.usageByProvider)
        byProvider.rows.append(QStringList {u.name} + row(u));
    addTable(byProvider);
}

QString ReportDocumentBuilder::where(const ReportProblem &p) const
{
    switch (p.kind) {
    case ReportProblem::Kind::Run:
        return tr("the run");
    case ReportProblem::Kind::Step:
        return tr("step %1").arg(p.stepId);
    case ReportProblem::Kind::Task:
        return tr("task #%1").arg(p.taskId.value);
    case ReportProblem::Kind::Retry:
        return tr("task #%1: %n attempt(s)", nullptr, p.attempts).arg(p.taskId.value);
    case ReportProblem::Kind::Vote:
        return tr("%1 in decision #%2").arg(m_data.agentName(p.agentId)).arg(p.decisionId.value);
    }
    return {};
}

void ReportDocumentBuilder::problems()
{
    add(ReportBlock::Kind::Heading, tr("Errors and retries"));
    if (m_data.problems.isEmpty()) {
        add(ReportBlock::Kind::Paragraph,
            tr("None: every task succeeded at its first attempt and every vote counted."));
        return;
    }
    ReportTable table {{tr("Time"), tr("Where"), tr("Status"), tr("Message")}, {}, {}};
    for (const ReportProblem &p : m_data.problems)
        table.rows.append(
            {DisplayText::time(p.timeMs).left(8), where(p), stateText(p.status), clipped(p.message, kOutputChars)});
    addTable(table);
}

} // namespace QwenSwarm::Ui
