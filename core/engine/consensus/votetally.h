#pragma once

#include <api/decision.h>

#include <QStringList>
#include <QVarLengthArray>

#include <optional>

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

    /// How a tie between leaders is broken: not at all, in favour of the answer voted first, or of
    /// the smallest answer.
    enum class TieBreak
    {
        None,
        First,
        Lexicographic,
    };
    static QStringList tieBreakNames()
    {
        return {QStringLiteral("none"), QStringLiteral("first"), QStringLiteral("lexicographic")};
    }
    static TieBreak tieBreakFromName(const QString &name);
    /// The entry with the most weight, a tie broken as asked; nothing without entries or for an
    /// unbroken tie.
    std::optional<qsizetype> winner(TieBreak tieBreak) const;
    /// Agreement of an entry: its weight / all valid weight.
    double agreement(qsizetype entry) const;

private:
    QVarLengthArray<Entry, 8> m_entries;
    double m_totalWeight = 0;
    int m_validVotes = 0;
    int m_uncountedVotes = 0;
};

} // namespace QwenSwarm::Engine
