#pragma once

#include <api/query.h>

namespace QwenSwarm::Engine {

/// Whether a record satisfies a query's filters (paging aside). Stores that cannot push filters into
/// an index use these; they define what the filters mean.
bool matchesQuery(const Api::Task &task, const Api::TaskQuery &query);
bool matchesQuery(const Api::Decision &decision, const Api::DecisionQuery &query);

} // namespace QwenSwarm::Engine
