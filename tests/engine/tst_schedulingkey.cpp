#include "scheduler/schedulingkey.h"

#include <QTest>

#include <algorithm>

using namespace QwenSwarm::Engine;

class TestSchedulingKey : public QObject
{
    Q_OBJECT

private slots:
    void ordering_data();
    void ordering();
    void sortsWorkInRunOrder();
};

void TestSchedulingKey::ordering_data()
{
    QTest::addColumn<SchedulingKey>("first");
    QTest::addColumn<SchedulingKey>("second");
    QTest::addColumn<bool>("equal");

    // `first` must run before `second` (unless `equal`).
    QTest::newRow("higher priority first") << SchedulingKey {5, 0, 2} << SchedulingKey {1, 0, 1} << false;
    QTest::newRow("negative priority last") << SchedulingKey {0, 0, 9} << SchedulingKey {-3, 0, 1} << false;
    QTest::newRow("priority beats deadline") << SchedulingKey {1, 0, 2} << SchedulingKey {0, 100, 1} << false;
    QTest::newRow("earlier deadline first") << SchedulingKey {0, 100, 2} << SchedulingKey {0, 200, 1} << false;
    QTest::newRow("a deadline before none") << SchedulingKey {0, 5000000, 2} << SchedulingKey {0, 0, 1} << false;
    QTest::newRow("deadline beats seq") << SchedulingKey {0, 100, 7} << SchedulingKey {0, 101, 3} << false;
    QTest::newRow("no deadlines: first come") << SchedulingKey {0, 0, 1} << SchedulingKey {0, 0, 2} << false;
    QTest::newRow("same deadline: first come") << SchedulingKey {3, 50, 10} << SchedulingKey {3, 50, 11} << false;
    QTest::newRow("identical keys") << SchedulingKey {2, 50, 4} << SchedulingKey {2, 50, 4} << true;
}

void TestSchedulingKey::ordering()
{
    QFETCH(SchedulingKey, first);
    QFETCH(SchedulingKey, second);
    QFETCH(bool, equal);

    if (equal) {
        QVERIFY(first == second);
        QVERIFY((first <=> second) == 0);
        QVERIFY(!(first < second));
        QVERIFY(!(second < first));
        return;
    }
    QVERIFY(first < second);
    QVERIFY(second > first);
    QVERIFY(!(second < first));
    QVERIFY(first != second);
}

void TestSchedulingKey::sortsWorkInRunOrder()
{
    const std::vector<SchedulingKey> expected {
        {10, 0, 6}, // urgent operator task
        {0, 100, 4}, // due soonest
        {0, 300, 2}, {0, 0, 1}, // no deadline, first come
        {0, 0, 3},   {0, 0, 5}, {-10, 50, 7}, // background
    };
    std::vector<SchedulingKey> keys = expected;
    std::reverse(keys.begin(), keys.end());
    std::rotate(keys.begin(), keys.begin() + 3, keys.end());
    std::sort(keys.begin(), keys.end());
    QVERIFY(keys == expected);
}

QTEST_GUILESS_MAIN(TestSchedulingKey)
#include "tst_schedulingkey.moc"
