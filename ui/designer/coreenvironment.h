#pragma once

#include <api/backend.h>

#include <QObject>
#include <QTimer>

namespace QwenSwarm::Ui {

/// What the connected core offers a workflow: its swarms' names and its strategies, which
/// validation checks names against. Without a core (or while it cannot be reached) it is offline
/// with empty lists, so those checks are skipped and designing goes on; it asks again now and then,
/// and again whenever a swarm comes or goes.
class CoreEnvironment : public QObject
{
    Q_OBJECT

public:
    explicit CoreEnvironment(Api::Backend &backend, QObject *parent = nullptr);
    ~CoreEnvironment() override;

    /// Asks the core (and subscribes to swarm events). Nothing is asked before.
    void start();
    void refresh();
    bool isConnected() const { return m_connected; }
    const Api::WorkflowEnvironment &environment() const { return m_environment; }

Q_SIGNALS:
    /// The connection state or the names changed (or were asked again).
    void changed();

private:
    void subscribe();
    void answered(bool connected, Api::WorkflowEnvironment environment);

    Api::Backend &m_backend;
    Api::WorkflowEnvironment m_environment;
    Api::SubscriptionId m_subscription;
    QTimer m_retry;
    bool m_connected = false;
    bool m_pending = false;
    bool m_subscribing = false;
};

} // namespace QwenSwarm::Ui
