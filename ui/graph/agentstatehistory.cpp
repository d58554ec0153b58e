#include "graph/agentstatehistory.h"

#include <algorithm>

namespace QwenSwarm::Ui {

using namespace Api;

void AgentStateHistory::record(const Transition &transition)
{
    m_transitions.append(transition);
    const qint64 cutoff = transition.timeMs - m_windowMs;
    const auto firstKept = std::find_if(m_transitions.cbegin(), m_transitions.cend(),
                                        [cutoff](const Transition &t) { return t.timeMs >= cutoff; });
    m_transitions.erase(m_transitions.cbegin(), firstKept);
    if (m_transitions.size() > m_capacity + m_capacity / 8) { // trimmed in steps, not at every record
        const qsizetype excess = m_transitions.size() - m_capacity;
        m_droppedUpToMs = m_transitions.at(excess - 1).timeMs;
        m_transitions.remove(0, excess);
    }
}

AgentState AgentStateHistory::stateAt(AgentId agent, qint64 timeMs, AgentState current) const
{
    const auto after = std::upper_bound(m_transitions.cbegin(), m_transitions.cend(), timeMs,
                                        [](qint64 t, const Transition &tr) { return t < tr.timeMs; });
    for (auto it = after; it != m_transitions.cend(); ++it) {
        if (it->agent == agent)
            return it->from;
    }
    return current;
}

QHash<AgentId, int> AgentStateHistory::busyBetween(qint64 fromMs, qint64 toMs) const
{
    QHash<AgentId, int> busy;
    const auto begin = std::upper_bound(m_transitions.cbegin(), m_transitions.cend(), fromMs,
                                        [](qint64 t, const Transition &tr) { return t < tr.timeMs; });
    for (auto it = begin; it != m_transitions.cend() && it->timeMs <= toMs; ++it) {
        if (it->to == AgentState::Busy)
            ++busy[it->agent];
    }
    return busy;
}

} // namespace QwenSwarm::Ui
