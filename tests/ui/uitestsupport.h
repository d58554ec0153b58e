#pragma once

// Shared by the UI tests: a real in-process core with a memory store, and the swarms and tasks the
// tests feed it.
#include <api/backend.h>
#include <backend/inprocessbackend.h>
#include <store/memorystore.h>

#include <testsupport.h>

#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

namespace QwenSwarm::UiTesting {

using namespace Qt::Literals::StringLiterals;

inline std::unique_ptr<Engine::InProcessBackend> makeBackend()
{
    return std::make_unique<Engine::InProcessBackend>(Engine::EngineConfig {}, std::make_unique<Engine::MemoryStore>());
}

inline Api::AgentSpec agentSpec(const QString &name, Api::AgentRole role, double accuracy, int latencyMs,
                                const QStringList &tags = {}, const QJsonObject &more = {})
{
    Api::AgentSpec spec;
    spec.name = name;
    spec.role = role;
    spec.model = u"sim-medium"_s;
    spec.parameters = more;
    spec.parameters.insert(u"accuracy"_s, accuracy);
    spec.parameters.insert(u"latency_ms"_s, latencyMs);
    spec.parameters.insert(u"latency_spread"_s, 0.3);
    spec.parameters.insert(u"completion_tokens"_s, 32);
    spec.parameters.insert(u"price_in_per_mtok"_s, 0.5);
    spec.parameters.insert(u"price_out_per_mtok"_s, 1.5);
    spec.tags = tags;
    return spec;
}

/// The demo swarm's shape (five simulated agents of mixed skill, roles and quirks), faster.
inline Api::SwarmSpec demoLikeSwarm(const QString &name = u"demo"_s)
{
    Api::SwarmSpec spec;
    spec.name = name;
    spec.defaultStrategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"first"_s}}};
    spec.agents = {
        agentSpec(u"atlas"_s, Api::AgentRole::Coordinator, 0.95, 40, {u"math"_s, u"general"_s}),
        agentSpec(u"birch"_s, Api::AgentRole::Worker, 0.9, 30, {u"math"_s}),
        agentSpec(u"cedar"_s, Api::AgentRole::Worker, 0.8, 25, {u"general"_s}, {{u"failure_rate"_s, 0.02}}),
        agentSpec(u"dune"_s, Api::AgentRole::Specialist, 0.7, 15, {u"math"_s}, {{u"abstain_rate"_s, 0.03}}),
        agentSpec(u"ember"_s, Api::AgentRole::Critic, 0.6, 20, {u"general"_s}, {{u"malformed_rate"_s, 0.03}}),
    };
    return spec;
}

/// A swarm of `count` agents that answer right after `latencyMs`.
inline Api::SwarmSpec quickSwarm(const QString &name, int count = 3, int latencyMs = 5)
{
    Api::SwarmSpec spec;
    spec.name = name;
    for (int i = 0; i < count; ++i)
        spec.agents.append(agentSpec(u"%1-agent-%2"_s.arg(name).arg(i), Api::AgentRole::Worker, 1.0, latencyMs));
    return spec;
}

inline Api::TaskSpec sumTask(Api::SwarmId swarm, int a, int b)
{
    Api::TaskSpec spec;
    spec.swarmId = swarm;
    spec.promptTemplate = u"What is {{a}} + {{b}}? Reply with the number on a line starting with \"Answer:\"."_s;
    spec.variables = {{u"a"_s, a}, {u"b"_s, b}};
    spec.answerFormat = Api::AnswerFormat::Number;
    spec.referenceAnswer = QString::number(a + b);
    spec.timeoutMs = 30000;
    spec.tags = {u"demo"_s, u"math"_s};
    return spec;
}

inline Api::Result<Api::Swarm> createSwarm(Api::Backend &backend, const Api::SwarmSpec &spec)
{
    return Testing::await<Api::Swarm>([&](QObject *c, auto done) { backend.createSwarm(spec, c, done); });
}

inline Api::Result<QList<Api::Task>> submit(Api::Backend &backend, const QList<Api::TaskSpec> &specs)
{
    return Testing::await<QList<Api::Task>>([&](QObject *c, auto done) { backend.submitTasks(specs, c, done); });
}

inline Api::Result<Api::Agent> agent(Api::Backend &backend, Api::AgentId id)
{
    return Testing::await<Api::Agent>([&](QObject *c, auto done) { backend.agent(id, c, done); });
}

inline Api::Result<Api::Task> task(Api::Backend &backend, Api::TaskId id)
{
    return Testing::await<Api::Task>([&](QObject *c, auto done) { backend.task(id, c, done); });
}

inline Api::Result<Api::Agent> command(Api::Backend &backend, Api::AgentId id, Api::AgentCommand command)
{
    return Testing::await<Api::Agent>(
        [&](QObject *c, auto done) { backend.commandAgent(id, command, u"test"_s, c, done); });
}

/// Points QSettings at a fresh folder for the life of the test program.
inline void isolateSettings(const QTemporaryDir &dir)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QSettings().clear();
}

} // namespace QwenSwarm::UiTesting
