#pragma once

#include "store/store.h"

#include <QHash>

namespace QwenSwarm::Engine {

/// Everything in memory, for tests, benchmarks and throw-away runs. Answers synchronously.
class MemoryStore final : public Store
{
public:
    QString kind() const override { return QStringLiteral("memory"); }
    void write(std::vector<StoreWrite> writes, Reply<void> done) override;
    void load(Reply<StoreSnapshot> done) override;
    void task(Api::TaskId id, Reply<Api::Task> done) override;
    void queryTasks(const Api::TaskQuery &query, Reply<Api::Page<Api::Task>> done) override;
    void decision(Api::DecisionId id, Reply<Api::Decision> done) override;
    void queryDecisions(const Api::DecisionQuery &query, Reply<Api::Page<Api::Decision>> done) override;

private:
    void apply(SwarmWrite &&w);
    void apply(AgentWrite &&w);
    void apply(TaskWrite &&w);
    void apply(TaskProgress &&w);
    void apply(DecisionWrite &&w);

    QHash<Api::SwarmId, Api::Swarm> m_swarms;
    QHash<Api::AgentId, Api::Agent> m_agents;
    // Sorted by id; ids grow, so writes of new records append.
    std::vector<Api::Task> m_tasks;
    std::vector<Api::Decision> m_decisions;
};

} // namespace QwenSwarm::Engine
