#include "providers/httpclient.h"

#include "fakeopenaiserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;

namespace {

/// Collects what an exchange reports.
struct Recorder final : HttpReceiver
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    int finishedCount = 0;
    int callbacksAfterCancel = 0;
    bool cancelled = false;
    HttpFailure failure = HttpFailure::None;
    QString detail;

    void httpStarted(quint64, int s, const HttpHeaders &h) override
    {
        callbacksAfterCancel += cancelled ? 1 : 0;
        status = s;
        headers = h;
    }
    void httpData(quint64, QByteArrayView bytes) override
    {
        callbacksAfterCancel += cancelled ? 1 : 0;
        body.append(bytes);
    }
    void httpFinished(quint64, HttpFailure f, const QString &d) override
    {
        callbacksAfterCancel += cancelled ? 1 : 0;
        ++finishedCount;
        failure = f;
        detail = d;
    }
};

HttpRequest chatRequest(const FakeOpenAiServer &server, bool stream, HttpTimeouts timeouts = {})
{
    QJsonObject body {{QStringLiteral("model"), QStringLiteral("m")},
                      {QStringLiteral("stream"), stream},
                      {QStringLiteral("messages"),
                       QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                                {QStringLiteral("content"), QStringLiteral("task 1 agent 1")}}}}};
    HttpRequest r;
    r.url = QUrl(server.baseUrl() + QStringLiteral("/chat/completions"));
    r.headers = {{"content-type", "application/json"}};
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.timeouts = timeouts;
    return r;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void postsAndReceives();
    void reusesConnections();
    void firstByteTimeout();
    void stallTimeout();
    void totalTimeout();
    void slowButSteadyStreamIsNotAStall();
    void cancelAbortsAndSilences();
    void refusedConnectionIsANetworkFailure();
    void lanesOpenMoreConnectionsToPlainHttp();
    void destroyingTheClientAbortsEverything();

private:
    std::unique_ptr<FakeOpenAiServer> m_server;
};

void TestHttpClient::init()
{
    m_server = std::make_unique<FakeOpenAiServer>();
    QVERIFY(m_server->listen());
}

void TestHttpClient::cleanup()
{
    m_server.reset();
}

void TestHttpClient::postsAndReceives()
{
    HttpClient client;
    Recorder r;
    client.send(chatRequest(*m_server, false), &r);
    QCOMPARE(r.finishedCount, 0); // never before send() returns
    QVERIFY(spinUntil([&r] { return r.finishedCount == 1; }));
    QCOMPARE(r.failure, HttpFailure::None);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("\"content\":\"A\""));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests()[0].header("content-type"), QByteArray("application/json"));
    QCOMPARE(client.inFlight(), 0);
}

void TestHttpClient::reusesConnections()
{
    HttpClient client;
    for (int i = 0; i < 5; ++i) {
        Recorder r;
        client.send(chatRequest(*m_server, true), &r);
        QVERIFY(spinUntil([&r] { return r.finishedCount == 1; }));
        QCOMPARE(r.status, 200);
    }
    QCOMPARE(m_server->connectionsAccepted(), 1);
}

void TestHttpClient::firstByteTimeout()
{
    m_server->script({{FakeMode::SlowFirstByte, 5000}});
    HttpClient client;
    Recorder r;
    QElapsedTimer clock;
    clock.start();
    client.send(chatRequest(*m_server, false, {5000, 300, 5000, 20000}), &r);
    QVERIFY(spinUntil([&r] { return r.finishedCount == 1; }));
    QCOMPARE(r.failure, HttpFailure::FirstByteTimeout);
    QVERIFY(clock.elapsed() >= 300);
    QCOMPARE(r.status, 0);
}

void TestHttpClient::stallTimeout()
{
    m_server->script({{FakeMode::Stall, 0}});
    HttpClient client;
    Recorder r;
    QElapsedTimer clock;
    clock.start();
    client.send(chatRequest(*m_server, true, {5000, 5000, 300, 20000}), &r);
    QVERIFY(spinUntil([&r] { return r.finishedCount == 1; }));
    QCOMPARE(r.failure, HttpFailure::StallTimeout);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("data: "));
    QVERIFY(clock.elapsed() >= 300);
    QVERIFY(r.detail.contains(QStringLiteral("300 ms")));
}

void TestHttpClient::totalTimeout()
{
    m_server->script({{FakeMode::SlowStream, 150}});
    HttpClient client;
    Recorder r;
    QElapsedTimer clock;
    clock.start();
    client.send(chatRequest(*m_server, true, {5000, 5000, 5000, 400}), &r);
    QVERIFY(spinUntil([&r] { return r.finishedCount == 1; }));
    QCOMPARE(r.failure, HttpFailure::TotalTimeout);
    QVERIFY(clock.elapsed() >= 400);
}

void TestHttpClient::slowButSteadyStreamIsNotAStall()
{
    m_server->script({{FakeMode::SlowStream, 100}});
    HttpClient client;
    Recorder r;
    client.send(chatRequest(*m_server, true, {5000, 5000, 1000, 20000}), &r);
    QVERIFY(spinUntil([&r] { return r.finishedCount == 1; }));
    QCOMPARE(r.failure, HttpFailure::None);
    QVERIFY(r.body.contains("[DONE]"));
}

void TestHttpClient::cancelAbortsAndSilences()
{
    m_server->script({{FakeMode::SlowStream, 200}});
    HttpClient client;
    Recorder r;
    const quint64 id = client.send(chatRequest(*m_server, true), &r);
    QVERIFY(spinUntil([&r] { return !r.body.isEmpty(); }));
    client.cancel(id);
    r.cancelled = true;
    QCOMPARE(client.inFlight(), 0);
    // The server sees the connection go away; the receiver hears nothing more.
    spinFor(700);
    QCOMPARE(r.callbacksAfterCancel, 0);
    QCOMPARE(r.finishedCount, 0);
    client.cancel(id); // twice is harmless
}

void TestHttpClient::refusedConnectionIsANetworkFailure()
{
    const quint16 port = m_server->port();
    m_server.reset(); // nobody listens there now
    HttpClient client;
    Recorder r;
    HttpRequest request;
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port));
    request.body = "{}";
    client.send(request, &r);
    QVERIFY(spinUntil([&r] { return r.finishedCount == 1; }));
    QCOMPARE(r.failure, HttpFailure::Network);
    QVERIFY(!r.detail.isEmpty());
}

void TestHttpClient::lanesOpenMoreConnectionsToPlainHttp()
{
    constexpr int calls = 24;
    m_server->script(QList<FakeStep>(calls, FakeStep {FakeMode::SlowFirstByte, 300}));
    HttpClient client;
    std::vector<Recorder> recorders(calls);
    HttpRequest request = chatRequest(*m_server, false);
    request.connectionLanes = 4;
    for (Recorder &r : recorders)
        client.send(request, &r);
    QVERIFY(spinUntil([&recorders] {
        return std::all_of(recorders.cbegin(), recorders.cend(),
                           [](const Recorder &r) { return r.finishedCount == 1; });
    }));
    for (const Recorder &r : recorders)
        QCOMPARE(r.status, 200);
    QVERIFY2(m_server->peakConcurrentRequests() > 6, qPrintable(QString::number(m_server->peakConcurrentRequests())));
}

void TestHttpClient::destroyingTheClientAbortsEverything()
{
    m_server->script({{FakeMode::Stall, 0}, {FakeMode::SlowFirstByte, 2000}});
    Recorder a;
    Recorder b;
    {
        HttpClient client;
        client.send(chatRequest(*m_server, true), &a);
        client.send(chatRequest(*m_server, false), &b);
        QVERIFY(spinUntil([this] { return m_server->requests().size() == 2; }));
    }
    spinFor(200);
    QCOMPARE(a.finishedCount + b.finishedCount, 0);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
