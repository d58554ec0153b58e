// MessageCodec::eventText(): one event written straight from its members, the very text
// QJsonDocument writes for Api::toJson(event), without building a JSON object first. A server
// writes every event it sends once, by the ten thousand a second.
#include "protocol/jsontext.h"
#include "protocol/messagecodec.h"

#include <api/jsoneventpayload.h>

namespace QwenSwarm::Remote {

using namespace Qt::Literals::StringLiterals;

QString MessageCodec::eventText(const Api::Event &event)
{
    QString out;
    out.reserve(256);
    {
        JsonText::Object object(out);
        object.name("data"_L1);
        std::visit(
            [&out](const auto &payload) {
                JsonText::Object data(out);
                Api::eventPayloadMembers(data, payload);
            },
            event.payload);
        object.required("seq"_L1, static_cast<qint64>(event.seq));
        object.name("time"_L1);
        JsonText::time(out, event.timeMs);
        object.required("topic"_L1, event.topic());
    }
    return out;
}

} // namespace QwenSwarm::Remote
