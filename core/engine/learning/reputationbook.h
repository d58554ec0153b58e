#pragma once

#include <api/decision.h>
#include <api/learning.h>

#include <QHash>

namespace QwenSwarm::Engine {

class StoreWriter;

/// What the engine has learned about its agents: a Beta posterior per agent, overall and per task
/// tag. Engine thread only.
///
/// Learning from a decision: every valid vote is scored against the truth — the task's reference
/// answer when it has one (an evaluation task), else the decided answer — and its agent's posterior
/// gains one success (alpha) or one failure (beta). Decisions without an outcome and without a
/// reference teach nothing.
///
/// Operator feedback outweighs agreement: the update the decision made is taken back, and the
/// operator's verdict is applied with weight feedbackWeight: if the decision was right, its voters
/// gain successes and the other valid voters failures; if wrong, its voters gain failures, and the
/// voters of the correct answer (if the operator gave it) gain successes. A second verdict on the
/// same decision first takes back the first.
///
/// History: a point is kept when the operator or an import moved a reputation, when its mean moved
/// by at least pointEvery since the last point, or when a changed reputation had no point for
/// pointInterval; current values are written to the store at least every flush().
class ReputationBook
{
public:
    static constexpr double feedbackWeight = 3.0;
    static constexpr double pointEvery = 0.01;
    static constexpr qint64 pointIntervalMs = 10'000;
    /// Tag reputations need this many updates before they are preferred to the overall one.
    static constexpr quint64 tagConfidence = 5;

    explicit ReputationBook(StoreWriter &writer);

    void restore(const QList<Api::Reputation> &stored);

    /// The reputation of an agent overall ("" tag) or for a tag; Beta(1, 1) if nothing was learned.
    Api::Reputation reputation(Api::AgentId agent, const QString &tag = {}) const;
    /// The probability that `agent` is right on a task with these tags: the posterior mean of the tag
    /// reputation with the most updates (once it has tagConfidence of them), else the overall one.
    double probability(Api::AgentId agent, const QStringList &tags) const;
    /// The log-odds vote weight log(p / (1 - p)), p clamped to [0.01, 0.99].
    static double logOddsWeight(double probability);

    /// `truth`: the normalised reference answer of the task, or empty.
    void learnFromDecision(const Api::Decision &decision, const QStringList &tags, const QString &truth, qint64 nowMs);
    /// `previous`: the verdict this one replaces, if any.
    void learnFromFeedback(const Api::Decision &decision, const QStringList &tags, const QString &truth,
                           const Api::DecisionFeedback &feedback, const std::optional<Api::DecisionFeedback> &previous,
                           qint64 nowMs);

    /// Every reputation of one agent, or of all when `agent` is invalid; sorted by agent, then tag.
    QList<Api::Reputation> list(Api::AgentId agent = {}) const;
    Api::LearningState exportState() const;
    /// Replaces the reputations the state names.
    void importState(const Api::LearningState &state, qint64 nowMs);
    /// Writes the current value of every reputation changed since the last flush.
    void flush();

private:
    struct Entry
    {
        Api::Reputation value;
        double pointMean = 0.5;
        qint64 pointMs = 0;
        bool dirty = false;
    };
    using Key = std::pair<quint64, QString>;
    /// Per agent: successes and failures to add.
    struct Delta
    {
        Api::AgentId agent;
        double alpha = 0;
        double beta = 0;
    };

    static QList<Delta> agreementDeltas(const Api::Decision &decision, const QString &truth);
    static QList<Delta> feedbackDeltas(const Api::Decision &decision, const Api::DecisionFeedback &feedback);
    void apply(const QList<Delta> &deltas, double sign, const QStringList &tags, Api::ReputationCause cause,
               Api::DecisionId decision, qint64 nowMs);
    void adjust(const Key &key, double alpha, double beta, Api::ReputationCause cause, Api::DecisionId decision,
                qint64 nowMs);

    StoreWriter &m_writer;
    QHash<Key, Entry> m_entries;
};

} // namespace QwenSwarm::Engine
