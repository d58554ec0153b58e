#include "scheduler/backoff.h"

#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;

namespace {

Api::RetryPolicy policy(int initialMs, int maxMs, double jitter)
{
    Api::RetryPolicy p;
    p.maxAttempts = 5;
    p.initialBackoffMs = initialMs;
    p.maxBackoffMs = maxMs;
    p.jitter = jitter;
    return p;
}

} // namespace

class TestBackoff : public QObject
{
    Q_OBJECT

private slots:
    void withoutJitter_data();
    void withoutJitter();
    void jitterScalesDown_data();
    void jitterScalesDown();
    void jitterStaysInRange_data();
    void jitterStaysInRange();
};

void TestBackoff::withoutJitter_data()
{
    QTest::addColumn<int>("initialMs");
    QTest::addColumn<int>("maxMs");
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<double>("unitRandom");
    QTest::addColumn<int>("expectedMs");

    QTest::newRow("first retry waits the initial delay") << 500 << 8000 << 1 << 0.0 << 500;
    QTest::newRow("second retry doubles") << 500 << 8000 << 2 << 0.0 << 1000;
    QTest::newRow("third retry doubles again") << 500 << 8000 << 3 << 0.0 << 2000;
    QTest::newRow("fourth") << 500 << 8000 << 4 << 0.0 << 4000;
    QTest::newRow("reaches the cap") << 500 << 8000 << 5 << 0.0 << 8000;
    QTest::newRow("stays at the cap") << 500 << 8000 << 6 << 0.0 << 8000;
    QTest::newRow("many failures do not overflow") << 500 << 8000 << 1000 << 0.0 << 8000;
    QTest::newRow("cap between powers") << 300 << 1000 << 3 << 0.0 << 1000;
    QTest::newRow("other initial") << 250 << 100000 << 4 << 0.0 << 2000;
    QTest::newRow("zero initial") << 0 << 8000 << 3 << 0.0 << 0;
    QTest::newRow("random ignored without jitter") << 500 << 8000 << 2 << 0.73 << 1000;
}

void TestBackoff::withoutJitter()
{
    QFETCH(int, initialMs);
    QFETCH(int, maxMs);
    QFETCH(int, failedAttempts);
    QFETCH(double, unitRandom);
    QFETCH(int, expectedMs);

    QCOMPARE(backoffDelayMs(policy(initialMs, maxMs, 0), failedAttempts, unitRandom), expectedMs);
}

void TestBackoff::jitterScalesDown_data()
{
    QTest::addColumn<double>("jitter");
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<double>("unitRandom");
    QTest::addColumn<int>("expectedMs");

    // initial 1000, cap 8000
    QTest::newRow("random 0 keeps the full delay") << 0.2 << 2 << 0.0 << 2000;
    QTest::newRow("random 0.5 takes off half the jitter") << 0.2 << 2 << 0.5 << 1800;
    QTest::newRow("jitter applies after the cap") << 0.5 << 10 << 0.5 << 6000;
    QTest::newRow("full jitter, random 0.25") << 1.0 << 1 << 0.25 << 750;
}

void TestBackoff::jitterScalesDown()
{
    QFETCH(double, jitter);
    QFETCH(int, failedAttempts);
    QFETCH(double, unitRandom);
    QFETCH(int, expectedMs);

    QCOMPARE(backoffDelayMs(policy(1000, 8000, jitter), failedAttempts, unitRandom), expectedMs);
}

void TestBackoff::jitterStaysInRange_data()
{
    QTest::addColumn<double>("jitter");
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<int>("fullMs");

    QTest::newRow("sdk default 0.2, first retry") << 0.2 << 1 << 500;
    QTest::newRow("0.2 at the cap") << 0.2 << 9 << 8000;
    QTest::newRow("0.5, third retry") << 0.5 << 3 << 2000;
    QTest::newRow("1.0") << 1.0 << 4 << 4000;
}

void TestBackoff::jitterStaysInRange()
{
    QFETCH(double, jitter);
    QFETCH(int, failedAttempts);
    QFETCH(int, fullMs);

    const Api::RetryPolicy p = policy(500, 8000, jitter);
    const double lowest = fullMs * (1.0 - jitter);
    int smallestSeen = fullMs;
    for (int i = 0; i < 1000; ++i) {
        const double unitRandom = i / 1000.0;
        const int delay = backoffDelayMs(p, failedAttempts, unitRandom);
        QVERIFY2(delay <= fullMs, qPrintable(QStringLiteral("%1 > %2 at %3").arg(delay).arg(fullMs).arg(unitRandom)));
        QVERIFY2(delay >= lowest - 1,
                 qPrintable(QStringLiteral("%1 < %2 at %3").arg(delay).arg(lowest).arg(unitRandom)));
        smallestSeen = std::min(smallestSeen, delay);
    }
    // The spread really uses the jitter range, so retries of tasks that failed together spread out.
    QVERIFY(smallestSeen <= lowest + fullMs * jitter * 0.01 + 1);
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
