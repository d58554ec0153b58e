#include "providers/sseparser.h"

#include <QTest>

using namespace QwenSwarm::Engine;

Q_DECLARE_METATYPE(std::vector<SseEvent>)

namespace {

SseEvent ev(const char *data, const char *event = "message", const char *id = "", int retry = -1)
{
    return SseEvent {QByteArray(event), QByteArray(data), QByteArray(id), retry};
}

std::vector<SseEvent> parseInChunks(const QByteArray &stream, const QList<qsizetype> &cuts)
{
    SseParser parser;
    std::vector<SseEvent> out;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        if (!parser.feed(QByteArrayView(stream).sliced(from, cut - from), out))
            return {};
        from = cut;
    }
    parser.feed(QByteArrayView(stream).sliced(from), out);
    return out;
}

QByteArray describe(const std::vector<SseEvent> &events)
{
    QByteArray text;
    for (const SseEvent &e : events)
        text += '[' + e.event + '|' + e.data + '|' + e.id + '|' + QByteArray::number(e.retryMs) + ']';
    return text;
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void anySplitIntoTwoChunks_data() { parses_data(); }
    void anySplitIntoTwoChunks();
    void byteByByte_data() { parses_data(); }
    void byteByByte();
    void splitInsideAUtf8Character();
    void aLongLineWithinTheLimit();
    void aLineBeyondTheLimitFails();
    void reportsAnUnfinishedEvent();
};

void TestSseParser::parses_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<std::vector<SseEvent>>("expected");

    QTest::newRow("one data line") << QByteArray("data: hello\n\n") << std::vector {ev("hello")};
    QTest::newRow("no space after colon") << QByteArray("data:hello\n\n") << std::vector {ev("hello")};
    QTest::newRow("only one leading space is removed") << QByteArray("data:  two\n\n") << std::vector {ev(" two")};
    QTest::newRow("multi-line data") << QByteArray("data: a\ndata: b\ndata\n\n") << std::vector {ev("a\nb\n")};
    QTest::newRow("CRLF") << QByteArray("event: delta\r\ndata: x\r\n\r\n") << std::vector {ev("x", "delta")};
    QTest::newRow("CR only") << QByteArray("data: x\rdata: y\r\r") << std::vector {ev("x\ny")};
    QTest::newRow("mixed endings") << QByteArray("data: a\r\ndata: b\n\r\ndata: c\r\r")
                                   << std::vector {ev("a\nb"), ev("c")};
    QTest::newRow("comments are skipped") << QByteArray(": keep-alive\n\n:x\ndata: y\n\n") << std::vector {ev("y")};
    QTest::newRow("event name resets after dispatch")
        << QByteArray("event: ping\ndata: {}\n\ndata: z\n\n") << std::vector {ev("{}", "ping"), ev("z")};
    QTest::newRow("id persists") << QByteArray("id: 7\ndata: a\n\ndata: b\n\n")
                                 << std::vector {ev("a", "message", "7"), ev("b", "message", "7")};
    QTest::newRow("retry digits only") << QByteArray("retry: 1500\ndata: a\n\nretry: 1x\ndata: b\n\n")
                                       << std::vector {ev("a", "message", "", 1500), ev("b")};
    QTest::newRow("no data, no event") << QByteArray("event: x\n\nid: 3\n\n") << std::vector<SseEvent> {};
    QTest::newRow("unknown fields ignored") << QByteArray("foo: bar\ndata: v\n\n") << std::vector {ev("v")};
    QTest::newRow("unfinished event dropped") << QByteArray("data: a\n\ndata: b\n") << std::vector {ev("a")};
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                   "data: a\n\n")
                                     << std::vector {ev("a")};
    QTest::newRow("openai chunks") << QByteArray(
        "data: {\"choices\":[{\"delta\":{\"content\":\"A\"}}]}\n\ndata: [DONE]\n\n")
                                   << std::vector {ev("{\"choices\":[{\"delta\":{\"content\":\"A\"}}]}"), ev("[DONE]")};
    QTest::newRow("anthropic events") << QByteArray("event: message_start\r\ndata: {\"type\":\"message_start\"}\r\n\r\n"
                                                    "event: ping\r\ndata: {\"type\": \"ping\"}\r\n\r\n")
                                      << std::vector {ev("{\"type\":\"message_start\"}", "message_start"),
                                                      ev("{\"type\": \"ping\"}", "ping")};
}

void TestSseParser::parses()
{
    QFETCH(QByteArray, stream);
    QFETCH(std::vector<SseEvent>, expected);
    QCOMPARE(describe(parseInChunks(stream, {})), describe(expected));
}

void TestSseParser::anySplitIntoTwoChunks()
{
    QFETCH(QByteArray, stream);
    QFETCH(std::vector<SseEvent>, expected);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut)
        QCOMPARE(describe(parseInChunks(stream, {cut})), describe(expected));
    // And into three.
    for (qsizetype a = 0; a <= stream.size(); ++a) {
        for (qsizetype b = a; b <= stream.size(); ++b)
            QCOMPARE(describe(parseInChunks(stream, {a, b})), describe(expected));
    }
}

void TestSseParser::byteByByte()
{
    QFETCH(QByteArray, stream);
    QFETCH(std::vector<SseEvent>, expected);
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < stream.size(); ++i)
        cuts << i;
    QCOMPARE(describe(parseInChunks(stream, cuts)), describe(expected));
}

void TestSseParser::splitInsideAUtf8Character()
{
    const QByteArray stream = QStringLiteral("data: r\u00e9ponse \u4e2d\u6587\n\n").toUtf8();
    const qsizetype inside = stream.indexOf('\xA9'); // second byte of é
    QVERIFY(inside > 0);
    const auto events = parseInChunks(stream, {inside});
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(QString::fromUtf8(events[0].data), QStringLiteral("r\u00e9ponse \u4e2d\u6587"));
}

void TestSseParser::aLongLineWithinTheLimit()
{
    const QByteArray payload(1024 * 1024, 'x');
    const QByteArray stream = "data: " + payload + "\n\n";
    QList<qsizetype> cuts;
    for (qsizetype i = 4096; i < stream.size(); i += 4096)
        cuts << i;
    const auto events = parseInChunks(stream, cuts);
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events[0].data.size(), payload.size());
}

void TestSseParser::aLineBeyondTheLimitFails()
{
    SseParser parser(100);
    std::vector<SseEvent> out;
    QVERIFY(parser.feed(QByteArray(60, 'a'), out));
    QVERIFY(!parser.feed(QByteArray(60, 'a'), out));
    QVERIFY(!parser.feed("\n\n", out));
    SseParser whole(100);
    QVERIFY(!whole.feed(QByteArray("data: " + QByteArray(200, 'a') + "\n\n"), out));
    QVERIFY(out.empty());
}

void TestSseParser::reportsAnUnfinishedEvent()
{
    SseParser parser;
    std::vector<SseEvent> out;
    QVERIFY(!parser.inEvent());
    parser.feed("data: a", out);
    QVERIFY(parser.inEvent());
    parser.feed("\n", out);
    QVERIFY(parser.inEvent());
    parser.feed("\n: ping\n", out);
    QVERIFY(!parser.inEvent());
    QCOMPARE(parser.comments(), 1);
    QCOMPARE(out.size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
