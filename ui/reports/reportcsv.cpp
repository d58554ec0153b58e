#include "reports/reportcsv.h"

#include <api/jsonreader.h>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

namespace {

QString time(qint64 ms)
{
    return ms == 0 ? QString() : Api::timeToJson(ms).toString();
}

QString money(double usd)
{
    return QString::number(usd, 'f', 8);
}

QString ratio(double value)
{
    return QString::number(value, 'f', 4);
}

QString id(quint64 value)
{
    return value == 0 ? QString() : QString::number(value);
}

ReportCsvTable summary(const ReportData &data)
{
    const ReportTotals &t = data.totals;
    ReportCsvTable table {u"summary"_s, {u"key"_s, u"value"_s}, {}};
    auto add = [&table](const QString &key, const QString &value) { table.rows.append({key, value}); };
    add(u"subject"_s, data.subject.kindName());
    if (data.run) {
        add(u"run_id"_s, id(data.run->id.value));
        add(u"workflow"_s, data.run->workflow.name);
        add(u"revision"_s, QString::number(data.run->workflow.revision));
        add(u"state"_s, Api::enumName(data.run->state).toString());
    }
    if (data.subject.kind == ReportSubject::Kind::Decision)
        add(u"decision_id"_s, id(data.subject.decision.value));
    add(u"from"_s, time(t.fromMs));
    add(u"to"_s, time(t.toMs));
    add(u"generated"_s, time(data.generatedMs));
    add(u"steps"_s, QString::number(t.steps));
    add(u"tasks"_s, QString::number(t.tasks));
    add(u"succeeded_tasks"_s, QString::number(t.succeededTasks));
    add(u"decisions"_s, QString::number(t.decisions));
    add(u"decided"_s, QString::number(t.decided));
    add(u"mean_agreement"_s, ratio(t.meanAgreement));
    add(u"votes"_s, QString::number(t.votes));
    add(u"prompt_tokens"_s, QString::number(t.promptTokens));
    add(u"completion_tokens"_s, QString::number(t.completionTokens));
    add(u"cost_usd"_s, money(t.costUsd));
    add(u"errors"_s, QString::number(t.errors));
    add(u"retries"_s, QString::number(t.retries));
    add(u"truncated"_s, data.truncated ? u"true"_s : u"false"_s);
    return table;
}

ReportCsvTable steps(const ReportData &data)
{
    ReportCsvTable table {u"steps"_s,
                          {u"step_id"_s, u"title"_s, u"kind"_s, u"state"_s, u"tasks"_s, u"agreement"_s, u"cost_usd"_s,
                           u"started"_s, u"finished"_s, u"reason"_s},
                          {}};
    for (const Api::StepRun &s : data.run->steps) {
        const Api::WorkflowStep *step = data.run->workflow.step(s.stepId);
        table.rows.append({s.stepId, step ? step->title : QString(),
                           step ? Api::enumName(step->kind).toString() : QString(), Api::enumName(s.state).toString(),
                           QString::number(s.taskIds.size()), ratio(s.agreement), money(s.costUsd), time(s.startedMs),
                           time(s.finishedMs), s.reason});
    }
    return table;
}

ReportCsvTable tasks(const ReportData &data)
{
    ReportCsvTable table {u"tasks"_s,
                          {u"task_id"_s, u"step_id"_s, u"state"_s, u"attempts"_s, u"answer"_s, u"agreement"_s,
                           u"decision_id"_s, u"cost_usd"_s, u"created"_s, u"started"_s, u"finished"_s, u"error"_s},
                          {}};
    for (const Api::Task &t : data.tasks) {
        table.rows.append({id(t.id.value), data.stepOfTask(t.id), Api::enumName(t.state).toString(),
                           QString::number(t.attempt), t.result ? t.result->answer : QString(),
                           t.result ? ratio(t.result->agreement) : QString(),
                           t.result ? id(t.result->decisionId.value) : QString(), money(t.costUsd), time(t.createdMs),
                           time(t.startedMs), time(t.finishedMs), t.error ? t.error->message : QString()});
    }
    return table;
}

ReportCsvTable decisions(const ReportData &data)
{
    ReportCsvTable table {u"decisions"_s,
                          {u"decision_id"_s, u"task_id"_s, u"step_id"_s, u"attempt"_s, u"strategy"_s, u"outcome"_s,
                           u"answer"_s, u"agreement"_s, u"rounds"_s, u"dissenters"_s, u"created"_s},
                          {}};
    for (const Api::Decision &d : data.decisions) {
        QStringList dissenters;
        for (const Api::AgentId agent : d.dissenters)
            dissenters.append(data.agentName(agent));
        table.rows.append({id(d.id.value), id(d.taskId.value), data.stepOfTask(d.taskId), QString::number(d.attempt),
                           d.strategy.name, Api::enumName(d.outcome).toString(), d.answer, ratio(d.agreement),
                           QString::number(d.rounds.size()), dissenters.join(u"; "_s), time(d.createdMs)});
    }
    return table;
}

ReportCsvTable votes(const ReportData &data)
{
    ReportCsvTable table {u"votes"_s,
                          {u"decision_id"_s, u"round"_s, u"agent_id"_s, u"agent"_s, u"status"_s, u"answer"_s,
                           u"raw_answer"_s, u"confidence"_s, u"weight"_s, u"latency_ms"_s, u"prompt_tokens"_s,
                           u"completion_tokens"_s, u"cost_usd"_s},
                          {}};
    for (const Api::Decision &d : data.decisions) {
        for (const Api::Round &r : d.rounds) {
            for (const Api::Vote &v : r.votes) {
                table.rows.append({id(d.id.value), QString::number(r.index), id(v.agentId.value),
                                   data.agentName(v.agentId), Api::enumName(v.status).toString(), v.normalizedAnswer,
                                   v.rawAnswer, ratio(v.confidence), ratio(v.weight), QString::number(v.latencyMs),
                                   QString::number(v.promptTokens), QString::number(v.completionTokens),
                                   money(v.costUsd)});
            }
        }
    }
    return table;
}

ReportCsvTable agents(const ReportData &data)
{
    ReportCsvTable table {u"agents"_s,
                          {u"agent_id"_s, u"name"_s, u"swarm_id"_s, u"role"_s, u"provider"_s, u"model"_s,
                           u"reputation_before"_s, u"reputation_after"_s, u"reputation_changes"_s},
                          {}};
    for (const ReportAgent &a : data.agents) {
        const auto r = std::find_if(data.reputation.cbegin(), data.reputation.cend(),
                                    [&a](const ReportReputation &rep) { return rep.agentId == a.id; });
        const bool known = r != data.reputation.cend();
        table.rows.append({id(a.id.value), a.name, id(a.swarmId.value), Api::enumName(a.role).toString(), a.provider,
                           a.model, known ? ratio(r->before) : QString(), known ? ratio(r->after) : QString(),
                           known ? QString::number(r->changes) : QString()});
    }
    return table;
}

ReportCsvTable usage(const QString &name, const QList<ReportUsage> &rows, bool byAgent)
{
    QStringList columns {u"provider"_s,          u"votes"_s,    u"failed_votes"_s,   u"prompt_tokens"_s,
                         u"completion_tokens"_s, u"cost_usd"_s, u"mean_latency_ms"_s};
    if (byAgent)
        columns = QStringList {u"agent_id"_s, u"agent"_s} + columns;
    ReportCsvTable table {name, columns, {}};
    for (const ReportUsage &u : rows) {
        QStringList row {u.provider,
                         QString::number(u.votes),
                         QString::number(u.failedVotes),
                         QString::number(u.promptTokens),
                         QString::number(u.completionTokens),
                         money(u.costUsd),
                         QString::number(u.votes > 0 ? u.latencyMs / u.votes : 0)};
        if (byAgent)
            row = QStringList {id(u.agentId.value), u.name} + row;
        table.rows.append(row);
    }
    return table;
}

ReportCsvTable problems(const ReportData &data)
{
    ReportCsvTable table {u"problems"_s,
                          {u"time"_s, u"kind"_s, u"step_id"_s, u"task_id"_s, u"decision_id"_s, u"agent"_s,
                           u"attempts"_s, u"status"_s, u"message"_s},
                          {}};
    for (const ReportProblem &p : data.problems) {
        table.rows.append({time(p.timeMs), ReportProblem::kindName(p.kind), p.stepId, id(p.taskId.value),
                           id(p.decisionId.value), p.agentId.isValid() ? data.agentName(p.agentId) : QString(),
                           QString::number(p.attempts), p.status, p.message});
    }
    return table;
}

ReportCsvTable timeline(const ReportData &data)
{
    ReportCsvTable table {u"timeline"_s, {u"kind"_s, u"label"_s, u"start"_s, u"end"_s, u"state"_s}, {}};
    for (const ReportSpan &s : data.timeline)
        table.rows.append({ReportSpan::kindName(s.kind), s.label, time(s.startMs), time(s.endMs), s.state});
    return table;
}

void writeRecord(QString &out, const QStringList &fields)
{
    if (fields.size() == 1 && fields.constFirst().isEmpty()) { // quoted, or it would read as a section break
        out += u"\"\"\r\n"_s;
        return;
    }
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += u',';
        out += ReportCsv::field(fields.at(i));
    }
    out += u"\r\n"_s;
}

} // namespace

QList<ReportCsvTable> ReportCsv::tables(const ReportData &data)
{
    QList<ReportCsvTable> list {summary(data)};
    if (data.run)
        list.append(steps(data));
    list += {tasks(data),
             decisions(data),
             votes(data),
             agents(data),
             usage(u"usage_by_agent"_s, data.usageByAgent, true),
             usage(u"usage_by_provider"_s, data.usageByProvider, false),
             problems(data),
             timeline(data)};
    return list;
}

QByteArray ReportCsv::write(const QList<ReportCsvTable> &tables)
{
    QString out;
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const ReportCsvTable &table = tables.at(i);
        if (i > 0)
            out += u"\r\n"_s;
        writeRecord(out, {u"table"_s, table.name});
        writeRecord(out, table.columns);
        for (const QStringList &row : table.rows)
            writeRecord(out, row);
    }
    return out.toUtf8();
}

QString ReportCsv::field(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\r') && !value.contains(u'\n'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace QwenSwarm::Ui
