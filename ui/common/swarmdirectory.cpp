#include "common/swarmdirectory.h"

#include "common/erroradvice.h"

#include <algorithm>

namespace QwenSwarm::Ui {

using namespace Api;

SwarmDirectory::SwarmDirectory(Backend &backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    connect(&m_backend, &Backend::eventsReceived, this, &SwarmDirectory::onEvents);
    connect(&m_backend, &Backend::eventsDropped, this, [this](SubscriptionId id, quint64, quint64) {
        if (id == m_subscription)
            reload();
    });
}

SwarmDirectory::~SwarmDirectory()
{
    // The backend outlives its views; it stops streaming what nobody shows.
    if (m_subscription.isValid())
        m_backend.unsubscribe(m_subscription, &m_backend, [](Api::Result<void>) {});
}

void SwarmDirectory::start()
{
    SubscriptionSpec spec;
    spec.topics = {Topic::Swarms};
    m_backend.subscribe(spec, this, [this](Result<Subscription> subscribed) {
        if (!subscribed)
            Q_EMIT failed(tr("Swarm changes are not followed: %1").arg(ErrorAdvice::describe(subscribed.error())));
        else
            m_subscription = subscribed->id;
        reload();
    });
}

void SwarmDirectory::reload()
{
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    m_backend.listSwarms(this, [this](Result<QList<Swarm>> swarms) {
        m_loading = false;
        if (!swarms) {
            Q_EMIT failed(tr("The swarms cannot be listed: %1").arg(ErrorAdvice::describe(swarms.error())));
        } else {
            m_swarms.clear();
            for (const Swarm &s : swarms.value())
                m_swarms.insert(s.id, s);
            m_loaded = true;
            Q_EMIT changed();
        }
        if (std::exchange(m_reloadAgain, false))
            reload();
    });
}

QString SwarmDirectory::name(SwarmId id) const
{
    const auto it = m_swarms.constFind(id);
    return it != m_swarms.cend() ? it->name : QStringLiteral("#%1").arg(id.value);
}

QList<Swarm> SwarmDirectory::swarms() const
{
    QList<Swarm> list = m_swarms.values();
    std::sort(list.begin(), list.end(), [](const Swarm &a, const Swarm &b) { return a.id < b.id; });
    return list;
}

void SwarmDirectory::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id != m_subscription)
        return;
    for (const Event &event : events) {
        if (std::holds_alternative<SwarmEvent>(event.payload))
            return reload(); // rare: the whole list is cheap
    }
}

} // namespace QwenSwarm::Ui
