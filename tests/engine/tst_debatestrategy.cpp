#include "consensus/debatestrategy.h"

#include "consensustestsupport.h"

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;
using Api::VoteStatus;

class TestDebateStrategy : public QObject
{
    Q_OBJECT

private:
    static Api::Round round(int index, const QList<Api::Vote> &votes) { return Api::Round {index, votes}; }

private Q_SLOTS:
    void roundsShowPreviousAnswersAfterTheFirst()
    {
        const DebateStrategy debate;
        QCOMPARE(debate.roundSpec({}, 0).showPreviousAnswers, false);
        QCOMPARE(debate.roundSpec({}, 1).showPreviousAnswers, true);
        QCOMPARE(debate.roundSpec({}, 2).audience, RoundSpec::Audience::All);
        QCOMPARE(debate.maxRounds({}), 3);
        QCOMPARE(debate.maxRounds({{u"max_rounds"_s, 5}}), 5);
        QVERIFY(!debate.usesReputation({}));
    }

    void decides_data()
    {
        QTest::addColumn<QJsonObject>("parameters");
        QTest::addColumn<QList<Api::Round>>("rounds");
        QTest::addColumn<bool>("anotherRound");
        QTest::addColumn<bool>("decided");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("reason");

        const QList<Api::Vote> split {vote(1, u"A"_s), vote(2, u"A"_s), vote(3, u"B"_s)};
        const QList<Api::Vote> agreed {vote(1, u"A"_s), vote(2, u"A"_s), vote(3, u"A"_s)};
        const QList<Api::Vote> tied {vote(1, u"A"_s), vote(2, u"B"_s)};
        QTest::newRow("unanimous first round stops at once")
            << QJsonObject() << QList<Api::Round> {round(0, agreed)} << false << true << u"A"_s << QString();
        QTest::newRow("split first round debates on")
            << QJsonObject() << QList<Api::Round> {round(0, split)} << true << false << QString() << u"debating"_s;
        QTest::newRow("enough agreement stops early")
            << QJsonObject {{u"stop_agreement"_s, 0.6}} << QList<Api::Round> {round(0, split)} << false << true
            << u"A"_s << QString();
        QTest::newRow("last round decided by plurality")
            << QJsonObject {{u"max_rounds"_s, 2}} << QList<Api::Round> {round(0, split), round(1, split)} << false
            << true << u"A"_s << QString();
        QTest::newRow("last round tied: no decision")
            << QJsonObject {{u"max_rounds"_s, 1}} << QList<Api::Round> {round(0, tied)} << false << false << QString()
            << u"tie"_s;
        QTest::newRow("tie broken by lexicographic order")
            << QJsonObject {{u"max_rounds"_s, 1}, {u"tie_break"_s, u"lexicographic"_s}}
            << QList<Api::Round> {round(0, {vote(1, u"B"_s), vote(2, u"A"_s)})} << false << true << u"A"_s << QString();
        QTest::newRow("no valid vote goes on while rounds remain")
            << QJsonObject()
            << QList<Api::Round> {round(
                   0, {uncounted(1, VoteStatus::TimedOut), uncounted(2, VoteStatus::Malformed, u"?"_s)})}
            << true << false << QString() << u"debating"_s;
        QTest::newRow("no valid vote in the last round")
            << QJsonObject {{u"max_rounds"_s, 1}} << QList<Api::Round> {round(0, {uncounted(1, VoteStatus::Abstained)})}
            << false << false << QString() << u"too_few_votes"_s;
        QTest::newRow("cancelled votes do not block agreement")
            << QJsonObject()
            << QList<Api::Round> {round(
                   0, {vote(1, u"A"_s), vote(2, u"A"_s), uncounted(3, VoteStatus::Cancelled, u"B"_s)})}
            << false << true << u"A"_s << QString();
    }

    void decides()
    {
        QFETCH(QJsonObject, parameters);
        QFETCH(QList<Api::Round>, rounds);
        QFETCH(bool, anotherRound);
        QFETCH(bool, decided);
        QFETCH(QString, answer);
        QFETCH(QString, reason);
        const DebateStrategy debate;
        QS_VERIFY_OK(debate.validateParameters(parameters));
        const Verdict v = debate.decide(parameters, rounds);
        QCOMPARE(v.anotherRound, anotherRound);
        QCOMPARE(v.outcome == Api::DecisionOutcome::Decided, decided);
        QCOMPARE(v.answer, answer);
        if (!reason.isEmpty())
            QCOMPARE(v.reason, reason);
    }

    void dissentersAndAgreementFromTheLastRound()
    {
        const DebateStrategy debate;
        const QJsonObject p {{u"max_rounds"_s, 2}};
        const Verdict v = debate.decide(p,
                                        {round(0, {vote(1, u"B"_s), vote(2, u"A"_s), vote(3, u"B"_s)}),
                                         round(1, {vote(1, u"A"_s), vote(2, u"A"_s), vote(3, u"B"_s)})});
        QCOMPARE(v.answer, u"A"_s);
        QCOMPARE(ids(v.dissenters), QList<quint64> {3});
        QVERIFY(std::abs(v.agreement - 2.0 / 3.0) < 1e-12);
    }

    void rejectsBadParameters_data()
    {
        QTest::addColumn<QJsonObject>("parameters");
        QTest::addColumn<QString>("path");
        QTest::newRow("zero rounds") << QJsonObject {{u"max_rounds"_s, 0}} << u"parameters.max_rounds"_s;
        QTest::newRow("too many rounds") << QJsonObject {{u"max_rounds"_s, 11}} << u"parameters.max_rounds"_s;
        QTest::newRow("agreement of 0") << QJsonObject {{u"stop_agreement"_s, 0}} << u"parameters.stop_agreement"_s;
        QTest::newRow("agreement above 1")
            << QJsonObject {{u"stop_agreement"_s, 1.5}} << u"parameters.stop_agreement"_s;
        QTest::newRow("unknown tie break") << QJsonObject {{u"tie_break"_s, u"coin"_s}} << u"parameters.tie_break"_s;
        QTest::newRow("unknown parameter") << QJsonObject {{u"rounds"_s, 3}} << u"parameters.rounds"_s;
    }

    void rejectsBadParameters()
    {
        QFETCH(QJsonObject, parameters);
        QFETCH(QString, path);
        const auto result = DebateStrategy().validateParameters(parameters);
        QS_VERIFY_ERROR(result, Api::ErrorCode::InvalidArgument);
        QCOMPARE(result.error().details.value(u"path"_s).toString(), path);
        QVERIFY(result.error().message.startsWith(path));
    }

    void explainsTheDebate()
    {
        const DebateStrategy debate;
        const QJsonObject p {{u"max_rounds"_s, 3}};
        const Api::Decision early = decisionOf(
            debate, p, {round(0, {vote(1, u"A"_s), vote(2, u"B"_s)}), round(1, {vote(1, u"A"_s), vote(2, u"A"_s)})});
        const QString text = debate.explain(early);
        QVERIFY2(text.contains(u"'A'"_s), qPrintable(text));
        QVERIFY2(text.contains(u"stopped after 2 of 3 rounds"_s), qPrintable(text));
        QVERIFY2(text.contains(u"50% → 100%"_s), qPrintable(text));

        const Api::Decision stuck
            = decisionOf(debate, {{u"max_rounds"_s, 1}}, {round(0, {vote(1, u"A"_s), vote(2, u"B"_s)})});
        QCOMPARE(stuck.outcome, Api::DecisionOutcome::NoDecision);
        QVERIFY(debate.explain(stuck).contains(u"could not decide"_s));
    }
};

QTEST_GUILESS_MAIN(TestDebateStrategy)
#include "tst_debatestrategy.moc"
