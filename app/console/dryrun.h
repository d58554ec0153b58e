#pragma once

#include <api/backend.h>

#include <QObject>

#include <memory>

namespace QwenSwarm::Engine {
class InProcessBackend;
}

namespace QwenSwarm::Console {

/// A dry run: the workflow runs on a throwaway core of its own (in memory, simulated agents only,
/// never a network), approval steps approved as they come, and what each step took becomes the
/// estimate of what it will take for real: tasks, model calls, tokens, cost and time.
///
/// Each swarm the workflow names is built from `swarms` when a spec of that name is given (for
/// instance mirrored from the connected core by simulatedSwarm()), else shaped like the demo swarm.
/// Simulated latencies run `timeScale` times faster; durations are scaled back.
class DryRun : public QObject
{
    Q_OBJECT

public:
    DryRun(Api::Workflow workflow, QJsonObject inputs, QList<Api::SwarmSpec> swarms = {}, int timeScale = 10,
           QObject *parent = nullptr);
    ~DryRun() override;

    /// Starts; progress() follows, then finished() once, always later.
    void start();

    /// A swarm of simulated agents like `swarm`'s: the same names, roles, tags and limits; an agent
    /// on the simulated provider keeps its parameters, any other gets the demo's middle agent's.
    static Api::SwarmSpec simulatedSwarm(const Api::Swarm &swarm, const QList<Api::Agent> &agents);

Q_SIGNALS:
    void progress(int stepsFinished, int steps);
    void finished(const QwenSwarm::Api::Result<QwenSwarm::Api::RunEstimate> &estimate);

private:
    void createSwarms(int index);
    void startRun();
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void collect(const Api::Run &run);
    void fail(const Api::Error &error);

    Api::Workflow m_workflow;
    QJsonObject m_inputs;
    QList<Api::SwarmSpec> m_swarms;
    int m_timeScale;
    std::unique_ptr<Engine::InProcessBackend> m_backend;
    Api::RunId m_run;
    bool m_done = false;
};

} // namespace QwenSwarm::Console
