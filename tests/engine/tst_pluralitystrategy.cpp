#include "consensus/pluralitystrategy.h"

#include <testsupport.h>

#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using Api::DecisionOutcome;
using Api::VoteStatus;

namespace {

Api::Vote vote(quint64 agent, const QString &answer, double weight = 1, VoteStatus status = VoteStatus::Valid)
{
    Api::Vote v;
    v.agentId = Api::AgentId(agent);
    v.status = status;
    v.rawAnswer = answer;
    v.normalizedAnswer = status == VoteStatus::Valid ? answer : QString();
    v.weight = weight;
    return v;
}

// An uncounted vote that still carries an answer, to show that its answer does not count either.
Api::Vote uncounted(quint64 agent, VoteStatus status, const QString &answer)
{
    Api::Vote v = vote(agent, answer, 1, status);
    v.normalizedAnswer = answer;
    return v;
}

QList<Api::Round> oneRound(const QList<Api::Vote> &votes)
{
    return {Api::Round {0, votes}};
}

QList<quint64> ids(const QList<Api::AgentId> &agents)
{
    QList<quint64> out;
    for (Api::AgentId id : agents)
        out.append(id.value);
    return out;
}

Api::Decision decisionOf(const PluralityStrategy &strategy, const QJsonObject &parameters,
                         const QList<Api::Round> &rounds)
{
    const Verdict verdict = strategy.decide(parameters, rounds);
    Api::Decision d;
    d.strategy = Api::StrategySpec {u"plurality"_s, parameters};
    d.rounds = rounds;
    d.outcome = verdict.outcome;
    d.answer = verdict.answer;
    d.agreement = verdict.agreement;
    d.dissenters = verdict.dissenters;
    return d;
}

} // namespace

class TestPluralityStrategy : public QObject
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
    void explainBrokenTie();
    void explainNoDecision_data();
    void explainNoDecision();
};

void TestPluralityStrategy::name()
{
    QCOMPARE(PluralityStrategy().name(), u"plurality"_s);
}

void TestPluralityStrategy::decide_data()
{
    QTest::addColumn<QList<Api::Vote>>("votes");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<bool>("decided");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<double>("agreement");
    QTest::addColumn<QList<quint64>>("dissenters");
    QTest::addColumn<QString>("reason");

    const QJsonObject none;
    const QString a = u"a"_s;
    const QString b = u"b"_s;
    const QString c = u"c"_s;
    auto tieBreak = [](const QString &rule) { return QJsonObject {{u"tie_break"_s, rule}}; };
    auto minVotes = [](int n) { return QJsonObject {{u"min_votes"_s, n}}; };

    QTest::newRow("standard workload 4 to 1")
        << QList<Api::Vote> {vote(1, a), vote(2, a), vote(3, b), vote(4, a), vote(5, a)} << none << true << a << 0.8
        << QList<quint64> {3} << QString();
    QTest::newRow("single vote") << QList<Api::Vote> {vote(7, c)} << none << true << c << 1.0 << QList<quint64> {}
                                 << QString();
    QTest::newRow("unanimous") << QList<Api::Vote> {vote(1, b), vote(2, b), vote(3, b)} << none << true << b << 1.0
                               << QList<quint64> {} << QString();
    QTest::newRow("plurality, not majority")
        << QList<Api::Vote> {vote(1, a), vote(2, b), vote(3, c), vote(4, a), vote(5, b), vote(6, a), vote(7, c)} << none
        << true << a << 3.0 / 7 << QList<quint64> {2, 3, 5, 7} << QString();
    QTest::newRow("weights count, not heads") << QList<Api::Vote> {vote(1, a), vote(2, b, 3.0), vote(3, a)} << none
                                              << true << b << 0.6 << QList<quint64> {1, 3} << QString();
    QTest::newRow("fractional weights") << QList<Api::Vote> {vote(1, a, 0.25), vote(2, b, 0.5), vote(3, a, 0.5)} << none
                                        << true << a << 0.6 << QList<quint64> {2} << QString();
    QTest::newRow("invalid votes neither count nor dissent")
        << QList<Api::Vote> {vote(1, a),
                             uncounted(2, VoteStatus::Abstained, b),
                             uncounted(3, VoteStatus::Malformed, b),
                             uncounted(4, VoteStatus::Failed, b),
                             vote(5, b),
                             uncounted(6, VoteStatus::TimedOut, b),
                             uncounted(7, VoteStatus::Cancelled, b),
                             vote(8, a)}
        << none << true << a << 2.0 / 3 << QList<quint64> {5} << QString();

    // Ties
    QTest::newRow("tie without parameters") << QList<Api::Vote> {vote(1, a), vote(2, b)} << none << false << QString()
                                            << 0.0 << QList<quint64> {} << u"tie"_s;
    QTest::newRow("tie, tie_break none") << QList<Api::Vote> {vote(1, b), vote(2, a), vote(3, a), vote(4, b)}
                                         << tieBreak(u"none"_s) << false << QString() << 0.0 << QList<quint64> {}
                                         << u"tie"_s;
    QTest::newRow("weighted tie") << QList<Api::Vote> {vote(1, a, 2.0), vote(2, b), vote(3, b)} << none << false
                                  << QString() << 0.0 << QList<quint64> {} << u"tie"_s;
    QTest::newRow("tie of weights that only sum equal")
        << QList<Api::Vote> {vote(1, a, 0.1), vote(2, a, 0.2), vote(3, b, 0.3)} << none << false << QString() << 0.0
        << QList<quint64> {} << u"tie"_s;
    QTest::newRow("tie, first: earliest first vote")
        << QList<Api::Vote> {vote(1, b), vote(2, a), vote(3, a), vote(4, b)} << tieBreak(u"first"_s) << true << b << 0.5
        << QList<quint64> {2, 3} << QString();
    QTest::newRow("tie, first: uncounted votes do not come first")
        << QList<Api::Vote> {uncounted(1, VoteStatus::Malformed, a), vote(2, b), vote(3, a)} << tieBreak(u"first"_s)
        << true << b << 0.5 << QList<quint64> {3} << QString();
    QTest::newRow("tie, lexicographic") << QList<Api::Vote> {vote(1, b), vote(2, c), vote(3, a)}
                                        << tieBreak(u"lexicographic"_s) << true << a << 1.0 / 3 << QList<quint64> {1, 2}
                                        << QString();
    QTest::newRow("tie, lexicographic among the leaders only")
        << QList<Api::Vote> {vote(1, c), vote(2, b), vote(3, c), vote(4, b), vote(5, a)} << tieBreak(u"lexicographic"_s)
        << true << b << 0.4 << QList<quint64> {1, 3, 5} << QString();
    QTest::newRow("no tie: tie_break irrelevant")
        << QList<Api::Vote> {vote(1, b), vote(2, a), vote(3, b)} << tieBreak(u"lexicographic"_s) << true << b << 2.0 / 3
        << QList<quint64> {2} << QString();

    // Too few votes
    QTest::newRow("min_votes reached") << QList<Api::Vote> {vote(1, a), vote(2, a), vote(3, b)} << minVotes(3) << true
                                       << a << 2.0 / 3 << QList<quint64> {3} << QString();
    QTest::newRow("min_votes counts valid votes only")
        << QList<Api::Vote> {vote(1, a), vote(2, a), uncounted(3, VoteStatus::Abstained, a),
                             uncounted(4, VoteStatus::Failed, a)}
        << minVotes(3) << false << QString() << 0.0 << QList<quint64> {} << u"too_few_votes"_s;
    QTest::newRow("no valid votes") << QList<Api::Vote> {uncounted(1, VoteStatus::Abstained, QString()),
                                                         uncounted(2, VoteStatus::Failed, QString()),
                                                         uncounted(3, VoteStatus::TimedOut, QString())}
                                    << none << false << QString() << 0.0 << QList<quint64> {} << u"too_few_votes"_s;
    QTest::newRow("empty round") << QList<Api::Vote> {} << none << false << QString() << 0.0 << QList<quint64> {}
                                 << u"too_few_votes"_s;
}

void TestPluralityStrategy::decide()
{
    QFETCH(QList<Api::Vote>, votes);
    QFETCH(QJsonObject, parameters);
    QFETCH(bool, decided);
    QFETCH(QString, answer);
    QFETCH(double, agreement);
    QFETCH(QList<quint64>, dissenters);
    QFETCH(QString, reason);

    const PluralityStrategy strategy;
    QS_VERIFY_OK(strategy.validateParameters(parameters));
    const Verdict verdict = strategy.decide(parameters, oneRound(votes));

    QCOMPARE(Api::enumName(verdict.outcome).toString(),
             Api::enumName(decided ? DecisionOutcome::Decided : DecisionOutcome::NoDecision).toString());
    QCOMPARE(verdict.answer, answer);
    QVERIFY2(qAbs(verdict.agreement - agreement) < 1e-9,
             qPrintable(QStringLiteral("agreement %1, expected %2").arg(verdict.agreement).arg(agreement)));
    QCOMPARE(ids(verdict.dissenters), dissenters);
    if (!decided)
        QCOMPARE(verdict.reason, reason);
}

void TestPluralityStrategy::onlyTheLastRoundCounts()
{
    const QList<Api::Round> rounds {Api::Round {0, {vote(1, u"a"_s), vote(2, u"a"_s), vote(3, u"b"_s)}},
                                    Api::Round {1, {vote(1, u"b"_s), vote(2, u"a"_s), vote(3, u"b"_s)}}};
    const Verdict verdict = PluralityStrategy().decide({}, rounds);
    QCOMPARE(verdict.outcome, DecisionOutcome::Decided);
    QCOMPARE(verdict.answer, u"b"_s);
    QCOMPARE(ids(verdict.dissenters), QList<quint64> {2});
}

void TestPluralityStrategy::noRounds()
{
    const Verdict verdict = PluralityStrategy().decide({}, {});
    QCOMPARE(verdict.outcome, DecisionOutcome::NoDecision);
    QVERIFY(verdict.answer.isEmpty());
    QVERIFY(!verdict.reason.isEmpty());
}

void TestPluralityStrategy::validateParameters_data()
{
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QString>("badPath"); // empty: valid

    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("tie_break none") << QJsonObject {{u"tie_break"_s, u"none"_s}} << QString();
    QTest::newRow("tie_break first") << QJsonObject {{u"tie_break"_s, u"first"_s}} << QString();
    QTest::newRow("tie_break lexicographic") << QJsonObject {{u"tie_break"_s, u"lexicographic"_s}} << QString();
    QTest::newRow("min_votes 1") << QJsonObject {{u"min_votes"_s, 1}} << QString();
    QTest::newRow("min_votes 10000") << QJsonObject {{u"min_votes"_s, 10000}} << QString();
    QTest::newRow("both") << QJsonObject {{u"min_votes"_s, 3}, {u"tie_break"_s, u"first"_s}} << QString();

    QTest::newRow("unknown tie_break") << QJsonObject {{u"tie_break"_s, u"random"_s}} << u"parameters.tie_break"_s;
    QTest::newRow("tie_break wrong case") << QJsonObject {{u"tie_break"_s, u"First"_s}} << u"parameters.tie_break"_s;
    QTest::newRow("tie_break not a string") << QJsonObject {{u"tie_break"_s, 1}} << u"parameters.tie_break"_s;
    QTest::newRow("min_votes 0") << QJsonObject {{u"min_votes"_s, 0}} << u"parameters.min_votes"_s;
    QTest::newRow("min_votes negative") << QJsonObject {{u"min_votes"_s, -2}} << u"parameters.min_votes"_s;
    QTest::newRow("min_votes fractional") << QJsonObject {{u"min_votes"_s, 1.5}} << u"parameters.min_votes"_s;
    QTest::newRow("min_votes too large") << QJsonObject {{u"min_votes"_s, 10001}} << u"parameters.min_votes"_s;
    QTest::newRow("min_votes as string") << QJsonObject {{u"min_votes"_s, u"3"_s}} << u"parameters.min_votes"_s;
    QTest::newRow("min_votes as bool") << QJsonObject {{u"min_votes"_s, true}} << u"parameters.min_votes"_s;
    QTest::newRow("unknown parameter") << QJsonObject {{u"threshold"_s, 0.66}} << u"parameters.threshold"_s;
    QTest::newRow("unknown beside valid")
        << QJsonObject {{u"tie_break"_s, u"first"_s}, {u"rounds"_s, 2}} << u"parameters.rounds"_s;
}

void TestPluralityStrategy::validateParameters()
{
    QFETCH(QJsonObject, parameters);
    QFETCH(QString, badPath);

    const auto result = PluralityStrategy().validateParameters(parameters);
    if (badPath.isEmpty()) {
        QS_VERIFY_OK(result);
        return;
    }
    QS_VERIFY_ERROR(result, Api::ErrorCode::InvalidArgument);
    QCOMPARE(result.error().details.value(u"path"_s).toString(), badPath);
    QVERIFY2(result.error().message.startsWith(QString(badPath + u":"_s)), qPrintable(result.error().message));
}

void TestPluralityStrategy::explainDecided()
{
    const PluralityStrategy strategy;
    const auto rounds = oneRound({vote(1, u"paris"_s), vote(2, u"paris"_s), vote(3, u"london"_s), vote(4, u"paris"_s),
                                  uncounted(5, VoteStatus::Malformed, QString())});
    const Api::Decision decision = decisionOf(strategy, {}, rounds);
    QCOMPARE(decision.outcome, DecisionOutcome::Decided);

    const QString text = strategy.explain(decision);
    QVERIFY2(text.contains(u"paris"_s), qPrintable(text));
    QVERIFY2(text.contains(u"75"_s), qPrintable(text)); // 3 of 4 valid weight
    // Each answer with its number of votes.
    QVERIFY2(text.contains(QRegularExpression(u"paris'?\\D{0,3}3\\b"_s)), qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(u"london'?\\D{0,3}1\\b"_s)), qPrintable(text));
    QVERIFY2(text.contains(u"not counted"_s), qPrintable(text));
    QVERIFY2(text.contains(u"1 dissenter"_s), qPrintable(text));
}

void TestPluralityStrategy::explainBrokenTie()
{
    const PluralityStrategy strategy;
    const QJsonObject parameters {{u"tie_break"_s, u"lexicographic"_s}};
    const Api::Decision decision = decisionOf(strategy, parameters, oneRound({vote(1, u"b"_s), vote(2, u"a"_s)}));
    QCOMPARE(decision.answer, u"a"_s);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.contains(u"tied"_s), qPrintable(text));
    QVERIFY2(text.contains(u"lexicographic"_s), qPrintable(text));
}

void TestPluralityStrategy::explainNoDecision_data()
{
    QTest::addColumn<QList<Api::Vote>>("votes");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QString>("why");

    QTest::newRow("tie") << QList<Api::Vote> {vote(1, u"a"_s), vote(2, u"b"_s)} << QJsonObject() << u"tied"_s;
    QTest::newRow("no valid votes") << QList<Api::Vote> {uncounted(1, VoteStatus::Abstained, QString())}
                                    << QJsonObject() << u"too few"_s;
    QTest::newRow("below min_votes") << QList<Api::Vote> {vote(1, u"a"_s), vote(2, u"a"_s), vote(3, u"b"_s)}
                                     << QJsonObject {{u"min_votes"_s, 5}} << u"too few"_s;
    // The verdict is too_few_votes: the explanation must give that reason, not the tie among the few votes.
    QTest::newRow("below min_votes with tied votes")
        << QList<Api::Vote> {vote(1, u"a"_s), vote(2, u"b"_s)} << QJsonObject {{u"min_votes"_s, 3}} << u"too few"_s;
}

void TestPluralityStrategy::explainNoDecision()
{
    QFETCH(QList<Api::Vote>, votes);
    QFETCH(QJsonObject, parameters);
    QFETCH(QString, why);

    const PluralityStrategy strategy;
    const Api::Decision decision = decisionOf(strategy, parameters, oneRound(votes));
    QCOMPARE(decision.outcome, DecisionOutcome::NoDecision);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.contains(why), qPrintable(text));
    QVERIFY2(text.contains(u"could not decide"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestPluralityStrategy)
#include "tst_pluralitystrategy.moc"
