#pragma once

#include <api/query.h>

namespace QwenSwarm::Ui {

/// Whether a task belongs to the result of a TaskQuery, as the backend decides it: states, swarm,
/// the strategy in its spec (the backend writes the swarm's default there at acceptance), creation
/// time, and the case-insensitive text search in prompt, tags and string variables. Lets the tasks
/// model keep live rows consistent with the query it paged.
class TaskQueryMatcher
{
public:
    static bool matches(const Api::Task &task, const Api::TaskQuery &query);
    static bool matchesText(const Api::TaskSpec &spec, const QString &text);
};

} // namespace QwenSwarm::Ui
