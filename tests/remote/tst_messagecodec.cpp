// MessageCodec and the calls table: every message kind and every method's parameters and answer
// survive the wire unchanged, and every malformed frame is a typed error naming where it is wrong.
#include "remotesamples.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <array>

using namespace QwenSwarm::Remote;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;
namespace Api = QwenSwarm::Api;

namespace {

QJsonObject parseObject(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

// Encodes the sample answer of method I, sends it as a result message, decodes it strictly.
template<std::size_t I>
QString resultRoundTrip()
{
    using Call = std::variant_alternative_t<I, CallParams>;
    using R = typename Call::Result;
    const R sent = Samples::result<R>();
    const QByteArray frame = MessageCodec::encode(Response {42, resultToJson(sent)});
    // What a server sends: the result's text written straight from the value.
    if (const QString text = MessageCodec::encodeResult(42, resultText(sent)); text != QString::fromUtf8(frame))
        return u"the server's result text differs from encode(): "_s + text;
    const DecodeResult decoded = MessageCodec().decode(frame);
    if (!decoded.ok())
        return u"the result message did not decode: "_s + decoded.error.message;
    const auto *response = std::get_if<Response>(&*decoded.message);
    if (!response || response->id != 42)
        return u"not the result message that was sent"_s;
    const Api::Result<R> received = resultFromJson<Call>(response->result, Api::JsonReader::Mode::Strict);
    if (!received.ok())
        return u"the answer did not decode: "_s + received.error().message;
    if (!(received.value() == sent))
        return u"the answer changed on the way: "_s + QString::fromUtf8(frame);
    return {};
}

template<std::size_t... I>
constexpr std::array<QString (*)(), sizeof...(I)> makeResultRoundTrips(std::index_sequence<I...>)
{
    return {&resultRoundTrip<I>...};
}

constexpr auto resultRoundTrips = makeResultRoundTrips(std::make_index_sequence<methodCount> {});

} // namespace

class TestMessageCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messagesRoundTrip_data();
    void messagesRoundTrip();
    void wireFormat_data();
    void wireFormat();
    void everyMethodsParams_data();
    void everyMethodsParams();
    void everyMethodsResult_data();
    void everyMethodsResult();
    void submittedSpecsLeaveOutTheirDefaults();
    void answeredTasksLeaveOutTheirDefaults();
    void taskTextIsWhatQJsonDocumentWrites_data();
    void taskTextIsWhatQJsonDocumentWrites();
    void parameterlessCallsMayOmitParams_data();
    void parameterlessCallsMayOmitParams();
    void decodeErrors_data();
    void decodeErrors();
    void lenientReadersSkipUnknownMembers();
    void sizeLimit();
    void resultErrors();
};

void TestMessageCodec::messagesRoundTrip_data()
{
    QTest::addColumn<int>("index");
    const auto messages = Samples::messages();
    for (int i = 0; i < messages.size(); ++i)
        QTest::newRow(messages.at(i).first) << i;
}

void TestMessageCodec::messagesRoundTrip()
{
    QFETCH(int, index);
    const Message sent = Samples::messages().at(index).second;
    const QByteArray frame = MessageCodec::encode(sent);
    QVERIFY(!frame.contains('\n'));
    QCOMPARE(parseObject(frame).value(u"type"_s).toString(),
             Api::enumName(static_cast<MessageType>(sent.index())).toString());

    for (const Api::JsonReader::Mode mode : {Api::JsonReader::Mode::Strict, Api::JsonReader::Mode::Lenient}) {
        const DecodeResult decoded = MessageCodec(MessageCodec::defaultMaxMessageBytes, mode).decode(frame);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error.message));
        QVERIFY(*decoded.message == sent);
        QCOMPARE(MessageCodec::encode(*decoded.message), frame);
    }
    // Text frames as QWebSocket hands them over decode the same.
    const DecodeResult fromText = MessageCodec().decode(QStringView(QString::fromUtf8(frame)));
    QVERIFY(fromText.ok() && *fromText.message == sent);
}

void TestMessageCodec::wireFormat_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("hello") << 0
                           << QByteArray(
                                  R"({"type":"hello","versions":{"min":1,"max":3},"client":"qwen-swarm 0.3.1"})");
    QTest::newRow("welcome") << 1
                             << QByteArray(
                                    R"({"type":"welcome","version":1,"server":"qwen-swarmd 0.3.1","role":"operator"})");
    QTest::newRow("result") << 4 << QByteArray(R"({"type":"result","id":7,"result":{"id":301}})");
    QTest::newRow("result null") << 5 << QByteArray(R"({"type":"result","id":8,"result":null})");
    QTest::newRow("error") << 6
                           << QByteArray(
                                  R"({"type":"error","id":9,"error":{"code":"not_found","message":"no task 301",)"
                                  R"("details":{"id":301}}})");
    QTest::newRow("error without id")
        << 7
        << QByteArray(
               R"({"type":"error","id":null,"error":{"code":"invalid_argument","message":"not JSON","details":{}}})");
    QTest::newRow("empty event batch") << 9 << QByteArray(R"({"type":"event","subscription":3,"events":[]})");
    QTest::newRow("dropped") << 10 << QByteArray(R"({"type":"dropped","subscription":3,"first":100,"last":250})");
}

void TestMessageCodec::wireFormat()
{
    QFETCH(int, index);
    QFETCH(QByteArray, json);
    const Message message = Samples::messages().at(index).second;
    QCOMPARE(parseObject(MessageCodec::encode(message)), parseObject(json));
    const DecodeResult decoded = MessageCodec().decode(json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error.message));
    QVERIFY(*decoded.message == message);
}

void TestMessageCodec::everyMethodsParams_data()
{
    QTest::addColumn<int>("method");
    for (std::size_t i = 0; i < methodCount; ++i)
        QTest::newRow(qPrintable(methodName(static_cast<Method>(i)).toString())) << static_cast<int>(i);
}

void TestMessageCodec::everyMethodsParams()
{
    QFETCH(int, method);
    const auto m = static_cast<Method>(method);
    const Request sent {static_cast<quint64>(1000 + method), Samples::call(m)};
    QCOMPARE(sent.method(), m);

    const QByteArray frame = MessageCodec::encode(sent);
    // What a client sends: the request written as text directly.
    QCOMPARE(MessageCodec::encodeRequest(sent.id, sent.call), QString::fromUtf8(frame));
    const QJsonObject object = parseObject(frame);
    QCOMPARE(object.value(u"method"_s).toString(), methodName(m).toString());
    QVERIFY(object.value(u"params"_s).isObject());

    const DecodeResult decoded = MessageCodec().decode(frame);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error.message));
    const auto *received = std::get_if<Request>(&*decoded.message);
    QVERIFY(received);
    QCOMPARE(received->id, sent.id);
    QCOMPARE(received->method(), m);
    QVERIFY2(*received == sent, frame.constData());
}

void TestMessageCodec::everyMethodsResult_data()
{
    everyMethodsParams_data();
}

void TestMessageCodec::everyMethodsResult()
{
    QFETCH(int, method);
    const QString problem = resultRoundTrips.at(static_cast<std::size_t>(method))();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestMessageCodec::submittedSpecsLeaveOutTheirDefaults()
{
    Api::TaskSpec plain;
    plain.swarmId = Api::SwarmId(4);
    plain.promptTemplate = u"p"_s;
    plain.choices = {u"A"_s};
    Api::TaskSpec unnamed; // the required members go even at their defaults
    const Request request {7, Calls::TasksSubmitBatch {{plain, unnamed, Samples::taskSpec()}}};
    const QJsonArray specs
        = parseObject(MessageCodec::encode(request)).value(u"params"_s).toObject().value(u"specs"_s).toArray();
    QCOMPARE(specs.at(0).toObject().keys(), (QStringList {u"choices"_s, u"prompt"_s, u"swarm_id"_s}));
    QCOMPARE(specs.at(1).toObject().keys(), (QStringList {u"prompt"_s, u"swarm_id"_s}));
    QCOMPARE(specs.at(2).toObject().value(u"priority"_s).toInt(), -20);
    const DecodeResult decoded = MessageCodec().decode(MessageCodec::encode(request));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error.message));
    QCOMPARE(*decoded.message, Message(request));
    QCOMPARE(MessageCodec::encodeRequest(request.id, request.call), QString::fromUtf8(MessageCodec::encode(request)));
    // The defaults an absent member stands for are part of the protocol: a new version to change one.
    QCOMPARE(QJsonDocument(Api::toJson(Api::TaskSpec {}).toObject()).toJson(QJsonDocument::Compact),
             R"({"answer_format":"free_text","budget_usd":0,"choices":[],"deadline":null,"idempotency_key":"",)"
             R"("priority":0,"prompt":"","reference_answer":"","retry":{"initial_backoff_ms":500,"jitter":0.2,)"
             R"("max_attempts":1,"max_backoff_ms":8000},"selection":{"agent_ids":[],"max_agents":0,)"
             R"("required_tags":[],"routing":"all"},"strategy":null,"swarm_id":0,"tags":[],"timeout_ms":0,)"
             R"("variables":{}})"_ba);
    const Request single {8, Calls::TasksSubmit {plain}};
    QCOMPARE(parseObject(MessageCodec::encode(single)).value(u"params"_s).toObject().value(u"spec"_s).toObject().keys(),
             (QStringList {u"choices"_s, u"prompt"_s, u"swarm_id"_s}));
    QCOMPARE(*MessageCodec().decode(MessageCodec::encode(single)).message, Message(single));
}

void TestMessageCodec::answeredTasksLeaveOutTheirDefaults()
{
    Api::Task queued;
    queued.id = Api::TaskId(9);
    queued.spec.swarmId = Api::SwarmId(4);
    queued.spec.promptTemplate = u"p"_s;
    queued.createdMs = 1'790'000'000'000;
    const QJsonObject json = parseObject(MessageCodec::encode(Response {1, resultToJson(queued)}));
    const QJsonObject task = json.value(u"result"_s).toObject();
    QCOMPARE(task.keys(), (QStringList {u"created_at"_s, u"id"_s, u"spec"_s, u"state"_s}));
    QCOMPARE(task.value(u"spec"_s).toObject().keys(), (QStringList {u"prompt"_s, u"swarm_id"_s}));
    QCOMPARE(resultFromJson<Calls::TasksGet>(task, Api::JsonReader::Mode::Strict).value(), queued);
    const QJsonArray batch = resultToJson(QList<Api::Task> {queued, queued}).toArray();
    QCOMPARE(batch.size(), 2);
    QCOMPARE(batch.at(1).toObject(), task);
    const QJsonObject page = resultToJson(Api::Page<Api::Task> {{queued}, u"next"_s, 12}).toObject();
    QCOMPARE(page.value(u"items"_s).toArray().at(0).toObject(), task);
    QCOMPARE(page.value(u"next_cursor"_s).toString(), u"next"_s);
    // The defaults an absent member stands for are part of the protocol: a new version to change one.
    QJsonObject defaults = Api::toJson(Api::Task {}).toObject();
    defaults.remove(u"spec"_s); // pinned by submittedSpecsLeaveOutTheirDefaults
    QCOMPARE(QJsonDocument(defaults).toJson(QJsonDocument::Compact),
             R"({"attempt":0,"cost_usd":0,"created_at":null,"effective_deadline":null,"error":null,)"
             R"("finished_at":null,"id":0,"result":null,"started_at":null,"state":"queued","state_reason":""})"_ba);
}

void TestMessageCodec::taskTextIsWhatQJsonDocumentWrites_data()
{
    QTest::addColumn<Api::Task>("task");
    QTest::newRow("sample") << Samples::result<Api::Task>();
    Api::Task queued;
    queued.id = Api::TaskId(1);
    queued.spec.swarmId = Api::SwarmId(2);
    queued.spec.promptTemplate = u"p"_s;
    QTest::newRow("queued, nothing optional") << queued;
    Api::Task failed = Samples::result<Api::Task>();
    failed.state = Api::TaskState::Failed;
    failed.result.reset();
    failed.error
        = Api::makeError(Api::ErrorCode::DeadlineExceeded, u"too slow \"quoted\"\n"_s,
                         {{u"elapsed_ms"_s, 1500}, {u"nested"_s, QJsonObject {{u"a"_s, QJsonArray {1, u"b"_s}}}}});
    failed.spec.strategy.reset();
    failed.spec.budgetUsd = 0.05;
    failed.spec.timeoutMs = 9007199254740992LL;
    failed.spec.promptTemplate = u"tab\there, ünïcödé 😀 \x01"_s;
    failed.spec.variables = QJsonObject {{u"n"_s, 1.5},
                                         {u"big"_s, 1e300},
                                         {u"whole_double"_s, 1e18},
                                         {u"whole_integer"_s, qint64(1'000'000'000'000'000'000)},
                                         {u"two"_s, 2.0},
                                         {u"list"_s, QJsonArray {true, QJsonValue()}}};
    failed.stateReason = u"provider \\ said no"_s;
    failed.startedMs = -1000;
    failed.effectiveDeadlineMs = 253'402'300'800'000;
    QTest::newRow("failed, everything odd") << failed;
}

void TestMessageCodec::taskTextIsWhatQJsonDocumentWrites()
{
    QFETCH(Api::Task, task);
    QCOMPARE(writeTaskText(task), QString::fromUtf8(QJsonDocument(taskWireJson(task)).toJson(QJsonDocument::Compact)));
    // Left-out members read as what they were: the task reads as its full JSON does.
    const auto read = [](const QJsonObject &json) {
        Api::JsonReader reader(Api::JsonReader::Mode::Strict);
        Api::Task out;
        Api::readJson(reader, json, out);
        return reader.ok() ? std::optional<Api::Task>(out) : std::nullopt;
    };
    const std::optional<Api::Task> full = read(Api::toJson(task).toObject());
    QCOMPARE(read(QJsonDocument::fromJson(writeTaskText(task).toUtf8()).object()), full);
    // And its spec as a client sends it, defaults left out.
    const Request submit {3, Calls::TasksSubmitBatch {{task.spec, task.spec}}};
    QCOMPARE(MessageCodec::encodeRequest(submit.id, submit.call), QString::fromUtf8(MessageCodec::encode(submit)));
}

void TestMessageCodec::parameterlessCallsMayOmitParams_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("method");
    QTest::newRow("info, no params") << QByteArray(R"({"type":"request","id":1,"method":"info"})")
                                     << static_cast<int>(Method::Info);
    QTest::newRow("metrics.get, null params")
        << QByteArray(R"({"type":"request","id":1,"method":"metrics.get","params":null})")
        << static_cast<int>(Method::MetricsGet);
    QTest::newRow("swarms.list, empty params")
        << QByteArray(R"({"type":"request","id":1,"method":"swarms.list","params":{}})")
        << static_cast<int>(Method::SwarmsList);
    QTest::newRow("agents.list, all swarms")
        << QByteArray(R"({"type":"request","id":1,"method":"agents.list"})") << static_cast<int>(Method::AgentsList);
}

void TestMessageCodec::parameterlessCallsMayOmitParams()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, method);
    const DecodeResult decoded = MessageCodec().decode(frame);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error.message));
    QCOMPARE(static_cast<int>(std::get<Request>(*decoded.message).method()), method);
}

namespace {

// A row of decodeErrors(): an InvalidArgument error at `path`, answering request `id` (-1: none).
void addErrorRow(const char *name, const QByteArray &frame, const QString &path, qint64 id = -1)
{
    QTest::newRow(name) << frame << u"invalid_argument"_s << path << id;
}

// A request frame with id 5.
QByteArray requestFrame(const QByteArray &method, const QByteArray &params)
{
    return R"({"type":"request","id":5,"method":")" + method + R"(","params":)" + params + '}';
}

void addEnvelopeErrorRows()
{
    addErrorRow("empty frame", "", QString());
    addErrorRow("not JSON", R"({"type":)", QString());
    addErrorRow("trailing garbage", R"({"type":"hello"} x)", QString());
    addErrorRow("invalid UTF-8", "{\"type\":\"hel\xfflo\"}", QString());
    addErrorRow("a JSON array", "[]", QString());
    addErrorRow("a JSON string", R"("hello")", QString());
    addErrorRow("JSON null", "null", QString());
    addErrorRow("missing type", R"({"id":1})", u"type"_s);
    addErrorRow("type a number", R"({"type":1})", u"type"_s);
    addErrorRow("unknown type", R"({"type":"subscribe"})", u"type"_s);
    addErrorRow("type in the wrong case", R"({"type":"Hello","versions":{"min":1,"max":1},"client":""})", u"type"_s);
    addErrorRow("hello without versions", R"({"type":"hello","client":"x"})", u"versions"_s);
    addErrorRow("hello versions.min a string", R"({"type":"hello","versions":{"min":"1","max":1},"client":""})",
                u"versions.min"_s);
    addErrorRow("hello versions.max fractional", R"({"type":"hello","versions":{"min":1,"max":1.5},"client":""})",
                u"versions.max"_s);
    addErrorRow("hello unknown member", R"({"type":"hello","versions":{"min":1,"max":1},"client":"","token":"x"})",
                u"token"_s);
    addErrorRow("welcome role unknown", R"({"type":"welcome","version":1,"server":"","role":"root"})", u"role"_s);
    addErrorRow("welcome version 0", R"({"type":"welcome","version":0,"server":"","role":"admin"})", u"version"_s);
}

void addRequestErrorRows()
{
    addErrorRow("request without id", R"({"type":"request","method":"info"})", u"id"_s);
    addErrorRow("request id negative", R"({"type":"request","id":-1,"method":"info"})", u"id"_s);
    addErrorRow("request id fractional", R"({"type":"request","id":1.5,"method":"info"})", u"id"_s);
    addErrorRow("request id a string", R"({"type":"request","id":"5","method":"info"})", u"id"_s);
    addErrorRow("request id beyond 2^53", R"({"type":"request","id":9007199254740994,"method":"info"})", u"id"_s);
    addErrorRow("request without method", R"({"type":"request","id":5})", u"method"_s, 5);
    addErrorRow("method a number", R"({"type":"request","id":5,"method":7})", u"method"_s, 5);
    QTest::newRow("unknown method") << requestFrame("tasks.delete", "{}") << u"unimplemented"_s << u"method"_s
                                    << qint64(5);
    QTest::newRow("method in the wrong case")
        << requestFrame("Tasks.Submit", "{}") << u"unimplemented"_s << u"method"_s << qint64(5);
    addErrorRow("params an array", requestFrame("tasks.get", "[1]"), u"params"_s, 5);
    addErrorRow("params a string", requestFrame("tasks.get", R"("301")"), u"params"_s, 5);
    addErrorRow("param missing", requestFrame("tasks.get", "{}"), u"params.id"_s, 5);
    addErrorRow("param a string", requestFrame("tasks.get", R"({"id":"301"})"), u"params.id"_s, 5);
    addErrorRow("param negative", requestFrame("tasks.get", R"({"id":-301})"), u"params.id"_s, 5);
    addErrorRow("unknown param", requestFrame("tasks.get", R"({"id":301,"force":true})"), u"params.force"_s, 5);
    addErrorRow("params for a parameterless method", requestFrame("info", R"({"verbose":true})"), u"params.verbose"_s,
                5);
    addErrorRow("deep wrong type",
                requestFrame("tasks.submit", R"({"spec":{"swarm_id":4,"prompt":"x","priority":"high"}})"),
                u"params.spec.priority"_s, 5);
    addErrorRow(
        "deep unknown enum",
        requestFrame("swarms.create", R"({"spec":{"name":"s","agents":[{"name":"a"},{"name":"b","role":"boss"}]}})"),
        u"params.spec.agents[1].role"_s, 5);
    addErrorRow("batch item not an object",
                requestFrame("tasks.submit_batch", R"({"specs":[{"swarm_id":4,"prompt":"x"},7]})"),
                u"params.specs[1]"_s, 5);
    addErrorRow("unknown agent command", requestFrame("agents.command", R"({"id":1,"command":"explode"})"),
                u"params.command"_s, 5);
    addErrorRow("unknown role for a key", requestFrame("keys.create", R"({"role":"root"})"), u"params.role"_s, 5);
}

void addReplyErrorRows()
{
    addErrorRow("result missing", R"({"type":"result","id":1})", u"result"_s);
    addErrorRow("result without id", R"({"type":"result","result":null})", u"id"_s);
    addErrorRow("error id a string", R"({"type":"error","id":"1","error":{"code":"internal"}})", u"id"_s);
    addErrorRow("error without error", R"({"type":"error","id":1})", u"error"_s);
    addErrorRow("error with an unknown code", R"({"type":"error","id":1,"error":{"code":"oops"}})", u"error.code"_s);
    addErrorRow("event batch not an array", R"({"type":"event","subscription":3,"events":{}})", u"events"_s);
    addErrorRow("event seq a string", R"({"type":"event","subscription":3,"events":[{"seq":"1"}]})",
                u"events[0].seq"_s);
    addErrorRow("subscription a string", R"({"type":"dropped","subscription":"3","first":1,"last":2})",
                u"subscription"_s);
    addErrorRow("dropped without first", R"({"type":"dropped","subscription":3,"last":2})", u"first"_s);
    addErrorRow("dropped last before first", R"({"type":"dropped","subscription":3,"first":5,"last":4})", u"last"_s);
}

} // namespace

void TestMessageCodec::decodeErrors_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("requestId"); // -1: the error answers no request
    addEnvelopeErrorRows();
    addRequestErrorRows();
    addReplyErrorRows();
}

void TestMessageCodec::decodeErrors()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QFETCH(qint64, requestId);

    const DecodeResult decoded = MessageCodec().decode(frame);
    QVERIFY2(!decoded.ok(), "a malformed frame was accepted");
    QCOMPARE(Api::enumName(decoded.error.code).toString(), code);
    QCOMPARE(decoded.error.details.value(u"path"_s).toString(), path);
    if (!path.isEmpty())
        QVERIFY2(decoded.error.message.startsWith(path + u": "_s), qPrintable(decoded.error.message));
    QCOMPARE(decoded.requestId.has_value(), requestId >= 0);
    if (decoded.requestId)
        QCOMPARE(static_cast<qint64>(*decoded.requestId), requestId);
}

void TestMessageCodec::lenientReadersSkipUnknownMembers()
{
    const QByteArray frame = R"({"type":"welcome","version":2,"server":"s","role":"admin","motd":"hi"})";
    QVERIFY(!MessageCodec().decode(frame).ok());
    const DecodeResult lenient
        = MessageCodec(MessageCodec::defaultMaxMessageBytes, Api::JsonReader::Mode::Lenient).decode(frame);
    QVERIFY2(lenient.ok(), qPrintable(lenient.error.message));
    QCOMPARE(std::get<Welcome>(*lenient.message).version, 2);

    // A newer server's answer with a member this client does not know: lenient by default.
    QJsonObject task = resultToJson(Samples::result<Api::Task>()).toObject();
    task.insert(u"shard"_s, 3);
    QS_VERIFY_OK(resultFromJson<Calls::TasksGet>(task));
    QS_VERIFY_ERROR(resultFromJson<Calls::TasksGet>(task, Api::JsonReader::Mode::Strict),
                    Api::ErrorCode::InvalidArgument);
}

void TestMessageCodec::sizeLimit()
{
    const qsizetype limit = MessageCodec::defaultMaxMessageBytes;
    QCOMPARE(limit, 1024 * 1024);
    const QByteArray prefix = R"({"type":"hello","versions":{"min":1,"max":1},"client":")";
    const QByteArray exact = prefix + QByteArray(limit - prefix.size() - 2, 'x') + "\"}";
    QCOMPARE(exact.size(), limit);
    const MessageCodec codec;
    QVERIFY2(codec.decode(exact).ok(), "a message of exactly the limit is allowed");

    const QByteArray over = prefix + QByteArray(limit - prefix.size() - 1, 'x') + "\"}";
    QCOMPARE(over.size(), limit + 1);
    for (const DecodeResult &refused : {codec.decode(over), codec.decode(QStringView(QString::fromLatin1(over)))}) {
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error.code, Api::ErrorCode::ResourceExhausted);
        QCOMPARE(refused.error.details.value(u"limit"_s).toInteger(), limit);
    }
    // UTF-8 bytes count, not characters: 600,000 'é' are 1.2 MB.
    const QString accents = QString::fromLatin1(prefix) + QString(600000, QChar(0xE9)) + u"\"}"_s;
    QCOMPARE(codec.decode(QStringView(accents)).error.code, Api::ErrorCode::ResourceExhausted);

    const MessageCodec small(64);
    QCOMPARE(small.maxMessageBytes(), 64);
    QVERIFY(!small.decode(MessageCodec::encode(Samples::messages().at(2).second)).ok());
}

void TestMessageCodec::resultErrors()
{
    const Api::Result<Api::Task> noId = resultFromJson<Calls::TasksGet>(QJsonObject {{u"state"_s, u"queued"_s}});
    QS_VERIFY_ERROR(noId, Api::ErrorCode::InvalidArgument);
    QVERIFY2(noId.error().details.value(u"path"_s).toString().startsWith(u"result."_s),
             qPrintable(noId.error().message));

    const Api::Result<NoResult> notNull = resultFromJson<Calls::SwarmsRemove>(QJsonObject {});
    QS_VERIFY_ERROR(notNull, Api::ErrorCode::InvalidArgument);
    QCOMPARE(notNull.error().details.value(u"path"_s).toString(), u"result"_s);
    QS_VERIFY_OK(resultFromJson<Calls::SwarmsRemove>(QJsonValue(QJsonValue::Null)));

    const Api::Result<QList<Api::Swarm>> notAList = resultFromJson<Calls::SwarmsList>(QJsonObject {});
    QS_VERIFY_ERROR(notAList, Api::ErrorCode::InvalidArgument);
    QCOMPARE(notAList.error().details.value(u"path"_s).toString(), u"result"_s);
}

QTEST_GUILESS_MAIN(TestMessageCodec)
#include "tst_messagecodec.moc"
