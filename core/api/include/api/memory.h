#pragma once

#include "api/enumnames.h"
#include "api/ids.h"
#include "api/page.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace QwenSwarm::Api {

using MemoryId = Id<struct MemoryTag>;

/// What a memory entry holds.
enum class MemoryKind
{
    Turn, ///< A turn of a conversation: what an agent was asked and what it answered.
    Fact, ///< Something known, written by an operator or an agent.
    Decision, ///< A decision a swarm reached.
};

template<>
struct EnumNames<MemoryKind>
{
    static constexpr std::array<QStringView, 3> names {u"turn", u"fact", u"decision"};
};

/// One remembered item. It belongs to an agent (agentId valid; swarmId is then the agent's swarm) or,
/// shared by all its agents, to a swarm (agentId invalid).
struct MemoryEntry
{
    MemoryId id;
    AgentId agentId;
    SwarmId swarmId;
    MemoryKind kind = MemoryKind::Fact;
    QString text;
    QStringList tags;
    QString source; ///< Who wrote it: "engine", or "operator:<name>" (filled in by the backend).
    qint64 createdMs = 0; ///< Milliseconds since the epoch, UTC.
    qint64 lastUsedMs = 0; ///< When it was last given to an agent as context (or written).
    qint64 expiresMs = 0; ///< When its TTL runs out; 0 = never.

    bool isExpired(qint64 nowMs) const { return expiresMs != 0 && expiresMs <= nowMs; }
    bool operator==(const MemoryEntry &) const = default;
};

/// What a client writes: the owner, the content and a time to live. The backend fills in the rest.
struct MemorySpec
{
    AgentId agentId; ///< The owning agent, or invalid for a swarm's shared entry.
    SwarmId swarmId; ///< The owning swarm when agentId is invalid (ignored otherwise).
    MemoryKind kind = MemoryKind::Fact;
    QString text; ///< 1..65536 characters.
    QStringList tags;
    qint64 ttlMs = 0; ///< Lifetime from now; 0 = until evicted or removed.
    /// Who writes it. Set by the backend: a server names its authenticated caller ("operator:<name>");
    /// in-process, an empty one is the local operator.
    QString source;

    bool operator==(const MemorySpec &) const = default;
};

/// A paged, filtered view of memory, newest first. Expired entries are left out unless asked for.
struct MemoryQuery
{
    AgentId agentId; ///< Valid: only this agent's entries (plus its swarm's, see includeSwarmEntries).
    SwarmId swarmId; ///< Valid: only entries of this swarm (its shared ones and its agents').
    bool includeSwarmEntries = false; ///< With agentId and swarmId: the swarm's shared entries too.
    QList<MemoryKind> kinds; ///< Empty = every kind.
    QString tag; ///< Only entries carrying this tag (exact).
    QString text; ///< Full-text search: every word must occur as a word of the text (case-insensitive).
    qint64 createdFromMs = 0; ///< Inclusive; 0 = open.
    qint64 createdToMs = 0; ///< Exclusive; 0 = open.
    bool includeExpired = false;
    PageRequest page;

    bool operator==(const MemoryQuery &) const = default;
};

/// How much an owner (an agent, or a swarm's shared memory) may keep. When a write goes over it,
/// entries are evicted in this order until it fits: expired entries first (soonest expired first),
/// then the least recently used (oldest lastUsedMs, then oldest id); the newest entry (the highest
/// id) is never evicted, so a single entry larger than the budget is kept alone.
struct MemoryBudget
{
    int maxEntries = 10000; ///< 0 = no limit.
    qint64 maxBytes = 16 * 1024 * 1024; ///< Text bytes (UTF-8); 0 = no limit.

    bool operator==(const MemoryBudget &) const = default;
};

/// An agent's or a swarm's use of memory: whether its turns and decisions are recorded, whether its
/// recent memory is given to it as context, and how much it may keep. Off by default.
struct MemoryOptions
{
    bool record = false; ///< Record each answer (a turn) and each decision to memory.
    int contextEntries = 0; ///< Give the agent its newest N entries as context; 0 = none.
    MemoryBudget budget;

    bool operator==(const MemoryOptions &) const = default;
};

} // namespace QwenSwarm::Api
