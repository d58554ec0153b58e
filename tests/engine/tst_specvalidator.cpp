#include "agents/agentregistry.h"
#include "consensus/strategyregistry.h"
#include "providers/providerregistry.h"
#include "providers/simulatedprovider.h"
#include "runtime/specvalidator.h"

#include <testsupport.h>

#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;

namespace {

constexpr qint64 nowMs = 1700000000000;
constexpr qint64 thirtyDaysMs = 30LL * 24 * 3600 * 1000;

Api::AgentSpec validAgent(const QString &name = u"alice"_s)
{
    Api::AgentSpec spec;
    spec.name = name;
    spec.role = Api::AgentRole::Worker;
    spec.provider = u"simulated"_s;
    spec.model = u"sim-1"_s;
    spec.parameters = {{u"accuracy"_s, 0.9}, {u"temperature"_s, 0.2}};
    spec.systemPrompt = u"Be brief."_s;
    spec.tags = {u"geo"_s, u"fast"_s};
    spec.limits = Api::AgentLimits {4, 10.0};
    return spec;
}

Api::AgentSpec agentWith(const std::function<void(Api::AgentSpec &)> &change)
{
    Api::AgentSpec spec = validAgent();
    change(spec);
    return spec;
}

Api::SwarmSpec validSwarm()
{
    Api::SwarmSpec spec;
    spec.name = u"geography"_s;
    spec.topology = Api::Topology::Star;
    spec.defaultStrategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"first"_s}}};
    spec.agents = {validAgent(u"alice"_s), validAgent(u"bob"_s), validAgent(u"carol"_s)};
    return spec;
}

Api::SwarmSpec swarmWith(const std::function<void(Api::SwarmSpec &)> &change)
{
    Api::SwarmSpec spec = validSwarm();
    change(spec);
    return spec;
}

// Agents 1 and 2 are in the task's swarm.
Api::TaskSpec validTask()
{
    Api::TaskSpec spec;
    spec.swarmId = Api::SwarmId(1);
    spec.promptTemplate = u"{{agent.name}}, what is the capital of {{country}}?"_s;
    spec.variables = {{u"country"_s, u"France"_s}};
    spec.answerFormat = Api::AnswerFormat::Choice;
    spec.choices = {u"Paris"_s, u"Lyon"_s, u"Nice"_s};
    spec.referenceAnswer = u"Paris"_s;
    spec.selection.agentIds = {Api::AgentId(1), Api::AgentId(2)};
    spec.selection.requiredTags = {u"geo"_s};
    spec.selection.maxAgents = 2;
    spec.strategy = Api::StrategySpec {u"plurality"_s, {{u"min_votes"_s, 2}}};
    spec.priority = 10;
    spec.deadlineMs = nowMs + 60000;
    spec.timeoutMs = 30000;
    spec.budgetUsd = 1.5;
    spec.retry = Api::RetryPolicy {3, 100, 1000, 0.2};
    spec.idempotencyKey = QString(256, u'k');
    spec.tags = {u"demo"_s};
    return spec;
}

Api::TaskSpec taskWith(const std::function<void(Api::TaskSpec &)> &change)
{
    Api::TaskSpec spec = validTask();
    change(spec);
    return spec;
}

} // namespace

class TestSpecValidator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agentSpec_data();
    void agentSpec();
    void swarmSpec_data();
    void swarmSpec();
    void strategy_data();
    void strategy();
    void taskSpec_data();
    void taskSpec();

private:
    void verifyVerdict(const Api::Result<void> &result, const QString &path, const QString &mentions);

    QObject m_owner;
    ProviderRegistry m_providers;
    StrategyRegistry m_strategies = StrategyRegistry::withBuiltins();
    AgentRegistry m_agents;
    SwarmRuntime *m_swarm = nullptr;
    std::unique_ptr<SpecValidator> m_validator;
};

void TestSpecValidator::initTestCase()
{
    m_providers.add(std::make_unique<SimulatedProvider>(&m_owner, 1), 0);
    Api::Swarm swarm;
    swarm.id = Api::SwarmId(1);
    swarm.name = u"geography"_s;
    m_swarm = &m_agents.addSwarm(swarm);
    for (quint64 id : {1, 2}) {
        Api::Agent agent;
        agent.id = Api::AgentId(id);
        agent.spec = validAgent(u"agent-%1"_s.arg(id));
        m_agents.addAgent(*m_swarm, agent);
    }
    // An agent of another swarm.
    Api::Swarm other;
    other.id = Api::SwarmId(2);
    other.name = u"other"_s;
    Api::Agent stranger;
    stranger.id = Api::AgentId(3);
    stranger.spec = validAgent(u"stranger"_s);
    m_agents.addAgent(m_agents.addSwarm(other), stranger);
    m_validator = std::make_unique<SpecValidator>(m_providers, m_strategies);
}

// `path` empty: the spec is valid. Otherwise an InvalidArgument whose details and message name `path`, and
// whose message contains `mentions`.
void TestSpecValidator::verifyVerdict(const Api::Result<void> &result, const QString &path, const QString &mentions)
{
    if (path.isEmpty()) {
        QS_VERIFY_OK(result);
        return;
    }
    QS_VERIFY_ERROR(result, Api::ErrorCode::InvalidArgument);
    QCOMPARE(result.error().details.value(u"path"_s).toString(), path);
    QVERIFY2(result.error().message.startsWith(QString(path + u": "_s)), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
}

void TestSpecValidator::agentSpec_data()
{
    QTest::addColumn<Api::AgentSpec>("spec");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("valid") << validAgent() << QString() << QString();
    QTest::newRow("no parameters, no limits") << agentWith([](Api::AgentSpec &s) {
        s.parameters = {};
        s.limits = Api::AgentLimits {0, 0};
        s.tags = {};
    }) << QString() << QString();
    QTest::newRow("name of 64 characters")
        << agentWith([](Api::AgentSpec &s) { s.name = QString(64, u'n'); }) << QString() << QString();

    QTest::newRow("empty name") << agentWith([](Api::AgentSpec &s) { s.name.clear(); }) << u"name"_s << QString();
    QTest::newRow("blank name") << agentWith([](Api::AgentSpec &s) { s.name = u"   "_s; }) << u"name"_s << QString();
    QTest::newRow("name too long") << agentWith([](Api::AgentSpec &s) { s.name = QString(65, u'n'); }) << u"name"_s
                                   << u"64"_s;
    QTest::newRow("leading spaces") << agentWith([](Api::AgentSpec &s) { s.name = u"  alice"_s; }) << u"name"_s
                                    << u"spaces"_s;
    QTest::newRow("trailing space") << agentWith([](Api::AgentSpec &s) { s.name = u"alice "_s; }) << u"name"_s
                                    << u"spaces"_s;
    QTest::newRow("unknown provider") << agentWith([](Api::AgentSpec &s) { s.provider = u"openai"_s; }) << u"provider"_s
                                      << u"openai"_s;
    QTest::newRow("provider parameter out of range") << agentWith([](Api::AgentSpec &s) {
        s.parameters = {{u"accuracy"_s, 1.5}};
    }) << u"parameters.accuracy"_s << QString();
    QTest::newRow("unknown provider parameter") << agentWith([](Api::AgentSpec &s) {
        s.parameters = {{u"x"_s, 1}};
    }) << u"parameters.x"_s << QString();
    QTest::newRow("model too long") << agentWith([](Api::AgentSpec &s) { s.model = QString(257, u'm'); }) << u"model"_s
                                    << QString();
    QTest::newRow("system prompt too long")
        << agentWith([](Api::AgentSpec &s) { s.systemPrompt = QString((1 << 20) + 1, u's'); }) << u"system_prompt"_s
        << QString();
    QTest::newRow("empty tag") << agentWith([](Api::AgentSpec &s) {
        s.tags = {u"geo"_s, QString()};
    }) << u"tags"_s << QString();
    QTest::newRow("too many tags") << agentWith([](Api::AgentSpec &s) {
        s.tags.clear();
        for (int i = 0; i < 65; ++i)
            s.tags << u"t%1"_s.arg(i);
    }) << u"tags"_s << QString();
    QTest::newRow("negative concurrency") << agentWith([](Api::AgentSpec &s) { s.limits.maxConcurrency = -1; })
                                          << u"limits.max_concurrency"_s << QString();
    QTest::newRow("concurrency too high") << agentWith([](Api::AgentSpec &s) { s.limits.maxConcurrency = 100001; })
                                          << u"limits.max_concurrency"_s << QString();
    QTest::newRow("negative budget") << agentWith([](Api::AgentSpec &s) { s.limits.budgetUsd = -0.01; })
                                     << u"limits.budget_usd"_s << QString();
    QTest::newRow("budget too high") << agentWith([](Api::AgentSpec &s) { s.limits.budgetUsd = 2e9; })
                                     << u"limits.budget_usd"_s << QString();
}

void TestSpecValidator::agentSpec()
{
    QFETCH(Api::AgentSpec, spec);
    QFETCH(QString, path);
    QFETCH(QString, mentions);
    verifyVerdict(m_validator->agentSpec(spec), path, mentions);
}

void TestSpecValidator::swarmSpec_data()
{
    QTest::addColumn<Api::SwarmSpec>("spec");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("valid") << validSwarm() << QString() << QString();
    QTest::newRow("no agents yet") << swarmWith([](Api::SwarmSpec &s) { s.agents.clear(); }) << QString() << QString();

    QTest::newRow("blank name") << swarmWith([](Api::SwarmSpec &s) { s.name = u" "_s; }) << u"name"_s << QString();
    QTest::newRow("name too long") << swarmWith([](Api::SwarmSpec &s) { s.name = QString(65, u's'); }) << u"name"_s
                                   << QString();
    QTest::newRow("leading spaces") << swarmWith([](Api::SwarmSpec &s) { s.name = u" geo"_s; }) << u"name"_s
                                    << QString();
    QTest::newRow("unknown default strategy") << swarmWith([](Api::SwarmSpec &s) {
        s.defaultStrategy = Api::StrategySpec {u"coin_flip"_s, {}};
    }) << u"default_strategy.name"_s << u"coin_flip"_s;
    QTest::newRow("bad default strategy parameter") << swarmWith([](Api::SwarmSpec &s) {
        s.defaultStrategy.parameters = {{u"tie_break"_s, u"coin"_s}};
    }) << u"default_strategy.parameters.tie_break"_s << QString();
    QTest::newRow("duplicate agent names")
        << swarmWith([](Api::SwarmSpec &s) { s.agents[1].name = u"alice"_s; }) << u"agents[1].name"_s << u"alice"_s;
    QTest::newRow("duplicate of an earlier agent, later")
        << swarmWith([](Api::SwarmSpec &s) { s.agents[2].name = u"bob"_s; }) << u"agents[2].name"_s << u"bob"_s;
    QTest::newRow("too many agents") << swarmWith([](Api::SwarmSpec &s) {
        s.agents.clear();
        for (int i = 0; i < 10001; ++i)
            s.agents.append(validAgent(u"a%1"_s.arg(i)));
    }) << u"agents"_s << u"10000"_s;
    QTest::newRow("nested: first agent's name")
        << swarmWith([](Api::SwarmSpec &s) { s.agents[0].name.clear(); }) << u"agents[0].name"_s << QString();
    QTest::newRow("nested: provider parameter") << swarmWith([](Api::SwarmSpec &s) {
        s.agents[1].parameters = {{u"failure_rate"_s, 2}};
    }) << u"agents[1].parameters.failure_rate"_s << QString();
    QTest::newRow("nested: unknown provider")
        << swarmWith([](Api::SwarmSpec &s) { s.agents[2].provider = u"x"_s; }) << u"agents[2].provider"_s << QString();
    QTest::newRow("nested: limits") << swarmWith([](Api::SwarmSpec &s) { s.agents[1].limits.maxConcurrency = -5; })
                                    << u"agents[1].limits.max_concurrency"_s << QString();
}

void TestSpecValidator::swarmSpec()
{
    QFETCH(Api::SwarmSpec, spec);
    QFETCH(QString, path);
    QFETCH(QString, mentions);
    verifyVerdict(m_validator->swarmSpec(spec), path, mentions);
}

void TestSpecValidator::strategy_data()
{
    QTest::addColumn<Api::StrategySpec>("spec");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("plurality") << Api::StrategySpec() << QString() << QString();
    QTest::newRow("plurality with parameters")
        << Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"lexicographic"_s}, {u"min_votes"_s, 3}}} << QString()
        << QString();
    QTest::newRow("unknown strategy") << Api::StrategySpec {u"coin_flip"_s, {}} << u"name"_s << u"plurality"_s;
    QTest::newRow("unknown parameter") << Api::StrategySpec {u"plurality"_s, {{u"x"_s, 1}}} << u"parameters.x"_s
                                       << QString();
}

void TestSpecValidator::strategy()
{
    QFETCH(Api::StrategySpec, spec);
    QFETCH(QString, path);
    QFETCH(QString, mentions);
    verifyVerdict(m_validator->strategy(spec), path, mentions);
}

void TestSpecValidator::taskSpec_data()
{
    QTest::addColumn<Api::TaskSpec>("spec");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("valid") << validTask() << QString() << QString();
    QTest::newRow("minimal") << taskWith([](Api::TaskSpec &s) {
        const Api::SwarmId swarm = s.swarmId;
        s = Api::TaskSpec();
        s.swarmId = swarm;
        s.promptTemplate = u"Say A."_s;
    }) << QString() << QString();
    QTest::newRow("free text needs no choices") << taskWith([](Api::TaskSpec &s) {
        s.answerFormat = Api::AnswerFormat::FreeText;
        s.choices.clear();
    }) << QString() << QString();
    QTest::newRow("range ends") << taskWith([](Api::TaskSpec &s) {
        s.priority = -1000;
        s.timeoutMs = thirtyDaysMs;
        s.deadlineMs = nowMs + 1;
        s.retry = Api::RetryPolicy {20, 0, 3600000, 1.0};
    }) << QString() << QString();

    // Prompt
    QTest::newRow("empty prompt") << taskWith([](Api::TaskSpec &s) { s.promptTemplate.clear(); }) << u"prompt"_s
                                  << QString();
    QTest::newRow("blank prompt") << taskWith([](Api::TaskSpec &s) { s.promptTemplate = u" \n "_s; }) << u"prompt"_s
                                  << QString();
    QTest::newRow("prompt over 1 MiB") << taskWith([](Api::TaskSpec &s) {
        s.promptTemplate = QString((1 << 20) + 1, u'p');
    }) << u"prompt"_s << QString();
    QTest::newRow("unbound variable") << taskWith([](Api::TaskSpec &s) { s.variables = {}; }) << u"prompt"_s
                                      << u"country"_s;
    QTest::newRow("unterminated placeholder")
        << taskWith([](Api::TaskSpec &s) { s.promptTemplate = u"capital of {{country"_s; }) << u"prompt"_s
        << u"unterminated"_s;

    // Choices
    QTest::newRow("one choice") << taskWith([](Api::TaskSpec &s) { s.choices = {u"Paris"_s}; }) << u"choices"_s
                                << QString();
    QTest::newRow("no choices") << taskWith([](Api::TaskSpec &s) { s.choices.clear(); }) << u"choices"_s << QString();
    QTest::newRow("duplicate choices, other case") << taskWith([](Api::TaskSpec &s) {
        s.choices = {u"Paris"_s, u"Lyon"_s, u"PARIS"_s};
    }) << u"choices"_s << QString();
    QTest::newRow("blank choice") << taskWith([](Api::TaskSpec &s) {
        s.choices = {u"Paris"_s, u"  "_s};
    }) << u"choices"_s << QString();

    // Selection
    QTest::newRow("agent not in the swarm") << taskWith([](Api::TaskSpec &s) {
        s.selection.agentIds = {Api::AgentId(1), Api::AgentId(3)};
    }) << u"selection.agent_ids[1]"_s << QString();
    QTest::newRow("unknown agent") << taskWith([](Api::TaskSpec &s) { s.selection.agentIds = {Api::AgentId(99)}; })
                                   << u"selection.agent_ids[0]"_s << u"99"_s;
    QTest::newRow("negative max agents") << taskWith([](Api::TaskSpec &s) { s.selection.maxAgents = -1; })
                                         << u"selection.max_agents"_s << QString();
    QTest::newRow("max agents over 10000")
        << taskWith([](Api::TaskSpec &s) { s.selection.maxAgents = 10001; }) << u"selection.max_agents"_s << QString();
    QTest::newRow("empty required tag") << taskWith([](Api::TaskSpec &s) { s.selection.requiredTags = {QString()}; })
                                        << u"selection.required_tags"_s << QString();

    // Strategy
    QTest::newRow("unknown strategy") << taskWith([](Api::TaskSpec &s) {
        s.strategy = Api::StrategySpec {u"coin_flip"_s, {}};
    }) << u"strategy.name"_s << u"coin_flip"_s;
    QTest::newRow("bad strategy parameter") << taskWith([](Api::TaskSpec &s) {
        s.strategy = Api::StrategySpec {u"plurality"_s, {{u"x"_s, 1}}};
    }) << u"strategy.parameters.x"_s << QString();
    QTest::newRow("bad min_votes") << taskWith([](Api::TaskSpec &s) {
        s.strategy = Api::StrategySpec {u"plurality"_s, {{u"min_votes"_s, 0}}};
    }) << u"strategy.parameters.min_votes"_s
                                   << QString();

    // Ranges
    QTest::newRow("priority too high") << taskWith([](Api::TaskSpec &s) { s.priority = 1001; }) << u"priority"_s
                                       << QString();
    QTest::newRow("priority too low") << taskWith([](Api::TaskSpec &s) { s.priority = -1001; }) << u"priority"_s
                                      << QString();
    QTest::newRow("deadline in the past")
        << taskWith([](Api::TaskSpec &s) { s.deadlineMs = nowMs - 1; }) << u"deadline"_s << QString();
    QTest::newRow("deadline now") << taskWith([](Api::TaskSpec &s) { s.deadlineMs = nowMs; }) << u"deadline"_s
                                  << QString();
    QTest::newRow("negative timeout") << taskWith([](Api::TaskSpec &s) { s.timeoutMs = -1; }) << u"timeout_ms"_s
                                      << QString();
    QTest::newRow("timeout over 30 days")
        << taskWith([](Api::TaskSpec &s) { s.timeoutMs = thirtyDaysMs + 1; }) << u"timeout_ms"_s << QString();
    QTest::newRow("negative budget") << taskWith([](Api::TaskSpec &s) { s.budgetUsd = -1; }) << u"budget_usd"_s
                                     << QString();
    QTest::newRow("budget over 1e9") << taskWith([](Api::TaskSpec &s) { s.budgetUsd = 1e10; }) << u"budget_usd"_s
                                     << QString();
    QTest::newRow("no attempts") << taskWith([](Api::TaskSpec &s) { s.retry.maxAttempts = 0; })
                                 << u"retry.max_attempts"_s << QString();
    QTest::newRow("too many attempts") << taskWith([](Api::TaskSpec &s) { s.retry.maxAttempts = 21; })
                                       << u"retry.max_attempts"_s << QString();
    QTest::newRow("negative initial backoff")
        << taskWith([](Api::TaskSpec &s) { s.retry.initialBackoffMs = -1; }) << u"retry"_s << QString();
    QTest::newRow("max backoff over an hour")
        << taskWith([](Api::TaskSpec &s) { s.retry.maxBackoffMs = 3600001; }) << u"retry"_s << QString();
    QTest::newRow("max backoff below initial") << taskWith([](Api::TaskSpec &s) {
        s.retry.initialBackoffMs = 2000;
        s.retry.maxBackoffMs = 1000;
    }) << u"retry.max_backoff_ms"_s << QString();
    QTest::newRow("jitter above 1") << taskWith([](Api::TaskSpec &s) { s.retry.jitter = 1.5; }) << u"retry.jitter"_s
                                    << QString();
    QTest::newRow("negative jitter") << taskWith([](Api::TaskSpec &s) { s.retry.jitter = -0.1; }) << u"retry.jitter"_s
                                     << QString();
    QTest::newRow("idempotency key too long")
        << taskWith([](Api::TaskSpec &s) { s.idempotencyKey = QString(257, u'k'); }) << u"idempotency_key"_s
        << QString();
    QTest::newRow("too many task tags") << taskWith([](Api::TaskSpec &s) {
        s.tags.clear();
        for (int i = 0; i < 65; ++i)
            s.tags << u"t%1"_s.arg(i);
    }) << u"tags"_s << QString();
    QTest::newRow("empty task tag") << taskWith([](Api::TaskSpec &s) { s.tags = {QString()}; }) << u"tags"_s
                                    << QString();
}

void TestSpecValidator::taskSpec()
{
    QFETCH(Api::TaskSpec, spec);
    QFETCH(QString, path);
    QFETCH(QString, mentions);
    verifyVerdict(m_validator->taskSpec(spec, *m_swarm, nowMs), path, mentions);
}

QTEST_GUILESS_MAIN(TestSpecValidator)
#include "tst_specvalidator.moc"
