#include "consensuslab.h"

#include <runtime/engine.h>
#include <store/memorystore.h>

#include <QCoreApplication>

namespace QwenSwarm::Bench {

namespace {

template<typename T, typename Call>
Api::Result<T> wait(Call call)
{
    std::optional<Api::Result<T>> answer;
    call([&answer](Api::Result<T> r) { answer.emplace(std::move(r)); });
    while (!answer)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    return std::move(*answer);
}

} // namespace

ConsensusLab::ConsensusLab(quint64 seed)
{
    Engine::EngineConfig config;
    config.seed = seed;
    config.maxRunningTasks = 4096;
    config.maxBatchSize = 100000;
    m_engine = std::make_unique<Engine::Engine>(config, std::make_unique<Engine::MemoryStore>());
    m_engine->start();
}

ConsensusLab::~ConsensusLab() = default;

Api::Swarm ConsensusLab::createSwarm(const QList<Agent> &agents, const Api::StrategySpec &strategy,
                                     Api::Topology topology)
{
    Api::SwarmSpec spec;
    spec.name = QStringLiteral("lab");
    spec.topology = topology;
    spec.defaultStrategy = strategy;
    for (qsizetype i = 0; i < agents.size(); ++i) {
        Api::AgentSpec agent;
        agent.name = QStringLiteral("agent-%1").arg(i);
        agent.role = agents[i].role;
        agent.parameters = agents[i].extra;
        agent.parameters.insert(QStringLiteral("accuracy"), agents[i].accuracy);
        agent.limits.maxConcurrency = 0;
        spec.agents.append(agent);
    }
    return wait<Api::Swarm>([&](auto done) { m_engine->createSwarm(spec, done); }).value();
}

ConsensusLab::Outcome ConsensusLab::run(const Api::Swarm &swarm, int count, const QStringList &choices,
                                        const std::function<void(Api::TaskSpec &)> &shape, bool sequential)
{
    QList<Api::TaskSpec> specs;
    for (int i = 0; i < count; ++i) {
        Api::TaskSpec spec;
        spec.swarmId = swarm.id;
        spec.promptTemplate = QStringLiteral("Question {{n}}");
        spec.variables = {{QStringLiteral("n"), i}};
        spec.answerFormat = Api::AnswerFormat::Choice;
        spec.choices = choices;
        spec.referenceAnswer = QStringLiteral("A");
        if (shape)
            shape(spec);
        specs.append(spec);
    }
    QList<Api::TaskId> ids;
    const int batch = sequential ? 1 : 10000;
    for (qsizetype from = 0; from < specs.size(); from += batch) {
        const auto accepted
            = wait<QList<Api::Task>>([&](auto done) { m_engine->tasks().submit(specs.mid(from, batch), done); });
        for (const Api::Task &t : accepted.value())
            ids.append(t.id);
        if (sequential)
            collect({ids.constLast()});
    }
    return collect(ids);
}

ConsensusLab::Outcome ConsensusLab::collect(const QList<Api::TaskId> &tasks)
{
    Outcome outcome;
    for (Api::TaskId id : tasks) {
        Api::Task task;
        do {
            task = wait<Api::Task>([&](auto done) { m_engine->tasks().task(id, done); }).value();
            if (!Api::isTerminal(task.state))
                QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
        } while (!Api::isTerminal(task.state));
        ++outcome.tasks;
        const Api::DecisionId decisionId = task.result ? task.result->decisionId
            : task.error
            ? Api::DecisionId(quint64(task.error->details.value(QStringLiteral("decision_id")).toInteger()))
            : Api::DecisionId();
        if (!decisionId.isValid()) {
            ++outcome.undecided;
            continue;
        }
        const Api::Decision d
            = wait<Api::Decision>([&](auto done) { m_engine->tasks().decision(decisionId, done); }).value();
        outcome.rounds += static_cast<int>(d.rounds.size());
        if (!d.rounds.isEmpty() && d.rounds.constFirst().votes.size() == 1)
            outcome.soleVoters.append(d.rounds.constFirst().votes.constFirst().agentId);
        if (d.outcome != Api::DecisionOutcome::Decided)
            ++outcome.undecided;
        else if (d.answer == QLatin1StringView("A"))
            ++outcome.right;
        else
            ++outcome.wrong;
    }
    return outcome;
}

} // namespace QwenSwarm::Bench
