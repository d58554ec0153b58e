#include "providers/providerratelimiter.h"
#include "providers/tokenbucket.h"

#include <testsupport.h>

#include <QElapsedTimer>
#include <QTest>

using namespace QwenSwarm::Engine;

class TestTokenBucket : public QObject
{
    Q_OBJECT

private slots:
    void startsFullAndRefills();
    void waitsForWhatIsMissing();
    void amountsBeyondCapacityWaitForAFullBucket();
    void settlingCanGoNegative();
    void unlimitedNeverWaits();
    void limiterGrantsInOrderAndWaits();
    void limiterCancelLetsTheNextGo();
};

void TestTokenBucket::startsFullAndRefills()
{
    TokenBucket bucket(60); // one a second
    QCOMPARE(bucket.level(0), 60.0);
    bucket.take(60, 0);
    QCOMPARE(bucket.level(0), 0.0);
    QCOMPARE(bucket.level(500'000), 0.5);
    QCOMPARE(bucket.level(120'000'000), 60.0); // never above a minute's worth
}

void TestTokenBucket::waitsForWhatIsMissing()
{
    TokenBucket bucket(600); // ten a second
    bucket.take(600, 0);
    QCOMPARE(bucket.waitUs(1, 0), qint64(100'000));
    QCOMPARE(bucket.waitUs(5, 0), qint64(500'000));
    QCOMPARE(bucket.waitUs(5, 200'000), qint64(300'000));
    QCOMPARE(bucket.waitUs(5, 500'000), qint64(0));
}

void TestTokenBucket::amountsBeyondCapacityWaitForAFullBucket()
{
    TokenBucket bucket(60);
    bucket.take(30, 0);
    QCOMPARE(bucket.waitUs(1000, 0), qint64(30'000'000));
}

void TestTokenBucket::settlingCanGoNegative()
{
    TokenBucket bucket(60);
    bucket.take(10, 0);
    bucket.adjust(10 - 100, 0); // estimated 10, used 100
    QCOMPARE(bucket.level(0), -40.0);
    QCOMPARE(bucket.waitUs(1, 0), qint64(41'000'000));
}

void TestTokenBucket::unlimitedNeverWaits()
{
    TokenBucket bucket(0);
    QVERIFY(bucket.unlimited());
    bucket.take(1e9, 0);
    QCOMPARE(bucket.waitUs(1e9, 0), qint64(0));
}

void TestTokenBucket::limiterGrantsInOrderAndWaits()
{
    QObject owner;
    ProviderRateLimiter limiter(&owner, 600, 0); // ten requests a second, 600 at once
    QList<int> granted;
    for (int i = 0; i < 600; ++i)
        limiter.acquire(quint64(i), 1, [&granted, i] { granted << i; });
    QCOMPARE(granted.size(), 600); // the full bucket, at once
    QElapsedTimer clock;
    clock.start();
    limiter.acquire(600, 1, [&granted] { granted << 600; });
    limiter.acquire(601, 1, [&granted] { granted << 601; });
    QCOMPARE(granted.size(), 600);
    QCOMPARE(limiter.waiting(), std::size_t(2));
    QVERIFY(QwenSwarm::Testing::spinUntil([&granted] { return granted.size() == 602; }));
    QVERIFY(clock.elapsed() >= 150); // the second needs two tenths of a second of refill, less what passed
    QCOMPARE(granted.last(), 601);
}

void TestTokenBucket::limiterCancelLetsTheNextGo()
{
    QObject owner;
    ProviderRateLimiter limiter(&owner, 0, 60); // sixty tokens a minute
    QList<int> granted;
    limiter.acquire(1, 60, [&granted] { granted << 1; });
    limiter.acquire(2, 30, [&granted] { granted << 2; }); // waits half a minute
    limiter.acquire(3, 0, [&granted] { granted << 3; }); // behind it, in order
    QCOMPARE(granted, QList<int> {1});
    limiter.cancel(2);
    QCOMPARE(granted, (QList<int> {1, 3}));
    limiter.settle(60, 0); // the first call used nothing after all
    limiter.acquire(4, 50, [&granted] { granted << 4; });
    QCOMPARE(granted, (QList<int> {1, 3, 4}));
}

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
