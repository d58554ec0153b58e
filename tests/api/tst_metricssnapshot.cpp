// MetricsSnapshot look-ups: family by name, one series by exact labels, totals over all series.
#include <api/metrics.h>

#include <QTest>

using namespace QwenSwarm::Api;
using namespace Qt::Literals::StringLiterals;

namespace {

MetricSample counterSample(MetricLabels labels, double value)
{
    MetricSample sample;
    sample.labels = std::move(labels);
    sample.value = value;
    return sample;
}

MetricSample histogramSample(MetricLabels labels, quint64 count)
{
    MetricSample sample;
    sample.labels = std::move(labels);
    // `value` and `sum` are deliberately unlike `count`: a histogram reports its observation count.
    sample.value = 999;
    sample.sum = 12.5;
    sample.bucketBounds = {0.1, 1, 10};
    sample.bucketCounts = {1, count - 1, count};
    sample.count = count;
    return sample;
}

// A snapshot as a backend would report it.
MetricsSnapshot sampleSnapshot()
{
    MetricFamily tasks {u"qwen_swarm_tasks_total"_s, u"Tasks by final state."_s, MetricType::Counter, {}};
    tasks.samples = {counterSample({{u"state"_s, u"succeeded"_s}}, 40), counterSample({{u"state"_s, u"failed"_s}}, 2),
                     counterSample({{u"state"_s, u"succeeded"_s}, {u"swarm"_s, u"demo"_s}}, 7)};

    MetricFamily uptime {u"qwen_swarm_uptime_seconds"_s, u"Seconds since start."_s, MetricType::Gauge, {}};
    uptime.samples = {counterSample({}, 3600)};

    MetricFamily queue {u"qwen_swarm_queue_depth"_s, u"Queued tasks."_s, MetricType::Gauge, {}};
    queue.samples = {counterSample({{u"swarm"_s, u"a"_s}}, 3), counterSample({{u"swarm"_s, u"b"_s}}, -1.5)};

    MetricFamily latency {u"qwen_swarm_call_latency_seconds"_s, u"Provider call latency."_s, MetricType::Histogram, {}};
    latency.samples
        = {histogramSample({{u"provider"_s, u"openai"_s}}, 10), histogramSample({{u"provider"_s, u"simulated"_s}}, 5)};

    MetricFamily empty {u"qwen_swarm_never_observed_total"_s, u"No series yet."_s, MetricType::Counter, {}};

    return MetricsSnapshot {1764237600123, {tasks, uptime, queue, latency, empty}};
}

} // namespace

class TestMetricsSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void family_data();
    void family();
    void value_data();
    void value();
    void total_data();
    void total();
    void emptySnapshot();
};

void TestMetricsSnapshot::family_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("found");

    QTest::newRow("counter") << u"qwen_swarm_tasks_total"_s << true;
    QTest::newRow("histogram") << u"qwen_swarm_call_latency_seconds"_s << true;
    QTest::newRow("without samples") << u"qwen_swarm_never_observed_total"_s << true;
    QTest::newRow("absent") << u"qwen_swarm_agents"_s << false;
    QTest::newRow("prefix of a name") << u"qwen_swarm_tasks"_s << false;
    QTest::newRow("other case") << u"QWEN_SWARM_TASKS_TOTAL"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestMetricsSnapshot::family()
{
    QFETCH(QString, name);
    QFETCH(bool, found);

    const MetricsSnapshot snapshot = sampleSnapshot();
    const MetricFamily *family = snapshot.family(name);
    QCOMPARE(family != nullptr, found);
    if (!family)
        return;
    QCOMPARE(family->name, name);
    // The family returned is the snapshot's own, not a copy.
    QVERIFY(family >= snapshot.families.constData());
    QVERIFY(family < snapshot.families.constData() + snapshot.families.size());
}

void TestMetricsSnapshot::value_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<MetricLabels>("labels");
    QTest::addColumn<bool>("found");
    QTest::addColumn<double>("expected");

    const QString tasks = u"qwen_swarm_tasks_total"_s;
    const QString latency = u"qwen_swarm_call_latency_seconds"_s;
    QTest::newRow("counter, exact labels") << tasks << MetricLabels {{u"state"_s, u"succeeded"_s}} << true << 40.0;
    QTest::newRow("counter, other series") << tasks << MetricLabels {{u"state"_s, u"failed"_s}} << true << 2.0;
    QTest::newRow("counter, two labels") << tasks
                                         << MetricLabels {{u"swarm"_s, u"demo"_s}, {u"state"_s, u"succeeded"_s}} << true
                                         << 7.0;
    QTest::newRow("counter, subset of labels") << tasks << MetricLabels {{u"swarm"_s, u"demo"_s}} << false << 0.0;
    QTest::newRow("counter, superset of labels")
        << tasks << MetricLabels {{u"state"_s, u"failed"_s}, {u"swarm"_s, u"demo"_s}} << false << 0.0;
    QTest::newRow("counter, no labels") << tasks << MetricLabels {} << false << 0.0;
    QTest::newRow("counter, unknown label value") << tasks << MetricLabels {{u"state"_s, u"queued"_s}} << false << 0.0;
    QTest::newRow("counter, label value case") << tasks << MetricLabels {{u"state"_s, u"Succeeded"_s}} << false << 0.0;
    QTest::newRow("gauge without labels") << u"qwen_swarm_uptime_seconds"_s << MetricLabels {} << true << 3600.0;
    QTest::newRow("gauge, labels asked but series has none")
        << u"qwen_swarm_uptime_seconds"_s << MetricLabels {{u"swarm"_s, u"a"_s}} << false << 0.0;
    QTest::newRow("gauge, negative value")
        << u"qwen_swarm_queue_depth"_s << MetricLabels {{u"swarm"_s, u"b"_s}} << true << -1.5;
    QTest::newRow("histogram reports count") << latency << MetricLabels {{u"provider"_s, u"openai"_s}} << true << 10.0;
    QTest::newRow("histogram, other series")
        << latency << MetricLabels {{u"provider"_s, u"simulated"_s}} << true << 5.0;
    QTest::newRow("histogram, unknown series")
        << latency << MetricLabels {{u"provider"_s, u"anthropic"_s}} << false << 0.0;
    QTest::newRow("family without samples") << u"qwen_swarm_never_observed_total"_s << MetricLabels {} << false << 0.0;
    QTest::newRow("absent family") << u"qwen_swarm_agents"_s << MetricLabels {} << false << 0.0;
}

void TestMetricsSnapshot::value()
{
    QFETCH(QString, name);
    QFETCH(MetricLabels, labels);
    QFETCH(bool, found);
    QFETCH(double, expected);

    const std::optional<double> value = sampleSnapshot().value(name, labels);
    QCOMPARE(value.has_value(), found);
    if (found)
        QCOMPARE(*value, expected);
}

void TestMetricsSnapshot::total_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("expected");

    QTest::newRow("counter over all label sets") << u"qwen_swarm_tasks_total"_s << 49.0;
    QTest::newRow("gauge over all label sets") << u"qwen_swarm_queue_depth"_s << 1.5;
    QTest::newRow("single unlabelled series") << u"qwen_swarm_uptime_seconds"_s << 3600.0;
    QTest::newRow("histogram sums counts") << u"qwen_swarm_call_latency_seconds"_s << 15.0;
    QTest::newRow("family without samples") << u"qwen_swarm_never_observed_total"_s << 0.0;
    QTest::newRow("absent family") << u"qwen_swarm_agents"_s << 0.0;
    QTest::newRow("prefix of a name") << u"qwen_swarm_tasks"_s << 0.0;
}

void TestMetricsSnapshot::total()
{
    QFETCH(QString, name);
    QFETCH(double, expected);

    QCOMPARE(sampleSnapshot().total(name), expected);
}

void TestMetricsSnapshot::emptySnapshot()
{
    const MetricsSnapshot snapshot;
    QVERIFY(snapshot.family(u"qwen_swarm_tasks_total") == nullptr);
    QVERIFY(!snapshot.value(u"qwen_swarm_tasks_total").has_value());
    QCOMPARE(snapshot.total(u"qwen_swarm_tasks_total"), 0.0);
}

QTEST_GUILESS_MAIN(TestMetricsSnapshot)
#include "tst_metricssnapshot.moc"
