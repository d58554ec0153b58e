#include "providers/openaiprovider.h"

#include "fakeopenaiserver.h"
#include "providertesthelpers.h"

#include <QJsonArray>
#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;

class TestOpenAiProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void answersWithoutStreaming();
    void streams();
    void sendsTheRequestTheProtocolDescribes();
    void localServersNeedNoKey();
    void usesTheDefaultModel();
    void neverReportsSynchronously();
    void estimatesUsageWhenTheServerSendsNone();
    void streamShapes_data();
    void streamShapes();
    void aMegabyteLine();
    void answersJsonToAStreamRequest();
    void recordsWithoutSecrets();
    void cancellingAbortsTheRequest();
    void validatesParameters();
    void extraParametersReachTheBody();

private:
    std::unique_ptr<OpenAiProvider> provider(ProviderConfig config);

    std::unique_ptr<FakeOpenAiServer> m_server;
    std::unique_ptr<ServicesProbe> m_probe;
    SinkRecorder m_sink;
};

void TestOpenAiProvider::init()
{
    m_server = std::make_unique<FakeOpenAiServer>();
    QVERIFY(m_server->listen());
    m_probe = std::make_unique<ServicesProbe>();
    m_sink = SinkRecorder();
}

void TestOpenAiProvider::cleanup()
{
    m_probe.reset();
    m_server.reset();
}

std::unique_ptr<OpenAiProvider> TestOpenAiProvider::provider(ProviderConfig config)
{
    return std::make_unique<OpenAiProvider>(std::move(config), m_probe->services());
}

void TestOpenAiProvider::answersWithoutStreaming()
{
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    config.prices.insert(QStringLiteral("fake-model"), ModelPrice {1.5, 4.0});
    auto p = provider(config);
    p->start(workloadRequest(1, 3, 1), &m_sink); // (3 + 1) % 5 != 0: "A"
    p->start(workloadRequest(2, 3, 2), &m_sink); // (3 + 2) % 5 == 0: "B"
    QVERIFY(m_sink.waitFor(1) && m_sink.waitFor(2));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_sink.result(1)->text, QStringLiteral("A"));
    QCOMPARE(m_sink.result(2)->text, QStringLiteral("B"));
    QCOMPARE(m_sink.result(1)->promptTokens, 11);
    QCOMPARE(m_sink.result(1)->completionTokens, 2);
    QCOMPARE(m_sink.result(1)->finishReason, QStringLiteral("stop"));
    QCOMPARE(m_sink.result(1)->costUsd, (11 * 1.5 + 2 * 4.0) / 1e6);
    QVERIFY(m_sink.deltas.isEmpty());
    QCOMPARE(m_probe->metrics
                 .counter(QStringLiteral("qwen_swarm_provider_cost_usd_total"), {},
                          {{QStringLiteral("provider"), QStringLiteral("fake")}})
                 .value(),
             2 * (11 * 1.5 + 2 * 4.0) / 1e6);
}

void TestOpenAiProvider::streams()
{
    m_server->setAnswer(QStringLiteral("Answer: A"));
    m_server->setUsage(21, 5);
    auto p = provider(fakeConfig(ProviderKind::OpenAi, m_server->baseUrl()));
    p->start(workloadRequest(1, 1, 1, true), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_sink.result(1)->text, QStringLiteral("Answer: A"));
    QCOMPARE(m_sink.deltas.value(1), QStringLiteral("Answer: A"));
    QCOMPARE(m_sink.result(1)->promptTokens, 21);
    QCOMPARE(m_sink.result(1)->completionTokens, 5);
    const QJsonObject body = m_server->requests().at(0).json;
    QCOMPARE(body.value(QStringLiteral("stream")).toBool(), true);
    QCOMPARE(body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool(),
             true);
}

void TestOpenAiProvider::sendsTheRequestTheProtocolDescribes()
{
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    config.apiKey = ApiKey("sk-test-0123456789abcdef");
    config.parameters = {{QStringLiteral("temperature"), 0.7}, {QStringLiteral("max_tokens"), 64}};
    auto p = provider(config);
    ProviderRequest request = workloadRequest(1, 2, 2);
    request.systemPrompt = QStringLiteral("You answer A or B.");
    request.parameters = {{QStringLiteral("temperature"), 0.1}};
    p->start(request, &m_sink);
    QVERIFY(m_sink.waitFor(1));
    const FakeRequest &seen = m_server->requests().at(0);
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(seen.header("authorization"), QByteArray("Bearer sk-test-0123456789abcdef"));
    QCOMPARE(seen.header("content-type"), QByteArray("application/json"));
    const QJsonArray messages = seen.json.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system"));
    QCOMPARE(messages[0].toObject().value(QStringLiteral("content")).toString(), QStringLiteral("You answer A or B."));
    QCOMPARE(messages[1].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    QCOMPARE(messages[1].toObject().value(QStringLiteral("content")).toString(), QStringLiteral("task 2 agent 2"));
    QCOMPARE(seen.json.value(QStringLiteral("model")).toString(), QStringLiteral("fake-model"));
    QCOMPARE(seen.json.value(QStringLiteral("temperature")).toDouble(), 0.1); // the agent's wins
    QCOMPARE(seen.json.value(QStringLiteral("max_tokens")).toInt(), 64); // the provider's default
    QVERIFY(!seen.json.contains(QStringLiteral("stream")));
}

void TestOpenAiProvider::localServersNeedNoKey()
{
    ProviderConfig config = *ProviderConfig::preset(u"vllm");
    config.baseUrl = m_server->baseUrl();
    QVERIFY(config.keyRef.isEmpty());
    auto p = provider(config);
    p->start(workloadRequest(1, 1, 1), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    QVERIFY(m_server->requests().at(0).header("authorization").isEmpty());
}

void TestOpenAiProvider::usesTheDefaultModel()
{
    auto p = provider(fakeConfig(ProviderKind::OpenAi, m_server->baseUrl()));
    ProviderRequest request = workloadRequest(1, 1, 1);
    request.model.clear();
    p->start(request, &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QCOMPARE(m_server->requests().at(0).json.value(QStringLiteral("model")).toString(),
             QStringLiteral("default-model"));
}

void TestOpenAiProvider::neverReportsSynchronously()
{
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    config.keyRef = QStringLiteral("env:NOT_SET");
    config.keyProblem = QStringLiteral("no API key: the environment variable NOT_SET is not set");
    auto p = provider(config);
    p->start(workloadRequest(1, 1, 1), &m_sink); // fails, but not before start() returns
    QVERIFY(m_sink.results.isEmpty());
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_ERROR(m_sink.result(1), Api::ErrorCode::ProviderError);
    QCOMPARE(m_sink.result(1).error().details.value(QStringLiteral("type")).toString(),
             QStringLiteral("missing_api_key"));
    QVERIFY(m_sink.result(1).error().message.contains(QStringLiteral("NOT_SET")));
    QVERIFY(m_server->requests().isEmpty());
}

void TestOpenAiProvider::estimatesUsageWhenTheServerSendsNone()
{
    m_server->script({{FakeMode::NoUsage, 0}, {FakeMode::NoUsage, 0}});
    m_server->setAnswer(QStringLiteral("twelve chars"));
    auto p = provider(fakeConfig(ProviderKind::OpenAi, m_server->baseUrl()));
    p->start(workloadRequest(1, 1, 1), &m_sink);
    p->start(workloadRequest(2, 1, 1, true), &m_sink);
    QVERIFY(m_sink.waitFor(1) && m_sink.waitFor(2));
    for (quint64 id : {1, 2}) {
        QS_VERIFY_OK(m_sink.result(id));
        QCOMPARE(m_sink.result(id)->completionTokens, 3); // 12 bytes / 4
        QCOMPARE(m_sink.result(id)->promptTokens, 5); // "task 1 agent 1": 14 bytes -> 4, plus 1
    }
}

void TestOpenAiProvider::streamShapes_data()
{
    QTest::addColumn<bool>("crlf");
    QTest::addColumn<int>("splitBytes");
    QTest::addColumn<bool>("keepAlives");
    QTest::newRow("LF, whole events") << false << 0 << false;
    QTest::newRow("CRLF, whole events") << true << 0 << false;
    QTest::newRow("LF, 1-byte pieces") << false << 1 << false;
    QTest::newRow("CRLF, 3-byte pieces, keep-alives") << true << 3 << true;
    QTest::newRow("LF, 7-byte pieces, keep-alives") << false << 7 << true;
}

void TestOpenAiProvider::streamShapes()
{
    QFETCH(bool, crlf);
    QFETCH(int, splitBytes);
    QFETCH(bool, keepAlives);
    const QString answer = QStringLiteral("R\u00e9ponse \u4e2d\u6587 \U0001F600 fin");
    m_server->setAnswer(answer);
    m_server->setCrlf(crlf);
    m_server->setSplitBytes(splitBytes);
    m_server->setKeepAlives(keepAlives);
    auto p = provider(fakeConfig(ProviderKind::OpenAi, m_server->baseUrl()));
    p->start(workloadRequest(1, 1, 1, true), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_sink.result(1)->text, answer);
    QCOMPARE(m_sink.deltas.value(1), answer);
}

void TestOpenAiProvider::aMegabyteLine()
{
    const QString answer(1024 * 1024, QLatin1Char('x'));
    m_server->setAnswer(answer);
    auto p = provider(fakeConfig(ProviderKind::OpenAi, m_server->baseUrl()));
    p->start(workloadRequest(1, 1, 1, true), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_sink.result(1)->text.size(), answer.size());
}

void TestOpenAiProvider::answersJsonToAStreamRequest()
{
    // A server that ignores "stream" and answers JSON is understood.
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    auto p = provider(config);
    p->start(workloadRequest(1, 1, 1, false), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
}

void TestOpenAiProvider::recordsWithoutSecrets()
{
    const QByteArray key = "sk-live-SECRET-7f3a9c1e5b";
    ProviderConfig config = fakeConfig(ProviderKind::OpenAi, m_server->baseUrl());
    config.apiKey = ApiKey(key);
    m_server->requireKey(key);
    auto p = provider(config);
    p->start(workloadRequest(1, 1, 1, true), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_probe->recorded.size(), std::size_t(1));
    const ProviderCallWrite &w = m_probe->recorded[0];
    QCOMPARE(w.provider, QStringLiteral("fake"));
    QCOMPARE(w.key.size(), 64);
    QVERIFY(!w.request.contains(key));
    QVERIFY(!w.request.toLower().contains("authorization"));
    QVERIFY(!w.response.contains(key));
    QVERIFY(w.request.contains("task 1 agent 1"));
    QVERIFY(w.response.contains("\"text\":\"A\""));
    QCOMPARE(m_server->requests().at(0).header("authorization"), QByteArray("Bearer " + key));
}

void TestOpenAiProvider::cancellingAbortsTheRequest()
{
    m_server->script({{FakeMode::SlowStream, 300}});
    auto p = provider(fakeConfig(ProviderKind::OpenAi, m_server->baseUrl()));
    p->start(workloadRequest(1, 1, 1, true), &m_sink);
    QVERIFY(spinUntil([this] { return m_server->openConnections() == 1 && m_server->requests().size() == 1; }));
    p->cancel(1);
    m_sink.cancelled.insert(1);
    QCOMPARE(p->callsInFlight(), 0);
    QVERIFY(spinUntil([this] { return m_server->openConnections() == 0; })); // the request was aborted
    spinFor(500);
    QCOMPARE(m_sink.reportsAfterCancel, 0);
    QVERIFY(!m_sink.results.contains(1));
    QVERIFY(m_probe->recorded.empty());
    // Cancelling before the request is sent works too, and twice is harmless.
    p->start(workloadRequest(2, 1, 1), &m_sink);
    p->cancel(2);
    p->cancel(2);
    m_sink.cancelled.insert(2);
    spinFor(200);
    QCOMPARE(m_sink.reportsAfterCancel, 0);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestOpenAiProvider::validatesParameters()
{
    auto p = provider(fakeConfig(ProviderKind::OpenAi, m_server->baseUrl()));
    QS_VERIFY_OK(p->validateParameters({{QStringLiteral("temperature"), 1.2},
                                        {QStringLiteral("max_tokens"), 100},
                                        {QStringLiteral("stop"), QJsonArray {QStringLiteral("\n")}}}));
    QS_VERIFY_ERROR(p->validateParameters({{QStringLiteral("temperature"), 3}}), Api::ErrorCode::InvalidArgument);
    QS_VERIFY_ERROR(p->validateParameters({{QStringLiteral("max_tokens"), 1.5}}), Api::ErrorCode::InvalidArgument);
    QS_VERIFY_ERROR(p->validateParameters({{QStringLiteral("accuracy"), 0.5}}), Api::ErrorCode::InvalidArgument);
    const auto error = p->validateParameters({{QStringLiteral("top_p"), QStringLiteral("high")}});
    QCOMPARE(error.error().details.value(QStringLiteral("path")).toString(), QStringLiteral("parameters.top_p"));
}

void TestOpenAiProvider::extraParametersReachTheBody()
{
    auto p = provider(fakeConfig(ProviderKind::OpenAi, m_server->baseUrl()));
    ProviderRequest request = workloadRequest(1, 1, 1);
    request.parameters = {{QStringLiteral("extra"), QJsonObject {{QStringLiteral("enable_thinking"), false}}}};
    QS_VERIFY_OK(p->validateParameters(request.parameters));
    p->start(request, &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QCOMPARE(m_server->requests().at(0).json.value(QStringLiteral("enable_thinking")).toBool(true), false);
    QVERIFY(!m_server->requests().at(0).json.contains(QStringLiteral("extra")));
}

QTEST_GUILESS_MAIN(TestOpenAiProvider)
#include "tst_openaiprovider.moc"
