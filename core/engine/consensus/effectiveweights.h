#pragma once

#include <api/decision.h>

namespace QwenSwarm::Engine {

/// The weights votes count with in strategies that may weigh votes by reputation. With weights in
/// use, a valid vote counts its weight, or 0 when the weight is not positive (an agent no better
/// than a coin adds nothing); but when no valid vote has a positive weight (nothing learned yet:
/// every agent at p = 0.5 has log-odds weight 0) every valid vote counts 1, so that a new swarm can
/// still decide, and so learn. Without weights, every valid vote counts 1. Uncounted votes weigh 0.
class EffectiveWeights
{
public:
    EffectiveWeights(const Api::Round &round, bool useWeights);

    /// The round with every vote's weight replaced by the weight it counts with.
    const Api::Round &round() const { return m_round; }
    double total() const { return m_total; }
    /// Weights were asked for, but none was positive, so every valid vote counted 1.
    bool fellBackToCounting() const { return m_fellBack; }
    /// For an explanation: how the votes were weighed, e.g. "each valid vote counts 1".
    QString describe() const;

private:
    Api::Round m_round;
    double m_total = 0;
    bool m_useWeights = false;
    bool m_fellBack = false;
};

} // namespace QwenSwarm::Engine
