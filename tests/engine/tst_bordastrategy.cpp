#include "consensus/bordastrategy.h"

#include "consensustestsupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::DecisionOutcome;
using Api::VoteStatus;

class TestBordaStrategy : public QObject
{
    Q_OBJECT

private slots:
    void name();
    void decide_data();
    void decide();
    void validateParameters_data();
    void validateParameters();
    void explainDecided();
    void explainNoDecision_data();
    void explainNoDecision();
};

void TestBordaStrategy::name()
{
    QCOMPARE(BordaStrategy().name(), u"borda"_s);
    QCOMPARE(BordaStrategy().maxRounds({}), 1);
    QVERIFY(!BordaStrategy().usesReputation({}));
    QVERIFY(BordaStrategy().usesReputation({{u"weighted"_s, true}}));
}

void TestBordaStrategy::decide_data()
{
    addVerdictColumns();
    const QJsonObject none;
    const QJsonObject weighted {{u"weighted"_s, true}};
    const QJsonObject lexicographic {{u"tie_break"_s, u"lexicographic"_s}};
    using Votes = QList<Api::Vote>;
    using Ids = QList<quint64>;

    // m = 3: B 2+1+2 = 5, A 1+2+0 = 3, C 0+0+1 = 1, of at most 2 x 3 = 6.
    QTest::newRow("full rankings") << Votes {vote(1, u"B>A>C"_s), vote(2, u"A>B>C"_s), vote(3, u"B>C>A"_s)} << none
                                   << true << u"B"_s << 5.0 / 6 << Ids {2} << QString();
    // A and B have two first places each, C one, but C is everyone else's second choice:
    // A 2+2 = 4, B 2+2+1 = 5, C 1+1+1+1+2 = 6 of at most 2 x 5 = 10.
    QTest::newRow("the broadly acceptable candidate wins")
        << Votes {vote(1, u"A>C>B"_s), vote(2, u"A>C>B"_s), vote(3, u"B>C>A"_s), vote(4, u"B>C>A"_s),
                  vote(5, u"C>B>A"_s)}
        << none << true << u"C"_s << 6.0 / 10 << Ids {1, 2, 3, 4} << QString();
    // Unlisted candidates earn 0: m = 3, A 2, B 2, C 1.
    QTest::newRow("partial rankings tie")
        << Votes {vote(1, u"A"_s), vote(2, u"B>C"_s)} << none << false << QString() << 0.0 << Ids {} << u"tie"_s;
    QTest::newRow("partial rankings, lexicographic") << Votes {vote(1, u"A"_s), vote(2, u"B>C"_s)} << lexicographic
                                                     << true << u"A"_s << 2.0 / 4 << Ids {2} << QString();
    QTest::newRow("mirror rankings tie") << Votes {vote(1, u"A>B"_s), vote(2, u"B>A"_s)} << none << false << QString()
                                         << 0.0 << Ids {} << u"tie"_s;
    QTest::newRow("mirror rankings, lexicographic") << Votes {vote(1, u"B>A"_s), vote(2, u"A>B"_s)} << lexicographic
                                                    << true << u"A"_s << 0.5 << Ids {1} << QString();
    QTest::newRow("one candidate seen") << Votes {vote(1, u"A"_s), vote(2, u"A"_s)} << none << true << u"A"_s << 1.0
                                        << Ids {} << QString();
    // Unweighted B wins 2 to 1 points; weighted A has 3 x 1 against B's 1 + 1.
    QTest::newRow("unweighted ignores weights")
        << Votes {vote(1, u"A>B"_s, 3), vote(2, u"B>A"_s, 1), vote(3, u"B>A"_s, 1)} << none << true << u"B"_s << 2.0 / 3
        << Ids {1} << QString();
    QTest::newRow("weighted") << Votes {vote(1, u"A>B"_s, 3), vote(2, u"B>A"_s, 1), vote(3, u"B>A"_s, 1)} << weighted
                              << true << u"A"_s << 3.0 / 5 << Ids {2, 3} << QString();
    QTest::newRow("weighted: non-positive weights count 0")
        << Votes {vote(1, u"A>B"_s, 1), vote(2, u"B>A"_s, -5), vote(3, u"B>A"_s, 0)} << weighted << true << u"A"_s
        << 1.0 << Ids {2, 3} << QString();
    QTest::newRow("weighted: nothing learned, each counts once")
        << Votes {vote(1, u"A>B"_s, 0), vote(2, u"B>A"_s, 0), vote(3, u"B>A"_s, 0)} << weighted << true << u"B"_s
        << 2.0 / 3 << Ids {1} << QString();
    QTest::newRow("uncounted votes add no candidates, points or dissent")
        << Votes {vote(1, u"A>B"_s),
                  uncounted(2, VoteStatus::Malformed, u"C>B>A"_s),
                  uncounted(3, VoteStatus::Abstained),
                  uncounted(4, VoteStatus::TimedOut, u"B>A"_s),
                  uncounted(5, VoteStatus::Failed),
                  uncounted(6, VoteStatus::Cancelled, u"B>A"_s),
                  vote(7, u"A>B"_s)}
        << none << true << u"A"_s << 1.0 << Ids {} << QString();
    QTest::newRow("min_votes") << Votes {vote(1, u"A>B"_s), uncounted(2, VoteStatus::TimedOut)}
                               << QJsonObject {{u"min_votes"_s, 2}} << false << QString() << 0.0 << Ids {}
                               << u"too_few_votes"_s;
    QTest::newRow("no valid votes") << Votes {uncounted(1, VoteStatus::Malformed)} << none << false << QString() << 0.0
                                    << Ids {} << u"too_few_votes"_s;
    QTest::newRow("empty round") << Votes {} << none << false << QString() << 0.0 << Ids {} << u"too_few_votes"_s;
}

void TestBordaStrategy::decide()
{
    verifyVerdict(BordaStrategy());
}

void TestBordaStrategy::validateParameters_data()
{
    addParameterColumns();
    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("all") << QJsonObject {{u"weighted"_s, true},
                                         {u"tie_break"_s, u"lexicographic"_s},
                                         {u"min_votes"_s, 3}}
                         << QString();
    QTest::newRow("tie_break none") << QJsonObject {{u"tie_break"_s, u"none"_s}} << QString();
    QTest::newRow("tie_break first is not offered")
        << QJsonObject {{u"tie_break"_s, u"first"_s}} << u"parameters.tie_break"_s;
    QTest::newRow("weighted as string") << QJsonObject {{u"weighted"_s, u"yes"_s}} << u"parameters.weighted"_s;
    QTest::newRow("min_votes 0") << QJsonObject {{u"min_votes"_s, 0}} << u"parameters.min_votes"_s;
    QTest::newRow("unknown") << QJsonObject {{u"points"_s, u"dowdall"_s}} << u"parameters.points"_s;
}

void TestBordaStrategy::validateParameters()
{
    verifyParameters(BordaStrategy());
}

void TestBordaStrategy::explainDecided()
{
    const BordaStrategy strategy;
    const auto rounds = oneRound(
        {vote(1, u"B>A>C"_s), vote(2, u"A>B>C"_s), vote(3, u"B>C>A"_s), uncounted(4, VoteStatus::Malformed, u"C"_s)});
    const Api::Decision decision = decisionOf(strategy, {}, rounds);
    QCOMPARE(decision.answer, u"B"_s);
    const QString text = strategy.explain(decision);
    for (const QString &phrase :
         {u"chose 'B' with 5 of 6 possible points (83.3%)"_s, u"'B' 5, 'A' 3, 'C' 1"_s, u"3 candidate(s)"_s,
          u"first 2 point(s)"_s, u"1 malformed"_s, u"1 ranking(s) put another candidate first"_s}) {
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
    }
}

void TestBordaStrategy::explainNoDecision_data()
{
    QTest::addColumn<QList<Api::Vote>>("votes");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QStringList>("phrases");

    QTest::newRow("tie") << QList<Api::Vote> {vote(1, u"A>B"_s), vote(2, u"B>A"_s)} << QJsonObject()
                         << QStringList {u"'A' and 'B' are tied at 1 points"_s, u"tie_break is none"_s};
    QTest::newRow("too few") << QList<Api::Vote> {vote(1, u"A>B"_s), uncounted(2, VoteStatus::Cancelled)}
                             << QJsonObject {{u"min_votes"_s, 2}}
                             << QStringList {u"too few valid rankings (1, 2 needed)"_s, u"1 cancelled"_s};
}

void TestBordaStrategy::explainNoDecision()
{
    QFETCH(QList<Api::Vote>, votes);
    QFETCH(QJsonObject, parameters);
    QFETCH(QStringList, phrases);

    const BordaStrategy strategy;
    const Api::Decision decision = decisionOf(strategy, parameters, oneRound(votes));
    QCOMPARE(decision.outcome, DecisionOutcome::NoDecision);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.startsWith(u"Borda count could not decide"_s), qPrintable(text));
    for (const QString &phrase : phrases)
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
}

QTEST_GUILESS_MAIN(TestBordaStrategy)
#include "tst_bordastrategy.moc"
