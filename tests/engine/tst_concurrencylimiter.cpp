#include "scheduler/concurrencylimiter.h"

#include <QTest>

#include <deque>

using namespace QwenSwarm::Engine;

namespace {

// Records, in order, the seq of each key whose waiter was granted a slot.
class GrantLog
{
public:
    class Waiter : public LimiterWaiter
    {
    public:
        Waiter(GrantLog *log, quint64 seq)
            : m_log(log)
            , m_seq(seq)
        { }
        void slotGranted(ConcurrencyLimiter *limiter) override
        {
            m_log->granted.append(m_seq);
            m_log->lastLimiter = limiter;
        }

    private:
        GrantLog *m_log;
        quint64 m_seq;
    };

    LimiterWaiter *waiterFor(quint64 seq) { return &m_waiters.emplace_back(this, seq); }

    QList<quint64> granted;
    ConcurrencyLimiter *lastLimiter = nullptr;

private:
    std::deque<Waiter> m_waiters;
};

} // namespace

class TestConcurrencyLimiter : public QObject
{
    Q_OBJECT

private slots:
    void limitRespected_data();
    void limitRespected();
    void unlimited();
    void peakRemembersTheHighestUse();
    void waitersGrantedInPriorityOrder_data();
    void waitersGrantedInPriorityOrder();
    void releaseHandsSlotStraightToBestWaiter();
    void cancelledWaiterIsNotGranted();
    void raisingLimitGrantsWaiters();
    void removingLimitGrantsEveryWaiter();
    void loweringLimitTakesEffectAsSlotsFree();
};

void TestConcurrencyLimiter::limitRespected_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("7") << 7;
}

void TestConcurrencyLimiter::limitRespected()
{
    QFETCH(int, limit);
    ConcurrencyLimiter limiter(limit);
    QCOMPARE(limiter.limit(), limit);
    for (int i = 0; i < limit; ++i)
        QVERIFY2(limiter.tryAcquire(), qPrintable(QStringLiteral("slot %1 refused").arg(i)));
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.inUse(), limit);

    limiter.release();
    QCOMPARE(limiter.inUse(), limit - 1);
    QVERIFY(limiter.tryAcquire());
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.peak(), limit);
}

void TestConcurrencyLimiter::unlimited()
{
    ConcurrencyLimiter limiter(0);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limiter.tryAcquire());
    QCOMPARE(limiter.inUse(), 1000);
    QCOMPARE(limiter.peak(), 1000);

    ConcurrencyLimiter negative(-5);
    QCOMPARE(negative.limit(), 0);
    QVERIFY(negative.tryAcquire());
}

void TestConcurrencyLimiter::peakRemembersTheHighestUse()
{
    ConcurrencyLimiter limiter(10);
    QCOMPARE(limiter.peak(), 0);
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.tryAcquire());
    limiter.release();
    limiter.release();
    QVERIFY(limiter.tryAcquire());
    QCOMPARE(limiter.inUse(), 2);
    QCOMPARE(limiter.peak(), 3);
}

void TestConcurrencyLimiter::waitersGrantedInPriorityOrder_data()
{
    QTest::addColumn<QList<SchedulingKey>>("keys"); // in the order they start waiting
    QTest::addColumn<QList<quint64>>("grantOrder"); // by seq

    QTest::newRow("higher priority first")
        << QList<SchedulingKey> {{0, 0, 1}, {5, 0, 2}, {1, 0, 3}} << QList<quint64> {2, 3, 1};
    QTest::newRow("earlier deadline first, none last")
        << QList<SchedulingKey> {{0, 0, 1}, {0, 300, 2}, {0, 100, 3}} << QList<quint64> {3, 2, 1};
    QTest::newRow("first come without deadlines")
        << QList<SchedulingKey> {{0, 0, 3}, {0, 0, 1}, {0, 0, 2}} << QList<quint64> {1, 2, 3};
    QTest::newRow("priority before deadline")
        << QList<SchedulingKey> {{0, 100, 1}, {1, 0, 2}, {-1, 50, 3}} << QList<quint64> {2, 1, 3};
    QTest::newRow("mixed") << QList<SchedulingKey> {{0, 0, 1}, {2, 0, 2}, {2, 500, 3}, {0, 500, 4}, {0, 0, 5}}
                           << QList<quint64> {3, 2, 4, 1, 5};
}

void TestConcurrencyLimiter::waitersGrantedInPriorityOrder()
{
    QFETCH(QList<SchedulingKey>, keys);
    QFETCH(QList<quint64>, grantOrder);

    ConcurrencyLimiter limiter(1);
    QVERIFY(limiter.tryAcquire());
    GrantLog log;
    for (const SchedulingKey &key : std::as_const(keys))
        limiter.wait(key, log.waiterFor(key.seq));
    QCOMPARE(limiter.waiting(), static_cast<int>(keys.size()));
    QVERIFY(log.granted.isEmpty());

    // Each holder finishes in turn; the slot moves on one waiter at a time.
    for (qsizetype i = 0; i < keys.size(); ++i) {
        limiter.release();
        QCOMPARE(log.granted.size(), i + 1);
        QCOMPARE(limiter.inUse(), 1);
    }
    QCOMPARE(log.granted, grantOrder);
    QCOMPARE(limiter.waiting(), 0);
    QCOMPARE(limiter.peak(), 1);
}

void TestConcurrencyLimiter::releaseHandsSlotStraightToBestWaiter()
{
    ConcurrencyLimiter limiter(1);
    QVERIFY(limiter.tryAcquire());
    GrantLog log;
    limiter.wait({0, 0, 1}, log.waiterFor(1));

    limiter.release();
    QCOMPARE(log.granted, QList<quint64> {1});
    QCOMPARE(log.lastLimiter, &limiter);
    // The waiter holds the slot now: nobody can barge in ahead of it.
    QCOMPARE(limiter.inUse(), 1);
    QVERIFY(!limiter.tryAcquire());
}

void TestConcurrencyLimiter::cancelledWaiterIsNotGranted()
{
    ConcurrencyLimiter limiter(1);
    QVERIFY(limiter.tryAcquire());
    GrantLog log;
    const SchedulingKey urgent {9, 0, 1};
    const SchedulingKey normal {0, 0, 2};
    limiter.wait(urgent, log.waiterFor(1));
    limiter.wait(normal, log.waiterFor(2));

    QVERIFY(limiter.cancelWait(urgent));
    QVERIFY(!limiter.cancelWait(urgent));
    QVERIFY(!limiter.cancelWait({0, 0, 99}));
    QCOMPARE(limiter.waiting(), 1);

    limiter.release();
    QCOMPARE(log.granted, QList<quint64> {2});

    // The last waiter cancels: a release now just frees the slot.
    limiter.release();
    QCOMPARE(limiter.inUse(), 0);
    QCOMPARE(log.granted, QList<quint64> {2});
}

void TestConcurrencyLimiter::raisingLimitGrantsWaiters()
{
    ConcurrencyLimiter limiter(1);
    QVERIFY(limiter.tryAcquire());
    GrantLog log;
    limiter.wait({0, 0, 1}, log.waiterFor(1));
    limiter.wait({0, 0, 2}, log.waiterFor(2));
    limiter.wait({3, 0, 3}, log.waiterFor(3));

    limiter.setLimit(3);
    QCOMPARE(limiter.limit(), 3);
    QCOMPARE(log.granted, (QList<quint64> {3, 1}));
    QCOMPARE(limiter.inUse(), 3);
    QCOMPARE(limiter.waiting(), 1);
    QCOMPARE(limiter.peak(), 3);
}

void TestConcurrencyLimiter::removingLimitGrantsEveryWaiter()
{
    ConcurrencyLimiter limiter(1);
    QVERIFY(limiter.tryAcquire());
    GrantLog log;
    for (quint64 seq = 1; seq <= 4; ++seq)
        limiter.wait({0, 0, seq}, log.waiterFor(seq));

    limiter.setLimit(0);
    QCOMPARE(log.granted, (QList<quint64> {1, 2, 3, 4}));
    QCOMPARE(limiter.inUse(), 5);
    QCOMPARE(limiter.waiting(), 0);
}

void TestConcurrencyLimiter::loweringLimitTakesEffectAsSlotsFree()
{
    ConcurrencyLimiter limiter(3);
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.tryAcquire());
    GrantLog log;
    limiter.wait({0, 0, 1}, log.waiterFor(1));

    limiter.setLimit(1);
    QVERIFY(log.granted.isEmpty());
    limiter.release();
    QVERIFY(!limiter.tryAcquire());
    limiter.release();
    QVERIFY(log.granted.isEmpty());
    QCOMPARE(limiter.inUse(), 1);

    limiter.release();
    QCOMPARE(log.granted, QList<quint64> {1});
    QCOMPARE(limiter.inUse(), 1);
}

QTEST_GUILESS_MAIN(TestConcurrencyLimiter)
#include "tst_concurrencylimiter.moc"
