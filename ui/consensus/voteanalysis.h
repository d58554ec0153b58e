#pragma once

#include <api/decision.h>

#include <QList>
#include <QString>

namespace QwenSwarm::Ui {

/// What the views read off a decision's trail, computed from its votes alone: per round, each
/// normalised answer with its supporters, votes and weight, and the share of the leader; the rule
/// the strategy applies (the share or count an answer had to reach); and for Byzantine approval the
/// n, f and 2f+1 of the deciding round and which votes counted toward the winner.
class VoteAnalysis
{
public:
    struct AnswerTally
    {
        QString answer;
        int votes = 0;
        double weight = 0;
        QList<Api::AgentId> agents;
    };
    struct RoundTally
    {
        int index = 0;
        QList<AnswerTally> answers; ///< Most weight first; equal weight in order of the first vote.
        int validVotes = 0;
        double validWeight = 0;
        QList<const Api::Vote *> uncounted; ///< Abstained, malformed, failed, timed out, cancelled.

        double shareOf(qsizetype i) const { return validWeight > 0 ? answers.at(i).weight / validWeight : 0; }
        /// More than one answer shares the top weight.
        bool topTied() const;
    };
    struct Byzantine
    {
        int n = 0;
        int f = 0;
        int needed = 1; ///< 2f+1
        bool fGiven = false;
        QList<Api::AgentId> equivocators;
        QList<Api::AgentId> countedForWinner; ///< Valid votes for the decided answer, toward 2f+1.
    };

    /// Whether votes count their weight (weighted strategies and weighted thresholds) or one each.
    static bool isWeighted(const Api::Decision &decision);
    static RoundTally tally(const Api::Round &round, bool weighted);
    static QList<RoundTally> tallies(const Api::Decision &decision);
    /// The share (0..1) the winner had to reach, or -1 where the rule is "most" rather than a share.
    static double requiredShare(const Api::Decision &decision);
    /// In words: "more than half", "at least 67% and 3 valid votes", "2f+1 = 3 matching votes", ...
    static QString ruleText(const Api::Decision &decision);
    static Byzantine byzantine(const Api::Decision &decision);
    static int minVotes(const Api::Decision &decision);
    static QString tieBreak(const Api::Decision &decision);
};

} // namespace QwenSwarm::Ui
