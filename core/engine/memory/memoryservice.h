#pragma once

#include <api/error.h>
#include <api/memory.h>

#include <functional>

namespace QwenSwarm::Engine {

struct AgentRuntime;
struct EngineContext;
struct SwarmRuntime;

/// Memory as the Backend offers it: browsing, writing and removing entries, on top of the store's
/// memory calls. Checks what clients send (owners that exist, specs that can be stored), stamps
/// entries with the time and their source, and applies the owner's budget: an agent's entries
/// count against its AgentSpec's MemoryOptions::budget, a swarm's shared entries against its
/// Swarm's. Stateless: made on demand over the engine's context. Engine thread only.
class MemoryService
{
public:
    template<typename T>
    using Reply = std::function<void(Api::Result<T>)>;

    explicit MemoryService(EngineContext &context)
        : m_context(context)
    { }

    void query(const Api::MemoryQuery &query, Reply<Api::Page<Api::MemoryEntry>> done);
    /// NotFound for an owner the engine does not know; InvalidArgument for a spec that cannot be stored.
    void put(const Api::MemorySpec &spec, const QString &source, Reply<Api::MemoryEntry> done);
    /// Replaces the entry's kind, text, tags and expiry (its TTL counted from now) and names `source`
    /// as its writer; the owner stays (the spec's is ignored).
    void update(Api::MemoryId id, const Api::MemorySpec &spec, const QString &source, Reply<Api::MemoryEntry> done);
    void remove(Api::MemoryId id, Reply<void> done);

    /// An agent's memory options: its own, with its swarm's filling in what it leaves off (recording
    /// on if either asks; the larger context).
    static Api::MemoryOptions effectiveOptions(const AgentRuntime &agent, const SwarmRuntime *swarm);

private:
    /// The budget of the entry's owner, or NotFound for an owner that does not exist.
    static Api::Result<Api::MemoryBudget> budgetOf(EngineContext &context, Api::MemoryEntry &entry);

    EngineContext &m_context;
};

} // namespace QwenSwarm::Engine
