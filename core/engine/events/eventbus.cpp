#include "events/eventbus.h"

#include <algorithm>

namespace QwenSwarm::Engine {

using namespace Api;

namespace {

quint32 bit(int index)
{
    return 1u << index;
}

struct Subjects
{
    SwarmId swarm;
    AgentId agent;
    TaskId task;
    int taskState = -1;
};

Subjects subjectsOf(const EventPayload &payload)
{
    struct Visitor
    {
        Subjects operator()(const SwarmEvent &e) const { return {e.swarmId, {}, {}}; }
        Subjects operator()(const AgentEvent &e) const { return {e.swarmId, e.agentId, {}}; }
        Subjects operator()(const TaskEvent &e) const { return {e.swarmId, {}, e.taskId, static_cast<int>(e.to)}; }
        Subjects operator()(const DecisionEvent &e) const { return {e.swarmId, {}, e.taskId}; }
        Subjects operator()(const LogEvent &) const { return {}; }
        Subjects operator()(const AuditEvent &) const { return {}; }
        Subjects operator()(const RunEvent &) const { return {}; }
    };
    return std::visit(Visitor {}, payload);
}

} // namespace

EventBus::EventBus(std::size_t historyCapacity, qint64 backlogLimit)
    : m_history(std::max<std::size_t>(historyCapacity, 1))
    , m_backlogLimit(std::max<qint64>(backlogLimit, 1))
{ }

quint64 EventBus::oldestRetainedSeq() const
{
    return m_historySize == 0 ? m_nextSeq : m_history[m_historyStart].seq;
}

quint64 EventBus::publish(qint64 timeMs, EventPayload payload)
{
    Event event {m_nextSeq++, timeMs, std::move(payload)};
    for (auto &[id, subscription] : m_subscriptions) {
        if (matches(subscription, event))
            offer(subscription, event);
    }
    const std::size_t slot = (m_historyStart + m_historySize) % m_history.size();
    if (m_historySize == m_history.size())
        m_historyStart = (m_historyStart + 1) % m_history.size();
    else
        ++m_historySize;
    m_history[slot] = std::move(event);
    return m_history[slot].seq;
}

bool EventBus::matches(const Subscription &s, const Event &event)
{
    if (s.topicMask && !(s.topicMask & bit(static_cast<int>(event.topic()))))
        return false;
    const SubscriptionSpec &spec = s.spec;
    if (!spec.swarmId.isValid() && !spec.agentId.isValid() && !spec.taskId.isValid() && !s.taskStateMask)
        return true;
    const Subjects subjects = subjectsOf(event.payload);
    if (spec.swarmId.isValid() && subjects.swarm != spec.swarmId)
        return false;
    if (spec.agentId.isValid() && subjects.agent != spec.agentId)
        return false;
    if (spec.taskId.isValid() && subjects.task != spec.taskId)
        return false;
    if (s.taskStateMask && subjects.taskState >= 0 && !(s.taskStateMask & bit(subjects.taskState)))
        return false;
    return true;
}

void EventBus::offer(Subscription &s, const Event &event)
{
    const qint64 backlog = s.unconsumed->load(std::memory_order_relaxed) + s.pending.size();
    if (backlog >= m_backlogLimit || s.overflowGap.open()) {
        // Once a gap opened, keep dropping until the consumer has caught up completely, so the client
        // gets one contiguous gap and one reload instead of a trickle of small ones.
        if (!s.overflowGap.open())
            s.overflowGap.first = event.seq;
        s.overflowGap.last = event.seq;
        ++m_droppedTotal;
        requestFlush();
        return;
    }
    s.pending.append(event);
    requestFlush();
}

void EventBus::requestFlush()
{
    if (m_flushRequested || !m_requestFlush)
        return;
    m_flushRequested = true;
    m_requestFlush();
}

Api::Subscription EventBus::subscribe(const SubscriptionSpec &spec, EventSink *sink)
{
    const SubscriptionId id(m_nextSubscription++);
    Subscription s;
    s.spec = spec;
    s.sink = sink;
    for (Topic t : spec.topics)
        s.topicMask |= bit(static_cast<int>(t));
    for (TaskState state : spec.taskStates)
        s.taskStateMask |= bit(static_cast<int>(state));
    if (spec.resumeAfterSeq) {
        const quint64 from = *spec.resumeAfterSeq + 1;
        const quint64 oldest = oldestRetainedSeq();
        if (from < oldest && from < m_nextSeq)
            s.resumeGap = {from, std::min(oldest, m_nextSeq) - 1};
        for (std::size_t i = 0; i < m_historySize; ++i) {
            const Event &e = m_history[(m_historyStart + i) % m_history.size()];
            if (e.seq >= from && matches(s, e))
                s.pending.append(e);
        }
        if (s.resumeGap.open() || !s.pending.isEmpty())
            requestFlush();
    }
    m_subscriptions.emplace(id.value, std::move(s));
    return {id, headSeq()};
}

bool EventBus::unsubscribe(SubscriptionId id)
{
    return m_subscriptions.erase(id.value) > 0;
}

void EventBus::removeSink(EventSink *sink)
{
    std::erase_if(m_subscriptions, [sink](const auto &entry) { return entry.second.sink == sink; });
}

void EventBus::flush()
{
    m_flushRequested = false;
    std::vector<EventSink *> served; // few: one per consumer
    const auto serve = [&served](EventSink *sink) {
        if (std::find(served.cbegin(), served.cend(), sink) == served.cend())
            served.push_back(sink);
    };
    for (auto &[id, s] : m_subscriptions) {
        if (s.resumeGap.open()) {
            s.sink->deliverDropped(SubscriptionId(id), s.resumeGap.first, s.resumeGap.last);
            s.resumeGap = {};
            serve(s.sink);
        }
        if (!s.pending.isEmpty()) {
            s.unconsumed->fetch_add(s.pending.size(), std::memory_order_relaxed);
            s.sink->deliverEvents(SubscriptionId(id), std::move(s.pending), s.unconsumed);
            s.pending = {};
            serve(s.sink);
        }
        if (s.overflowGap.open() && s.unconsumed->load(std::memory_order_acquire) == 0) {
            s.sink->deliverDropped(SubscriptionId(id), s.overflowGap.first, s.overflowGap.last);
            s.overflowGap = {};
            serve(s.sink);
        }
    }
    for (EventSink *sink : served)
        sink->flushed();
}

bool EventBus::hasUndeliveredGaps() const
{
    return std::any_of(m_subscriptions.cbegin(), m_subscriptions.cend(),
                       [](const auto &entry) { return entry.second.overflowGap.open(); });
}

} // namespace QwenSwarm::Engine
