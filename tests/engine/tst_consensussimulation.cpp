// Proof by simulation: a real Engine on the test thread, agents on the simulated provider with known
// accuracies, and the decisions its consensus strategies reach, compared with what theory predicts.
// Fixed seeds make every run the same; the sizes keep it to seconds (the larger runs belong to the
// report tool).
#include "runtime/engine.h"
#include "store/memorystore.h"

#include <testsupport.h>

#include <QTest>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace QwenSwarm::Engine {

namespace {

/// Counts the decisions an engine publishes by what they decided.
class DecisionCounter final : public EventSink
{
public:
    void deliverEvents(Api::SubscriptionId, QList<Api::Event> &&batch,
                       const std::shared_ptr<std::atomic<qint64>> &unconsumed) override
    {
        unconsumed->fetch_sub(batch.size(), std::memory_order_release);
        for (const Api::Event &e : batch) {
            const auto *d = std::get_if<Api::DecisionEvent>(&e.payload);
            if (!d)
                continue;
            ++decisions;
            if (d->outcome != Api::DecisionOutcome::Decided)
                ++undecided;
            else if (d->answer == QLatin1StringView("A"))
                ++right;
            else
                ++wrong;
        }
    }
    void deliverDropped(Api::SubscriptionId, quint64, quint64) override { ++drops; }

    int decisions = 0;
    int right = 0;
    int wrong = 0;
    int undecided = 0;
    int drops = 0;
};

/// Runs `tasks` closed questions (choices A and B, reference A) through a swarm of simulated agents
/// with the given accuracies, deciding by `strategy`; counts the decisions.
void runTasks(DecisionCounter &counter, quint64 seed, const QList<double> &accuracies,
              const Api::StrategySpec &strategy, int tasks)
{
    EngineConfig config;
    config.seed = seed;
    Engine engine(std::move(config), std::make_unique<MemoryStore>());
    engine.start();
    engine.subscribe(Api::SubscriptionSpec {{Api::Topic::Decisions}, {}, {}, {}, {}, {}}, &counter);

    Api::SwarmSpec swarm;
    swarm.name = u"simulation"_s;
    swarm.defaultStrategy = strategy;
    for (qsizetype i = 0; i < accuracies.size(); ++i) {
        Api::AgentSpec agent;
        agent.name = u"agent-%1"_s.arg(i);
        agent.model = u"sim"_s;
        agent.parameters = {{u"accuracy"_s, accuracies[i]}, {u"latency_ms"_s, 0}};
        agent.limits.maxConcurrency = 256;
        swarm.agents.append(agent);
    }
    const auto created
        = Testing::await<Api::Swarm>([&](QObject *, auto done) { engine.createSwarm(swarm, std::move(done)); });
    QS_VERIFY_OK(created);

    Api::TaskSpec spec;
    spec.swarmId = created->id;
    spec.promptTemplate = u"Question {{t}}: A or B?"_s;
    spec.answerFormat = Api::AnswerFormat::Choice;
    spec.choices = {u"A"_s, u"B"_s};
    spec.referenceAnswer = u"A"_s;
    const int batch = 1000;
    for (int first = 0; first < tasks; first += batch) {
        QList<Api::TaskSpec> specs;
        for (int t = first; t < std::min(tasks, first + batch); ++t) {
            spec.variables = {{u"t"_s, t}};
            specs.append(spec);
        }
        const auto submitted = Testing::await<QList<Api::Task>>(
            [&](QObject *, auto done) { engine.tasks().submit(specs, std::move(done)); });
        QS_VERIFY_OK(submitted);
    }
    QVERIFY2(Testing::spinUntil([&] { return counter.decisions >= tasks; }, 120000),
             qPrintable(u"%1 of %2 decisions"_s.arg(counter.decisions).arg(tasks)));
    engine.removeSink(&counter);
    QCOMPARE(counter.drops, 0);
    QCOMPARE(counter.decisions, tasks); // one attempt each: no retries
}

/// P(more than half of n independent voters of accuracy p are right): the Condorcet jury value.
double majorityRightProbability(int n, double p)
{
    double sum = 0;
    for (int k = n / 2 + 1; k <= n; ++k)
        sum += std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0)) * std::pow(p, k)
            * std::pow(1 - p, n - k);
    return sum;
}

} // namespace

class TestConsensusSimulation : public QObject
{
    Q_OBJECT

private slots:
    void binomialReference();
    void pluralityMatchesCondorcet_data();
    void pluralityMatchesCondorcet();
    void byzantineNeverDecidesWrong_data();
    void byzantineNeverDecidesWrong();
};

void TestConsensusSimulation::binomialReference()
{
    // The reference itself, against values worked out by hand.
    QVERIFY(qAbs(majorityRightProbability(3, 0.6) - 0.648) < 1e-12); // 3 p^2 q + p^3
    QVERIFY(qAbs(majorityRightProbability(3, 0.7) - 0.784) < 1e-12);
    QVERIFY(qAbs(majorityRightProbability(5, 0.6) - 0.68256) < 1e-12);
    QVERIFY(qAbs(majorityRightProbability(1, 0.6) - 0.6) < 1e-12);
}

void TestConsensusSimulation::pluralityMatchesCondorcet_data()
{
    QTest::addColumn<int>("agents");
    QTest::addColumn<double>("accuracy");
    QTest::addColumn<quint64>("seed");

    for (int n : {3, 5, 9}) {
        for (double p : {0.6, 0.7}) {
            QTest::addRow("n=%d p=%.1f", n, p) << n << p << quint64(1000 + n * 10 + static_cast<int>(p * 10));
        }
    }
}

void TestConsensusSimulation::pluralityMatchesCondorcet()
{
    QFETCH(int, agents);
    QFETCH(double, accuracy);
    QFETCH(quint64, seed);

    const int tasks = 5000;
    DecisionCounter counter;
    runTasks(counter, seed, QList<double>(agents, accuracy), Api::StrategySpec {u"plurality"_s, {}}, tasks);
    if (QTest::currentTestFailed())
        return;
    // An odd number of voters on two choices never ties: every task is decided.
    QCOMPARE(counter.undecided, 0);

    const double expected = majorityRightProbability(agents, accuracy);
    const double measured = static_cast<double>(counter.right) / tasks;
    // The measured share is a binomial proportion over `tasks` independent tasks: three standard
    // errors leave a correct engine a 0.3% chance of failing, and catch a bias of a few points.
    const double standardError = std::sqrt(expected * (1 - expected) / tasks);
    const double tolerance = 3 * standardError;
    qInfo("plurality n=%d p=%.1f: expected %.4f, measured %.4f, tolerance %.4f (%d tasks)", agents, accuracy, expected,
          measured, tolerance, tasks);
    QVERIFY2(qAbs(measured - expected) <= tolerance,
             qPrintable(u"measured %1, expected %2 +- %3"_s.arg(measured).arg(expected).arg(tolerance)));
}

void TestConsensusSimulation::byzantineNeverDecidesWrong_data()
{
    QTest::addColumn<int>("honest");
    QTest::addColumn<int>("faulty");
    QTest::addColumn<int>("f");

    QTest::newRow("f=1 of 4, one always wrong") << 3 << 1 << 1;
    QTest::newRow("f=2 of 7, two always wrong together") << 5 << 2 << 2;
}

void TestConsensusSimulation::byzantineNeverDecidesWrong()
{
    QFETCH(int, honest);
    QFETCH(int, faulty);
    QFETCH(int, f);

    // The faulty agents (accuracy 0) always answer B, in coordination; the honest ones always A.
    QList<double> accuracies(faulty, 0.0);
    accuracies.append(QList<double>(honest, 1.0));
    const int tasks = 1000;
    DecisionCounter counter;
    runTasks(counter, 77, accuracies, Api::StrategySpec {u"byzantine"_s, {{u"f"_s, f}}}, tasks);
    if (QTest::currentTestFailed())
        return;
    qInfo("byzantine %d honest + %d faulty, f=%d: %d right, %d wrong, %d undecided of %d", honest, faulty, f,
          counter.right, counter.wrong, counter.undecided, tasks);
    QCOMPARE(counter.wrong, 0);
    QCOMPARE(counter.right, tasks); // the honest agents alone are 2f+1
}

} // namespace QwenSwarm::Engine

QTEST_GUILESS_MAIN(QwenSwarm::Engine::TestConsensusSimulation)
#include "tst_consensussimulation.moc"
