#include "consensus/effectiveweights.h"

#include <algorithm>
#include <cmath>

namespace QwenSwarm::Engine {

EffectiveWeights::EffectiveWeights(const Api::Round &round, bool useWeights)
    : m_round(round)
    , m_useWeights(useWeights)
{
    // A weight that is not a finite number is a bug upstream; it counts nothing rather than everything.
    const auto positive = [](const Api::Vote &vote) {
        return vote.status == Api::VoteStatus::Valid && std::isfinite(vote.weight) && vote.weight > 0;
    };
    const bool anyPositive = std::any_of(round.votes.cbegin(), round.votes.cend(), positive);
    m_fellBack = useWeights && !anyPositive;
    const bool weigh = useWeights && anyPositive;
    for (Api::Vote &vote : m_round.votes) {
        if (vote.status != Api::VoteStatus::Valid)
            vote.weight = 0;
        else if (!weigh)
            vote.weight = 1;
        else if (!positive(vote))
            vote.weight = 0;
        m_total += vote.weight;
    }
}

QString EffectiveWeights::describe() const
{
    if (!m_useWeights)
        return QStringLiteral("each valid vote counts 1");
    if (m_fellBack)
        return QStringLiteral("no valid vote had a positive weight (nothing learned yet), so each counted 1");
    return QStringLiteral("each valid vote counts its reputation weight, 0 if not positive");
}

} // namespace QwenSwarm::Engine
