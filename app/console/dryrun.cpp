#include "dryrun.h"

#include "demofeeder.h"

#include <backend/inprocessbackend.h>
#include <store/memorystore.h>

#include <QSet>

namespace QwenSwarm::Console {

using namespace Qt::Literals::StringLiterals;

namespace {

/// The agents' simulated latency, `scale` times shorter.
Api::SwarmSpec faster(Api::SwarmSpec spec, int scale)
{
    for (Api::AgentSpec &agent : spec.agents) {
        const double latency = agent.parameters.value(u"latency_ms"_s).toDouble(400);
        agent.parameters.insert(u"latency_ms"_s, std::max(1.0, latency / scale));
    }
    return spec;
}

/// What the dry run adds up while it reads the run's tasks and decisions.
struct Tally
{
    Api::RunEstimate estimate;
    int pending = 0;
};

} // namespace

DryRun::DryRun(Api::Workflow workflow, QJsonObject inputs, QList<Api::SwarmSpec> swarms, int timeScale, QObject *parent)
    : QObject(parent)
    , m_workflow(std::move(workflow))
    , m_inputs(std::move(inputs))
    , m_swarms(std::move(swarms))
    , m_timeScale(std::clamp(timeScale, 1, 1000))
    , m_backend(
          std::make_unique<Engine::InProcessBackend>(Engine::EngineConfig {}, std::make_unique<Engine::MemoryStore>()))
{
    connect(m_backend.get(), &Api::Backend::eventsReceived, this, &DryRun::onEvents);
}

DryRun::~DryRun() = default;

Api::SwarmSpec DryRun::simulatedSwarm(const Api::Swarm &swarm, const QList<Api::Agent> &agents)
{
    const auto demo = DemoFeeder::demoSwarmSpec();
    const Api::AgentSpec typical = demo && demo->agents.size() > 1 ? demo->agents.at(1) : Api::AgentSpec {};
    Api::SwarmSpec spec;
    spec.name = swarm.name;
    spec.topology = swarm.topology;
    spec.defaultStrategy = swarm.defaultStrategy;
    for (const Api::Agent &agent : agents) {
        if (agent.swarmId != swarm.id)
            continue;
        Api::AgentSpec simulated = agent.spec;
        if (simulated.provider != "simulated"_L1) {
            simulated.provider = u"simulated"_s;
            simulated.model = typical.model;
            simulated.parameters = typical.parameters;
        }
        spec.agents.append(simulated);
    }
    return spec;
}

void DryRun::start()
{
    // Every swarm a task step names: as given, or shaped like the demo swarm.
    QStringList names;
    for (const Api::WorkflowStep &step : m_workflow.steps) {
        if (step.kind == Api::StepKind::Task && !names.contains(step.swarm))
            names.append(step.swarm);
    }
    QList<Api::SwarmSpec> specs;
    for (const QString &name : names) {
        const auto given
            = std::find_if(m_swarms.cbegin(), m_swarms.cend(), [&](const Api::SwarmSpec &s) { return s.name == name; });
        Api::SwarmSpec spec;
        if (given != m_swarms.cend()) {
            spec = *given;
        } else {
            auto demo = DemoFeeder::demoSwarmSpec();
            if (!demo)
                return fail(demo.error());
            spec = *demo;
            spec.name = name;
        }
        specs.append(faster(spec, m_timeScale));
    }
    m_swarms = specs;
    Api::SubscriptionSpec subscription;
    subscription.topics = {Api::Topic::Runs};
    m_backend->subscribe(subscription, this, [this](Api::Result<Api::Subscription> subscribed) {
        if (!subscribed)
            return fail(subscribed.error());
        createSwarms(0);
    });
}

void DryRun::createSwarms(int index)
{
    if (index >= m_swarms.size())
        return startRun();
    m_backend->createSwarm(m_swarms.at(index), this, [this, index](Api::Result<Api::Swarm> created) {
        if (!created)
            return fail(created.error());
        createSwarms(index + 1);
    });
}

void DryRun::startRun()
{
    m_backend->startRun(Api::RunSpec {m_workflow, m_inputs, {}}, this, [this](Api::Result<Api::Run> run) {
        if (!run)
            return fail(run.error());
        m_run = run->id;
        Q_EMIT progress(0, static_cast<int>(m_workflow.steps.size()));
    });
}

void DryRun::onEvents(Api::SubscriptionId, const QList<Api::Event> &events)
{
    for (const Api::Event &event : events) {
        const auto *e = std::get_if<Api::RunEvent>(&event.payload);
        if (!e || e->runId != m_run || !m_run.isValid())
            continue;
        if (e->stepState == Api::StepState::AwaitingApproval && !e->stepId.isEmpty()) {
            const Api::Approval approval {Api::ApprovalVerdict::Approve, {}, u"dry run"_s, {}};
            m_backend->approveStep(m_run, e->stepId, approval, this, [](Api::Result<Api::Run>) {});
        }
        m_backend->run(m_run, this, [this](Api::Result<Api::Run> run) {
            if (!run)
                return fail(run.error());
            const auto finished = std::count_if(run->steps.begin(), run->steps.end(), [](const Api::StepRun &s) {
                return s.state == Api::StepState::Succeeded || s.state == Api::StepState::Skipped;
            });
            Q_EMIT progress(static_cast<int>(finished), static_cast<int>(run->steps.size()));
            if (Api::isTerminal(run->state))
                collect(*run);
        });
    }
}

void DryRun::collect(const Api::Run &run)
{
    if (m_done)
        return;
    m_done = true;
    auto tally = std::make_shared<Tally>();
    tally->estimate.state = run.state;
    tally->estimate.stateReason = run.stateReason;
    tally->estimate.durationMs = (run.finishedMs - run.createdMs) * m_timeScale;
    for (const Api::StepRun &step : run.steps) {
        Api::StepEstimate estimate;
        estimate.stepId = step.stepId;
        estimate.state = step.state;
        estimate.tasks = static_cast<int>(step.taskIds.size());
        estimate.durationMs = step.finishedMs > step.startedMs ? (step.finishedMs - step.startedMs) * m_timeScale : 0;
        tally->estimate.steps.append(estimate);
    }
    const auto done = [this, tally] {
        if (--tally->pending > 0)
            return;
        for (const Api::StepEstimate &s : std::as_const(tally->estimate.steps)) {
            tally->estimate.calls += s.calls;
            tally->estimate.tokens += s.promptTokens + s.completionTokens;
            tally->estimate.costUsd += s.costUsd;
        }
        Q_EMIT finished(tally->estimate);
    };
    tally->pending = 1; // this function's own share, released at its end
    for (qsizetype i = 0; i < run.steps.size(); ++i) {
        for (const Api::TaskId id : run.steps.at(i).taskIds) {
            ++tally->pending;
            m_backend->task(id, this, [this, tally, i, done](Api::Result<Api::Task> task) {
                if (!task || !task->result || !task->result->decisionId.isValid())
                    return done();
                m_backend->decision(
                    task->result->decisionId, this, [tally, i, done](Api::Result<Api::Decision> decision) {
                        Api::StepEstimate &s = tally->estimate.steps[i];
                        for (const Api::Round &round : decision ? decision->rounds : QList<Api::Round> {}) {
                            for (const Api::Vote &vote : round.votes) {
                                ++s.calls;
                                s.promptTokens += vote.promptTokens;
                                s.completionTokens += vote.completionTokens;
                                s.costUsd += vote.costUsd;
                            }
                        }
                        done();
                    });
            });
        }
    }
    done();
}

void DryRun::fail(const Api::Error &error)
{
    if (m_done)
        return;
    m_done = true;
    QMetaObject::invokeMethod(
        this, [this, error] { Q_EMIT finished(error); }, Qt::QueuedConnection);
}

} // namespace QwenSwarm::Console
