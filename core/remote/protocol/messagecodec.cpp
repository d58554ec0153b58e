#include "protocol/messagecodec.h"

#include "protocol/eventmessagereader.h"

#include <api/json.h>

#include <QJsonDocument>

#include <algorithm>

namespace QwenSwarm::Remote {

using namespace Qt::Literals::StringLiterals;

namespace {

static_assert(std::variant_size_v<Message> == Api::EnumNames<MessageType>::names.size(),
              "one MessageType per Message alternative");

// Reads the members of a message object; a strict reader rejects members nobody asked for.
class Envelope
{
public:
    Envelope(Api::JsonReader &reader, QJsonObject object)
        : m_reader(reader)
        , m_object(std::move(object))
    { }

    template<typename T>
    void required(QLatin1StringView key, T &out)
    {
        const QJsonValue value = raw(key);
        if (!m_reader.ok())
            return;
        Api::JsonReader::Scope scope(m_reader, QString(key));
        if (value.isUndefined())
            m_reader.fail(u"required"_s);
        else
            readJson(m_reader, value, out);
    }

    /// The member as it is (undefined when absent), marked as known.
    QJsonValue raw(QLatin1StringView key)
    {
        m_known.append(key);
        return m_object.value(key);
    }

    void finish()
    {
        if (!m_reader.ok() || m_reader.mode() == Api::JsonReader::Mode::Lenient)
            return;
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            const QString key = it.key();
            if (std::none_of(m_known.cbegin(), m_known.cend(), [&](QLatin1StringView k) { return k == key; })) {
                Api::JsonReader::Scope scope(m_reader, key);
                m_reader.fail(u"unknown member"_s);
                return;
            }
        }
    }

    Api::JsonReader &reader() { return m_reader; }

private:
    Api::JsonReader &m_reader;
    QJsonObject m_object;
    QList<QLatin1StringView> m_known;
};

Message readHello(Envelope &envelope)
{
    Hello hello;
    Api::JsonReader &reader = envelope.reader();
    const QJsonValue versions = envelope.raw("versions"_L1);
    {
        Api::JsonReader::Scope scope(reader, u"versions"_s);
        Api::JsonObjectReader object(reader, versions);
        object.required("min"_L1, hello.versions.min);
        object.required("max"_L1, hello.versions.max);
        object.finish();
    }
    envelope.required("client"_L1, hello.client);
    return hello;
}

Message readWelcome(Envelope &envelope)
{
    Welcome welcome;
    envelope.required("version"_L1, welcome.version);
    envelope.required("server"_L1, welcome.server);
    envelope.required("role"_L1, welcome.role);
    if (envelope.reader().ok() && welcome.version < 1) {
        Api::JsonReader::Scope scope(envelope.reader(), u"version"_s);
        envelope.reader().fail(u"expected a revision of at least 1"_s);
    }
    return welcome;
}

// Reads a request; sets `requestId` as soon as the id is known and `unknownMethod` for a method this
// build does not have.
Message readRequest(Envelope &envelope, std::optional<quint64> &requestId, bool &unknownMethod)
{
    Request request;
    Api::JsonReader &reader = envelope.reader();
    envelope.required("id"_L1, request.id);
    if (reader.ok())
        requestId = request.id;
    QString name;
    envelope.required("method"_L1, name);
    const QJsonValue params = envelope.raw("params"_L1);
    if (!reader.ok())
        return request;
    const std::optional<Method> method = methodFromName(name);
    if (!method) {
        Api::JsonReader::Scope scope(reader, u"method"_s);
        reader.fail(u"unknown method '%1'"_s.arg(name.left(64)));
        unknownMethod = true;
        return request;
    }
    Api::JsonReader::Scope scope(reader, u"params"_s);
    request.call = readParams(reader, *method, params);
    return request;
}

Message readResponse(Envelope &envelope)
{
    Response response;
    envelope.required("id"_L1, response.id);
    response.result = envelope.raw("result"_L1);
    if (envelope.reader().ok() && response.result.isUndefined()) {
        Api::JsonReader::Scope scope(envelope.reader(), u"result"_s);
        envelope.reader().fail(u"required"_s);
    }
    return response;
}

Message readErrorReply(Envelope &envelope)
{
    ErrorReply reply;
    const QJsonValue id = envelope.raw("id"_L1);
    if (!id.isNull() && !id.isUndefined()) // null or absent: the error answers no particular request
        envelope.required("id"_L1, reply.id.emplace());
    envelope.required("error"_L1, reply.error);
    return reply;
}

Message readEventBatch(Envelope &envelope)
{
    EventBatch batch;
    envelope.required("subscription"_L1, batch.subscription);
    envelope.required("events"_L1, batch.events);
    return batch;
}

Message readEventsDropped(Envelope &envelope)
{
    EventsDropped dropped;
    envelope.required("subscription"_L1, dropped.subscription);
    envelope.required("first"_L1, dropped.first);
    envelope.required("last"_L1, dropped.last);
    if (envelope.reader().ok() && dropped.last < dropped.first) {
        Api::JsonReader::Scope scope(envelope.reader(), u"last"_s);
        envelope.reader().fail(u"must not be less than first"_s);
    }
    return dropped;
}

DecodeResult failed(Api::Error error)
{
    DecodeResult result;
    result.error = std::move(error);
    return result;
}

DecodeResult tooLarge(qsizetype limit)
{
    return failed(Api::makeError(Api::ErrorCode::ResourceExhausted,
                                 u"the message is larger than the limit of %1 bytes"_s.arg(QString::number(limit)),
                                 {{u"limit"_s, static_cast<qint64>(limit)}}));
}

QJsonObject body(const Hello &hello)
{
    return {{u"versions"_s, QJsonObject {{u"min"_s, hello.versions.min}, {u"max"_s, hello.versions.max}}},
            {u"client"_s, hello.client}};
}

QJsonObject body(const Welcome &welcome)
{
    return {{u"version"_s, welcome.version}, {u"server"_s, welcome.server}, {u"role"_s, Api::toJson(welcome.role)}};
}

QJsonObject body(const Request &request)
{
    return {{u"id"_s, static_cast<qint64>(request.id)},
            {u"method"_s, methodName(request.method()).toString()},
            {u"params"_s, paramsToJson(request.call)}};
}

QJsonObject body(const Response &response)
{
    // An undefined value would drop the member; the answer of a void call is null.
    const QJsonValue result = response.result.isUndefined() ? QJsonValue(QJsonValue::Null) : response.result;
    return {{u"id"_s, static_cast<qint64>(response.id)}, {u"result"_s, result}};
}

QJsonObject body(const ErrorReply &reply)
{
    return {{u"id"_s, reply.id ? QJsonValue(static_cast<qint64>(*reply.id)) : QJsonValue(QJsonValue::Null)},
            {u"error"_s, Api::toJson(reply.error)}};
}

QJsonObject body(const EventBatch &batch)
{
    return {{u"subscription"_s, Api::toJson(batch.subscription)}, {u"events"_s, Api::listToJson(batch.events)}};
}

QJsonObject body(const EventsDropped &dropped)
{
    return {{u"subscription"_s, Api::toJson(dropped.subscription)},
            {u"first"_s, static_cast<qint64>(dropped.first)},
            {u"last"_s, static_cast<qint64>(dropped.last)}};
}

} // namespace

MessageCodec::MessageCodec(qsizetype maxMessageBytes, Api::JsonReader::Mode mode)
    : m_maxMessageBytes(maxMessageBytes)
    , m_mode(mode)
{ }

QJsonObject MessageCodec::toJson(const Message &message)
{
    QJsonObject object = std::visit([](const auto &m) { return body(m); }, message);
    object.insert(u"type"_s, Api::enumName(static_cast<MessageType>(message.index())).toString());
    return object;
}

QByteArray MessageCodec::encode(const Message &message)
{
    return QJsonDocument(toJson(message)).toJson(QJsonDocument::Compact);
}

QString MessageCodec::encodeEventBatch(Api::SubscriptionId subscription, QStringView joinedEventTexts)
{
    // What QJsonDocument writes for toJson(EventBatch): members in key order, no spaces.
    const QLatin1StringView head = "{\"events\":["_L1;
    const QString tail = "],\"subscription\":"_L1 + QString::number(subscription.value) + ",\"type\":\"event\"}"_L1;
    QString message;
    message.reserve(head.size() + joinedEventTexts.size() + tail.size());
    message += head;
    message += joinedEventTexts;
    message += tail;
    return message;
}

QString MessageCodec::encodeResult(quint64 id, QStringView resultText)
{
    // What QJsonDocument writes for toJson(Response): members in key order, no spaces.
    QString message;
    message.reserve(resultText.size() + 48);
    message += "{\"id\":"_L1;
    message += QString::number(static_cast<qint64>(id));
    message += ",\"result\":"_L1;
    message += resultText;
    message += ",\"type\":\"result\"}"_L1;
    return message;
}

QString MessageCodec::encodeRequest(quint64 id, const CallParams &call)
{
    // What QJsonDocument writes for toJson(Request): members in key order, no spaces.
    const QString params = paramsText(call);
    QString message;
    message.reserve(params.size() + 80);
    message += "{\"id\":"_L1;
    JsonText::integer(message, static_cast<qint64>(id));
    message += ",\"method\":"_L1;
    JsonText::quoted(message, methodName(methodOf(call)));
    message += ",\"params\":"_L1;
    message += params;
    message += ",\"type\":\"request\"}"_L1;
    return message;
}

DecodeResult MessageCodec::decode(QStringView text) const
{
    // Every UTF-16 code unit takes at least one UTF-8 byte: refuse before converting a huge frame.
    if (text.size() > m_maxMessageBytes)
        return tooLarge(m_maxMessageBytes);
    return decode(QByteArrayView(text.toUtf8()));
}

DecodeResult MessageCodec::decode(QByteArrayView utf8) const
{
    if (utf8.size() > m_maxMessageBytes)
        return tooLarge(m_maxMessageBytes);
    // Event messages, most of what a client reads, without a JSON document when they can be.
    if (std::optional<EventBatch> batch = readEventMessage(utf8))
        return DecodeResult {Message(std::move(*batch)), {}, std::nullopt};
    QJsonParseError parseError {};
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromRawData(utf8.data(), utf8.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(Api::makeError(
            Api::ErrorCode::InvalidArgument,
            u"not JSON: %1 at offset %2"_s.arg(parseError.errorString(), QString::number(parseError.offset)),
            {{u"path"_s, QString()}, {u"offset"_s, parseError.offset}}));
    if (!document.isObject())
        return failed(
            Api::makeError(Api::ErrorCode::InvalidArgument, u"expected a JSON object"_s, {{u"path"_s, QString()}}));
    return fromJson(document.object());
}

DecodeResult MessageCodec::fromJson(const QJsonValue &json) const
{
    Api::JsonReader reader(m_mode);
    if (!json.isObject()) {
        reader.fail(u"expected a JSON object"_s);
        return failed(reader.error());
    }
    Envelope envelope(reader, json.toObject());
    QString typeName;
    envelope.required("type"_L1, typeName);
    const std::optional<MessageType> type = Api::enumFromName<MessageType>(typeName);
    if (reader.ok() && !type) {
        Api::JsonReader::Scope scope(reader, u"type"_s);
        reader.fail(u"unknown message type (expected one of %1)"_s.arg(Api::enumNameList<MessageType>()));
    }
    if (!reader.ok())
        return failed(reader.error());

    DecodeResult result;
    bool unknownMethod = false;
    Message message;
    switch (*type) {
    case MessageType::Hello:
        message = readHello(envelope);
        break;
    case MessageType::Welcome:
        message = readWelcome(envelope);
        break;
    case MessageType::Request:
        message = readRequest(envelope, result.requestId, unknownMethod);
        break;
    case MessageType::Result:
        message = readResponse(envelope);
        break;
    case MessageType::Error:
        message = readErrorReply(envelope);
        break;
    case MessageType::Event:
        message = readEventBatch(envelope);
        break;
    case MessageType::Dropped:
        message = readEventsDropped(envelope);
        break;
    }
    envelope.finish();
    if (!reader.ok()) {
        result.error = reader.error();
        if (unknownMethod)
            result.error.code = Api::ErrorCode::Unimplemented;
        return result;
    }
    result.message = std::move(message);
    return result;
}

} // namespace QwenSwarm::Remote
