#include "consensus/verdicts.h"

namespace QwenSwarm::Engine {

Verdict Verdicts::noDecision(QString reason)
{
    Verdict verdict;
    verdict.reason = std::move(reason);
    return verdict;
}

Verdict Verdicts::decided(const Api::Round &round, const QString &answer, double agreement)
{
    Verdict verdict;
    verdict.outcome = Api::DecisionOutcome::Decided;
    verdict.answer = answer;
    verdict.agreement = agreement;
    for (const Api::Vote &vote : round.votes) {
        if (vote.status == Api::VoteStatus::Valid && vote.normalizedAnswer != answer)
            verdict.dissenters.append(vote.agentId);
    }
    return verdict;
}

} // namespace QwenSwarm::Engine
