#pragma once

#include <api/backend.h>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <random>

namespace QwenSwarm::Console {

/// The demo the console starts with: creates the demo swarm (from resources) and keeps a steady
/// stream of arithmetic tasks with known answers flowing, so every view has something to show.
/// Talks to the Backend only, so it works the same against an attached daemon.
///
/// At high rates the tasks go in batches (one submitTasks call per tick, at most one call in flight:
/// a slow backend is not flooded, the rate catches up within a second and never beyond).
class DemoFeeder : public QObject
{
    Q_OBJECT

public:
    /// `agents` 0 is the demo swarm as the resources define it, every agent answering each task.
    /// Otherwise a swarm "demo-<agents>" of that many agents cycled from the same six templates,
    /// answering in about 20 ms (the standard workload's latency), five chosen at random per task.
    DemoFeeder(Api::Backend &backend, int tasksPerSecond, int agents = 0, QObject *parent = nullptr);

    /// The demo swarm, as resources/demo/demo-swarm.json defines it.
    static Api::Result<Api::SwarmSpec> demoSwarmSpec();
    /// The demo swarm grown (or shrunk) to `agents` agents; see the constructor.
    static Api::Result<Api::SwarmSpec> demoSwarmSpec(int agents);

    void start();
    QString lastError() const { return m_lastError; }
    /// Tasks the backend has accepted so far.
    qint64 accepted() const { return m_accepted; }

Q_SIGNALS:
    void failed(const QString &message);

private:
    void useSwarm(const Api::Swarm &swarm);
    void tick();
    Api::TaskSpec nextTask();

    Api::Backend &m_backend;
    const int m_rate;
    const int m_agents;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_due = 0; ///< Tasks owed by the rate and not yet submitted.
    Api::SwarmId m_swarm;
    QList<Api::AgentId> m_pool; ///< Agents to choose from per task; empty: all of the swarm's.
    std::mt19937 m_random {20261127};
    QString m_lastError;
    qint64 m_accepted = 0;
    bool m_submitting = false;
};

} // namespace QwenSwarm::Console
