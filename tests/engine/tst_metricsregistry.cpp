#include "metrics/metricsregistry.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;

class TestMetricsRegistry : public QObject
{
    Q_OBJECT

private slots:
    void sameNameAndLabelsSameSeries();
    void countersAndGauges();
    void snapshotFamiliesAndSamples();
    void histogramBuckets();
    void histogramBoundsAreSorted();
    void histogramInSnapshot();
    void quantileOfUniformObservations_data();
    void quantileOfUniformObservations();
    void quantileEdgeCases();
    void latencyBucketsAscend();
};

void TestMetricsRegistry::sameNameAndLabelsSameSeries()
{
    MetricsRegistry registry;
    const Api::MetricLabels a {{u"provider"_s, u"simulated"_s}, {u"outcome"_s, u"ok"_s}};
    const Api::MetricLabels sameInOtherOrder {{u"outcome"_s, u"ok"_s}, {u"provider"_s, u"simulated"_s}};
    const Api::MetricLabels b {{u"provider"_s, u"simulated"_s}, {u"outcome"_s, u"error"_s}};

    Counter &first = registry.counter(u"qwen_swarm_calls_total"_s, u"Calls."_s, a);
    Counter &again = registry.counter(u"qwen_swarm_calls_total"_s, u"Calls."_s, sameInOtherOrder);
    Counter &other = registry.counter(u"qwen_swarm_calls_total"_s, u"Calls."_s, b);
    QCOMPARE(&first, &again);
    QVERIFY(&first != &other);

    // Series never move: a reference taken early stays valid while many others are added.
    for (int i = 0; i < 1000; ++i)
        registry.counter(u"qwen_swarm_other_total"_s, u"Other."_s, {{u"i"_s, QString::number(i)}}).add();
    first.add(2);
    QCOMPARE(registry.counter(u"qwen_swarm_calls_total"_s, u"Calls."_s, a).value(), 2.0);

    Gauge &g = registry.gauge(u"qwen_swarm_in_flight"_s, u"In flight."_s);
    QCOMPARE(&registry.gauge(u"qwen_swarm_in_flight"_s, u"In flight."_s), &g);
    Histogram &h = registry.histogram(u"qwen_swarm_latency_seconds"_s, u"Latency."_s, {0.1, 1});
    QCOMPARE(&registry.histogram(u"qwen_swarm_latency_seconds"_s, u"Latency."_s, {0.1, 1}), &h);
}

void TestMetricsRegistry::countersAndGauges()
{
    MetricsRegistry registry;
    Counter &c = registry.counter(u"c_total"_s, u"c"_s);
    QCOMPARE(c.value(), 0.0);
    c.add();
    c.add(2.5);
    QCOMPARE(c.value(), 3.5);

    Gauge &g = registry.gauge(u"g"_s, u"g"_s);
    g.set(10);
    g.add(-3);
    QCOMPARE(g.value(), 7.0);
    g.set(1);
    QCOMPARE(g.value(), 1.0);
}

void TestMetricsRegistry::snapshotFamiliesAndSamples()
{
    MetricsRegistry registry;
    const Api::MetricLabels ok {{u"outcome"_s, u"ok"_s}};
    const Api::MetricLabels failed {{u"outcome"_s, u"failed"_s}};
    registry.counter(u"qwen_swarm_tasks_total"_s, u"Tasks finished."_s, ok).add(5);
    registry.counter(u"qwen_swarm_tasks_total"_s, u"Tasks finished."_s, failed).add(2);
    registry.gauge(u"qwen_swarm_agents"_s, u"Agents."_s).set(8);

    const Api::MetricsSnapshot snapshot = registry.snapshot(123456);
    QCOMPARE(snapshot.timeMs, qint64(123456));
    QCOMPARE(snapshot.families.size(), 2);

    const Api::MetricFamily *tasks = snapshot.family(u"qwen_swarm_tasks_total");
    QVERIFY(tasks);
    QCOMPARE(tasks->help, u"Tasks finished."_s);
    QCOMPARE(tasks->type, Api::MetricType::Counter);
    QCOMPARE(tasks->samples.size(), 2);
    for (const Api::MetricSample &sample : tasks->samples) {
        QVERIFY(sample.labels == ok || sample.labels == failed);
        QCOMPARE(sample.value, sample.labels == ok ? 5.0 : 2.0);
    }
    QCOMPARE(snapshot.value(u"qwen_swarm_tasks_total", ok), std::optional<double>(5.0));
    QCOMPARE(snapshot.value(u"qwen_swarm_tasks_total", failed), std::optional<double>(2.0));
    QCOMPARE(snapshot.total(u"qwen_swarm_tasks_total"), 7.0);

    const Api::MetricFamily *agents = snapshot.family(u"qwen_swarm_agents");
    QVERIFY(agents);
    QCOMPARE(agents->type, Api::MetricType::Gauge);
    QCOMPARE(snapshot.value(u"qwen_swarm_agents"), std::optional<double>(8.0));
    QVERIFY(!snapshot.family(u"qwen_swarm_missing"));

    // A snapshot is a copy: later updates do not change it.
    registry.gauge(u"qwen_swarm_agents"_s, u"Agents."_s).set(9);
    QCOMPARE(snapshot.value(u"qwen_swarm_agents"), std::optional<double>(8.0));
    QCOMPARE(registry.snapshot(0).value(u"qwen_swarm_agents"), std::optional<double>(9.0));
}

void TestMetricsRegistry::histogramBuckets()
{
    Histogram h({1, 2, 5});
    for (double v : {0.5, 1.0, 1.5, 3.0, 10.0})
        h.observe(v);

    // Upper bounds are inclusive (Prometheus "le"); counts are cumulative; +Inf is the count.
    QCOMPARE(h.cumulativeCounts(), (std::vector<quint64> {2, 3, 4}));
    QCOMPARE(h.count(), quint64(5));
    QCOMPARE(h.sum(), 16.0);
}

void TestMetricsRegistry::histogramBoundsAreSorted()
{
    Histogram h({5, 1, 2});
    QCOMPARE(h.bounds(), (std::vector<double> {1, 2, 5}));
    h.observe(1.5);
    QCOMPARE(h.cumulativeCounts(), (std::vector<quint64> {0, 1, 1}));
}

void TestMetricsRegistry::histogramInSnapshot()
{
    MetricsRegistry registry;
    const Api::MetricLabels labels {{u"provider"_s, u"simulated"_s}};
    Histogram &h = registry.histogram(u"qwen_swarm_call_seconds"_s, u"Call latency."_s, {0.01, 0.1, 1}, labels);
    for (double v : {0.005, 0.02, 0.05, 0.5, 2.0, 0.1})
        h.observe(v);

    const Api::MetricsSnapshot snapshot = registry.snapshot(1);
    const Api::MetricFamily *family = snapshot.family(u"qwen_swarm_call_seconds");
    QVERIFY(family);
    QCOMPARE(family->type, Api::MetricType::Histogram);
    QCOMPARE(family->samples.size(), 1);
    const Api::MetricSample &sample = family->samples.constFirst();
    QVERIFY(sample.labels == labels);
    QCOMPARE(sample.bucketBounds, (QList<double> {0.01, 0.1, 1}));
    QCOMPARE(sample.bucketCounts, (QList<quint64> {1, 4, 5}));
    QCOMPARE(sample.count, quint64(6));
    QVERIFY(qFuzzyCompare(sample.sum, 2.675));
}

void TestMetricsRegistry::quantileOfUniformObservations_data()
{
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("bucketLow");
    QTest::addColumn<double>("bucketHigh");

    // Observations 0.01, 0.02, ..., 1.00 in buckets 0.1, 0.25, 0.5, 0.75, 1.
    QTest::newRow("p10") << 0.10 << 0.0 << 0.1;
    QTest::newRow("p50") << 0.50 << 0.25 << 0.5;
    QTest::newRow("p60") << 0.60 << 0.5 << 0.75;
    QTest::newRow("p90") << 0.90 << 0.75 << 1.0;
    QTest::newRow("p99") << 0.99 << 0.75 << 1.0;
}

void TestMetricsRegistry::quantileOfUniformObservations()
{
    QFETCH(double, q);
    QFETCH(double, bucketLow);
    QFETCH(double, bucketHigh);

    Histogram h({0.1, 0.25, 0.5, 0.75, 1});
    for (int i = 1; i <= 100; ++i)
        h.observe(i / 100.0);

    const double estimate = h.quantile(q);
    QVERIFY2(
        estimate >= bucketLow && estimate <= bucketHigh,
        qPrintable(
            QStringLiteral("p%1 = %2, outside (%3, %4]").arg(q * 100).arg(estimate).arg(bucketLow).arg(bucketHigh)));
    // Linear interpolation within the bucket makes the estimate exact for uniform data.
    QVERIFY2(qAbs(estimate - q) < 0.011, qPrintable(QStringLiteral("p%1 = %2").arg(q * 100).arg(estimate)));
}

void TestMetricsRegistry::quantileEdgeCases()
{
    Histogram empty({1, 2});
    QCOMPARE(empty.quantile(0.5), 0.0);

    Histogram overflow({1, 2});
    overflow.observe(50);
    overflow.observe(70);
    QCOMPARE(overflow.quantile(0.5), 2.0); // above every bound: the highest bound is the best known

    Histogram ordered({1, 2, 4, 8});
    for (double v : {0.5, 1.5, 1.5, 3.0, 3.0, 3.0, 6.0, 7.0})
        ordered.observe(v);
    double previous = -1;
    for (double q : {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0}) {
        const double estimate = ordered.quantile(q);
        QVERIFY2(estimate >= previous, "quantiles must not decrease with q");
        previous = estimate;
    }
    QVERIFY(ordered.quantile(1.0) <= 8.0);
}

void TestMetricsRegistry::latencyBucketsAscend()
{
    const std::vector<double> buckets = MetricsRegistry::latencyBuckets();
    QVERIFY(buckets.size() >= 10);
    QVERIFY(std::is_sorted(buckets.begin(), buckets.end()));
    QVERIFY(std::adjacent_find(buckets.begin(), buckets.end()) == buckets.end());
    QVERIFY(buckets.front() <= 0.001);
    QVERIFY(buckets.back() >= 60);
}

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
