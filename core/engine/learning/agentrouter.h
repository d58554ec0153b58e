#pragma once

#include <QStringList>

#include <vector>

namespace QwenSwarm::Engine {

struct AgentRuntime;
class ReputationBook;
class SplitMix64;

/// Chooses the agents of an adaptively routed task (Thompson sampling under a budget): every
/// candidate's probability of being right is drawn from its reputation posterior, and candidates
/// are taken best draw first while their expected cost still fits the task's budget and their
/// expected latency the time left, up to maxAgents (0: as many as fit). Uncertain agents sometimes
/// draw high and get explored; agents known to be good draw high most of the time. If nothing fits,
/// the cheapest candidate answers alone.
class AgentRouter
{
public:
    struct Candidate
    {
        AgentRuntime *agent = nullptr;
        double expectedCostUsd = 0; ///< Average cost of its calls so far (0 when unknown).
        double expectedLatencyMs = 0; ///< Average latency of its calls so far (0 when unknown).
    };

    /// `budgetUsd` and `timeLeftMs`: 0 means no limit.
    static std::vector<AgentRuntime *> choose(const std::vector<Candidate> &candidates, const ReputationBook &book,
                                              const QStringList &tags, int maxAgents, double budgetUsd,
                                              qint64 timeLeftMs, SplitMix64 &rng);
};

} // namespace QwenSwarm::Engine
