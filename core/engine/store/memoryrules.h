#pragma once

#include <api/error.h>
#include <api/memory.h>

#include <QStringList>

#include <vector>

namespace QwenSwarm::Engine {

/// What memory entries, queries and budgets mean, shared by the stores so that each keeps the same
/// semantics (MemoryStore applies them directly; the SQL stores follow them in SQL).
namespace MemoryRules {

/// The owner of an entry as one number: the agent's id for an agent's entry, minus the swarm's id for
/// a swarm's shared entry. Stores keep it in a column of its own, indexed.
qint64 ownerKey(Api::AgentId agent, Api::SwarmId swarm);
inline qint64 ownerKey(const Api::MemoryEntry &e)
{
    return ownerKey(e.agentId, e.swarmId);
}

/// The owners a query reads: empty = every owner (the swarm filter, if any, applies on its own).
QList<qint64> queryOwners(const Api::MemoryQuery &query);

/// The words of a text as the full-text search sees them: maximal runs of letters and digits,
/// case-folded. SQLite's unicode61 tokenizer and PostgreSQL's 'simple' configuration split alike.
QStringList words(const QString &text);

/// The distinct words of a text, in the order they first occur: what the full-text indexes hold.
QStringList distinctWords(const QString &text);

/// Whether every word of `search` is a word of `text`.
bool containsWords(const QString &text, const QStringList &search);

/// Whether `entry` belongs to the results of `query` at `nowMs` (paging aside).
bool matches(const Api::MemoryEntry &entry, const Api::MemoryQuery &query, qint64 nowMs);

/// The size an entry counts for in a budget: its text in UTF-8 bytes.
qint64 bytes(const QString &text);

/// One entry of an owner as eviction sees it.
struct Candidate
{
    quint64 id = 0;
    qint64 bytes = 0;
    qint64 lastUsedMs = 0;
    qint64 expiresMs = 0;
};

/// The entries to evict from an owner holding `entries` (in any order) at `nowMs`, in eviction order:
/// every expired one, then the least recently used (oldest lastUsedMs, then lowest id) until the rest
/// fits `budget`. The newest entry (highest id) is never among them.
std::vector<quint64> evictions(std::vector<Candidate> entries, const Api::MemoryBudget &budget, qint64 nowMs);

/// InvalidArgument when an entry cannot be stored (no owner, no text).
Api::Result<void> checkEntry(const Api::MemoryEntry &entry);
/// checkEntry(), and InvalidArgument for an entry that has an id: imports write new entries.
Api::Result<void> checkImport(const Api::MemoryEntry &entry);

} // namespace MemoryRules

} // namespace QwenSwarm::Engine
