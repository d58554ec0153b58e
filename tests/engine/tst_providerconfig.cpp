// Provider configuration as data: presets, the config file, keys from the environment or a private
// file, and the promise that a key never reaches a log, an event, a metric, an error or a recording.
#include "providers/providerconfigfile.h"
#include "store/memorystore.h"
#include "store/sqlitestore.h"

#include "fakeanthropicserver.h"
#include "fakeopenaiserver.h"
#include "providerengineharness.h"
#include "providertesthelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString writeConfig(const QTemporaryDir &dir, const QString &name, const QByteArray &text,
                    QFileDevice::Permissions mode)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    file.close();
    file.setPermissions(mode);
    return path;
}

ProviderConfigFile::Environment environment(QHash<QString, QByteArray> variables)
{
    return [variables](const QString &name) -> std::optional<QByteArray> {
        if (!variables.contains(name))
            return std::nullopt;
        return variables.value(name);
    };
}

const QFileDevice::Permissions privateMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
const QFileDevice::Permissions worldReadable = privateMode | QFileDevice::ReadGroup | QFileDevice::ReadOther;

QStringList capturedLog;

void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog << message;
}

// Runs two swarms (one on "good", one on "bad") and answers everything the engine shows of them:
// events, metric labels, tasks and decisions.
QByteArray runAndShowEverything(const QList<ProviderConfig> &providers, const QString &storePath)
{
    EngineConfig config;
    config.providers = providers;
    auto store = SqliteStore::open(storePath);
    if (!store)
        return {};
    ProviderEngine harness(config, std::move(store).value());
    auto goodSwarm = harness.createSwarm(QStringLiteral("good"), 2);
    auto badSwarm = harness.createSwarm(QStringLiteral("bad"), 2);
    if (!goodSwarm || !badSwarm)
        return {};
    auto goodTasks = harness.runWorkload(goodSwarm->id, 1, 2);
    auto badTasks = harness.runWorkload(badSwarm->id, 1, 2);
    if (!goodTasks || !badTasks || goodTasks->at(0).state != Api::TaskState::Succeeded
        || badTasks->at(0).state != Api::TaskState::Failed)
        return {};
    if (harness.events.logs(QStringLiteral("provider.bad")).isEmpty()) // the circuit opened
        return {};
    QByteArray everything = harness.events.dump();
    for (const Api::MetricFamily &f : harness.engine.metrics().families) {
        for (const Api::MetricSample &s : f.samples)
            everything += QStringList(s.labels.values()).join(QLatin1Char(',')).toUtf8() + '\n';
    }
    for (const auto &tasks : {goodTasks.value(), badTasks.value()}) {
        for (const Api::Task &t : tasks) {
            everything += compact(Api::toJson(t).toObject());
            for (const Api::Decision &d : harness.decisionsOf(t.id))
                everything += compact(Api::toJson(d).toObject());
        }
    }
    return everything;
}

} // namespace

class TestProviderConfig : public QObject
{
    Q_OBJECT

private slots:
    void presets();
    void parsesEverything();
    void rejectsWhatItDoesNotKnow_data();
    void rejectsWhatItDoesNotKnow();
    void keysComeFromTheEnvironment();
    void aMissingKeyFailsCallsClearly();
    void aReadableFileWithAKeyIsRefused();
    void aReadableFileWithoutKeysIsFine();
    void pricesMakeTheCost();
    void engineRegistersConfiguredProviders();
    void keysReachNothingButTheirServer();
};

void TestProviderConfig::presets()
{
    const auto intl = ProviderConfig::preset(u"dashscope-intl");
    QVERIFY(intl);
    QCOMPARE(intl->baseUrl, QStringLiteral("https://dashscope-intl.aliyuncs.com/compatible-mode/v1"));
    QCOMPARE(intl->keyRef, QStringLiteral("env:DASHSCOPE_API_KEY"));
    QCOMPARE(intl->kind, ProviderKind::OpenAi);
    QCOMPARE(ProviderConfig::preset(u"qwen")->baseUrl, intl->baseUrl);
    QCOMPARE(ProviderConfig::preset(u"dashscope-cn")->baseUrl,
             QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1"));
    QVERIFY(ProviderConfig::presetModels(u"qwen").contains(QStringLiteral("qwen-max")));
    QVERIFY(ProviderConfig::presetModels(u"qwen").contains(QStringLiteral("qwen-turbo")));
    QCOMPARE(ProviderConfig::preset(u"openai")->keyRef, QStringLiteral("env:OPENAI_API_KEY"));
    QCOMPARE(ProviderConfig::preset(u"anthropic")->kind, ProviderKind::Anthropic);
    QCOMPARE(ProviderConfig::preset(u"anthropic")->keyRef, QStringLiteral("env:ANTHROPIC_API_KEY"));
    for (const char *local : {"vllm", "ollama", "llamacpp"})
        QVERIFY(ProviderConfig::preset(QString::fromLatin1(local))->keyRef.isEmpty());
    QVERIFY(!ProviderConfig::preset(u"nope"));
}

void TestProviderConfig::parsesEverything()
{
    const QJsonObject file {
        {QStringLiteral("providers"),
         QJsonArray {
             QJsonObject {
                 {QStringLiteral("name"), QStringLiteral("qwen")},
                 {QStringLiteral("preset"), QStringLiteral("dashscope-cn")},
                 {QStringLiteral("model"), QStringLiteral("qwen-max")},
                 {QStringLiteral("parameters"), QJsonObject {{QStringLiteral("temperature"), 0.2}}},
                 {QStringLiteral("stream"), true},
                 {QStringLiteral("limits"),
                  QJsonObject {{QStringLiteral("concurrency"), 8},
                               {QStringLiteral("rpm"), 600},
                               {QStringLiteral("tpm"), 100000}}},
                 {QStringLiteral("timeouts"),
                  QJsonObject {{QStringLiteral("connect_ms"), 1000},
                               {QStringLiteral("first_byte_ms"), 2000},
                               {QStringLiteral("stall_ms"), 3000},
                               {QStringLiteral("total_ms"), 4000}}},
                 {QStringLiteral("retry"),
                  QJsonObject {{QStringLiteral("max_retries"), 4},
                               {QStringLiteral("initial_delay_ms"), 100},
                               {QStringLiteral("max_delay_ms"), 900},
                               {QStringLiteral("jitter"), 0.1},
                               {QStringLiteral("max_retry_after_ms"), 7000}}},
                 {QStringLiteral("circuit"),
                  QJsonObject {{QStringLiteral("failure_threshold"), 9}, {QStringLiteral("cool_down_ms"), 1234}}},
                 {QStringLiteral("prices"),
                  QJsonObject {{QStringLiteral("qwen-max"),
                                QJsonObject {{QStringLiteral("input"), 1.6}, {QStringLiteral("output"), 6.4}}}}}},
             QJsonObject {{QStringLiteral("name"), QStringLiteral("claude")},
                          {QStringLiteral("kind"), QStringLiteral("anthropic")},
                          {QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9")},
                          {QStringLiteral("key"), QStringLiteral("env:MY_CLAUDE_KEY")},
                          {QStringLiteral("replay"), true}}}}};
    bool holdsKey = true;
    const auto parsed = ProviderConfigFile::parse(file, holdsKey);
    QS_VERIFY_OK(parsed);
    QVERIFY(!holdsKey);
    QCOMPARE(parsed->size(), 2);
    const ProviderConfig &q = parsed->at(0);
    QCOMPARE(q.name, QStringLiteral("qwen"));
    QCOMPARE(q.baseUrl, QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1"));
    QCOMPARE(q.defaultModel, QStringLiteral("qwen-max"));
    QCOMPARE(q.keyRef, QStringLiteral("env:DASHSCOPE_API_KEY"));
    QVERIFY(q.stream);
    QCOMPARE(q.limits, (ProviderLimits {8, 600, 100000}));
    QCOMPARE(q.timeouts, (HttpTimeouts {1000, 2000, 3000, 4000}));
    QCOMPARE(q.retry.maxRetries, 4);
    QCOMPARE(q.retry.maxRetryAfterMs, 7000);
    QCOMPARE(q.circuit, (CircuitBreakerPolicy {9, 1234}));
    QCOMPARE(q.priceOf(QStringLiteral("qwen-max")), (ModelPrice {1.6, 6.4}));
    QCOMPARE(q.parameters.value(QStringLiteral("temperature")).toDouble(), 0.2);
    const ProviderConfig &c = parsed->at(1);
    QCOMPARE(c.kind, ProviderKind::Anthropic);
    QCOMPARE(c.keyRef, QStringLiteral("env:MY_CLAUDE_KEY"));
    QVERIFY(c.replay);
}

void TestProviderConfig::rejectsWhatItDoesNotKnow_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown member") << QByteArray(R"({"providers": [{"name": "a", "colour": "red"}]})")
                                    << QStringLiteral("providers[0].colour");
    QTest::newRow("unknown nested member")
        << QByteArray(R"({"providers": [{"name": "a", "limits": {"rpm": 1, "rpd": 2}}]})")
        << QStringLiteral("providers[0].limits.rpd");
    QTest::newRow("no name") << QByteArray(R"({"providers": [{"kind": "openai"}]})")
                             << QStringLiteral("providers[0].name");
    QTest::newRow("bad kind") << QByteArray(R"({"providers": [{"name": "a", "kind": "gemini"}]})")
                              << QStringLiteral("providers[0].kind");
    QTest::newRow("bad preset") << QByteArray(R"({"providers": [{"name": "a", "preset": "gemini"}]})")
                                << QStringLiteral("providers[0].preset");
    QTest::newRow("bad price") << QByteArray(R"({"providers": [{"name": "a", "prices": {"m": {"input": 1}}}]})")
                               << QStringLiteral("providers[0].prices.m.output");
    QTest::newRow("not a list") << QByteArray(R"({"providers": {}})") << QStringLiteral("providers");
}

void TestProviderConfig::rejectsWhatItDoesNotKnow()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    bool holdsKey = false;
    const auto parsed = ProviderConfigFile::parse(QJsonDocument::fromJson(json).object(), holdsKey);
    QS_VERIFY_ERROR(parsed, Api::ErrorCode::InvalidArgument);
    QCOMPARE(parsed.error().details.value(QStringLiteral("path")).toString(), path);
}

void TestProviderConfig::keysComeFromTheEnvironment()
{
    QTemporaryDir dir;
    const QString path = writeConfig(
        dir, QStringLiteral("providers.json"),
        R"({"providers": [{"name": "o", "preset": "openai"}, {"name": "c", "preset": "anthropic", "key": "env:CLAUDE"}]})",
        worldReadable);
    const auto loaded = ProviderConfigFile::load(
        path, environment({{QStringLiteral("OPENAI_API_KEY"), "sk-env-1"}, {QStringLiteral("CLAUDE"), "sk-env-2"}}));
    QS_VERIFY_OK(loaded);
    QCOMPARE(loaded->at(0).apiKey.reveal(), QByteArray("sk-env-1"));
    QCOMPARE(loaded->at(1).apiKey.reveal(), QByteArray("sk-env-2"));
    QVERIFY(loaded->at(0).keyProblem.isEmpty());
}

void TestProviderConfig::aMissingKeyFailsCallsClearly()
{
    QTemporaryDir dir;
    const QString path = writeConfig(dir, QStringLiteral("p.json"),
                                     R"({"providers": [{"name": "q", "preset": "qwen"}]})", privateMode);
    const auto loaded = ProviderConfigFile::load(path, environment({}));
    QS_VERIFY_OK(loaded);
    QVERIFY(loaded->at(0).apiKey.isEmpty());
    QVERIFY(loaded->at(0).keyProblem.contains(QStringLiteral("DASHSCOPE_API_KEY")));
}

void TestProviderConfig::aReadableFileWithAKeyIsRefused()
{
    QTemporaryDir dir;
    const QByteArray key = "sk-literal-SECRET-0011223344";
    const QByteArray text = R"({"providers": [{"name": "o", "preset": "openai", "key": ")" + key + R"("}]})";
    const QString readable = writeConfig(dir, QStringLiteral("open.json"), text, worldReadable);
    const auto refused = ProviderConfigFile::load(readable, environment({}));
    QS_VERIFY_ERROR(refused, Api::ErrorCode::PermissionDenied);
    QVERIFY(refused.error().message.contains(readable));
    QVERIFY(refused.error().message.contains(QStringLiteral("0644")));
    QVERIFY(refused.error().message.contains(QStringLiteral("chmod 600")));
    QVERIFY(!refused.error().message.toUtf8().contains(key));
    const QString groupReadable
        = writeConfig(dir, QStringLiteral("group.json"), text, privateMode | QFileDevice::ReadGroup);
    QS_VERIFY_ERROR(ProviderConfigFile::load(groupReadable, environment({})), Api::ErrorCode::PermissionDenied);
    const QString closed = writeConfig(dir, QStringLiteral("private.json"), text, privateMode);
    const auto loaded = ProviderConfigFile::load(closed, environment({}));
    QS_VERIFY_OK(loaded);
    QCOMPARE(loaded->at(0).apiKey.reveal(), key);
    QCOMPARE(loaded->at(0).keyRef, QStringLiteral("file"));
}

void TestProviderConfig::aReadableFileWithoutKeysIsFine()
{
    QTemporaryDir dir;
    const QString path = writeConfig(dir, QStringLiteral("p.json"),
                                     R"({"providers": [{"name": "local", "preset": "ollama"}]})", worldReadable);
    QS_VERIFY_OK(ProviderConfigFile::load(path, environment({})));
    QS_VERIFY_ERROR(ProviderConfigFile::load(dir.filePath(QStringLiteral("absent.json")), environment({})),
                    Api::ErrorCode::NotFound);
}

void TestProviderConfig::pricesMakeTheCost()
{
    ProviderConfig c;
    c.prices.insert(QStringLiteral("big"), ModelPrice {10, 30});
    c.prices.insert(QStringLiteral("*"), ModelPrice {1, 2});
    QCOMPARE(c.costUsd(QStringLiteral("big"), 1000, 100), (1000 * 10.0 + 100 * 30.0) / 1e6);
    QCOMPARE(c.costUsd(QStringLiteral("other"), 1000, 100), (1000 * 1.0 + 100 * 2.0) / 1e6);
    QCOMPARE(ProviderConfig {}.costUsd(QStringLiteral("x"), 1000, 1000), 0.0);
}

void TestProviderConfig::engineRegistersConfiguredProviders()
{
    FakeOpenAiServer server;
    QVERIFY(server.listen());
    EngineConfig config;
    ProviderConfig openai = fakeConfig(ProviderKind::OpenAi, server.baseUrl(), QStringLiteral("qwen"));
    openai.prices.insert(QStringLiteral("*"), ModelPrice {2, 4});
    ProviderConfig sim = *ProviderConfig::preset(u"simulated");
    sim.name = QStringLiteral("sim2");
    config.providers = {openai, sim};
    ProviderEngine harness(config, std::make_unique<MemoryStore>());
    QVERIFY(harness.engine.provider(QStringLiteral("qwen")));
    QVERIFY(harness.engine.provider(QStringLiteral("sim2")));
    QVERIFY(harness.engine.provider(QStringLiteral("simulated")));
    auto swarm = harness.createSwarm(QStringLiteral("qwen"));
    QS_VERIFY_OK(swarm);
    auto tasks = harness.runWorkload(swarm->id, 0, 4);
    QS_VERIFY_OK(tasks);
    for (const Api::Task &t : tasks.value()) {
        QCOMPARE(t.state, Api::TaskState::Succeeded);
        QCOMPARE(t.result->answer, QStringLiteral("A"));
        QCOMPARE(t.result->agreement, 0.8);
        QCOMPARE(t.costUsd, 5 * (11 * 2.0 + 2 * 4.0) / 1e6); // usage priced per call, summed per task
    }
    QCOMPARE(server.requests().size(), 20);
    // Agents of a real provider are checked against its parameters.
    Api::AgentSpec bad;
    bad.name = QStringLiteral("bad");
    bad.provider = QStringLiteral("qwen");
    bad.parameters = {{QStringLiteral("accuracy"), 0.5}};
    const auto refused
        = await<Api::Agent>([&](QObject *, auto done) { harness.engine.spawnAgent(swarm->id, bad, done); });
    QS_VERIFY_ERROR(refused, Api::ErrorCode::InvalidArgument);
}

void TestProviderConfig::keysReachNothingButTheirServer()
{
    const QByteArray fileKey = "sk-file-SECRET-9e8d7c6b5a4f3e2d";
    const QByteArray envKey = "sk-env-SECRET-1a2b3c4d5e6f7a8b";
    FakeOpenAiServer good;
    FakeAnthropicServer bad;
    QVERIFY(good.listen() && bad.listen());
    good.requireKey(fileKey);
    bad.requireKey("not-the-key-it-gets"); // answers 401, echoing the key it got
    bad.script({{FakeMode::ServerError, 0}}); // and opens the circuit first
    QTemporaryDir dir;
    const QJsonObject file {
        {QStringLiteral("providers"),
         QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("good")},
                                  {QStringLiteral("kind"), QStringLiteral("openai")},
                                  {QStringLiteral("base_url"), good.baseUrl()},
                                  {QStringLiteral("stream"), true},
                                  {QStringLiteral("key"), QString::fromLatin1(fileKey)}},
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("bad")},
                                  {QStringLiteral("kind"), QStringLiteral("anthropic")},
                                  {QStringLiteral("base_url"), bad.url().toString()},
                                  {QStringLiteral("key"), QStringLiteral("env:BAD_KEY")},
                                  {QStringLiteral("circuit"), QJsonObject {{QStringLiteral("failure_threshold"), 1}}},
                                  {QStringLiteral("retry"), QJsonObject {{QStringLiteral("initial_delay_ms"), 10}}}}}}};
    const QString path = writeConfig(dir, QStringLiteral("providers.json"), compact(file), privateMode);
    auto configs = ProviderConfigFile::load(path, environment({{QStringLiteral("BAD_KEY"), envKey}}));
    QS_VERIFY_OK(configs);
    capturedLog.clear();
    const QtMessageHandler previous = qInstallMessageHandler(&captureMessages);
    QByteArray everything = runAndShowEverything(configs.value(), dir.filePath(QStringLiteral("store.sqlite3")));
    qInstallMessageHandler(previous);
    QVERIFY(!everything.isEmpty()); // the run went as planned
    everything += capturedLog.join(QLatin1Char('\n')).toUtf8();
    // The recordings, and everything else the store holds, on disk.
    for (const QFileInfo &f : QDir(dir.path()).entryInfoList(QDir::Files)) {
        QFile stored(f.filePath());
        QVERIFY(stored.open(QIODevice::ReadOnly));
        if (f.fileName() != QLatin1StringView("providers.json"))
            everything += stored.readAll();
    }
    QVERIFY(everything.contains("task 1 agent 0")); // the recordings are there
    QVERIFY(everything.contains("Incorrect API key")); // so is the 401 error
    for (const QByteArray &key : {fileKey, envKey}) {
        QVERIFY2(!everything.contains(key), key.constData());
        QVERIFY2(!everything.contains(key.left(10)), key.constData());
        QVERIFY2(!everything.contains(key.right(10)), key.constData());
    }
    // The key did reach its own server, in its header.
    QCOMPARE(good.requests().at(0).header("authorization"), QByteArray("Bearer " + fileKey));
    QCOMPARE(bad.requests().at(0).header("x-api-key"), envKey);
}

QTEST_GUILESS_MAIN(TestProviderConfig)
#include "tst_providerconfig.moc"
