#include "scheduler/taskrun.h"

#include "agents/agentlifecycle.h"
#include "agents/agentsupervisor.h"
#include "consensus/answernormalizer.h"
#include "prompt/promptrenderer.h"
#include "runtime/enginecontext.h"
#include "scheduler/timerqueue.h"

namespace QwenSwarm::Engine {

using Api::VoteStatus;

TaskRun::TaskRun(EngineContext &context, AgentSupervisor &supervisor, Host &host, const Api::Task &task,
                 const std::vector<AgentRuntime *> &agents, const SchedulingKey &key)
    : m_context(context)
    , m_supervisor(supervisor)
    , m_host(host)
    , m_taskId(task.id)
    , m_attempt(task.attempt)
    , m_format(task.spec.answerFormat)
    , m_choices(task.spec.choices)
    , m_budgetUsd(task.spec.budgetUsd)
    , m_costBefore(task.costUsd)
{
    m_round.index = 0;
    m_round.votes.reserve(static_cast<qsizetype>(agents.size()));
    m_calls.reserve(agents.size());
    for (AgentRuntime *agent : agents) {
        ProviderRequest request;
        request.callId = ++m_context.lastCallId;
        request.agentId = agent->agent.id;
        request.model = agent->agent.spec.model;
        request.parameters = agent->agent.spec.parameters;
        request.parametersRevision = agent->revision;
        request.systemPrompt = agent->agent.spec.systemPrompt;
        request.userMessage = PromptRenderer::render(
            task.spec.promptTemplate, task.spec.variables,
            {agent->agent.spec.name, agent->index, Api::enumName(agent->agent.spec.role).toString(), task.id});
        request.seedKey = SplitMix64::mix(SplitMix64::mix(task.id.value, static_cast<quint64>(task.attempt)),
                                          agent->agent.id.value);
        request.taskKey = task.id.value;
        request.referenceAnswer = task.spec.referenceAnswer;
        request.choices = task.spec.choices;
        ConcurrencyLimiter &providerLimiter = m_context.providers.find(agent->agent.spec.provider)->limiter;
        // Each call needs a key of its own in every limiter; the order stays the task's.
        SchedulingKey callKey {key.priority, key.deadlineMs, ++m_context.lastSchedulingSeq};
        m_calls.push_back(std::make_unique<AgentCall>(*this, *agent, providerLimiter, m_context.globalCalls, callKey,
                                                      std::move(request)));
    }
    m_pending = static_cast<int>(m_calls.size());
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

void TaskRun::start()
{
    m_started = true;
    for (const auto &call : m_calls) {
        if (call->stage() == AgentCall::Stage::Waiting)
            call->begin();
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

void TaskRun::providerFinished(quint64 callId, Api::Result<ProviderResponse> result)
{
    AgentCall *call = findCall(callId);
    if (!call || call->stage() != AgentCall::Stage::InFlight)
        return;
    call->completed();
    AgentRuntime &agent = call->agent();
    const double seconds = static_cast<double>(monotonicUs() - call->startedMonotonicUs()) / 1e6;

    Api::Vote vote;
    vote.agentId = agent.agent.id;
    vote.latencyMs = static_cast<int>(std::lround(seconds * 1000));
    const EngineMetrics::ProviderSeries &series = *agent.providerMetrics;
    series.calls->add();
    series.duration->observe(seconds);
    if (result.ok()) {
        const ProviderResponse &response = result.value();
        const auto normalized = AnswerNormalizer::normalize(response.text, m_format, m_choices);
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
    const int promptTokens = vote.promptTokens;
    const int completionTokens = vote.completionTokens;
    const double cost = vote.costUsd;
    m_round.votes.append(std::move(vote));
    --m_pending;
    // Settle the budget while this call still holds its slots: released first, a slot would start
    // this task's next waiting call, which the budget no longer pays for.
    if (m_budgetUsd > 0 && m_costBefore + m_costUsd >= m_budgetUsd && m_pending > 0) {
        m_budgetExhausted = true;
        abort(VoteStatus::Cancelled, QStringLiteral("task budget of %1 USD spent").arg(m_budgetUsd));
    }
    call->releaseSlots();
    m_supervisor.callFinished(agent, !result.ok(), promptTokens, completionTokens, cost);
    finishIfDone();
}

void TaskRun::recordUncounted(Api::AgentId agent, VoteStatus status, const QString &why)
{
    Api::Vote vote;
    vote.agentId = agent;
    vote.status = status;
    vote.rationale = why;
    m_round.votes.append(std::move(vote));
    --m_pending;
}

void TaskRun::recordWithdrawn(AgentCall &call, VoteStatus status, const QString &why)
{
    const bool wasInFlight = call.stage() == AgentCall::Stage::InFlight;
    call.withdraw();
    if (wasInFlight)
        m_supervisor.callFinished(call.agent(), false, 0, 0, 0);
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
    if (m_started && m_pending == 0 && !m_reported) {
        m_reported = true;
        m_host.runFinished(*this);
    }
}

} // namespace QwenSwarm::Engine
