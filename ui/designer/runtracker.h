#pragma once

#include <api/backend.h>

#include <QHash>
#include <QObject>
#include <QTimer>

namespace QwenSwarm::Ui {

/// Starts a run of a workflow on the connected core and follows it: run events (Topic::Runs) of that
/// run update each step's state at once; a step that finishes (and the run's end) fetches the run
/// for outputs and agreement. The designer colours its nodes from steps().
class RunTracker : public QObject
{
    Q_OBJECT

public:
    explicit RunTracker(Api::Backend &backend, QObject *parent = nullptr);
    ~RunTracker() override;

    /// Subscribes to run events (once; again after a failure).
    void start();
    bool isSubscribed() const { return m_subscription.isValid(); }

    void startRun(const Api::Workflow &workflow, const QJsonObject &inputs);
    /// Cancels the run being followed.
    void cancel();
    void approve(const QString &stepId, const Api::Approval &approval);
    /// Forgets the run (its colours go).
    void clear();

    Api::RunId runId() const { return m_runId; }
    bool isStarting() const { return m_starting; }
    /// Whether a run is followed and not finished.
    bool isActive() const;
    Api::RunState runState() const { return m_runState; }
    const QHash<QString, Api::StepRun> &steps() const { return m_steps; }
    /// The value an approval step shows (its output while it waits).
    QJsonValue waitingValue(const QString &stepId) const;

Q_SIGNALS:
    /// A step's or the run's state changed, or outputs arrived.
    void changed();
    void runStarted(Api::RunId id);
    void runFinished(Api::RunState state, const QString &reason);
    void failed(const QString &message);

private:
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void apply(const Api::Run &run);
    void fetch();

    Api::Backend &m_backend;
    Api::SubscriptionId m_subscription;
    bool m_subscribing = false;
    bool m_starting = false;
    Api::RunId m_runId;
    Api::RunState m_runState = Api::RunState::Running;
    QHash<QString, Api::StepRun> m_steps;
    QTimer m_fetch; ///< Coalesces fetches of the run after bursts of events.
    bool m_finishedReported = false;
};

} // namespace QwenSwarm::Ui
