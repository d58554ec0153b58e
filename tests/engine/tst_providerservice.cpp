// Providers an operator manages through the Backend: kept in the store across restarts, replaced
// while calls are under way, keys from the keychain hook, and no key anywhere it could be read.
#include <backend/inprocessbackend.h>
#include <fakeopenaiserver.h>
#include <store/groupcommitstore.h>
#include <store/sqlitestore.h>
#include <store/threadedstore.h>
#include <testsupport.h>

#include <api/json.h>
#include <api/jsonprovider.h>

#include <QJsonDocument>
#include <QTemporaryDir>

using namespace QwenSwarm;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;
using Api::ErrorCode;

namespace {

const QByteArray secret = "sk-provider-secret-4242";

QByteArray compact(const QJsonValue &json)
{
    return QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestProviderService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Engine::InProcessBackend> open(Engine::EngineConfig config = {})
    {
        auto opened = Engine::SqliteStore::open(m_dir.filePath(u"providers.sqlite3"_s));
        if (!opened)
            return nullptr;
        return std::make_unique<Engine::InProcessBackend>(
            std::move(config),
            std::make_unique<Engine::ThreadedStore>(
                std::make_unique<Engine::GroupCommitStore>(std::move(opened).value())));
    }

    template<typename T, typename Call>
    Api::Result<T> ask(Call call)
    {
        return await<T>([&](QObject *context, auto done) { call(context, done); });
    }

    Api::ProviderSettings local(const QString &model = u"m1"_s) const
    {
        Api::ProviderSettings s;
        s.name = u"local"_s;
        s.baseUrl = m_server.baseUrl();
        s.defaultModel = model;
        return s;
    }

    /// A swarm of one agent that calls the provider "local".
    Api::Result<Api::Swarm> swarmOnLocal(Api::Backend &backend)
    {
        Api::SwarmSpec spec;
        spec.name = u"s"_s;
        Api::AgentSpec agent;
        agent.name = u"a"_s;
        agent.provider = u"local"_s;
        spec.agents = {agent};
        return ask<Api::Swarm>([&](QObject *c, auto d) { backend.createSwarm(spec, c, d); });
    }

    Api::Result<Api::Task> runTask(Api::Backend &backend, Api::SwarmId swarm)
    {
        Api::TaskSpec spec;
        spec.swarmId = swarm;
        spec.promptTemplate = u"task 1 agent 0"_s;
        auto task = ask<Api::Task>([&](QObject *c, auto d) { backend.submitTask(spec, c, d); });
        if (!task)
            return task;
        Api::Result<Api::Task> now = task;
        spinUntil([&] {
            now = ask<Api::Task>([&](QObject *c, auto d) { backend.task(task->id, c, d); });
            return !now || Api::isTerminal(now->state);
        });
        return now;
    }

    QTemporaryDir m_dir;
    FakeOpenAiServer m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.listen()); }

    void init()
    {
        QFile::remove(m_dir.filePath(u"providers.sqlite3"_s));
        m_server.script({});
        m_server.requireKey({});
        m_server.clearRequests();
    }

    void operatorProvidersServeAgentsAndOutliveARestart()
    {
        Api::SwarmId swarmId;
        {
            auto backend = open();
            QVERIFY(backend);
            QS_VERIFY_OK(ask<Api::ProviderInfo>([&](QObject *c, auto d) { backend->putProvider(local(), c, d); }));
            const auto swarm = swarmOnLocal(*backend);
            QS_VERIFY_OK(swarm);
            swarmId = swarm->id;
            const auto task = runTask(*backend, swarmId);
            QS_VERIFY_OK(task);
            QCOMPARE(task->state, Api::TaskState::Succeeded);
        }
        auto backend = open();
        QVERIFY(backend);
        const auto listed = ask<QList<Api::ProviderInfo>>([&](QObject *c, auto d) { backend->listProviders(c, d); });
        QS_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).settings, local());
        QCOMPARE(listed->at(0).origin, Api::ProviderOrigin::Operator);
        QCOMPARE(listed->at(0).agents, 1);
        // Its agents came back able to call it (an agent whose provider is missing comes back failed).
        const auto agents = ask<QList<Api::Agent>>([&](QObject *c, auto d) { backend->listAgents(swarmId, c, d); });
        QS_VERIFY_OK(agents);
        QCOMPARE(agents->first().state, Api::AgentState::Idle);
        const auto again = runTask(*backend, swarmId);
        QS_VERIFY_OK(again);
        QCOMPARE(again->state, Api::TaskState::Succeeded);
    }

    void aRemovedProviderStaysRemoved()
    {
        {
            auto backend = open();
            QS_VERIFY_OK(ask<Api::ProviderInfo>([&](QObject *c, auto d) { backend->putProvider(local(), c, d); }));
            QS_VERIFY_OK(ask<void>([&](QObject *c, auto d) { backend->removeProvider(u"local"_s, c, d); }));
        }
        auto backend = open();
        const auto listed = ask<QList<Api::ProviderInfo>>([&](QObject *c, auto d) { backend->listProviders(c, d); });
        QS_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
    }

    // A call under way when its provider is replaced finishes on the old settings; the next call
    // uses the new ones.
    void replacingAProviderLetsCallsUnderWayFinish()
    {
        auto backend = open();
        QS_VERIFY_OK(ask<Api::ProviderInfo>([&](QObject *c, auto d) { backend->putProvider(local(u"old"_s), c, d); }));
        const auto swarm = swarmOnLocal(*backend);
        QS_VERIFY_OK(swarm);
        m_server.script({{FakeMode::SlowFirstByte, 800}});
        Api::TaskSpec task;
        task.swarmId = swarm->id;
        task.promptTemplate = u"task 1 agent 0"_s;
        const auto submitted = ask<Api::Task>([&](QObject *c, auto d) { backend->submitTask(task, c, d); });
        QS_VERIFY_OK(submitted);
        QVERIFY(spinUntil([&] { return m_server.requests().size() == 1; }));
        QS_VERIFY_OK(ask<Api::ProviderInfo>([&](QObject *c, auto d) { backend->putProvider(local(u"new"_s), c, d); }));
        Api::Task first;
        QVERIFY(spinUntil([&] {
            first = ask<Api::Task>([&](QObject *c, auto d) { backend->task(submitted->id, c, d); }).value();
            return Api::isTerminal(first.state);
        }));
        QCOMPARE(first.state, Api::TaskState::Succeeded);
        const auto second = runTask(*backend, swarm->id);
        QS_VERIFY_OK(second);
        QCOMPARE(second->state, Api::TaskState::Succeeded);
        QCOMPARE(m_server.requests().size(), 2);
        QCOMPARE(m_server.requests().at(0).json.value(u"model"_s).toString(), u"old"_s);
        QCOMPARE(m_server.requests().at(1).json.value(u"model"_s).toString(), u"new"_s);
    }

    // The console hands keychain keys to an embedded core; they reach the server and nothing else.
    void keychainKeysReachTheServerOnly()
    {
        m_server.requireKey(secret);
        auto backend = open();
        Api::ProviderSettings settings = local();
        settings.keyRef = u"keychain"_s;
        const auto added = ask<Api::ProviderInfo>([&](QObject *c, auto d) { backend->putProvider(settings, c, d); });
        QS_VERIFY_OK(added);
        QVERIFY2(added->keyStatus.contains(u"keychain"_s), qPrintable(added->keyStatus));
        const auto before = ask<Api::ProviderCheck>([&](QObject *c, auto d) { backend->testProvider(settings, c, d); });
        QS_VERIFY_OK(before);
        QVERIFY(!before->ok());

        backend->setProviderKey(u"local"_s, secret);
        QVERIFY(spinUntil([&] {
            const auto listed
                = ask<QList<Api::ProviderInfo>>([&](QObject *c, auto d) { backend->listProviders(c, d); });
            return listed && listed->at(0).keyStatus == u"present"_s;
        }));
        const auto after = ask<Api::ProviderCheck>([&](QObject *c, auto d) { backend->testProvider(settings, c, d); });
        QS_VERIFY_OK(after);
        QVERIFY2(after->ok(), qPrintable(after->error ? after->error->message : QString()));
        QCOMPARE(m_server.requests().constLast().header("authorization"), "Bearer " + secret);

        // A wrong key's refusal names no key (the fake server echoes the key it got, as OpenAI does).
        backend->setProviderKey(u"local"_s, "sk-wrong-key-77");
        const auto listed = ask<QList<Api::ProviderInfo>>([&](QObject *c, auto d) { backend->listProviders(c, d); });
        const auto wrong = ask<Api::ProviderCheck>([&](QObject *c, auto d) { backend->testProvider(settings, c, d); });
        QS_VERIFY_OK(wrong);
        QVERIFY(!wrong->ok());
        QByteArray shown = compact(Api::toJson(*wrong)) + compact(Api::toJson(*after));
        for (const Api::ProviderInfo &info : *listed)
            shown += compact(Api::toJson(info));
        QVERIFY2(!shown.contains(secret) && !shown.contains("sk-wrong-key-77"), shown.constData());

        // The store keeps where the key comes from, never the key.
        backend.reset();
        QFile file(m_dir.filePath(u"providers.sqlite3"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret));
        QFile wal(m_dir.filePath(u"providers.sqlite3-wal"_s));
        if (wal.open(QIODevice::ReadOnly))
            QVERIFY(!wal.readAll().contains(secret));
    }

    void fileProvidersAreShownNotEdited()
    {
        Engine::EngineConfig config;
        Engine::ProviderConfig file;
        file.name = u"from-file"_s;
        file.baseUrl = m_server.baseUrl();
        file.defaultModel = u"f"_s;
        file.keyRef = u"env:QS_PROVIDER_TEST_UNSET"_s;
        file.keyProblem = u"no API key: the environment variable QS_PROVIDER_TEST_UNSET is not set"_s;
        config.providers = {file};
        auto backend = open(config);
        const auto listed = ask<QList<Api::ProviderInfo>>([&](QObject *c, auto d) { backend->listProviders(c, d); });
        QS_VERIFY_OK(listed);
        QCOMPARE(listed->at(0).origin, Api::ProviderOrigin::File);
        QCOMPARE(listed->at(0).settings.keyRef, u"env:QS_PROVIDER_TEST_UNSET"_s);
        QVERIFY(listed->at(0).keyStatus.contains(u"QS_PROVIDER_TEST_UNSET"_s));
        Api::ProviderSettings change = local();
        change.name = u"from-file"_s;
        const auto refused = ask<Api::ProviderInfo>([&](QObject *c, auto d) { backend->putProvider(change, c, d); });
        QS_VERIFY_ERROR(refused, ErrorCode::InvalidState);
        QVERIFY(refused.error().message.contains(u"configuration file"_s));
        QS_VERIFY_ERROR((ask<void>([&](QObject *c, auto d) { backend->removeProvider(u"from-file"_s, c, d); })),
                        ErrorCode::InvalidState);
        // Tried by name, as configured (here: without its key).
        Api::ProviderSettings byName;
        byName.name = u"from-file"_s;
        const auto tried = ask<Api::ProviderCheck>([&](QObject *c, auto d) { backend->testProvider(byName, c, d); });
        QS_VERIFY_OK(tried);
        QVERIFY(!tried->ok());
        QVERIFY(tried->error->message.contains(u"QS_PROVIDER_TEST_UNSET"_s));
    }

    // A stored operator provider whose name the configuration file now also uses stays out: the
    // file's is the one agents call.
    void theFileWinsOverAStoredProviderOfTheSameName()
    {
        {
            auto backend = open();
            QS_VERIFY_OK(ask<Api::ProviderInfo>([&](QObject *c, auto d) { backend->putProvider(local(), c, d); }));
        }
        Engine::EngineConfig config;
        Engine::ProviderConfig file;
        file.name = u"local"_s;
        file.baseUrl = m_server.baseUrl();
        file.defaultModel = u"from-file"_s;
        config.providers = {file};
        auto backend = open(config);
        const auto listed = ask<QList<Api::ProviderInfo>>([&](QObject *c, auto d) { backend->listProviders(c, d); });
        QS_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).origin, Api::ProviderOrigin::File);
        QCOMPARE(listed->at(0).settings.defaultModel, u"from-file"_s);
    }

    void settingsRoundTripAsJson()
    {
        Api::ProviderSettings s = local();
        s.kind = u"anthropic"_s;
        s.parameters = {{u"temperature"_s, 0.2}};
        s.concurrency = 3;
        s.requestsPerMinute = 60;
        s.tokensPerMinute = 1000;
        s.prices = {{u"*"_s, 1, 2}, {u"big"_s, 3, 4}};
        s.stream = true;
        s.keyRef = u"env:KEY"_s;
        QCOMPARE(Api::fromJson<Api::ProviderSettings>(Api::toJson(s)).value(), s);
        Api::ProviderInfo info {s, Api::ProviderOrigin::File, u"present"_s, u"open"_s, 2};
        QCOMPARE(Api::fromJson<Api::ProviderInfo>(Api::toJson(info)).value(), info);
        Api::ProviderCheck check {u"local"_s, u"m"_s, 12, u"OK"_s, std::nullopt};
        QCOMPARE(Api::fromJson<Api::ProviderCheck>(Api::toJson(check)).value(), check);
        check.error = Api::makeError(ErrorCode::ProviderError, u"no"_s);
        check.answer.clear();
        QCOMPARE(Api::fromJson<Api::ProviderCheck>(Api::toJson(check)).value(), check);
    }
};

QTEST_GUILESS_MAIN(TestProviderService)
#include "tst_providerservice.moc"
