#include "consensus/weightedstrategy.h"

#include "consensustestsupport.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::DecisionOutcome;
using Api::VoteStatus;

namespace {

/// The log-odds weight of an agent that is right with probability p.
double logOdds(double p)
{
    return std::log(p / (1 - p));
}

} // namespace

class TestWeightedStrategy : public QObject
{
    Q_OBJECT

private slots:
    void name();
    void decide_data();
    void decide();
    void validateParameters_data();
    void validateParameters();
    void explainDecided();
    void explainFallback();
    void explainNoDecision();
};

void TestWeightedStrategy::name()
{
    QCOMPARE(WeightedStrategy().name(), u"weighted"_s);
    QVERIFY(WeightedStrategy().usesReputation({}));
    QVERIFY(WeightedStrategy().usesReputation({{u"tie_break"_s, u"first"_s}}));
    QCOMPARE(WeightedStrategy().maxRounds({}), 1);
}

void TestWeightedStrategy::decide_data()
{
    addVerdictColumns();
    const QJsonObject none;
    const QString a = u"a"_s;
    const QString b = u"b"_s;
    const QString c = u"c"_s;
    using Votes = QList<Api::Vote>;
    using Ids = QList<quint64>;
    auto tieBreak = [](const QString &rule) { return QJsonObject {{u"tie_break"_s, rule}}; };
    const double w9 = logOdds(0.9);
    const double w6 = logOdds(0.6);

    // One expert at 0.9 outweighs two agents at 0.6: log(9) > 2 log(1.5).
    QTest::newRow("expert outweighs two weak agents") << Votes {vote(1, a, w9), vote(2, b, w6), vote(3, b, w6)} << none
                                                      << true << a << w9 / (w9 + 2 * w6) << Ids {2, 3} << QString();
    // ... but not six of them: 6 log(1.5) > log(9) > 5 log(1.5).
    QTest::newRow("six weak agents outweigh the expert")
        << Votes {vote(1, a, w9), vote(2, b, w6), vote(3, b, w6), vote(4, b, w6),
                  vote(5, b, w6), vote(6, b, w6), vote(7, b, w6)}
        << none << true << b << 6 * w6 / (w9 + 6 * w6) << Ids {1} << QString();
    QTest::newRow("five weak agents do not")
        << Votes {vote(1, a, w9), vote(2, b, w6), vote(3, b, w6), vote(4, b, w6), vote(5, b, w6), vote(6, b, w6)}
        << none << true << a << w9 / (w9 + 5 * w6) << Ids {2, 3, 4, 5, 6} << QString();
    QTest::newRow("zero weight counts nothing, but dissents")
        << Votes {vote(1, a, 0.5), vote(2, b, 0), vote(3, b, 0), vote(4, b, 0)} << none << true << a << 1.0
        << Ids {2, 3, 4} << QString();
    QTest::newRow("negative weight counts nothing (no inversion)")
        << Votes {vote(1, a, 0.5), vote(2, b, -2), vote(3, c, 0.2)} << none << true << a << 0.5 / 0.7 << Ids {2, 3}
        << QString();
    QTest::newRow("nothing learned: every vote counts 1")
        << Votes {vote(1, a, 0), vote(2, b, 0), vote(3, b, 0)} << none << true << b << 2.0 / 3 << Ids {1} << QString();
    QTest::newRow("nothing learned, worse than coins: every vote counts 1")
        << Votes {vote(1, a, -1), vote(2, b, -0.5), vote(3, b, 0)} << none << true << b << 2.0 / 3 << Ids {1}
        << QString();
    QTest::newRow("a non-finite weight counts nothing")
        << Votes {vote(1, a, std::nan("")), vote(2, b, 0.3)} << none << true << b << 1.0 << Ids {1} << QString();
    QTest::newRow("uncounted votes neither weigh nor dissent") << Votes {vote(1, a, 1),
                                                                         uncounted(2, VoteStatus::Abstained, b),
                                                                         uncounted(3, VoteStatus::Malformed, b),
                                                                         uncounted(4, VoteStatus::Failed, b),
                                                                         uncounted(5, VoteStatus::TimedOut, b),
                                                                         uncounted(6, VoteStatus::Cancelled, b),
                                                                         vote(7, b, 0.5)}
                                                               << none << true << a << 1 / 1.5 << Ids {7} << QString();
    // Ties
    QTest::newRow("weight tie, none") << Votes {vote(1, a, 1.5), vote(2, b, 0.5), vote(3, b, 1)} << none << false
                                      << QString() << 0.0 << Ids {} << u"tie"_s;
    QTest::newRow("weight tie, first") << Votes {vote(1, b, 1), vote(2, a, 1)} << tieBreak(u"first"_s) << true << b
                                       << 0.5 << Ids {2} << QString();
    QTest::newRow("weight tie, lexicographic")
        << Votes {vote(1, b, 1), vote(2, a, 1), vote(3, c, 0.5)} << tieBreak(u"lexicographic"_s) << true << a << 1 / 2.5
        << Ids {1, 3} << QString();
    QTest::newRow("equal heads, unequal weights: no tie")
        << Votes {vote(1, a, 1), vote(2, b, 2)} << none << true << b << 2.0 / 3 << Ids {1} << QString();
    // Too few
    QTest::newRow("min_votes counts valid votes, whatever their weight")
        << Votes {vote(1, a, 0), vote(2, a, 0), vote(3, b, 3)} << QJsonObject {{u"min_votes"_s, 3}} << true << b << 1.0
        << Ids {1, 2} << QString();
    QTest::newRow("below min_votes") << Votes {vote(1, a, 3), uncounted(2, VoteStatus::TimedOut)}
                                     << QJsonObject {{u"min_votes"_s, 2}} << false << QString() << 0.0 << Ids {}
                                     << u"too_few_votes"_s;
    QTest::newRow("empty round") << Votes {} << none << false << QString() << 0.0 << Ids {} << u"too_few_votes"_s;
}

void TestWeightedStrategy::decide()
{
    verifyVerdict(WeightedStrategy());
}

void TestWeightedStrategy::validateParameters_data()
{
    addParameterColumns();
    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("tie_break first") << QJsonObject {{u"tie_break"_s, u"first"_s}} << QString();
    QTest::newRow("tie_break lexicographic, min_votes 2")
        << QJsonObject {{u"tie_break"_s, u"lexicographic"_s}, {u"min_votes"_s, 2}} << QString();
    QTest::newRow("tie_break unknown") << QJsonObject {{u"tie_break"_s, u"heaviest"_s}} << u"parameters.tie_break"_s;
    QTest::newRow("min_votes negative") << QJsonObject {{u"min_votes"_s, -1}} << u"parameters.min_votes"_s;
    QTest::newRow("weights are not a parameter")
        << QJsonObject {{u"weights"_s, QJsonObject()}} << u"parameters.weights"_s;
}

void TestWeightedStrategy::validateParameters()
{
    verifyParameters(WeightedStrategy());
}

void TestWeightedStrategy::explainDecided()
{
    const WeightedStrategy strategy;
    const auto rounds = oneRound({vote(7, u"a"_s, 2.2), vote(8, u"b"_s, 0.4), vote(9, u"b"_s, 0.4),
                                  vote(10, u"b"_s, -1), uncounted(11, VoteStatus::Failed)});
    const Api::Decision decision = decisionOf(strategy, {}, rounds);
    QCOMPARE(decision.answer, u"a"_s);
    const QString text = strategy.explain(decision);
    for (const QString &phrase : {u"chose 'a'"_s, u"73.3% of the valid weight of 3"_s, u"'b' 3 votes (weight 0.8)"_s,
                                  u"agent 7 'a' 2.2"_s, u"agent 10 'b' 0"_s, u"1 failed"_s, u"3 dissenter"_s}) {
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
    }
}

void TestWeightedStrategy::explainFallback()
{
    const WeightedStrategy strategy;
    const Api::Decision decision
        = decisionOf(strategy, {}, oneRound({vote(1, u"a"_s, 0), vote(2, u"a"_s, 0), vote(3, u"b"_s, 0)}));
    QCOMPARE(decision.answer, u"a"_s);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.contains(u"no valid vote had a positive weight"_s), qPrintable(text));
}

void TestWeightedStrategy::explainNoDecision()
{
    const WeightedStrategy strategy;
    const Api::Decision decision
        = decisionOf(strategy, {}, oneRound({vote(1, u"a"_s, 1.5), vote(2, u"b"_s, 0.5), vote(3, u"b"_s, 1)}));
    QCOMPARE(decision.outcome, DecisionOutcome::NoDecision);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.contains(u"'a' and 'b' are tied at weight 1.5"_s), qPrintable(text));
    QVERIFY2(text.contains(u"tie_break is none"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestWeightedStrategy)
#include "tst_weightedstrategy.moc"
