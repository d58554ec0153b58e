#include "designer/coreenvironment.h"

namespace QwenSwarm::Ui {

using namespace Api;

CoreEnvironment::CoreEnvironment(Backend &backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    m_retry.setInterval(15000);
    connect(&m_retry, &QTimer::timeout, this, &CoreEnvironment::refresh);
    connect(&m_backend, &Backend::eventsReceived, this, [this](SubscriptionId id, const QList<Event> &) {
        if (id == m_subscription && m_subscription.isValid())
            refresh(); // a swarm came or went: the names validation checks change
    });
}

CoreEnvironment::~CoreEnvironment()
{
    if (m_subscription.isValid())
        m_backend.unsubscribe(m_subscription, &m_backend, [](Result<void>) {});
}

void CoreEnvironment::start()
{
    subscribe();
    refresh();
}

void CoreEnvironment::subscribe()
{
    if (m_subscription.isValid() || m_subscribing)
        return;
    m_subscribing = true;
    SubscriptionSpec spec;
    spec.topics = {Topic::Swarms};
    m_backend.subscribe(spec, this, [this](Result<Subscription> subscribed) {
        m_subscribing = false;
        if (subscribed)
            m_subscription = subscribed->id;
    });
}

void CoreEnvironment::refresh()
{
    if (m_pending)
        return;
    m_pending = true;
    m_backend.info(this, [this](Result<BackendInfo> info) {
        if (!info)
            return answered(false, {});
        const QStringList strategies = info->strategies;
        m_backend.listSwarms(this, [this, strategies](Result<QList<Swarm>> swarms) {
            if (!swarms)
                return answered(false, {});
            WorkflowEnvironment environment;
            for (const Swarm &swarm : *swarms)
                environment.swarms.append(swarm.name);
            environment.strategies = strategies;
            answered(true, environment);
        });
    });
}

void CoreEnvironment::answered(bool connected, WorkflowEnvironment environment)
{
    m_pending = false;
    m_connected = connected;
    m_environment = std::move(environment);
    if (connected) {
        m_retry.stop();
        subscribe(); // a core that came back after a failed start
    } else {
        m_retry.start(); // offline: designing goes on; ask again later
    }
    Q_EMIT changed();
}

} // namespace QwenSwarm::Ui
