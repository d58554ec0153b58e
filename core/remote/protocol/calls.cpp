// JSON codecs of the calls' parameters, and the table that reads the parameters of a method named at
// run time.
#include "protocol/calls.h"

#include <algorithm>
#include <array>

namespace QwenSwarm::Remote {

using namespace Qt::Literals::StringLiterals;

namespace {

template<std::size_t... I>
constexpr bool alternativesInMethodOrder(std::index_sequence<I...>)
{
    return ((std::variant_alternative_t<I, CallParams>::method == static_cast<Method>(I)) && ...);
}

static_assert(std::variant_size_v<CallParams> == methodCount, "one call struct per Method");
static_assert(alternativesInMethodOrder(std::make_index_sequence<methodCount> {}),
              "CallParams' alternatives must be in Method order");

} // namespace

namespace Calls {

QJsonObject toJson(const SwarmsCreate &call)
{
    return {{u"spec"_s, Api::toJson(call.spec)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, SwarmsCreate &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("spec"_L1, out.spec);
    object.finish();
}

QJsonObject toJson(const SwarmsUpdate &call)
{
    return {{u"id"_s, Api::toJson(call.id)},
            {u"topology"_s, Api::toJson(call.topology)},
            {u"default_strategy"_s, Api::toJson(call.defaultStrategy)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, SwarmsUpdate &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("topology"_L1, out.topology);
    object.required("default_strategy"_L1, out.defaultStrategy);
    object.finish();
}

QJsonObject toJson(const AgentsSpawn &call)
{
    return {{u"swarm_id"_s, Api::toJson(call.swarmId)}, {u"spec"_s, Api::toJson(call.spec)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, AgentsSpawn &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("swarm_id"_L1, out.swarmId);
    object.required("spec"_L1, out.spec);
    object.finish();
}

QJsonObject toJson(const AgentsList &call)
{
    return {{u"swarm_id"_s, Api::toJson(call.swarmId)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, AgentsList &out)
{
    Api::JsonObjectReader object(reader, json);
    object.optional("swarm_id"_L1, out.swarmId);
    object.finish();
}

QJsonObject toJson(const AgentsCommand &call)
{
    return {{u"id"_s, Api::toJson(call.id)}, {u"command"_s, Api::toJson(call.command)}, {u"reason"_s, call.reason}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, AgentsCommand &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("command"_L1, out.command);
    object.optional("reason"_L1, out.reason);
    object.finish();
}

namespace {

// `json` without the members whose value is the one in `defaults`, but for those named in `kept`.
QJsonObject withoutDefaults(QJsonObject json, const QJsonObject &defaults, std::initializer_list<QStringView> kept)
{
    for (auto it = defaults.constBegin(); it != defaults.constEnd(); ++it) {
        if (std::find(kept.begin(), kept.end(), it.key()) == kept.end() && json.value(it.key()) == it.value())
            json.remove(it.key());
    }
    return json;
}

// A task's spec as a client sends it: the members that differ from their defaults, and the two
// required ones. The server reads an absent member as its default, so nothing changes but the size:
// a typical spec is a third of the full JSON, and the server parses that much less per task. Those
// defaults are thereby part of protocol v1 (a test pins them): changing one changes what older
// clients' specs mean, and needs a new protocol version.
QJsonObject sentSpecJson(const Api::TaskSpec &spec)
{
    static const QJsonObject defaults = Api::toJson(Api::TaskSpec {}).toObject();
    return withoutDefaults(Api::toJson(spec).toObject(), defaults, {u"swarm_id", u"prompt"});
}

} // namespace

QJsonObject toJson(const TasksSubmit &call)
{
    return {{u"spec"_s, sentSpecJson(call.spec)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, TasksSubmit &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("spec"_L1, out.spec);
    object.finish();
}

QJsonObject toJson(const TasksSubmitBatch &call)
{
    QJsonArray specs;
    for (const Api::TaskSpec &spec : call.specs)
        specs.append(sentSpecJson(spec));
    return {{u"specs"_s, specs}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, TasksSubmitBatch &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("specs"_L1, out.specs);
    object.finish();
}

QJsonObject toJson(const TasksCancel &call)
{
    return {{u"id"_s, Api::toJson(call.id)}, {u"reason"_s, call.reason}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, TasksCancel &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.optional("reason"_L1, out.reason);
    object.finish();
}

QJsonObject toJson(const TasksQuery &call)
{
    return {{u"query"_s, Api::toJson(call.query)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, TasksQuery &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("query"_L1, out.query);
    object.finish();
}

QJsonObject toJson(const DecisionsQuery &call)
{
    return {{u"query"_s, Api::toJson(call.query)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, DecisionsQuery &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("query"_L1, out.query);
    object.finish();
}

QJsonObject toJson(const LearningFeedback &call)
{
    return {{u"decision_id"_s, Api::toJson(call.decisionId)}, {u"feedback"_s, Api::toJson(call.feedback)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, LearningFeedback &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("decision_id"_L1, out.decisionId);
    object.required("feedback"_L1, out.feedback);
    object.finish();
}

QJsonObject toJson(const LearningReputations &call)
{
    return {{u"agent_id"_s, Api::toJson(call.agentId)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, LearningReputations &out)
{
    Api::JsonObjectReader object(reader, json);
    object.optional("agent_id"_L1, out.agentId);
    object.finish();
}

QJsonObject toJson(const LearningHistory &call)
{
    return {{u"query"_s, Api::toJson(call.query)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, LearningHistory &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("query"_L1, out.query);
    object.finish();
}

QJsonObject toJson(const LearningImport &call)
{
    return {{u"state"_s, Api::toJson(call.state)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, LearningImport &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("state"_L1, out.state);
    object.finish();
}

QJsonObject toJson(const EventsSubscribe &call)
{
    return {{u"spec"_s, Api::toJson(call.spec)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, EventsSubscribe &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("spec"_L1, out.spec);
    object.finish();
}

QJsonObject toJson(const KeysCreate &call)
{
    return {{u"role"_s, Api::toJson(call.role)}, {u"name"_s, call.name}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, KeysCreate &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("role"_L1, out.role);
    object.optional("name"_L1, out.name);
    object.finish();
}

QJsonObject toJson(const KeysRevoke &call)
{
    return {{u"key_id"_s, call.keyId}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, KeysRevoke &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("key_id"_L1, out.keyId);
    object.finish();
}

QJsonObject toJson(const AuditQuery &call)
{
    return {{u"query"_s, Api::toJson(call.query)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, AuditQuery &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("query"_L1, out.query);
    object.finish();
}

QJsonObject toJson(const MemoryQuery &call)
{
    return {{u"query"_s, Api::toJson(call.query)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, MemoryQuery &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("query"_L1, out.query);
    object.finish();
}

QJsonObject toJson(const MemoryPut &call)
{
    return {{u"spec"_s, Api::toJson(call.spec)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, MemoryPut &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("spec"_L1, out.spec);
    object.finish();
}

QJsonObject toJson(const MemoryUpdate &call)
{
    return {{u"id"_s, Api::toJson(call.id)}, {u"spec"_s, Api::toJson(call.spec)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, MemoryUpdate &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("spec"_L1, out.spec);
    object.finish();
}

QJsonObject toJson(const ProvidersPut &call)
{
    return {{u"settings"_s, Api::toJson(call.settings)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, ProvidersPut &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("settings"_L1, out.settings);
    object.finish();
}

QJsonObject toJson(const ProvidersRemove &call)
{
    return {{u"name"_s, call.name}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, ProvidersRemove &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("name"_L1, out.name);
    object.finish();
}

QJsonObject toJson(const ProvidersTest &call)
{
    return {{u"settings"_s, Api::toJson(call.settings)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, ProvidersTest &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("settings"_L1, out.settings);
    object.finish();
}

QJsonObject toJson(const RunsStart &call)
{
    return {{u"spec"_s, Api::toJson(call.spec)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsStart &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("spec"_L1, out.spec);
    object.finish();
}

QJsonObject toJson(const RunsQuery &call)
{
    return {{u"query"_s, Api::toJson(call.query)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsQuery &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("query"_L1, out.query);
    object.finish();
}

QJsonObject toJson(const RunsCommand &call)
{
    return {{u"id"_s, Api::toJson(call.id)}, {u"command"_s, Api::toJson(call.command)}, {u"reason"_s, call.reason}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsCommand &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("command"_L1, out.command);
    object.optional("reason"_L1, out.reason);
    object.finish();
}

QJsonObject toJson(const RunsRetry &call)
{
    return {{u"id"_s, Api::toJson(call.id)}, {u"step"_s, call.step}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsRetry &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("step"_L1, out.step);
    object.finish();
}

QJsonObject toJson(const RunsApprove &call)
{
    return {{u"id"_s, Api::toJson(call.id)}, {u"step"_s, call.step}, {u"approval"_s, Api::toJson(call.approval)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, RunsApprove &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("id"_L1, out.id);
    object.required("step"_L1, out.step);
    object.required("approval"_L1, out.approval);
    object.finish();
}

QJsonObject toJson(const MetricsHistory &call)
{
    return {{u"from"_s, Api::timeToJson(call.fromMs)}, {u"to"_s, Api::timeToJson(call.toMs)}};
}

void readJson(Api::JsonReader &reader, const QJsonValue &json, MetricsHistory &out)
{
    Api::JsonObjectReader object(reader, json);
    object.optionalTime("from"_L1, out.fromMs);
    object.optionalTime("to"_L1, out.toMs);
    object.finish();
}

} // namespace Calls

namespace {

using ParamsReader = CallParams (*)(Api::JsonReader &, const QJsonValue &);

template<std::size_t I>
CallParams readAlternative(Api::JsonReader &reader, const QJsonValue &json)
{
    std::variant_alternative_t<I, CallParams> call {};
    readJson(reader, json, call);
    return CallParams(std::in_place_index<I>, std::move(call));
}

template<std::size_t... I>
constexpr std::array<ParamsReader, sizeof...(I)> makeParamsReaders(std::index_sequence<I...>)
{
    return {&readAlternative<I>...};
}

// Method -> the function that reads its parameters into the right call struct.
constexpr std::array<ParamsReader, methodCount> paramsReaders
    = makeParamsReaders(std::make_index_sequence<methodCount> {});

} // namespace

QJsonObject taskWireJson(const Api::Task &task)
{
    // The same rule as for specs, with the same consequence: Task's defaults are protocol v1.
    static const QJsonObject defaults = Api::toJson(Api::Task {}).toObject();
    QJsonObject json = Calls::withoutDefaults(Api::toJson(task).toObject(), defaults, {u"id", u"spec", u"state"});
    json.insert(u"spec"_s, Calls::sentSpecJson(task.spec));
    return json;
}

QJsonObject paramsToJson(const CallParams &call)
{
    return std::visit([](const auto &c) { return toJson(c); }, call);
}

QString paramsText(const CallParams &call)
{
    // Specs, which a client sends by the thousand, straight from their members.
    if (const auto *submit = std::get_if<Calls::TasksSubmit>(&call)) {
        QString text = u"{\"spec\":"_s;
        writeSentSpecText(text, submit->spec);
        text += u'}';
        return text;
    }
    if (const auto *batch = std::get_if<Calls::TasksSubmitBatch>(&call)) {
        QString text;
        text.reserve(batch->specs.size() * 192 + 16);
        text += "{\"specs\":"_L1;
        JsonText::array(text, batch->specs,
                        [](QString &out, const Api::TaskSpec &spec) { writeSentSpecText(out, spec); });
        text += u'}';
        return text;
    }
    return JsonText::of(paramsToJson(call));
}

CallParams readParams(Api::JsonReader &reader, Method method, const QJsonValue &json)
{
    const auto index = static_cast<std::size_t>(method);
    if (index >= paramsReaders.size()) {
        reader.fail(u"unknown method"_s);
        return {};
    }
    const QJsonValue params = json.isNull() || json.isUndefined() ? QJsonValue(QJsonObject()) : json;
    return paramsReaders[index](reader, params);
}

} // namespace QwenSwarm::Remote
