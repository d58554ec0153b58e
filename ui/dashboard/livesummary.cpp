#include "dashboard/livesummary.h"

#include <QDateTime>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr qsizetype maxRecent = 50;
constexpr qint64 rateWindowMs = 5000;

double labelled(const MetricsSnapshot &s, const char *name, const char *label, const char *value)
{
    return s.value(QString::fromLatin1(name), {{QString::fromLatin1(label), QString::fromLatin1(value)}}).value_or(0);
}

} // namespace

LiveSummary::LiveSummary(Backend &backend, QObject *parent, int maxUpdatesPerSecond)
    : QObject(parent)
    , m_backend(backend)
{
    m_pollTimer.setInterval(500);
    connect(&m_pollTimer, &QTimer::timeout, this, &LiveSummary::poll);
    m_emitTimer.setSingleShot(true);
    m_emitTimer.setInterval(1000 / std::max(1, maxUpdatesPerSecond));
    connect(&m_emitTimer, &QTimer::timeout, this, [this] {
        if (std::exchange(m_dirty, false))
            Q_EMIT changed();
    });
    connect(&m_backend, &Backend::eventsReceived, this, &LiveSummary::onEvents);
}

LiveSummary::~LiveSummary()
{
    // The backend outlives its views; it stops streaming what nobody shows.
    if (m_subscription.isValid())
        m_backend.unsubscribe(m_subscription, &m_backend, [](Api::Result<void>) {});
}

void LiveSummary::start()
{
    SubscriptionSpec spec;
    spec.topics = {Topic::Decisions};
    m_backend.subscribe(spec, this, [this](Result<Subscription> subscribed) {
        if (!subscribed) {
            m_lastError = subscribed.error().message;
            markChanged();
            return;
        }
        m_subscription = subscribed->id;
    });
    poll();
    m_pollTimer.start();
}

void LiveSummary::poll()
{
    if (m_pollInFlight)
        return; // a slow backend gets one request at a time, not a growing pile
    m_pollInFlight = true;
    m_backend.metrics(this, [this](Result<MetricsSnapshot> snapshot) {
        m_pollInFlight = false;
        if (!snapshot) {
            m_lastError = snapshot.error().message;
            markChanged();
            return;
        }
        m_lastError.clear();
        const MetricsSnapshot &s = snapshot.value();
        Counts c;
        c.submitted = s.total(u"qwen_swarm_tasks_submitted_total");
        c.succeeded = labelled(s, "qwen_swarm_tasks_finished_total", "state", "succeeded");
        c.failed = labelled(s, "qwen_swarm_tasks_finished_total", "state", "failed")
            + labelled(s, "qwen_swarm_tasks_finished_total", "state", "timed_out");
        c.cancelled = labelled(s, "qwen_swarm_tasks_finished_total", "state", "cancelled");
        c.queued = labelled(s, "qwen_swarm_tasks", "state", "queued");
        c.running = labelled(s, "qwen_swarm_tasks", "state", "running")
            + labelled(s, "qwen_swarm_tasks", "state", "deciding");
        c.decisions = s.total(u"qwen_swarm_decisions_total");
        c.agentsWorking
            = labelled(s, "qwen_swarm_agents", "state", "idle") + labelled(s, "qwen_swarm_agents", "state", "busy");
        c.agentsTotal = s.total(u"qwen_swarm_agents");
        c.costUsd = s.total(u"qwen_swarm_cost_usd_total");
        m_finishedHistory.append({s.timeMs, s.total(u"qwen_swarm_tasks_finished_total")});
        while (m_finishedHistory.size() > 2 && s.timeMs - m_finishedHistory.at(1).first >= rateWindowMs)
            m_finishedHistory.removeFirst();
        const auto &[oldestMs, oldest] = m_finishedHistory.constFirst();
        const auto &[newestMs, newest] = m_finishedHistory.constLast();
        if (newestMs > oldestMs)
            c.tasksPerSecond = (newest - oldest) * 1000.0 / static_cast<double>(newestMs - oldestMs);
        m_counts = c;
        markChanged();
    });
}

void LiveSummary::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id != m_subscription)
        return;
    for (const Event &event : events) {
        if (const auto *d = std::get_if<DecisionEvent>(&event.payload))
            m_recent.prepend({d->taskId, d->answer, d->agreement, d->outcome == DecisionOutcome::Decided});
    }
    if (m_recent.size() > maxRecent)
        m_recent.resize(maxRecent);
    markChanged();
}

void LiveSummary::markChanged()
{
    m_dirty = true;
    if (!m_emitTimer.isActive())
        m_emitTimer.start();
}

} // namespace QwenSwarm::Ui
