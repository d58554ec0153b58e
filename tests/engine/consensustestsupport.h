#pragma once

// Shared by the tst_<strategy>strategy tests: votes, rounds and the data-driven verdict check.
#include "consensus/consensusstrategy.h"

#include <testsupport.h>

#include <QJsonObject>
#include <QTest>

namespace QwenSwarm::Testing {

/// A vote of `agent`; an uncounted status leaves the normalised answer empty, as the engine does.
inline Api::Vote vote(quint64 agent, const QString &answer, double weight = 1,
                      Api::VoteStatus status = Api::VoteStatus::Valid)
{
    Api::Vote v;
    v.agentId = Api::AgentId(agent);
    v.status = status;
    v.rawAnswer = answer;
    v.normalizedAnswer = status == Api::VoteStatus::Valid ? answer : QString();
    v.weight = weight;
    return v;
}

/// An uncounted vote that still carries an answer, to show that its answer does not count either.
inline Api::Vote uncounted(quint64 agent, Api::VoteStatus status, const QString &answer = QString())
{
    Api::Vote v = vote(agent, answer, 1, status);
    v.normalizedAnswer = answer;
    return v;
}

inline QList<Api::Round> oneRound(const QList<Api::Vote> &votes)
{
    return {Api::Round {0, votes}};
}

inline QList<quint64> ids(const QList<Api::AgentId> &agents)
{
    QList<quint64> out;
    for (Api::AgentId id : agents)
        out.append(id.value);
    return out;
}

/// The Decision the engine would record for `rounds`, without its explanation.
inline Api::Decision decisionOf(const Engine::ConsensusStrategy &strategy, const QJsonObject &parameters,
                                const QList<Api::Round> &rounds)
{
    const Engine::Verdict verdict = strategy.decide(parameters, rounds);
    Api::Decision d;
    d.strategy = Api::StrategySpec {strategy.name(), parameters};
    d.rounds = rounds;
    d.outcome = verdict.outcome;
    d.answer = verdict.answer;
    d.agreement = verdict.agreement;
    d.dissenters = verdict.dissenters;
    return d;
}

/// The columns verifyVerdict() reads.
inline void addVerdictColumns()
{
    QTest::addColumn<QList<Api::Vote>>("votes");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<bool>("decided");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<double>("agreement");
    QTest::addColumn<QList<quint64>>("dissenters");
    QTest::addColumn<QString>("reason");
}

/// Decides the row's votes (one round) and compares the verdict with the row.
inline void verifyVerdict(const Engine::ConsensusStrategy &strategy)
{
    QFETCH(QList<Api::Vote>, votes);
    QFETCH(QJsonObject, parameters);
    QFETCH(bool, decided);
    QFETCH(QString, answer);
    QFETCH(double, agreement);
    QFETCH(QList<quint64>, dissenters);
    QFETCH(QString, reason);

    QS_VERIFY_OK(strategy.validateParameters(parameters));
    const Engine::Verdict verdict = strategy.decide(parameters, oneRound(votes));
    QCOMPARE(Api::enumName(verdict.outcome).toString(),
             Api::enumName(decided ? Api::DecisionOutcome::Decided : Api::DecisionOutcome::NoDecision).toString());
    QCOMPARE(verdict.answer, answer);
    QVERIFY2(qAbs(verdict.agreement - agreement) < 1e-9,
             qPrintable(QStringLiteral("agreement %1, expected %2").arg(verdict.agreement).arg(agreement)));
    QCOMPARE(ids(verdict.dissenters), dissenters);
    QCOMPARE(verdict.reason, reason);
}

/// The columns verifyParameters() reads: the parameters, and the path of the bad one (empty: valid).
inline void addParameterColumns()
{
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QString>("badPath");
}

inline void verifyParameters(const Engine::ConsensusStrategy &strategy)
{
    QFETCH(QJsonObject, parameters);
    QFETCH(QString, badPath);

    const auto result = strategy.validateParameters(parameters);
    if (badPath.isEmpty()) {
        QS_VERIFY_OK(result);
        return;
    }
    QS_VERIFY_ERROR(result, Api::ErrorCode::InvalidArgument);
    QCOMPARE(result.error().details.value(QStringLiteral("path")).toString(), badPath);
    QVERIFY2(result.error().message.startsWith(QString(badPath + QStringLiteral(": "))),
             qPrintable(result.error().message));
}

} // namespace QwenSwarm::Testing
