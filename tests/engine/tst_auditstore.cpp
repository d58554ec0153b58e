// The audit log of every store (AuditWrite, queryAudit): MemoryStore, SqliteStore and PostgresStore,
// the durable ones also as the programs run them (ThreadedStore(GroupCommitStore(store))), held to
// the same semantics: entries kept as written, across a restart, paged newest first in the order of
// writing, filtered by actor, action, outcome and time. PostgresStore runs against a throwaway
// cluster this test starts; its rows skip only where there is no PostgreSQL at all and CI is not set.
#include "storetesthelpers.h"

#include "store/groupcommitstore.h"
#include "store/memorystore.h"
#include "store/postgresstore.h"
#include "store/sqlitestore.h"
#include "store/threadedstore.h"

#include <postgrestestcluster.h>

#include <QTemporaryDir>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;

namespace {

constexpr qint64 T0 = 1'764'237'600'000;

// Entry i: alice and bob take turns; every third is a denial; one a second from T0.
Api::AuditEntry entry(int i)
{
    return Api::AuditEntry {T0 + i * 1000,
                            i % 2 == 0 ? u"api-key:00000000000000a1"_s : u"bob@example.com"_s,
                            i % 3 == 0 ? u"tasks.cancel"_s : u"tasks.submit"_s,
                            u"task/%1"_s.arg(i),
                            i % 3 != 0,
                            i % 3 == 0 ? u"role viewer may not call tasks.cancel (needs operator)"_s : QString()};
}

Api::Result<Api::Page<Api::AuditEntry>> fetchAudit(Store &store, const Api::AuditQuery &query)
{
    return await<Api::Page<Api::AuditEntry>>([&](QObject *, auto done) { store.queryAudit(query, done); });
}

// Every entry the query finds, page after page (limit `pageSize`), as indexes of entry().
QList<int> everything(Store &store, Api::AuditQuery query, int pageSize)
{
    QList<int> found;
    query.page.limit = pageSize;
    for (int pages = 0; pages < 100; ++pages) {
        const auto page = fetchAudit(store, query);
        if (!page)
            return {-1};
        for (const Api::AuditEntry &e : page->items)
            found.append(int((e.timeMs - T0) / 1000));
        if (page->nextCursor.isEmpty())
            break;
        query.page.cursor = page->nextCursor;
    }
    return found;
}

} // namespace

class TestAuditStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Store> open();
    void writeEntries(Store &store, int count);

    QTemporaryDir m_dir;
    QString m_path;
    QString m_url;
    int m_files = 0;
    PostgresTestCluster m_cluster;

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void entriesAreKeptAsWrittenAcrossARestart();
    void pagesAreNewestFirstInTheOrderOfWriting();
    void filters_data();
    void filters();
    void badPageRequests_data();
    void badPageRequests();
};

std::unique_ptr<Store> TestAuditStore::open()
{
    QFETCH_GLOBAL(QString, kind);
    QFETCH_GLOBAL(bool, threaded);
    if (kind == u"memory"_s)
        return std::make_unique<MemoryStore>();
    const auto opened = [&kind](auto result) -> std::unique_ptr<Store> {
        if (!result)
            qFatal("opening a %s store failed: %s", qPrintable(kind), qPrintable(result.error().message));
        return std::move(result).value();
    };
    std::unique_ptr<Store> inner
        = kind == u"postgres"_s ? opened(PostgresStore::open(m_url)) : opened(SqliteStore::open(m_path));
    if (!threaded)
        return inner;
    auto store = std::make_unique<ThreadedStore>(std::make_unique<GroupCommitStore>(std::move(inner)));
    store->attach(this);
    return store;
}

void TestAuditStore::writeEntries(Store &store, int count)
{
    // In a few batches, mixed with other writes, as the engine's group commit hands them over.
    std::vector<StoreWrite> batch;
    for (int i = 0; i < count; ++i) {
        batch.push_back(AuditWrite {entry(i)});
        if (i % 4 == 0)
            batch.push_back(TaskWrite {richTask(quint64(i) + 1)});
        if (batch.size() >= 7) {
            QS_VERIFY_OK(write(store, std::move(batch)));
            batch.clear();
        }
    }
    QS_VERIFY_OK(write(store, std::move(batch)));
}

void TestAuditStore::initTestCase_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("threaded");
    QTest::newRow("memory") << u"memory"_s << false;
    QTest::newRow("sqlite") << u"sqlite"_s << false;
    QTest::newRow("sqlite threaded") << u"sqlite"_s << true;
    QTest::newRow("postgres") << u"postgres"_s << false;
    QTest::newRow("postgres threaded") << u"postgres"_s << true;
}

void TestAuditStore::init()
{
    QFETCH_GLOBAL(QString, kind);
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"audit-%1.sqlite3"_s.arg(++m_files));
    if (kind == u"postgres"_s) {
        QS_START_POSTGRES(m_cluster);
        QVERIFY2(m_cluster.resetDatabase(u"audit"_s), qPrintable(m_cluster.error()));
        m_url = m_cluster.url(u"audit"_s);
    }
}

void TestAuditStore::entriesAreKeptAsWrittenAcrossARestart()
{
    QFETCH_GLOBAL(QString, kind);
    auto store = open();
    writeEntries(*store, 3);
    for (int pass = 0; pass < 2; ++pass) {
        const auto page = fetchAudit(*store, {});
        QS_VERIFY_OK(page);
        QCOMPARE(page->items.size(), 3);
        QVERIFY(page->items[0] == entry(2));
        QVERIFY(page->items[1] == entry(1));
        QVERIFY(page->items[2] == entry(0)); // a denial, with its reason
        QVERIFY(page->nextCursor.isEmpty());
        if (kind != u"memory"_s) {
            store.reset(); // what a restart does: everything written, then opened again
            store = open();
        }
    }
}

void TestAuditStore::pagesAreNewestFirstInTheOrderOfWriting()
{
    auto store = open();
    writeEntries(*store, 25);
    QList<int> expected;
    for (int i = 24; i >= 0; --i)
        expected.append(i);
    QCOMPARE(everything(*store, {}, 10), expected);
    QCOMPARE(everything(*store, {}, 1), expected);
    QCOMPARE(everything(*store, {}, 1000), expected);
    // Entries written while paging do not disturb the pages after the cursor.
    Api::AuditQuery query;
    query.page.limit = 5;
    const auto first = fetchAudit(*store, query);
    QS_VERIFY_OK(first);
    QS_VERIFY_OK(write(*store, AuditWrite {entry(99)}));
    query.page.cursor = first->nextCursor;
    const auto second = fetchAudit(*store, query);
    QS_VERIFY_OK(second);
    QVERIFY(second->items.constFirst() == entry(19));
}

void TestAuditStore::filters_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("allowed"); // -1 = either
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to"); // entry indexes; -1 = open
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("everything") << QString() << QString() << -1 << -1 << -1
                                << QList<int> {11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    QTest::newRow("one actor") << u"bob@example.com"_s << QString() << -1 << -1 << -1 << QList<int> {11, 9, 7, 5, 3, 1};
    QTest::newRow("one action") << QString() << u"tasks.cancel"_s << -1 << -1 << -1 << QList<int> {9, 6, 3, 0};
    QTest::newRow("denials") << QString() << QString() << 0 << -1 << -1 << QList<int> {9, 6, 3, 0};
    QTest::newRow("granted") << QString() << QString() << 1 << -1 << -1 << QList<int> {11, 10, 8, 7, 5, 4, 2, 1};
    QTest::newRow("an actor's denials") << u"api-key:00000000000000a1"_s << QString() << 0 << -1 << -1
                                        << QList<int> {6, 0};
    QTest::newRow("from inclusive, to exclusive") << QString() << QString() << -1 << 3 << 6 << QList<int> {5, 4, 3};
    QTest::newRow("nothing matches") << u"mallory"_s << QString() << -1 << -1 << -1 << QList<int> {};
    QTest::newRow("exact action, not a prefix") << QString() << u"tasks"_s << -1 << -1 << -1 << QList<int> {};
}

void TestAuditStore::filters()
{
    QFETCH(QString, actor);
    QFETCH(QString, action);
    QFETCH(int, allowed);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QList<int>, expected);
    auto store = open();
    writeEntries(*store, 12);
    Api::AuditQuery query;
    query.actor = actor;
    query.action = action;
    if (allowed >= 0)
        query.allowed = allowed == 1;
    query.fromMs = from < 0 ? 0 : T0 + from * 1000;
    query.toMs = to < 0 ? 0 : T0 + to * 1000;
    QCOMPARE(everything(*store, query, 3), expected);
}

void TestAuditStore::badPageRequests_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("cursor");
    QTest::newRow("limit 0") << 0 << QString();
    QTest::newRow("limit 1001") << 1001 << QString();
    QTest::newRow("not a cursor") << 10 << u"x17"_s;
    QTest::newRow("cursor 0") << 10 << u"b0"_s;
}

void TestAuditStore::badPageRequests()
{
    QFETCH(int, limit);
    QFETCH(QString, cursor);
    auto store = open();
    Api::AuditQuery query;
    query.page = {limit, cursor};
    QS_VERIFY_ERROR(fetchAudit(*store, query), Api::ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestAuditStore)
#include "tst_auditstore.moc"
