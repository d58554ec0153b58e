#include "protocol/eventtextcache.h"

#include "protocol/messagecodec.h"

#include <bit>

namespace QwenSwarm::Remote {

EventTextCache::EventTextCache(qsizetype capacity)
    : m_slots(std::bit_ceil(static_cast<quint64>(std::max<qsizetype>(capacity, 1))))
    , m_mask(m_slots.size() - 1)
{ }

QString EventTextCache::text(const Api::Event &event)
{
    Slot &slot = m_slots[event.seq & m_mask];
    // Seq, time and topic together: an event of another backend (or a restarted one) with the same
    // seq is not mistaken for the cached one.
    if (slot.seq == event.seq && event.seq != 0 && slot.timeMs == event.timeMs && slot.topic == event.topic()) {
        ++m_hits;
        return slot.text;
    }
    ++m_misses;
    slot = Slot {event.seq, event.timeMs, event.topic(), MessageCodec::eventText(event)};
    return slot.text;
}

} // namespace QwenSwarm::Remote
