#pragma once

#include "consensus/votetally.h"

#include <api/decision.h>

namespace QwenSwarm::Engine {

/// Pieces of the plain-words explanations strategies give, computed from a decision's trail.
struct TrailText
{
    /// "66.7%".
    static QString percent(double fraction);
    /// A weight or score with up to four significant digits: "2", "0.6931".
    static QString number(double value);
    /// Every answer of the tally with its votes, and its weight where that differs:
    /// "'a' 3 votes, 'b' 1 vote (weight 0.5)"; "no valid votes" for none.
    static QString answers(const VoteTally &tally);
    /// "; 2 votes not counted (1 abstained, 1 timed out)", or nothing when every vote counted.
    static QString uncounted(const Api::Round &round);
    /// "agent 3", "agents 1, 2 and 4", "no agent".
    static QString agents(const QList<Api::AgentId> &agents);
    /// "1 vote", "3 votes".
    static QString votes(qsizetype count);
    /// " (round 2)" when a task took more than one round, else nothing.
    static QString roundNote(const QList<Api::Round> &rounds);
};

} // namespace QwenSwarm::Engine
