#include "scheduler/scheduler.h"

#include "agents/agentlifecycle.h"
#include "learning/agentrouter.h"
#include "memory/memoryrecorder.h"
#include "prompt/memorycontext.h"
#include "runtime/clock.h"
#include "runtime/enginecontext.h"
#include "scheduler/backoff.h"

namespace QwenSwarm::Engine {

using Api::ErrorCode;
using Api::TaskState;
using Api::VoteStatus;

Scheduler::Scheduler(QObject *owner, EngineContext &context, AgentSupervisor &supervisor)
    : m_context(context)
    , m_supervisor(supervisor)
    , m_backoffTimers(owner, [this](BackoffTimer &&t) { backoffOver(t); })
    , m_deadlineTimers(owner, [this](Api::TaskId &&id) { deadlinePassed(id); })
{
    m_supervisor.setListener(this);
}

Scheduler::~Scheduler()
{
    m_supervisor.setListener(nullptr);
    // Runs withdraw their calls (and cancel provider calls) as they go.
    m_finishedRuns.clear();
    m_tasks.clear();
}

Scheduler::Entry *Scheduler::entry(Api::TaskId id)
{
    const auto it = m_tasks.find(id.value);
    return it == m_tasks.end() ? nullptr : it->second.get();
}

const Api::Task *Scheduler::find(Api::TaskId id) const
{
    const auto it = m_tasks.find(id.value);
    return it == m_tasks.end() ? nullptr : &it->second->task;
}

bool Scheduler::hasUnfinishedTasks(Api::SwarmId swarm) const
{
    return std::any_of(m_tasks.cbegin(), m_tasks.cend(),
                       [swarm](const auto &entry) { return entry.second->task.spec.swarmId == swarm; });
}

void Scheduler::reserveDecisionIds(quint64 lastDecisionId)
{
    m_lastDecisionId = std::max(m_lastDecisionId, lastDecisionId);
}

void Scheduler::accept(Api::Task task, const QString &cause)
{
    auto owned = std::make_unique<Entry>();
    Entry &e = *owned;
    e.task = std::move(task);
    e.key = SchedulingKey {e.task.spec.priority, e.task.effectiveDeadlineMs, ++m_context.lastSchedulingSeq};
    const TaskState from = e.task.state;
    e.task.state = TaskState::Queued;
    e.task.stateReason = cause;
    m_tasks.emplace(e.task.id.value, std::move(owned));
    m_context.metrics.tasksIn(TaskState::Queued).add(1);
    m_context.events.publish(
        wallClockMs(), Api::TaskEvent {e.task.id, e.task.spec.swarmId, from, TaskState::Queued, e.task.attempt, cause});
    if (from != TaskState::Queued)
        m_context.storeWriter.append(TaskProgress::of(e.task));
    scheduleDeadline(e.task);
    makeReady(e);
    pump();
}

void Scheduler::scheduleDeadline(const Api::Task &task)
{
    if (task.effectiveDeadlineMs == 0)
        return;
    const qint64 remaining = task.effectiveDeadlineMs - wallClockMs();
    m_deadlineTimers.schedule(monotonicUs() + std::max<qint64>(0, remaining) * 1000, task.id);
}

void Scheduler::makeReady(Entry &e)
{
    e.place = Place::Ready;
    m_ready.emplace(e.key, &e);
    updateQueueDepth();
}

void Scheduler::leavePlace(Entry &e)
{
    switch (e.place) {
    case Place::Ready:
        m_ready.erase(e.key);
        break;
    case Place::Backoff:
        --m_backoffCount; // its timer finds the task gone or moved on, and does nothing
        break;
    case Place::Parked: {
        auto &parked = m_parked[e.task.spec.swarmId.value];
        std::erase(parked, &e);
        --m_parkedCount;
        break;
    }
    case Place::Running:
        --m_running;
        break;
    }
    updateQueueDepth();
}

void Scheduler::updateQueueDepth()
{
    m_context.metrics.queueDepth.set(static_cast<double>(m_ready.size() + m_parkedCount + m_backoffCount));
}

void Scheduler::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    while (!m_ready.empty()
           && (m_context.config.maxRunningTasks <= 0 || m_running < m_context.config.maxRunningTasks)) {
        Entry &e = *m_ready.begin()->second;
        leavePlace(e);
        startAttempt(e);
    }
    m_pumping = false;
}

std::vector<AgentRuntime *> Scheduler::selectAgents(const Api::Task &task, SwarmRuntime &swarm) const
{
    const Api::AgentSelection &selection = task.spec.selection;
    std::vector<AgentRuntime *> chosen;
    chosen.reserve(swarm.agents.size());
    for (AgentRuntime *agent : swarm.agents) {
        if (!AgentLifecycle::acceptsWork(agent->agent.state))
            continue;
        if (!selection.agentIds.isEmpty() && !selection.agentIds.contains(agent->agent.id))
            continue;
        const QStringList &tags = agent->agent.spec.tags;
        if (!std::all_of(selection.requiredTags.cbegin(), selection.requiredTags.cend(),
                         [&tags](const QString &t) { return tags.contains(t); }))
            continue;
        chosen.push_back(agent);
        // Adaptive routing chooses among all that qualify and applies maxAgents itself.
        if (selection.routing == Api::Routing::All && selection.maxAgents > 0
            && static_cast<int>(chosen.size()) == selection.maxAgents)
            break;
    }
    return chosen;
}

std::vector<AgentRuntime *> Scheduler::route(const Api::Task &task, std::vector<AgentRuntime *> qualified) const
{
    if (task.spec.selection.routing != Api::Routing::Adaptive)
        return qualified;
    std::vector<AgentRouter::Candidate> candidates;
    for (AgentRuntime *agent : qualified) {
        const Api::AgentStats &stats = agent->agent.stats;
        const double cost = stats.calls > 0 ? stats.costUsd / static_cast<double>(stats.calls) : 0;
        candidates.push_back({agent, cost, agent->latencyAverageMs});
    }
    const qint64 timeLeft
        = task.effectiveDeadlineMs > 0 ? std::max<qint64>(1, task.effectiveDeadlineMs - wallClockMs()) : 0;
    const double budgetLeft = task.spec.budgetUsd > 0 ? std::max(1e-12, task.spec.budgetUsd - task.costUsd) : 0;
    // Seeded by the task, so the same run routes the same way whatever the timing.
    SplitMix64 rng(SplitMix64::mix(m_context.config.seed ^ 0xbb67ae8584caa73bULL,
                                   SplitMix64::mix(task.id.value, static_cast<quint64>(task.attempt))));
    return AgentRouter::choose(candidates, m_context.reputations, task.spec.tags, task.spec.selection.maxAgents,
                               budgetLeft, timeLeft, rng);
}

void Scheduler::startAttempt(Entry &e)
{
    SwarmRuntime *swarm = m_context.agents.swarm(e.task.spec.swarmId);
    if (!swarm) {
        e.task.error = Api::makeError(ErrorCode::NotFound,
                                      QStringLiteral("swarm %1 no longer exists").arg(e.task.spec.swarmId.value));
        finish(e, TaskState::Failed, QStringLiteral("swarm removed"));
        return;
    }
    const std::vector<AgentRuntime *> agents = route(e.task, selectAgents(e.task, *swarm));
    if (agents.empty()) {
        e.place = Place::Parked;
        m_parked[swarm->swarm.id.value].push_back(&e);
        ++m_parkedCount;
        updateQueueDepth();
        transition(e.task, TaskState::Queued, QStringLiteral("waiting for an agent that can take work"));
        return;
    }
    ++e.task.attempt;
    if (e.task.startedMs == 0)
        e.task.startedMs = wallClockMs();
    e.place = Place::Running;
    ++m_running;
    transition(e.task, TaskState::Running, QStringLiteral("attempt started"));
    if (!MemoryContext::wanted(m_context, agents))
        return launch(e, agents, {});
    // The attempt waits for its agents' memory; what happens to the task meanwhile (a cancel, a
    // deadline) is checked when it arrives, and agents that left are left out.
    QList<Api::AgentId> ids;
    for (const AgentRuntime *agent : agents)
        ids.append(agent->agent.id);
    MemoryContext::load(m_context, agents, [this, id = e.task.id, attempt = e.task.attempt, ids](auto memory) {
        Entry *waiting = entry(id);
        if (!waiting || waiting->place != Place::Running || waiting->run || waiting->task.attempt != attempt)
            return;
        std::vector<AgentRuntime *> still;
        for (const Api::AgentId agentId : ids) {
            if (AgentRuntime *agent = m_context.agents.agent(agentId))
                still.push_back(agent);
        }
        if (still.empty())
            return attemptFailed(
                *waiting,
                Api::makeError(ErrorCode::Unavailable, QStringLiteral("the task's agents left before it started")));
        launch(*waiting, still, std::move(memory));
    });
}

void Scheduler::launch(Entry &e, const std::vector<AgentRuntime *> &agents, QHash<quint64, QString> memory)
{
    SwarmRuntime *swarm = m_context.agents.swarm(e.task.spec.swarmId);
    const Api::StrategySpec &strategy = *e.task.spec.strategy;
    const ConsensusStrategy *consensus = m_context.strategies.find(strategy.name);
    e.run = std::make_unique<TaskRun>(
        m_context, m_supervisor, *this,
        TaskRun::Setup {e.task, agents, swarm ? swarm->swarm.topology : Api::Topology::Mesh, e.key,
                        consensus->usesReputation(strategy.parameters), std::move(memory)});
    e.run->startRound(consensus->roundSpec(strategy.parameters, 0));
}

void Scheduler::roundFinished(TaskRun &run)
{
    Entry *e = entry(run.taskId());
    if (!e || e->run.get() != &run)
        return;
    const Api::StrategySpec &strategy = *e->task.spec.strategy;
    const ConsensusStrategy *consensus = m_context.strategies.find(strategy.name);
    const Verdict verdict = consensus->decide(strategy.parameters, run.rounds());
    const int rounds = static_cast<int>(run.rounds().size());
    if (verdict.anotherRound && rounds < consensus->maxRounds(strategy.parameters) && !run.budgetExhausted()) {
        run.startRound(consensus->roundSpec(strategy.parameters, rounds));
        return;
    }
    e->task.costUsd += run.costUsd();
    transition(e->task, TaskState::Deciding, QStringLiteral("votes in"), false);
    settle(*e, verdict);
}

Api::Decision Scheduler::recordDecision(Entry &e, const Verdict &verdict)
{
    Api::Decision decision;
    decision.id = Api::DecisionId(++m_lastDecisionId);
    decision.taskId = e.task.id;
    decision.swarmId = e.task.spec.swarmId;
    decision.attempt = e.task.attempt;
    decision.strategy = *e.task.spec.strategy;
    decision.rounds = e.run->rounds();
    decision.outcome = verdict.outcome;
    decision.answer = verdict.answer;
    decision.agreement = verdict.agreement;
    decision.dissenters = verdict.dissenters;
    decision.createdMs = wallClockMs();
    const bool decided = verdict.outcome == Api::DecisionOutcome::Decided;
    m_context.metrics.decisions(decided).add();
    if (decided)
        m_context.metrics.agreement.observe(verdict.agreement);
    m_context.events.publish(decision.createdMs,
                             Api::DecisionEvent {decision.id, decision.taskId, decision.swarmId, decision.outcome,
                                                 decision.answer, decision.agreement});
    m_context.storeWriter.append(DecisionWrite {decision});
    MemoryRecorder::recordDecision(m_context, e.task, decision);
    m_context.reputations.learnFromDecision(decision, e.task.spec.tags, e.run->truth(), decision.createdMs);
    return decision;
}

void Scheduler::settle(Entry &e, const Verdict &verdict)
{
    const Api::Decision decision = recordDecision(e, verdict);
    if (verdict.outcome == Api::DecisionOutcome::Decided) {
        e.task.result = Api::TaskResult {decision.answer, decision.id, decision.agreement};
        e.task.error.reset();
        finish(e, TaskState::Succeeded, QStringLiteral("decided"));
        return;
    }
    const auto &votes = e.run->rounds().constLast().votes;
    const bool anyValid
        = std::any_of(votes.cbegin(), votes.cend(), [](const Api::Vote &v) { return v.status == VoteStatus::Valid; });
    const auto failed
        = std::find_if(votes.cbegin(), votes.cend(), [](const Api::Vote &v) { return v.status == VoteStatus::Failed; });
    Api::Error error;
    if (e.run->budgetExhausted()) {
        error = Api::makeError(ErrorCode::ResourceExhausted, QStringLiteral("task budget spent before a decision"));
    } else if (!anyValid && failed != votes.cend()) {
        error = Api::makeError(ErrorCode::ProviderError,
                               QStringLiteral("no valid vote; a provider call failed: ") + failed->rationale,
                               {{QStringLiteral("retriable"), true}});
    } else {
        QJsonObject details {{QStringLiteral("reason"), verdict.reason},
                             {QStringLiteral("decision_id"), static_cast<qint64>(decision.id.value)}};
        if (verdict.escalate)
            details.insert(QStringLiteral("escalated"), true);
        error = Api::makeError(ErrorCode::NoConsensus, QStringLiteral("no consensus: ") + verdict.reason, details);
    }
    if (verdict.escalate) {
        // An operator has to look: no automatic retry.
        m_finishedRuns.push_back(std::move(e.run));
        e.task.error = error;
        finish(e, TaskState::Failed, QStringLiteral("escalated to an operator"));
        return;
    }
    attemptFailed(e, error);
}

void Scheduler::attemptFailed(Entry &e, const Api::Error &error)
{
    m_finishedRuns.push_back(std::move(e.run));
    const bool retriable = error.code == ErrorCode::NoConsensus || error.code == ErrorCode::ProviderError
        || error.code == ErrorCode::Unavailable;
    if (!retriable || e.task.attempt >= e.task.spec.retry.maxAttempts) {
        e.task.error = error;
        finish(e, TaskState::Failed, error.message);
        return;
    }
    const int delay = backoffDelayMs(e.task.spec.retry, e.task.attempt, m_context.jitter.unit());
    --m_running;
    e.place = Place::Backoff;
    ++m_backoffCount;
    updateQueueDepth();
    m_context.metrics.taskRetries.add();
    transition(e.task, TaskState::Queued, QStringLiteral("retry in %1 ms after: %2").arg(delay).arg(error.message));
    m_backoffTimers.schedule(monotonicUs() + qint64(delay) * 1000, BackoffTimer {e.task.id, e.task.attempt});
    pump();
}

void Scheduler::backoffOver(const BackoffTimer &timer)
{
    Entry *e = entry(timer.id);
    if (!e || e->place != Place::Backoff || e->task.attempt != timer.attempt)
        return;
    --m_backoffCount;
    makeReady(*e);
    pump();
}

void Scheduler::stopRun(Entry &e, VoteStatus status, const QString &why)
{
    if (!e.run)
        return;
    e.run->abort(status, why);
    e.task.costUsd += e.run->costUsd();
    Verdict verdict;
    verdict.reason = why;
    recordDecision(e, verdict);
    m_finishedRuns.push_back(std::move(e.run));
}

Api::Result<Api::Task> Scheduler::cancel(Api::TaskId id, const QString &reason)
{
    Entry *e = entry(id);
    if (!e)
        return Api::makeError(ErrorCode::NotFound, QStringLiteral("task %1 is not unfinished").arg(id.value));
    const QString cause
        = reason.isEmpty() ? QStringLiteral("cancelled by operator") : QStringLiteral("cancelled: ") + reason;
    stopRun(*e, VoteStatus::Cancelled, cause);
    e->task.error = Api::makeError(ErrorCode::Cancelled, cause);
    Api::Task final;
    finish(*e, TaskState::Cancelled, cause, &final);
    return final;
}

void Scheduler::deadlinePassed(Api::TaskId id)
{
    Entry *e = entry(id);
    if (!e || e->task.effectiveDeadlineMs == 0 || e->task.effectiveDeadlineMs > wallClockMs() + 1)
        return; // finished, or re-queued with a later deadline
    const QString cause = QStringLiteral("deadline passed");
    stopRun(*e, VoteStatus::TimedOut, cause);
    e->task.error = Api::makeError(ErrorCode::DeadlineExceeded, cause);
    finish(*e, TaskState::TimedOut, cause);
}

void Scheduler::finish(Entry &e, TaskState state, const QString &cause, Api::Task *final)
{
    leavePlace(e);
    e.task.finishedMs = wallClockMs();
    transition(e.task, state, cause);
    if (final)
        *final = e.task;
    m_context.metrics.tasksFinished(state).add();
    m_context.metrics.taskDuration.observe(static_cast<double>(e.task.finishedMs - e.task.createdMs) / 1000.0);
    if (e.run)
        m_finishedRuns.push_back(std::move(e.run));
    const Api::Task finished = m_finishObserver ? e.task : Api::Task {};
    m_tasks.erase(e.task.id.value);
    pump();
    if (m_finishObserver)
        m_finishObserver(finished);
}

void Scheduler::transition(Api::Task &task, TaskState to, const QString &cause, bool persist)
{
    const TaskState from = task.state;
    if (!Api::isTerminal(from))
        m_context.metrics.tasksIn(from).add(-1);
    if (!Api::isTerminal(to))
        m_context.metrics.tasksIn(to).add(1);
    task.state = to;
    task.stateReason = cause;
    if (persist)
        m_context.storeWriter.append(TaskProgress::of(task));
    m_context.events.publish(wallClockMs(), Api::TaskEvent {task.id, task.spec.swarmId, from, to, task.attempt, cause});
}

Api::Task Scheduler::requeue(Api::Task task, const QString &cause)
{
    task.result.reset();
    task.error.reset();
    task.finishedMs = 0;
    const TaskState from = task.state;
    task.state = TaskState::Queued;
    m_context.metrics.tasksIn(TaskState::Queued).add(1);
    task.stateReason = cause;
    m_context.storeWriter.append(TaskWrite {task});
    m_context.events.publish(wallClockMs(),
                             Api::TaskEvent {task.id, task.spec.swarmId, from, TaskState::Queued, task.attempt, cause});
    auto owned = std::make_unique<Entry>();
    owned->task = task;
    owned->key = SchedulingKey {task.spec.priority, task.effectiveDeadlineMs, ++m_context.lastSchedulingSeq};
    Entry &e = *owned;
    m_tasks.emplace(task.id.value, std::move(owned));
    scheduleDeadline(e.task);
    makeReady(e);
    pump();
    return task;
}

void Scheduler::agentWithdrawn(AgentRuntime &agent, bool cancelInFlight, const QString &cause)
{
    std::vector<Api::TaskId> affected;
    for (const auto &[id, e] : m_tasks) {
        if (e->run && e->run->involves(agent.agent.id))
            affected.push_back(e->task.id);
    }
    for (Api::TaskId id : affected) {
        if (Entry *e = entry(id); e && e->run)
            e->run->withdrawAgent(agent.agent.id, cancelInFlight, cause);
    }
}

void Scheduler::agentAvailable(SwarmRuntime &swarm)
{
    auto it = m_parked.find(swarm.swarm.id.value);
    if (it == m_parked.end() || it->second.empty())
        return;
    std::vector<Entry *> parked;
    parked.swap(it->second);
    m_parkedCount -= parked.size();
    for (Entry *e : parked)
        makeReady(*e);
    pump();
}

} // namespace QwenSwarm::Engine
