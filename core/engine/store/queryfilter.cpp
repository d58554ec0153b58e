#include "store/queryfilter.h"

namespace QwenSwarm::Engine {

namespace {

bool inTimeRange(qint64 ms, qint64 fromMs, qint64 toMs)
{
    return (fromMs == 0 || ms >= fromMs) && (toMs == 0 || ms < toMs);
}

} // namespace

bool matchesTaskFields(Api::TaskState state, Api::SwarmId swarm, const QString &strategy, qint64 createdMs,
                       const Api::TaskQuery &query)
{
    if (!query.states.isEmpty() && !query.states.contains(state))
        return false;
    if (query.swarmId.isValid() && swarm != query.swarmId)
        return false;
    if (!query.strategy.isEmpty() && strategy != query.strategy)
        return false;
    return inTimeRange(createdMs, query.createdFromMs, query.createdToMs);
}

bool taskSpecContains(const Api::TaskSpec &spec, const QString &text)
{
    if (spec.promptTemplate.contains(text, Qt::CaseInsensitive))
        return true;
    for (const QString &tag : spec.tags) {
        if (tag.contains(text, Qt::CaseInsensitive))
            return true;
    }
    for (auto it = spec.variables.constBegin(); it != spec.variables.constEnd(); ++it) {
        if (it.value().isString() && it.value().toString().contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool matchesQuery(const Api::Task &task, const Api::TaskQuery &query)
{
    const QString strategy = task.spec.strategy ? task.spec.strategy->name : QString();
    return matchesTaskFields(task.state, task.spec.swarmId, strategy, task.createdMs, query)
        && (query.text.isEmpty() || taskSpecContains(task.spec, query.text));
}

bool matchesDecisionFields(Api::SwarmId swarm, Api::TaskId task, const QString &strategy, Api::DecisionOutcome outcome,
                           double agreement, qint64 createdMs, const Api::DecisionQuery &query)
{
    if (query.swarmId.isValid() && swarm != query.swarmId)
        return false;
    if (query.taskId.isValid() && task != query.taskId)
        return false;
    if (!query.strategy.isEmpty() && strategy != query.strategy)
        return false;
    if (query.outcome && outcome != *query.outcome)
        return false;
    if (agreement < query.minAgreement || agreement > query.maxAgreement)
        return false;
    return inTimeRange(createdMs, query.createdFromMs, query.createdToMs);
}

bool matchesQuery(const Api::Decision &d, const Api::DecisionQuery &query)
{
    return matchesDecisionFields(d.swarmId, d.taskId, d.strategy.name, d.outcome, d.agreement, d.createdMs, query);
}

bool matchesQuery(const Api::AuditEntry &entry, const Api::AuditQuery &query)
{
    return (query.actor.isEmpty() || entry.actor == query.actor)
        && (query.action.isEmpty() || entry.action == query.action)
        && (!query.allowed || entry.allowed == *query.allowed) && inTimeRange(entry.timeMs, query.fromMs, query.toMs);
}

bool matchesQuery(const Api::Run &run, const Api::RunQuery &query)
{
    return (query.states.isEmpty() || query.states.contains(run.state))
        && (query.workflow.isEmpty() || run.workflow.name == query.workflow);
}

} // namespace QwenSwarm::Engine
