#pragma once

#include "protocol/method.h"

#include <api/event.h>

#include <optional>

namespace QwenSwarm::Remote {

/// What an authenticated client may do. Ordered: every role may do what the roles below it may.
enum class Role
{
    Viewer, ///< Reads everything except the audit stream and the key list.
    Operator, ///< Also changes swarms, agents and tasks, and gives feedback on decisions.
    Admin, ///< Also manages API keys, imports learned state and watches the audit stream.
};

} // namespace QwenSwarm::Remote

/// Wire names of the roles ("viewer", "operator", "admin"), as JWT `role` claims and key files spell them.
template<>
struct QwenSwarm::Api::EnumNames<QwenSwarm::Remote::Role>
{
    static constexpr std::array<QStringView, 3> names {u"viewer", u"operator", u"admin"};
};

namespace QwenSwarm::Remote {

/// The wire name of a role.
inline QStringView roleName(Role role)
{
    return Api::enumName(role);
}

/// The role a wire name names, or nothing (names are case-sensitive).
inline std::optional<Role> roleFromName(QStringView name)
{
    return Api::enumFromName<Role>(name);
}

/// Whether a client holding `granted` may do what needs `required`.
constexpr bool roleAllows(Role granted, Role required)
{
    return granted >= required;
}

/// The least role that may call `method`. The table (role.cpp) in short:
///
/// | role     | methods                                                                             |
/// |----------|-------------------------------------------------------------------------------------|
/// | viewer   | info, swarms.list/get, agents.list/get, tasks.get/query, decisions.get/query,       |
/// |          | learning.reputations/history/export, events.subscribe/unsubscribe, metrics.get      |
/// | operator | swarms.create/update/remove, agents.spawn/command/remove,                           |
/// |          | tasks.submit/submit_batch/cancel/retry, learning.feedback                           |
/// | admin    | learning.import, keys.create/list/revoke, audit.query                               |
///
/// Reads are for viewers; changes to what runs (and what it costs) are for operators; whatever changes
/// who may do what (keys), overwrites what the system learned (import) or reads who did what (audit)
/// is for admins. events.subscribe
/// additionally needs requiredRole(spec) for the topics it names.
Role requiredRole(Method method);

/// The least role that may call the method named `method`, or nothing for an unknown name (deny it).
std::optional<Role> requiredRole(QStringView method);

/// The least role that may watch a topic: viewer for all but the audit stream, which is admin.
Role requiredRole(Api::Topic topic);

/// The least role that may hold a subscription: the highest of its topics' roles. An empty topic list
/// means every topic, the audit stream included, so it needs admin; a server may narrow it instead.
Role requiredRole(const Api::SubscriptionSpec &spec);

} // namespace QwenSwarm::Remote
