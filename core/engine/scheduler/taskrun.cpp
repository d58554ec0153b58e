#include "scheduler/taskrun.h"

#include "agents/agentlifecycle.h"
#include "agents/agentsupervisor.h"
#include "consensus/answernormalizer.h"
#include "consensus/topology.h"
#include "learning/reputationbook.h"
#include "prompt/promptrenderer.h"
#include "runtime/enginecontext.h"
#include "scheduler/timerqueue.h"

namespace QwenSwarm::Engine {

using Api::VoteStatus;

TaskRun::TaskRun(EngineContext &context, AgentSupervisor &supervisor, Host &host, Setup setup)
    : m_context(context)
    , m_supervisor(supervisor)
    , m_host(host)
    , m_task(setup.task)
    , m_agents(std::move(setup.agents))
    , m_topology(setup.topology)
    , m_key(setup.key)
    , m_weighted(setup.weighted)
    , m_memory(std::move(setup.memory))
{
    if (!m_task.spec.referenceAnswer.isEmpty()) {
        const auto reference
            = AnswerNormalizer::normalize(m_task.spec.referenceAnswer, m_task.spec.answerFormat, m_task.spec.choices);
        if (reference.status == VoteStatus::Valid)
            m_truth = reference.answer;
    }
}

TaskRun::~TaskRun()
{
    abort(VoteStatus::Cancelled, QStringLiteral("run discarded"));
}

bool TaskRun::involves(Api::AgentId agent) const
{
    return std::any_of(m_calls.cbegin(), m_calls.cend(),
                       [agent](const auto &c) { return c->agent().agent.id == agent; });
}

std::vector<AgentRuntime *> TaskRun::audience(RoundSpec::Audience audience) const
{
    std::vector<AgentRuntime *> chosen;
    for (AgentRuntime *agent : m_agents) {
        const bool judge = agent->agent.spec.role == Api::AgentRole::Judge;
        if (audience == RoundSpec::Audience::All || (audience == RoundSpec::Audience::Judges) == judge)
            chosen.push_back(agent);
    }
    return chosen;
}

QStringList TaskRun::shownAnswers(const AgentRuntime &agent, const RoundSpec &spec, QString &described) const
{
    if (!spec.showPreviousAnswers || m_rounds.isEmpty())
        return {};
    QList<Api::AgentId> visible;
    if (spec.audience == RoundSpec::Audience::Judges) {
        for (const Api::Vote &vote : m_rounds.constLast().votes)
            visible.append(vote.agentId);
    } else {
        QList<Topology::Member> members;
        for (const AgentRuntime *a : m_agents)
            members.append({a->agent.id, a->agent.spec.role});
        visible = Topology::neighbours(m_topology, members, agent.agent.id);
    }
    QStringList answers;
    for (const Api::Vote &vote : m_rounds.constLast().votes) {
        if (vote.status != VoteStatus::Valid || !visible.contains(vote.agentId))
            continue;
        answers.append(vote.normalizedAnswer);
        const auto voter = std::find_if(m_agents.cbegin(), m_agents.cend(),
                                        [&vote](const AgentRuntime *a) { return a->agent.id == vote.agentId; });
        const QString name = voter == m_agents.cend() ? vote.agentId.toString() : (*voter)->agent.spec.name;
        described += QStringLiteral("\n- %1: %2").arg(name, vote.rawAnswer.simplified());
    }
    return answers;
}

ProviderRequest TaskRun::request(const AgentRuntime &agent, const RoundSpec &spec) const
{
    const int round = static_cast<int>(m_rounds.size());
    ProviderRequest r;
    r.callId = ++m_context.lastCallId;
    r.agentId = agent.agent.id;
    r.model = agent.agent.spec.model;
    r.parameters = agent.agent.spec.parameters;
    r.parametersRevision = agent.revision;
    r.systemPrompt = agent.agent.spec.systemPrompt;
    if (const QString remembered = m_memory.value(agent.agent.id.value); !remembered.isEmpty())
        r.systemPrompt += (r.systemPrompt.isEmpty() ? QString() : QStringLiteral("\n\n")) + remembered;
    r.userMessage = PromptRenderer::render(
        m_task.spec.promptTemplate, m_task.spec.variables,
        {agent.agent.spec.name, agent.index, Api::enumName(agent.agent.spec.role).toString(), m_task.id});
    QString described;
    r.peerAnswers = shownAnswers(agent, spec, described);
    if (!described.isEmpty()) {
        r.userMessage += QStringLiteral("\n\nAnswers of other agents in the previous round:") + described
            + QStringLiteral("\n\nConsider them, then give your own final answer.");
    }
    r.seedKey = SplitMix64::mix(SplitMix64::mix(m_task.id.value, static_cast<quint64>(m_task.attempt)),
                                SplitMix64::mix(agent.agent.id.value, static_cast<quint64>(round)));
    r.taskKey = m_task.id.value;
    r.referenceAnswer = m_task.spec.referenceAnswer;
    r.choices = m_task.spec.choices;
    return r;
}

void TaskRun::startRound(const RoundSpec &spec)
{
    for (auto &call : m_calls)
        m_earlierCalls.push_back(std::move(call));
    m_calls.clear();
    m_rounds.append(Api::Round {static_cast<int>(m_rounds.size()), {}});
    const std::vector<AgentRuntime *> agents = audience(spec.audience);
    m_rounds.last().votes.reserve(static_cast<qsizetype>(agents.size()));
    m_calls.reserve(agents.size());
    for (AgentRuntime *agent : agents) {
        ProviderRegistry::Entry &provider = *m_context.providers.find(agent->agent.spec.provider);
        // Each call needs a key of its own in every limiter; the order stays the task's.
        const SchedulingKey callKey {m_key.priority, m_key.deadlineMs, ++m_context.lastSchedulingSeq};
        m_calls.push_back(std::make_unique<AgentCall>(*this, *agent, provider.provider, provider.limiter,
                                                      m_context.globalCalls, callKey, request(*agent, spec)));
    }
    m_pending = static_cast<int>(m_calls.size());
    m_roundStarted = true;
    m_roundReported = false;
    for (std::size_t i = 0; i < m_calls.size(); ++i) {
        if (m_calls[i]->stage() == AgentCall::Stage::Waiting)
            m_calls[i]->begin();
    }
    finishIfDone();
}

void TaskRun::callStarting(AgentCall &call)
{
    m_supervisor.callStarted(call.agent());
}

AgentCall *TaskRun::findCall(quint64 callId)
{
    for (const auto &call : m_calls) {
        if (call->callId() == callId)
            return call.get();
    }
    return nullptr;
}

Api::Vote &TaskRun::appendVote(Api::AgentId agent)
{
    Api::Round &round = m_rounds.last();
    round.votes.append(Api::Vote {});
    Api::Vote &vote = round.votes.last();
    vote.agentId = agent;
    if (m_weighted)
        vote.weight = ReputationBook::logOddsWeight(m_context.reputations.probability(agent, m_task.spec.tags));
    return vote;
}

void TaskRun::providerFinished(quint64 callId, Api::Result<ProviderResponse> result)
{
    AgentCall *call = findCall(callId);
    if (!call || call->stage() != AgentCall::Stage::InFlight)
        return;
    call->completed();
    AgentRuntime &agent = call->agent();
    const double seconds = static_cast<double>(monotonicUs() - call->startedMonotonicUs()) / 1e6;
    const EngineMetrics::ProviderSeries &series = *agent.providerMetrics;
    series.calls->add();
    series.duration->observe(seconds);

    Api::Vote &vote = appendVote(agent.agent.id);
    vote.latencyMs = static_cast<int>(std::lround(seconds * 1000));
    if (result.ok()) {
        const ProviderResponse &response = result.value();
        const auto normalized
            = AnswerNormalizer::normalize(response.text, m_task.spec.answerFormat, m_task.spec.choices);
        vote.status = normalized.status;
        vote.rawAnswer = response.text;
        vote.normalizedAnswer = normalized.answer;
        vote.promptTokens = response.promptTokens;
        vote.completionTokens = response.completionTokens;
        vote.costUsd = response.costUsd;
        m_context.metrics.promptTokens.add(response.promptTokens);
        m_context.metrics.completionTokens.add(response.completionTokens);
        m_context.metrics.costUsd.add(response.costUsd);
    } else {
        vote.status
            = result.error().code == Api::ErrorCode::DeadlineExceeded ? VoteStatus::TimedOut : VoteStatus::Failed;
        vote.rationale = result.error().message;
        series.errors->add();
    }
    m_costUsd += vote.costUsd;
    const CallOutcome outcome {!result.ok(), vote.promptTokens, vote.completionTokens, vote.costUsd, vote.latencyMs};
    --m_pending;
    // Settle the budget while this call still holds its slots: released first, a slot would start
    // this task's next waiting call, which the budget no longer pays for.
    const double budget = m_task.spec.budgetUsd;
    if (budget > 0 && m_task.costUsd + m_costUsd >= budget && m_pending > 0) {
        m_budgetExhausted = true;
        abort(VoteStatus::Cancelled, QStringLiteral("task budget of %1 USD spent").arg(budget));
    }
    call->releaseSlots();
    m_supervisor.callFinished(agent, outcome);
    finishIfDone();
}

void TaskRun::recordUncounted(Api::AgentId agent, VoteStatus status, const QString &why)
{
    Api::Vote &vote = appendVote(agent);
    vote.status = status;
    vote.rationale = why;
    --m_pending;
}

void TaskRun::recordWithdrawn(AgentCall &call, VoteStatus status, const QString &why)
{
    const bool wasInFlight = call.stage() == AgentCall::Stage::InFlight;
    call.withdraw();
    if (wasInFlight)
        m_supervisor.callFinished(call.agent(), CallOutcome {});
    recordUncounted(call.agent().agent.id, status, why);
}

void TaskRun::abort(VoteStatus status, const QString &why)
{
    m_aborting = true;
    // Waiting calls first: withdrawing an in-flight call frees slots, which must not go to them.
    for (const auto &call : m_calls) {
        if (call->stage() == AgentCall::Stage::Waiting)
            recordWithdrawn(*call, status, why);
    }
    for (const auto &call : m_calls) {
        if (call->stage() == AgentCall::Stage::InFlight)
            recordWithdrawn(*call, status, why);
    }
}

bool TaskRun::mayStart(const AgentCall &call) const
{
    return !m_aborting && AgentLifecycle::acceptsWork(call.agent().agent.state);
}

void TaskRun::callRefused(AgentCall &call)
{
    const QString why = m_aborting
        ? QStringLiteral("the attempt was stopped")
        : QStringLiteral("agent is %1").arg(Api::enumName(call.agent().agent.state).toString());
    recordUncounted(call.agent().agent.id, VoteStatus::Cancelled, why);
    finishIfDone();
}

void TaskRun::withdrawAgent(Api::AgentId agent, bool cancelInFlight, const QString &why)
{
    for (const auto &call : m_calls) {
        if (call->agent().agent.id != agent || call->stage() == AgentCall::Stage::Done)
            continue;
        if (call->stage() == AgentCall::Stage::Waiting || cancelInFlight)
            recordWithdrawn(*call, VoteStatus::Cancelled, why);
    }
    finishIfDone();
}

void TaskRun::finishIfDone()
{
    if (m_roundStarted && m_pending == 0 && !m_roundReported) {
        m_roundReported = true;
        m_host.roundFinished(*this);
    }
}

} // namespace QwenSwarm::Engine
