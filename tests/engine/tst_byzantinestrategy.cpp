#include "consensus/byzantinestrategy.h"

#include "consensustestsupport.h"
#include "providers/splitmix.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using Api::DecisionOutcome;
using Api::VoteStatus;

namespace {

const QString truth = u"T"_s;

/// One seeded scenario of n agents, at most f of them faulty, the honest ones never wrong.
struct Scenario
{
    QList<Api::Vote> votes;
    QJsonObject parameters;
    int f = 0;
    int honestValid = 0; ///< Honest agents whose vote is valid (all give the truth).
};

void addFaultyVotes(QList<Api::Vote> &votes, quint64 agent, SplitMix64 &rng)
{
    const QString wrong = rng.below(2) ? u"W1"_s : u"W2"_s;
    switch (rng.below(6)) {
    case 0: // a wrong answer, with a weight meant to impress
        votes << vote(agent, wrong, 1000);
        break;
    case 1: // equivocation: different answers in one round
        votes << vote(agent, truth) << vote(agent, wrong) << vote(agent, u"W3"_s);
        break;
    case 2: // ballot stuffing: the same wrong answer many times
        for (int i = 0; i < 5; ++i)
            votes << vote(agent, u"W1"_s);
        break;
    case 3: // silence
        votes << uncounted(agent, VoteStatus::TimedOut, wrong);
        break;
    case 4: // the truth, to mislead about who is faulty
        votes << vote(agent, truth);
        break;
    default: // coordinated with the other faulty agents
        votes << vote(agent, u"W1"_s);
        break;
    }
}

Scenario scenario(quint64 seed)
{
    SplitMix64 rng(seed);
    Scenario s;
    const int n = 1 + static_cast<int>(rng.below(13));
    const int fMax = (n - 1) / 3;
    if (rng.below(2)) {
        s.f = static_cast<int>(rng.below(static_cast<quint64>(fMax) + 1));
        s.parameters.insert(u"f"_s, s.f);
    } else {
        s.f = fMax; // the default
    }
    const int faulty = static_cast<int>(rng.below(static_cast<quint64>(s.f) + 1));
    static const VoteStatus lost[] = {VoteStatus::TimedOut, VoteStatus::Failed, VoteStatus::Cancelled,
                                      VoteStatus::Abstained, VoteStatus::Malformed};
    for (int agent = 1; agent <= n; ++agent) {
        if (agent <= faulty) {
            addFaultyVotes(s.votes, static_cast<quint64>(agent), rng);
        } else if (rng.below(8) == 0) {
            s.votes << uncounted(static_cast<quint64>(agent), lost[rng.below(5)]);
        } else {
            s.votes << vote(static_cast<quint64>(agent), truth);
            ++s.honestValid;
        }
    }
    // Arrival order says nothing about who is faulty.
    for (qsizetype i = s.votes.size() - 1; i > 0; --i)
        s.votes.swapItemsAt(i, static_cast<qsizetype>(rng.below(static_cast<quint64>(i) + 1)));
    return s;
}

} // namespace

class TestByzantineStrategy : public QObject
{
    Q_OBJECT

private slots:
    void name();
    void decide_data();
    void decide();
    void neverDecidesWrongWithAtMostFFaulty();
    void validateParameters_data();
    void validateParameters();
    void explainDecided();
    void explainNoDecision_data();
    void explainNoDecision();
};

void TestByzantineStrategy::name()
{
    QCOMPARE(ByzantineStrategy().name(), u"byzantine"_s);
    QCOMPARE(ByzantineStrategy().maxRounds({}), 1);
    QVERIFY(!ByzantineStrategy().usesReputation({}));
}

void TestByzantineStrategy::decide_data()
{
    addVerdictColumns();
    const QJsonObject none;
    const QString a = u"A"_s;
    const QString b = u"B"_s;
    auto f = [](int value) { return QJsonObject {{u"f"_s, value}}; };
    using Votes = QList<Api::Vote>;
    using Ids = QList<quint64>;

    QTest::newRow("4 agents, default f 1, 3 agree")
        << Votes {vote(1, a), vote(2, a), vote(3, b), vote(4, a)} << none << true << a << 0.75 << Ids {3} << QString();
    QTest::newRow("f 1 of 4, 3 agree") << Votes {vote(1, a), vote(2, a), vote(3, b), vote(4, a)} << f(1) << true << a
                                       << 0.75 << Ids {3} << QString();
    QTest::newRow("2 against 2 is no quorum") << Votes {vote(1, a), vote(2, b), vote(3, b), vote(4, a)} << none << false
                                              << QString() << 0.0 << Ids {} << u"no_quorum"_s;
    QTest::newRow("a timeout costs the quorum")
        << Votes {vote(1, a), vote(2, a), vote(3, b), uncounted(4, VoteStatus::TimedOut, a)} << f(1) << false
        << QString() << 0.0 << Ids {} << u"no_quorum"_s;
    QTest::newRow("uncounted votes count toward n only") << Votes {vote(1, a),
                                                                   vote(2, a),
                                                                   vote(3, a),
                                                                   uncounted(4, VoteStatus::Abstained, b),
                                                                   uncounted(5, VoteStatus::Malformed, b),
                                                                   uncounted(6, VoteStatus::Failed, b),
                                                                   uncounted(7, VoteStatus::Cancelled, b)}
                                                         << f(1) << true << a << 1.0 << Ids {} << QString();
    QTest::newRow("3 voters cannot tolerate f 1") << Votes {vote(1, a), vote(2, a), vote(3, a)} << f(1) << false
                                                  << QString() << 0.0 << Ids {} << u"too_few_voters"_s;
    QTest::newRow("3 voters by default: f 0, one vote would do")
        << Votes {vote(1, a), vote(2, a), vote(3, a)} << none << true << a << 1.0 << Ids {} << QString();
    QTest::newRow("7 agents, default f 2, 5 agree")
        << Votes {vote(1, a), vote(2, a), vote(3, b), vote(4, a), vote(5, b), vote(6, a), vote(7, a)} << none << true
        << a << 5.0 / 7 << Ids {3, 5} << QString();
    QTest::newRow("7 agents, default f 2, 4 agree")
        << Votes {vote(1, a), vote(2, a), vote(3, b), vote(4, a), vote(5, b), vote(6, a), vote(7, b)} << none << false
        << QString() << 0.0 << Ids {} << u"no_quorum"_s;
    QTest::newRow("weights play no part")
        << Votes {vote(1, a, 0.01), vote(2, a, 0.01), vote(3, b, 100), vote(4, a, 0.01)} << none << true << a << 0.75
        << Ids {3} << QString();
    QTest::newRow("an equivocating agent supports nothing but dissents")
        << Votes {vote(1, a), vote(2, a), vote(3, a), vote(3, b), vote(4, a)} << f(1) << true << a << 1.0 << Ids {3}
        << QString();
    QTest::newRow("equivocation cannot complete a quorum")
        << Votes {vote(1, a), vote(2, a), vote(3, b), vote(3, a), vote(4, b)} << f(1) << false << QString() << 0.0
        << Ids {} << u"no_quorum"_s;
    QTest::newRow("repeated votes of one agent count once")
        << Votes {vote(1, b), vote(1, b), vote(1, b), vote(2, a), vote(3, b), vote(4, a)} << f(1) << false << QString()
        << 0.0 << Ids {} << u"no_quorum"_s;
    QTest::newRow("an uncounted repeat does not undo a valid vote")
        << Votes {vote(1, a), uncounted(1, VoteStatus::TimedOut), vote(2, a), vote(3, a), vote(4, b)} << f(1) << true
        << a << 0.75 << Ids {4} << QString();
    QTest::newRow("f 0 of 4, both answers reach 1, most wins")
        << Votes {vote(1, a), vote(2, b), vote(3, a), vote(4, a)} << f(0) << true << a << 0.75 << Ids {2} << QString();
    QTest::newRow("f 0 of 4, 2 against 2 is a tie") << Votes {vote(1, a), vote(2, b), vote(3, b), vote(4, a)} << f(0)
                                                    << false << QString() << 0.0 << Ids {} << u"tie"_s;
    QTest::newRow("all uncounted") << Votes {uncounted(1, VoteStatus::TimedOut), uncounted(2, VoteStatus::TimedOut)}
                                   << none << false << QString() << 0.0 << Ids {} << u"no_quorum"_s;
    QTest::newRow("empty round") << Votes {} << none << false << QString() << 0.0 << Ids {} << u"too_few_voters"_s;
}

void TestByzantineStrategy::decide()
{
    verifyVerdict(ByzantineStrategy());
}

void TestByzantineStrategy::neverDecidesWrongWithAtMostFFaulty()
{
    // Safety: whatever at most f agents do, the honest ones never being wrong, no wrong answer is
    // decided. Liveness: with 2f+1 honest valid votes, the truth is decided.
    const ByzantineStrategy strategy;
    int decided = 0;
    int live = 0;
    for (quint64 seed = 1; seed <= 20000; ++seed) {
        const Scenario s = scenario(seed);
        const Verdict verdict = strategy.decide(s.parameters, oneRound(s.votes));
        if (verdict.outcome == DecisionOutcome::Decided) {
            QVERIFY2(verdict.answer == truth, qPrintable(u"seed %1 decided %2"_s.arg(seed).arg(verdict.answer)));
            ++decided;
        }
        if (s.honestValid >= 2 * s.f + 1) {
            QVERIFY2(verdict.outcome == DecisionOutcome::Decided,
                     qPrintable(u"seed %1: %2 honest valid votes, f %3, no decision (%4)"_s.arg(seed)
                                    .arg(s.honestValid)
                                    .arg(s.f)
                                    .arg(verdict.reason)));
            ++live;
        }
    }
    // The scenarios are not degenerate: most decide, some do not.
    QVERIFY2(live > 10000, qPrintable(QString::number(live)));
    QVERIFY2(decided < 20000, qPrintable(QString::number(decided)));
}

void TestByzantineStrategy::validateParameters_data()
{
    addParameterColumns();
    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("f 0") << QJsonObject {{u"f"_s, 0}} << QString();
    QTest::newRow("f 3333") << QJsonObject {{u"f"_s, 3333}} << QString();
    QTest::newRow("f negative") << QJsonObject {{u"f"_s, -1}} << u"parameters.f"_s;
    QTest::newRow("f too large") << QJsonObject {{u"f"_s, 3334}} << u"parameters.f"_s;
    QTest::newRow("f fractional") << QJsonObject {{u"f"_s, 1.5}} << u"parameters.f"_s;
    QTest::newRow("f as string") << QJsonObject {{u"f"_s, u"1"_s}} << u"parameters.f"_s;
    QTest::newRow("unknown") << QJsonObject {{u"n"_s, 4}} << u"parameters.n"_s;
}

void TestByzantineStrategy::validateParameters()
{
    verifyParameters(ByzantineStrategy());
}

void TestByzantineStrategy::explainDecided()
{
    const ByzantineStrategy strategy;
    const auto rounds = oneRound(
        {vote(11, u"A"_s), vote(12, u"A"_s), vote(13, u"B"_s), vote(14, u"A"_s), uncounted(15, VoteStatus::Failed)});
    const Api::Decision decision = decisionOf(strategy, {{u"f"_s, 1}}, rounds);
    QCOMPARE(decision.answer, u"A"_s);
    const QString text = strategy.explain(decision);
    for (const QString &phrase : {u"agents 11, 12 and 14 gave it"_s, u"2f+1 = 3"_s, u"f = 1 as set, n = 5"_s,
                                  u"'B' from agent 13"_s, u"1 failed"_s}) {
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
    }
}

void TestByzantineStrategy::explainNoDecision_data()
{
    QTest::addColumn<QList<Api::Vote>>("votes");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QStringList>("phrases");

    QTest::newRow("no quorum") << QList<Api::Vote> {vote(1, u"A"_s), vote(2, u"A"_s), vote(3, u"B"_s), vote(3, u"A"_s),
                                                    vote(4, u"B"_s)}
                               << QJsonObject()
                               << QStringList {u"2f+1 = 3 matching valid votes needed"_s,
                                               u"the largest with n = 4 >= 3f+1"_s, u"'A' from agents 1 and 2 (2)"_s,
                                               u"agent 3 equivocated"_s};
    QTest::newRow("too few voters") << QList<Api::Vote> {vote(1, u"A"_s), vote(2, u"A"_s), vote(3, u"A"_s)}
                                    << QJsonObject {{u"f"_s, 1}}
                                    << QStringList {u"only 3 agent(s) voted, fewer than 3f+1 = 4 for f = 1"_s};
}

void TestByzantineStrategy::explainNoDecision()
{
    QFETCH(QList<Api::Vote>, votes);
    QFETCH(QJsonObject, parameters);
    QFETCH(QStringList, phrases);

    const ByzantineStrategy strategy;
    const Api::Decision decision = decisionOf(strategy, parameters, oneRound(votes));
    QCOMPARE(decision.outcome, DecisionOutcome::NoDecision);
    const QString text = strategy.explain(decision);
    QVERIFY2(text.startsWith(u"Byzantine approval could not decide"_s), qPrintable(text));
    for (const QString &phrase : phrases)
        QVERIFY2(text.contains(phrase), qPrintable(QString(u"missing \""_s + phrase + u"\" in: "_s + text)));
}

QTEST_GUILESS_MAIN(TestByzantineStrategy)
#include "tst_byzantinestrategy.moc"
