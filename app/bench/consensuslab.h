#pragma once

#include <api/swarm.h>
#include <api/task.h>

#include <memory>

namespace QwenSwarm::Engine {
class Engine;
}

namespace QwenSwarm::Bench {

/// A fresh engine (memory store, simulated agents) on this thread, for running consensus
/// experiments: create one swarm, run tasks, read what was decided.
class ConsensusLab
{
public:
    struct Agent
    {
        double accuracy = 1;
        QJsonObject extra; ///< More simulated-provider parameters (conformity, prices, ...).
        Api::AgentRole role = Api::AgentRole::Worker;
    };

    struct Outcome
    {
        int tasks = 0;
        int right = 0; ///< Decided the reference answer.
        int wrong = 0; ///< Decided another answer.
        int undecided = 0;
        int rounds = 0; ///< Over all decisions.
        QList<Api::AgentId> soleVoters; ///< Per task, when one agent answered it (routing experiments).
        double accuracy() const { return tasks ? double(right) / tasks : 0; }
    };

    explicit ConsensusLab(quint64 seed);
    ~ConsensusLab();

    Api::Swarm createSwarm(const QList<Agent> &agents, const Api::StrategySpec &strategy,
                           Api::Topology topology = Api::Topology::Mesh);
    /// Runs `count` closed questions whose right answer is "A" among `choices`. `shape` adjusts each
    /// spec; `sequential` submits one task after the previous one finished.
    Outcome run(const Api::Swarm &swarm, int count, const QStringList &choices,
                const std::function<void(Api::TaskSpec &)> &shape = {}, bool sequential = false);
    Engine::Engine &engine() { return *m_engine; }

private:
    Outcome collect(const QList<Api::TaskId> &tasks);

    std::unique_ptr<Engine::Engine> m_engine;
};

} // namespace QwenSwarm::Bench
