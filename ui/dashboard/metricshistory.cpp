#include "dashboard/metricshistory.h"

#include "dashboard/histogramquantile.h"

#include <QDateTime>

#include <cmath>
#include <limits>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr qint64 smoothingMs = 5000; // rates over about five seconds, not the clumps of one poll
constexpr qint64 fineSpanMs = 3'600'000;
constexpr qint64 coarseStepMs = 60'000;
constexpr qint64 coarseSpanMs = 86'400'000;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double labelled(const MetricsSnapshot &s, QStringView name, const char *value)
{
    return s.value(name, {{QStringLiteral("state"), QString::fromLatin1(value)}}).value_or(0);
}

double delta(double from, double to)
{
    return std::max(0.0, to - from); // a counter that went down was reset: count nothing
}

} // namespace

MetricsHistory::MetricsHistory(Backend &backend, QObject *parent, int pollIntervalMs)
    : QObject(parent)
    , m_backend(backend)
{
    m_timer.setInterval(pollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &MetricsHistory::poll);
}

qint64 MetricsHistory::spanMs(Window window)
{
    switch (window) {
    case Window::OneMinute:
        return 60'000;
    case Window::FifteenMinutes:
        return 15 * 60'000;
    case Window::OneHour:
        return fineSpanMs;
    case Window::OneDay:
        return coarseSpanMs;
    }
    return 60'000;
}

void MetricsHistory::start()
{
    loadHistory();
    poll();
    m_timer.start();
}

void MetricsHistory::loadHistory()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_backend.metricsHistory(now - coarseSpanMs, now, this, [this](Result<QList<MetricsSnapshot>> rollups) {
        if (!rollups) // a core that keeps no history: the charts start with this console
            return;
        addHistory(rollups.value());
    });
}

void MetricsHistory::addHistory(const QList<MetricsSnapshot> &rollups)
{
    const qint64 sampledFrom = !m_coarse.empty() ? m_coarse.front().timeMs
        : !m_raw.empty()                         ? m_raw.front().timeMs
                                                 : std::numeric_limits<qint64>::max();
    std::deque<MetricsPoint> older;
    for (qsizetype i = 1; i < rollups.size(); ++i) {
        const Raw from = extract(rollups.at(i - 1));
        const Raw to = extract(rollups.at(i));
        if (to.timeMs >= sampledFrom)
            break;
        if (to.timeMs - from.timeMs <= 2 * coarseStepMs) // across a gap there is nothing to say
            older.push_back(derive(from, to));
    }
    m_coarse.insert(m_coarse.begin(), older.begin(), older.end());
    m_historyLoaded = true;
    if (!older.empty())
        Q_EMIT sampled();
}

void MetricsHistory::stop()
{
    m_timer.stop();
}

void MetricsHistory::poll()
{
    if (m_inFlight)
        return; // a slow backend gets one request at a time
    m_inFlight = true;
    m_backend.metrics(this, [this](Result<MetricsSnapshot> snapshot) {
        m_inFlight = false;
        if (!snapshot) {
            m_lastError = snapshot.error().message;
            return Q_EMIT failed(tr("Metrics cannot be read: %1").arg(m_lastError));
        }
        m_lastError.clear();
        addSnapshot(snapshot.value());
    });
}

MetricsHistory::Raw MetricsHistory::extract(const MetricsSnapshot &s)
{
    Raw r;
    r.timeMs = s.timeMs != 0 ? s.timeMs : QDateTime::currentMSecsSinceEpoch();
    r.submitted = s.total(u"qwen_swarm_tasks_submitted_total");
    r.finished = s.total(u"qwen_swarm_tasks_finished_total");
    r.failed = labelled(s, u"qwen_swarm_tasks_finished_total", "failed")
        + labelled(s, u"qwen_swarm_tasks_finished_total", "timed_out");
    r.calls = s.total(u"qwen_swarm_agent_calls_total");
    r.errors = s.total(u"qwen_swarm_agent_call_errors_total");
    r.tokens = s.total(u"qwen_swarm_tokens_total");
    r.cost = s.total(u"qwen_swarm_cost_usd_total");
    r.queue = s.total(u"qwen_swarm_queue_depth");
    r.running = labelled(s, u"qwen_swarm_tasks", "running") + labelled(s, u"qwen_swarm_tasks", "deciding");
    for (std::size_t i = 0; i < r.agents.size(); ++i)
        r.agents[i] = s.value(u"qwen_swarm_agents", {{QStringLiteral("state"), enumName(AgentState(i)).toString()}})
                          .value_or(0);
    if (const MetricFamily *f = s.family(u"qwen_swarm_task_duration_seconds")) {
        for (const MetricSample &sample : f->samples) { // summed over label sets with the same buckets
            if (r.bounds.isEmpty()) {
                r.bounds = sample.bucketBounds;
                r.buckets.fill(0, sample.bucketCounts.size());
            }
            if (sample.bucketBounds != r.bounds || sample.bucketCounts.size() != r.buckets.size())
                continue;
            for (qsizetype i = 0; i < r.buckets.size(); ++i)
                r.buckets[i] += double(sample.bucketCounts.at(i));
            r.count += double(sample.count);
        }
    }
    return r;
}

MetricsPoint MetricsHistory::derive(const Raw &from, const Raw &to)
{
    MetricsPoint p;
    p.timeMs = to.timeMs;
    const double seconds = double(to.timeMs - from.timeMs) / 1000.0;
    const auto rate = [seconds](double a, double b) { return seconds > 0 ? delta(a, b) / seconds : 0.0; };
    p[MetricsPoint::TasksFinishedPerSecond] = rate(from.finished, to.finished);
    p[MetricsPoint::TasksSubmittedPerSecond] = rate(from.submitted, to.submitted);
    p[MetricsPoint::CallsPerSecond] = rate(from.calls, to.calls);
    p[MetricsPoint::TokensPerSecond] = rate(from.tokens, to.tokens);
    p[MetricsPoint::CostPerMinute] = rate(from.cost, to.cost) * 60.0;
    const double calls = delta(from.calls, to.calls);
    p[MetricsPoint::CallErrorPercent] = calls > 0 ? 100.0 * delta(from.errors, to.errors) / calls : 0.0;
    const double finished = delta(from.finished, to.finished);
    p[MetricsPoint::TaskFailurePercent] = finished > 0 ? 100.0 * delta(from.failed, to.failed) / finished : 0.0;
    QList<double> buckets;
    const bool comparable = from.bounds == to.bounds && from.buckets.size() == to.buckets.size() && !to.bounds.isEmpty()
        && to.count >= from.count;
    for (qsizetype i = 0; comparable && i < to.buckets.size(); ++i)
        buckets.append(delta(from.buckets.at(i), to.buckets.at(i)));
    const double count = comparable ? to.count - from.count : 0;
    p[MetricsPoint::LatencyP50Ms] = HistogramQuantile::quantile(to.bounds, buckets, count, 0.50) * 1000.0;
    p[MetricsPoint::LatencyP95Ms] = HistogramQuantile::quantile(to.bounds, buckets, count, 0.95) * 1000.0;
    p[MetricsPoint::LatencyP99Ms] = HistogramQuantile::quantile(to.bounds, buckets, count, 0.99) * 1000.0;
    p[MetricsPoint::QueueDepth] = to.queue;
    p[MetricsPoint::TasksRunning] = to.running;
    const auto agents = [&to](AgentState s) { return to.agents[std::size_t(s)]; };
    p[MetricsPoint::AgentsIdle] = agents(AgentState::Idle) + agents(AgentState::Created);
    p[MetricsPoint::AgentsBusy] = agents(AgentState::Busy);
    p[MetricsPoint::AgentsPaused] = agents(AgentState::Paused);
    p[MetricsPoint::AgentsDraining] = agents(AgentState::Draining);
    p[MetricsPoint::AgentsDown]
        = agents(AgentState::Stopped) + agents(AgentState::Failed) + agents(AgentState::Recovering);
    return p;
}

void MetricsHistory::addSnapshot(const MetricsSnapshot &snapshot)
{
    const Raw raw = extract(snapshot);
    if (!m_raw.empty() && raw.timeMs <= m_raw.back().timeMs)
        return; // not newer than what we have: nothing to learn
    m_raw.push_back(raw);
    while (m_raw.size() > 2 && raw.timeMs - m_raw[1].timeMs >= smoothingMs)
        m_raw.pop_front();
    if (m_raw.size() >= 2) {
        m_fine.push_back(derive(m_raw.front(), raw));
        while (!m_fine.empty() && m_fine.front().timeMs < raw.timeMs - fineSpanMs)
            m_fine.pop_front();
    }
    if (!m_minuteStart) {
        m_minuteStart = raw;
    } else if (raw.timeMs - m_minuteStart->timeMs >= coarseStepMs) {
        m_coarse.push_back(derive(*m_minuteStart, raw));
        m_minuteStart = raw;
        while (!m_coarse.empty() && m_coarse.front().timeMs < raw.timeMs - coarseSpanMs)
            m_coarse.pop_front();
    }
    Q_EMIT sampled();
}

QList<MetricsPoint> MetricsHistory::points(Window window, int maxPoints) const
{
    QList<MetricsPoint> out;
    if (m_fine.empty() && m_coarse.empty())
        return out;
    const qint64 from = latestTimeMs() - spanMs(window);
    const qint64 fineStart = m_fine.empty() ? std::numeric_limits<qint64>::max() : m_fine.front().timeMs;
    for (const MetricsPoint &p : m_coarse) {
        if (p.timeMs >= from && p.timeMs < fineStart)
            out.append(p);
    }
    for (const MetricsPoint &p : m_fine) {
        if (p.timeMs >= from)
            out.append(p);
    }
    if (maxPoints <= 0 || out.size() <= maxPoints)
        return out;
    const qsizetype group = (out.size() + maxPoints - 1) / maxPoints;
    QList<MetricsPoint> reduced;
    for (qsizetype i = 0; i < out.size(); i += group)
        reduced.append(average(out.mid(i, group)));
    return reduced;
}

MetricsPoint MetricsHistory::average(const QList<MetricsPoint> &group)
{
    MetricsPoint p;
    p.timeMs = group.constLast().timeMs;
    for (std::size_t s = 0; s < p.values.size(); ++s) {
        double sum = 0;
        int n = 0;
        for (const MetricsPoint &g : group) {
            if (!std::isnan(g.values[s])) {
                sum += g.values[s];
                ++n;
            }
        }
        p.values[s] = n > 0 ? sum / n : nan;
    }
    return p;
}

std::optional<MetricsPoint> MetricsHistory::latest() const
{
    return m_fine.empty() ? std::nullopt : std::optional<MetricsPoint>(m_fine.back());
}

qint64 MetricsHistory::latestTimeMs() const
{
    return !m_raw.empty() ? m_raw.back().timeMs : !m_coarse.empty() ? m_coarse.back().timeMs : 0;
}

} // namespace QwenSwarm::Ui
