#pragma once

#include <api/agent.h>

#include <QHash>
#include <QList>

namespace QwenSwarm::Ui {

/// The agent state transitions of the last minutes, to replay the graph as it was: the state of an
/// agent at a past moment is the `from` of its first transition after that moment (or its current
/// state when it has none since). Keeps at most `window` milliseconds.
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

    explicit AgentStateHistory(qint64 windowMs = 10 * 60 * 1000)
        : m_windowMs(windowMs)
    { }

    /// Transitions must come in time order (as events do).
    void record(const Transition &transition);
    qint64 oldestMs() const { return m_transitions.isEmpty() ? 0 : m_transitions.constFirst().timeMs; }
    qsizetype size() const { return m_transitions.size(); }
    /// The state `agent` had at `timeMs`, given the state it has now.
    Api::AgentState stateAt(Api::AgentId agent, qint64 timeMs, Api::AgentState current) const;
    /// Agents that became busy in (fromMs, toMs], with how many times.
    QHash<Api::AgentId, int> busyBetween(qint64 fromMs, qint64 toMs) const;

private:
    qint64 m_windowMs;
    QList<Transition> m_transitions;
};

} // namespace QwenSwarm::Ui
