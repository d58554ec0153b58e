#pragma once

#include "store/sqlitedatabase.h"

#include <api/decision.h>

namespace QwenSwarm::Engine {

/// How SqliteStore keeps a decision (the decisions row, one votes row per vote, the operator's
/// feedback in decision_feedback; layout in sqliteschema.cpp) and reads it back.
class SqliteDecisionRows
{
public:
    /// "SELECT <decision and feedback columns> FROM decisions d LEFT JOIN decision_feedback f ...",
    /// for read(); callers append WHERE (on d.*) and ORDER BY.
    static const QByteArray selectSql;

    /// Writes a decision with its votes; a decision already stored is left as it is (immutable).
    static Api::Result<void> insert(SqliteDatabase &db, const Api::Decision &decision);
    /// Stores an operator's verdict, replacing an earlier one.
    static Api::Result<void> setFeedback(SqliteDatabase &db, Api::DecisionId id, const Api::DecisionFeedback &f);
    /// The decision in the current row of a selectSql query, with its votes and feedback. The
    /// explanation is left empty: it is derived from the trail when read.
    static Api::Result<Api::Decision> read(SqliteDatabase &db, const SqliteStatement &row);
};

} // namespace QwenSwarm::Engine
