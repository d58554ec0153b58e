#include "consensus/votingtheory.h"

#include <QTest>

using namespace QwenSwarm::Engine;

class TestVotingTheory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void condorcetValues_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        QTest::newRow("one voter is as good as itself") << 1 << 0.7 << 0.7;
        QTest::newRow("3 of 0.6") << 3 << 0.6 << 0.648; // 0.6^3 + 3 * 0.6^2 * 0.4
        QTest::newRow("5 of 0.7") << 5 << 0.7 << 0.83692;
        QTest::newRow("coin flips stay coin flips") << 9 << 0.5 << 0.5;
    }

    void condorcetValues()
    {
        QFETCH(int, n);
        QFETCH(double, p);
        QFETCH(double, expected);
        QVERIFY(std::abs(VotingTheory::condorcet(n, p) - expected) < 1e-9);
    }

    void equalVotersWeighLikePlurality()
    {
        const auto [plurality, weighted] = VotingTheory::pluralityAndWeighted({0.7, 0.7, 0.7, 0.7, 0.7});
        QVERIFY(std::abs(plurality - VotingTheory::condorcet(5, 0.7)) < 1e-12);
        QVERIFY(std::abs(weighted - plurality) < 1e-12);
    }

    void aStrongVoterOutweighsWeakOnes()
    {
        // log(9) exceeds four times log(1.5): the 0.9 voter decides alone.
        const auto [plurality, weighted] = VotingTheory::pluralityAndWeighted({0.9, 0.6, 0.6, 0.6, 0.6});
        QVERIFY(std::abs(weighted - 0.9) < 1e-12);
        QVERIFY(plurality < weighted);
    }
};

QTEST_GUILESS_MAIN(TestVotingTheory)
#include "tst_votingtheory.moc"
