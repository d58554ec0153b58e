// readEventMessage: the quick reader of event messages answers exactly what the general decoder
// reads (the same EventBatch), and leaves everything else to it: MessageCodec::decode then answers
// what the general decoder answers, errors included.
#include "remotesamples.h"

#include <protocol/eventmessagereader.h>

#include <QJsonDocument>
#include <QTest>

using namespace QwenSwarm::Remote;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;
namespace Api = QwenSwarm::Api;

namespace {

constexpr qint64 t0 = 1'795'000'000'123;

/// One event of every topic, every member set.
QList<Api::Event> everyTopic()
{
    return {
        Api::Event {1, t0, Api::SwarmEvent {Api::SwarmId(4), Api::SwarmChange::Updated, u"research"_s}},
        Api::Event {2, t0 + 1,
                    Api::AgentEvent {Api::AgentId(12), Api::SwarmId(4), Api::AgentState::Idle, Api::AgentState::Busy,
                                     true, u"picked a task"_s}},
        Api::Event {3, t0 + 2,
                    Api::TaskEvent {Api::TaskId(301), Api::SwarmId(4), Api::TaskState::Running,
                                    Api::TaskState::Deciding, 2, u"votes in"_s}},
        Api::Event {4, t0 + 3,
                    Api::DecisionEvent {Api::DecisionId(77), Api::TaskId(301), Api::SwarmId(4),
                                        Api::DecisionOutcome::Decided, u"42"_s, 0.6666666666666666}},
        Api::Event {5, t0 + 4, Api::LogEvent {Api::LogLevel::Warning, u"scheduler"_s, u"slow provider"_s}},
        Api::Event {6, t0 + 5, Api::AuditEvent {u"alice"_s, u"tasks.submit"_s, u"swarm 4"_s, false, u"denied"_s}},
        Samples::events().constLast(), // a run event with a step
    };
}

/// What the general decoder (a JSON document, then the typed readers) makes of `text`; nothing if
/// it is not JSON.
std::optional<DecodeResult> generalDecoding(const QByteArray &text, Api::JsonReader::Mode mode)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return MessageCodec(MessageCodec::defaultMaxMessageBytes, mode)
        .fromJson(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()));
}

QByteArray batchText(const QList<Api::Event> &events)
{
    return MessageCodec::encode(EventBatch {Api::SubscriptionId(3), events});
}

/// Replaces the first `from` in the text of a batch of `events` by `to`.
QByteArray edited(const QList<Api::Event> &events, const QByteArray &from, const QByteArray &to)
{
    QByteArray text = batchText(events);
    const qsizetype at = text.indexOf(from);
    if (at < 0)
        qFatal("the text has no %s", from.constData());
    return text.replace(at, from.size(), to);
}

} // namespace

class TestEventMessageReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWhatTheGeneralDecoderReads_data();
    void readsWhatTheGeneralDecoderReads();
    void leavesTheRestToTheGeneralDecoder_data();
    void leavesTheRestToTheGeneralDecoder();
};

void TestEventMessageReader::readsWhatTheGeneralDecoderReads_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("every topic") << batchText(everyTopic());
    QTest::newRow("no events") << batchText({});
    const QByteArray tick = batchText({everyTopic()[5]});
    QTest::newRow("spaces everywhere") << QJsonDocument::fromJson(tick).toJson(QJsonDocument::Indented);
    QTest::newRow("members in another order")
        << R"({"type":"event","subscription":3,"events":[{"topic":"logs","time":"2026-11-18T08:26:40.123Z","seq":5,)"
           R"("data":{"message":"m","source":"s","level":"info"}}]})"_ba;
    const QByteArray logTime = '"' + Api::canonicalTime(everyTopic()[4].timeMs).toUtf8() + '"';
    QTest::newRow("no time") << edited({everyTopic()[4]}, R"("time":)" + logTime + ',', "");
    QTest::newRow("null time") << edited({everyTopic()[4]}, logTime, "null");
    QTest::newRow("escapes") << batchText(
        {Api::Event {7, t0,
                     Api::LogEvent {Api::LogLevel::Info, u"quote\" backslash\\ slash/"_s,
                                    u"line\nfeed\ttab\rreturn\bback\fform\x01 control"_s}}});
    QTest::newRow("escaped solidus and unicode escapes")
        << edited({everyTopic()[4]}, R"("scheduler")", R"("sched\/uler \u00e9\u4e2d\ud83d\ude00")");
    QTest::newRow("not ASCII") << batchText(
        {Api::Event {8, t0, Api::LogEvent {Api::LogLevel::Info, u"调度"_s, u"café 😀 ünïcödé"_s}}});
    QTest::newRow("numbers as doubles") << edited({everyTopic()[2]}, R"("attempt":2)", R"("attempt":2.0e0)");
    QTest::newRow("agreement as an integer") << edited({everyTopic()[3]}, "0.6666666666666666", "1");
    QTest::newRow("agreement with an exponent") << edited({everyTopic()[3]}, "0.6666666666666666", "-2.5E-3");
    QTest::newRow("the largest id") << edited({everyTopic()[0]}, R"("seq":1)", R"("seq":9007199254740992)");
    QTest::newRow("negative zero") << edited({everyTopic()[2]}, R"("attempt":2)", R"("attempt":-0)");
}

void TestEventMessageReader::readsWhatTheGeneralDecoderReads()
{
    QFETCH(QByteArray, text);
    const std::optional<EventBatch> quick = readEventMessage(text);
    QVERIFY2(quick.has_value(), text.constData());
    for (const auto mode : {Api::JsonReader::Mode::Strict, Api::JsonReader::Mode::Lenient}) {
        const std::optional<DecodeResult> general = generalDecoding(text, mode);
        QVERIFY(general.has_value());
        QVERIFY2(general->ok(), qPrintable(general->error.message));
        QCOMPARE(Message(*quick), *general->message);
    }
}

void TestEventMessageReader::leavesTheRestToTheGeneralDecoder_data()
{
    QTest::addColumn<QByteArray>("text");
    const QList<Api::Event> log {everyTopic()[4]};
    const QList<Api::Event> task {everyTopic()[2]};
    // Read well by the general decoder, in forms left to it.
    const QByteArray time = Api::canonicalTime(log[0].timeMs).toUtf8();
    QTest::newRow("a time in another form") << edited(log, time, time.chopped(1) + "+00:00");
    QTest::newRow("a time without milliseconds") << edited(log, time, time.chopped(5) + 'Z');
    QTest::newRow("an unknown member of the data") << edited(log, R"("level")", R"("mood":"fine","level")");
    QTest::newRow("an unknown member of an event") << edited(log, R"("seq")", R"("origin":"x","seq")");
    QTest::newRow("an unknown member of the message") << edited(log, R"("type")", R"("origin":"x","type")");
    QTest::newRow("a nested object in the data") << edited(log, R"("level")", R"("extra":{"a":1},"level")");
    QTest::newRow("an escaped member name") << edited(log, R"("level")", R"("lev\u0065l")");
    // Other messages.
    for (const auto &[name, message] : Samples::messages()) {
        if (!std::holds_alternative<EventBatch>(message))
            QTest::newRow(name) << MessageCodec::encode(message);
    }
    // Wrong, one way or another: the general decoder says how.
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("an array") << "[]"_ba;
    QTest::newRow("a duplicate member") << edited(log, R"("seq":5)", R"("seq":5,"seq":6)");
    QTest::newRow("a duplicate data member")
        << edited(log, R"("level":"warning")", R"("level":"info","level":"warning")");
    QTest::newRow("a missing required member") << edited(task, R"("task_id":301,)", "");
    QTest::newRow("null for a string") << edited(log, R"("scheduler")", "null");
    QTest::newRow("a number for a string") << edited(log, R"("scheduler")", "5");
    QTest::newRow("a string for a number") << edited(task, R"("attempt":2)", R"("attempt":"2")");
    QTest::newRow("a fraction for an integer") << edited(task, R"("attempt":2)", R"("attempt":2.5)");
    QTest::newRow("an id beyond 2^53") << edited(task, R"("task_id":301)", R"("task_id":9007199254740994)");
    QTest::newRow("a number out of range") << edited({everyTopic()[3]}, "0.6666666666666666", "1e400");
    QTest::newRow("a leading zero") << edited(task, R"("attempt":2)", R"("attempt":02)");
    QTest::newRow("a plus sign") << edited(task, R"("attempt":2)", R"("attempt":+2)");
    QTest::newRow("an unknown topic") << edited(log, R"("logs")", R"("gossip")");
    QTest::newRow("the wrong payload for the topic") << edited(log, R"("logs")", R"("tasks")");
    QTest::newRow("an unknown enum value") << edited(log, R"("warning")", R"("loud")");
    QTest::newRow("another message type") << edited(log, R"("type":"event")", R"("type":"dropped")");
    QTest::newRow("no subscription") << edited(log, R"(,"subscription":3)", "");
    QTest::newRow("trailing text") << batchText(log) + " x";
    QTest::newRow("two messages") << batchText(log) + batchText(log);
    QTest::newRow("cut short") << batchText(log).chopped(2);
    QTest::newRow("a control character in a string") << edited(log, "slow provider", "slow\tprovider");
    QTest::newRow("an unknown escape") << edited(log, "slow provider", R"(slow\x41provider)");
    QTest::newRow("a lone high surrogate") << edited(log, "slow provider", R"(slow\ud83d provider)");
    QTest::newRow("a lone low surrogate") << edited(log, "slow provider", R"(slow\ude00 provider)");
    QTest::newRow("an escaped NUL") << edited(log, "slow provider", R"(slow\u0000provider)");
    QTest::newRow("a short unicode escape") << edited(log, "slow provider", R"(slow\u12)");
    QTest::newRow("invalid UTF-8") << edited(log, "slow provider", "slow \xff\xfe provider");
    QTest::newRow("an encoded surrogate") << edited(log, "slow provider", "slow \xed\xa0\x80 provider");
    QTest::newRow("an overlong encoding") << edited(log, "slow provider", "slow \xc0\xaf provider");
    QTest::newRow("a truncated sequence") << edited(log, "slow provider", "slow \xe4\xb8 provider");
}

void TestEventMessageReader::leavesTheRestToTheGeneralDecoder()
{
    QFETCH(QByteArray, text);
    QVERIFY(!readEventMessage(text).has_value());
    for (const auto mode : {Api::JsonReader::Mode::Strict, Api::JsonReader::Mode::Lenient}) {
        const DecodeResult decoded = MessageCodec(MessageCodec::defaultMaxMessageBytes, mode).decode(text);
        const std::optional<DecodeResult> general = generalDecoding(text, mode);
        if (!general) {
            QVERIFY(!decoded.ok());
            QVERIFY2(decoded.error.message.startsWith(u"not JSON"_s), qPrintable(decoded.error.message));
            continue;
        }
        QCOMPARE(decoded.ok(), general->ok());
        if (general->ok())
            QCOMPARE(*decoded.message, *general->message);
        else
            QCOMPARE(decoded.error, general->error);
    }
}

QTEST_GUILESS_MAIN(TestEventMessageReader)

#include "tst_eventmessagereader.moc"
