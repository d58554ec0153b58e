#pragma once

#include "store/postgresstatement.h"
#include "store/store.h"

#include <vector>

namespace QwenSwarm::Engine {

/// How PostgresStore turns one write() into a few statements of many rows each, with exactly the
/// effect of applying the writes one by one, in order (MemoryStore's semantics):
/// - Tables do not depend on each other, so each table's writes can go in a statement of their own.
/// - Swarms, agents, feedback, current reputations, recorded calls and workflow runs are written
///   whole and unguarded: the last write of a record in the batch decides, so only it is kept.
/// - Decisions are immutable: the first write of an id decides, so only it is kept.
/// - History points are all kept, in order (their ids are the order of writing).
/// - A task's writes are guarded by what is stored, so they keep their order: the i-th write of each
///   task goes to round i, and rounds run one after the other (within a round, each task appears
///   once). Progress that a later write of the same batch makes moot is left out first (the rule
///   is SqliteStore's: see moot()), so a task carried through several states in one batch usually
///   takes one round, or two when the batch also inserted it.
class PostgresBatch
{
public:
    /// One round of task writes: full writes and progress, of different tasks.
    struct TaskRound
    {
        std::vector<const Api::Task *> writes;
        std::vector<const TaskProgress *> progress;
    };

    /// Plans `writes`, which must outlive the batch.
    explicit PostgresBatch(const std::vector<StoreWrite> &writes);

    /// The statements that write the batch, to run in this order in one transaction: one (every
    /// table, and the first round of task writes), and one more per further round of task writes.
    /// None for a batch without writes.
    std::vector<PostgresStatement> statements() const;

    std::vector<const Api::Swarm *> swarms;
    std::vector<quint64> removedSwarms;
    std::vector<const Api::Agent *> agents;
    std::vector<quint64> removedAgents;
    std::vector<TaskRound> taskRounds;
    std::vector<const Api::Decision *> decisions;
    std::vector<const FeedbackWrite *> feedback;
    std::vector<const Api::Reputation *> reputations;
    std::vector<const Api::ReputationPoint *> points;
    std::vector<const ProviderCallWrite *> providerCalls;
    std::vector<const ProviderWrite *> providers; ///< The last write of each provider.
    std::vector<const Api::AuditEntry *> audit; ///< All kept, in order (ids are the order of writing).
    std::vector<const Api::Run *> runs; ///< The last write of each run.
    std::vector<const MetricsRollupWrite *> rollups; ///< The last write of each minute.

    /// The writes of a batch that a later write of the same batch makes moot: progress p of a task
    /// when the task's next (not moot) write in the batch is progress q with p.attempt <= q.attempt
    /// and p is not "succeeded". Whether p applies or not, q then applies exactly when it would
    /// without p, and q sets every field p sets.
    static std::vector<bool> moot(const std::vector<StoreWrite> &writes);

private:
    struct Planner;
    void addConfiguration(PostgresStatement &statement) const;
    static void addTasks(PostgresStatement &statement, const TaskRound &round);
    void addDecisions(PostgresStatement &statement) const;
    void addLearning(PostgresStatement &statement) const;
    void addAudit(PostgresStatement &statement) const;
    void addRuns(PostgresStatement &statement) const;
    void addRollups(PostgresStatement &statement) const;
};

} // namespace QwenSwarm::Engine
