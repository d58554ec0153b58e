#include "learning/agentrouter.h"

#include "agents/agentregistry.h"
#include "learning/betasampler.h"
#include "learning/reputationbook.h"

#include <algorithm>

namespace QwenSwarm::Engine {

std::vector<AgentRuntime *> AgentRouter::choose(const std::vector<Candidate> &candidates, const ReputationBook &book,
                                                const QStringList &tags, int maxAgents, double budgetUsd,
                                                qint64 timeLeftMs, SplitMix64 &rng)
{
    struct Draw
    {
        const Candidate *candidate;
        double theta;
    };
    std::vector<Draw> draws;
    draws.reserve(candidates.size());
    for (const Candidate &c : candidates) {
        // The tag reputation once it is confident, else the overall one (as for vote weights).
        const Api::AgentId id = c.agent->agent.id;
        Api::Reputation r = book.reputation(id);
        for (const QString &tag : tags) {
            const Api::Reputation t = book.reputation(id, tag);
            if (t.updates >= ReputationBook::tagConfidence && t.updates > r.updates)
                r = t;
        }
        draws.push_back({&c, BetaSampler::beta(r.alpha, r.beta, rng)});
    }
    std::stable_sort(draws.begin(), draws.end(), [](const Draw &a, const Draw &b) { return a.theta > b.theta; });

    std::vector<AgentRuntime *> chosen;
    double spent = 0;
    for (const Draw &d : draws) {
        if (maxAgents > 0 && static_cast<int>(chosen.size()) == maxAgents)
            break;
        const bool affordable = budgetUsd <= 0 || spent + d.candidate->expectedCostUsd <= budgetUsd;
        const bool inTime = timeLeftMs <= 0 || d.candidate->expectedLatencyMs <= static_cast<double>(timeLeftMs);
        if (!affordable || !inTime)
            continue;
        spent += d.candidate->expectedCostUsd;
        chosen.push_back(d.candidate->agent);
    }
    if (chosen.empty() && !candidates.empty()) {
        const auto cheapest
            = std::min_element(candidates.cbegin(), candidates.cend(), [](const Candidate &a, const Candidate &b) {
                  return a.expectedCostUsd < b.expectedCostUsd;
              });
        chosen.push_back(cheapest->agent);
    }
    return chosen;
}

} // namespace QwenSwarm::Engine
