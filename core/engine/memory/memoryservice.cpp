#include "memory/memoryservice.h"

#include "runtime/clock.h"
#include "runtime/enginecontext.h"

#include <api/jsonmemory.h>

namespace QwenSwarm::Engine {

namespace {

Api::Error invalid(const QString &message)
{
    return Api::makeError(Api::ErrorCode::InvalidArgument, message);
}

} // namespace

Api::MemoryOptions MemoryService::effectiveOptions(const AgentRuntime &agent, const SwarmRuntime *swarm)
{
    Api::MemoryOptions options = agent.agent.spec.memory;
    if (swarm) {
        options.record = options.record || swarm->swarm.memory.record;
        options.contextEntries = std::max(options.contextEntries, swarm->swarm.memory.contextEntries);
    }
    return options;
}

Api::Result<Api::MemoryBudget> MemoryService::budgetOf(EngineContext &context, Api::MemoryEntry &entry)
{
    if (entry.agentId.isValid()) {
        AgentRuntime *agent = context.agents.agent(entry.agentId);
        if (!agent)
            return Api::makeError(Api::ErrorCode::NotFound,
                                  QStringLiteral("no agent with id %1").arg(entry.agentId.value));
        entry.swarmId = agent->agent.swarmId;
        return agent->agent.spec.memory.budget;
    }
    SwarmRuntime *swarm = context.agents.swarm(entry.swarmId);
    if (!swarm)
        return Api::makeError(Api::ErrorCode::NotFound, QStringLiteral("no swarm with id %1").arg(entry.swarmId.value));
    return swarm->swarm.memory.budget;
}

void MemoryService::query(const Api::MemoryQuery &query, Reply<Api::Page<Api::MemoryEntry>> done)
{
    if (query.createdToMs != 0 && query.createdFromMs > query.createdToMs)
        return done(invalid(QStringLiteral("created_from is after created_to")));
    m_context.store->queryMemory(query, wallClockMs(), std::move(done));
}

void MemoryService::put(const Api::MemorySpec &spec, const QString &source, Reply<Api::MemoryEntry> done)
{
    if (!spec.agentId.isValid() && !spec.swarmId.isValid())
        return done(invalid(QStringLiteral("a memory entry needs an owner: agent_id or swarm_id")));
    if (const auto problem = Api::memorySpecProblem(spec))
        return done(invalid(*problem));
    const qint64 now = wallClockMs();
    Api::MemoryEntry entry;
    entry.agentId = spec.agentId;
    entry.swarmId = spec.swarmId;
    entry.kind = spec.kind;
    entry.text = spec.text;
    entry.tags = spec.tags;
    entry.source = source;
    entry.createdMs = now;
    entry.lastUsedMs = now;
    entry.expiresMs = spec.ttlMs > 0 ? now + spec.ttlMs : 0;
    const auto budget = budgetOf(m_context, entry);
    if (!budget)
        return done(budget.error());
    m_context.store->putMemory(entry, budget.value(), now, std::move(done));
}

void MemoryService::update(Api::MemoryId id, const Api::MemorySpec &spec, const QString &source,
                           Reply<Api::MemoryEntry> done)
{
    if (const auto problem = Api::memorySpecProblem(spec))
        return done(invalid(*problem));
    m_context.store->memoryEntry(
        id, [&context = m_context, spec, source, done = std::move(done)](Api::Result<Api::MemoryEntry> stored) {
            if (!stored)
                return done(stored.error());
            Api::MemoryEntry entry = std::move(stored).value();
            const qint64 now = wallClockMs();
            entry.kind = spec.kind;
            entry.text = spec.text;
            entry.tags = spec.tags;
            entry.source = source;
            entry.lastUsedMs = now;
            entry.expiresMs = spec.ttlMs > 0 ? now + spec.ttlMs : 0;
            const auto budget = budgetOf(context, entry);
            // An entry outlives its owner: it is kept under no budget then, until removed.
            context.store->putMemory(entry, budget ? budget.value() : Api::MemoryBudget {0, 0}, now, done);
        });
}

void MemoryService::remove(Api::MemoryId id, Reply<void> done)
{
    m_context.store->removeMemory(id, std::move(done));
}

} // namespace QwenSwarm::Engine
