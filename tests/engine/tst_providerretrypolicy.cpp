#include "providers/providerretrypolicy.h"

#include <QDateTime>
#include <QTest>

using namespace QwenSwarm::Engine;

class TestProviderRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void theSdkDefaults();
    void exponentialWithoutJitter_data();
    void exponentialWithoutJitter();
    void jitterOnlyShortens();
    void serverDelayWinsUpToTheCap();
    void readsRetryAfter_data();
    void readsRetryAfter();
};

void TestProviderRetryPolicy::theSdkDefaults()
{
    const ProviderRetryPolicy p;
    QCOMPARE(p.maxRetries, 2);
    QCOMPARE(p.initialDelayMs, 500);
    QCOMPARE(p.maxDelayMs, 8000);
}

void TestProviderRetryPolicy::exponentialWithoutJitter_data()
{
    QTest::addColumn<int>("retry");
    QTest::addColumn<int>("delay");
    QTest::newRow("1") << 1 << 500;
    QTest::newRow("2") << 2 << 1000;
    QTest::newRow("3") << 3 << 2000;
    QTest::newRow("5") << 5 << 8000;
    QTest::newRow("9") << 9 << 8000;
}

void TestProviderRetryPolicy::exponentialWithoutJitter()
{
    QFETCH(int, retry);
    QFETCH(int, delay);
    ProviderRetryPolicy p;
    QCOMPARE(p.delayMs(retry, std::nullopt, 0.0), delay);
}

void TestProviderRetryPolicy::jitterOnlyShortens()
{
    ProviderRetryPolicy p; // jitter 0.25
    for (double u : {0.0, 0.3, 0.6, 0.999}) {
        const int d = p.delayMs(2, std::nullopt, u);
        QVERIFY(d <= 1000);
        QVERIFY(d >= 750);
    }
}

void TestProviderRetryPolicy::serverDelayWinsUpToTheCap()
{
    ProviderRetryPolicy p;
    QCOMPARE(p.delayMs(1, 3000, 0.5), 3000);
    QCOMPARE(p.delayMs(1, 0, 0.5), 0);
    QCOMPARE(p.delayMs(1, 3'600'000, 0.5), 60000);
}

void TestProviderRetryPolicy::readsRetryAfter_data()
{
    const qint64 now = QDateTime(QDate(2025, 1, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("expected"); // -1: none
    QTest::newRow("seconds") << QByteArray("Retry-After") << QByteArray("7") << now << 7000;
    QTest::newRow("fraction") << QByteArray("retry-after") << QByteArray("1.5") << now << 1500;
    QTest::newRow("milliseconds") << QByteArray("retry-after-ms") << QByteArray("250") << now << 250;
    QTest::newRow("date") << QByteArray("Retry-After") << QByteArray("Wed, 01 Jan 2025 12:00:05 GMT") << now << 5000;
    QTest::newRow("past date") << QByteArray("Retry-After") << QByteArray("Wed, 01 Jan 2025 11:00:00 GMT") << now << 0;
    QTest::newRow("garbage") << QByteArray("Retry-After") << QByteArray("soon") << now << -1;
    QTest::newRow("negative") << QByteArray("Retry-After") << QByteArray("-3") << now << -1;
    QTest::newRow("absent") << QByteArray("X-Other") << QByteArray("3") << now << -1;
}

void TestProviderRetryPolicy::readsRetryAfter()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(qint64, now);
    QFETCH(int, expected);
    const auto got = ProviderRetryPolicy::retryAfterMs({{name, value}}, now);
    QCOMPARE(got.value_or(-1), expected);
}

QTEST_GUILESS_MAIN(TestProviderRetryPolicy)
#include "tst_providerretrypolicy.moc"
