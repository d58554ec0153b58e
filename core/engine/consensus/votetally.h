#pragma once

#include <api/decision.h>

#include <QVarLengthArray>

namespace QwenSwarm::Engine {

/// Vote weight per distinct answer of one round, in order of each answer's first valid vote.
class VoteTally
{
public:
    struct Entry
    {
        QString answer;
        double weight = 0;
        int votes = 0;
    };

    explicit VoteTally(const Api::Round &round);

    const QVarLengthArray<Entry, 8> &entries() const { return m_entries; }
    double totalWeight() const { return m_totalWeight; }
    int validVotes() const { return m_validVotes; }
    int uncountedVotes() const { return m_uncountedVotes; }
    /// Indexes of the entries with the greatest weight.
    QVarLengthArray<qsizetype, 4> leaders() const;

private:
    QVarLengthArray<Entry, 8> m_entries;
    double m_totalWeight = 0;
    int m_validVotes = 0;
    int m_uncountedVotes = 0;
};

} // namespace QwenSwarm::Engine
