#include "consensus/tiebreaker.h"

#include <algorithm>

namespace QwenSwarm::Engine {

qsizetype TieBreaker::pick(VoteTally::TieBreak rule, const QList<qsizetype> &candidates, const QStringList &answers)
{
    if (candidates.isEmpty())
        return -1;
    if (candidates.size() == 1)
        return candidates.constFirst();
    switch (rule) {
    case VoteTally::TieBreak::None:
        return -1;
    case VoteTally::TieBreak::First:
        return *std::min_element(candidates.cbegin(), candidates.cend());
    case VoteTally::TieBreak::Lexicographic:
        return *std::min_element(candidates.cbegin(), candidates.cend(),
                                 [&answers](qsizetype a, qsizetype b) { return answers[a] < answers[b]; });
    }
    return -1;
}

QString TieBreaker::name(VoteTally::TieBreak rule)
{
    return VoteTally::tieBreakNames().value(static_cast<qsizetype>(rule));
}

} // namespace QwenSwarm::Engine
