#pragma once

#include <api/event.h>

#include <QString>

#include <vector>

namespace QwenSwarm::Remote {

/// The wire text (MessageCodec::eventText()) of recently sent events, so that a server encodes each
/// event once however many clients it goes to, and joins the texts of a batch once for all the
/// clients that receive it in a row. Keyed by seq (one sequence numbers every event of a
/// backend), bounded: a slot holds the last event whose seq maps to it, and an event that is no
/// longer there is simply encoded again. Its memory is about capacity × the text of one event (UTF-16).
///
/// Threading: one thread (the server's); not shared between threads.
class EventTextCache
{
public:
    /// A cache of `capacity` events (rounded up to a power of two, at least 1).
    explicit EventTextCache(qsizetype capacity = 8192);

    /// The event's compact JSON text, from the cache or encoded now (and kept).
    QString text(const Api::Event &event);

    /// The events' texts joined by commas: the inside of an event message's "events" array. The last
    /// list joined is kept, so the next client that receives the same events costs no join.
    QString joined(const QList<Api::Event> &events);

    /// Lookups answered from the cache and lookups that had to encode, since construction.
    quint64 hits() const { return m_hits; }
    quint64 misses() const { return m_misses; }
    /// joined() calls answered with the last join.
    quint64 joinHits() const { return m_joinHits; }

private:
    struct Slot
    {
        quint64 seq = 0; ///< 0: empty (seqs start at 1).
        qint64 timeMs = 0;
        Api::Topic topic = Api::Topic::Swarms;
        QString text;
    };

    /// What tells an event apart from another (as a slot checks it).
    struct Identity
    {
        quint64 seq = 0;
        qint64 timeMs = 0;
        Api::Topic topic = Api::Topic::Swarms;
        bool operator==(const Identity &) const = default;
    };
    static Identity identityOf(const Api::Event &event) { return {event.seq, event.timeMs, event.topic()}; }

    std::vector<Slot> m_slots;
    quint64 m_mask;
    quint64 m_hits = 0;
    quint64 m_misses = 0;
    std::vector<Identity> m_lastJoin;
    QString m_lastJoined;
    quint64 m_joinHits = 0;
};

} // namespace QwenSwarm::Remote
