// Replay: a run recorded through the store re-executes from its recording with no network and reaches
// the same decisions; a request nobody recorded is a typed error.
#include "providers/openaiprovider.h"
#include "providers/replayprovider.h"
#include "store/memorystore.h"
#include "store/sqlitestore.h"

#include "fakeopenaiserver.h"
#include "providerengineharness.h"
#include "providertesthelpers.h"

#include <QTemporaryDir>
#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;

namespace {

/// What a run decided for one task, in a form two runs can be compared by.
QString outcomeOf(ProviderEngine &harness, const Api::Task &task)
{
    QStringList parts {Api::enumName(task.state).toString()};
    for (const Api::Decision &d : harness.decisionsOf(task.id)) {
        parts << QStringLiteral("%1 %2 %3").arg(Api::enumName(d.outcome).toString(), d.answer).arg(d.agreement);
        for (const Api::Round &round : d.rounds) {
            QStringList votes;
            for (const Api::Vote &v : round.votes)
                votes << QStringLiteral("%1:%2").arg(Api::enumName(v.status).toString(), v.rawAnswer);
            votes.sort(); // agents answer in any order
            parts << votes.join(QLatin1Char(','));
        }
    }
    return parts.join(QLatin1Char('|'));
}

QStringList runAll(ProviderEngine &harness, const QString &provider, int first, int count)
{
    auto swarm = harness.createSwarm(provider);
    if (!swarm)
        return {QStringLiteral("no swarm: ") + swarm.error().message};
    auto tasks = harness.runWorkload(swarm->id, first, count);
    if (!tasks)
        return {QStringLiteral("no run: ") + tasks.error().message};
    QStringList outcomes;
    for (const Api::Task &t : tasks.value())
        outcomes << outcomeOf(harness, t);
    return outcomes;
}

} // namespace

class TestReplayProvider : public QObject
{
    Q_OBJECT

private slots:
    void aRecordedRunReplaysIdentically();
    void aRequestWithoutRecordingIsATypedError();
    void streamedAndPlainCallsShareARecording();
    void replayAnswersAsynchronouslyAndHonoursCancel();
    void recordedErrorsReplayAsErrors();
};

void TestReplayProvider::aRecordedRunReplaysIdentically()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.sqlite3"));
    auto server = std::make_unique<FakeOpenAiServer>();
    QVERIFY(server->listen());
    // Some variety for the decisions to show: a refusal and a context-length error (votes that fail),
    // and answers that are not the rule's.
    server->script({{FakeMode::ContentPolicy, 0}, {FakeMode::ServerError, 0}, {FakeMode::ContextLength, 0}});
    ProviderConfig live = fakeConfig(ProviderKind::OpenAi, server->baseUrl(), QStringLiteral("llm"));
    live.prices.insert(QStringLiteral("*"), ModelPrice {1, 1});
    QStringList recorded;
    {
        EngineConfig config;
        config.providers = {live};
        auto store = SqliteStore::open(file);
        QS_VERIFY_OK(store);
        ProviderEngine harness(config, std::move(store).value());
        recorded = runAll(harness, QStringLiteral("llm"), 0, 12);
    }
    const qsizetype requests = server->requests().size();
    QVERIFY(requests >= 60);
    QVERIFY2(recorded.join(QLatin1Char('\n')).contains(QStringLiteral("failed:")),
             qPrintable(recorded.join(QLatin1Char('\n'))));
    server.reset(); // no network from here on

    ProviderConfig replay = live;
    replay.replay = true;
    replay.baseUrl = QStringLiteral("http://127.0.0.1:9"); // nothing listens there; nothing is asked
    EngineConfig config;
    config.providers = {replay};
    auto store = SqliteStore::open(file);
    QS_VERIFY_OK(store);
    ProviderEngine harness(config, std::move(store).value());
    const QStringList replayed = runAll(harness, QStringLiteral("llm"), 0, 12);
    QCOMPARE(replayed.join(QLatin1Char(0x0a)), recorded.join(QLatin1Char(0x0a)));
}

void TestReplayProvider::aRequestWithoutRecordingIsATypedError()
{
    MemoryStore store;
    ProviderServices services;
    services.lookup = [&store](const QString &key, Store::Reply<ProviderCallWrite> reply) {
        store.recordedCall(key, std::move(reply));
    };
    auto replay = ReplayProvider::of(fakeConfig(ProviderKind::OpenAi, QStringLiteral("http://127.0.0.1:9")), services);
    SinkRecorder sink;
    replay->start(workloadRequest(1, 7, 1), &sink);
    QVERIFY(sink.waitFor(1));
    QS_VERIFY_ERROR(sink.result(1), Api::ErrorCode::ProviderError);
    const QJsonObject details = sink.result(1).error().details;
    QCOMPARE(details.value(QStringLiteral("type")).toString(), QStringLiteral("replay_mismatch"));
    QCOMPARE(details.value(QStringLiteral("retriable")).toBool(true), false);
    QCOMPARE(details.value(QStringLiteral("provider")).toString(), QStringLiteral("fake"));
    QVERIFY(sink.result(1).error().message.contains(QStringLiteral("no recorded call matches")));

    // In an engine: the votes fail with it, and so does the task; nothing falls back to anything.
    ProviderConfig config
        = fakeConfig(ProviderKind::OpenAi, QStringLiteral("http://127.0.0.1:9"), QStringLiteral("llm"));
    config.replay = true;
    EngineConfig engineConfig;
    engineConfig.providers = {config};
    ProviderEngine harness(engineConfig, std::make_unique<MemoryStore>());
    auto swarm = harness.createSwarm(QStringLiteral("llm"), 3);
    QS_VERIFY_OK(swarm);
    auto tasks = harness.runWorkload(swarm->id, 999, 1);
    QS_VERIFY_OK(tasks);
    QCOMPARE(tasks->at(0).state, Api::TaskState::Failed);
    const QList<Api::Decision> decisions = harness.decisionsOf(tasks->at(0).id);
    QVERIFY(!decisions.isEmpty());
    for (const Api::Vote &v : decisions.last().rounds.last().votes) {
        QCOMPARE(v.status, Api::VoteStatus::Failed);
        QVERIFY(v.rationale.contains(QStringLiteral("replay")));
    }
}

void TestReplayProvider::streamedAndPlainCallsShareARecording()
{
    FakeOpenAiServer server;
    QVERIFY(server.listen());
    server.setAnswer(QStringLiteral("Recorded answer"));
    MemoryStore store;
    ServicesProbe probe;
    ProviderServices services = probe.services();
    services.record = [&store](ProviderCallWrite w) { store.write({std::move(w)}, {}); };
    services.lookup = [&store](const QString &key, Store::Reply<ProviderCallWrite> reply) {
        store.recordedCall(key, std::move(reply));
    };
    const ProviderConfig config = fakeConfig(ProviderKind::OpenAi, server.baseUrl());
    OpenAiProvider live(config, services);
    SinkRecorder sink;
    live.start(workloadRequest(1, 5, 1, true), &sink);
    QVERIFY(sink.waitFor(1));
    QS_VERIFY_OK(sink.result(1));

    auto replay = ReplayProvider::of(config, services);
    replay->start(workloadRequest(2, 5, 1, false), &sink);
    replay->start(workloadRequest(3, 5, 1, true), &sink);
    QVERIFY(sink.waitFor(2) && sink.waitFor(3));
    for (quint64 id : {2, 3}) {
        QS_VERIFY_OK(sink.result(id));
        QCOMPARE(sink.result(id)->text, QStringLiteral("Recorded answer"));
        QCOMPARE(sink.result(id)->promptTokens, sink.result(1)->promptTokens);
        QCOMPARE(sink.result(id)->completionTokens, sink.result(1)->completionTokens);
    }
    QCOMPARE(sink.deltas.value(3), QStringLiteral("Recorded answer"));
    QCOMPARE(server.requests().size(), 1);
}

void TestReplayProvider::replayAnswersAsynchronouslyAndHonoursCancel()
{
    MemoryStore store;
    ProviderServices services;
    services.lookup = [&store](const QString &key, Store::Reply<ProviderCallWrite> reply) {
        store.recordedCall(key, std::move(reply)); // answers before it returns
    };
    auto replay
        = ReplayProvider::of(fakeConfig(ProviderKind::Anthropic, QStringLiteral("http://127.0.0.1:9")), services);
    SinkRecorder sink;
    replay->start(workloadRequest(1, 1, 1), &sink);
    replay->start(workloadRequest(2, 1, 2), &sink);
    QVERIFY(sink.results.isEmpty());
    replay->cancel(2);
    sink.cancelled.insert(2);
    QVERIFY(sink.waitFor(1));
    spinFor(50);
    QCOMPARE(sink.reportsAfterCancel, 0);
    QVERIFY(!sink.results.contains(2));
}

void TestReplayProvider::recordedErrorsReplayAsErrors()
{
    FakeOpenAiServer server;
    QVERIFY(server.listen());
    server.script({{FakeMode::InsufficientQuota, 0}});
    MemoryStore store;
    ProviderServices services;
    services.http = std::make_shared<HttpClient>();
    services.record = [&store](ProviderCallWrite w) { store.write({std::move(w)}, {}); };
    services.lookup = [&store](const QString &key, Store::Reply<ProviderCallWrite> reply) {
        store.recordedCall(key, std::move(reply));
    };
    const ProviderConfig config = fakeConfig(ProviderKind::OpenAi, server.baseUrl());
    OpenAiProvider live(config, services);
    SinkRecorder sink;
    live.start(workloadRequest(1, 1, 1), &sink);
    QVERIFY(sink.waitFor(1));
    auto replay = ReplayProvider::of(config, services);
    replay->start(workloadRequest(2, 1, 1), &sink);
    QVERIFY(sink.waitFor(2));
    QS_VERIFY_ERROR(sink.result(2), Api::ErrorCode::ProviderError);
    QCOMPARE(sink.result(2).error(), sink.result(1).error());
}

QTEST_GUILESS_MAIN(TestReplayProvider)
#include "tst_replayprovider.moc"
