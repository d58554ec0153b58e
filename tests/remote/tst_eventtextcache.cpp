// EventTextCache and MessageCodec::encodeEventBatch: an event message a server builds from events
// encoded once (and joined once for clients in a row) is the very text MessageCodec::encode writes,
// and a cached text never stands in for another event, nor a kept join for another batch.
#include "remotesamples.h"

#include <protocol/eventtextcache.h>

#include <QJsonDocument>
#include <QTest>

using namespace QwenSwarm::Remote;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;
namespace Api = QwenSwarm::Api;

namespace {

QList<QString> textsOf(const QList<Api::Event> &events, EventTextCache &cache)
{
    QList<QString> texts;
    for (const Api::Event &event : events)
        texts.append(cache.text(event));
    return texts;
}

Api::Event tick(quint64 seq, qint64 timeMs, const QString &detail)
{
    return Api::Event {seq, timeMs, Api::AuditEvent {u"bench"_s, u"bench.tick"_s, u"t"_s, true, detail}};
}

} // namespace

class TestEventTextCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventTextIsWhatQJsonDocumentWrites_data();
    void eventTextIsWhatQJsonDocumentWrites();
    void batchesReadAsEncodeWritesThem_data();
    void batchesReadAsEncodeWritesThem();
    void eachEventIsEncodedOnce();
    void aBatchIsJoinedOnceForClientsInARow();
    void aBatchOfAnotherLifeIsJoinedAgain();
    void anotherEventWithTheSameSeqIsEncodedAgain();
    void eventsSharingASlotKeepTheirOwnText();
};

void TestEventTextCache::eventTextIsWhatQJsonDocumentWrites_data()
{
    QTest::addColumn<Api::Event>("event");
    for (const Api::Event &event : Samples::events())
        QTest::newRow(qPrintable(u"sample "_s + Api::enumName(event.topic()).toString())) << event;
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls += QChar(c);
    QTest::newRow("every control character") << tick(1, 1000, controls + u"\x7f\u0080"_s);
    QTest::newRow("quotes and backslashes") << tick(2, 1000, u"\"a\\b\" / \\\\"_s);
    QTest::newRow("not ASCII") << tick(3, 1000, u"café 调度 😀 \u2028 \ufeff"_s);
    QTest::newRow("lone surrogates") << tick(4, 1000, QString(QChar(0xd800)) + u"x"_s + QChar(0xdc00) + QChar(0xdbff));
    QTest::newRow("no time") << tick(5, 0, u"t"_s);
    QTest::newRow("before 1970") << tick(6, -86'400'123, u"t"_s);
    QTest::newRow("after 9999") << tick(7, 253'402'300'800'000, u"t"_s);
    QTest::newRow("the largest seq") << tick(9007199254740992ULL, 1000, u"t"_s);
    for (const double agreement : {0.0, -0.0, 1.0, 0.1, 0.8, 2.0 / 3.0, 1e-7, 123456789.125, 1e21, -0.5, 100000.0, 1e15,
                                   9007199254740992.0, 9007199254740994.0, -9007199254740992.0}) {
        QTest::newRow(qPrintable(u"agreement "_s + QString::number(agreement, 'g', 17)))
            << Api::Event {8, 1000,
                           Api::DecisionEvent {Api::DecisionId(9007199254740992ULL), Api::TaskId(1), Api::SwarmId(2),
                                               Api::DecisionOutcome::Decided, u"A"_s, agreement}};
    }
}

void TestEventTextCache::eventTextIsWhatQJsonDocumentWrites()
{
    QFETCH(Api::Event, event);
    QCOMPARE(MessageCodec::eventText(event),
             QString::fromUtf8(QJsonDocument(Api::toJson(event).toObject()).toJson(QJsonDocument::Compact)));
}

void TestEventTextCache::batchesReadAsEncodeWritesThem_data()
{
    QTest::addColumn<QList<Api::Event>>("events");
    QTest::addColumn<quint64>("subscription");
    QTest::newRow("every kind") << Samples::events() << quint64(3);
    QTest::newRow("empty") << QList<Api::Event>() << quint64(3);
    QTest::newRow("one event") << Samples::events().mid(1, 1) << quint64(1);
    QTest::newRow("non-ASCII text") << QList<Api::Event> {tick(7, 1'700'000'000'123, u"déjà vu \"quoted\" ✓"_s)}
                                    << quint64(12);
    QTest::newRow("largest id") << Samples::events() << quint64(9007199254740992ULL);
}

void TestEventTextCache::batchesReadAsEncodeWritesThem()
{
    QFETCH(QList<Api::Event>, events);
    QFETCH(quint64, subscription);
    EventTextCache cache;
    const Api::SubscriptionId id(subscription);
    const QString built = MessageCodec::encodeEventBatch(id, cache.joined(events));
    QCOMPARE(built, QString::fromUtf8(MessageCodec::encode(EventBatch {id, events})));
    const DecodeResult decoded = MessageCodec().decode(QStringView(built));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error.message));
    QCOMPARE(*decoded.message, Message(EventBatch {id, events}));
}

void TestEventTextCache::eachEventIsEncodedOnce()
{
    EventTextCache cache;
    const QList<Api::Event> events = Samples::events();
    for (int client = 0; client < 50; ++client)
        textsOf(events, cache);
    QCOMPARE(cache.misses(), quint64(events.size()));
    QCOMPARE(cache.hits(), quint64(49 * events.size()));
}

void TestEventTextCache::aBatchIsJoinedOnceForClientsInARow()
{
    EventTextCache cache;
    const QList<Api::Event> events = Samples::events();
    const QString first = cache.joined(events);
    for (int client = 1; client < 50; ++client)
        QCOMPARE(cache.joined(events), first);
    QCOMPARE(cache.joinHits(), quint64(49));
    QCOMPARE(cache.misses(), quint64(events.size()));
    // Another batch is joined again, from the texts already encoded.
    const QList<Api::Event> tail = events.mid(1);
    QCOMPARE(cache.joined(tail), textsOf(tail, cache).join(u','));
    QCOMPARE(cache.joinHits(), quint64(49));
    QCOMPARE(cache.misses(), quint64(events.size()));
}

void TestEventTextCache::aBatchOfAnotherLifeIsJoinedAgain()
{
    // A restarted backend numbers its events from 1 again: the same seqs, other events.
    EventTextCache cache;
    const QList<Api::Event> before {tick(1, 1000, u"a"_s), tick(2, 1001, u"b"_s)};
    const QList<Api::Event> after {tick(1, 5000, u"c"_s), tick(2, 5001, u"d"_s)};
    QCOMPARE(cache.joined(before), MessageCodec::eventText(before[0]) + u',' + MessageCodec::eventText(before[1]));
    QCOMPARE(cache.joined(after), MessageCodec::eventText(after[0]) + u',' + MessageCodec::eventText(after[1]));
    QCOMPARE(cache.joinHits(), quint64(0));
}

void TestEventTextCache::anotherEventWithTheSameSeqIsEncodedAgain()
{
    // A restarted backend numbers its events from 1 again.
    EventTextCache cache;
    const Api::Event before = tick(5, 1000, u"first life"_s);
    const Api::Event after = tick(5, 2000, u"second life"_s);
    QCOMPARE(cache.text(before), MessageCodec::eventText(before));
    QCOMPARE(cache.text(after), MessageCodec::eventText(after));
    QCOMPARE(cache.misses(), quint64(2));
}

void TestEventTextCache::eventsSharingASlotKeepTheirOwnText()
{
    EventTextCache cache(4);
    const Api::Event a = tick(1, 1000, u"a"_s);
    const Api::Event b = tick(5, 1000, u"b"_s); // the same slot as seq 1
    const QList<QString> texts = textsOf({a, b, a}, cache);
    QCOMPARE(texts,
             (QList<QString> {MessageCodec::eventText(a), MessageCodec::eventText(b), MessageCodec::eventText(a)}));
}

QTEST_GUILESS_MAIN(TestEventTextCache)
#include "tst_eventtextcache.moc"
