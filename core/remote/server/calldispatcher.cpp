#include "server/calldispatcher.h"

namespace QwenSwarm::Remote {

namespace {

template<typename R>
Api::Backend::Callback<R> answer(CallDispatcher::Done done)
{
    return [done = std::move(done)](Api::Result<R> result) {
        if (!result)
            return done(result.error());
        done(resultText(result.value()));
    };
}

Api::Backend::Callback<void> answerNothing(CallDispatcher::Done done)
{
    return [done = std::move(done)](Api::Result<void> result) {
        if (!result)
            return done(result.error());
        done(QStringLiteral("null"));
    };
}

struct Visitor
{
    Api::Backend &b;
    const Identity &who;
    QObject *c;
    CallDispatcher::Done &done;

    void operator()(const Calls::Info &) { b.info(c, answer<Api::BackendInfo>(done)); }
    void operator()(const Calls::SwarmsCreate &x) { b.createSwarm(x.spec, c, answer<Api::Swarm>(done)); }
    void operator()(const Calls::SwarmsList &) { b.listSwarms(c, answer<QList<Api::Swarm>>(done)); }
    void operator()(const Calls::SwarmsGet &x) { b.swarm(x.id, c, answer<Api::Swarm>(done)); }
    void operator()(const Calls::SwarmsUpdate &x)
    {
        b.updateSwarm(x.id, x.topology, x.defaultStrategy, c, answer<Api::Swarm>(done));
    }
    void operator()(const Calls::SwarmsRemove &x) { b.removeSwarm(x.id, c, answerNothing(done)); }
    void operator()(const Calls::AgentsSpawn &x) { b.spawnAgent(x.swarmId, x.spec, c, answer<Api::Agent>(done)); }
    void operator()(const Calls::AgentsList &x) { b.listAgents(x.swarmId, c, answer<QList<Api::Agent>>(done)); }
    void operator()(const Calls::AgentsGet &x) { b.agent(x.id, c, answer<Api::Agent>(done)); }
    void operator()(const Calls::AgentsCommand &x)
    {
        b.commandAgent(x.id, x.command, x.reason, c, answer<Api::Agent>(done));
    }
    void operator()(const Calls::AgentsRemove &x) { b.removeAgent(x.id, c, answerNothing(done)); }
    void operator()(const Calls::TasksSubmit &x) { b.submitTask(x.spec, c, answer<Api::Task>(done)); }
    void operator()(const Calls::TasksSubmitBatch &x) { b.submitTasks(x.specs, c, answer<QList<Api::Task>>(done)); }
    void operator()(const Calls::TasksCancel &x) { b.cancelTask(x.id, x.reason, c, answer<Api::Task>(done)); }
    void operator()(const Calls::TasksRetry &x) { b.retryTask(x.id, c, answer<Api::Task>(done)); }
    void operator()(const Calls::TasksGet &x) { b.task(x.id, c, answer<Api::Task>(done)); }
    void operator()(const Calls::TasksQuery &x) { b.queryTasks(x.query, c, answer<Api::Page<Api::Task>>(done)); }
    void operator()(const Calls::DecisionsGet &x) { b.decision(x.id, c, answer<Api::Decision>(done)); }
    void operator()(const Calls::DecisionsQuery &x)
    {
        b.queryDecisions(x.query, c, answer<Api::Page<Api::Decision>>(done));
    }
    void operator()(const Calls::LearningFeedback &x)
    {
        Api::DecisionFeedback feedback = x.feedback;
        feedback.actor = who.subject; // the authenticated caller, whatever the client claimed
        b.giveFeedback(x.decisionId, feedback, c, answer<Api::Decision>(done));
    }
    void operator()(const Calls::LearningReputations &x)
    {
        b.reputations(x.agentId, c, answer<QList<Api::Reputation>>(done));
    }
    void operator()(const Calls::LearningHistory &x)
    {
        b.reputationHistory(x.query, c, answer<Api::Page<Api::ReputationPoint>>(done));
    }
    void operator()(const Calls::LearningExport &) { b.exportLearning(c, answer<Api::LearningState>(done)); }
    void operator()(const Calls::LearningImport &x) { b.importLearning(x.state, c, answerNothing(done)); }
    void operator()(const Calls::MetricsGet &) { b.metrics(c, answer<Api::MetricsSnapshot>(done)); }
    void operator()(const Calls::AuditQuery &x) { b.queryAudit(x.query, c, answer<Api::Page<Api::AuditEntry>>(done)); }
    void operator()(const Calls::MemoryQuery &x)
    {
        b.queryMemory(x.query, c, answer<Api::Page<Api::MemoryEntry>>(done));
    }
    void operator()(const Calls::MemoryPut &x) { b.putMemory(writtenBy(x.spec), c, answer<Api::MemoryEntry>(done)); }
    void operator()(const Calls::MemoryUpdate &x)
    {
        b.updateMemory(x.id, writtenBy(x.spec), c, answer<Api::MemoryEntry>(done));
    }
    void operator()(const Calls::MemoryRemove &x) { b.removeMemory(x.id, c, answerNothing(done)); }
    void operator()(const Calls::ProvidersList &) { b.listProviders(c, answer<QList<Api::ProviderInfo>>(done)); }
    void operator()(const Calls::ProvidersPut &x) { b.putProvider(x.settings, c, answer<Api::ProviderInfo>(done)); }
    void operator()(const Calls::ProvidersRemove &x) { b.removeProvider(x.name, c, answerNothing(done)); }
    void operator()(const Calls::ProvidersTest &x) { b.testProvider(x.settings, c, answer<Api::ProviderCheck>(done)); }
    void operator()(const Calls::MetricsHistory &x)
    {
        b.metricsHistory(x.fromMs, x.toMs, c, answer<QList<Api::MetricsSnapshot>>(done));
    }
    void operator()(const Calls::RunsStart &x) { b.startRun(x.spec, c, answer<Api::Run>(done)); }
    void operator()(const Calls::RunsGet &x) { b.run(x.id, c, answer<Api::Run>(done)); }
    void operator()(const Calls::RunsQuery &x) { b.queryRuns(x.query, c, answer<Api::Page<Api::Run>>(done)); }
    void operator()(const Calls::RunsCommand &x) { b.commandRun(x.id, x.command, x.reason, c, answer<Api::Run>(done)); }
    void operator()(const Calls::RunsRetry &x) { b.retryRun(x.id, x.step, c, answer<Api::Run>(done)); }
    void operator()(const Calls::RunsApprove &x)
    {
        Api::Approval approval = x.approval;
        approval.actor = who.subject; // the authenticated caller, whatever the client claimed
        b.approveStep(x.id, x.step, approval, c, answer<Api::Run>(done));
    }

    // The authenticated caller writes the entry, whatever the client claimed.
    Api::MemorySpec writtenBy(Api::MemorySpec spec) const
    {
        spec.source = QStringLiteral("operator:") + who.subject;
        return spec;
    }

    template<typename Other>
    void operator()(const Other &)
    {
        done(Api::makeError(Api::ErrorCode::Internal, QStringLiteral("this call is not the dispatcher's")));
    }
};

} // namespace

void CallDispatcher::dispatch(Api::Backend &backend, const CallParams &call, const Identity &identity, QObject *context,
                              Done done)
{
    std::visit(Visitor {backend, identity, context, done}, call);
}

} // namespace QwenSwarm::Remote
