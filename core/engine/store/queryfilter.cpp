#include "store/queryfilter.h"

namespace QwenSwarm::Engine {

namespace {

bool inTimeRange(qint64 ms, qint64 fromMs, qint64 toMs)
{
    return (fromMs == 0 || ms >= fromMs) && (toMs == 0 || ms < toMs);
}

bool containsText(const Api::TaskSpec &spec, const QString &text)
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

} // namespace

bool matchesQuery(const Api::Task &task, const Api::TaskQuery &query)
{
    if (!query.states.isEmpty() && !query.states.contains(task.state))
        return false;
    if (query.swarmId.isValid() && task.spec.swarmId != query.swarmId)
        return false;
    if (!query.strategy.isEmpty() && (!task.spec.strategy || task.spec.strategy->name != query.strategy))
        return false;
    if (!inTimeRange(task.createdMs, query.createdFromMs, query.createdToMs))
        return false;
    return query.text.isEmpty() || containsText(task.spec, query.text);
}

bool matchesQuery(const Api::Decision &decision, const Api::DecisionQuery &query)
{
    if (query.swarmId.isValid() && decision.swarmId != query.swarmId)
        return false;
    if (query.taskId.isValid() && decision.taskId != query.taskId)
        return false;
    if (!query.strategy.isEmpty() && decision.strategy.name != query.strategy)
        return false;
    if (query.outcome && decision.outcome != *query.outcome)
        return false;
    if (decision.agreement < query.minAgreement || decision.agreement > query.maxAgreement)
        return false;
    return inTimeRange(decision.createdMs, query.createdFromMs, query.createdToMs);
}

} // namespace QwenSwarm::Engine
