#include "connect/connectionmonitor.h"

namespace QwenSwarm::Ui {

void ConnectionMonitor::setEndpoint(bool remote, const QString &endpoint, const QString &tls, const QString &profile)
{
    m_remote = remote;
    m_endpoint = endpoint;
    m_tls = tls;
    m_profile = profile;
    Q_EMIT changed();
}

void ConnectionMonitor::setRole(const QString &role)
{
    m_role = role;
    Q_EMIT changed();
}

void ConnectionMonitor::setConnected()
{
    m_problem.reset();
    setState(State::Connected);
}

void ConnectionMonitor::setConnecting()
{
    setState(m_state == State::Connected || m_problem ? State::Reconnecting : State::Connecting);
}

void ConnectionMonitor::reportProblem(const ConnectionProblem &problem)
{
    m_problem = problem;
    setState(problem.retrying() ? State::Reconnecting : State::Failed);
    Q_EMIT problemOccurred(problem);
}

void ConnectionMonitor::setState(State state)
{
    m_state = state;
    Q_EMIT changed();
}

} // namespace QwenSwarm::Ui
