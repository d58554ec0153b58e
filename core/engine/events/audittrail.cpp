#include "events/audittrail.h"

namespace QwenSwarm::Engine {

void AuditTrail::record(qint64 timeMs, const Api::AuditEvent &event)
{
    m_writer.append(
        AuditWrite {Api::AuditEntry {timeMs, event.actor, event.action, event.target, event.allowed, event.detail}});
    m_events.publish(timeMs, event);
}

void AuditTrail::query(const Api::AuditQuery &query, Store::Reply<Api::Page<Api::AuditEntry>> done)
{
    m_writer.flush();
    m_writer.store().queryAudit(query, std::move(done));
}

} // namespace QwenSwarm::Engine
