#include "auth/role.h"

#include <algorithm>

namespace QwenSwarm::Remote {

// A switch without default: adding a Method without deciding its role fails to compile (-Wswitch, an
// error in CI), so no call can slip through unchecked.
Role requiredRole(Method method)
{
    switch (method) {
    case Method::Info:
    case Method::SwarmsList:
    case Method::SwarmsGet:
    case Method::AgentsList:
    case Method::AgentsGet:
    case Method::TasksGet:
    case Method::TasksQuery:
    case Method::DecisionsGet:
    case Method::DecisionsQuery:
    case Method::LearningReputations:
    case Method::LearningHistory:
    case Method::LearningExport:
    case Method::EventsSubscribe:
    case Method::EventsUnsubscribe:
    case Method::MetricsGet:
    case Method::MemoryQuery:
    case Method::ProvidersList:
    case Method::RunsGet:
    case Method::RunsQuery:
    case Method::MetricsHistory:
        return Role::Viewer;
    case Method::SwarmsCreate:
    case Method::SwarmsUpdate:
    case Method::SwarmsRemove:
    case Method::AgentsSpawn:
    case Method::AgentsCommand:
    case Method::AgentsRemove:
    case Method::TasksSubmit:
    case Method::TasksSubmitBatch:
    case Method::TasksCancel:
    case Method::TasksRetry:
    case Method::LearningFeedback:
    case Method::MemoryPut:
    case Method::MemoryUpdate:
    case Method::MemoryRemove:
    case Method::ProvidersTest:
    case Method::RunsStart:
    case Method::RunsCommand:
    case Method::RunsRetry:
    case Method::RunsApprove:
        return Role::Operator;
    case Method::LearningImport:
    case Method::KeysCreate:
    case Method::KeysList:
    case Method::KeysRevoke:
    case Method::AuditQuery:
    case Method::ProvidersPut:
    case Method::ProvidersRemove:
        return Role::Admin;
    }
    return Role::Admin; // not a Method value: the safest answer
}

std::optional<Role> requiredRole(QStringView method)
{
    const std::optional<Method> known = methodFromName(method);
    if (!known)
        return std::nullopt;
    return requiredRole(*known);
}

Role requiredRole(Api::Topic topic)
{
    switch (topic) {
    case Api::Topic::Swarms:
    case Api::Topic::Agents:
    case Api::Topic::Tasks:
    case Api::Topic::Decisions:
    case Api::Topic::Logs:
    case Api::Topic::Runs:
        return Role::Viewer;
    case Api::Topic::Audit:
        return Role::Admin;
    }
    return Role::Admin;
}

Role requiredRole(const Api::SubscriptionSpec &spec)
{
    if (spec.topics.isEmpty())
        return requiredRole(Api::Topic::Audit);
    Role needed = Role::Viewer;
    for (Api::Topic topic : spec.topics)
        needed = std::max(needed, requiredRole(topic));
    return needed;
}

} // namespace QwenSwarm::Remote
