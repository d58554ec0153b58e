#pragma once

#include <api/error.h>
#include <api/memory.h>

#include <QHash>

#include <functional>
#include <vector>

namespace QwenSwarm::Engine {

struct AgentRuntime;
struct EngineContext;

/// An agent's recent memory as context for its prompt (MemoryOptions::contextEntries): its own
/// newest entries and its swarm's shared ones, not expired, newest first. The entries given are
/// marked as used, so the budget's eviction keeps what agents use.
class MemoryContext
{
public:
    /// The context text of each agent that asks for one, by agent id.
    using Texts = QHash<quint64, QString>;

    /// Whether any of `agents` is given memory as context (then load() has work to do).
    static bool wanted(EngineContext &context, const std::vector<AgentRuntime *> &agents);
    /// Reads the memory of those of `agents` that want it and answers their context texts. A store
    /// that fails or keeps no memory gives no context (the task runs without it).
    static void load(EngineContext &context, const std::vector<AgentRuntime *> &agents,
                     std::function<void(Texts)> done);
    /// The context text of `entries` (newest first), for the end of the agent's system prompt;
    /// empty when there are none.
    static QString render(const QList<Api::MemoryEntry> &entries);
};

} // namespace QwenSwarm::Engine
