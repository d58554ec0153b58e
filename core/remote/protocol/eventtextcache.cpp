#include "protocol/eventtextcache.h"

#include "protocol/messagecodec.h"

#include <algorithm>
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
    if (event.seq != 0 && Identity {slot.seq, slot.timeMs, slot.topic} == identityOf(event)) {
        ++m_hits;
        return slot.text;
    }
    ++m_misses;
    slot = Slot {event.seq, event.timeMs, event.topic(), MessageCodec::eventText(event)};
    return slot.text;
}

QString EventTextCache::joined(const QList<Api::Event> &events)
{
    const bool same = !events.isEmpty() && m_lastJoin.size() == static_cast<std::size_t>(events.size())
        && std::equal(
            events.cbegin(), events.cend(), m_lastJoin.cbegin(),
            [](const Api::Event &event, const Identity &last) { return event.seq != 0 && identityOf(event) == last; });
    if (same) {
        ++m_joinHits;
        return m_lastJoined;
    }
    QString joined;
    m_lastJoin.clear();
    for (const Api::Event &event : events) {
        if (!joined.isEmpty())
            joined += u',';
        joined += text(event);
        m_lastJoin.push_back(identityOf(event));
    }
    m_lastJoined = joined;
    return joined;
}

} // namespace QwenSwarm::Remote
