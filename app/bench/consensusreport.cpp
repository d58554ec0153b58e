#include "consensusreport.h"

#include "consensuslab.h"

#include <consensus/votingtheory.h>
#include <runtime/engine.h>

#include <cmath>

namespace QwenSwarm::Bench {

namespace {

using Lab = ConsensusLab;

const QStringList binary {QStringLiteral("A"), QStringLiteral("B")};
const QStringList four {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};

Experiment within(const QString &name, double expected, double measured, double tolerance, const QString &note)
{
    return {name, expected, measured, tolerance, std::abs(measured - expected) <= tolerance, note};
}

QList<Lab::Agent> same(int n, double p, const QJsonObject &extra = {})
{
    return QList<Lab::Agent>(n, Lab::Agent {p, extra});
}

Experiment condorcetExperiment(int n, double p, int tasks)
{
    Lab lab(100 + n * 10 + int(p * 10));
    const Api::Swarm swarm = lab.createSwarm(same(n, p), {QStringLiteral("plurality"), {}});
    const Lab::Outcome o = lab.run(swarm, tasks, binary);
    return within(QStringLiteral("condorcet_n%1_p%2").arg(n).arg(p), Engine::VotingTheory::condorcet(n, p),
                  o.accuracy(), 0.01,
                  QStringLiteral("plurality accuracy of %1 independent agents of accuracy %2, %3 tasks")
                      .arg(n)
                      .arg(p)
                      .arg(tasks));
}

QList<Experiment> weightedExperiments(int tasks)
{
    const QList<double> accuracies {0.9, 0.6, 0.6, 0.6, 0.6};
    QList<Lab::Agent> agents;
    for (double p : accuracies)
        agents.append(Lab::Agent {p, {}});
    const auto [pluralityExact, weightedExact] = Engine::VotingTheory::pluralityAndWeighted(accuracies);

    Lab plurality(21);
    const Lab::Outcome p
        = plurality.run(plurality.createSwarm(agents, {QStringLiteral("plurality"), {}}), tasks, binary);

    Lab weighted(22);
    const Api::Swarm swarm = weighted.createSwarm(agents, {QStringLiteral("weighted"), {}});
    weighted.run(swarm, tasks / 10, binary); // learning: evaluation tasks score every vote against the truth
    const Lab::Outcome w = weighted.run(swarm, tasks, binary);

    QList<double> learned;
    for (Api::AgentId id : swarm.agentIds)
        learned.append(weighted.engine().context().reputations.reputation(id).mean());
    const bool ranked
        = std::all_of(learned.cbegin() + 1, learned.cend(), [&learned](double m) { return m < learned.constFirst(); });
    return {within(QStringLiteral("weighted_margin_over_plurality"), weightedExact - pluralityExact,
                   w.accuracy() - p.accuracy(), 0.015,
                   QStringLiteral("accuracies 0.9, 0.6 x4: learned log-odds weights vs plurality (exact %1 vs %2)")
                       .arg(weightedExact, 0, 'f', 4)
                       .arg(pluralityExact, 0, 'f', 4)),
            Experiment {QStringLiteral("weighted_ranks_agents"), 1, ranked ? 1.0 : 0.0, 0, ranked,
                        QStringLiteral("the 0.9 agent's learned reputation is the highest (%1 vs %2)")
                            .arg(learned.constFirst(), 0, 'f', 3)
                            .arg(learned.size() > 1 ? learned.at(1) : 0, 0, 'f', 3)}};
}

Experiment byzantineExperiment(const QString &name, int n, int f, const Lab::Agent &adversary,
                               const QStringList &choices, int tasks)
{
    QList<Lab::Agent> agents = same(n - f, 1.0);
    for (int i = 0; i < f; ++i)
        agents.append(adversary);
    Lab lab(31 + n);
    const Api::Swarm swarm = lab.createSwarm(agents, {QStringLiteral("byzantine"), {{QStringLiteral("f"), f}}});
    const Lab::Outcome o = lab.run(swarm, tasks, choices);
    return Experiment {name,
                       0,
                       double(o.wrong),
                       0,
                       o.wrong == 0,
                       QStringLiteral("wrong decisions with %1 adversaries among %2, %3 tasks (%4 decided)")
                           .arg(f)
                           .arg(n)
                           .arg(tasks)
                           .arg(o.right)};
}

QList<Experiment> debateExperiments(int tasks)
{
    const QJsonObject conform {{QStringLiteral("conformity"), 0.7}};
    Lab single(41);
    const Lab::Outcome one
        = single.run(single.createSwarm(same(5, 0.6, conform), {QStringLiteral("plurality"), {}}), tasks, binary);
    Lab debate(41);
    const QJsonObject parameters {{QStringLiteral("max_rounds"), 3}, {QStringLiteral("stop_agreement"), 1.0}};
    const Lab::Outcome d
        = debate.run(debate.createSwarm(same(5, 0.6, conform), {QStringLiteral("debate"), parameters}), tasks, binary);
    const double saved = 1.0 - double(d.rounds) / (3.0 * d.tasks);
    return {
        Experiment {QStringLiteral("debate_improves_accuracy"), one.accuracy(), d.accuracy(), 0,
                    d.accuracy() > one.accuracy(),
                    QStringLiteral("5 agents of accuracy 0.6 adopting their neighbours' majority with probability 0.7: "
                                   "debate (up to 3 rounds) vs one round")},
        Experiment {QStringLiteral("debate_rounds_saved"), 0, saved, 0, saved > 0,
                    QStringLiteral("share of the 3 allowed rounds not needed because agreement came early")}};
}

// Tasks until the router settles: the first task from which at least 95% of the next 50 asked `expected`.
int settledAfter(const QList<Api::AgentId> &voters, Api::AgentId expected)
{
    for (qsizetype start = 0; start + 50 <= voters.size(); ++start) {
        const auto hits = std::count(voters.cbegin() + start, voters.cbegin() + start + 50, expected);
        if (hits >= 48)
            return int(start);
    }
    return int(voters.size());
}

Experiment routerExperiment(double budget, int tasks)
{
    const QJsonObject cheap {{QStringLiteral("completion_tokens"), 1000}, {QStringLiteral("price_out_per_mtok"), 1.0}};
    const QJsonObject dear {{QStringLiteral("completion_tokens"), 1000}, {QStringLiteral("price_out_per_mtok"), 10.0}};
    Lab lab(51);
    const Api::Swarm swarm = lab.createSwarm({{0.6, cheap}, {0.95, dear}}, {QStringLiteral("plurality"), {}});
    const Lab::Outcome o = lab.run(
        swarm, tasks, binary,
        [budget](Api::TaskSpec &spec) {
            spec.selection.routing = Api::Routing::Adaptive;
            spec.selection.maxAgents = 1;
            spec.budgetUsd = budget;
        },
        true);
    const bool affordsDear = budget >= 0.01;
    const Api::AgentId expected = swarm.agentIds[affordsDear ? 1 : 0];
    const int settled = settledAfter(o.soleVoters, expected);
    constexpr int bound = 100;
    return Experiment {
        QStringLiteral("router_budget_%1").arg(budget),
        bound,
        double(settled),
        0,
        settled <= bound,
        QStringLiteral("tasks until the router asks the %1 agent (a cheap 0.6 one at $0.001 or a dear 0.95 one "
                       "at $0.01) in 48 of the next 50, with a budget of $%2 a task")
            .arg(affordsDear ? QStringLiteral("dear") : QStringLiteral("cheap"))
            .arg(budget)};
}

} // namespace

QList<Experiment> runConsensusReport(double scale, const std::function<void(const Experiment &)> &progress)
{
    const auto size = [scale](int full) { return std::max(100, int(full * scale)); };
    QList<Experiment> all;
    auto add = [&](const Experiment &e) {
        all.append(e);
        if (progress)
            progress(e);
    };
    for (int n : {3, 5, 9}) {
        for (double p : {0.6, 0.7})
            add(condorcetExperiment(n, p, size(20000)));
    }
    for (const Experiment &e : weightedExperiments(size(20000)))
        add(e);
    const Lab::Agent alwaysWrong {0.0, {}};
    const Lab::Agent equivocating {0.25, {}}; // any of four answers, at random
    add(byzantineExperiment(QStringLiteral("byzantine_f1_of_4_always_wrong"), 4, 1, alwaysWrong, binary, size(10000)));
    add(byzantineExperiment(QStringLiteral("byzantine_f1_of_4_equivocating"), 4, 1, equivocating, four, size(10000)));
    add(byzantineExperiment(QStringLiteral("byzantine_f2_of_7_coordinated"), 7, 2, alwaysWrong, binary, size(10000)));
    add(byzantineExperiment(QStringLiteral("byzantine_f2_of_7_equivocating"), 7, 2, equivocating, four, size(10000)));
    for (const Experiment &e : debateExperiments(size(4000)))
        add(e);
    add(routerExperiment(0.005, 300));
    add(routerExperiment(0.05, 300));
    return all;
}

} // namespace QwenSwarm::Bench
