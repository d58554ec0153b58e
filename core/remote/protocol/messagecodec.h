#pragma once

#include "auth/role.h"
#include "protocol/calls.h"
#include "protocol/protocolversion.h"

#include <api/error.h>
#include <api/event.h>

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <variant>

namespace QwenSwarm::Remote {

/// The client's first message: {"type":"hello","versions":{"min":1,"max":1},"client":"qwen-swarm 0.3"}.
struct Hello
{
    VersionRange versions; ///< The revisions the client speaks.
    QString client; ///< Free text naming the client program, for logs.
    /// Member-wise equality.
    bool operator==(const Hello &other) const
    {
        return versions.min == other.versions.min && versions.max == other.versions.max && client == other.client;
    }
};

/// The server's answer to a hello it accepts: {"type":"welcome","version":1,"server":"...","role":"operator"}.
struct Welcome
{
    int version = 1; ///< The negotiated revision.
    QString server; ///< Free text naming the server program.
    Role role = Role::Viewer; ///< What the authenticated client may do.
    bool operator==(const Welcome &) const = default;
};

/// A call: {"type":"request","id":N,"method":"tasks.submit","params":{...}}. Ids are the client's, any
/// integer 0..2^53; the answer names the same id.
struct Request
{
    quint64 id = 0; ///< Chosen by the client; echoed by the answer.
    CallParams call; ///< The method and its parameters (the alternative is the method).
    /// The method called.
    Method method() const { return methodOf(call); }
    bool operator==(const Request &) const = default;
};

/// A successful answer: {"type":"result","id":N,"result":...}. The result stays JSON here: only the
/// client knows which method the id belongs to; resultFromJson<Call>() decodes it.
struct Response
{
    quint64 id = 0; ///< The id of the request this answers.
    QJsonValue result; ///< Null for calls that answer no value.
    bool operator==(const Response &) const = default;
};

/// A failed answer, or a problem with no request to blame (id null):
/// {"type":"error","id":N|null,"error":{"code":"...","message":"...","details":{...}}}.
struct ErrorReply
{
    std::optional<quint64> id; ///< The request this answers; none for a problem with the connection.
    Api::Error error; ///< Code, message for people, machine-readable details.
    bool operator==(const ErrorReply &) const = default;
};

/// Events of a subscription, in seq order: {"type":"event","subscription":N,"events":[...]}.
struct EventBatch
{
    Api::SubscriptionId subscription; ///< The subscription the events belong to.
    QList<Api::Event> events; ///< In seq order; each carries its topic and seq.
    bool operator==(const EventBatch &) const = default;
};

/// Events first..last (inclusive) of a subscription were dropped:
/// {"type":"dropped","subscription":N,"first":a,"last":b}.
struct EventsDropped
{
    Api::SubscriptionId subscription; ///< The subscription that lost events.
    quint64 first = 0; ///< The first seq lost.
    quint64 last = 0; ///< The last seq lost; never less than first.
    bool operator==(const EventsDropped &) const = default;
};

/// Any message of subprotocol qwen-swarm.v1 (one JSON text frame each).
using Message = std::variant<Hello, Welcome, Request, Response, ErrorReply, EventBatch, EventsDropped>;

/// The message kinds, in the order of Message's alternatives; wire names are the "type" member.
enum class MessageType
{
    Hello, ///< "hello": Hello.
    Welcome, ///< "welcome": Welcome.
    Request, ///< "request": Request.
    Result, ///< "result": Response.
    Error, ///< "error": ErrorReply.
    Event, ///< "event": EventBatch.
    Dropped, ///< "dropped": EventsDropped.
};

} // namespace QwenSwarm::Remote

/// The "type" names of the messages.
template<>
struct QwenSwarm::Api::EnumNames<QwenSwarm::Remote::MessageType>
{
    static constexpr std::array<QStringView, 7> names {u"hello", u"welcome", u"request", u"result",
                                                       u"error", u"event",   u"dropped"};
};

namespace QwenSwarm::Remote {

/// The outcome of decoding one frame: a message, or a typed error.
struct DecodeResult
{
    std::optional<Message> message; ///< Set on success.
    Api::Error error; ///< Why decoding failed; meaningful only when !ok().
    /// On failure: the id of the request the frame carried, when it could be read, so that the error
    /// answers that request (an unknown method, bad parameters) instead of the connection.
    std::optional<quint64> requestId;

    bool ok() const { return message.has_value(); }
};

/// Encodes and decodes the messages of subprotocol qwen-swarm.v1 as compact JSON text.
///
/// Decoding is strict and bounded: a frame over maxMessageBytes is refused unread (ResourceExhausted,
/// details {"limit"}); text that is not a JSON object, a missing or unknown "type", a missing or
/// mistyped member, an unknown member (in strict mode) are InvalidArgument errors whose message and
/// details name the path ("params.spec.agents[0].role: unknown value ..."); an unknown method is
/// Unimplemented (details {"path": "method"}). A server decodes strictly; a client may read leniently,
/// skipping members a newer server added.
///
/// Threading: a MessageCodec is an immutable value; share it between threads freely.
class MessageCodec
{
public:
    /// The default limit on a message: 1 MiB, as for WebSocket frames.
    static constexpr qsizetype defaultMaxMessageBytes = 1024 * 1024;

    /// A codec refusing messages over `maxMessageBytes` bytes (UTF-8) and reading in `mode`.
    explicit MessageCodec(qsizetype maxMessageBytes = defaultMaxMessageBytes,
                          Api::JsonReader::Mode mode = Api::JsonReader::Mode::Strict);

    /// The size limit in bytes.
    qsizetype maxMessageBytes() const { return m_maxMessageBytes; }

    /// The message as one compact JSON text (UTF-8). Never fails; the size limit is the reader's.
    static QByteArray encode(const Message &message);

    /// One event as it appears in the "events" array of an event message (compact JSON).
    static QString eventText(const Api::Event &event);

    /// The event message of `subscription` whose events, in seq order, are given as their
    /// eventText()s joined by commas: the same text as encode(EventBatch) writes, without encoding
    /// the events again for every client that receives them (see EventTextCache::joined()).
    static QString encodeEventBatch(Api::SubscriptionId subscription, QStringView joinedEventTexts);

    /// The result message answering request `id` whose result is given as JSON text (resultText()):
    /// the same text as encode(Response) writes, without building the result as JSON first.
    static QString encodeResult(quint64 id, QStringView resultText);

    /// The request message calling `call` with id `id`: the same text as encode(Request) writes,
    /// without building the parameters as JSON first (see paramsText()).
    static QString encodeRequest(quint64 id, const CallParams &call);

    /// Decodes one frame of UTF-8 JSON text.
    DecodeResult decode(QByteArrayView utf8) const;

    /// Decodes one text frame as QWebSocket delivers it.
    DecodeResult decode(QStringView text) const;

    /// The JSON object of a message (what encode() serialises).
    static QJsonObject toJson(const Message &message);

    /// Decodes a message from an already parsed JSON value (no size limit applies).
    DecodeResult fromJson(const QJsonValue &json) const;

private:
    qsizetype m_maxMessageBytes;
    Api::JsonReader::Mode m_mode;
};

} // namespace QwenSwarm::Remote
