#pragma once

#include "consensus/votetally.h"

#include <QList>
#include <QStringList>

namespace QwenSwarm::Engine {

/// Settles a tie by the rules of VoteTally::TieBreak among candidates that are not a tally's
/// entries (Borda candidates, medoid answers).
struct TieBreaker
{
    /// Among the tied `candidates` (positions into `answers`, which are in the order first given),
    /// the one `rule` picks: the earliest for First, the smallest answer for Lexicographic; -1 when
    /// more than one is tied under None, or none is.
    static qsizetype pick(VoteTally::TieBreak rule, const QList<qsizetype> &candidates, const QStringList &answers);
    /// The parameter spelling of `rule`.
    static QString name(VoteTally::TieBreak rule);
};

} // namespace QwenSwarm::Engine
