// Agents' memory in the engine: an agent that asks for context gets its recent memory (its own and
// its swarm's) in its system prompt, as a real OpenAI-compatible server receives it; its turns and
// the swarm's decisions are recorded when asked for; memory given as context counts as used. The
// store is SQLite on its own thread, as the programs run it, so the memory is read asynchronously.
#include "fakeopenaiserver.h"
#include "memory/memoryservice.h"
#include "prompt/memorycontext.h"
#include "providerengineharness.h"
#include "providertesthelpers.h"
#include "store/groupcommitstore.h"
#include "store/sqlitestore.h"
#include "store/threadedstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;

class TestAgentMemory : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void contextIsRendered();
    void agentsRememberWhatTheyAskFor();
    void agentsWithoutMemoryOptionsGetNoneAndLeaveNone();

private:
    std::unique_ptr<ProviderEngine> engine();
    Api::Result<Api::Swarm> createSwarm(ProviderEngine &h, const Api::MemoryOptions &agent,
                                        const Api::MemoryOptions &swarm);
    QStringList systemPrompts() const;
    Api::Result<QList<Api::MemoryEntry>> memory(ProviderEngine &h, const Api::MemoryQuery &query);

    QTemporaryDir m_dir;
    std::unique_ptr<FakeOpenAiServer> m_server;
};

void TestAgentMemory::init()
{
    m_server = std::make_unique<FakeOpenAiServer>();
    QVERIFY(m_server->listen());
}

void TestAgentMemory::cleanup()
{
    m_server.reset();
}

std::unique_ptr<ProviderEngine> TestAgentMemory::engine()
{
    EngineConfig config;
    config.providers = {fakeConfig(ProviderKind::OpenAi, m_server->baseUrl(), u"llm"_s)};
    static int files = 0;
    auto sqlite = SqliteStore::open(m_dir.filePath(u"memory-%1.sqlite3"_s.arg(++files)));
    if (!sqlite)
        qFatal("%s", qPrintable(sqlite.error().message));
    return std::make_unique<ProviderEngine>(
        config, std::make_unique<ThreadedStore>(std::make_unique<GroupCommitStore>(std::move(sqlite).value())));
}

Api::Result<Api::Swarm> TestAgentMemory::createSwarm(ProviderEngine &h, const Api::MemoryOptions &agent,
                                                     const Api::MemoryOptions &swarm)
{
    Api::SwarmSpec spec;
    spec.name = u"rememberers"_s;
    spec.memory = swarm;
    Api::AgentSpec a;
    a.name = u"agent-0"_s;
    a.provider = u"llm"_s;
    a.systemPrompt = u"Answer A or B."_s;
    a.memory = agent;
    spec.agents = {a};
    return await<Api::Swarm>([&](QObject *, auto done) { h.engine.createSwarm(spec, done); });
}

// The system message of every request the server received, in order.
QStringList TestAgentMemory::systemPrompts() const
{
    QStringList prompts;
    for (const FakeRequest &r : m_server->requests()) {
        const QJsonArray messages = r.json.value(u"messages"_s).toArray();
        for (const QJsonValue &m : messages) {
            if (m.toObject().value(u"role"_s).toString() == u"system"_s)
                prompts.append(m.toObject().value(u"content"_s).toString());
        }
    }
    return prompts;
}

Api::Result<QList<Api::MemoryEntry>> TestAgentMemory::memory(ProviderEngine &h, const Api::MemoryQuery &query)
{
    auto page = await<Api::Page<Api::MemoryEntry>>(
        [&](QObject *, auto done) { MemoryService(h.engine.context()).query(query, done); });
    if (!page)
        return page.error();
    return page->items;
}

void TestAgentMemory::contextIsRendered()
{
    QCOMPARE(MemoryContext::render({}), QString());
    Api::MemoryEntry fact;
    fact.kind = Api::MemoryKind::Fact;
    fact.text = u"The capital\n of France is Paris "_s;
    Api::MemoryEntry turn;
    turn.kind = Api::MemoryKind::Turn;
    turn.text = u"Asked: 1+1\nAnswered: 2"_s;
    QCOMPARE(MemoryContext::render({fact, turn}),
             u"What you remember (most recent first):\n- (fact) The capital of France is Paris\n"
             "- (turn) Asked: 1+1 Answered: 2"_s);
}

void TestAgentMemory::agentsRememberWhatTheyAskFor()
{
    auto h = engine();
    const auto swarm = createSwarm(*h, Api::MemoryOptions {true, 5, {}}, Api::MemoryOptions {true, 0, {}});
    QS_VERIFY_OK(swarm);
    const Api::AgentId agent = swarm->agentIds.constFirst();
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const auto fact = await<Api::MemoryEntry>([&](QObject *, auto done) {
        MemoryService(h->engine.context())
            .put(Api::MemorySpec {agent, {}, Api::MemoryKind::Fact, u"Prefer the first letter."_s, {}, 0, {}},
                 u"operator:t"_s, done);
    });
    QS_VERIFY_OK(fact);
    QTest::qWait(5); // so that a use is later than the write on the clock

    QS_VERIFY_OK(h->runWorkload(swarm->id, 1, 1)); // "task 1 agent 0": the server answers A
    QStringList prompts = systemPrompts();
    QCOMPARE(prompts.size(), 1);
    QCOMPARE(prompts[0],
             u"Answer A or B.\n\nWhat you remember (most recent first):\n- (fact) Prefer the first letter."_s);

    // The turn went to the agent's memory, the decision to the swarm's.
    Api::MemoryQuery own;
    own.agentId = agent;
    own.kinds = {Api::MemoryKind::Turn};
    QVERIFY(spinUntil([&] { return !memory(*h, own).value().isEmpty(); }));
    const QList<Api::MemoryEntry> turns = memory(*h, own).value();
    QCOMPARE(turns.size(), 1);
    QCOMPARE(turns[0].text, u"Asked: task 1 agent 0\nAnswered: A"_s);
    QCOMPARE(turns[0].source, u"engine"_s);
    Api::MemoryQuery shared;
    shared.swarmId = swarm->id;
    shared.kinds = {Api::MemoryKind::Decision};
    QVERIFY(spinUntil([&] { return !memory(*h, shared).value().isEmpty(); }));
    const QList<Api::MemoryEntry> decisions = memory(*h, shared).value();
    QCOMPARE(decisions.size(), 1);
    QVERIFY(!decisions[0].agentId.isValid());
    QVERIFY2(decisions[0].text.contains(u"decided 'a'"_s, Qt::CaseInsensitive), qPrintable(decisions[0].text));

    // The next task remembers the first one's turn and decision, newest first.
    QS_VERIFY_OK(h->runWorkload(swarm->id, 2, 1));
    prompts = systemPrompts();
    QCOMPARE(prompts.size(), 2);
    const QString second = prompts[1];
    QVERIFY2(second.indexOf(u"(decision) Task"_s) < second.indexOf(u"(turn) Asked: task 1 agent 0 Answered: A"_s),
             qPrintable(second));
    QVERIFY2(second.indexOf(u"(turn) Asked: task 1 agent 0"_s) < second.indexOf(u"(fact) Prefer the first letter."_s),
             qPrintable(second));
    QVERIFY(second.indexOf(u"(decision) Task"_s) > 0);

    // Given as context, the fact counts as used.
    Api::MemoryQuery facts;
    facts.agentId = agent;
    facts.kinds = {Api::MemoryKind::Fact};
    QVERIFY(spinUntil([&] { return memory(*h, facts).value().constFirst().lastUsedMs > fact->lastUsedMs; }));
    QVERIFY(memory(*h, facts).value().constFirst().lastUsedMs >= before);
}

void TestAgentMemory::agentsWithoutMemoryOptionsGetNoneAndLeaveNone()
{
    auto h = engine();
    const auto swarm = createSwarm(*h, {}, {});
    QS_VERIFY_OK(swarm);
    QS_VERIFY_OK((await<Api::MemoryEntry>([&](QObject *, auto done) {
        MemoryService(h->engine.context())
            .put(Api::MemorySpec {{}, swarm->id, Api::MemoryKind::Fact, u"unused"_s, {}, 0, {}}, u"operator:t"_s, done);
    })));
    QS_VERIFY_OK(h->runWorkload(swarm->id, 1, 2));
    QCOMPARE(systemPrompts(), (QStringList {u"Answer A or B."_s, u"Answer A or B."_s}));
    const auto all = memory(*h, {});
    QS_VERIFY_OK(all);
    QCOMPARE(all->size(), 1); // the fact alone: nothing was recorded
}

QTEST_GUILESS_MAIN(TestAgentMemory)
#include "tst_agentmemory.moc"
