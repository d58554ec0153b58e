#pragma once

#include "protocol/messagecodec.h"

#include <QByteArrayView>

#include <optional>

namespace QwenSwarm::Remote {

/// Reads an event message ({"events":[...],"subscription":N,"type":"event"}) straight from its UTF-8
/// text, without building a JSON document first: event messages are by far the most a client
/// receives, and building the document cost more than everything else a subscriber does.
///
/// It answers only messages it reads exactly as MessageCodec's general decoder does (the same
/// EventBatch, in either mode). Anything else, whether another kind of message, a member it does not
/// know, a null, an escape or a number it leaves to the general decoder, or an error of any kind,
/// gets no answer, and the caller decodes the text the general way (which reports errors). It never
/// reads past `utf8` and needs no size limit of its own (MessageCodec applies one before).
std::optional<EventBatch> readEventMessage(QByteArrayView utf8);

} // namespace QwenSwarm::Remote
