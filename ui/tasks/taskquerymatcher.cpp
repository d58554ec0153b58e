#include "tasks/taskquerymatcher.h"

namespace QwenSwarm::Ui {

bool TaskQueryMatcher::matches(const Api::Task &task, const Api::TaskQuery &query)
{
    if (!query.states.isEmpty() && !query.states.contains(task.state))
        return false;
    if (query.swarmId.isValid() && task.spec.swarmId != query.swarmId)
        return false;
    const QString strategy = task.spec.strategy ? task.spec.strategy->name : QString();
    if (!query.strategy.isEmpty() && strategy != query.strategy)
        return false;
    if ((query.createdFromMs != 0 && task.createdMs < query.createdFromMs)
        || (query.createdToMs != 0 && task.createdMs >= query.createdToMs))
        return false;
    return query.text.isEmpty() || matchesText(task.spec, query.text);
}

bool TaskQueryMatcher::matchesText(const Api::TaskSpec &spec, const QString &text)
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

} // namespace QwenSwarm::Ui
