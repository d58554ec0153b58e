#pragma once

#include <api/audit.h>
#include <api/learning.h>
#include <api/query.h>
#include <api/workflow.h>

#include <string>
#include <vector>

namespace QwenSwarm::Engine {

/// The WHERE clause of a paged query, built from the query's filters, and its parameters (as text).
/// The same filters always give the same SQL text, so each combination is prepared once per session.
/// The meaning of every filter is MemoryStore's (queryfilter.h). A task query's text search is not
/// here: PostgresStore runs taskSpecContains() on the rows itself, so both stores find the same
/// tasks whatever the server's collation and case rules.
class PostgresFilter
{
public:
    /// Tasks below `beforeId` (0 = all) matching `query`'s fields; columns as in the tasks table.
    static PostgresFilter of(const Api::TaskQuery &query, quint64 beforeId);
    /// Decisions below `beforeId` matching `query`; columns qualified with "d.".
    static PostgresFilter of(const Api::DecisionQuery &query, quint64 beforeId);
    /// History points below `beforeId` matching `query`.
    static PostgresFilter of(const Api::ReputationQuery &query, quint64 beforeId);
    /// Audit entries below `beforeId` matching `query`.
    static PostgresFilter of(const Api::AuditQuery &query, quint64 beforeId);
    /// Runs below `beforeId` matching `query`; columns as in the workflow_runs table.
    static PostgresFilter of(const Api::RunQuery &query, quint64 beforeId);

    /// "SELECT ... WHERE a AND b ... ORDER BY `idColumn` DESC LIMIT $n", the limit being the last
    /// parameter.
    std::string select(const std::string &select, const char *idColumn) const;
    /// The parameters of select(), with `limit` last.
    std::vector<std::string> parameters(qint64 limit) const;

private:
    void add(const char *condition);
    void add(const char *condition, std::string value);
    /// "`column` IN (?, ...)" of the wire names of `values`; nothing when there are none.
    template<typename E>
    void addAnyOf(const char *column, const QList<E> &values);
    void addTimeRange(const char *column, qint64 fromMs, qint64 toMs);

    std::string m_conditions;
    std::vector<std::string> m_values;
};

} // namespace QwenSwarm::Engine
