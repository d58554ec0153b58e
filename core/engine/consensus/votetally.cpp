#include "consensus/votetally.h"

namespace QwenSwarm::Engine {

VoteTally::VoteTally(const Api::Round &round)
{
    for (const Api::Vote &vote : round.votes) {
        if (vote.status != Api::VoteStatus::Valid) {
            ++m_uncountedVotes;
            continue;
        }
        ++m_validVotes;
        m_totalWeight += vote.weight;
        auto it = std::find_if(m_entries.begin(), m_entries.end(),
                               [&](const Entry &e) { return e.answer == vote.normalizedAnswer; });
        if (it == m_entries.end())
            m_entries.append(Entry {vote.normalizedAnswer, vote.weight, 1});
        else {
            it->weight += vote.weight;
            ++it->votes;
        }
    }
}

QVarLengthArray<qsizetype, 4> VoteTally::leaders() const
{
    QVarLengthArray<qsizetype, 4> best;
    double bestWeight = -1;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const double w = m_entries[i].weight;
        if (w > bestWeight + 1e-12) {
            best.clear();
            bestWeight = w;
        }
        if (std::abs(w - bestWeight) <= 1e-12)
            best.append(i);
    }
    return best;
}

VoteTally::TieBreak VoteTally::tieBreakFromName(const QString &name)
{
    if (name == QLatin1StringView("first"))
        return TieBreak::First;
    if (name == QLatin1StringView("lexicographic"))
        return TieBreak::Lexicographic;
    return TieBreak::None;
}

std::optional<qsizetype> VoteTally::winner(TieBreak tieBreak) const
{
    const auto tied = leaders();
    if (tied.isEmpty())
        return std::nullopt;
    if (tied.size() == 1 || tieBreak == TieBreak::First)
        return tied.front(); // entries are in first-vote order
    if (tieBreak == TieBreak::None)
        return std::nullopt;
    qsizetype best = tied.front();
    for (qsizetype i : tied) {
        if (m_entries[i].answer < m_entries[best].answer)
            best = i;
    }
    return best;
}

double VoteTally::agreement(qsizetype entry) const
{
    return m_totalWeight > 0 ? m_entries[entry].weight / m_totalWeight : 0;
}

} // namespace QwenSwarm::Engine
