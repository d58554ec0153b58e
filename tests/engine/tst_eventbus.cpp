#include "events/eventbus.h"

#include <QTest>

#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using Api::Topic;

namespace {

// Records what a subscription's consumer is handed. It consumes nothing unless told to: a batch stays
// "unconsumed" until the test says the consumer caught up.
class FakeSink : public EventSink
{
public:
    struct Delivery
    {
        bool dropped = false;
        Api::SubscriptionId id;
        QList<quint64> seqs; // events
        quint64 firstSeq = 0; // drop notice
        quint64 lastSeq = 0;
    };

    void deliverEvents(Api::SubscriptionId id, QList<Api::Event> &&events,
                       const std::shared_ptr<std::atomic<qint64>> &unconsumed) override
    {
        Delivery d;
        d.id = id;
        for (const Api::Event &e : events)
            d.seqs.append(e.seq);
        lastEvents = events;
        counter = unconsumed;
        if (consumeAtOnce)
            unconsumed->fetch_sub(events.size());
        deliveries.push_back(std::move(d));
    }

    void deliverDropped(Api::SubscriptionId id, quint64 firstSeq, quint64 lastSeq) override
    {
        Delivery d;
        d.dropped = true;
        d.id = id;
        d.firstSeq = firstSeq;
        d.lastSeq = lastSeq;
        deliveries.push_back(std::move(d));
    }

    // The consumer has handled everything it was given.
    void consumeAll()
    {
        if (counter)
            counter->store(0);
    }

    // Every event seq delivered, in order, across batches.
    QList<quint64> eventSeqs() const
    {
        QList<quint64> all;
        for (const Delivery &d : deliveries) {
            if (!d.dropped)
                all += d.seqs;
        }
        return all;
    }

    // A readable log: "1-3" for a batch of seqs 1..3 (or "1,3" when not contiguous), "drop 4-6" for a notice.
    QStringList log() const
    {
        QStringList out;
        for (const Delivery &d : deliveries) {
            if (d.dropped) {
                out << QStringLiteral("drop %1-%2").arg(d.firstSeq).arg(d.lastSeq);
                continue;
            }
            bool contiguous = true;
            for (qsizetype i = 1; i < d.seqs.size(); ++i)
                contiguous = contiguous && d.seqs[i] == d.seqs[i - 1] + 1;
            if (contiguous && d.seqs.size() > 1) {
                out << QStringLiteral("%1-%2").arg(d.seqs.constFirst()).arg(d.seqs.constLast());
            } else {
                QStringList parts;
                for (quint64 s : d.seqs)
                    parts << QString::number(s);
                out << parts.join(u',');
            }
        }
        return out;
    }

    bool consumeAtOnce = false;
    std::vector<Delivery> deliveries;
    QList<Api::Event> lastEvents;
    std::shared_ptr<std::atomic<qint64>> counter;
};

Api::EventPayload logEvent(const QString &message = u"hello"_s)
{
    return Api::LogEvent {Api::LogLevel::Info, u"test"_s, message};
}

Api::SubscriptionSpec resumeAfter(quint64 seq)
{
    Api::SubscriptionSpec spec;
    spec.resumeAfterSeq = seq;
    return spec;
}

void publishLogs(EventBus &bus, int count)
{
    for (int i = 0; i < count; ++i)
        bus.publish(1000 + i, logEvent());
}

// The stream the filter tests subscribe to, seq 1..10.
void publishMixedStream(EventBus &bus)
{
    using namespace Api;
    bus.publish(1, SwarmEvent {SwarmId(1), SwarmChange::Created, u"alpha"_s});
    bus.publish(2, AgentEvent {AgentId(10), SwarmId(1), AgentState::Created, AgentState::Idle, false, u"spawn"_s});
    bus.publish(3, TaskEvent {TaskId(100), SwarmId(1), TaskState::Queued, TaskState::Running, 1, {}});
    bus.publish(4, DecisionEvent {DecisionId(1000), TaskId(100), SwarmId(1), DecisionOutcome::Decided, u"a"_s, 1.0});
    bus.publish(5, AgentEvent {AgentId(20), SwarmId(2), AgentState::Idle, AgentState::Busy, false, {}});
    bus.publish(6, TaskEvent {TaskId(200), SwarmId(2), TaskState::Deciding, TaskState::Succeeded, 1, {}});
    bus.publish(7, LogEvent {LogLevel::Warning, u"engine"_s, u"slow"_s});
    bus.publish(8, AuditEvent {u"admin"_s, u"swarm.create"_s, u"alpha"_s, true, {}});
    bus.publish(9, TaskEvent {TaskId(100), SwarmId(1), TaskState::Deciding, TaskState::Succeeded, 1, {}});
    bus.publish(10, SwarmEvent {SwarmId(2), SwarmChange::Updated, u"beta"_s});
}

} // namespace

class TestEventBus : public QObject
{
    Q_OBJECT

private slots:
    void seqNumbersIncreaseFromOne();
    void deliversOnFlushOnly();
    void deliversTimeAndPayload();
    void filters_data();
    void filters();
    void eachSubscriptionGetsItsOwnBatches();
    void backlogLimitDropsOverflowAndReportsIt();
    void consumerThatKeepsUpLosesNothing();
    void dropNoticeWaitsUntilConsumerCaughtUp();
    void resumeReplaysRetainedEvents();
    void resumeReplaysOnlyMatchingEvents();
    void resumeFromHeadReplaysNothing();
    void resumeBeforeRetainedHistoryReportsGapFirst();
    void resumeWithGapThenLiveEventsBeforeFlush();
    void unsubscribeStopsDelivery();
    void removeSinkStopsItsSubscriptions();
    void flushRequestedOncePerCycle();
};

void TestEventBus::seqNumbersIncreaseFromOne()
{
    EventBus bus(100, 1000);
    QCOMPARE(bus.headSeq(), quint64(0));
    QCOMPARE(bus.oldestRetainedSeq(), quint64(1));
    for (quint64 expected = 1; expected <= 5; ++expected) {
        QCOMPARE(bus.publish(0, logEvent()), expected);
        QCOMPARE(bus.headSeq(), expected);
    }
    QCOMPARE(bus.oldestRetainedSeq(), quint64(1));

    FakeSink sink;
    const Api::Subscription subscription = bus.subscribe({}, &sink);
    QCOMPARE(subscription.headSeq, quint64(5));
    QVERIFY(subscription.id.isValid());
    QVERIFY(bus.subscribe({}, &sink).id != subscription.id);
}

void TestEventBus::deliversOnFlushOnly()
{
    EventBus bus(100, 1000);
    FakeSink sink;
    const auto subscription = bus.subscribe({}, &sink);
    publishLogs(bus, 3);
    QVERIFY(sink.deliveries.empty());

    bus.flush();
    QCOMPARE(sink.log(), QStringList {u"1-3"_s});
    QCOMPARE(sink.deliveries.front().id, subscription.id);

    bus.flush(); // nothing new: nothing delivered
    QCOMPARE(sink.deliveries.size(), std::size_t(1));

    sink.consumeAll();
    publishLogs(bus, 1);
    bus.flush();
    QCOMPARE(sink.log(), (QStringList {u"1-3"_s, u"4"_s}));
}

void TestEventBus::deliversTimeAndPayload()
{
    EventBus bus(100, 1000);
    FakeSink sink;
    bus.subscribe({}, &sink);
    bus.publish(1234567, logEvent(u"disk almost full"_s));
    bus.flush();
    QCOMPARE(sink.lastEvents.size(), 1);
    const Api::Event &event = sink.lastEvents.constFirst();
    QCOMPARE(event.seq, quint64(1));
    QCOMPARE(event.timeMs, qint64(1234567));
    QCOMPARE(event.topic(), Topic::Logs);
    QCOMPARE(std::get<Api::LogEvent>(event.payload).message, u"disk almost full"_s);
}

void TestEventBus::filters_data()
{
    QTest::addColumn<Api::SubscriptionSpec>("spec");
    QTest::addColumn<QList<quint64>>("seqs");

    auto spec = [](QList<Topic> topics) {
        Api::SubscriptionSpec s;
        s.topics = std::move(topics);
        return s;
    };

    QTest::newRow("everything") << Api::SubscriptionSpec() << QList<quint64> {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    QTest::newRow("tasks topic") << spec({Topic::Tasks}) << QList<quint64> {3, 6, 9};
    QTest::newRow("tasks and decisions") << spec({Topic::Tasks, Topic::Decisions}) << QList<quint64> {3, 4, 6, 9};
    QTest::newRow("swarms topic") << spec({Topic::Swarms}) << QList<quint64> {1, 10};
    QTest::newRow("logs topic") << spec({Topic::Logs}) << QList<quint64> {7};
    QTest::newRow("audit topic") << spec({Topic::Audit}) << QList<quint64> {8};

    Api::SubscriptionSpec swarm1;
    swarm1.swarmId = Api::SwarmId(1);
    QTest::newRow("swarm 1") << swarm1 << QList<quint64> {1, 2, 3, 4, 9};

    Api::SubscriptionSpec swarm2Agents = spec({Topic::Agents});
    swarm2Agents.swarmId = Api::SwarmId(2);
    QTest::newRow("agents of swarm 2") << swarm2Agents << QList<quint64> {5};

    Api::SubscriptionSpec agent10;
    agent10.agentId = Api::AgentId(10);
    QTest::newRow("agent 10") << agent10 << QList<quint64> {2};

    Api::SubscriptionSpec task100;
    task100.taskId = Api::TaskId(100);
    QTest::newRow("task 100 with its decision") << task100 << QList<quint64> {3, 4, 9};

    Api::SubscriptionSpec succeeded = spec({Topic::Tasks});
    succeeded.taskStates = {Api::TaskState::Succeeded};
    QTest::newRow("tasks that succeeded") << succeeded << QList<quint64> {6, 9};

    Api::SubscriptionSpec running;
    running.taskStates = {Api::TaskState::Running, Api::TaskState::Failed};
    QTest::newRow("task states restrict only task events") << running << QList<quint64> {1, 2, 3, 4, 5, 7, 8, 10};

    Api::SubscriptionSpec swarm1Succeeded = spec({Topic::Tasks});
    swarm1Succeeded.swarmId = Api::SwarmId(1);
    swarm1Succeeded.taskStates = {Api::TaskState::Succeeded};
    QTest::newRow("swarm 1 tasks that succeeded") << swarm1Succeeded << QList<quint64> {9};

    Api::SubscriptionSpec nothing;
    nothing.swarmId = Api::SwarmId(3);
    QTest::newRow("unknown swarm") << nothing << QList<quint64> {};
}

void TestEventBus::filters()
{
    QFETCH(Api::SubscriptionSpec, spec);
    QFETCH(QList<quint64>, seqs);

    EventBus bus(100, 1000);
    FakeSink sink;
    bus.subscribe(spec, &sink);
    publishMixedStream(bus);
    bus.flush();
    QCOMPARE(sink.eventSeqs(), seqs);

    // The same filter applies to a replay.
    FakeSink replay;
    Api::SubscriptionSpec resumed = spec;
    resumed.resumeAfterSeq = 0;
    bus.subscribe(resumed, &replay);
    bus.flush();
    QCOMPARE(replay.eventSeqs(), seqs);
}

void TestEventBus::eachSubscriptionGetsItsOwnBatches()
{
    EventBus bus(100, 1000);
    FakeSink sink;
    Api::SubscriptionSpec tasks;
    tasks.topics = {Topic::Tasks};
    const auto all = bus.subscribe({}, &sink);
    const auto onlyTasks = bus.subscribe(tasks, &sink);
    publishMixedStream(bus);
    bus.flush();

    QCOMPARE(sink.deliveries.size(), std::size_t(2));
    for (const FakeSink::Delivery &d : sink.deliveries) {
        if (d.id == all.id)
            QCOMPARE(d.seqs.size(), 10);
        else if (d.id == onlyTasks.id)
            QCOMPARE(d.seqs, (QList<quint64> {3, 6, 9}));
        else
            QFAIL("delivery for an unknown subscription");
    }
}

void TestEventBus::backlogLimitDropsOverflowAndReportsIt()
{
    EventBus bus(1000, 3);
    FakeSink sink;
    bus.subscribe({}, &sink);

    publishLogs(bus, 5); // 1..3 fit, 4..5 overflow
    bus.flush();
    QCOMPARE(sink.log(), QStringList {u"1-3"_s});
    QCOMPARE(bus.droppedTotal(), quint64(2));

    publishLogs(bus, 2); // the consumer still has not caught up: 6..7 are lost too
    bus.flush();
    QCOMPARE(sink.log(), QStringList {u"1-3"_s});
    QVERIFY(bus.hasUndeliveredGaps());

    sink.consumeAll();
    bus.flush();
    QCOMPARE(sink.log(), (QStringList {u"1-3"_s, u"drop 4-7"_s}));
    QVERIFY(!bus.hasUndeliveredGaps());
    QCOMPARE(bus.droppedTotal(), quint64(4));

    // Events flow again.
    publishLogs(bus, 2);
    bus.flush();
    QCOMPARE(sink.log(), (QStringList {u"1-3"_s, u"drop 4-7"_s, u"8-9"_s}));
}

void TestEventBus::consumerThatKeepsUpLosesNothing()
{
    EventBus bus(1000, 3);
    FakeSink sink;
    sink.consumeAtOnce = true;
    bus.subscribe({}, &sink);
    for (int round = 0; round < 10; ++round) {
        publishLogs(bus, 3);
        bus.flush();
    }
    QCOMPARE(sink.eventSeqs().size(), 30);
    QCOMPARE(sink.eventSeqs().constLast(), quint64(30));
    QCOMPARE(bus.droppedTotal(), quint64(0));
}

void TestEventBus::dropNoticeWaitsUntilConsumerCaughtUp()
{
    EventBus bus(1000, 2);
    FakeSink sink;
    bus.subscribe({}, &sink);
    publishLogs(bus, 4);
    bus.flush();
    QCOMPARE(sink.log(), QStringList {u"1-2"_s});

    // Half consumed: not caught up yet.
    sink.counter->store(1);
    bus.flush();
    QCOMPARE(sink.log(), QStringList {u"1-2"_s});

    sink.consumeAll();
    bus.flush();
    QCOMPARE(sink.log(), (QStringList {u"1-2"_s, u"drop 3-4"_s}));
}

void TestEventBus::resumeReplaysRetainedEvents()
{
    EventBus bus(100, 1000);
    publishLogs(bus, 10);
    FakeSink sink;
    const auto subscription = bus.subscribe(resumeAfter(6), &sink);
    QCOMPARE(subscription.headSeq, quint64(10));
    bus.flush();
    QCOMPARE(sink.log(), QStringList {u"7-10"_s});

    sink.consumeAll();
    publishLogs(bus, 1);
    bus.flush();
    QCOMPARE(sink.log(), (QStringList {u"7-10"_s, u"11"_s}));
}

void TestEventBus::resumeReplaysOnlyMatchingEvents()
{
    EventBus bus(100, 1000);
    publishMixedStream(bus);
    FakeSink sink;
    Api::SubscriptionSpec spec = resumeAfter(3);
    spec.topics = {Topic::Tasks};
    bus.subscribe(spec, &sink);
    bus.flush();
    QCOMPARE(sink.eventSeqs(), (QList<quint64> {6, 9}));
}

void TestEventBus::resumeFromHeadReplaysNothing()
{
    EventBus bus(100, 1000);
    publishLogs(bus, 5);
    FakeSink sink;
    bus.subscribe(resumeAfter(5), &sink);
    bus.flush();
    QVERIFY(sink.deliveries.empty());

    publishLogs(bus, 1);
    bus.flush();
    QCOMPARE(sink.log(), QStringList {u"6"_s});
}

void TestEventBus::resumeBeforeRetainedHistoryReportsGapFirst()
{
    EventBus bus(5, 1000); // keeps the newest 5
    publishLogs(bus, 12);
    QCOMPARE(bus.oldestRetainedSeq(), quint64(8));

    FakeSink sink;
    bus.subscribe(resumeAfter(2), &sink);
    bus.flush();
    QCOMPARE(sink.log(), (QStringList {u"drop 3-7"_s, u"8-12"_s}));

    sink.consumeAll();
    publishLogs(bus, 1);
    bus.flush();
    QCOMPARE(sink.log(), (QStringList {u"drop 3-7"_s, u"8-12"_s, u"13"_s}));
}

void TestEventBus::resumeWithGapThenLiveEventsBeforeFlush()
{
    // The engine flushes from its event loop, so events are published between a subscribe and the next
    // flush. A resume that reported a history gap must not lose them nor report them as dropped.
    EventBus bus(5, 1000);
    publishLogs(bus, 12);
    FakeSink sink;
    bus.subscribe(resumeAfter(2), &sink);
    publishLogs(bus, 1); // seq 13
    bus.flush();
    QCOMPARE(sink.log(), (QStringList {u"drop 3-7"_s, u"8-13"_s}));
    QCOMPARE(bus.droppedTotal(), quint64(0));
}

void TestEventBus::unsubscribeStopsDelivery()
{
    EventBus bus(100, 1000);
    FakeSink sink;
    FakeSink other;
    const auto subscription = bus.subscribe({}, &sink);
    bus.subscribe({}, &other);
    publishLogs(bus, 2); // pending, not flushed yet
    QVERIFY(bus.unsubscribe(subscription.id));
    QVERIFY(!bus.unsubscribe(subscription.id));
    QCOMPARE(bus.subscriptionCount(), std::size_t(1));

    publishLogs(bus, 2);
    bus.flush();
    QVERIFY(sink.deliveries.empty());
    QCOMPARE(other.eventSeqs(), (QList<quint64> {1, 2, 3, 4}));
}

void TestEventBus::removeSinkStopsItsSubscriptions()
{
    EventBus bus(100, 1000);
    FakeSink leaving;
    FakeSink staying;
    bus.subscribe({}, &leaving);
    Api::SubscriptionSpec logs;
    logs.topics = {Topic::Logs};
    bus.subscribe(logs, &leaving);
    bus.subscribe({}, &staying);
    QCOMPARE(bus.subscriptionCount(), std::size_t(3));

    publishLogs(bus, 1);
    bus.removeSink(&leaving);
    QCOMPARE(bus.subscriptionCount(), std::size_t(1));
    publishLogs(bus, 1);
    bus.flush();
    QVERIFY(leaving.deliveries.empty());
    QCOMPARE(staying.eventSeqs(), (QList<quint64> {1, 2}));
}

void TestEventBus::flushRequestedOncePerCycle()
{
    EventBus bus(100, 2);
    int requests = 0;
    bus.setFlushRequest([&requests] { ++requests; });
    FakeSink sink;
    bus.subscribe({}, &sink);

    publishLogs(bus, 5); // including events dropped for the backlog
    QCOMPARE(requests, 1);
    bus.flush();
    QCOMPARE(requests, 1);

    publishLogs(bus, 3);
    QCOMPARE(requests, 2);
    bus.flush();

    // A resume with something to replay asks for a flush by itself.
    FakeSink late;
    bus.subscribe(resumeAfter(0), &late);
    QCOMPARE(requests, 3);
    bus.flush();
    QVERIFY(!late.deliveries.empty());
}

QTEST_GUILESS_MAIN(TestEventBus)
#include "tst_eventbus.moc"
