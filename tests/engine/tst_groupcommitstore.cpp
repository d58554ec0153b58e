#include "storetesthelpers.h"

#include "store/groupcommitstore.h"
#include "store/memorystore.h"
#include "store/threadedstore.h"

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;

namespace {

// A MemoryStore that records the size of every write() it gets, and can be told to fail them.
class RecordingStore final : public Store
{
public:
    struct Record
    {
        std::vector<std::size_t> writes;
        bool fail = false;
    };

    explicit RecordingStore(std::shared_ptr<Record> record)
        : m_record(std::move(record))
    { }

    QString kind() const override { return u"recording"_s; }
    void write(std::vector<StoreWrite> writes, Reply<void> done) override
    {
        m_record->writes.push_back(writes.size());
        if (m_record->fail)
            return done(Api::makeError(Api::ErrorCode::Unavailable, u"disk gone"_s));
        m_memory.write(std::move(writes), std::move(done));
    }
    void load(Reply<StoreSnapshot> done) override { m_memory.load(std::move(done)); }
    void task(Api::TaskId id, Reply<Api::Task> done) override { m_memory.task(id, std::move(done)); }
    void queryTasks(const Api::TaskQuery &q, Reply<Api::Page<Api::Task>> done) override
    {
        m_memory.queryTasks(q, std::move(done));
    }
    void decision(Api::DecisionId id, Reply<Api::Decision> done) override { m_memory.decision(id, std::move(done)); }
    void queryDecisions(const Api::DecisionQuery &q, Reply<Api::Page<Api::Decision>> done) override
    {
        m_memory.queryDecisions(q, std::move(done));
    }
    void reputationHistory(const Api::ReputationQuery &q, Reply<Api::Page<Api::ReputationPoint>> done) override
    {
        m_memory.reputationHistory(q, std::move(done));
    }
    void run(Api::RunId id, Reply<Api::Run> done) override { m_memory.run(id, std::move(done)); }
    void queryRuns(const Api::RunQuery &q, Reply<Api::Page<Api::Run>> done) override
    {
        m_memory.queryRuns(q, std::move(done));
    }

private:
    std::shared_ptr<Record> m_record;
    MemoryStore m_memory;
};

std::vector<StoreWrite> tasks(std::initializer_list<quint64> ids)
{
    std::vector<StoreWrite> writes;
    for (quint64 id : ids)
        writes.push_back(TaskWrite {richTask(id)});
    return writes;
}

} // namespace

class TestGroupCommitStore : public QObject
{
    Q_OBJECT

private slots:
    void batchesQueuedTogetherShareOneWrite();
    void aReadWritesWhatIsPendingFirst();
    void aFailedWriteFailsEveryBatchInIt();
    void destructionWritesWhatIsPending();
    void aThreadedStoreThatEndsWritesWhatIsPending();
};

void TestGroupCommitStore::batchesQueuedTogetherShareOneWrite()
{
    auto record = std::make_shared<RecordingStore::Record>();
    GroupCommitStore store(std::make_unique<RecordingStore>(record));
    QList<int> answered;
    store.write(tasks({1, 2}), [&answered](const Api::Result<void> &r) { answered.append(r.ok() ? 1 : -1); });
    store.write(tasks({3}), [&answered](const Api::Result<void> &r) { answered.append(r.ok() ? 2 : -2); });
    store.write(tasks({4}), {});
    QVERIFY(record->writes.empty()); // nothing until the event loop turns
    QVERIFY(spinUntil([&] { return answered.size() == 2; }));
    QCOMPARE(record->writes, (std::vector<std::size_t> {4}));
    QCOMPARE(answered, (QList<int> {1, 2}));

    store.write(tasks({5}), {});
    QVERIFY(spinUntil([&] { return record->writes.size() == 2; }));
    QCOMPARE(record->writes.back(), std::size_t(1));
    QCOMPARE(load(store)->maxTaskId, quint64(5));
}

void TestGroupCommitStore::aReadWritesWhatIsPendingFirst()
{
    auto record = std::make_shared<RecordingStore::Record>();
    GroupCommitStore store(std::make_unique<RecordingStore>(record));
    store.write(tasks({1}), {});
    std::optional<Api::Result<Api::Task>> read;
    store.task(Api::TaskId(1), [&read](Api::Result<Api::Task> r) { read = std::move(r); });
    QVERIFY(read.has_value()); // the inner store answers at once
    QS_VERIFY_OK(*read);
    QCOMPARE(record->writes.size(), std::size_t(1));
}

void TestGroupCommitStore::aFailedWriteFailsEveryBatchInIt()
{
    auto record = std::make_shared<RecordingStore::Record>();
    record->fail = true;
    GroupCommitStore store(std::make_unique<RecordingStore>(record));
    QList<Api::ErrorCode> errors;
    for (quint64 id : {1, 2, 3})
        store.write(tasks({id}), [&errors](const Api::Result<void> &r) { errors.append(r.error().code); });
    QVERIFY(spinUntil([&] { return errors.size() == 3; }));
    QVERIFY(errors == QList<Api::ErrorCode>(3, Api::ErrorCode::Unavailable));
    QCOMPARE(record->writes.size(), std::size_t(1));
}

void TestGroupCommitStore::destructionWritesWhatIsPending()
{
    auto record = std::make_shared<RecordingStore::Record>();
    bool answered = false;
    {
        GroupCommitStore store(std::make_unique<RecordingStore>(record));
        store.write(tasks({1, 2}), [&answered](const Api::Result<void> &r) { answered = r.ok(); });
    }
    QCOMPARE(record->writes, (std::vector<std::size_t> {2}));
    QVERIFY(answered);
}

void TestGroupCommitStore::aThreadedStoreThatEndsWritesWhatIsPending()
{
    // ThreadedStore's thread quits right behind the last call: the commit posted by that call never
    // runs as an event, yet the writes must reach the inner store before the destructor returns.
    auto record = std::make_shared<RecordingStore::Record>();
    QObject engine;
    for (int round = 0; round < 20; ++round) {
        auto store = std::make_unique<ThreadedStore>(
            std::make_unique<GroupCommitStore>(std::make_unique<RecordingStore>(record)));
        store->attach(&engine);
        store->write(tasks({1}), {});
        store->write(tasks({2, 3}), {});
        store.reset();
    }
    std::size_t written = 0;
    for (std::size_t n : record->writes)
        written += n;
    QCOMPARE(written, std::size_t(20 * 3));
}

QTEST_GUILESS_MAIN(TestGroupCommitStore)
#include "tst_groupcommitstore.moc"
