#pragma once

#include "auth/apikey.h"
#include "protocol/jsontext.h"
#include "protocol/method.h"
#include "protocol/tasktextwriter.h"

#include <api/backend.h>
#include <api/json.h>
#include <api/jsonaudit.h>
#include <api/jsonmemory.h>
#include <api/jsonprovider.h>
#include <api/jsonworkflow.h>

#include <type_traits>
#include <utility>
#include <variant>

namespace QwenSwarm::Remote {

/// The answer of a call that answers no value; JSON null on the wire.
using NoResult = std::monostate;

/// One struct per Method: the parameters of a call, its `method`, and the type its answer has (`Result`).
/// The JSON of the parameters is always an object with snake_case members (see each struct); its answer
/// is the api codec's JSON of `Result` (see resultToJson()). Plain values, safe to copy across threads.
namespace Calls {

/// A call without parameters: params are {} (or absent).
template<Method M, typename R>
struct NoParams
{
    static constexpr Method method = M; ///< The method this struct is the call of.
    using Result = R; ///< What the call answers.
    bool operator==(const NoParams &) const = default;
};

/// A call naming one object: params {"id": N}.
template<Method M, typename IdType, typename R>
struct ById
{
    static constexpr Method method = M; ///< The method this struct is the call of.
    using Result = R; ///< What the call answers.
    IdType id; ///< The object the call is about.
    bool operator==(const ById &) const = default;
};

/// info {} -> BackendInfo
using Info = NoParams<Method::Info, Api::BackendInfo>;

/// swarms.create {"spec": SwarmSpec} -> Swarm
struct SwarmsCreate
{
    static constexpr Method method = Method::SwarmsCreate; ///< The method.
    using Result = Api::Swarm; ///< What the call answers.
    Api::SwarmSpec spec; ///< The swarm and the agents to spawn with it.
    bool operator==(const SwarmsCreate &) const = default;
};

/// swarms.list {} -> [Swarm]
using SwarmsList = NoParams<Method::SwarmsList, QList<Api::Swarm>>;
/// swarms.get {"id"} -> Swarm
using SwarmsGet = ById<Method::SwarmsGet, Api::SwarmId, Api::Swarm>;

/// swarms.update {"id", "topology", "default_strategy"} -> Swarm
struct SwarmsUpdate
{
    static constexpr Method method = Method::SwarmsUpdate; ///< The method.
    using Result = Api::Swarm; ///< What the call answers.
    Api::SwarmId id; ///< The swarm to change.
    Api::Topology topology = Api::Topology::Mesh; ///< Its new topology.
    Api::StrategySpec defaultStrategy; ///< Its new default strategy.
    bool operator==(const SwarmsUpdate &) const = default;
};

/// swarms.remove {"id"} -> null
using SwarmsRemove = ById<Method::SwarmsRemove, Api::SwarmId, NoResult>;

/// agents.spawn {"swarm_id", "spec": AgentSpec} -> Agent
struct AgentsSpawn
{
    static constexpr Method method = Method::AgentsSpawn; ///< The method.
    using Result = Api::Agent; ///< What the call answers.
    Api::SwarmId swarmId; ///< The swarm the agent joins.
    Api::AgentSpec spec; ///< The agent.
    bool operator==(const AgentsSpawn &) const = default;
};

/// agents.list {"swarm_id"?} -> [Agent]; no swarm_id (or 0) lists every agent.
struct AgentsList
{
    static constexpr Method method = Method::AgentsList; ///< The method.
    using Result = QList<Api::Agent>; ///< What the call answers.
    Api::SwarmId swarmId; ///< Only this swarm's agents; invalid = all.
    bool operator==(const AgentsList &) const = default;
};

/// agents.get {"id"} -> Agent
using AgentsGet = ById<Method::AgentsGet, Api::AgentId, Api::Agent>;

/// agents.command {"id", "command", "reason"?} -> Agent
struct AgentsCommand
{
    static constexpr Method method = Method::AgentsCommand; ///< The method.
    using Result = Api::Agent; ///< What the call answers.
    Api::AgentId id; ///< The agent.
    Api::AgentCommand command = Api::AgentCommand::Pause; ///< What to do.
    QString reason; ///< Why, for the agent's state reason and the audit log.
    bool operator==(const AgentsCommand &) const = default;
};

/// agents.remove {"id"} -> null
using AgentsRemove = ById<Method::AgentsRemove, Api::AgentId, NoResult>;

/// tasks.submit {"spec": TaskSpec} -> Task
///
/// A spec is sent without the members that equal those of a default TaskSpec (all but "swarm_id" and
/// "prompt" may be left out), and a task is answered as taskWireJson() has it: a reader takes an
/// absent member as its default, so those defaults are part of protocol v1.
struct TasksSubmit
{
    static constexpr Method method = Method::TasksSubmit; ///< The method.
    using Result = Api::Task; ///< What the call answers.
    Api::TaskSpec spec; ///< The task.
    bool operator==(const TasksSubmit &) const = default;
};

/// tasks.submit_batch {"specs": [TaskSpec]} -> [Task]
struct TasksSubmitBatch
{
    static constexpr Method method = Method::TasksSubmitBatch; ///< The method.
    using Result = QList<Api::Task>; ///< What the call answers.
    QList<Api::TaskSpec> specs; ///< The tasks; all are accepted or none.
    bool operator==(const TasksSubmitBatch &) const = default;
};

/// tasks.cancel {"id", "reason"?} -> Task
struct TasksCancel
{
    static constexpr Method method = Method::TasksCancel; ///< The method.
    using Result = Api::Task; ///< What the call answers.
    Api::TaskId id; ///< The task.
    QString reason; ///< Why, for the task's state reason and the audit log.
    bool operator==(const TasksCancel &) const = default;
};

/// tasks.retry {"id"} -> Task
using TasksRetry = ById<Method::TasksRetry, Api::TaskId, Api::Task>;
/// tasks.get {"id"} -> Task
using TasksGet = ById<Method::TasksGet, Api::TaskId, Api::Task>;

/// tasks.query {"query": TaskQuery} -> Page<Task>
struct TasksQuery
{
    static constexpr Method method = Method::TasksQuery; ///< The method.
    using Result = Api::Page<Api::Task>; ///< What the call answers.
    Api::TaskQuery query; ///< Filters and page.
    bool operator==(const TasksQuery &) const = default;
};

/// decisions.get {"id"} -> Decision
using DecisionsGet = ById<Method::DecisionsGet, Api::DecisionId, Api::Decision>;

/// decisions.query {"query": DecisionQuery} -> Page<Decision>
struct DecisionsQuery
{
    static constexpr Method method = Method::DecisionsQuery; ///< The method.
    using Result = Api::Page<Api::Decision>; ///< What the call answers.
    Api::DecisionQuery query; ///< Filters and page.
    bool operator==(const DecisionsQuery &) const = default;
};

/// learning.feedback {"decision_id", "feedback": DecisionFeedback} -> Decision
struct LearningFeedback
{
    static constexpr Method method = Method::LearningFeedback; ///< The method.
    using Result = Api::Decision; ///< What the call answers.
    Api::DecisionId decisionId; ///< The decision judged.
    Api::DecisionFeedback feedback; ///< The verdict (actor and time are the server's).
    bool operator==(const LearningFeedback &) const = default;
};

/// learning.reputations {"agent_id"?} -> [Reputation]; no agent_id (or 0) answers every agent's.
struct LearningReputations
{
    static constexpr Method method = Method::LearningReputations; ///< The method.
    using Result = QList<Api::Reputation>; ///< What the call answers.
    Api::AgentId agentId; ///< Only this agent; invalid = all.
    bool operator==(const LearningReputations &) const = default;
};

/// learning.history {"query": ReputationQuery} -> Page<ReputationPoint>
struct LearningHistory
{
    static constexpr Method method = Method::LearningHistory; ///< The method.
    using Result = Api::Page<Api::ReputationPoint>; ///< What the call answers.
    Api::ReputationQuery query; ///< Filters and page.
    bool operator==(const LearningHistory &) const = default;
};

/// learning.export {} -> LearningState
using LearningExport = NoParams<Method::LearningExport, Api::LearningState>;

/// learning.import {"state": LearningState} -> null
struct LearningImport
{
    static constexpr Method method = Method::LearningImport; ///< The method.
    using Result = NoResult; ///< What the call answers.
    Api::LearningState state; ///< What to import.
    bool operator==(const LearningImport &) const = default;
};

/// events.subscribe {"spec": SubscriptionSpec} -> Subscription
struct EventsSubscribe
{
    static constexpr Method method = Method::EventsSubscribe; ///< The method.
    using Result = Api::Subscription; ///< What the call answers.
    Api::SubscriptionSpec spec; ///< What to watch, and where to resume.
    bool operator==(const EventsSubscribe &) const = default;
};

/// events.unsubscribe {"id"} -> null
using EventsUnsubscribe = ById<Method::EventsUnsubscribe, Api::SubscriptionId, NoResult>;
/// metrics.get {} -> MetricsSnapshot
using MetricsGet = NoParams<Method::MetricsGet, Api::MetricsSnapshot>;

/// keys.create {"role", "name"?} -> CreatedApiKey (the one time the key text is sent)
struct KeysCreate
{
    static constexpr Method method = Method::KeysCreate; ///< The method.
    using Result = CreatedApiKey; ///< What the call answers.
    Role role = Role::Viewer; ///< What the key may do.
    QString name; ///< Optional label, at most 64 characters.
    bool operator==(const KeysCreate &) const = default;
};

/// keys.list {} -> [ApiKeyInfo]
using KeysList = NoParams<Method::KeysList, QList<ApiKeyInfo>>;

/// keys.revoke {"key_id"} -> null
struct KeysRevoke
{
    static constexpr Method method = Method::KeysRevoke; ///< The method.
    using Result = NoResult; ///< What the call answers.
    QString keyId; ///< The 16 hex digits after "qs_".
    bool operator==(const KeysRevoke &) const = default;
};

/// audit.query {"query": AuditQuery} -> Page<AuditEntry>
struct AuditQuery
{
    static constexpr Method method = Method::AuditQuery; ///< The method.
    using Result = Api::Page<Api::AuditEntry>; ///< What the call answers.
    Api::AuditQuery query; ///< Filters and page.
    bool operator==(const AuditQuery &) const = default;
};

/// memory.query {"query": MemoryQuery} -> Page<MemoryEntry>
struct MemoryQuery
{
    static constexpr Method method = Method::MemoryQuery; ///< The method.
    using Result = Api::Page<Api::MemoryEntry>; ///< What the call answers.
    Api::MemoryQuery query; ///< Filters and page.
    bool operator==(const MemoryQuery &) const = default;
};

/// memory.put {"spec": MemorySpec} -> MemoryEntry
struct MemoryPut
{
    static constexpr Method method = Method::MemoryPut; ///< The method.
    using Result = Api::MemoryEntry; ///< What the call answers.
    Api::MemorySpec spec; ///< The entry (its source is the server's: the authenticated caller).
    bool operator==(const MemoryPut &) const = default;
};

/// memory.update {"id", "spec": MemorySpec} -> MemoryEntry
struct MemoryUpdate
{
    static constexpr Method method = Method::MemoryUpdate; ///< The method.
    using Result = Api::MemoryEntry; ///< What the call answers.
    Api::MemoryId id; ///< The entry to change.
    Api::MemorySpec spec; ///< Its new kind, text, tags and TTL (the owner is ignored).
    bool operator==(const MemoryUpdate &) const = default;
};

/// memory.remove {"id"} -> null
using MemoryRemove = ById<Method::MemoryRemove, Api::MemoryId, NoResult>;

/// providers.list {} -> [ProviderInfo]
using ProvidersList = NoParams<Method::ProvidersList, QList<Api::ProviderInfo>>;

/// providers.put {"settings": ProviderSettings} -> ProviderInfo
struct ProvidersPut
{
    static constexpr Method method = Method::ProvidersPut; ///< The method.
    using Result = Api::ProviderInfo; ///< What the call answers.
    Api::ProviderSettings settings; ///< The provider, checked by the backend.
    bool operator==(const ProvidersPut &) const = default;
};

/// providers.remove {"name"} -> null
struct ProvidersRemove
{
    static constexpr Method method = Method::ProvidersRemove; ///< The method.
    using Result = NoResult; ///< What the call answers.
    QString name; ///< The operator provider to remove.
    bool operator==(const ProvidersRemove &) const = default;
};

/// providers.test {"settings": ProviderSettings} -> ProviderCheck
struct ProvidersTest
{
    static constexpr Method method = Method::ProvidersTest; ///< The method.
    using Result = Api::ProviderCheck; ///< What the call answers.
    Api::ProviderSettings settings; ///< Tried as given, or a built-in or file provider by its name.
    bool operator==(const ProvidersTest &) const = default;
};

/// runs.start {"spec": RunSpec} -> Run
struct RunsStart
{
    static constexpr Method method = Method::RunsStart; ///< The method.
    using Result = Api::Run; ///< What the call answers.
    Api::RunSpec spec; ///< The workflow (a file's JSON, any known format version), inputs and key.
    bool operator==(const RunsStart &) const = default;
};

/// runs.get {"id"} -> Run
using RunsGet = ById<Method::RunsGet, Api::RunId, Api::Run>;

/// runs.query {"query": RunQuery} -> Page<Run>
struct RunsQuery
{
    static constexpr Method method = Method::RunsQuery; ///< The method.
    using Result = Api::Page<Api::Run>; ///< What the call answers.
    Api::RunQuery query; ///< Filters and paging.
    bool operator==(const RunsQuery &) const = default;
};

/// runs.command {"id", "command", "reason"?} -> Run
struct RunsCommand
{
    static constexpr Method method = Method::RunsCommand; ///< The method.
    using Result = Api::Run; ///< What the call answers.
    Api::RunId id; ///< The run.
    Api::RunCommand command = Api::RunCommand::Pause; ///< Pause, resume or cancel.
    QString reason; ///< Why, for the run's history.
    bool operator==(const RunsCommand &) const = default;
};

/// runs.retry {"id", "step"} -> Run
struct RunsRetry
{
    static constexpr Method method = Method::RunsRetry; ///< The method.
    using Result = Api::Run; ///< What the call answers.
    Api::RunId id; ///< The finished run.
    QString step; ///< The step to run again from.
    bool operator==(const RunsRetry &) const = default;
};

/// runs.approve {"id", "step", "approval": Approval} -> Run
struct RunsApprove
{
    static constexpr Method method = Method::RunsApprove; ///< The method.
    using Result = Api::Run; ///< What the call answers.
    Api::RunId id; ///< The run.
    QString step; ///< The approval step that waits.
    Api::Approval approval; ///< The verdict (its actor is set by the server).
    bool operator==(const RunsApprove &) const = default;
};

/// metrics.history {"from", "to"} -> [MetricsSnapshot]
struct MetricsHistory
{
    static constexpr Method method = Method::MetricsHistory; ///< The method.
    using Result = QList<Api::MetricsSnapshot>; ///< What the call answers.
    qint64 fromMs = 0; ///< Start of the range (ISO 8601 on the wire), inclusive.
    qint64 toMs = 0; ///< End of the range, exclusive.
    bool operator==(const MetricsHistory &) const = default;
};

} // namespace Calls

/// Any call, decoded. The alternatives are in Method order, so index() is the Method.
using CallParams
    = std::variant<Calls::Info, Calls::SwarmsCreate, Calls::SwarmsList, Calls::SwarmsGet, Calls::SwarmsUpdate,
                   Calls::SwarmsRemove, Calls::AgentsSpawn, Calls::AgentsList, Calls::AgentsGet, Calls::AgentsCommand,
                   Calls::AgentsRemove, Calls::TasksSubmit, Calls::TasksSubmitBatch, Calls::TasksCancel,
                   Calls::TasksRetry, Calls::TasksGet, Calls::TasksQuery, Calls::DecisionsGet, Calls::DecisionsQuery,
                   Calls::LearningFeedback, Calls::LearningReputations, Calls::LearningHistory, Calls::LearningExport,
                   Calls::LearningImport, Calls::EventsSubscribe, Calls::EventsUnsubscribe, Calls::MetricsGet,
                   Calls::KeysCreate, Calls::KeysList, Calls::KeysRevoke, Calls::AuditQuery, Calls::MemoryQuery,
                   Calls::MemoryPut, Calls::MemoryUpdate, Calls::MemoryRemove, Calls::ProvidersList,
                   Calls::ProvidersPut, Calls::ProvidersRemove, Calls::ProvidersTest, Calls::RunsStart, Calls::RunsGet,
                   Calls::RunsQuery, Calls::RunsCommand, Calls::RunsRetry, Calls::RunsApprove, Calls::MetricsHistory>;

/// The call struct of a method: CallOf<Method::TasksSubmit> is Calls::TasksSubmit.
template<Method M>
using CallOf = std::variant_alternative_t<static_cast<std::size_t>(M), CallParams>;

/// The method of a call.
inline Method methodOf(const CallParams &call)
{
    return static_cast<Method>(call.index());
}

/// The JSON object of a call's parameters (without the envelope). Pure, thread-safe.
QJsonObject paramsToJson(const CallParams &call);

/// The text of paramsToJson(call), as QJsonDocument writes it; task specs are written straight
/// from their members.
QString paramsText(const CallParams &call);

/// Reads the parameters of `method` from `json`, which must be an object (null or undefined read as {}).
/// Problems are recorded in `reader` at its current path ("params.spec.agents[0].role: ..."); the
/// answer is then a default call of that method. Strict readers reject unknown members.
CallParams readParams(Api::JsonReader &reader, Method method, const QJsonValue &json);

/// A task as a server answers a call with one, a list or a page of them: Api::toJson(task) without the
/// members that equal those of a default Task, its spec likewise (as a client sends it, see
/// Calls::TasksSubmit); the id, the state and the spec always. A reader takes an absent member as
/// its default, so only the size changes: a queued task is a third of its full JSON.
QJsonObject taskWireJson(const Api::Task &task);

/// The JSON of a call's answer: null for NoResult, an array for lists, tasks as taskWireJson(),
/// else the api codec's JSON.
template<typename T>
QJsonValue resultToJson(const T &value);

/// The text of resultToJson(value), as QJsonDocument writes it (what a result message carries);
/// tasks, which a server answers by the thousand, are written straight from their members.
template<typename T>
QString resultText(const T &value);

/// Decodes the answer of call `C` (e.g. resultFromJson<Calls::TasksSubmit>(json)). Errors are
/// InvalidArgument naming the path under "result". Lenient by default: a client tolerates members a
/// newer server added.
template<typename C>
Api::Result<typename C::Result> resultFromJson(const QJsonValue &json,
                                               Api::JsonReader::Mode mode = Api::JsonReader::Mode::Lenient);

// ---- Implementation of the templates ----

namespace Calls {

/// JSON of a parameterless call: {}.
template<Method M, typename R>
QJsonObject toJson(const NoParams<M, R> &)
{
    return {};
}

/// Reads a parameterless call: an empty object.
template<Method M, typename R>
void readJson(Api::JsonReader &reader, const QJsonValue &json, NoParams<M, R> &)
{
    Api::JsonObjectReader object(reader, json);
    object.finish();
}

/// JSON of a call by id: {"id": N}.
template<Method M, typename IdType, typename R>
QJsonObject toJson(const ById<M, IdType, R> &call)
{
    return QJsonObject {{QStringLiteral("id"), Api::toJson(call.id)}};
}

/// Reads a call by id.
template<Method M, typename IdType, typename R>
void readJson(Api::JsonReader &reader, const QJsonValue &json, ById<M, IdType, R> &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required(QLatin1StringView("id"), out.id);
    object.finish();
}

// JSON of the other calls' parameters (calls.cpp).
QJsonObject toJson(const SwarmsCreate &call); ///< {"spec"}
QJsonObject toJson(const SwarmsUpdate &call); ///< {"id", "topology", "default_strategy"}
QJsonObject toJson(const AgentsSpawn &call); ///< {"swarm_id", "spec"}
QJsonObject toJson(const AgentsList &call); ///< {"swarm_id"}
QJsonObject toJson(const AgentsCommand &call); ///< {"id", "command", "reason"}
QJsonObject toJson(const TasksSubmit &call); ///< {"spec"}
QJsonObject toJson(const TasksSubmitBatch &call); ///< {"specs"}
QJsonObject toJson(const TasksCancel &call); ///< {"id", "reason"}
QJsonObject toJson(const TasksQuery &call); ///< {"query"}
QJsonObject toJson(const DecisionsQuery &call); ///< {"query"}
QJsonObject toJson(const LearningFeedback &call); ///< {"decision_id", "feedback"}
QJsonObject toJson(const LearningReputations &call); ///< {"agent_id"}
QJsonObject toJson(const LearningHistory &call); ///< {"query"}
QJsonObject toJson(const LearningImport &call); ///< {"state"}
QJsonObject toJson(const EventsSubscribe &call); ///< {"spec"}
QJsonObject toJson(const KeysCreate &call); ///< {"role", "name"}
QJsonObject toJson(const KeysRevoke &call); ///< {"key_id"}
QJsonObject toJson(const AuditQuery &call); ///< {"query"}
QJsonObject toJson(const MemoryQuery &call); ///< {"query"}
QJsonObject toJson(const MemoryPut &call); ///< {"spec"}
QJsonObject toJson(const MemoryUpdate &call); ///< {"id", "spec"}
QJsonObject toJson(const ProvidersPut &call); ///< {"settings"}
QJsonObject toJson(const ProvidersRemove &call); ///< {"name"}
QJsonObject toJson(const ProvidersTest &call); ///< {"settings"}
QJsonObject toJson(const RunsStart &call); ///< {"spec"}
QJsonObject toJson(const RunsQuery &call); ///< {"query"}
QJsonObject toJson(const RunsCommand &call); ///< {"id", "command", "reason"?}
QJsonObject toJson(const RunsRetry &call); ///< {"id", "step"}
QJsonObject toJson(const RunsApprove &call); ///< {"id", "step", "approval"}
QJsonObject toJson(const MetricsHistory &call); ///< {"from", "to"}

// Readers of the other calls' parameters; required members are the ones without '?' above.
void readJson(Api::JsonReader &reader, const QJsonValue &json, SwarmsCreate &out); ///< Reads swarms.create.
void readJson(Api::JsonReader &reader, const QJsonValue &json, SwarmsUpdate &out); ///< Reads swarms.update.
void readJson(Api::JsonReader &reader, const QJsonValue &json, AgentsSpawn &out); ///< Reads agents.spawn.
void readJson(Api::JsonReader &reader, const QJsonValue &json, AgentsList &out); ///< Reads agents.list.
void readJson(Api::JsonReader &reader, const QJsonValue &json, AgentsCommand &out); ///< Reads agents.command.
void readJson(Api::JsonReader &reader, const QJsonValue &json, TasksSubmit &out); ///< Reads tasks.submit.
void readJson(Api::JsonReader &reader, const QJsonValue &json, TasksSubmitBatch &out); ///< Reads tasks.submit_batch.
void readJson(Api::JsonReader &reader, const QJsonValue &json, TasksCancel &out); ///< Reads tasks.cancel.
void readJson(Api::JsonReader &reader, const QJsonValue &json, TasksQuery &out); ///< Reads tasks.query.
void readJson(Api::JsonReader &reader, const QJsonValue &json, DecisionsQuery &out); ///< Reads decisions.query.
void readJson(Api::JsonReader &reader, const QJsonValue &json, LearningFeedback &out); ///< Reads learning.feedback.
void readJson(Api::JsonReader &reader, const QJsonValue &json,
              LearningReputations &out); ///< Reads learning.reputations.
void readJson(Api::JsonReader &reader, const QJsonValue &json, LearningHistory &out); ///< Reads learning.history.
void readJson(Api::JsonReader &reader, const QJsonValue &json, LearningImport &out); ///< Reads learning.import.
void readJson(Api::JsonReader &reader, const QJsonValue &json, EventsSubscribe &out); ///< Reads events.subscribe.
void readJson(Api::JsonReader &reader, const QJsonValue &json, KeysCreate &out); ///< Reads keys.create.
void readJson(Api::JsonReader &reader, const QJsonValue &json, KeysRevoke &out); ///< Reads keys.revoke.
void readJson(Api::JsonReader &reader, const QJsonValue &json, AuditQuery &out); ///< Reads audit.query.
void readJson(Api::JsonReader &reader, const QJsonValue &json, MemoryQuery &out); ///< Reads memory.query.
void readJson(Api::JsonReader &reader, const QJsonValue &json, MemoryPut &out); ///< Reads memory.put.
void readJson(Api::JsonReader &reader, const QJsonValue &json, MemoryUpdate &out); ///< Reads memory.update.
void readJson(Api::JsonReader &reader, const QJsonValue &json, ProvidersPut &out); ///< Reads providers.put.
void readJson(Api::JsonReader &reader, const QJsonValue &json, ProvidersRemove &out); ///< Reads providers.remove.
void readJson(Api::JsonReader &reader, const QJsonValue &json, ProvidersTest &out); ///< Reads providers.test.
void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsStart &out); ///< Reads runs.start.
void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsQuery &out); ///< Reads runs.query.
void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsCommand &out); ///< Reads runs.command.
void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsRetry &out); ///< Reads runs.retry.
void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsApprove &out); ///< Reads runs.approve.
void readJson(Api::JsonReader &reader, const QJsonValue &json, MetricsHistory &out); ///< Reads metrics.history.

} // namespace Calls

namespace Detail {

/// Whether T is a QList (whose answer is a JSON array).
template<typename T>
struct IsList : std::false_type
{ };

template<typename T>
struct IsList<QList<T>> : std::true_type
{ };

} // namespace Detail

template<typename T>
QJsonValue resultToJson(const T &value)
{
    if constexpr (std::is_same_v<T, NoResult>) {
        return QJsonValue(QJsonValue::Null);
    } else if constexpr (std::is_same_v<T, Api::Task>) {
        return taskWireJson(value);
    } else if constexpr (std::is_same_v<T, QList<Api::Task>>) {
        QJsonArray tasks;
        for (const Api::Task &task : value)
            tasks.append(taskWireJson(task));
        return tasks;
    } else if constexpr (std::is_same_v<T, Api::Page<Api::Task>>) {
        QJsonObject page = Api::toJson(value).toObject();
        page.insert(QStringLiteral("items"), resultToJson(value.items));
        return page;
    } else if constexpr (Detail::IsList<T>::value) {
        return Api::listToJson(value);
    } else {
        return toJson(value);
    }
}

template<typename T>
QString resultText(const T &value)
{
    if constexpr (std::is_same_v<T, Api::Task>) {
        return writeTaskText(value);
    } else if constexpr (std::is_same_v<T, QList<Api::Task>>) {
        QString text;
        text.reserve(value.size() * (taskTextReserve + 1) + 2);
        JsonText::array(text, value, [](QString &out, const Api::Task &task) { writeTaskText(out, task); });
        return text;
    } else {
        return JsonText::of(resultToJson(value));
    }
}

template<typename C>
Api::Result<typename C::Result> resultFromJson(const QJsonValue &json, Api::JsonReader::Mode mode)
{
    using R = typename C::Result;
    Api::JsonReader reader(mode);
    Api::JsonReader::Scope scope(reader, QStringLiteral("result"));
    R value {};
    if constexpr (std::is_same_v<R, NoResult>) {
        if (!json.isNull() && !json.isUndefined())
            reader.fail(QStringLiteral("expected null"));
    } else {
        readJson(reader, json, value);
    }
    if (!reader.ok())
        return Api::Result<R>::failure(reader.error());
    return value;
}

} // namespace QwenSwarm::Remote
