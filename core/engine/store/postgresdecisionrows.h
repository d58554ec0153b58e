#pragma once

#include "store/postgresvalues.h"

#include <api/decision.h>
#include <api/error.h>

#include <string>

namespace pqxx {
class result;
} // namespace pqxx

namespace QwenSwarm::Engine {

/// How PostgresStore keeps decisions (the decisions row, one votes row per vote, the operator's
/// feedback in decision_feedback; layout in postgresschema.cpp) and reads them back. Writes take
/// many decisions at once, one array per column, as parts of a PostgresStatement.
class PostgresDecisionRows
{
public:
    /// Inserts decisions with their votes; a decision already stored is left as it is, votes and
    /// all (immutable), and a vote is only written with its decision. Each decision at most once.
    /// Parameters: decisionColumns(), then voteColumns().
    static const char *const insertPart;
    /// Stores operators' verdicts, each replacing an earlier one. Parameters: feedbackColumns().
    static const char *const feedbackPart;
    /// "SELECT <decision and feedback columns> FROM decisions d LEFT JOIN decision_feedback f ...",
    /// for read(); callers append WHERE (on d.*) and ORDER BY.
    static const std::string selectSql;
    /// The votes of the decisions whose ids are in the array parameter $1, for addVotes().
    static const std::string votesSql;

    static PostgresColumns decisionColumns();
    static PostgresColumns voteColumns();
    static PostgresColumns feedbackColumns();
    /// Adds a decision to decisionColumns() and its votes to voteColumns().
    static void add(PostgresColumns &decisions, PostgresColumns &votes, const Api::Decision &decision);
    static void add(PostgresColumns &feedback, Api::DecisionId id, const Api::DecisionFeedback &f);

    /// The decision in a row of a selectSql query, with its feedback and its rounds, without votes
    /// (addVotes()). The explanation is left empty: it is derived from the trail when read.
    static Api::Result<Api::Decision> read(const PostgresRow &row);
    /// Adds the votes of a votesSql query to `decisions` (which hold every decision asked for).
    static Api::Result<void> addVotes(QList<Api::Decision> &decisions, const pqxx::result &votes);
};

} // namespace QwenSwarm::Engine
