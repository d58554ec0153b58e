#include "demofeeder.h"

#include <api/json.h>

#include <QFile>
#include <QJsonDocument>

#include <algorithm>

namespace QwenSwarm::Console {

using namespace Api;

namespace {

constexpr int agentsPerTask = 5; // the standard workload's fan-out
constexpr int tickMs = 10; // the shortest tick: at high rates a batch per tick

} // namespace

DemoFeeder::DemoFeeder(Backend &backend, int tasksPerSecond, int agents, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_rate(std::max(1, tasksPerSecond))
    , m_agents(std::max(0, agents))
{
    m_timer.setInterval(std::clamp(1000 / m_rate, tickMs, 250));
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DemoFeeder::tick);
}

Result<SwarmSpec> DemoFeeder::demoSwarmSpec()
{
    QFile file(QStringLiteral(":/demo/demo-swarm.json"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, QStringLiteral("the demo swarm is missing from the program's resources"));
    return fromJson<SwarmSpec>(QJsonDocument::fromJson(file.readAll()).object());
}

Result<SwarmSpec> DemoFeeder::demoSwarmSpec(int agents)
{
    auto spec = demoSwarmSpec();
    if (!spec || agents <= 0 || spec->agents.isEmpty())
        return spec;
    const QList<AgentSpec> templates = spec->agents;
    spec->name = QStringLiteral("demo-%1").arg(agents);
    spec->agents.clear();
    spec->agents.reserve(agents);
    for (int i = 0; i < agents; ++i) {
        AgentSpec agent = templates.at(i % templates.size());
        agent.name = QStringLiteral("%1-%2").arg(agent.name).arg(i / templates.size() + 1, 4, 10, QLatin1Char('0'));
        agent.parameters.insert(QStringLiteral("latency_ms"), 20);
        spec->agents.append(agent);
    }
    return spec;
}

void DemoFeeder::start()
{
    const auto spec = demoSwarmSpec(m_agents);
    if (!spec) {
        m_lastError = spec.error().message;
        Q_EMIT failed(m_lastError);
        return;
    }
    const QString name = spec->name;
    m_backend.createSwarm(spec.value(), this, [this, name](Result<Swarm> created) {
        if (created)
            return useSwarm(created.value());
        if (created.error().code != ErrorCode::AlreadyExists) {
            m_lastError = created.error().message;
            Q_EMIT failed(m_lastError);
            return;
        }
        // A persistent store kept the demo swarm from an earlier run: use it.
        m_backend.listSwarms(this, [this, name](Result<QList<Swarm>> swarms) {
            for (const Swarm &s : swarms ? swarms.value() : QList<Swarm> {}) {
                if (s.name == name)
                    return useSwarm(s);
            }
        });
    });
}

void DemoFeeder::useSwarm(const Swarm &swarm)
{
    m_swarm = swarm.id;
    if (m_agents > 0 && swarm.agentIds.size() > agentsPerTask)
        m_pool = swarm.agentIds;
    m_clock.start();
    m_timer.start();
}

void DemoFeeder::tick()
{
    // What the rate owes since the last tick, capped at a second's worth: a backend that fell behind
    // is not buried when it answers again.
    m_due = std::min(m_due + double(m_clock.nsecsElapsed()) * m_rate / 1e9, double(m_rate));
    m_clock.start();
    const int count = int(m_due);
    if (m_submitting || count < 1)
        return;
    QList<TaskSpec> specs;
    specs.reserve(count);
    for (int i = 0; i < count; ++i)
        specs.append(nextTask());
    m_due -= count;
    m_submitting = true;
    m_backend.submitTasks(specs, this, [this](Result<QList<Task>> accepted) {
        m_submitting = false;
        if (!accepted) {
            m_lastError = accepted.error().message;
            Q_EMIT failed(m_lastError);
            return;
        }
        m_accepted += accepted->size();
    });
}

TaskSpec DemoFeeder::nextTask()
{
    std::uniform_int_distribution<int> operand(2, 99);
    const int a = operand(m_random);
    const int b = operand(m_random);
    TaskSpec spec;
    spec.swarmId = m_swarm;
    spec.promptTemplate
        = QStringLiteral("What is {{a}} + {{b}}? Reply with the number on a line starting with \"Answer:\".");
    spec.variables = {{QStringLiteral("a"), a}, {QStringLiteral("b"), b}};
    spec.answerFormat = AnswerFormat::Number;
    spec.referenceAnswer = QString::number(a + b);
    spec.timeoutMs = 30000;
    spec.tags = {QStringLiteral("demo"), QStringLiteral("math")};
    if (!m_pool.isEmpty()) {
        // Five distinct agents of the pool, so that every agent of a large swarm gets work.
        std::uniform_int_distribution<qsizetype> pick(0, m_pool.size() - 1);
        while (spec.selection.agentIds.size() < agentsPerTask) {
            const AgentId agent = m_pool.at(pick(m_random));
            if (!spec.selection.agentIds.contains(agent))
                spec.selection.agentIds.append(agent);
        }
    }
    return spec;
}

} // namespace QwenSwarm::Console
