#include "providers/anthropicprovider.h"

#include "fakeanthropicserver.h"
#include "providertesthelpers.h"

#include <QJsonArray>
#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;

class TestAnthropicProvider : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void answersWithoutStreaming();
    void streams();
    void sendsTheRequestTheProtocolDescribes();
    void omitsAnEmptySystemPrompt();
    void streamShapes_data();
    void streamShapes();
    void anErrorEventIsRetried();
    void recordsWithoutTheKey();
    void validatesParameters();

private:
    std::unique_ptr<AnthropicProvider> provider(ProviderConfig config)
    {
        return std::make_unique<AnthropicProvider>(std::move(config), m_probe->services());
    }
    ProviderConfig config() const { return fakeConfig(ProviderKind::Anthropic, m_server->url().toString()); }

    std::unique_ptr<FakeAnthropicServer> m_server;
    std::unique_ptr<ServicesProbe> m_probe;
    SinkRecorder m_sink;
};

void TestAnthropicProvider::init()
{
    m_server = std::make_unique<FakeAnthropicServer>();
    QVERIFY(m_server->listen());
    m_probe = std::make_unique<ServicesProbe>();
    m_sink = SinkRecorder();
}

void TestAnthropicProvider::cleanup()
{
    m_probe.reset();
    m_server.reset();
}

void TestAnthropicProvider::answersWithoutStreaming()
{
    ProviderConfig c = config();
    c.prices.insert(QStringLiteral("*"), ModelPrice {3, 15});
    auto p = provider(c);
    p->start(workloadRequest(1, 4, 1), &m_sink); // (4 + 1) % 5 == 0: "B"
    p->start(workloadRequest(2, 4, 2), &m_sink);
    QVERIFY(m_sink.waitFor(1) && m_sink.waitFor(2));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_sink.result(1)->text, QStringLiteral("B"));
    QCOMPARE(m_sink.result(2)->text, QStringLiteral("A"));
    QCOMPARE(m_sink.result(1)->promptTokens, 11);
    QCOMPARE(m_sink.result(1)->completionTokens, 2);
    QCOMPARE(m_sink.result(1)->finishReason, QStringLiteral("end_turn"));
    QCOMPARE(m_sink.result(1)->costUsd, (11 * 3.0 + 2 * 15.0) / 1e6);
}

void TestAnthropicProvider::streams()
{
    m_server->setAnswer(QStringLiteral("The answer is A"));
    m_server->setUsage(30, 7);
    auto p = provider(config());
    p->start(workloadRequest(1, 1, 1, true), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_sink.result(1)->text, QStringLiteral("The answer is A"));
    QCOMPARE(m_sink.deltas.value(1), QStringLiteral("The answer is A"));
    QCOMPARE(m_sink.result(1)->promptTokens, 30); // from message_start
    QCOMPARE(m_sink.result(1)->completionTokens, 7); // from message_delta
    QCOMPARE(m_sink.result(1)->finishReason, QStringLiteral("end_turn"));
    QCOMPARE(m_server->requests().at(0).json.value(QStringLiteral("stream")).toBool(), true);
}

void TestAnthropicProvider::sendsTheRequestTheProtocolDescribes()
{
    ProviderConfig c = config();
    c.apiKey = ApiKey("sk-ant-test-0123456789");
    c.anthropicVersion = QStringLiteral("2023-06-01");
    c.parameters = {{QStringLiteral("temperature"), 0.5}};
    auto p = provider(c);
    ProviderRequest request = workloadRequest(1, 2, 2);
    request.systemPrompt = QStringLiteral("Answer with one letter.");
    request.parameters = {{QStringLiteral("max_tokens"), 16}, {QStringLiteral("stop"), QStringLiteral("\n")}};
    p->start(request, &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    const FakeRequest &seen = m_server->requests().at(0);
    QCOMPARE(seen.path, QByteArray("/v1/messages"));
    QCOMPARE(seen.header("x-api-key"), QByteArray("sk-ant-test-0123456789"));
    QCOMPARE(seen.header("anthropic-version"), QByteArray("2023-06-01"));
    QVERIFY(seen.header("authorization").isEmpty());
    QCOMPARE(seen.json.value(QStringLiteral("system")).toString(), QStringLiteral("Answer with one letter."));
    const QJsonArray messages = seen.json.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    QCOMPARE(messages[0].toObject().value(QStringLiteral("content")).toString(), QStringLiteral("task 2 agent 2"));
    QCOMPARE(seen.json.value(QStringLiteral("max_tokens")).toInt(), 16);
    QCOMPARE(seen.json.value(QStringLiteral("temperature")).toDouble(), 0.5);
    QCOMPARE(seen.json.value(QStringLiteral("stop_sequences")).toArray(), QJsonArray {QStringLiteral("\n")});
    QCOMPARE(seen.json.value(QStringLiteral("model")).toString(), QStringLiteral("fake-model"));
}

void TestAnthropicProvider::omitsAnEmptySystemPrompt()
{
    auto p = provider(config());
    p->start(workloadRequest(1, 1, 1), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QVERIFY(!m_server->requests().at(0).json.contains(QStringLiteral("system")));
    QCOMPARE(m_server->requests().at(0).json.value(QStringLiteral("max_tokens")).toInt(), 1024);
}

void TestAnthropicProvider::streamShapes_data()
{
    QTest::addColumn<bool>("crlf");
    QTest::addColumn<int>("splitBytes");
    QTest::newRow("LF") << false << 0;
    QTest::newRow("CRLF") << true << 0;
    QTest::newRow("CRLF, 1-byte pieces") << true << 1;
    QTest::newRow("LF, 5-byte pieces") << false << 5;
}

void TestAnthropicProvider::streamShapes()
{
    QFETCH(bool, crlf);
    QFETCH(int, splitBytes);
    const QString answer = QStringLiteral("\u00c9l\u00e8ve \u4e2d\u6587 \U0001F642");
    m_server->setAnswer(answer);
    m_server->setCrlf(crlf);
    m_server->setSplitBytes(splitBytes);
    m_server->setKeepAlives(true);
    auto p = provider(config());
    p->start(workloadRequest(1, 1, 1, true), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_sink.result(1)->text, answer);
}

void TestAnthropicProvider::anErrorEventIsRetried()
{
    m_server->script({{FakeMode::StreamErrorEvent, 0}});
    auto p = provider(config());
    p->start(workloadRequest(1, 1, 1, true), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_sink.result(1)->text, QStringLiteral("A"));
    QCOMPARE(m_server->requests().size(), 2);
}

void TestAnthropicProvider::recordsWithoutTheKey()
{
    const QByteArray key = "sk-ant-SECRET-4c1d8e2f9a";
    ProviderConfig c = config();
    c.apiKey = ApiKey(key);
    m_server->requireKey(key);
    auto p = provider(c);
    p->start(workloadRequest(1, 1, 1), &m_sink);
    QVERIFY(m_sink.waitFor(1));
    QS_VERIFY_OK(m_sink.result(1));
    QCOMPARE(m_probe->recorded.size(), std::size_t(1));
    QVERIFY(!m_probe->recorded[0].request.contains(key));
    QVERIFY(!m_probe->recorded[0].request.contains("x-api-key"));
    QVERIFY(m_probe->recorded[0].request.contains("anthropic-version"));
}

void TestAnthropicProvider::validatesParameters()
{
    auto p = provider(config());
    QS_VERIFY_OK(p->validateParameters({{QStringLiteral("temperature"), 1.0}, {QStringLiteral("top_k"), 40}}));
    QS_VERIFY_ERROR(p->validateParameters({{QStringLiteral("temperature"), 1.5}}), Api::ErrorCode::InvalidArgument);
    QS_VERIFY_ERROR(p->validateParameters({{QStringLiteral("frequency_penalty"), 0.5}}),
                    Api::ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestAnthropicProvider)
#include "tst_anthropicprovider.moc"
