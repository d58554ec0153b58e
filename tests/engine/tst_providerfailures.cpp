// Every failure mode of the fake servers, through both protocols: which are retried (and succeed on
// the next attempt), which become typed errors at once, the spacing of retries (lower bounds only),
// Retry-After, the timeouts, and that neither a key nor a partial answer ends up where it must not.
#include "providers/anthropicprovider.h"
#include "providers/openaiprovider.h"

#include "fakeanthropicserver.h"
#include "fakeopenaiserver.h"
#include "providertesthelpers.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString openai = QStringLiteral("openai");
const QString anthropic = QStringLiteral("anthropic");

} // namespace

class TestProviderFailures : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void modes_data();
    void modes();
    void exhaustedRetriesKeepTheLastError_data() { protocols(); }
    void exhaustedRetriesKeepTheLastError();
    void backoffHasItsLowerBounds();
    void retryAfterIsHonoured_data() { protocols(); }
    void retryAfterIsHonoured();
    void retryAfterMsIsHonoured();
    void retryAfterIsCapped();
    void aStallIsRetried();
    void timeouts_data();
    void timeouts();
    void aBrokenStreamIsNeverAnAnswer_data() { protocols(); }
    void aBrokenStreamIsNeverAnAnswer();
    void theKeyNeverReachesAnError_data() { protocols(); }
    void theKeyNeverReachesAnError();
    void shouldRetryHeaderDecides();

private:
    void protocols();
    FakeLlmServer &server(const QString &protocol);
    std::unique_ptr<HttpProvider> provider(const QString &protocol, ProviderConfig config);
    ProviderConfig config(const QString &protocol);
    Api::Result<ProviderResponse> call(HttpProvider &p, bool stream, qint64 *elapsedMs = nullptr);

    std::unique_ptr<FakeOpenAiServer> m_openai;
    std::unique_ptr<FakeAnthropicServer> m_anthropic;
    std::unique_ptr<ServicesProbe> m_probe;
    quint64 m_nextCall = 0;
};

void TestProviderFailures::init()
{
    m_openai = std::make_unique<FakeOpenAiServer>();
    m_anthropic = std::make_unique<FakeAnthropicServer>();
    QVERIFY(m_openai->listen() && m_anthropic->listen());
    m_probe = std::make_unique<ServicesProbe>();
}

void TestProviderFailures::cleanup()
{
    m_probe.reset();
    m_openai.reset();
    m_anthropic.reset();
}

void TestProviderFailures::protocols()
{
    QTest::addColumn<QString>("protocol");
    QTest::newRow("openai") << openai;
    QTest::newRow("anthropic") << anthropic;
}

FakeLlmServer &TestProviderFailures::server(const QString &protocol)
{
    if (protocol == openai)
        return *m_openai;
    return *m_anthropic;
}

ProviderConfig TestProviderFailures::config(const QString &protocol)
{
    if (protocol == openai)
        return fakeConfig(ProviderKind::OpenAi, m_openai->baseUrl());
    return fakeConfig(ProviderKind::Anthropic, m_anthropic->url().toString());
}

std::unique_ptr<HttpProvider> TestProviderFailures::provider(const QString &protocol, ProviderConfig c)
{
    if (protocol == openai)
        return std::make_unique<OpenAiProvider>(std::move(c), m_probe->services());
    return std::make_unique<AnthropicProvider>(std::move(c), m_probe->services());
}

Api::Result<ProviderResponse> TestProviderFailures::call(HttpProvider &p, bool stream, qint64 *elapsedMs)
{
    SinkRecorder sink;
    const quint64 id = ++m_nextCall;
    QElapsedTimer clock;
    clock.start();
    p.start(workloadRequest(id, 1, 1, stream), &sink);
    if (!sink.waitFor(id, 30000))
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("no answer"));
    if (elapsedMs)
        *elapsedMs = clock.elapsed();
    return sink.result(id);
}

void TestProviderFailures::modes_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("value");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("retried");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");

    struct Row
    {
        const char *name;
        FakeMode mode;
        int value;
        bool stream;
        bool retried;
        int status;
        const char *type;
        const char *openaiMessage;
        const char *anthropicMessage;
    };
    const Row rows[] = {
        {"429 Retry-After", FakeMode::RateLimited, 0, false, true, 0, "", "", ""},
        {"429 retry-after-ms", FakeMode::RateLimitedMs, 30, true, true, 0, "", "", ""},
        {"408", FakeMode::Timeout408, 0, false, true, 0, "", "", ""},
        {"409", FakeMode::Conflict409, 0, false, true, 0, "", "", ""},
        {"500", FakeMode::ServerError, 0, true, true, 0, "", "", ""},
        {"503", FakeMode::Unavailable, 0, false, true, 0, "", "", ""},
        {"529", FakeMode::Overloaded, 0, true, true, 0, "", "", ""},
        {"stream broken", FakeMode::BrokenStream, 0, true, true, 0, "", "", ""},
        {"body broken", FakeMode::BrokenStream, 0, false, true, 0, "", "", ""},
        {"stream cut mid-event", FakeMode::CutMidEvent, 0, true, true, 0, "", "", ""},
        {"error event in the stream", FakeMode::StreamErrorEvent, 0, true, true, 0, "", "", ""},
        {"malformed JSON", FakeMode::MalformedJson, 0, false, true, 0, "", "", ""},
        {"malformed stream", FakeMode::MalformedJson, 0, true, true, 0, "", "", ""},
        {"quota", FakeMode::InsufficientQuota, 0, false, false, -1, "insufficient_quota", "exceeded your current quota",
         "credit balance is too low"},
        {"context length", FakeMode::ContextLength, 0, true, false, 400, "context_length_exceeded",
         "maximum context length", "prompt is too long"},
        {"content policy", FakeMode::ContentPolicy, 0, false, false, 400, "content_policy", "safety system",
         "safety system"},
        {"401", FakeMode::Unauthorized, 0, false, false, 401, "", "Incorrect API key", "Incorrect API key"},
        {"403", FakeMode::Forbidden, 0, true, false, 403, "", "Not allowed", "Not allowed"},
        {"404", FakeMode::NotFound, 0, false, false, 404, "", "does not exist", "does not exist"},
    };
    for (const QString &protocol : {openai, anthropic}) {
        for (const Row &r : rows) {
            const int status = r.status >= 0 ? r.status : (protocol == openai ? 429 : 400);
            QTest::addRow("%s: %s", qPrintable(protocol), r.name)
                << protocol << static_cast<int>(r.mode) << r.value << r.stream << r.retried << status
                << QString::fromLatin1(r.type)
                << QString::fromLatin1(protocol == openai ? r.openaiMessage : r.anthropicMessage);
        }
    }
}

void TestProviderFailures::modes()
{
    QFETCH(QString, protocol);
    QFETCH(int, mode);
    QFETCH(int, value);
    QFETCH(bool, stream);
    QFETCH(bool, retried);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, message);
    server(protocol).script({{static_cast<FakeMode>(mode), value}});
    auto p = provider(protocol, config(protocol));
    const auto result = call(*p, stream);
    if (retried) {
        QS_VERIFY_OK(result);
        QCOMPARE(result->text, QStringLiteral("A"));
        QCOMPARE(server(protocol).requests().size(), 2);
        QCOMPARE(m_probe->metrics
                     .counter(QStringLiteral("qwen_swarm_provider_retries_total"), {},
                              {{QStringLiteral("provider"), QStringLiteral("fake")}})
                     .value(),
                 1.0);
        return;
    }
    QS_VERIFY_ERROR(result, Api::ErrorCode::ProviderError);
    QCOMPARE(server(protocol).requests().size(), 1); // never retried
    const QJsonObject details = result.error().details;
    QCOMPARE(details.value(QStringLiteral("retriable")).toBool(true), false);
    QCOMPARE(details.value(QStringLiteral("status")).toInt(), status);
    QCOMPARE(details.value(QStringLiteral("provider")).toString(), QStringLiteral("fake"));
    QCOMPARE(details.value(QStringLiteral("attempts")).toInt(), 1);
    if (!type.isEmpty())
        QCOMPARE(details.value(QStringLiteral("type")).toString(), type);
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(QStringLiteral("'fake'")));
}

void TestProviderFailures::exhaustedRetriesKeepTheLastError()
{
    QFETCH(QString, protocol);
    server(protocol).script({{FakeMode::Unavailable, 0}, {FakeMode::ServerError, 0}, {FakeMode::Overloaded, 0}});
    auto p = provider(protocol, config(protocol));
    const auto result = call(*p, false);
    QS_VERIFY_ERROR(result, Api::ErrorCode::ProviderError);
    QCOMPARE(server(protocol).requests().size(), 3); // 1 + 2 retries
    QCOMPARE(result.error().details.value(QStringLiteral("attempts")).toInt(), 3);
    QCOMPARE(result.error().details.value(QStringLiteral("status")).toInt(), 529);
    QCOMPARE(result.error().details.value(QStringLiteral("retriable")).toBool(), true);
    QVERIFY(m_probe->recorded.size() == 1 && m_probe->recorded[0].response.contains("\"error\""));
}

void TestProviderFailures::backoffHasItsLowerBounds()
{
    ProviderConfig c = config(openai);
    c.retry.initialDelayMs = 150;
    c.retry.maxDelayMs = 8000;
    c.retry.jitter = 0.25;
    m_openai->script({{FakeMode::Unavailable, 0}, {FakeMode::Unavailable, 0}});
    auto p = provider(openai, c);
    qint64 elapsed = 0;
    QS_VERIFY_OK(call(*p, false, &elapsed));
    // 150 ms then 300 ms, each shortened by at most a quarter.
    QVERIFY2(elapsed >= (150 + 300) * 3 / 4, qPrintable(QString::number(elapsed)));
    QCOMPARE(m_openai->requests().size(), 3);
}

void TestProviderFailures::retryAfterIsHonoured()
{
    QFETCH(QString, protocol);
    server(protocol).script({{FakeMode::RateLimited, 1}});
    auto p = provider(protocol, config(protocol));
    qint64 elapsed = 0;
    QS_VERIFY_OK(call(*p, false, &elapsed));
    QVERIFY2(elapsed >= 1000, qPrintable(QString::number(elapsed))); // not the 20 ms backoff
}

void TestProviderFailures::retryAfterMsIsHonoured()
{
    m_openai->script({{FakeMode::RateLimitedMs, 400}});
    auto p = provider(openai, config(openai));
    qint64 elapsed = 0;
    QS_VERIFY_OK(call(*p, true, &elapsed));
    QVERIFY2(elapsed >= 400, qPrintable(QString::number(elapsed)));
}

void TestProviderFailures::retryAfterIsCapped()
{
    ProviderConfig c = config(openai);
    c.retry.maxRetryAfterMs = 300;
    m_openai->script({{FakeMode::RateLimited, 3600}});
    auto p = provider(openai, c);
    qint64 elapsed = 0;
    QS_VERIFY_OK(call(*p, false, &elapsed)); // answered within the test's patience, not in an hour
    QVERIFY2(elapsed >= 300, qPrintable(QString::number(elapsed)));
}

void TestProviderFailures::aStallIsRetried()
{
    ProviderConfig c = config(anthropic);
    c.timeouts.stallMs = 200;
    m_anthropic->script({{FakeMode::Stall, 0}});
    auto p = provider(anthropic, c);
    qint64 elapsed = 0;
    const auto result = call(*p, true, &elapsed);
    QS_VERIFY_OK(result);
    QCOMPARE(result->text, QStringLiteral("A"));
    QVERIFY(elapsed >= 200);
    QCOMPARE(m_anthropic->requests().size(), 2);
}

void TestProviderFailures::timeouts_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("value");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("firstByteMs");
    QTest::addColumn<int>("stallMs");
    QTest::addColumn<int>("totalMs");
    QTest::addColumn<QString>("type");
    for (const QString &protocol : {openai, anthropic}) {
        QTest::addRow("%s: stall", qPrintable(protocol))
            << protocol << int(FakeMode::Stall) << 0 << true << 5000 << 250 << 20000 << u"stall_timeout"_s;
        QTest::addRow("%s: stalled body", qPrintable(protocol))
            << protocol << int(FakeMode::Stall) << 0 << false << 5000 << 250 << 20000 << u"stall_timeout"_s;
        QTest::addRow("%s: slow first byte", qPrintable(protocol))
            << protocol << int(FakeMode::SlowFirstByte) << 3000 << false << 250 << 5000 << 20000
            << u"first_byte_timeout"_s;
        QTest::addRow("%s: total", qPrintable(protocol))
            << protocol << int(FakeMode::SlowStream) << 150 << true << 5000 << 5000 << 400 << u"total_timeout"_s;
    }
}

void TestProviderFailures::timeouts()
{
    QFETCH(QString, protocol);
    QFETCH(int, mode);
    QFETCH(int, value);
    QFETCH(bool, stream);
    QFETCH(int, firstByteMs);
    QFETCH(int, stallMs);
    QFETCH(int, totalMs);
    QFETCH(QString, type);
    ProviderConfig c = config(protocol);
    c.retry.maxRetries = 0;
    c.timeouts = {5000, firstByteMs, stallMs, totalMs};
    server(protocol).script({{static_cast<FakeMode>(mode), value}});
    auto p = provider(protocol, c);
    qint64 elapsed = 0;
    const auto result = call(*p, stream, &elapsed);
    QS_VERIFY_ERROR(result, Api::ErrorCode::ProviderError);
    QCOMPARE(result.error().details.value(QStringLiteral("type")).toString(), type);
    QCOMPARE(result.error().details.value(QStringLiteral("retriable")).toBool(), true);
    QVERIFY(elapsed >= std::min({firstByteMs, stallMs, totalMs}));
}

void TestProviderFailures::aBrokenStreamIsNeverAnAnswer()
{
    QFETCH(QString, protocol);
    const QString answer = QStringLiteral("Alpha Beta Gamma Delta");
    server(protocol).setAnswer(answer);
    server(protocol).script({{FakeMode::BrokenStream, 0}, {FakeMode::CutMidEvent, 0}, {FakeMode::BrokenStream, 0}});
    auto p = provider(protocol, config(protocol));
    const auto result = call(*p, true);
    QS_VERIFY_ERROR(result, Api::ErrorCode::ProviderError);
    QCOMPARE(result.error().details.value(QStringLiteral("type")).toString(), QStringLiteral("broken_stream"));
    QCOMPARE(m_probe->recorded.size(), std::size_t(1));
    const QJsonObject recorded = QJsonDocument::fromJson(m_probe->recorded[0].response).object();
    QVERIFY(!recorded.contains(QStringLiteral("text")));
    QVERIFY(!m_probe->recorded[0].response.contains("Alpha"));
    // The next call gets the whole answer.
    const auto next = call(*p, true);
    QS_VERIFY_OK(next);
    QCOMPARE(next->text, answer);
}

void TestProviderFailures::theKeyNeverReachesAnError()
{
    QFETCH(QString, protocol);
    const QByteArray key = "sk-proj-SECRET-a1b2c3d4e5f6g7h8";
    ProviderConfig c = config(protocol);
    c.apiKey = ApiKey(key);
    server(protocol).requireKey("another-key");
    auto p = provider(protocol, c);
    const auto result = call(*p, false);
    QS_VERIFY_ERROR(result, Api::ErrorCode::ProviderError);
    // The fake server echoes the key it got, as OpenAI does; none of it may reach the error.
    QVERIFY(server(protocol).requests().at(0).body.size() > 0);
    const QByteArray everything = result.error().message.toUtf8() + QJsonDocument(result.error().details).toJson();
    QVERIFY2(!everything.contains(key), everything.constData());
    QVERIFY2(!everything.contains(key.left(8)) && !everything.contains(key.right(8)), everything.constData());
    QVERIFY(result.error().message.contains(QStringLiteral("[redacted]")));
    for (const ProviderCallWrite &w : m_probe->recorded)
        QVERIFY(!w.request.contains(key) && !w.response.contains(key) && !w.response.contains(key.right(8)));
}

void TestProviderFailures::shouldRetryHeaderDecides()
{
    HttpHeaders no {{"x-should-retry", "false"}};
    HttpHeaders yes {{"x-should-retry", "true"}};
    QVERIFY(!ProviderFault::fromHttp(503, {}, {}, {}, no, 0).retriable);
    QVERIFY(ProviderFault::fromHttp(400, {}, {}, {}, yes, 0).retriable);
    QVERIFY(ProviderFault::fromHttp(503, {}, {}, {}, {}, 0).retriable);
    QVERIFY(!ProviderFault::fromHttp(422, {}, {}, {}, {}, 0).retriable);
}

QTEST_GUILESS_MAIN(TestProviderFailures)
#include "tst_providerfailures.moc"
