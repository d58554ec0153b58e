#pragma once

#include <api/enumnames.h>

#include <cstddef>
#include <optional>

namespace QwenSwarm::Remote {

/// Every call a client can make over the protocol: one per api::Backend call, plus the key management
/// calls that RemoteServer serves itself. The order is the order of the alternatives of CallParams
/// (calls.h), which a static_assert there keeps in step. Wire names are "<area>.<verb>".
enum class Method
{
    Info, ///< "info": Backend::info.
    SwarmsCreate, ///< "swarms.create": Backend::createSwarm.
    SwarmsList, ///< "swarms.list": Backend::listSwarms.
    SwarmsGet, ///< "swarms.get": Backend::swarm.
    SwarmsUpdate, ///< "swarms.update": Backend::updateSwarm.
    SwarmsRemove, ///< "swarms.remove": Backend::removeSwarm.
    AgentsSpawn, ///< "agents.spawn": Backend::spawnAgent.
    AgentsList, ///< "agents.list": Backend::listAgents.
    AgentsGet, ///< "agents.get": Backend::agent.
    AgentsCommand, ///< "agents.command": Backend::commandAgent.
    AgentsRemove, ///< "agents.remove": Backend::removeAgent.
    TasksSubmit, ///< "tasks.submit": Backend::submitTask.
    TasksSubmitBatch, ///< "tasks.submit_batch": Backend::submitTasks.
    TasksCancel, ///< "tasks.cancel": Backend::cancelTask.
    TasksRetry, ///< "tasks.retry": Backend::retryTask.
    TasksGet, ///< "tasks.get": Backend::task.
    TasksQuery, ///< "tasks.query": Backend::queryTasks.
    DecisionsGet, ///< "decisions.get": Backend::decision.
    DecisionsQuery, ///< "decisions.query": Backend::queryDecisions.
    LearningFeedback, ///< "learning.feedback": Backend::giveFeedback.
    LearningReputations, ///< "learning.reputations": Backend::reputations.
    LearningHistory, ///< "learning.history": Backend::reputationHistory.
    LearningExport, ///< "learning.export": Backend::exportLearning.
    LearningImport, ///< "learning.import": Backend::importLearning.
    EventsSubscribe, ///< "events.subscribe": Backend::subscribe.
    EventsUnsubscribe, ///< "events.unsubscribe": Backend::unsubscribe.
    MetricsGet, ///< "metrics.get": Backend::metrics.
    KeysCreate, ///< "keys.create": served by RemoteServer from its ApiKeyStore.
    KeysList, ///< "keys.list": served by RemoteServer from its ApiKeyStore.
    KeysRevoke, ///< "keys.revoke": served by RemoteServer from its ApiKeyStore.
    AuditQuery, ///< "audit.query": Backend::queryAudit.
    MemoryQuery, ///< "memory.query": Backend::queryMemory.
    MemoryPut, ///< "memory.put": Backend::putMemory.
    MemoryUpdate, ///< "memory.update": Backend::updateMemory.
    MemoryRemove, ///< "memory.remove": Backend::removeMemory.
    ProvidersList, ///< "providers.list": Backend::listProviders.
    ProvidersPut, ///< "providers.put": Backend::putProvider.
    ProvidersRemove, ///< "providers.remove": Backend::removeProvider.
    ProvidersTest, ///< "providers.test": Backend::testProvider.
    RunsStart, ///< "runs.start": Backend::startRun.
    RunsGet, ///< "runs.get": Backend::run.
    RunsQuery, ///< "runs.query": Backend::queryRuns.
    RunsCommand, ///< "runs.command": Backend::commandRun.
    RunsRetry, ///< "runs.retry": Backend::retryRun.
    RunsApprove, ///< "runs.approve": Backend::approveStep.
    MetricsHistory, ///< "metrics.history": Backend::metricsHistory.
};

} // namespace QwenSwarm::Remote

/// Wire names of the methods, in enum order.
template<>
struct QwenSwarm::Api::EnumNames<QwenSwarm::Remote::Method>
{
    static constexpr std::array<QStringView, 46> names {
        u"info",
        u"swarms.create",
        u"swarms.list",
        u"swarms.get",
        u"swarms.update",
        u"swarms.remove",
        u"agents.spawn",
        u"agents.list",
        u"agents.get",
        u"agents.command",
        u"agents.remove",
        u"tasks.submit",
        u"tasks.submit_batch",
        u"tasks.cancel",
        u"tasks.retry",
        u"tasks.get",
        u"tasks.query",
        u"decisions.get",
        u"decisions.query",
        u"learning.feedback",
        u"learning.reputations",
        u"learning.history",
        u"learning.export",
        u"learning.import",
        u"events.subscribe",
        u"events.unsubscribe",
        u"metrics.get",
        u"keys.create",
        u"keys.list",
        u"keys.revoke",
        u"audit.query",
        u"memory.query",
        u"memory.put",
        u"memory.update",
        u"memory.remove",
        u"providers.list",
        u"providers.put",
        u"providers.remove",
        u"providers.test",
        u"runs.start",
        u"runs.get",
        u"runs.query",
        u"runs.command",
        u"runs.retry",
        u"runs.approve",
        u"metrics.history",
    };
};

namespace QwenSwarm::Remote {

/// How many methods the protocol has; Method values run 0..methodCount-1.
inline constexpr std::size_t methodCount = Api::EnumNames<Method>::names.size();

/// The wire name of a method ("tasks.submit"). Pure, thread-safe.
inline QStringView methodName(Method method)
{
    return Api::enumName(method);
}

/// The method a wire name names, or nothing for an unknown name (names are case-sensitive).
inline std::optional<Method> methodFromName(QStringView name)
{
    return Api::enumFromName<Method>(name);
}

/// Whether an api::Backend call serves the method (false for the keys.* calls, which RemoteServer
/// answers from its ApiKeyStore).
constexpr bool isBackendMethod(Method method)
{
    return method != Method::KeysCreate && method != Method::KeysList && method != Method::KeysRevoke;
}

} // namespace QwenSwarm::Remote
