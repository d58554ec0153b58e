#include "reports/reportjson.h"

#include <api/json.h>
#include <api/jsonworkflow.h>

#include <QJsonArray>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

namespace {

template<typename T, typename F>
QJsonArray arrayOf(const QList<T> &list, F convert)
{
    QJsonArray array;
    for (const T &item : list)
        array.append(convert(item));
    return array;
}

QJsonValue idOrNull(quint64 id)
{
    return id != 0 ? QJsonValue(qint64(id)) : QJsonValue(QJsonValue::Null);
}

QJsonObject subjectToJson(const ReportSubject &s)
{
    QJsonObject json {{u"kind"_s, s.kindName()}};
    switch (s.kind) {
    case ReportSubject::Kind::Run:
        json.insert(u"run_id"_s, Api::toJson(s.run));
        break;
    case ReportSubject::Kind::Decision:
        json.insert(u"decision_id"_s, Api::toJson(s.decision));
        break;
    case ReportSubject::Kind::Period:
        json.insert(u"from"_s, Api::timeToJson(s.fromMs));
        json.insert(u"to"_s, Api::timeToJson(s.toMs));
        break;
    }
    return json;
}

QJsonObject agentToJson(const ReportAgent &a)
{
    return {{u"id"_s, Api::toJson(a.id)}, {u"swarm_id"_s, Api::toJson(a.swarmId)},
            {u"name"_s, a.name},          {u"role"_s, Api::toJson(a.role)},
            {u"provider"_s, a.provider},  {u"model"_s, a.model}};
}

QJsonObject usageToJson(const ReportUsage &u)
{
    QJsonObject json {{u"name"_s, u.name},
                      {u"provider"_s, u.provider},
                      {u"votes"_s, u.votes},
                      {u"failed_votes"_s, u.failedVotes},
                      {u"prompt_tokens"_s, u.promptTokens},
                      {u"completion_tokens"_s, u.completionTokens},
                      {u"cost_usd"_s, u.costUsd},
                      {u"latency_ms"_s, u.latencyMs}};
    if (u.agentId.isValid())
        json.insert(u"agent_id"_s, Api::toJson(u.agentId));
    return json;
}

QJsonObject problemToJson(const ReportProblem &p)
{
    return {{u"kind"_s, ReportProblem::kindName(p.kind)},
            {u"time"_s, Api::timeToJson(p.timeMs)},
            {u"step_id"_s, p.stepId},
            {u"task_id"_s, idOrNull(p.taskId.value)},
            {u"decision_id"_s, idOrNull(p.decisionId.value)},
            {u"agent_id"_s, idOrNull(p.agentId.value)},
            {u"attempts"_s, p.attempts},
            {u"status"_s, p.status},
            {u"message"_s, p.message}};
}

QJsonObject spanToJson(const ReportSpan &s)
{
    return {{u"kind"_s, ReportSpan::kindName(s.kind)},
            {u"label"_s, s.label},
            {u"start"_s, Api::timeToJson(s.startMs)},
            {u"end"_s, Api::timeToJson(s.endMs)},
            {u"state"_s, s.state}};
}

QJsonObject reputationToJson(const ReportData &data)
{
    const QJsonArray changes = arrayOf(data.reputation, [&data](const ReportReputation &r) {
        return QJsonObject {{u"agent_id"_s, Api::toJson(r.agentId)},
                            {u"agent"_s, data.agentName(r.agentId)},
                            {u"before"_s, r.before},
                            {u"after"_s, r.after},
                            {u"changes"_s, r.changes}};
    });
    return {{u"changes"_s, changes}, {u"history"_s, arrayOf(data.reputationHistory, [](const Api::ReputationPoint &p) {
                                          return Api::toJson(p);
                                      })}};
}

QJsonObject totalsToJson(const ReportTotals &t)
{
    return {{u"from"_s, Api::timeToJson(t.fromMs)},
            {u"to"_s, Api::timeToJson(t.toMs)},
            {u"steps"_s, t.steps},
            {u"tasks"_s, t.tasks},
            {u"succeeded_tasks"_s, t.succeededTasks},
            {u"decisions"_s, t.decisions},
            {u"decided"_s, t.decided},
            {u"mean_agreement"_s, t.meanAgreement},
            {u"votes"_s, t.votes},
            {u"prompt_tokens"_s, t.promptTokens},
            {u"completion_tokens"_s, t.completionTokens},
            {u"cost_usd"_s, t.costUsd},
            {u"errors"_s, t.errors},
            {u"retries"_s, t.retries}};
}

} // namespace

QJsonObject reportToJson(const ReportData &data)
{
    QJsonObject json {
        {u"format"_s, u"qwen-swarm-report"_s},
        {u"version"_s, kReportJsonVersion},
        {u"generated"_s, Api::timeToJson(data.generatedMs)},
        {u"subject"_s, subjectToJson(data.subject)},
        {u"source"_s,
         QJsonObject {{u"kind"_s, data.source.kind},
                      {u"version"_s, data.source.version},
                      {u"endpoint"_s, data.source.endpoint},
                      {u"store"_s, data.source.store}}},
        {u"tasks"_s, arrayOf(data.tasks, [](const Api::Task &t) { return Api::toJson(t); })},
        {u"decisions"_s, arrayOf(data.decisions, [](const Api::Decision &d) { return Api::toJson(d); })},
        {u"agents"_s, arrayOf(data.agents, agentToJson)},
        {u"reputation"_s, reputationToJson(data)},
        {u"usage"_s,
         QJsonObject {{u"by_agent"_s, arrayOf(data.usageByAgent, usageToJson)},
                      {u"by_provider"_s, arrayOf(data.usageByProvider, usageToJson)}}},
        {u"problems"_s, arrayOf(data.problems, problemToJson)},
        {u"timeline"_s, arrayOf(data.timeline, spanToJson)},
        {u"totals"_s, totalsToJson(data.totals)},
        {u"truncated"_s, data.truncated},
    };
    if (data.run)
        json.insert(u"run"_s, Api::toJson(*data.run));
    return json;
}

} // namespace QwenSwarm::Ui
