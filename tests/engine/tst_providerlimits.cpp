// A provider's own limits: requests-per-minute and tokens-per-minute buckets make calls wait (never
// fail), and the circuit breaker opens, fails fast, probes and closes, as events and a metric.
#include "providers/openaiprovider.h"
#include "store/memorystore.h"

#include "fakeopenaiserver.h"
#include "providerengineharness.h"
#include "providertesthelpers.h"

#include <QElapsedTimer>
#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;

namespace {

const QString circuitMetric = QStringLiteral("qwen_swarm_provider_circuit_state");

} // namespace

class TestProviderLimits : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void requestsPerMinuteMakeCallsWait();
    void tokensPerMinuteMakeCallsWait();
    void circuitOpensFailsFastProbesAndCloses();
    void aFailedProbeReopens();
    void clientErrorsDoNotOpenTheCircuit();
    void circuitChangesAreEngineEventsAndAMetric();

private:
    std::unique_ptr<OpenAiProvider> provider(ProviderConfig config)
    {
        return std::make_unique<OpenAiProvider>(std::move(config), m_probe->services());
    }

    std::unique_ptr<FakeOpenAiServer> m_server;
    std::unique_ptr<ServicesProbe> m_probe;
};

void TestProviderLimits::init()
{
    m_server = std::make_unique<FakeOpenAiServer>();
    QVERIFY(m_server->listen());
    m_probe = std::make_unique<ServicesProbe>();
}

void TestProviderLimits::cleanup()
{
    m_probe.reset();
    m_server.reset();
}

void TestProviderLimits::requestsPerMinuteMakeCallsWait()
{
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    config.limits.requestsPerMinute = 60; // a full bucket of 60, then one a second
    auto p = provider(config);
    SinkRecorder sink;
    QElapsedTimer clock;
    clock.start();
    for (quint64 id = 1; id <= 61; ++id)
        p->start(workloadRequest(id, int(id), 1), &sink);
    QVERIFY(spinUntil([&sink] { return sink.results.size() == 60; }));
    QVERIFY(!sink.results.contains(61) || clock.elapsed() >= 1000);
    QVERIFY(sink.waitFor(61));
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
    for (quint64 id = 1; id <= 61; ++id)
        QS_VERIFY_OK(sink.result(id)); // waited, never failed
    QCOMPARE(sink.order.back(), quint64(61));
}

void TestProviderLimits::tokensPerMinuteMakeCallsWait()
{
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    config.limits.tokensPerMinute = 600; // ten a second
    config.parameters = {{QStringLiteral("max_tokens"), 10}};
    m_server->setUsage(300, 300); // each call really uses the whole minute's worth
    auto p = provider(config);
    SinkRecorder sink;
    p->start(workloadRequest(1, 1, 1), &sink);
    QVERIFY(sink.waitFor(1));
    QElapsedTimer clock;
    clock.start();
    p->start(workloadRequest(2, 1, 2), &sink); // needs its estimate (about 15 tokens) back first
    QVERIFY(sink.waitFor(2));
    QS_VERIFY_OK(sink.result(2));
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
}

void TestProviderLimits::circuitOpensFailsFastProbesAndCloses()
{
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    config.retry.maxRetries = 0;
    config.circuit = {3, 300};
    m_server->script({{FakeMode::ServerError, 0}, {FakeMode::Unavailable, 0}, {FakeMode::ServerError, 0}});
    auto p = provider(config);
    SinkRecorder sink;
    for (quint64 id = 1; id <= 3; ++id) {
        p->start(workloadRequest(id, 1, 1), &sink);
        QVERIFY(sink.waitFor(id));
        QS_VERIFY_ERROR(sink.result(id), Api::ErrorCode::ProviderError);
    }
    QCOMPARE(p->circuit().state(), CircuitBreaker::State::Open);
    QCOMPARE(m_probe->gauge(circuitMetric, QStringLiteral("fake")), 2.0);
    QCOMPARE(m_probe->events.size(), std::size_t(1));
    QCOMPARE(m_probe->events[0].source, QStringLiteral("provider.fake"));
    QCOMPARE(m_probe->events[0].level, Api::LogLevel::Warning);
    QVERIFY(m_probe->events[0].message.contains(QStringLiteral("closed -> open")));

    // Open: fails fast, typed and retriable, without asking the server.
    p->start(workloadRequest(4, 1, 1), &sink);
    QVERIFY(sink.results.isEmpty() || !sink.results.contains(4)); // still asynchronous
    QVERIFY(sink.waitFor(4));
    QS_VERIFY_ERROR(sink.result(4), Api::ErrorCode::ProviderError);
    const QJsonObject details = sink.result(4).error().details;
    QCOMPARE(details.value(QStringLiteral("type")).toString(), QStringLiteral("circuit_open"));
    QCOMPARE(details.value(QStringLiteral("retriable")).toBool(), true);
    QCOMPARE(m_server->requests().size(), 3);

    // After the cool-down, one probe goes through; its success closes the circuit.
    spinFor(350);
    p->start(workloadRequest(5, 1, 1), &sink);
    QVERIFY(sink.waitFor(5));
    QS_VERIFY_OK(sink.result(5));
    QCOMPARE(p->circuit().state(), CircuitBreaker::State::Closed);
    QCOMPARE(m_probe->gauge(circuitMetric, QStringLiteral("fake")), 0.0);
    QCOMPARE(m_probe->events.size(), std::size_t(3));
    QVERIFY(m_probe->events[1].message.contains(QStringLiteral("open -> half-open")));
    QVERIFY(m_probe->events[2].message.contains(QStringLiteral("half-open -> closed")));
}

void TestProviderLimits::aFailedProbeReopens()
{
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    config.retry.maxRetries = 0;
    config.circuit = {1, 200};
    m_server->script({{FakeMode::Overloaded, 0}, {FakeMode::Overloaded, 0}});
    auto p = provider(config);
    SinkRecorder sink;
    p->start(workloadRequest(1, 1, 1), &sink);
    QVERIFY(sink.waitFor(1));
    QCOMPARE(p->circuit().state(), CircuitBreaker::State::Open);
    spinFor(250);
    p->start(workloadRequest(2, 1, 1), &sink); // the probe
    p->start(workloadRequest(3, 1, 1), &sink); // not a second probe: fails fast
    QVERIFY(sink.waitFor(2) && sink.waitFor(3));
    QCOMPARE(sink.result(3).error().details.value(QStringLiteral("type")).toString(), QStringLiteral("circuit_open"));
    QCOMPARE(sink.result(2).error().details.value(QStringLiteral("status")).toInt(), 529);
    QCOMPARE(p->circuit().state(), CircuitBreaker::State::Open);
    QCOMPARE(m_probe->gauge(circuitMetric, QStringLiteral("fake")), 2.0);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestProviderLimits::clientErrorsDoNotOpenTheCircuit()
{
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    config.circuit = {2, 10000};
    m_server->script({{FakeMode::ContextLength, 0}, {FakeMode::Unauthorized, 0}, {FakeMode::InsufficientQuota, 0}});
    auto p = provider(config);
    SinkRecorder sink;
    for (quint64 id = 1; id <= 3; ++id) {
        p->start(workloadRequest(id, 1, 1), &sink);
        QVERIFY(sink.waitFor(id));
    }
    QCOMPARE(p->circuit().state(), CircuitBreaker::State::Closed);
    QVERIFY(m_probe->events.empty());
}

void TestProviderLimits::circuitChangesAreEngineEventsAndAMetric()
{
    EngineConfig config;
    ProviderConfig provider = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl(), QStringLiteral("llm"));
    provider.retry.maxRetries = 0;
    provider.circuit = {2, 60000};
    config.providers = {provider};
    ProviderEngine harness(config, std::make_unique<MemoryStore>());
    m_server->script(QList<FakeStep>(2, FakeStep {FakeMode::ServerError, 0}));
    auto swarm = harness.createSwarm(QStringLiteral("llm"), 1);
    QS_VERIFY_OK(swarm);
    QCOMPARE(harness.engine.metrics().value(circuitMetric, {{QStringLiteral("provider"), QStringLiteral("llm")}}),
             std::optional<double>(0.0));
    for (int t = 1; t <= 3; ++t) // one after the other, so the third comes after the circuit opened
        QS_VERIFY_OK(harness.runWorkload(swarm->id, t, 1));
    QVERIFY(spinUntil([&harness] { return !harness.events.logs(QStringLiteral("provider.llm")).isEmpty(); }));
    const QList<Api::LogEvent> logs = harness.events.logs(QStringLiteral("provider.llm"));
    QVERIFY(logs.first().message.contains(QStringLiteral("-> open")));
    QCOMPARE(harness.engine.metrics().value(circuitMetric, {{QStringLiteral("provider"), QStringLiteral("llm")}}),
             std::optional<double>(2.0));
    // The third task's call failed fast: the server saw two requests.
    QCOMPARE(m_server->requests().size(), 2);
}

QTEST_GUILESS_MAIN(TestProviderLimits)
#include "tst_providerlimits.moc"
