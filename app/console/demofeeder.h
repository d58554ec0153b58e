#pragma once

#include <api/backend.h>

#include <QObject>
#include <QTimer>

#include <random>

namespace QwenSwarm::Console {

/// The demo the console starts with: creates the demo swarm (from resources) and keeps a steady
/// stream of arithmetic tasks with known answers flowing, so every view has something to show.
/// Talks to the Backend only, so it works the same against an attached daemon.
class DemoFeeder : public QObject
{
    Q_OBJECT

public:
    DemoFeeder(Api::Backend &backend, int tasksPerSecond, QObject *parent = nullptr);

    /// The demo swarm, as resources/demo/demo-swarm.json defines it.
    static Api::Result<Api::SwarmSpec> demoSwarmSpec();

    void start();
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void failed(const QString &message);

private:
    void useSwarm(Api::SwarmId id);
    void submitOne();

    Api::Backend &m_backend;
    QTimer m_timer;
    Api::SwarmId m_swarm;
    std::mt19937 m_random {20261127};
    QString m_lastError;
    bool m_submitting = false;
};

} // namespace QwenSwarm::Console
