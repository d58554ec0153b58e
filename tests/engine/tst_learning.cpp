// Learning and multi-round consensus as an operator sees them: an Engine driven on the test thread.
#include "consensus/votingtheory.h"
#include "learning/reputationbook.h"
#include "runtime/engine.h"
#include "store/memorystore.h"

#include <testsupport.h>

#include <QTest>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace QwenSwarm::Engine {

namespace {

struct AgentSetup
{
    QString name;
    QJsonObject parameters;
    Api::AgentRole role = Api::AgentRole::Worker;
};

QJsonObject simulated(double accuracy, int latencyMs = 0, const QJsonObject &more = {})
{
    QJsonObject p = more;
    p.insert(u"accuracy"_s, accuracy);
    p.insert(u"latency_ms"_s, latencyMs);
    return p;
}

} // namespace

class TestLearning : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Engine> m_engine;

    Engine &engine(quint64 seed = 7)
    {
        EngineConfig config;
        config.seed = seed;
        m_engine = std::make_unique<Engine>(config, std::make_unique<MemoryStore>());
        m_engine->start();
        return *m_engine;
    }

    Api::Swarm swarm(const QList<AgentSetup> &agents, const Api::StrategySpec &strategy = {},
                     Api::Topology topology = Api::Topology::Mesh)
    {
        Api::SwarmSpec spec;
        spec.name = u"s"_s;
        spec.topology = topology;
        spec.defaultStrategy = strategy;
        for (const AgentSetup &a : agents) {
            Api::AgentSpec agent;
            agent.name = a.name;
            agent.role = a.role;
            agent.parameters = a.parameters;
            agent.limits.maxConcurrency = 0;
            spec.agents.append(agent);
        }
        auto created = Testing::await<Api::Swarm>([&](QObject *, auto done) { m_engine->createSwarm(spec, done); });
        return created.value();
    }

    static Api::TaskSpec choiceTask(const Api::Swarm &s, int n, const QString &truth = u"A"_s)
    {
        Api::TaskSpec spec;
        spec.swarmId = s.id;
        spec.promptTemplate = u"Question {{n}}: A or B?"_s;
        spec.variables = {{u"n"_s, n}};
        spec.answerFormat = Api::AnswerFormat::Choice;
        spec.choices = {u"A"_s, u"B"_s};
        spec.referenceAnswer = truth;
        return spec;
    }

    /// Submits the specs in order, waits for all, answers the decisions of the succeeded ones (by task).
    QList<Api::Decision> run(const QList<Api::TaskSpec> &specs)
    {
        auto accepted
            = Testing::await<QList<Api::Task>>([&](QObject *, auto done) { m_engine->tasks().submit(specs, done); });
        QList<Api::Decision> decisions;
        for (const Api::Task &t : accepted.value()) {
            Api::Task final;
            Testing::spinUntil([&] {
                final = Testing::await<Api::Task>([&](QObject *, auto done) {
                            m_engine->tasks().task(t.id, done);
                        }).value();
                return Api::isTerminal(final.state);
            });
            QJsonValue decisionId = final.error ? final.error->details.value(u"decision_id"_s) : QJsonValue();
            const Api::DecisionId id
                = final.result ? final.result->decisionId : Api::DecisionId(quint64(decisionId.toInteger()));
            if (!id.isValid())
                continue;
            decisions.append(Testing::await<Api::Decision>([&](QObject *, auto done) {
                                 m_engine->tasks().decision(id, done);
                             }).value());
        }
        return decisions;
    }

    double reputationMean(Api::AgentId agent) { return m_engine->context().reputations.reputation(agent).mean(); }

private Q_SLOTS:
    void cleanup() { m_engine.reset(); }

    void decisionsTeachWhoToTrust()
    {
        engine();
        const Api::Swarm s
            = swarm({{u"sharp"_s, simulated(0.95)}, {u"so-so"_s, simulated(0.6)}, {u"coin"_s, simulated(0.5)}});
        QList<Api::TaskSpec> specs;
        for (int i = 0; i < 300; ++i)
            specs.append(choiceTask(s, i));
        run(specs);
        const double sharp = reputationMean(s.agentIds[0]);
        const double soso = reputationMean(s.agentIds[1]);
        const double coin = reputationMean(s.agentIds[2]);
        QVERIFY2(sharp > soso && soso > coin, qPrintable(u"%1 %2 %3"_s.arg(sharp).arg(soso).arg(coin)));
        QVERIFY(std::abs(sharp - 0.95) < 0.05);

        Api::ReputationQuery query;
        query.agentId = s.agentIds[0];
        auto history = Testing::await<Api::Page<Api::ReputationPoint>>(
            [&](QObject *, auto done) { m_engine->learning().history(query, done); });
        QS_VERIFY_OK(history);
        QVERIFY(!history->items.isEmpty());
        QVERIFY(history->items.size() < 300); // coarsened, not one point per decision
        auto all = Testing::await<QList<Api::Reputation>>(
            [&](QObject *, auto done) { m_engine->learning().reputations({}, done); });
        QCOMPARE(all->size(), 3);
    }

    void learnedWeightsBeatPluralityAsTheoryPredicts()
    {
        const QList<double> accuracies {0.9, 0.6, 0.6, 0.6, 0.6};
        QList<AgentSetup> agents;
        for (qsizetype i = 0; i < accuracies.size(); ++i)
            agents.append({u"v%1"_s.arg(i), simulated(accuracies[i])});
        constexpr int tasks = 3000;
        const auto accuracyOf = [&](const QString &strategy, int learningTasks, QList<double> *learned) {
            engine(17);
            const Api::Swarm s = swarm(agents, Api::StrategySpec {strategy, {}});
            QList<Api::TaskSpec> specs;
            for (int i = 0; i < learningTasks + tasks; ++i)
                specs.append(choiceTask(s, i));
            if (learningTasks > 0)
                run(specs.mid(0, learningTasks)); // evaluation tasks: every vote is scored against the truth
            int right = 0;
            for (const Api::Decision &d : run(specs.mid(learningTasks)))
                right += d.outcome == Api::DecisionOutcome::Decided && d.answer == u"A"_s ? 1 : 0;
            if (learned) {
                for (Api::AgentId id : s.agentIds)
                    learned->append(reputationMean(id));
            }
            return double(right) / tasks;
        };
        QList<double> learned;
        const double plurality = accuracyOf(u"plurality"_s, 0, nullptr);
        const double weighted = accuracyOf(u"weighted"_s, 300, &learned);
        const auto [pluralityExact, weightedExact] = VotingTheory::pluralityAndWeighted(accuracies);
        // Three standard errors of the difference of two measured accuracies.
        const double tolerance
            = 3 * std::sqrt((pluralityExact * (1 - pluralityExact) + weightedExact * (1 - weightedExact)) / tasks);
        const double margin = weighted - plurality;
        QVERIFY2(
            std::abs(margin - (weightedExact - pluralityExact)) <= tolerance,
            qPrintable(u"margin %1, theory %2 ± %3"_s.arg(margin).arg(weightedExact - pluralityExact).arg(tolerance)));
        for (qsizetype i = 1; i < learned.size(); ++i)
            QVERIFY2(learned[i] < learned[0], "the 0.9 agent must be trusted most");
    }

    void weightedStrategyUsesLearnedLogOdds()
    {
        engine();
        const Api::Swarm s
            = swarm({{u"a"_s, simulated(1)}, {u"b"_s, simulated(1)}}, Api::StrategySpec {u"weighted"_s, {}});
        Api::LearningState state;
        state.reputations
            = {Api::Reputation {s.agentIds[0], {}, 9, 1, 10, 0}, Api::Reputation {s.agentIds[1], {}, 3, 2, 5, 0}};
        QS_VERIFY_OK(
            Testing::await<void>([&](QObject *, auto done) { m_engine->learning().importState(state, done); }));
        const QList<Api::Decision> decisions = run({choiceTask(s, 1)});
        QCOMPARE(decisions.size(), 1);
        for (const Api::Vote &v : decisions.constFirst().rounds.constFirst().votes) {
            const double p = v.agentId == s.agentIds[0] ? 0.9 : 0.6;
            QVERIFY2(std::abs(v.weight - std::log(p / (1 - p))) < 1e-9, qPrintable(QString::number(v.weight)));
        }
    }

    void feedbackReversesWhatAgreementTaught()
    {
        engine();
        // Two agents always say A, one always says B: the swarm decides A.
        const Api::Swarm s = swarm({{u"a1"_s, simulated(1)}, {u"a2"_s, simulated(1)}, {u"b"_s, simulated(0)}});
        Api::TaskSpec spec = choiceTask(s, 1);
        spec.referenceAnswer.clear(); // no evaluation: agreement is all the engine knows
        spec.choices = {u"A"_s, u"B"_s};
        spec.promptTemplate = u"A or B?"_s;
        spec.variables = {};
        Api::TaskSpec probe = spec;
        const QList<Api::Decision> decided = run({spec});
        QCOMPARE(decided.size(), 1);
        const Api::Decision d = decided.constFirst();
        const QString majority = d.answer;
        QVERIFY(reputationMean(s.agentIds[2]) < 0.5);

        const QString other = majority == u"A"_s ? u"B"_s : u"A"_s;
        auto answered = Testing::await<Api::Decision>([&](QObject *, auto done) {
            m_engine->learning().giveFeedback(d.id, Api::DecisionFeedback {false, other.toLower(), u"checked"_s, {}, 0},
                                              u"alice"_s, done);
        });
        QS_VERIFY_OK(answered);
        QVERIFY(answered->feedback);
        QCOMPARE(answered->feedback->actor, u"alice"_s);
        QCOMPARE(answered->feedback->correctAnswer, other); // normalised like the votes
        QVERIFY(reputationMean(s.agentIds[2]) > 0.5);
        QVERIFY(reputationMean(s.agentIds[0]) < 0.5);

        // Stored with the decision.
        auto again
            = Testing::await<Api::Decision>([&](QObject *, auto done) { m_engine->tasks().decision(d.id, done); });
        QVERIFY(again->feedback && !again->feedback->correct);
        Q_UNUSED(probe);
    }

    void feedbackErrors()
    {
        engine();
        const Api::Swarm s = swarm({{u"a"_s, simulated(1)}, {u"b"_s, simulated(0)}});
        const Api::Decision tie = run({choiceTask(s, 1)}).constFirst(); // 1 vs 1 with tie_break none
        QCOMPARE(tie.outcome, Api::DecisionOutcome::NoDecision);
        auto give = [&](Api::DecisionId id, const Api::DecisionFeedback &f) {
            return Testing::await<Api::Decision>(
                [&](QObject *, auto done) { m_engine->learning().giveFeedback(id, f, u"op"_s, done); });
        };
        QS_VERIFY_ERROR(give(tie.id, Api::DecisionFeedback {true, {}, {}, {}, 0}), Api::ErrorCode::InvalidArgument);
        QS_VERIFY_ERROR(give(tie.id, Api::DecisionFeedback {false, u"C"_s, {}, {}, 0}),
                        Api::ErrorCode::InvalidArgument);
        QS_VERIFY_ERROR(give(Api::DecisionId(999), Api::DecisionFeedback {}), Api::ErrorCode::NotFound);
        QS_VERIFY_OK(give(tie.id, Api::DecisionFeedback {false, u"a"_s, {}, {}, 0}));
        Api::LearningState unknown;
        unknown.reputations = {Api::Reputation {Api::AgentId(999), {}, 2, 2, 1, 0}};
        const auto before = m_engine->context().reputations.list();
        QS_VERIFY_ERROR(
            Testing::await<void>([&](QObject *, auto done) { m_engine->learning().importState(unknown, done); }),
            Api::ErrorCode::NotFound);
        QCOMPARE(m_engine->context().reputations.list(), before);
    }

    void debateRunsRoundsStopsEarlyAndHelps()
    {
        const auto accuracyOf = [this](const Api::StrategySpec &strategy, int *roundsUsed) {
            engine(11);
            QList<AgentSetup> agents;
            for (int i = 0; i < 5; ++i)
                agents.append({u"d%1"_s.arg(i), simulated(0.65, 0, {{u"conformity"_s, 0.7}})});
            const Api::Swarm s = swarm(agents, strategy);
            QList<Api::TaskSpec> specs;
            for (int i = 0; i < 400; ++i)
                specs.append(choiceTask(s, i));
            int right = 0;
            for (const Api::Decision &d : run(specs)) {
                right += d.outcome == Api::DecisionOutcome::Decided && d.answer == u"A"_s ? 1 : 0;
                *roundsUsed += static_cast<int>(d.rounds.size());
            }
            return right / 400.0;
        };
        int pluralityRounds = 0;
        int debateRounds = 0;
        const double plurality = accuracyOf(Api::StrategySpec {u"plurality"_s, {}}, &pluralityRounds);
        const double debate = accuracyOf(
            Api::StrategySpec {u"debate"_s, {{u"max_rounds"_s, 3}, {u"stop_agreement"_s, 1.0}}}, &debateRounds);
        QCOMPARE(pluralityRounds, 400);
        QVERIFY2(debate > plurality, qPrintable(u"debate %1 vs plurality %2"_s.arg(debate).arg(plurality)));
        // Unanimous first rounds stop at once: fewer than 3 rounds per task on average.
        QVERIFY2(debateRounds > 400 && debateRounds < 3 * 400, qPrintable(QString::number(debateRounds)));
    }

    void laterDebateRoundsShowNeighboursAnswers()
    {
        engine();
        // A ring of four: each agent sees two neighbours in round 2.
        const Api::Swarm s = swarm(
            {{u"r0"_s, simulated(1)}, {u"r1"_s, simulated(0)}, {u"r2"_s, simulated(1)}, {u"r3"_s, simulated(0)}},
            Api::StrategySpec {u"debate"_s, {{u"max_rounds"_s, 2}}}, Api::Topology::Ring);
        const Api::Decision d = run({choiceTask(s, 1)}).constFirst();
        QCOMPARE(d.rounds.size(), 2);
        QCOMPARE(d.rounds[0].votes.size(), 4);
        QCOMPARE(d.rounds[1].votes.size(), 4);
    }

    void judgeHearsProposalsThenDecides()
    {
        engine();
        const Api::Swarm s = swarm({{u"p1"_s, simulated(1)},
                                    {u"p2"_s, simulated(1)},
                                    {u"p3"_s, simulated(0)},
                                    {u"judge"_s, simulated(1, 0, {{u"conformity"_s, 1.0}}), Api::AgentRole::Judge}},
                                   Api::StrategySpec {u"judge"_s, {{u"layers"_s, 1}}});
        const Api::Decision d = run({choiceTask(s, 1)}).constFirst();
        QCOMPARE(d.outcome, Api::DecisionOutcome::Decided);
        QCOMPARE(d.rounds.size(), 3);
        for (int r = 0; r < 2; ++r) {
            QCOMPARE(d.rounds[r].votes.size(), 3);
            for (const Api::Vote &v : d.rounds[r].votes)
                QVERIFY(v.agentId != s.agentIds[3]);
        }
        QCOMPARE(d.rounds[2].votes.size(), 1);
        QCOMPARE(d.rounds[2].votes.constFirst().agentId, s.agentIds[3]);
        QCOMPARE(d.answer, d.rounds[2].votes.constFirst().normalizedAnswer);
        QVERIFY(!d.explanation.isEmpty());
    }

    void judgeWithoutJudgeDecidesNothing()
    {
        engine();
        const Api::Swarm s
            = swarm({{u"p1"_s, simulated(1)}, {u"p2"_s, simulated(1)}}, Api::StrategySpec {u"judge"_s, {}});
        const QList<Api::Decision> d = run({choiceTask(s, 1)});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.constFirst().outcome, Api::DecisionOutcome::NoDecision);
        QCOMPARE(d.constFirst().rounds.size(), 2);
    }

    void thresholdCanAskForAnotherRound()
    {
        engine();
        // 3 of 5 agree at best: a 4/5 threshold asks for more rounds, up to max_rounds.
        const Api::Swarm s = swarm(
            {{u"a"_s, simulated(1)},
             {u"b"_s, simulated(1)},
             {u"c"_s, simulated(1)},
             {u"d"_s, simulated(0)},
             {u"e"_s, simulated(0)}},
            Api::StrategySpec {u"threshold"_s,
                               {{u"threshold"_s, 0.8}, {u"on_fail"_s, u"another_round"_s}, {u"max_rounds"_s, 3}}});
        const Api::Decision d = run({choiceTask(s, 1)}).constFirst();
        QCOMPARE(d.rounds.size(), 3);
        QCOMPARE(d.outcome, Api::DecisionOutcome::NoDecision);
    }

    void cancellingMidDebateKeepsTheTrail()
    {
        engine();
        const Api::Swarm s = swarm({{u"a"_s, simulated(1, 60)}, {u"b"_s, simulated(0, 60)}, {u"c"_s, simulated(1, 60)}},
                                   Api::StrategySpec {u"debate"_s, {{u"max_rounds"_s, 5}}});
        auto task = Testing::await<QList<Api::Task>>(
            [&](QObject *, auto done) { m_engine->tasks().submit({choiceTask(s, 1)}, done); });
        const Api::TaskId id = task->constFirst().id;
        Testing::spinFor(150); // into the second or third round
        auto cancelled
            = Testing::await<Api::Task>([&](QObject *, auto done) { m_engine->tasks().cancel(id, u"enough"_s, done); });
        QS_VERIFY_OK(cancelled);
        QCOMPARE(cancelled->state, Api::TaskState::Cancelled);
        Api::DecisionQuery query;
        query.taskId = id;
        auto page = Testing::await<Api::Page<Api::Decision>>(
            [&](QObject *, auto done) { m_engine->tasks().queryDecisions(query, done); });
        QCOMPARE(page->items.size(), 1);
        const Api::Decision &d = page->items.constFirst();
        QVERIFY(d.rounds.size() >= 2);
        QVERIFY(std::any_of(d.rounds.constLast().votes.cbegin(), d.rounds.constLast().votes.cend(),
                            [](const Api::Vote &v) { return v.status == Api::VoteStatus::Cancelled; }));
    }

    void adaptiveRoutingFollowsTheBudget()
    {
        // One cheap agent that is often wrong, one dear agent that is nearly always right. Each task
        // asks one agent; evaluation tasks (with a reference answer) teach the router who is right.
        const auto dearShare = [this](double budget) {
            engine(3);
            const QJsonObject cheap {
                {u"accuracy"_s, 0.6}, {u"completion_tokens"_s, 1000}, {u"price_out_per_mtok"_s, 1.0}};
            const QJsonObject dear {
                {u"accuracy"_s, 0.95}, {u"completion_tokens"_s, 1000}, {u"price_out_per_mtok"_s, 10.0}};
            const Api::Swarm s = swarm({{u"cheap"_s, cheap}, {u"dear"_s, dear}});
            QList<Api::TaskSpec> specs;
            for (int i = 0; i < 200; ++i) {
                Api::TaskSpec spec = choiceTask(s, i);
                spec.selection.routing = Api::Routing::Adaptive;
                spec.selection.maxAgents = 1;
                spec.budgetUsd = budget;
                specs.append(spec);
            }
            // One after another, as work arrives: each routing knows what the earlier tasks taught.
            QList<Api::Decision> decisions;
            for (const Api::TaskSpec &spec : specs)
                decisions.append(run({spec}));
            int dearLate = 0;
            for (qsizetype i = decisions.size() - 100; i < decisions.size(); ++i)
                dearLate += decisions[i].rounds.constFirst().votes.constFirst().agentId == s.agentIds[1] ? 1 : 0;
            return dearLate;
        };
        QCOMPARE(dearShare(0.005), 0); // the dear agent never fits
        const int dear = dearShare(0.05);
        QVERIFY2(dear >= 90, "the router should settle on the accurate agent when it can afford it");
    }
};

} // namespace QwenSwarm::Engine

QTEST_GUILESS_MAIN(QwenSwarm::Engine::TestLearning)
#include "tst_learning.moc"
