#include "consensus/majoritystrategy.h"

#include "consensustestsupport.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::DecisionOutcome;
using Api::VoteStatus;

class TestMajorityStrategy : public QObject
{
    Q_OBJECT

private slots:
    void name();
    void decide_data();
    void decide();
    void onlyTheLastRoundCounts();
    void noRounds();
    void validateParameters_data();
    void validateParameters();
    void explainDecided();
    void explainNoDecision_data();
    void explainNoDecision();
    void explainStoppedAttempt();
};

void TestMajorityStrategy::name()
{
    QCOMPARE(MajorityStrategy().name(), u"majority"_s);
    QCOMPARE(MajorityStrategy().maxRounds({}), 1);
    QVERIFY(!MajorityStrategy().usesReputation({}));
}

void TestMajorityStrategy::decide_data()
{
    addVerdictColumns();
    const QJsonObject none;
    const QString a = u"a"_s;
    const QString b = u"b"_s;
    const QString c = u"c"_s;
    auto minVotes = [](int n) { return QJsonObject {{u"min_votes"_s, n}}; };
    using Votes = QList<Api::Vote>;
    using Ids = QList<quint64>;

    QTest::newRow("3 of 5") << Votes {vote(1, a), vote(2, b), vote(3, a), vote(4, b), vote(5, a)} << none << true << a
                            << 0.6 << Ids {2, 4} << QString();
    QTest::newRow("single vote") << Votes {vote(1, c)} << none << true << c << 1.0 << Ids {} << QString();
    QTest::newRow("unanimous") << Votes {vote(1, b), vote(2, b)} << none << true << b << 1.0 << Ids {} << QString();
    QTest::newRow("plurality is not enough")
        << Votes {vote(1, a), vote(2, b), vote(3, c), vote(4, a), vote(5, b), vote(6, a), vote(7, c)} << none << false
        << QString() << 0.0 << Ids {} << u"no_majority"_s;
    QTest::newRow("exactly half is not more than half")
        << Votes {vote(1, a), vote(2, a), vote(3, b), vote(4, c)} << none << false << QString() << 0.0 << Ids {}
        << u"no_majority"_s;
    QTest::newRow("two halves: a tie") << Votes {vote(1, a), vote(2, b)} << none << false << QString() << 0.0 << Ids {}
                                       << u"no_majority"_s;
    QTest::newRow("weight, not heads") << Votes {vote(1, a), vote(2, b, 2.5), vote(3, a)} << none << true << b
                                       << 2.5 / 4.5 << Ids {1, 3} << QString();
    QTest::newRow("half of the weight, by sums that only add up to equal")
        << Votes {vote(1, a, 0.1), vote(2, a, 0.2), vote(3, b, 0.3)} << none << false << QString() << 0.0 << Ids {}
        << u"no_majority"_s;
    QTest::newRow("abstentions do not raise the bar")
        << Votes {vote(1, a), uncounted(2, VoteStatus::Abstained, b), uncounted(3, VoteStatus::Abstained, b),
                  vote(4, b), vote(5, a)}
        << none << true << a << 2.0 / 3 << Ids {4} << QString();
    QTest::newRow("malformed, failed, timed out, cancelled: not counted, no dissent")
        << Votes {vote(1, a),
                  uncounted(2, VoteStatus::Malformed, b),
                  uncounted(3, VoteStatus::Failed, b),
                  uncounted(4, VoteStatus::TimedOut, b),
                  uncounted(5, VoteStatus::Cancelled, b),
                  vote(6, b),
                  vote(7, a)}
        << none << true << a << 2.0 / 3 << Ids {6} << QString();
    QTest::newRow("timeouts leave the valid votes split")
        << Votes {vote(1, a), vote(2, b), uncounted(3, VoteStatus::TimedOut), uncounted(4, VoteStatus::TimedOut)}
        << none << false << QString() << 0.0 << Ids {} << u"no_majority"_s;
    QTest::newRow("min_votes reached") << Votes {vote(1, a), vote(2, a), vote(3, b)} << minVotes(3) << true << a
                                       << 2.0 / 3 << Ids {3} << QString();
    QTest::newRow("min_votes counts valid votes only")
        << Votes {vote(1, a), vote(2, a), uncounted(3, VoteStatus::Malformed, a)} << minVotes(3) << false << QString()
        << 0.0 << Ids {} << u"too_few_votes"_s;
    QTest::newRow("no valid votes") << Votes {uncounted(1, VoteStatus::Abstained), uncounted(2, VoteStatus::Cancelled)}
                                    << none << false << QString() << 0.0 << Ids {} << u"too_few_votes"_s;
    QTest::newRow("empty round") << Votes {} << none << false << QString() << 0.0 << Ids {} << u"too_few_votes"_s;
}

void TestMajorityStrategy::decide()
{
    verifyVerdict(MajorityStrategy());
}

void TestMajorityStrategy::onlyTheLastRoundCounts()
{
    const QList<Api::Round> rounds {Api::Round {0, {vote(1, u"a"_s), vote(2, u"a"_s), vote(3, u"b"_s)}},
                                    Api::Round {1, {vote(1, u"b"_s), vote(2, u"a"_s), vote(3, u"b"_s)}}};
    const Verdict verdict = MajorityStrategy().decide({}, rounds);
    QCOMPARE(verdict.outcome, DecisionOutcome::Decided);
    QCOMPARE(verdict.answer, u"b"_s);
    QCOMPARE(ids(verdict.dissenters), QList<quint64> {2});
}

void TestMajorityStrategy::noRounds()
{
    const Verdict verdict = MajorityStrategy().decide({}, {});
    QCOMPARE(verdict.outcome, DecisionOutcome::NoDecision);
    QCOMPARE(verdict.reason, u"no_votes"_s);
}

void TestMajorityStrategy::validateParameters_data()
{
    addParameterColumns();
    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("min_votes 1") << QJsonObject {{u"min_votes"_s, 1}} << QString();
    QTest::newRow("min_votes 10000") << QJsonObject {{u"min_votes"_s, 10000}} << QString();
    QTest::newRow("min_votes 0") << QJsonObject {{u"min_votes"_s, 0}} << u"parameters.min_votes"_s;
    QTest::newRow("min_votes 10001") << QJsonObject {{u"min_votes"_s, 10001}} << u"parameters.min_votes"_s;
    QTest::newRow("min_votes fractional") << QJsonObject {{u"min_votes"_s, 2.5}} << u"parameters.min_votes"_s;
    QTest::newRow("min_votes as string") << QJsonObject {{u"min_votes"_s, u"2"_s}} << u"parameters.min_votes"_s;
    QTest::newRow("min_votes null") << QJsonObject {{u"min_votes"_s, QJsonValue::Null}} << u"parameters.min_votes"_s;
    QTest::newRow("plurality's tie_break is unknown here")
        << QJsonObject {{u"tie_break"_s, u"first"_s}} << u"parameters.tie_break"_s;
    QTest::newRow("unknown beside valid")
        << QJsonObject {{u"min_votes"_s, 2}, {u"threshold"_s, 0.6}} << u"parameters.threshold"_s;
}

void TestMajorityStrategy::validateParameters()
{
    verifyParameters(MajorityStrategy());
}

void TestMajorityStrategy::explainDecided()
{
    const MajorityStrategy strategy;
    const auto rounds = oneRound({vote(1, u"paris"_s), vote(2, u"paris"_s), vote(3, u"london"_s), vote(4, u"paris"_s),
                                  uncounted(5, VoteStatus::TimedOut)});
    const Api::Decision decision = decisionOf(strategy, {}, rounds);
    QCOMPARE(decision.outcome, DecisionOutcome::Decided);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.contains(u"'paris'"_s), qPrintable(text));
    QVERIFY2(text.contains(u"75.0%"_s), qPrintable(text)); // 3 of 4 valid
    QVERIFY2(text.contains(u"3 of the valid weight of 4"_s), qPrintable(text));
    QVERIFY2(text.contains(u"'london' 1 vote"_s), qPrintable(text));
    QVERIFY2(text.contains(u"1 timed out"_s), qPrintable(text));
    QVERIFY2(text.contains(u"1 dissenter"_s), qPrintable(text));
}

void TestMajorityStrategy::explainNoDecision_data()
{
    QTest::addColumn<QList<Api::Vote>>("votes");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QStringList>("phrases");

    QTest::newRow("no majority") << QList<Api::Vote> {vote(1, u"a"_s), vote(2, u"a"_s), vote(3, u"b"_s),
                                                      vote(4, u"c"_s), vote(5, u"d"_s)}
                                 << QJsonObject()
                                 << QStringList {u"more than half of the valid weight of 5"_s, u"'a' has 2 (40.0%)"_s,
                                                 u"'b' 1 vote"_s};
    QTest::newRow("tied halves") << QList<Api::Vote> {vote(1, u"a"_s), vote(2, u"b"_s)} << QJsonObject()
                                 << QStringList {u"tied leader"_s, u"50.0%"_s};
    QTest::newRow("below min_votes") << QList<Api::Vote> {vote(1, u"a"_s), uncounted(2, VoteStatus::Cancelled),
                                                          uncounted(3, VoteStatus::Failed)}
                                     << QJsonObject {{u"min_votes"_s, 2}}
                                     << QStringList {u"too few valid votes (1, 2 needed)"_s, u"1 failed"_s,
                                                     u"1 cancelled"_s};
}

void TestMajorityStrategy::explainNoDecision()
{
    QFETCH(QList<Api::Vote>, votes);
    QFETCH(QJsonObject, parameters);
    QFETCH(QStringList, phrases);

    const MajorityStrategy strategy;
    const Api::Decision decision = decisionOf(strategy, parameters, oneRound(votes));
    QCOMPARE(decision.outcome, DecisionOutcome::NoDecision);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.startsWith(u"Majority could not decide"_s), qPrintable(text));
    for (const QString &phrase : phrases)
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
}

void TestMajorityStrategy::explainStoppedAttempt()
{
    // The engine records a NoDecision when a deadline or a cancel stops the attempt; the votes it
    // had would have decided.
    Api::Decision decision = decisionOf(MajorityStrategy(), {}, oneRound({vote(1, u"a"_s), vote(2, u"a"_s)}));
    decision.outcome = DecisionOutcome::NoDecision;
    decision.answer.clear();
    const QString text = MajorityStrategy().explain(decision);
    QVERIFY2(text.contains(u"stopped"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestMajorityStrategy)
#include "tst_majoritystrategy.moc"
