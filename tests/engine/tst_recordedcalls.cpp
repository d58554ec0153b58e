// The store's part of replay: ProviderCallWrite and recordedCall(), the same in every store.
#include "store/groupcommitstore.h"
#include "store/memorystore.h"
#include "store/sqlitestore.h"
#include "store/threadedstore.h"

#include "storetesthelpers.h"

#include <QTemporaryDir>
#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace QwenSwarm::Testing;

namespace {

Api::Result<ProviderCallWrite> recorded(Store &store, const QString &key)
{
    return await<ProviderCallWrite>([&](QObject *, auto done) { store.recordedCall(key, done); });
}

ProviderCallWrite call(const QString &key, const QByteArray &answer)
{
    return ProviderCallWrite {key, QStringLiteral("llm"), QByteArray(R"({"body":{"model":"m"}})"),
                              QByteArray(R"({"text":")" + answer + R"("})"), 1234};
}

} // namespace

class TestRecordedCalls : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTrips_data();
    void roundTrips();
    void survivesReopening();

private:
    std::unique_ptr<Store> make(const QString &kind);
    std::unique_ptr<QTemporaryDir> m_dir;
    QObject m_caller;
};

void TestRecordedCalls::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

std::unique_ptr<Store> TestRecordedCalls::make(const QString &kind)
{
    std::unique_ptr<Store> store;
    if (kind == QLatin1StringView("memory")) {
        store = std::make_unique<MemoryStore>();
    } else if (kind == QLatin1StringView("threaded memory")) {
        store = std::make_unique<ThreadedStore>(std::make_unique<MemoryStore>());
    } else {
        auto sqlite = SqliteStore::open(m_dir->filePath(QStringLiteral("calls.sqlite3")));
        if (!sqlite)
            return nullptr;
        if (kind == QLatin1StringView("sqlite"))
            store = std::move(sqlite).value();
        else
            store = std::make_unique<ThreadedStore>(std::make_unique<GroupCommitStore>(std::move(sqlite).value()));
    }
    store->attach(&m_caller);
    return store;
}

void TestRecordedCalls::roundTrips_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"memory", "threaded memory", "sqlite", "threaded group-commit sqlite"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestRecordedCalls::roundTrips()
{
    QFETCH(QString, kind);
    auto store = make(kind);
    QVERIFY(store);
    QS_VERIFY_ERROR(recorded(*store, QStringLiteral("k1")), Api::ErrorCode::NotFound);
    QS_VERIFY_OK(write(*store, {call(QStringLiteral("k1"), "A"), call(QStringLiteral("k2"), "B")}));
    auto found = recorded(*store, QStringLiteral("k1"));
    QS_VERIFY_OK(found);
    QCOMPARE(found->key, QStringLiteral("k1"));
    QCOMPARE(found->provider, QStringLiteral("llm"));
    QCOMPARE(found->request, QByteArray(R"({"body":{"model":"m"}})"));
    QCOMPARE(found->response, QByteArray(R"({"text":"A"})"));
    QCOMPARE(found->recordedMs, qint64(1234));
    // A later recording of the same key replaces the earlier one.
    QS_VERIFY_OK(write(*store, call(QStringLiteral("k1"), "C")));
    QCOMPARE(recorded(*store, QStringLiteral("k1"))->response, QByteArray(R"({"text":"C"})"));
    QCOMPARE(recorded(*store, QStringLiteral("k2"))->response, QByteArray(R"({"text":"B"})"));
}

void TestRecordedCalls::survivesReopening()
{
    const QString path = m_dir->filePath(QStringLiteral("reopen.sqlite3"));
    {
        auto store = SqliteStore::open(path);
        QS_VERIFY_OK(store);
        QS_VERIFY_OK(write(*store.value(), call(QStringLiteral("kept"), "A")));
    }
    auto store = SqliteStore::open(path);
    QS_VERIFY_OK(store);
    QCOMPARE(recorded(*store.value(), QStringLiteral("kept"))->response, QByteArray(R"({"text":"A"})"));
}

QTEST_GUILESS_MAIN(TestRecordedCalls)
#include "tst_recordedcalls.moc"
