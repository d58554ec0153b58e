#include "consensus/medoidstrategy.h"

#include "consensustestsupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::DecisionOutcome;
using Api::VoteStatus;

class TestMedoidStrategy : public QObject
{
    Q_OBJECT

private slots:
    void name();
    void similarity_data();
    void similarity();
    void decide_data();
    void decide();
    void validateParameters_data();
    void validateParameters();
    void explainDecided();
    void explainNoDecision();
};

void TestMedoidStrategy::name()
{
    QCOMPARE(MedoidStrategy().name(), u"medoid"_s);
    QCOMPARE(MedoidStrategy().maxRounds({}), 1);
    QVERIFY(!MedoidStrategy().usesReputation({}));
}

void TestMedoidStrategy::similarity_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<double>("expected");

    QTest::newRow("same text") << u"paris"_s << u"paris"_s << 1.0;
    QTest::newRow("case and punctuation do not matter") << u"Paris, France."_s << u"france PARIS"_s << 1.0;
    QTest::newRow("repeated words count once") << u"yes yes yes"_s << u"yes"_s << 1.0;
    QTest::newRow("one of four words") << u"paris is the capital"_s << u"paris"_s << 0.25;
    QTest::newRow("two shared of six") << u"the red fox"_s << u"the red dog and cat"_s << 2.0 / 6;
    QTest::newRow("nothing shared") << u"london"_s << u"paris"_s << 0.0;
    QTest::newRow("digits are tokens") << u"42 apples"_s << u"42"_s << 0.5;
    QTest::newRow("letters beyond ASCII") << u"Zürich"_s << u"ZÜRICH"_s << 1.0;
    QTest::newRow("no tokens, same text") << u"?!"_s << u"?!"_s << 1.0;
    QTest::newRow("no tokens, different text") << u"?"_s << u"!"_s << 0.0;
    QTest::newRow("tokens against none") << u"yes"_s << u"..."_s << 0.0;
}

void TestMedoidStrategy::similarity()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(double, expected);
    QVERIFY(qAbs(MedoidStrategy::similarity(a, b) - expected) < 1e-12);
    QVERIFY(qAbs(MedoidStrategy::similarity(b, a) - expected) < 1e-12); // symmetric
}

void TestMedoidStrategy::decide_data()
{
    addVerdictColumns();
    const QJsonObject none;
    using Votes = QList<Api::Vote>;
    using Ids = QList<quint64>;
    const QString full = u"the capital of france is paris"_s;
    const QString shortest = u"paris"_s;
    const QString middle = u"paris is the capital"_s;
    const QString other = u"london"_s;
    const Votes paris {vote(1, full), vote(2, shortest), vote(3, middle), vote(4, other)};

    // Similarities: full-shortest 1/6, full-middle 4/6, shortest-middle 1/4, london 0 to all.
    // Scores: full 5/6, shortest 5/12, middle 11/12, london 0; the medoid is `middle`.
    QTest::newRow("the answer most like the others")
        << paris << none << true << middle << (11.0 / 12) / 3 << Ids {2, 4} << QString();
    QTest::newRow("min_similarity 0: nobody dissents")
        << paris << QJsonObject {{u"min_similarity"_s, 0}} << true << middle << (11.0 / 12) / 3 << Ids {} << QString();
    QTest::newRow("min_similarity 1: every other text dissents")
        << paris << QJsonObject {{u"min_similarity"_s, 1}} << true << middle << (11.0 / 12) / 3 << Ids {1, 2, 4}
        << QString();
    QTest::newRow("identical answers back each other") << Votes {vote(1, other), vote(2, shortest), vote(3, shortest)}
                                                       << none << true << shortest << 0.5 << Ids {1} << QString();
    QTest::newRow("single vote") << Votes {vote(5, full)} << none << true << full << 1.0 << Ids {} << QString();
    QTest::newRow("all the same") << Votes {vote(1, other), vote(2, other)} << none << true << other << 1.0 << Ids {}
                                  << QString();
    QTest::newRow("weights play no part")
        << Votes {vote(1, other, 100), vote(2, shortest, 0.01), vote(3, shortest, 0.01)} << none << true << shortest
        << 0.5 << Ids {1} << QString();
    // Ties between distinct answers
    QTest::newRow("two unlike answers tie")
        << Votes {vote(1, other), vote(2, shortest)} << none << false << QString() << 0.0 << Ids {} << u"tie"_s;
    QTest::newRow("tie, first") << Votes {vote(1, other), vote(2, shortest)}
                                << QJsonObject {{u"tie_break"_s, u"first"_s}} << true << other << 0.0 << Ids {2}
                                << QString();
    QTest::newRow("tie, lexicographic") << Votes {vote(1, shortest), vote(2, other)}
                                        << QJsonObject {{u"tie_break"_s, u"lexicographic"_s}} << true << other << 0.0
                                        << Ids {1} << QString();
    QTest::newRow("uncounted votes are not compared") << Votes {vote(1, other),
                                                                uncounted(2, VoteStatus::Abstained),
                                                                uncounted(3, VoteStatus::Malformed, shortest),
                                                                uncounted(4, VoteStatus::TimedOut, shortest),
                                                                uncounted(5, VoteStatus::Failed, shortest),
                                                                uncounted(6, VoteStatus::Cancelled, shortest),
                                                                vote(7, other)}
                                                      << none << true << other << 1.0 << Ids {} << QString();
    QTest::newRow("min_votes") << Votes {vote(1, other), uncounted(2, VoteStatus::TimedOut)}
                               << QJsonObject {{u"min_votes"_s, 2}} << false << QString() << 0.0 << Ids {}
                               << u"too_few_votes"_s;
    QTest::newRow("empty round") << Votes {} << none << false << QString() << 0.0 << Ids {} << u"too_few_votes"_s;
}

void TestMedoidStrategy::decide()
{
    verifyVerdict(MedoidStrategy());
}

void TestMedoidStrategy::validateParameters_data()
{
    addParameterColumns();
    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("all") << QJsonObject {{u"min_similarity"_s, 0.3}, {u"tie_break"_s, u"first"_s}, {u"min_votes"_s, 2}}
                         << QString();
    QTest::newRow("min_similarity 0 and 1 are fine") << QJsonObject {{u"min_similarity"_s, 1}} << QString();
    QTest::newRow("min_similarity negative")
        << QJsonObject {{u"min_similarity"_s, -0.1}} << u"parameters.min_similarity"_s;
    QTest::newRow("min_similarity above 1")
        << QJsonObject {{u"min_similarity"_s, 1.5}} << u"parameters.min_similarity"_s;
    QTest::newRow("tie_break unknown") << QJsonObject {{u"tie_break"_s, u"longest"_s}} << u"parameters.tie_break"_s;
    QTest::newRow("min_votes 0") << QJsonObject {{u"min_votes"_s, 0}} << u"parameters.min_votes"_s;
    QTest::newRow("unknown") << QJsonObject {{u"similarity"_s, u"cosine"_s}} << u"parameters.similarity"_s;
}

void TestMedoidStrategy::validateParameters()
{
    verifyParameters(MedoidStrategy());
}

void TestMedoidStrategy::explainDecided()
{
    const MedoidStrategy strategy;
    const auto rounds
        = oneRound({vote(1, u"the capital of france is paris"_s), vote(2, u"paris"_s),
                    vote(3, u"paris is the capital"_s), vote(4, u"london"_s), uncounted(5, VoteStatus::TimedOut)});
    const Api::Decision decision = decisionOf(strategy, {}, rounds);
    const QString text = strategy.explain(decision);
    for (const QString &phrase : {u"chose 'paris is the capital'"_s, u"Jaccard"_s, u"other 3 valid"_s, u"0.3056"_s,
                                  u"'london' 0"_s, u"below 0.5): agents 2 and 4"_s, u"1 timed out"_s}) {
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
    }
}

void TestMedoidStrategy::explainNoDecision()
{
    const MedoidStrategy strategy;
    const Api::Decision decision = decisionOf(strategy, {}, oneRound({vote(1, u"yes"_s), vote(2, u"no"_s)}));
    QCOMPARE(decision.outcome, DecisionOutcome::NoDecision);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.contains(u"2 distinct answers are equally similar"_s), qPrintable(text));
    QVERIFY2(text.contains(u"'yes' 0, 'no' 0"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestMedoidStrategy)
#include "tst_medoidstrategy.moc"
