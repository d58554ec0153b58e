#pragma once

#include <api/agent.h>

#include <QHash>
#include <QList>

#include <algorithm>

namespace QwenSwarm::Ui {

/// The agent state transitions of the last minutes, to replay the graph as it was: the state of an
/// agent at a past moment is the `from` of its first transition after that moment (or its current
/// state when it has none since). Keeps at most `window` milliseconds, and at most `capacity`
/// transitions: a thousand busy agents change state tens of thousands of times a second, and the
/// console's memory must not grow with that, so under such load the replay reaches less far back.
class AgentStateHistory
{
public:
    struct Transition
    {
        qint64 timeMs = 0;
        Api::AgentId agent;
        Api::AgentState from = Api::AgentState::Created;
        Api::AgentState to = Api::AgentState::Created;
    };

    explicit AgentStateHistory(qint64 windowMs = 10 * 60 * 1000, qsizetype capacity = 500'000)
        : m_windowMs(windowMs)
        , m_capacity(std::max<qsizetype>(capacity, 1))
    { }

    /// Transitions must come in time order (as events do).
    void record(const Transition &transition);
    qint64 oldestMs() const { return m_transitions.isEmpty() ? 0 : m_transitions.constFirst().timeMs; }
    qsizetype size() const { return m_transitions.size(); }
    /// Transitions within the window were dropped for room: nothing before oldestMs() is known.
    bool isTruncated() const
    {
        return m_droppedUpToMs > 0 && !m_transitions.isEmpty()
            && m_droppedUpToMs >= m_transitions.constLast().timeMs - m_windowMs;
    }
    /// The state `agent` had at `timeMs`, given the state it has now.
    Api::AgentState stateAt(Api::AgentId agent, qint64 timeMs, Api::AgentState current) const;
    /// Agents that became busy in (fromMs, toMs], with how many times.
    QHash<Api::AgentId, int> busyBetween(qint64 fromMs, qint64 toMs) const;

private:
    qint64 m_windowMs;
    qsizetype m_capacity;
    QList<Transition> m_transitions;
    qint64 m_droppedUpToMs = 0; // the newest transition dropped for room
};

} // namespace QwenSwarm::Ui
