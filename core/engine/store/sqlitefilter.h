#pragma once

#include "store/sqlitestatement.h"

#include <api/audit.h>
#include <api/learning.h>
#include <api/query.h>
#include <api/workflow.h>

#include <variant>
#include <vector>

namespace QwenSwarm::Engine {

class SqliteDatabase;

/// The WHERE clause of a paged query, built from the query's filters, and its parameters. The same
/// filters always give the same SQL text, so each combination is prepared once and reused. The
/// meaning of every filter is MemoryStore's (queryfilter.h).
class SqliteFilter
{
public:
    /// Tasks below `beforeId` (0 = all) matching `query`; columns as in the tasks table.
    static SqliteFilter of(const Api::TaskQuery &query, quint64 beforeId);
    /// Decisions below `beforeId` matching `query`; columns qualified with "d.".
    static SqliteFilter of(const Api::DecisionQuery &query, quint64 beforeId);
    /// History points below `beforeId` matching `query`.
    static SqliteFilter of(const Api::ReputationQuery &query, quint64 beforeId);
    /// Audit entries below `beforeId` matching `query`.
    static SqliteFilter of(const Api::AuditQuery &query, quint64 beforeId);
    /// Runs below `beforeId` matching `query`; columns as in the workflow_runs table.
    static SqliteFilter of(const Api::RunQuery &query, quint64 beforeId);

    /// Registers the SQL function the task text search uses: qs_task_text(prompt, tags, variables,
    /// text) is 1 when taskSpecContains() would say so of a spec with that prompt, tags and variables.
    static Api::Result<void> registerFunctions(SqliteDatabase &db);

    /// " WHERE a AND b ..." (empty without conditions).
    QByteArray where() const;
    /// Binds the parameters of where(), numbered from 1; answers the next free number.
    int bind(SqliteStatement &statement) const;

private:
    using Value = std::variant<qint64, double, QString>;
    void add(const char *condition);
    void add(const char *condition, Value value);
    /// "`column` IN (?, ...)" of the wire names of `values`; nothing when there are none.
    template<typename E>
    void addAnyOf(const char *column, const QList<E> &values);
    void addTimeRange(const char *column, qint64 fromMs, qint64 toMs);

    QByteArray m_conditions;
    std::vector<Value> m_values;
};

} // namespace QwenSwarm::Engine
