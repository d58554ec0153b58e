#include "scheduler/timerqueue.h"

#include <testsupport.h>

#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;

namespace {

// The monotonic due time `ms` milliseconds from now, in the queue's microseconds.
qint64 inMs(qint64 ms)
{
    return monotonicUs() + ms * 1000;
}

} // namespace

class TestTimerQueue : public QObject
{
    Q_OBJECT

private slots:
    void deliversInDueOrder();
    void sameDueInInsertionOrder();
    void earlierEntryScheduledLaterFiresFirst();
    void deliversOnTheEventLoopNotInSchedule();
    void payloadScheduledFromHandlerIsDelivered();
    void manyEntriesInDueThenInsertionOrder();
    void moveOnlyPayloads();
    void subMillisecondDuesKeepTheirOrder();
    void neverDeliveredBeforeDue();
};

void TestTimerQueue::deliversInDueOrder()
{
    QObject owner;
    QList<int> received;
    TimerQueue<int> queue(&owner, [&received](int &&payload) { received.append(payload); });

    queue.schedule(inMs(30), 30);
    queue.schedule(inMs(10), 10);
    queue.schedule(inMs(20), 20);
    QCOMPARE(queue.size(), std::size_t(3));

    QVERIFY(Testing::spinUntil([&received] { return received.size() == 3; }));
    QCOMPARE(received, (QList<int> {10, 20, 30}));
    QCOMPARE(queue.size(), std::size_t(0));
}

void TestTimerQueue::sameDueInInsertionOrder()
{
    QObject owner;
    QStringList received;
    TimerQueue<QString> queue(&owner, [&received](QString &&payload) { received.append(payload); });

    const qint64 due = inMs(5);
    const QStringList names {QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"),
                             QStringLiteral("fourth")};
    for (const QString &name : names)
        queue.schedule(due, name);

    QVERIFY(Testing::spinUntil([&received] { return received.size() == 4; }));
    QCOMPARE(received, names);
}

void TestTimerQueue::earlierEntryScheduledLaterFiresFirst()
{
    QObject owner;
    QList<int> received;
    TimerQueue<int> queue(&owner, [&received](int &&payload) { received.append(payload); });

    queue.schedule(inMs(150), 2); // arms the timer for later
    queue.schedule(inMs(1), 1); // must re-arm it earlier

    QVERIFY(Testing::spinUntil([&received] { return received.size() == 2; }));
    QCOMPARE(received, (QList<int> {1, 2}));
}

void TestTimerQueue::deliversOnTheEventLoopNotInSchedule()
{
    QObject owner;
    QList<int> received;
    Qt::HANDLE deliveredOn = nullptr;
    TimerQueue<int> queue(&owner, [&](int &&payload) {
        received.append(payload);
        deliveredOn = QThread::currentThreadId();
    });

    queue.schedule(inMs(-1000), 7); // already due
    QVERIFY(received.isEmpty());
    QCOMPARE(queue.size(), std::size_t(1));

    QVERIFY(Testing::spinUntil([&received] { return !received.isEmpty(); }));
    QCOMPARE(received, QList<int> {7});
    QCOMPARE(deliveredOn, QThread::currentThreadId());
}

void TestTimerQueue::payloadScheduledFromHandlerIsDelivered()
{
    QObject owner;
    QList<int> received;
    std::unique_ptr<TimerQueue<int>> queue;
    queue = std::make_unique<TimerQueue<int>>(&owner, [&](int &&payload) {
        received.append(payload);
        if (payload < 3)
            queue->schedule(inMs(2), payload + 1);
    });

    queue->schedule(inMs(0), 1);
    QVERIFY(Testing::spinUntil([&received] { return received.size() == 3; }));
    QCOMPARE(received, (QList<int> {1, 2, 3}));
}

void TestTimerQueue::manyEntriesInDueThenInsertionOrder()
{
    struct Entry
    {
        qint64 offset;
        int id;
    };
    QObject owner;
    QList<int> received;
    TimerQueue<int> queue(&owner, [&received](int &&payload) { received.append(payload); });

    std::vector<Entry> entries;
    quint32 state = 12345;
    for (int id = 0; id < 200; ++id) {
        state = state * 1103515245u + 12345u;
        entries.push_back({static_cast<qint64>((state >> 16) % 8) * 3, id}); // few distinct dues: many ties
    }
    const qint64 base = inMs(5);
    for (const Entry &e : entries)
        queue.schedule(base + e.offset * 1000, e.id);

    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.offset < b.offset; });
    QList<int> expected;
    for (const Entry &e : entries)
        expected.append(e.id);

    QVERIFY(Testing::spinUntil([&received] { return received.size() == 200; }));
    QCOMPARE(received, expected);
}

void TestTimerQueue::moveOnlyPayloads()
{
    QObject owner;
    QList<int> received;
    TimerQueue<std::unique_ptr<int>> queue(&owner,
                                           [&received](std::unique_ptr<int> &&payload) { received.append(*payload); });
    queue.schedule(inMs(2), std::make_unique<int>(2));
    queue.schedule(inMs(0), std::make_unique<int>(1));
    QVERIFY(Testing::spinUntil([&received] { return received.size() == 2; }));
    QCOMPARE(received, (QList<int> {1, 2}));
}

void TestTimerQueue::subMillisecondDuesKeepTheirOrder()
{
    QObject owner;
    QList<int> received;
    TimerQueue<int> queue(&owner, [&received](int &&payload) { received.append(payload); });

    const qint64 base = inMs(3);
    queue.schedule(base + 700, 3);
    queue.schedule(base + 100, 1);
    queue.schedule(base + 400, 2);
    QVERIFY(Testing::spinUntil([&received] { return received.size() == 3; }));
    QCOMPARE(received, (QList<int> {1, 2, 3}));
}

void TestTimerQueue::neverDeliveredBeforeDue()
{
    struct Due
    {
        qint64 dueUs;
    };
    QObject owner;
    QList<qint64> early; // how many microseconds too early, per early delivery
    int delivered = 0;
    TimerQueue<Due> queue(&owner, [&](Due &&payload) {
        const qint64 now = monotonicUs();
        if (now < payload.dueUs)
            early.append(payload.dueUs - now);
        ++delivered;
    });

    for (int i = 0; i < 20; ++i) {
        const qint64 due = inMs(i % 5) + 250 * i; // fractions of a millisecond
        queue.schedule(due, Due {due});
    }
    QVERIFY(Testing::spinUntil([&delivered] { return delivered == 20; }));
    QCOMPARE(early, QList<qint64>());
}

QTEST_GUILESS_MAIN(TestTimerQueue)
#include "tst_timerqueue.moc"
