#include "learning/reputationbook.h"

#include "store/storewriter.h"

#include <algorithm>
#include <cmath>

namespace QwenSwarm::Engine {

using Api::ReputationCause;
using Api::VoteStatus;

namespace {

constexpr double minimumParameter = 0.01; // alpha and beta never reach 0, whatever is taken back

const Api::Round *lastRound(const Api::Decision &decision)
{
    return decision.rounds.isEmpty() ? nullptr : &decision.rounds.constLast();
}

} // namespace

ReputationBook::ReputationBook(StoreWriter &writer)
    : m_writer(writer)
{ }

void ReputationBook::restore(const QList<Api::Reputation> &stored)
{
    for (const Api::Reputation &r : stored)
        m_entries.insert({r.agentId.value, r.tag}, Entry {r, r.mean(), r.updatedMs, false});
}

Api::Reputation ReputationBook::reputation(Api::AgentId agent, const QString &tag) const
{
    const auto it = m_entries.constFind({agent.value, tag});
    if (it != m_entries.constEnd())
        return it->value;
    Api::Reputation fresh;
    fresh.agentId = agent;
    fresh.tag = tag;
    return fresh;
}

double ReputationBook::probability(Api::AgentId agent, const QStringList &tags) const
{
    const Api::Reputation *best = nullptr;
    for (const QString &tag : tags) {
        const auto it = m_entries.constFind({agent.value, tag});
        if (it != m_entries.constEnd() && it->value.updates >= tagConfidence
            && (!best || it->value.updates > best->updates))
            best = &it->value;
    }
    return best ? best->mean() : reputation(agent).mean();
}

double ReputationBook::logOddsWeight(double probability)
{
    const double p = std::clamp(probability, 0.01, 0.99);
    return std::log(p / (1 - p));
}

QList<ReputationBook::Delta> ReputationBook::agreementDeltas(const Api::Decision &decision, const QString &truth)
{
    const QString &right
        = truth.isEmpty() && decision.outcome == Api::DecisionOutcome::Decided ? decision.answer : truth;
    const Api::Round *round = lastRound(decision);
    if (right.isEmpty() || !round)
        return {};
    QList<Delta> deltas;
    for (const Api::Vote &vote : round->votes) {
        if (vote.status != VoteStatus::Valid)
            continue;
        const bool correct = vote.normalizedAnswer == right;
        deltas.append({vote.agentId, correct ? 1.0 : 0.0, correct ? 0.0 : 1.0});
    }
    return deltas;
}

QList<ReputationBook::Delta> ReputationBook::feedbackDeltas(const Api::Decision &decision,
                                                            const Api::DecisionFeedback &feedback)
{
    const Api::Round *round = lastRound(decision);
    if (!round)
        return {};
    QList<Delta> deltas;
    for (const Api::Vote &vote : round->votes) {
        if (vote.status != VoteStatus::Valid)
            continue;
        const bool votedOutcome
            = decision.outcome == Api::DecisionOutcome::Decided && vote.normalizedAnswer == decision.answer;
        if (feedback.correct) {
            deltas.append({vote.agentId, votedOutcome ? feedbackWeight : 0, votedOutcome ? 0 : feedbackWeight});
        } else if (votedOutcome) {
            deltas.append({vote.agentId, 0, feedbackWeight});
        } else if (!feedback.correctAnswer.isEmpty() && vote.normalizedAnswer == feedback.correctAnswer) {
            deltas.append({vote.agentId, feedbackWeight, 0});
        }
    }
    return deltas;
}

void ReputationBook::learnFromDecision(const Api::Decision &decision, const QStringList &tags, const QString &truth,
                                       qint64 nowMs)
{
    apply(agreementDeltas(decision, truth), 1, tags, ReputationCause::Agreement, decision.id, nowMs);
}

void ReputationBook::learnFromFeedback(const Api::Decision &decision, const QStringList &tags, const QString &truth,
                                       const Api::DecisionFeedback &feedback,
                                       const std::optional<Api::DecisionFeedback> &previous, qint64 nowMs)
{
    if (previous)
        apply(feedbackDeltas(decision, *previous), -1, tags, ReputationCause::Feedback, decision.id, nowMs);
    else
        apply(agreementDeltas(decision, truth), -1, tags, ReputationCause::Feedback, decision.id, nowMs);
    apply(feedbackDeltas(decision, feedback), 1, tags, ReputationCause::Feedback, decision.id, nowMs);
}

void ReputationBook::apply(const QList<Delta> &deltas, double sign, const QStringList &tags, ReputationCause cause,
                           Api::DecisionId decision, qint64 nowMs)
{
    for (const Delta &d : deltas) {
        adjust({d.agent.value, QString()}, sign * d.alpha, sign * d.beta, cause, decision, nowMs);
        for (const QString &tag : tags)
            adjust({d.agent.value, tag}, sign * d.alpha, sign * d.beta, cause, decision, nowMs);
    }
}

void ReputationBook::adjust(const Key &key, double alpha, double beta, ReputationCause cause, Api::DecisionId decision,
                            qint64 nowMs)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        Entry fresh;
        fresh.value.agentId = Api::AgentId(key.first);
        fresh.value.tag = key.second;
        fresh.pointMs = nowMs;
        it = m_entries.insert(key, fresh);
    }
    Api::Reputation &r = it->value;
    r.alpha = std::max(minimumParameter, r.alpha + alpha);
    r.beta = std::max(minimumParameter, r.beta + beta);
    ++r.updates;
    r.updatedMs = nowMs;
    it->dirty = true;
    const bool worthAPoint = cause != ReputationCause::Agreement || std::abs(r.mean() - it->pointMean) >= pointEvery
        || nowMs - it->pointMs >= pointIntervalMs;
    if (!worthAPoint)
        return;
    it->pointMean = r.mean();
    it->pointMs = nowMs;
    it->dirty = false;
    m_writer.append(
        ReputationWrite {r, Api::ReputationPoint {r.agentId, r.tag, r.alpha, r.beta, cause, decision, nowMs}});
}

QList<Api::Reputation> ReputationBook::list(Api::AgentId agent) const
{
    QList<Api::Reputation> out;
    for (const Entry &e : m_entries) {
        if (!agent.isValid() || e.value.agentId == agent)
            out.append(e.value);
    }
    std::sort(out.begin(), out.end(), [](const Api::Reputation &a, const Api::Reputation &b) {
        return a.agentId != b.agentId ? a.agentId < b.agentId : a.tag < b.tag;
    });
    return out;
}

Api::LearningState ReputationBook::exportState() const
{
    return Api::LearningState {1, list()};
}

void ReputationBook::importState(const Api::LearningState &state, qint64 nowMs)
{
    for (Api::Reputation r : state.reputations) {
        r.updatedMs = nowMs;
        m_entries.insert({r.agentId.value, r.tag}, Entry {r, r.mean(), nowMs, false});
        m_writer.append(ReputationWrite {
            r, Api::ReputationPoint {r.agentId, r.tag, r.alpha, r.beta, ReputationCause::Import, {}, nowMs}});
    }
}

void ReputationBook::flush()
{
    for (Entry &e : m_entries) {
        if (!e.dirty)
            continue;
        e.dirty = false;
        m_writer.append(ReputationWrite {e.value, std::nullopt});
    }
}

} // namespace QwenSwarm::Engine
