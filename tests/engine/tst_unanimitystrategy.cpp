#include "consensus/unanimitystrategy.h"

#include "consensustestsupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::DecisionOutcome;
using Api::VoteStatus;

class TestUnanimityStrategy : public QObject
{
    Q_OBJECT

private slots:
    void name();
    void decide_data();
    void decide();
    void noRounds();
    void validateParameters_data();
    void validateParameters();
    void explain_data();
    void explain();
};

void TestUnanimityStrategy::name()
{
    QCOMPARE(UnanimityStrategy().name(), u"unanimity"_s);
    QCOMPARE(UnanimityStrategy().maxRounds({}), 1);
    QVERIFY(!UnanimityStrategy().usesReputation({}));
}

void TestUnanimityStrategy::decide_data()
{
    addVerdictColumns();
    const QJsonObject none;
    const QJsonObject strict {{u"allow_abstentions"_s, false}};
    const QString a = u"a"_s;
    const QString b = u"b"_s;
    using Votes = QList<Api::Vote>;
    using Ids = QList<quint64>;

    QTest::newRow("all agree") << Votes {vote(1, a), vote(2, a), vote(3, a)} << none << true << a << 1.0 << Ids {}
                               << QString();
    QTest::newRow("single vote") << Votes {vote(1, b)} << none << true << b << 1.0 << Ids {} << QString();
    QTest::newRow("weights play no part")
        << Votes {vote(1, a, 0.1), vote(2, a, 7)} << none << true << a << 1.0 << Ids {} << QString();
    QTest::newRow("one dissent blocks") << Votes {vote(1, a), vote(2, a), vote(3, b), vote(4, a)} << none << false
                                        << QString() << 0.0 << Ids {} << u"not_unanimous"_s;
    QTest::newRow("a tie is not unanimous")
        << Votes {vote(1, a), vote(2, b)} << none << false << QString() << 0.0 << Ids {} << u"not_unanimous"_s;
    QTest::newRow("abstentions allowed by default")
        << Votes {vote(1, a), uncounted(2, VoteStatus::Abstained), vote(3, a)} << none << true << a << 1.0 << Ids {}
        << QString();
    QTest::newRow("uncounted answers do not break unanimity") << Votes {vote(1, a),
                                                                        uncounted(2, VoteStatus::Malformed, b),
                                                                        uncounted(3, VoteStatus::TimedOut, b),
                                                                        uncounted(4, VoteStatus::Failed, b),
                                                                        uncounted(5, VoteStatus::Cancelled, b),
                                                                        vote(6, a)}
                                                              << none << true << a << 1.0 << Ids {} << QString();
    QTest::newRow("strict: all valid") << Votes {vote(1, a), vote(2, a)} << strict << true << a << 1.0 << Ids {}
                                       << QString();
    QTest::newRow("strict: an abstention blocks")
        << Votes {vote(1, a), uncounted(2, VoteStatus::Abstained), vote(3, a)} << strict << false << QString() << 0.0
        << Ids {} << u"not_unanimous"_s;
    QTest::newRow("strict: a timeout blocks") << Votes {vote(1, a), vote(2, a), uncounted(3, VoteStatus::TimedOut)}
                                              << strict << false << QString() << 0.0 << Ids {} << u"not_unanimous"_s;
    QTest::newRow("strict: a cancelled vote blocks")
        << Votes {uncounted(1, VoteStatus::Cancelled), vote(2, a)} << strict << false << QString() << 0.0 << Ids {}
        << u"not_unanimous"_s;
    QTest::newRow("strict: a malformed vote blocks")
        << Votes {vote(1, a), uncounted(2, VoteStatus::Malformed, a)} << strict << false << QString() << 0.0 << Ids {}
        << u"not_unanimous"_s;
    QTest::newRow("min_votes reached") << Votes {vote(1, a), vote(2, a), uncounted(3, VoteStatus::Failed)}
                                       << QJsonObject {{u"min_votes"_s, 2}} << true << a << 1.0 << Ids {} << QString();
    QTest::newRow("below min_votes: checked first")
        << Votes {vote(1, a), uncounted(2, VoteStatus::Failed), uncounted(3, VoteStatus::TimedOut)}
        << QJsonObject {{u"min_votes"_s, 2}, {u"allow_abstentions"_s, false}} << false << QString() << 0.0 << Ids {}
        << u"too_few_votes"_s;
    QTest::newRow("no valid votes") << Votes {uncounted(1, VoteStatus::Abstained), uncounted(2, VoteStatus::TimedOut)}
                                    << none << false << QString() << 0.0 << Ids {} << u"too_few_votes"_s;
    QTest::newRow("empty round") << Votes {} << none << false << QString() << 0.0 << Ids {} << u"too_few_votes"_s;
}

void TestUnanimityStrategy::decide()
{
    verifyVerdict(UnanimityStrategy());
}

void TestUnanimityStrategy::noRounds()
{
    QCOMPARE(UnanimityStrategy().decide({}, {}).reason, u"no_votes"_s);
}

void TestUnanimityStrategy::validateParameters_data()
{
    addParameterColumns();
    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("both") << QJsonObject {{u"min_votes"_s, 3}, {u"allow_abstentions"_s, false}} << QString();
    QTest::newRow("allow_abstentions as string")
        << QJsonObject {{u"allow_abstentions"_s, u"false"_s}} << u"parameters.allow_abstentions"_s;
    QTest::newRow("allow_abstentions as number")
        << QJsonObject {{u"allow_abstentions"_s, 0}} << u"parameters.allow_abstentions"_s;
    QTest::newRow("min_votes 0") << QJsonObject {{u"min_votes"_s, 0}} << u"parameters.min_votes"_s;
    QTest::newRow("unknown") << QJsonObject {{u"allow_abstention"_s, true}} << u"parameters.allow_abstention"_s;
}

void TestUnanimityStrategy::validateParameters()
{
    verifyParameters(UnanimityStrategy());
}

void TestUnanimityStrategy::explain_data()
{
    QTest::addColumn<QList<Api::Vote>>("votes");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<bool>("decided");
    QTest::addColumn<QStringList>("phrases");

    QTest::newRow("decided, with an abstention")
        << QList<Api::Vote> {vote(1, u"a"_s), vote(2, u"a"_s), uncounted(3, VoteStatus::Abstained)} << QJsonObject()
        << true
        << QStringList {u"chose 'a'"_s, u"all valid votes agree (2 votes)"_s, u"1 abstained"_s,
                        u"allow_abstentions is true"_s};
    QTest::newRow("disagreement") << QList<Api::Vote> {vote(1, u"a"_s), vote(2, u"b"_s), vote(3, u"a"_s)}
                                  << QJsonObject() << false
                                  << QStringList {u"2 different answers"_s, u"'a' 2 votes"_s, u"'b' 1 vote"_s};
    QTest::newRow("blocked by a timeout")
        << QList<Api::Vote> {vote(1, u"a"_s), vote(2, u"a"_s), uncounted(3, VoteStatus::TimedOut)}
        << QJsonObject {{u"allow_abstentions"_s, false}} << false
        << QStringList {u"1 vote not counted, which blocks"_s, u"allow_abstentions is false"_s, u"1 timed out"_s};
    QTest::newRow("too few") << QList<Api::Vote> {vote(1, u"a"_s)} << QJsonObject {{u"min_votes"_s, 3}} << false
                             << QStringList {u"too few valid votes (1, 3 needed)"_s};
}

void TestUnanimityStrategy::explain()
{
    QFETCH(QList<Api::Vote>, votes);
    QFETCH(QJsonObject, parameters);
    QFETCH(bool, decided);
    QFETCH(QStringList, phrases);

    const UnanimityStrategy strategy;
    const Api::Decision decision = decisionOf(strategy, parameters, oneRound(votes));
    QCOMPARE(decision.outcome == DecisionOutcome::Decided, decided);
    const QString text = strategy.explain(decision);
    for (const QString &phrase : phrases)
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
}

QTEST_GUILESS_MAIN(TestUnanimityStrategy)
#include "tst_unanimitystrategy.moc"
