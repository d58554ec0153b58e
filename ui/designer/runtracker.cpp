#include "designer/runtracker.h"

namespace QwenSwarm::Ui {

using namespace Api;

RunTracker::RunTracker(Backend &backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    m_fetch.setSingleShot(true);
    m_fetch.setInterval(80);
    connect(&m_fetch, &QTimer::timeout, this, &RunTracker::fetch);
    connect(&m_backend, &Backend::eventsReceived, this, &RunTracker::onEvents);
    connect(&m_backend, &Backend::eventsDropped, this, [this](SubscriptionId id) {
        if (id == m_subscription && m_runId.isValid())
            m_fetch.start(); // some events are lost: the run itself says where it is
    });
}

RunTracker::~RunTracker()
{
    if (m_subscription.isValid())
        m_backend.unsubscribe(m_subscription, &m_backend, [](Result<void>) {});
}

void RunTracker::start()
{
    if (m_subscription.isValid() || m_subscribing)
        return;
    m_subscribing = true;
    SubscriptionSpec spec;
    spec.topics = {Topic::Runs};
    m_backend.subscribe(spec, this, [this](Result<Subscription> subscribed) {
        m_subscribing = false;
        if (subscribed)
            m_subscription = subscribed->id;
    });
}

bool RunTracker::isActive() const
{
    return m_starting || (m_runId.isValid() && !isTerminal(m_runState));
}

void RunTracker::startRun(const Workflow &workflow, const QJsonObject &inputs)
{
    start();
    clear();
    m_starting = true;
    Q_EMIT changed();
    m_backend.startRun(RunSpec {workflow, inputs, {}}, this, [this](Result<Run> run) {
        m_starting = false;
        if (!run) {
            Q_EMIT changed();
            Q_EMIT failed(run.error().message);
            return;
        }
        m_runId = run->id;
        apply(*run);
        Q_EMIT runStarted(run->id);
        m_fetch.start(); // events that came before the answer named a run not yet known
    });
}

void RunTracker::cancel()
{
    if (!m_runId.isValid())
        return;
    m_backend.commandRun(m_runId, RunCommand::Cancel, tr("cancelled in the designer"), this, [this](Result<Run> run) {
        if (run)
            apply(*run);
        else
            Q_EMIT failed(run.error().message);
    });
}

void RunTracker::approve(const QString &stepId, const Approval &approval)
{
    if (!m_runId.isValid())
        return;
    m_backend.approveStep(m_runId, stepId, approval, this, [this](Result<Run> run) {
        if (run)
            apply(*run);
        else
            Q_EMIT failed(run.error().message);
    });
}

void RunTracker::clear()
{
    m_runId = RunId();
    m_runState = RunState::Running;
    m_steps.clear();
    m_finishedReported = false;
    m_fetch.stop();
    Q_EMIT changed();
}

QJsonValue RunTracker::waitingValue(const QString &stepId) const
{
    return m_steps.value(stepId).output;
}

void RunTracker::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id != m_subscription || !m_runId.isValid())
        return;
    bool touched = false;
    for (const Event &event : events) {
        const auto *e = std::get_if<RunEvent>(&event.payload);
        if (!e || e->runId != m_runId)
            continue;
        touched = true;
        if (e->stepId.isEmpty()) {
            m_runState = e->runState;
        } else {
            StepRun &step = m_steps[e->stepId];
            step.stepId = e->stepId;
            step.state = e->stepState;
            if (!e->cause.isEmpty())
                step.reason = e->cause;
        }
    }
    if (!touched)
        return;
    Q_EMIT changed();
    m_fetch.start(); // outputs and agreement come with the run itself
}

void RunTracker::fetch()
{
    if (!m_runId.isValid())
        return;
    const RunId id = m_runId;
    m_backend.run(id, this, [this, id](Result<Run> run) {
        if (run && id == m_runId)
            apply(*run);
    });
}

void RunTracker::apply(const Run &run)
{
    if (run.id != m_runId)
        return;
    m_runState = run.state;
    for (const StepRun &step : run.steps)
        m_steps.insert(step.stepId, step);
    Q_EMIT changed();
    if (isTerminal(run.state) && !m_finishedReported) {
        m_finishedReported = true;
        Q_EMIT runFinished(run.state, run.error ? run.error->message : run.stateReason);
    }
}

} // namespace QwenSwarm::Ui
