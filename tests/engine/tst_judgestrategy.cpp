#include "consensus/judgestrategy.h"

#include "consensustestsupport.h"

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;
using Api::VoteStatus;

class TestJudgeStrategy : public QObject
{
    Q_OBJECT

private:
    static Api::Round round(int index, const QList<Api::Vote> &votes) { return Api::Round {index, votes}; }
    // Proposers 1..3; the judge is agent 9.
    static Api::Round proposals(int index) { return round(index, {vote(1, u"A"_s), vote(2, u"B"_s), vote(3, u"A"_s)}); }

private Q_SLOTS:
    void roundsGoFromProposersToJudges()
    {
        const JudgeStrategy judge;
        const QJsonObject layered {{u"layers"_s, 2}};
        QCOMPARE(judge.maxRounds({}), 2);
        QCOMPARE(judge.maxRounds(layered), 4);
        QCOMPARE(judge.roundSpec({}, 0).audience, RoundSpec::Audience::Proposers);
        QCOMPARE(judge.roundSpec({}, 0).showPreviousAnswers, false);
        QCOMPARE(judge.roundSpec({}, 1).audience, RoundSpec::Audience::Judges);
        QCOMPARE(judge.roundSpec({}, 1).showPreviousAnswers, true);
        QCOMPARE(judge.roundSpec(layered, 2).audience, RoundSpec::Audience::Proposers);
        QCOMPARE(judge.roundSpec(layered, 2).showPreviousAnswers, true);
        QCOMPARE(judge.roundSpec(layered, 3).audience, RoundSpec::Audience::Judges);
    }

    void decides_data()
    {
        QTest::addColumn<QJsonObject>("parameters");
        QTest::addColumn<QList<Api::Round>>("rounds");
        QTest::addColumn<bool>("anotherRound");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("reason");
        QTest::newRow("proposals first") << QJsonObject() << QList<Api::Round> {proposals(0)} << true << QString()
                                         << u"proposing"_s;
        QTest::newRow("refinement before the judge")
            << QJsonObject {{u"layers"_s, 1}} << QList<Api::Round> {proposals(0), proposals(1)} << true << QString()
            << u"proposing"_s;
        QTest::newRow("the judge decides, even against the proposals")
            << QJsonObject() << QList<Api::Round> {proposals(0), round(1, {vote(9, u"B"_s)})} << false << u"B"_s
            << QString();
        QTest::newRow("two judges, plurality")
            << QJsonObject() << QList<Api::Round> {proposals(0), round(1, {vote(9, u"A"_s), vote(8, u"A"_s)})} << false
            << u"A"_s << QString();
        QTest::newRow("two judges tied") << QJsonObject()
                                         << QList<Api::Round> {proposals(0),
                                                               round(1, {vote(9, u"A"_s), vote(8, u"B"_s)})}
                                         << false << QString() << u"tie"_s;
        QTest::newRow("no judge answered")
            << QJsonObject() << QList<Api::Round> {proposals(0), round(1, {})} << false << QString() << u"no_judge"_s;
        QTest::newRow("the judge timed out")
            << QJsonObject() << QList<Api::Round> {proposals(0), round(1, {uncounted(9, VoteStatus::TimedOut)})}
            << false << QString() << u"no_judge"_s;
        QTest::newRow("a malformed judgement")
            << QJsonObject()
            << QList<Api::Round> {proposals(0), round(1, {uncounted(9, VoteStatus::Malformed, u"?"_s)})} << false
            << QString() << u"no_judge"_s;
    }

    void decides()
    {
        QFETCH(QJsonObject, parameters);
        QFETCH(QList<Api::Round>, rounds);
        QFETCH(bool, anotherRound);
        QFETCH(QString, answer);
        QFETCH(QString, reason);
        const JudgeStrategy judge;
        QS_VERIFY_OK(judge.validateParameters(parameters));
        const Verdict v = judge.decide(parameters, rounds);
        QCOMPARE(v.anotherRound, anotherRound);
        QCOMPARE(v.answer, answer);
        QCOMPARE(v.outcome == Api::DecisionOutcome::Decided, !answer.isEmpty());
        if (!reason.isEmpty())
            QCOMPARE(v.reason, reason);
    }

    void agreementIsTheShareOfProposalsTheJudgeKept()
    {
        const Verdict v = JudgeStrategy().decide({}, {proposals(0), round(1, {vote(9, u"A"_s)})});
        QVERIFY(std::abs(v.agreement - 2.0 / 3.0) < 1e-12);
        QCOMPARE(ids(v.dissenters), QList<quint64> {2});
    }

    void rejectsBadParameters()
    {
        const JudgeStrategy judge;
        QS_VERIFY_ERROR(judge.validateParameters({{u"layers"_s, 6}}), Api::ErrorCode::InvalidArgument);
        QS_VERIFY_ERROR(judge.validateParameters({{u"layers"_s, -1}}), Api::ErrorCode::InvalidArgument);
        QS_VERIFY_ERROR(judge.validateParameters({{u"layers"_s, 1.5}}), Api::ErrorCode::InvalidArgument);
        QS_VERIFY_ERROR(judge.validateParameters({{u"judges"_s, 2}}), Api::ErrorCode::InvalidArgument);
        QCOMPARE(judge.validateParameters({{u"judges"_s, 2}}).error().details.value(u"path"_s).toString(),
                 u"parameters.judges"_s);
    }

    void explainsTheFlow()
    {
        const JudgeStrategy judge;
        const Api::Decision d = decisionOf(judge, {}, {proposals(0), round(1, {vote(9, u"A"_s)})});
        const QString text = judge.explain(d);
        QVERIFY2(text.contains(u"'A' ×2"_s) && text.contains(u"'B' ×1"_s), qPrintable(text));
        QVERIFY2(text.contains(u"chose 'A'"_s), qPrintable(text));
        const Api::Decision none = decisionOf(judge, {}, {proposals(0), round(1, {})});
        QVERIFY(judge.explain(none).contains(u"No judge"_s));
    }
};

QTEST_GUILESS_MAIN(TestJudgeStrategy)
#include "tst_judgestrategy.moc"
