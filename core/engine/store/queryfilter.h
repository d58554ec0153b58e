#pragma once

#include <api/audit.h>
#include <api/query.h>
#include <api/workflow.h>

namespace QwenSwarm::Engine {

/// What the query filters mean, for stores that cannot push them into an index. The field-level
/// forms let a store test what it keeps unpacked before it decodes a record.
bool matchesTaskFields(Api::TaskState state, Api::SwarmId swarm, const QString &strategy, qint64 createdMs,
                       const Api::TaskQuery &query);
/// The case-insensitive text search of a TaskQuery: prompt, tags and string variables.
bool taskSpecContains(const Api::TaskSpec &spec, const QString &text);
bool matchesQuery(const Api::Task &task, const Api::TaskQuery &query);

bool matchesDecisionFields(Api::SwarmId swarm, Api::TaskId task, const QString &strategy, Api::DecisionOutcome outcome,
                           double agreement, qint64 createdMs, const Api::DecisionQuery &query);
bool matchesQuery(const Api::Decision &decision, const Api::DecisionQuery &query);

bool matchesQuery(const Api::AuditEntry &entry, const Api::AuditQuery &query);

/// A run matches when its state is one of the query's (any when none) and its workflow has the
/// query's name (any when empty).
bool matchesQuery(const Api::Run &run, const Api::RunQuery &query);

} // namespace QwenSwarm::Engine
