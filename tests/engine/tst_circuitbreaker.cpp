#include "providers/circuitbreaker.h"

#include <QTest>

using namespace QwenSwarm::Engine;
using State = CircuitBreaker::State;

class TestCircuitBreaker : public QObject
{
    Q_OBJECT

private slots:
    void opensAfterConsecutiveFailures();
    void aSuccessResetsTheCount();
    void halfOpenLetsOneProbeThrough();
    void aFailedProbeOpensAgain();
    void anAbandonedProbeFreesTheWay();
    void aThresholdOfZeroNeverOpens();

private:
    struct Change
    {
        State from;
        State to;
        QString why;
    };
    CircuitBreaker breaker(int threshold, int coolDownMs)
    {
        m_changes.clear();
        return CircuitBreaker({threshold, coolDownMs}, [this](State from, State to, const QString &why) {
            m_changes.push_back({from, to, why});
        });
    }
    std::vector<Change> m_changes;
};

void TestCircuitBreaker::opensAfterConsecutiveFailures()
{
    CircuitBreaker b = breaker(3, 1000);
    b.recordFailure(0);
    b.recordFailure(0);
    QCOMPARE(b.state(), State::Closed);
    QVERIFY(b.allow(0));
    b.recordFailure(10);
    QCOMPARE(b.state(), State::Open);
    QCOMPARE(m_changes.size(), std::size_t(1));
    QCOMPARE(m_changes[0].to, State::Open);
    QVERIFY(m_changes[0].why.contains(QStringLiteral("3 consecutive failures")));
    QVERIFY(!b.allow(500'000));
    QCOMPARE(b.remainingCoolDownUs(510'000), qint64(490'010));
}

void TestCircuitBreaker::aSuccessResetsTheCount()
{
    CircuitBreaker b = breaker(2, 1000);
    b.recordFailure(0);
    b.recordSuccess();
    b.recordFailure(0);
    QCOMPARE(b.state(), State::Closed);
    QVERIFY(m_changes.empty());
}

void TestCircuitBreaker::halfOpenLetsOneProbeThrough()
{
    CircuitBreaker b = breaker(1, 1000);
    b.recordFailure(0);
    QVERIFY(!b.allow(999'999));
    QVERIFY(b.allow(1'000'000)); // the probe
    QCOMPARE(b.state(), State::HalfOpen);
    QVERIFY(!b.allow(1'000'001)); // others still fail fast
    b.recordSuccess();
    QCOMPARE(b.state(), State::Closed);
    QVERIFY(b.allow(1'000'002));
    QCOMPARE(m_changes.size(), std::size_t(3));
    QCOMPARE(m_changes[1].to, State::HalfOpen);
    QCOMPARE(m_changes[2].from, State::HalfOpen);
    QCOMPARE(m_changes[2].to, State::Closed);
}

void TestCircuitBreaker::aFailedProbeOpensAgain()
{
    CircuitBreaker b = breaker(5, 1000);
    for (int i = 0; i < 5; ++i)
        b.recordFailure(0);
    QVERIFY(b.allow(1'000'000));
    b.recordFailure(1'000'000);
    QCOMPARE(b.state(), State::Open);
    QVERIFY(!b.allow(1'500'000)); // a new cool-down from the probe's failure
    QVERIFY(b.allow(2'000'000));
}

void TestCircuitBreaker::anAbandonedProbeFreesTheWay()
{
    CircuitBreaker b = breaker(1, 10);
    b.recordFailure(0);
    QVERIFY(b.allow(10'000));
    QVERIFY(!b.allow(10'001));
    b.probeAbandoned();
    QVERIFY(b.allow(10'002));
    QCOMPARE(b.state(), State::HalfOpen);
}

void TestCircuitBreaker::aThresholdOfZeroNeverOpens()
{
    CircuitBreaker b = breaker(0, 10);
    for (int i = 0; i < 100; ++i)
        b.recordFailure(0);
    QCOMPARE(b.state(), State::Closed);
    QVERIFY(b.allow(0));
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
