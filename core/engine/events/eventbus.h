#pragma once

#include <api/event.h>

#include <atomic>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace QwenSwarm::Engine {

/// Where a subscription's events go. Called on the engine thread; an implementation hands batches
/// to another thread and, once a batch is consumed there, subtracts its size from `unconsumed`.
/// A flush ends with flushed() for every sink it gave something to, so that a sink can hand over
/// all of one flush at once.
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void deliverEvents(Api::SubscriptionId id, QList<Api::Event> &&events,
                               const std::shared_ptr<std::atomic<qint64>> &unconsumed)
        = 0;
    virtual void deliverDropped(Api::SubscriptionId id, quint64 firstSeq, quint64 lastSeq) = 0;
    virtual void flushed() { }
};

/// Numbers events from one sequence, keeps the newest `historyCapacity` for resuming, and fans them
/// out to subscriptions in batches. A subscription whose consumer falls more than `backlogLimit`
/// events behind loses the overflow, and is told which seqs it lost before it gets newer events.
/// Engine thread only.
class EventBus
{
public:
    EventBus(std::size_t historyCapacity, qint64 backlogLimit);

    /// Called when the first event after a flush is offered to (or dropped for) a subscription, so
    /// the owner can schedule the next flush.
    void setFlushRequest(std::function<void()> request) { m_requestFlush = std::move(request); }

    quint64 publish(qint64 timeMs, Api::EventPayload payload);
    quint64 headSeq() const { return m_nextSeq - 1; }
    /// The oldest seq still retained (headSeq() + 1 when none is).
    quint64 oldestRetainedSeq() const;

    /// Starts a subscription, replaying retained events after spec.resumeAfterSeq (a gap reported first).
    Api::Subscription subscribe(const Api::SubscriptionSpec &spec, EventSink *sink);
    bool unsubscribe(Api::SubscriptionId id);
    /// Drops every subscription of a sink that goes away.
    void removeSink(EventSink *sink);
    std::size_t subscriptionCount() const { return m_subscriptions.size(); }
    quint64 droppedTotal() const { return m_droppedTotal; }

    /// Hands pending batches to their sinks, and drop notices to consumers that have caught up.
    void flush();
    /// Whether a drop notice waits for its consumer to catch up (the owner should flush again later).
    bool hasUndeliveredGaps() const;

private:
    struct Gap
    {
        quint64 first = 0; ///< 0 = none.
        quint64 last = 0;
        bool open() const { return first != 0; }
    };

    struct Subscription
    {
        Api::SubscriptionSpec spec;
        quint32 topicMask = 0;
        quint32 taskStateMask = 0;
        EventSink *sink = nullptr;
        QList<Api::Event> pending;
        std::shared_ptr<std::atomic<qint64>> unconsumed = std::make_shared<std::atomic<qint64>>(0);
        /// Seqs a resume asked for that are no longer retained: reported before the replay.
        Gap resumeGap;
        /// Seqs dropped because the consumer fell behind: reported once it has caught up.
        Gap overflowGap;
    };

    static bool matches(const Subscription &s, const Api::Event &event);
    void offer(Subscription &s, const Api::Event &event);
    void requestFlush();

    std::vector<Api::Event> m_history; // ring
    std::size_t m_historyStart = 0;
    std::size_t m_historySize = 0;
    qint64 m_backlogLimit;
    quint64 m_nextSeq = 1;
    quint64 m_nextSubscription = 1;
    quint64 m_droppedTotal = 0;
    std::unordered_map<quint64, Subscription> m_subscriptions;
    std::function<void()> m_requestFlush;
    bool m_flushRequested = false;
};

} // namespace QwenSwarm::Engine
