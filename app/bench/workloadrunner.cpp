#include "workloadrunner.h"
#include "percentile.h"

#include <QJsonArray>

#include <algorithm>

namespace QwenSwarm::Bench {

using namespace Api;

WorkloadRunner::WorkloadRunner(Backend &backend, WorkloadOptions options, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_options(std::move(options))
{
    m_latenciesNs.reserve(static_cast<std::size_t>(m_options.tasks));
    m_submittedAtNs.reserve(static_cast<std::size_t>(m_options.concurrency) * 2);
    m_submitTimer.setSingleShot(true);
    m_submitTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_submitTimer, &QTimer::timeout, this, &WorkloadRunner::submitMore);
}

void WorkloadRunner::start()
{
    SwarmSpec swarm;
    swarm.name = QStringLiteral("bench-%1").arg(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < m_options.agentsPerTask; ++i) {
        AgentSpec agent;
        agent.name = QStringLiteral("agent-%1").arg(i);
        agent.provider = m_options.provider;
        agent.model = m_options.model;
        if (m_options.provider == QLatin1StringView("simulated")) {
            agent.parameters = {{QStringLiteral("mode"), QStringLiteral("workload")},
                                {QStringLiteral("latency_ms"), m_options.latencyMs}};
        }
        agent.limits.maxConcurrency = 0; // the workload's concurrency is the only limit
        swarm.agents.append(agent);
    }
    m_backend.createSwarm(swarm, this, [this](Result<Swarm> created) {
        if (!created)
            return abort(QStringLiteral("creating the swarm failed: ") + created.error().message);
        m_swarm = created->id;
        subscribe();
    });
}

void WorkloadRunner::subscribe()
{
    connect(&m_backend, &Backend::eventsReceived, this, &WorkloadRunner::onEvents);
    connect(&m_backend, &Backend::eventsDropped, this, [this](SubscriptionId id, quint64 first, quint64 last) {
        if (id == m_subscription)
            abort(QStringLiteral("events %1..%2 were dropped").arg(first).arg(last));
    });
    SubscriptionSpec spec;
    spec.topics = {Topic::Tasks, Topic::Decisions};
    spec.swarmId = m_swarm;
    spec.taskStates = {TaskState::Succeeded, TaskState::Failed, TaskState::Cancelled, TaskState::TimedOut};
    m_backend.subscribe(spec, this, [this](Result<Subscription> subscribed) {
        if (!subscribed)
            return abort(QStringLiteral("subscribing failed: ") + subscribed.error().message);
        m_subscription = subscribed->id;
        m_clock.start();
        submitMore();
    });
}

TaskSpec WorkloadRunner::specFor(int t) const
{
    static const QString prompt = QStringLiteral("task {{t}} agent {{agent.index}}");
    static const QStringList choices {QStringLiteral("A"), QStringLiteral("B")};
    TaskSpec spec;
    spec.swarmId = m_swarm;
    spec.promptTemplate = prompt;
    spec.variables.insert(QStringLiteral("t"), t);
    spec.answerFormat = AnswerFormat::Choice;
    spec.choices = choices;
    return spec;
}

void WorkloadRunner::submitMore()
{
    const int room = std::min(m_options.concurrency - m_inFlight, m_options.tasks - m_submitted);
    if (room <= 0 || m_done || m_submitTimer.isActive())
        return;
    const qint64 intervalNs = qint64(m_options.submitIntervalMs) * 1'000'000;
    if (const qint64 since = m_clock.nsecsElapsed() - m_lastSubmitNs; m_lastSubmitNs >= 0 && since < intervalNs) {
        m_submitTimer.start(int((intervalNs - since + 999'999) / 1'000'000));
        return;
    }
    m_lastSubmitNs = m_clock.nsecsElapsed();
    QList<TaskSpec> specs;
    specs.reserve(room);
    for (int i = 0; i < room; ++i)
        specs.append(specFor(m_submitted + i));
    m_submitted += room;
    m_inFlight += room;
    const qint64 sentAt = m_clock.nsecsElapsed();
    m_backend.submitTasks(specs, this, [this, sentAt](Result<QList<Task>> accepted) {
        if (!accepted)
            return abort(QStringLiteral("submitting failed: ") + accepted.error().message);
        for (const Task &task : accepted.value()) {
            const auto early = m_endedEarly.find(task.id.value);
            if (early != m_endedEarly.end()) {
                m_latenciesNs.push_back(early->second - sentAt);
                m_endedEarly.erase(early);
            } else {
                m_submittedAtNs.emplace(task.id.value, sentAt);
            }
        }
    });
}

void WorkloadRunner::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id != m_subscription || m_done)
        return;
    const qint64 now = m_clock.nsecsElapsed();
    for (const Event &event : events) {
        if (const auto *decision = std::get_if<DecisionEvent>(&event.payload)) {
            const bool right = decision->outcome == DecisionOutcome::Decided
                && decision->answer == QLatin1StringView("A") && std::abs(decision->agreement - 0.8) < 1e-9;
            if (!right)
                fail(QStringLiteral("task %1 decided '%2' with agreement %3")
                         .arg(decision->taskId.value)
                         .arg(decision->answer)
                         .arg(decision->agreement));
            m_correctDecisions += right ? 1 : 0;
            continue;
        }
        const auto *task = std::get_if<TaskEvent>(&event.payload);
        if (!task)
            continue;
        if (task->to != TaskState::Succeeded)
            fail(QStringLiteral("task %1 ended %2: %3")
                     .arg(task->taskId.value)
                     .arg(enumName(task->to).toString(), task->cause));
        const auto sent = m_submittedAtNs.find(task->taskId.value);
        if (sent != m_submittedAtNs.end()) {
            m_latenciesNs.push_back(now - sent->second);
            m_submittedAtNs.erase(sent);
        } else {
            m_endedEarly.emplace(task->taskId.value, now);
        }
        --m_inFlight;
        ++m_finished;
    }
    if (m_finished >= m_options.tasks)
        complete();
    else
        submitMore();
}

void WorkloadRunner::fail(const QString &why)
{
    if (m_result.failure.isEmpty())
        m_result.failure = why;
}

void WorkloadRunner::abort(const QString &why)
{
    fail(why);
    complete();
}

void WorkloadRunner::complete()
{
    if (m_done)
        return;
    m_done = true;
    m_result.tasks = m_finished;
    m_result.wallSeconds = m_clock.isValid() ? static_cast<double>(m_clock.nsecsElapsed()) / 1e9 : 0;
    std::sort(m_latenciesNs.begin(), m_latenciesNs.end());
    m_result.p50Ms = percentileOfSorted(m_latenciesNs, 0.50) / 1e6;
    m_result.p99Ms = percentileOfSorted(m_latenciesNs, 0.99) / 1e6;
    m_result.correct
        = m_result.failure.isEmpty() && m_finished == m_options.tasks && m_correctDecisions == m_options.tasks;
    if (m_result.failure.isEmpty() && !m_result.correct)
        m_result.failure = QStringLiteral("%1 of %2 decisions were right").arg(m_correctDecisions).arg(m_options.tasks);
    Q_EMIT finished();
}

} // namespace QwenSwarm::Bench
