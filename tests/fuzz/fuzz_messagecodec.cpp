// Fuzz target: MessageCodec and the calls table, i.e. everything a server reads from a client frame.
// Properties checked on every input:
// - decoding answers a message or a typed error (InvalidArgument, Unimplemented, ResourceExhausted);
// - a decoded message re-encodes to a frame that a strict reader accepts and decodes to the same
//   message, and encoding is stable (encode(decode(encode(m))) == encode(m));
// - a decoded result is read as the answer of every method; an answer that reads re-encodes to JSON
//   that reads back to the same value, and the server's text of it (resultText) is what
//   QJsonDocument writes;
// - a request the client writes as text (MessageCodec::encodeRequest) is the text encode() writes;
// - an event message the server writes from its events' texts (MessageCodec::eventText) is the
//   text encode() writes;
// - the quick event reader answers only frames the general decoder (a JSON document, then the typed
//   readers) reads to the same message, in either mode.
#include "fuzzcheck.h"

#include <auth/role.h>
#include <protocol/eventmessagereader.h>
#include <protocol/messagecodec.h>

#include <QJsonDocument>

#include <array>
#include <cstdint>

using namespace QwenSwarm::Remote;
namespace Api = QwenSwarm::Api;

namespace {

template<std::size_t I>
void readAsAnswerOf(const QJsonValue &json)
{
    using Call = std::variant_alternative_t<I, CallParams>;
    for (const Api::JsonReader::Mode mode : {Api::JsonReader::Mode::Strict, Api::JsonReader::Mode::Lenient}) {
        const auto answer = resultFromJson<Call>(json, mode);
        if (!answer.ok()) {
            FUZZ_CHECK(answer.error().code == Api::ErrorCode::InvalidArgument);
            continue;
        }
        // What a server sends for this answer is what QJsonDocument writes.
        FUZZ_CHECK(MessageCodec::encodeResult(1, resultText(answer.value()))
                   == QString::fromUtf8(MessageCodec::encode(Response {1, resultToJson(answer.value())})));
        const auto again = resultFromJson<Call>(resultToJson(answer.value()), Api::JsonReader::Mode::Strict);
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again.value() == answer.value());
    }
}

template<std::size_t... I>
void readAsAnswerOfEveryMethod(const QJsonValue &json, std::index_sequence<I...>)
{
    (readAsAnswerOf<I>(json), ...);
}

void checkMessage(const Message &message)
{
    static const MessageCodec strict;
    const QByteArray encoded = MessageCodec::encode(message);
    const DecodeResult again = strict.decode(encoded);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again.message == message);
    FUZZ_CHECK(MessageCodec::encode(*again.message) == encoded);
    if (const auto *request = std::get_if<Request>(&message)) {
        FUZZ_CHECK(requiredRole(methodName(request->method())).has_value());
        // What a client sends, written as text directly, is what QJsonDocument writes.
        FUZZ_CHECK(MessageCodec::encodeRequest(request->id, request->call) == QString::fromUtf8(encoded));
    }
    if (const auto *batch = std::get_if<EventBatch>(&message)) {
        // The server's own writer of events writes what QJsonDocument writes.
        QStringList texts;
        for (const Api::Event &event : batch->events)
            texts.append(MessageCodec::eventText(event));
        FUZZ_CHECK(MessageCodec::encodeEventBatch(batch->subscription, texts.join(u',')) == QString::fromUtf8(encoded));
    }
    if (const auto *response = std::get_if<Response>(&message))
        readAsAnswerOfEveryMethod(response->result, std::make_index_sequence<methodCount> {});
}

void checkDecoding(const MessageCodec &codec, QByteArrayView frame)
{
    const DecodeResult decoded = codec.decode(frame);
    if (decoded.ok()) {
        checkMessage(*decoded.message);
        return;
    }
    const Api::ErrorCode code = decoded.error.code;
    FUZZ_CHECK(code == Api::ErrorCode::InvalidArgument || code == Api::ErrorCode::Unimplemented
               || code == Api::ErrorCode::ResourceExhausted);
    FUZZ_CHECK(!decoded.error.message.isEmpty());
    FUZZ_CHECK(code != Api::ErrorCode::Unimplemented || decoded.requestId.has_value());
}

void checkQuickEventReading(QByteArrayView frame)
{
    const std::optional<EventBatch> quick = readEventMessage(frame);
    if (!quick)
        return;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(frame.toByteArray(), &error);
    FUZZ_CHECK(error.error == QJsonParseError::NoError && document.isObject());
    for (const Api::JsonReader::Mode mode : {Api::JsonReader::Mode::Strict, Api::JsonReader::Mode::Lenient}) {
        const DecodeResult general
            = MessageCodec(MessageCodec::defaultMaxMessageBytes, mode).fromJson(document.object());
        FUZZ_CHECK(general.ok());
        FUZZ_CHECK(*general.message == Message(*quick));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A small limit, so that the over-size path is reached at fuzzing lengths too.
    static const MessageCodec strict(4096, Api::JsonReader::Mode::Strict);
    static const MessageCodec lenient(4096, Api::JsonReader::Mode::Lenient);
    const QByteArrayView frame(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkDecoding(strict, frame);
    checkDecoding(lenient, frame);
    checkQuickEventReading(frame);
    const DecodeResult fromText = strict.decode(QStringView(QString::fromUtf8(frame)));
    FUZZ_CHECK(fromText.ok() || !fromText.error.message.isEmpty());
    return 0;
}
