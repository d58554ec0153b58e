#include "memory/memoryrecorder.h"

#include "memory/memoryservice.h"
#include "prompt/promptrenderer.h"
#include "runtime/enginecontext.h"

namespace QwenSwarm::Engine {

namespace {

void put(EngineContext &context, Api::MemoryEntry entry, const Api::MemoryBudget &budget)
{
    const qint64 now = entry.createdMs;
    context.store->putMemory(entry, budget, now, [](const Api::Result<Api::MemoryEntry> &) {});
}

Api::MemoryEntry entryOf(const Api::Task &task, const Api::Decision &decision, Api::MemoryKind kind, QString text)
{
    Api::MemoryEntry e;
    e.swarmId = decision.swarmId;
    e.kind = kind;
    e.text = std::move(text);
    e.tags = task.spec.tags;
    e.source = QStringLiteral("engine");
    e.createdMs = decision.createdMs;
    e.lastUsedMs = decision.createdMs;
    return e;
}

} // namespace

void MemoryRecorder::recordDecision(EngineContext &context, const Api::Task &task, const Api::Decision &decision)
{
    SwarmRuntime *swarm = context.agents.swarm(decision.swarmId);
    if (!swarm || decision.rounds.isEmpty())
        return;
    for (const Api::Vote &vote : decision.rounds.constLast().votes) {
        AgentRuntime *agent = context.agents.agent(vote.agentId);
        if (!agent || vote.rawAnswer.isEmpty() || !MemoryService::effectiveOptions(*agent, swarm).record)
            continue;
        const QString prompt = PromptRenderer::render(
            task.spec.promptTemplate, task.spec.variables,
            {agent->agent.spec.name, agent->index, Api::enumName(agent->agent.spec.role).toString(), task.id});
        Api::MemoryEntry turn = entryOf(task, decision, Api::MemoryKind::Turn,
                                        QStringLiteral("Asked: %1\nAnswered: %2").arg(prompt, vote.rawAnswer));
        turn.agentId = agent->agent.id;
        put(context, std::move(turn), agent->agent.spec.memory.budget);
    }
    if (!swarm->swarm.memory.record)
        return;
    const QString outcome = decision.outcome == Api::DecisionOutcome::Decided
        ? QStringLiteral("decided '%1' (agreement %2%)").arg(decision.answer).arg(qRound(decision.agreement * 100))
        : QStringLiteral("reached no decision (%1)").arg(Api::enumName(decision.outcome));
    const QString prompt = PromptRenderer::render(task.spec.promptTemplate, task.spec.variables, {});
    put(context,
        entryOf(task, decision, Api::MemoryKind::Decision,
                QStringLiteral("Task %1: %2\nThe swarm %3").arg(task.id.toString(), prompt, outcome)),
        swarm->swarm.memory.budget);
}

} // namespace QwenSwarm::Engine
