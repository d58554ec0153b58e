#pragma once

#include <api/decision.h>

#include <QString>

#include <functional>

namespace QwenSwarm::Ui {

/// The "why" of a decision in plain words, worked out from its trail: what each round's votes were,
/// which rule the strategy applies, and how those votes met it or fell short (tie, quorum, threshold,
/// 2f+1). Where its reading of the votes and the recorded outcome disagree, it says so and quotes
/// the strategy's own account.
class ConsensusWhy
{
public:
    using NameOf = std::function<QString(Api::AgentId)>;

    static QString explain(const Api::Decision &decision, const NameOf &name);

private:
    static QString roundLine(const Api::Decision &decision, int round, const NameOf &name);
    static QString reasoning(const Api::Decision &decision, const NameOf &name, bool &decides, QString &answer);
    static QString byzantineReasoning(const Api::Decision &decision, const NameOf &name, bool &decides,
                                      QString &answer);
    static QString names(const QList<Api::AgentId> &ids, const NameOf &name);
};

} // namespace QwenSwarm::Ui
