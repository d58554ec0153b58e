#pragma once

#include "events/eventbus.h"
#include "store/storewriter.h"

namespace QwenSwarm::Engine {

/// The audit log of one engine. An entry goes to the store, with the engine's next batch of writes
/// (durable, paged by query()), and to the audit topic of the event bus (live, for admins watching).
/// Engine thread only; a short-lived view over the engine's bus and writer.
class AuditTrail
{
public:
    AuditTrail(EventBus &events, StoreWriter &writer)
        : m_events(events)
        , m_writer(writer)
    { }

    void record(qint64 timeMs, const Api::AuditEvent &event);
    /// Newest first, once what was recorded so far is in the store.
    void query(const Api::AuditQuery &query, Store::Reply<Api::Page<Api::AuditEntry>> done);

private:
    EventBus &m_events;
    StoreWriter &m_writer;
};

} // namespace QwenSwarm::Engine
