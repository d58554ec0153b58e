#include "consensus/thresholdstrategy.h"

#include "consensustestsupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::DecisionOutcome;
using Api::VoteStatus;

class TestThresholdStrategy : public QObject
{
    Q_OBJECT

private slots:
    void name();
    void decide_data();
    void decide();
    void onFail_data();
    void onFail();
    void roundsAndReputation_data();
    void roundsAndReputation();
    void validateParameters_data();
    void validateParameters();
    void explainDecided();
    void explainNoDecision_data();
    void explainNoDecision();
};

void TestThresholdStrategy::name()
{
    QCOMPARE(ThresholdStrategy().name(), u"threshold"_s);
}

void TestThresholdStrategy::decide_data()
{
    addVerdictColumns();
    const QJsonObject none;
    const QString a = u"a"_s;
    const QString b = u"b"_s;
    using Votes = QList<Api::Vote>;
    using Ids = QList<quint64>;
    auto params = [](std::initializer_list<std::pair<QString, QJsonValue>> items) {
        QJsonObject o;
        for (const auto &[k, v] : items)
            o.insert(k, v);
        return o;
    };

    QTest::newRow("2 of 3 reaches the default 2/3")
        << Votes {vote(1, a), vote(2, a), vote(3, b)} << none << true << a << 2.0 / 3 << Ids {3} << QString();
    QTest::newRow("3 of 5 is below 2/3") << Votes {vote(1, a), vote(2, a), vote(3, b), vote(4, a), vote(5, b)} << none
                                         << false << QString() << 0.0 << Ids {} << u"below_threshold"_s;
    QTest::newRow("3 of 4 reaches 0.75") << Votes {vote(1, a), vote(2, a), vote(3, b), vote(4, a)}
                                         << params({{u"threshold"_s, 0.75}}) << true << a << 0.75 << Ids {3}
                                         << QString();
    QTest::newRow("threshold 1 needs all valid votes")
        << Votes {vote(1, a), vote(2, a), vote(3, b)} << params({{u"threshold"_s, 1}}) << false << QString() << 0.0
        << Ids {} << u"below_threshold"_s;
    QTest::newRow("tie is below any threshold") << Votes {vote(1, a), vote(2, b)} << params({{u"threshold"_s, 0.51}})
                                                << false << QString() << 0.0 << Ids {} << u"below_threshold"_s;
    QTest::newRow("counts votes, not weights, by default") << Votes {vote(1, a, 0.1), vote(2, a, 0.1), vote(3, b, 5)}
                                                           << none << true << a << 2.0 / 3 << Ids {3} << QString();
    QTest::newRow("weighted: the weight decides")
        << Votes {vote(1, a, 0.1), vote(2, a, 0.1), vote(3, b, 5)} << params({{u"weighted"_s, true}}) << true << b
        << 5 / 5.2 << Ids {1, 2} << QString();
    QTest::newRow("weighted: non-positive weights count 0")
        << Votes {vote(1, a, -3), vote(2, b, 1), vote(3, b, 1), vote(4, a, 1)} << params({{u"weighted"_s, true}})
        << true << b << 2.0 / 3 << Ids {1, 4} << QString();
    QTest::newRow("weighted: no positive weight, every vote counts 1")
        << Votes {vote(1, a, 0), vote(2, a, 0), vote(3, b, -1)} << params({{u"weighted"_s, true}}) << true << a
        << 2.0 / 3 << Ids {3} << QString();
    QTest::newRow("quorum met") << Votes {vote(1, a), vote(2, a), vote(3, a)} << params({{u"quorum"_s, 3}}) << true << a
                                << 1.0 << Ids {} << QString();
    QTest::newRow("quorum counts valid votes only")
        << Votes {vote(1, a), vote(2, a), uncounted(3, VoteStatus::TimedOut, a), uncounted(4, VoteStatus::Malformed, a)}
        << params({{u"quorum"_s, 3}}) << false << QString() << 0.0 << Ids {} << u"quorum_not_met"_s;
    QTest::newRow("uncounted votes are not part of the whole") << Votes {vote(1, a),
                                                                         vote(2, a),
                                                                         uncounted(3, VoteStatus::Abstained, b),
                                                                         uncounted(4, VoteStatus::Failed, b),
                                                                         uncounted(5, VoteStatus::Cancelled, b),
                                                                         vote(6, b)}
                                                               << none << true << a << 2.0 / 3 << Ids {6} << QString();
    QTest::newRow("no valid votes") << Votes {uncounted(1, VoteStatus::TimedOut), uncounted(2, VoteStatus::Cancelled)}
                                    << none << false << QString() << 0.0 << Ids {} << u"quorum_not_met"_s;
    QTest::newRow("empty round") << Votes {} << none << false << QString() << 0.0 << Ids {} << u"quorum_not_met"_s;
}

void TestThresholdStrategy::decide()
{
    verifyVerdict(ThresholdStrategy());
}

void TestThresholdStrategy::onFail_data()
{
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QList<Api::Vote>>("votes");
    QTest::addColumn<int>("roundsRun");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("escalate");
    QTest::addColumn<bool>("anotherRound");

    const QList<Api::Vote> split {vote(1, u"a"_s), vote(2, u"b"_s), vote(3, u"a"_s), vote(4, u"b"_s)};
    const QList<Api::Vote> fewVotes {vote(1, u"a"_s), uncounted(2, VoteStatus::TimedOut)};
    const QJsonObject quorum2 {{u"quorum"_s, 2}};
    auto with = [](QJsonObject o, const QString &key, const QJsonValue &value) {
        o.insert(key, value);
        return o;
    };

    QTest::newRow("no_decision (default)") << QJsonObject() << split << 1 << u"below_threshold"_s << false << false;
    QTest::newRow("no_decision explicit")
        << QJsonObject {{u"on_fail"_s, u"no_decision"_s}} << split << 1 << u"below_threshold"_s << false << false;
    QTest::newRow("escalate below threshold")
        << QJsonObject {{u"on_fail"_s, u"escalate"_s}} << split << 1 << u"escalated"_s << true << false;
    QTest::newRow("escalate without quorum")
        << with(quorum2, u"on_fail"_s, u"escalate"_s) << fewVotes << 1 << u"escalated"_s << true << false;
    QTest::newRow("another_round after round 1 of 3")
        << QJsonObject {{u"on_fail"_s, u"another_round"_s}} << split << 1 << u"below_threshold"_s << false << true;
    QTest::newRow("another_round after round 2 of 3")
        << QJsonObject {{u"on_fail"_s, u"another_round"_s}} << split << 2 << u"below_threshold"_s << false << true;
    QTest::newRow("another_round: none after the last round")
        << QJsonObject {{u"on_fail"_s, u"another_round"_s}} << split << 3 << u"below_threshold"_s << false << false;
    QTest::newRow("another_round with max_rounds 1")
        << QJsonObject {{u"on_fail"_s, u"another_round"_s}, {u"max_rounds"_s, 1}} << split << 1 << u"below_threshold"_s
        << false << false;
    QTest::newRow("another_round without quorum")
        << with(quorum2, u"on_fail"_s, u"another_round"_s) << fewVotes << 1 << u"quorum_not_met"_s << false << true;
}

void TestThresholdStrategy::onFail()
{
    QFETCH(QJsonObject, parameters);
    QFETCH(QList<Api::Vote>, votes);
    QFETCH(int, roundsRun);
    QFETCH(QString, reason);
    QFETCH(bool, escalate);
    QFETCH(bool, anotherRound);

    QS_VERIFY_OK(ThresholdStrategy().validateParameters(parameters));
    QList<Api::Round> rounds;
    for (int r = 0; r < roundsRun; ++r)
        rounds.append(Api::Round {r, votes});
    const Verdict verdict = ThresholdStrategy().decide(parameters, rounds);
    QCOMPARE(verdict.outcome, DecisionOutcome::NoDecision);
    QCOMPARE(verdict.reason, reason);
    QCOMPARE(verdict.escalate, escalate);
    QCOMPARE(verdict.anotherRound, anotherRound);
    QVERIFY(verdict.answer.isEmpty());
}

void TestThresholdStrategy::roundsAndReputation_data()
{
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<int>("maxRounds");
    QTest::addColumn<bool>("usesReputation");

    QTest::newRow("defaults") << QJsonObject() << 1 << false;
    QTest::newRow("another_round, default max_rounds")
        << QJsonObject {{u"on_fail"_s, u"another_round"_s}} << 3 << false;
    QTest::newRow("another_round, max_rounds 7")
        << QJsonObject {{u"on_fail"_s, u"another_round"_s}, {u"max_rounds"_s, 7}} << 7 << false;
    QTest::newRow("max_rounds without another_round") << QJsonObject {{u"max_rounds"_s, 7}} << 1 << false;
    QTest::newRow("escalate") << QJsonObject {{u"on_fail"_s, u"escalate"_s}} << 1 << false;
    QTest::newRow("weighted") << QJsonObject {{u"weighted"_s, true}} << 1 << true;
}

void TestThresholdStrategy::roundsAndReputation()
{
    QFETCH(QJsonObject, parameters);
    QFETCH(int, maxRounds);
    QFETCH(bool, usesReputation);
    QCOMPARE(ThresholdStrategy().maxRounds(parameters), maxRounds);
    QCOMPARE(ThresholdStrategy().usesReputation(parameters), usesReputation);
}

void TestThresholdStrategy::validateParameters_data()
{
    addParameterColumns();
    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("all") << QJsonObject {{u"threshold"_s, 0.8},
                                         {u"quorum"_s, 3},
                                         {u"on_fail"_s, u"another_round"_s},
                                         {u"max_rounds"_s, 10},
                                         {u"weighted"_s, true}}
                         << QString();
    QTest::newRow("threshold 1") << QJsonObject {{u"threshold"_s, 1}} << QString();
    QTest::newRow("threshold just above half") << QJsonObject {{u"threshold"_s, 0.5001}} << QString();
    QTest::newRow("threshold 0.5") << QJsonObject {{u"threshold"_s, 0.5}} << u"parameters.threshold"_s;
    QTest::newRow("threshold above 1") << QJsonObject {{u"threshold"_s, 1.01}} << u"parameters.threshold"_s;
    QTest::newRow("threshold as string") << QJsonObject {{u"threshold"_s, u"2/3"_s}} << u"parameters.threshold"_s;
    QTest::newRow("quorum 0") << QJsonObject {{u"quorum"_s, 0}} << u"parameters.quorum"_s;
    QTest::newRow("quorum fractional") << QJsonObject {{u"quorum"_s, 1.5}} << u"parameters.quorum"_s;
    QTest::newRow("on_fail escalate") << QJsonObject {{u"on_fail"_s, u"escalate"_s}} << QString();
    QTest::newRow("on_fail unknown") << QJsonObject {{u"on_fail"_s, u"retry"_s}} << u"parameters.on_fail"_s;
    QTest::newRow("on_fail not a string") << QJsonObject {{u"on_fail"_s, 2}} << u"parameters.on_fail"_s;
    QTest::newRow("max_rounds 0") << QJsonObject {{u"max_rounds"_s, 0}} << u"parameters.max_rounds"_s;
    QTest::newRow("max_rounds 11") << QJsonObject {{u"max_rounds"_s, 11}} << u"parameters.max_rounds"_s;
    QTest::newRow("weighted as number") << QJsonObject {{u"weighted"_s, 1}} << u"parameters.weighted"_s;
    QTest::newRow("unknown") << QJsonObject {{u"supermajority"_s, 0.7}} << u"parameters.supermajority"_s;
}

void TestThresholdStrategy::validateParameters()
{
    verifyParameters(ThresholdStrategy());
}

void TestThresholdStrategy::explainDecided()
{
    const ThresholdStrategy strategy;
    const QJsonObject parameters {{u"threshold"_s, 0.75}, {u"quorum"_s, 4}};
    const auto rounds = oneRound(
        {vote(1, u"a"_s), vote(2, u"a"_s), vote(3, u"a"_s), vote(4, u"b"_s), uncounted(5, VoteStatus::Malformed)});
    const Api::Decision decision = decisionOf(strategy, parameters, rounds);
    QCOMPARE(decision.outcome, DecisionOutcome::Decided);
    const QString text = strategy.explain(decision);
    for (const QString &phrase : {u"'a'"_s, u"75.0% of the valid votes"_s, u"threshold of 75.0%"_s, u"4 votes valid"_s,
                                  u"quorum 4"_s, u"1 malformed"_s, u"1 dissenter"_s}) {
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
    }
}

void TestThresholdStrategy::explainNoDecision_data()
{
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<int>("roundsRun");
    QTest::addColumn<QStringList>("phrases");

    QTest::newRow("below threshold") << QJsonObject() << 1
                                     << QStringList {u"'a' has 60.0% of the valid votes"_s, u"threshold of 66.7%"_s};
    QTest::newRow("weighted") << QJsonObject {{u"weighted"_s, true}} << 1
                              << QStringList {u"of the valid weight"_s, u"reputation weight"_s};
    QTest::newRow("quorum") << QJsonObject {{u"quorum"_s, 6}} << 1
                            << QStringList {u"quorum was not met (5 votes valid, 6 needed)"_s};
    QTest::newRow("escalated") << QJsonObject {{u"on_fail"_s, u"escalate"_s}} << 1
                               << QStringList {u"below the threshold"_s, u"escalated to an operator"_s};
    QTest::newRow("another round") << QJsonObject {{u"on_fail"_s, u"another_round"_s}} << 1
                                   << QStringList {u"another round was asked for (1 of at most 3 run)"_s};
    QTest::newRow("rounds spent") << QJsonObject {{u"on_fail"_s, u"another_round"_s}, {u"max_rounds"_s, 2}} << 2
                                  << QStringList {u"(round 2)"_s, u"no round was left (2 of at most 2 run)"_s};
}

void TestThresholdStrategy::explainNoDecision()
{
    QFETCH(QJsonObject, parameters);
    QFETCH(int, roundsRun);
    QFETCH(QStringList, phrases);

    const ThresholdStrategy strategy;
    const QList<Api::Vote> votes {vote(1, u"a"_s), vote(2, u"b"_s), vote(3, u"a"_s),
                                  vote(4, u"b"_s), vote(5, u"a"_s), uncounted(6, VoteStatus::TimedOut)};
    QList<Api::Round> rounds;
    for (int r = 0; r < roundsRun; ++r)
        rounds.append(Api::Round {r, votes});
    const Api::Decision decision = decisionOf(strategy, parameters, rounds);
    QCOMPARE(decision.outcome, DecisionOutcome::NoDecision);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.startsWith(u"Threshold could not decide"_s), qPrintable(text));
    QVERIFY2(text.contains(u"1 timed out"_s), qPrintable(text));
    for (const QString &phrase : phrases)
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
}

QTEST_GUILESS_MAIN(TestThresholdStrategy)
#include "tst_thresholdstrategy.moc"
