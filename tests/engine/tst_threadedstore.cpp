#include "store/memorystore.h"
#include "store/threadedstore.h"

#include <testsupport.h>

#include <QThread>

#include <atomic>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace Qt::Literals::StringLiterals;

class TestThreadedStore : public QObject
{
    Q_OBJECT

private:
    // Records the thread each answer arrives on.
    class ThreadProbe : public Store
    {
    public:
        explicit ThreadProbe(QThread **seen)
            : m_seen(seen)
        { }
        QString kind() const override { return u"probe"_s; }
        void write(std::vector<StoreWrite>, Reply<void> done) override
        {
            *m_seen = QThread::currentThread();
            done({});
        }
        void load(Reply<StoreSnapshot> done) override { done(StoreSnapshot {}); }
        void task(Api::TaskId, Reply<Api::Task> done) override { done(Api::makeError(Api::ErrorCode::NotFound, {})); }
        void queryTasks(const Api::TaskQuery &, Reply<Api::Page<Api::Task>> done) override
        {
            done(Api::Page<Api::Task> {});
        }
        void decision(Api::DecisionId, Reply<Api::Decision> done) override
        {
            done(Api::makeError(Api::ErrorCode::NotFound, {}));
        }
        void queryDecisions(const Api::DecisionQuery &, Reply<Api::Page<Api::Decision>> done) override
        {
            done(Api::Page<Api::Decision> {});
        }
        void reputationHistory(const Api::ReputationQuery &, Reply<Api::Page<Api::ReputationPoint>> done) override
        {
            done(Api::Page<Api::ReputationPoint> {});
        }
        void run(Api::RunId, Reply<Api::Run> done) override { done(Api::makeError(Api::ErrorCode::NotFound, {})); }
        void queryRuns(const Api::RunQuery &, Reply<Api::Page<Api::Run>> done) override
        {
            done(Api::Page<Api::Run> {});
        }

    private:
        QThread **m_seen;
    };

    // A memory store that claims durability only once a write is applied, like a database.
    class AppliedDurability : public Store
    {
    public:
        QString kind() const override { return m_memory.kind(); }
        bool durableWhenQueued() const override { return false; }
        void write(std::vector<StoreWrite> writes, Reply<void> done) override
        {
            m_memory.write(std::move(writes), done);
        }
        void load(Reply<StoreSnapshot> done) override { m_memory.load(done); }
        void task(Api::TaskId id, Reply<Api::Task> done) override { m_memory.task(id, done); }
        void queryTasks(const Api::TaskQuery &q, Reply<Api::Page<Api::Task>> done) override
        {
            m_memory.queryTasks(q, done);
        }
        void decision(Api::DecisionId id, Reply<Api::Decision> done) override { m_memory.decision(id, done); }
        void queryDecisions(const Api::DecisionQuery &q, Reply<Api::Page<Api::Decision>> done) override
        {
            m_memory.queryDecisions(q, done);
        }
        void reputationHistory(const Api::ReputationQuery &q, Reply<Api::Page<Api::ReputationPoint>> done) override
        {
            m_memory.reputationHistory(q, done);
        }
        void run(Api::RunId id, Reply<Api::Run> done) override { m_memory.run(id, done); }
        void queryRuns(const Api::RunQuery &q, Reply<Api::Page<Api::Run>> done) override
        {
            m_memory.queryRuns(q, done);
        }

    private:
        MemoryStore m_memory;
    };

    class SlowCounter : public ThreadProbe
    {
    public:
        explicit SlowCounter(std::atomic<int> *applied)
            : ThreadProbe(&m_thread)
            , m_applied(applied)
        { }
        void write(std::vector<StoreWrite>, Reply<void> done) override
        {
            QThread::msleep(1);
            ++*m_applied;
            if (done)
                done({});
        }

    private:
        QThread *m_thread = nullptr;
        std::atomic<int> *m_applied;
    };

    static Api::Task task(quint64 id, Api::TaskState state = Api::TaskState::Queued)
    {
        Api::Task t;
        t.id = Api::TaskId(id);
        t.spec.swarmId = Api::SwarmId(1);
        t.spec.promptTemplate = u"task %1"_s.arg(id);
        t.state = state;
        t.createdMs = 1000 + static_cast<qint64>(id);
        return t;
    }

private Q_SLOTS:
    void worksOnItsOwnThreadAndAnswersOnTheCallers()
    {
        QThread *storeThread = nullptr;
        QObject caller;
        ThreadedStore store(std::make_unique<ThreadProbe>(&storeThread));
        store.attach(&caller);
        QCOMPARE(store.kind(), u"probe"_s);
        QThread *answeredOn = nullptr;
        bool answered = false;
        store.write({}, [&](Api::Result<void> r) {
            answered = r.ok();
            answeredOn = QThread::currentThread();
        });
        QVERIFY(!answered); // never inside the call
        QVERIFY(Testing::spinUntil([&] { return answered; }));
        QVERIFY(storeThread && storeThread != QThread::currentThread());
        QCOMPARE(answeredOn, QThread::currentThread());
    }

    void readsSeeEarlierWritesAndAnswersKeepOrder()
    {
        // A store that is durable only once applied: every answer comes from the store thread, in order.
        QObject caller;
        ThreadedStore store(std::make_unique<AppliedDurability>());
        store.attach(&caller);
        QList<int> order;
        for (quint64 id = 1; id <= 50; ++id) {
            store.write({TaskWrite {task(id)}}, [&order, id](Api::Result<void>) { order.append(int(id)); });
            store.task(Api::TaskId(id), [&order, id](Api::Result<Api::Task> t) {
                QVERIFY(t.ok());
                QCOMPARE(t->id, Api::TaskId(id));
                order.append(-int(id));
            });
        }
        QVERIFY(order.isEmpty()); // nothing answered inside the calls
        QVERIFY(Testing::spinUntil([&] { return order.size() == 100; }));
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(order[2 * i], i + 1);
            QCOMPARE(order[2 * i + 1], -(i + 1));
        }
    }

    void memoryWritesAreAnsweredWhenQueued()
    {
        // The memory store keeps its data in this process: queued is as durable as applied, so the
        // write is answered at once, and a read queued after it still sees it.
        QObject caller;
        ThreadedStore store(std::make_unique<MemoryStore>());
        store.attach(&caller);
        bool written = false;
        store.write({TaskWrite {task(1)}}, [&written](Api::Result<void> r) { written = r.ok(); });
        QVERIFY(written);
        std::optional<Api::Result<Api::Task>> read;
        store.task(Api::TaskId(1), [&read](Api::Result<Api::Task> t) { read.emplace(std::move(t)); });
        QVERIFY(!read);
        QVERIFY(Testing::spinUntil([&] { return read.has_value(); }));
        QS_VERIFY_OK(*read);
        QCOMPARE(read->value().spec.promptTemplate, u"task 1"_s);
    }

    void destructionDrainsQueuedWrites()
    {
        // Each write takes a millisecond on the store thread, so most are still queued when the
        // wrapper is destroyed; all of them must be applied before the destructor returns.
        std::atomic<int> applied {0};
        {
            QObject caller;
            ThreadedStore store(std::make_unique<SlowCounter>(&applied));
            store.attach(&caller);
            for (int i = 0; i < 100; ++i)
                store.write({}, {});
        }
        QCOMPARE(applied.load(), 100);
    }
};

QTEST_GUILESS_MAIN(TestThreadedStore)
#include "tst_threadedstore.moc"
