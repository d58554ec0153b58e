#include "demofeeder.h"

#include <api/json.h>

#include <QFile>
#include <QJsonDocument>

namespace QwenSwarm::Console {

using namespace Api;

DemoFeeder::DemoFeeder(Backend &backend, int tasksPerSecond, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    m_timer.setInterval(1000 / std::max(1, tasksPerSecond));
    connect(&m_timer, &QTimer::timeout, this, &DemoFeeder::submitOne);
}

Result<SwarmSpec> DemoFeeder::demoSwarmSpec()
{
    QFile file(QStringLiteral(":/demo/demo-swarm.json"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, QStringLiteral("the demo swarm is missing from the program's resources"));
    return fromJson<SwarmSpec>(QJsonDocument::fromJson(file.readAll()).object());
}

void DemoFeeder::start()
{
    const auto spec = demoSwarmSpec();
    if (!spec) {
        m_lastError = spec.error().message;
        Q_EMIT failed(m_lastError);
        return;
    }
    const QString name = spec->name;
    m_backend.createSwarm(spec.value(), this, [this, name](Result<Swarm> created) {
        if (created)
            return useSwarm(created->id);
        if (created.error().code != ErrorCode::AlreadyExists) {
            m_lastError = created.error().message;
            Q_EMIT failed(m_lastError);
            return;
        }
        // A persistent store kept the demo swarm from an earlier run: use it.
        m_backend.listSwarms(this, [this, name](Result<QList<Swarm>> swarms) {
            for (const Swarm &s : swarms ? swarms.value() : QList<Swarm> {}) {
                if (s.name == name)
                    return useSwarm(s.id);
            }
        });
    });
}

void DemoFeeder::useSwarm(SwarmId id)
{
    m_swarm = id;
    m_timer.start();
}

void DemoFeeder::submitOne()
{
    if (m_submitting)
        return; // one at a time: a slow backend is not flooded
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
    m_submitting = true;
    m_backend.submitTask(spec, this, [this](Result<Task> accepted) {
        m_submitting = false;
        if (!accepted) {
            m_lastError = accepted.error().message;
            Q_EMIT failed(m_lastError);
        }
    });
}

} // namespace QwenSwarm::Console
