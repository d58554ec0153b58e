#pragma once

#include <api/decision.h>
#include <api/task.h>

namespace QwenSwarm::Engine {

struct EngineContext;

/// Writes what a swarm lived through to memory, for the agents and swarms whose MemoryOptions ask
/// for it (`record`): each answering agent's turn (the prompt it was given and its answer, kind
/// Turn) to its own memory, and the decision (kind Decision) to the swarm's shared memory. Entries
/// carry the task's tags and "engine" as their source, and count against their owner's budget.
/// The writes go to the store without waiting: a failed one loses a memory, never the task.
class MemoryRecorder
{
public:
    static void recordDecision(EngineContext &context, const Api::Task &task, const Api::Decision &decision);
};

} // namespace QwenSwarm::Engine
