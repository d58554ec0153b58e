#include "prompt/memorycontext.h"

#include "memory/memoryservice.h"
#include "runtime/clock.h"
#include "runtime/enginecontext.h"

#include <memory>

namespace QwenSwarm::Engine {

namespace {

int contextEntries(EngineContext &context, const AgentRuntime &agent)
{
    return MemoryService::effectiveOptions(agent, context.agents.swarm(agent.agent.swarmId)).contextEntries;
}

} // namespace

bool MemoryContext::wanted(EngineContext &context, const std::vector<AgentRuntime *> &agents)
{
    return std::any_of(agents.cbegin(), agents.cend(),
                       [&context](const AgentRuntime *a) { return contextEntries(context, *a) > 0; });
}

void MemoryContext::load(EngineContext &context, const std::vector<AgentRuntime *> &agents,
                         std::function<void(Texts)> done)
{
    struct Pending
    {
        Texts texts;
        QList<Api::MemoryId> used;
        int waiting = 0;
        std::function<void(Texts)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    const qint64 now = wallClockMs();
    std::vector<std::pair<quint64, Api::MemoryQuery>> queries;
    for (const AgentRuntime *agent : agents) {
        const int entries = contextEntries(context, *agent);
        if (entries <= 0)
            continue;
        Api::MemoryQuery query;
        query.agentId = agent->agent.id;
        query.swarmId = agent->agent.swarmId;
        query.includeSwarmEntries = true;
        query.page.limit = entries;
        queries.emplace_back(agent->agent.id.value, query);
    }
    pending->waiting = static_cast<int>(queries.size());
    if (queries.empty())
        return pending->done({});
    Store &store = *context.store;
    for (const auto &[agentId, query] : queries) {
        store.queryMemory(query, now,
                          [pending, &store, now, id = agentId](Api::Result<Api::Page<Api::MemoryEntry>> page) {
                              if (page && !page->items.isEmpty()) {
                                  pending->texts.insert(id, render(page->items));
                                  for (const Api::MemoryEntry &e : std::as_const(page->items))
                                      pending->used.append(e.id);
                              }
                              if (--pending->waiting > 0)
                                  return;
                              if (!pending->used.isEmpty())
                                  store.touchMemory(pending->used, now, {});
                              pending->done(std::move(pending->texts));
                          });
    }
}

QString MemoryContext::render(const QList<Api::MemoryEntry> &entries)
{
    if (entries.isEmpty())
        return {};
    QString text = QStringLiteral("What you remember (most recent first):");
    for (const Api::MemoryEntry &e : entries)
        text += QStringLiteral("\n- (") + Api::enumName(e.kind) + QStringLiteral(") ") + e.text.simplified();
    return text;
}

} // namespace QwenSwarm::Engine
