#pragma once

#include <api/backend.h>

#include <QObject>
#include <QTimer>

namespace QwenSwarm::Ui {

/// The numbers an operator glances at, kept current from a Backend: counts from metrics snapshots
/// (polled, so nothing is lost to dropped events) and the newest decisions from the event stream.
/// Emits changed() at most `maxUpdatesPerSecond` times a second however fast events arrive.
class LiveSummary : public QObject
{
    Q_OBJECT

public:
    struct Counts
    {
        double submitted = 0;
        double succeeded = 0;
        double failed = 0; ///< failed + timed out
        double cancelled = 0;
        double queued = 0;
        double running = 0;
        double decisions = 0;
        double agentsWorking = 0; ///< idle + busy
        double agentsTotal = 0;
        double tasksPerSecond = 0;
        double costUsd = 0;
    };

    struct RecentDecision
    {
        Api::TaskId task;
        QString answer;
        double agreement = 0;
        bool decided = false;
    };

    explicit LiveSummary(Api::Backend &backend, QObject *parent = nullptr, int maxUpdatesPerSecond = 10);
    ~LiveSummary() override;

    /// Subscribes and starts polling.
    void start();
    const Counts &counts() const { return m_counts; }
    /// Newest first, at most 50.
    const QList<RecentDecision> &recentDecisions() const { return m_recent; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void changed();

private:
    void poll();
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void markChanged();

    Api::Backend &m_backend;
    Api::SubscriptionId m_subscription;
    QTimer m_pollTimer;
    QTimer m_emitTimer;
    bool m_pollInFlight = false;
    bool m_dirty = false;
    Counts m_counts;
    /// (time, finished tasks) of recent polls: the rate is taken over about the last five seconds.
    QList<std::pair<qint64, double>> m_finishedHistory;
    QList<RecentDecision> m_recent;
    QString m_lastError;
};

} // namespace QwenSwarm::Ui
