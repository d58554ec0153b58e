#include "store/memoryrules.h"

#include <algorithm>

namespace QwenSwarm::Engine::MemoryRules {

qint64 ownerKey(Api::AgentId agent, Api::SwarmId swarm)
{
    return agent.isValid() ? static_cast<qint64>(agent.value) : -static_cast<qint64>(swarm.value);
}

QList<qint64> queryOwners(const Api::MemoryQuery &query)
{
    if (!query.agentId.isValid())
        return {};
    QList<qint64> owners {ownerKey(query.agentId, {})};
    if (query.includeSwarmEntries && query.swarmId.isValid())
        owners.append(ownerKey({}, query.swarmId));
    return owners;
}

QStringList words(const QString &text)
{
    QStringList out;
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            word += c.toCaseFolded();
        } else if (!word.isEmpty()) {
            out.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        out.append(word);
    return out;
}

QStringList distinctWords(const QString &text)
{
    QStringList all = words(text);
    all.removeDuplicates();
    return all;
}

bool containsWords(const QString &text, const QStringList &search)
{
    if (search.isEmpty())
        return true;
    const QStringList have = words(text);
    return std::all_of(search.cbegin(), search.cend(), [&have](const QString &w) { return have.contains(w); });
}

bool matches(const Api::MemoryEntry &e, const Api::MemoryQuery &q, qint64 nowMs)
{
    const QList<qint64> owners = queryOwners(q);
    if (!owners.isEmpty() && !owners.contains(ownerKey(e)))
        return false;
    if (q.swarmId.isValid() && e.swarmId != q.swarmId)
        return false;
    if (!q.kinds.isEmpty() && !q.kinds.contains(e.kind))
        return false;
    if (!q.tag.isEmpty() && !e.tags.contains(q.tag))
        return false;
    if ((q.createdFromMs != 0 && e.createdMs < q.createdFromMs) || (q.createdToMs != 0 && e.createdMs >= q.createdToMs))
        return false;
    if (!q.includeExpired && e.isExpired(nowMs))
        return false;
    return containsWords(e.text, words(q.text));
}

qint64 bytes(const QString &text)
{
    return text.toUtf8().size();
}

std::vector<quint64> evictions(std::vector<Candidate> entries, const Api::MemoryBudget &budget, qint64 nowMs)
{
    if (entries.empty())
        return {};
    const auto newest = std::max_element(entries.begin(), entries.end(),
                                         [](const Candidate &a, const Candidate &b) { return a.id < b.id; });
    const quint64 keep = newest->id;
    qint64 count = static_cast<qint64>(entries.size());
    qint64 total = 0;
    for (const Candidate &c : entries)
        total += c.bytes;
    const auto expired = [nowMs](const Candidate &c) { return c.expiresMs != 0 && c.expiresMs <= nowMs; };
    std::sort(entries.begin(), entries.end(), [&expired](const Candidate &a, const Candidate &b) {
        const bool ea = expired(a);
        const bool eb = expired(b);
        if (ea != eb)
            return ea;
        if (ea)
            return std::tie(a.expiresMs, a.id) < std::tie(b.expiresMs, b.id);
        return std::tie(a.lastUsedMs, a.id) < std::tie(b.lastUsedMs, b.id);
    });
    const auto over = [&] {
        return (budget.maxEntries > 0 && count > budget.maxEntries) || (budget.maxBytes > 0 && total > budget.maxBytes);
    };
    std::vector<quint64> out;
    for (const Candidate &c : entries) {
        if (c.id == keep)
            continue;
        if (!expired(c) && !over())
            break;
        out.push_back(c.id);
        --count;
        total -= c.bytes;
    }
    return out;
}

Api::Result<void> checkEntry(const Api::MemoryEntry &entry)
{
    if (!entry.agentId.isValid() && !entry.swarmId.isValid())
        return Api::makeError(Api::ErrorCode::InvalidArgument, QStringLiteral("a memory entry needs an owner"));
    if (entry.text.isEmpty())
        return Api::makeError(Api::ErrorCode::InvalidArgument, QStringLiteral("a memory entry needs a text"));
    return {};
}

Api::Result<void> checkImport(const Api::MemoryEntry &entry)
{
    if (entry.id.isValid())
        return Api::makeError(
            Api::ErrorCode::InvalidArgument,
            QStringLiteral("an imported memory entry gets its id from the store (has %1)").arg(entry.id.value));
    return checkEntry(entry);
}

} // namespace QwenSwarm::Engine::MemoryRules
