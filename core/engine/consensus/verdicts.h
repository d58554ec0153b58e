#pragma once

#include "consensus/consensusstrategy.h"

namespace QwenSwarm::Engine {

/// The two common shapes of a Verdict.
struct Verdicts
{
    /// NoDecision for `reason` (machine-friendly snake_case).
    static Verdict noDecision(QString reason);
    /// Decided on `answer`; the dissenters are the agents of the round's valid votes for another answer.
    static Verdict decided(const Api::Round &round, const QString &answer, double agreement);
};

} // namespace QwenSwarm::Engine
