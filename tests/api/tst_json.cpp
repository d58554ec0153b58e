// JSON codecs of the api value types: every type round-trips without losing a member, and bad input is
// an InvalidArgument error that names where it is.
#include "testsupport.h"

#include <api/json.h>
#include <api/jsonmemory.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

#include <random>

#include <ctime>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

using namespace QwenSwarm::Api;
using namespace Qt::Literals::StringLiterals;

namespace {

// Whole milliseconds: the codec keeps millisecond precision. 2025-11-27T10:00:00.123Z.
constexpr qint64 T0 = 1764237600123;

QByteArray compact(const QJsonValue &json)
{
    if (json.isArray())
        return QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact);
    if (json.isObject())
        return QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact);
    // QJsonDocument holds only objects and arrays; wrap scalars to print them.
    return QJsonDocument(QJsonArray {json}).toJson(QJsonDocument::Compact);
}

QJsonValue parse(const char *text)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test data is not JSON: %s: %s", qPrintable(error.errorString()), text);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

// ---- Samples: every member away from its default, so that a member the codec drops is noticed. ----

StrategySpec sampleStrategy()
{
    return StrategySpec {u"supermajority"_s, QJsonObject {{u"threshold"_s, 0.75}, {u"tie_break"_s, u"none"_s}}};
}

AgentLimits sampleLimits()
{
    return AgentLimits {7, 12.5};
}

MemoryOptions sampleMemoryOptions()
{
    return MemoryOptions {true, 8, MemoryBudget {500, 65536}};
}

MemoryEntry sampleMemoryEntry()
{
    return MemoryEntry {MemoryId(12), AgentId(17), SwarmId(4),          MemoryKind::Decision,
                        u"Paris ✓"_s, {u"geo"_s},  u"operator:alice"_s, T0,
                        T0 + 1000,    T0 + 60000};
}

AgentSpec sampleAgentSpec(const QString &name = u"critic-1"_s)
{
    AgentSpec spec;
    spec.name = name;
    spec.role = AgentRole::Critic;
    spec.provider = u"openai"_s;
    spec.model = u"qwen2.5-72b-instruct"_s;
    spec.parameters = QJsonObject {{u"temperature"_s, 0.25}, {u"stop"_s, QJsonArray {u"\n\n"_s}}};
    spec.systemPrompt = u"You find the flaw in every argument. Ünïcödé ✓"_s;
    spec.tags = {u"math"_s, u"reviewer"_s};
    spec.limits = sampleLimits();
    spec.memory = sampleMemoryOptions();
    return spec;
}

AgentStats sampleStats()
{
    return AgentStats {120, 3, 45000, 9000, 0.875, 2};
}

Agent sampleAgent()
{
    Agent agent;
    agent.id = AgentId(17);
    agent.swarmId = SwarmId(4);
    agent.spec = sampleAgentSpec();
    agent.state = AgentState::Failed;
    agent.stateReason = u"provider returned 401"_s;
    agent.stateSinceMs = T0 + 5000;
    agent.createdMs = T0;
    agent.stats = sampleStats();
    return agent;
}

SwarmSpec sampleSwarmSpec()
{
    return SwarmSpec {u"review-board"_s,
                      Topology::Hierarchical,
                      sampleStrategy(),
                      {sampleAgentSpec(u"lead"_s), sampleAgentSpec(u"second"_s)},
                      sampleMemoryOptions()};
}

Swarm sampleSwarm()
{
    return Swarm {SwarmId(4), u"review-board"_s,    Topology::Ring, sampleStrategy(), {AgentId(17), AgentId(18)},
                  T0,         sampleMemoryOptions()};
}

AgentSelection sampleSelection()
{
    return AgentSelection {{AgentId(17), AgentId(19)}, {u"math"_s}, 2, Routing::Adaptive};
}

RetryPolicy sampleRetry()
{
    return RetryPolicy {5, 250, 4000, 0.5};
}

TaskSpec sampleTaskSpec()
{
    TaskSpec spec;
    spec.swarmId = SwarmId(4);
    spec.promptTemplate = u"What is {{a}} + {{b}}? You are {{agent.name}}."_s;
    spec.variables = QJsonObject {{u"a"_s, 2}, {u"b"_s, u"two"_s}};
    spec.answerFormat = AnswerFormat::Choice;
    spec.choices = {u"3"_s, u"4"_s, u"5"_s};
    spec.referenceAnswer = u"4"_s;
    spec.selection = sampleSelection();
    spec.strategy = sampleStrategy();
    spec.priority = -20;
    spec.deadlineMs = T0 + 60000;
    spec.timeoutMs = 30000;
    spec.budgetUsd = 0.5;
    spec.retry = sampleRetry();
    spec.idempotencyKey = u"batch-7/item-3"_s;
    spec.tags = {u"arithmetic"_s, u"eval"_s};
    return spec;
}

TaskResult sampleTaskResult()
{
    return TaskResult {u"4"_s, DecisionId(88), 0.8};
}

Error sampleError()
{
    return Error {ErrorCode::DeadlineExceeded, u"task timed out after 30 s"_s,
                  QJsonObject {{u"timeout_ms"_s, 30000}, {u"attempt"_s, 2}}};
}

Task sampleTask(TaskState state, std::optional<TaskResult> result, std::optional<Error> error)
{
    Task task;
    task.id = TaskId(301);
    task.spec = sampleTaskSpec();
    task.state = state;
    task.attempt = 2;
    task.stateReason = u"operator asked"_s;
    task.createdMs = T0;
    task.startedMs = T0 + 10;
    task.finishedMs = T0 + 2500;
    task.effectiveDeadlineMs = T0 + 30000;
    task.costUsd = 0.0125;
    task.result = std::move(result);
    task.error = std::move(error);
    return task;
}

Vote sampleVote(quint64 agent = 17, VoteStatus status = VoteStatus::Malformed)
{
    Vote vote;
    vote.agentId = AgentId(agent);
    vote.status = status;
    vote.rawAnswer = u"The answer is **four**."_s;
    vote.normalizedAnswer = u"4"_s;
    vote.confidence = 0.6;
    vote.weight = 1.75;
    vote.rationale = u"2 + 2 = 4"_s;
    vote.latencyMs = 812;
    vote.promptTokens = 120;
    vote.completionTokens = 33;
    vote.costUsd = 0.00042;
    return vote;
}

Round sampleRound()
{
    return Round {1, {sampleVote(17, VoteStatus::Valid), sampleVote(18, VoteStatus::TimedOut)}};
}

Decision sampleDecision()
{
    Decision decision;
    decision.id = DecisionId(88);
    decision.taskId = TaskId(301);
    decision.swarmId = SwarmId(4);
    decision.attempt = 2;
    decision.strategy = sampleStrategy();
    decision.rounds = {Round {0, {sampleVote(17, VoteStatus::Valid)}}, sampleRound()};
    decision.outcome = DecisionOutcome::Decided;
    decision.answer = u"4"_s;
    decision.agreement = 0.8;
    decision.dissenters = {AgentId(19)};
    decision.explanation = u"4 of 5 weighted votes for \"4\""_s;
    decision.createdMs = T0 + 2400;
    decision.feedback = DecisionFeedback {false, u"5"_s, u"the judge was fooled"_s, u"alice"_s, T0 + 9000};
    return decision;
}

Reputation sampleReputation()
{
    return Reputation {AgentId(17), u"math"_s, 7.5, 2.25, 9, T0 + 3000};
}

Event sampleEvent(EventPayload payload)
{
    return Event {9001, T0 + 1, std::move(payload)};
}

SubscriptionSpec sampleSubscriptionSpec(std::optional<quint64> resumeAfterSeq)
{
    return SubscriptionSpec {{Topic::Tasks, Topic::Decisions},
                             SwarmId(4),
                             AgentId(17),
                             TaskId(301),
                             {TaskState::Succeeded, TaskState::TimedOut},
                             resumeAfterSeq};
}

PageRequest samplePageRequest()
{
    return PageRequest {25, u"opaque-cursor==="_s};
}

TaskQuery sampleTaskQuery()
{
    return TaskQuery {{TaskState::Failed, TaskState::Cancelled},
                      SwarmId(4),
                      u"plurality"_s,
                      u"two"_s,
                      T0,
                      T0 + 86400000,
                      samplePageRequest()};
}

DecisionQuery sampleDecisionQuery(std::optional<DecisionOutcome> outcome)
{
    return DecisionQuery {SwarmId(4),   TaskId(301), u"debate"_s,        outcome, 0.25, 0.9,
                          T0 - 3600000, T0,          samplePageRequest()};
}

MetricSample sampleCounter()
{
    MetricSample sample;
    sample.labels = {{u"state"_s, u"succeeded"_s}, {u"swarm"_s, u"review-board"_s}};
    sample.value = 1234;
    return sample;
}

MetricSample sampleHistogram()
{
    MetricSample sample;
    sample.labels = {{u"provider"_s, u"simulated"_s}};
    sample.value = 0.5;
    sample.bucketBounds = {0.005, 0.05, 0.5, 5};
    sample.bucketCounts = {1, 4, 9, 10};
    sample.sum = 3.25;
    sample.count = 11;
    return sample;
}

MetricFamily sampleFamily()
{
    return MetricFamily {u"qwen_swarm_call_latency_seconds"_s,
                         u"Provider call latency."_s,
                         MetricType::Histogram,
                         {sampleHistogram(), sampleHistogram()}};
}

MetricsSnapshot sampleSnapshot()
{
    MetricFamily counter {u"qwen_swarm_tasks_total"_s, u"Tasks."_s, MetricType::Counter, {sampleCounter()}};
    return MetricsSnapshot {T0, {counter, sampleFamily()}};
}

BackendInfo sampleBackendInfo()
{
    return BackendInfo {u"0.3.1"_s,
                        u"remote"_s,
                        u"wss://swarm.example:8443"_s,
                        u"postgres"_s,
                        {u"openai"_s, u"simulated"_s},
                        {u"plurality"_s, u"debate"_s}};
}

Page<Task> sampleTaskPage()
{
    return Page<Task> {{sampleTask(TaskState::Succeeded, sampleTaskResult(), std::nullopt),
                        sampleTask(TaskState::Queued, std::nullopt, std::nullopt)},
                       u"next-page"_s,
                       77};
}

// Decodes with fromJson<T>(), answering the value or the error.
template<typename T>
std::pair<std::optional<T>, std::optional<Error>> decodeAs(const QJsonValue &json,
                                                           JsonReader::Mode mode = JsonReader::Mode::Strict)
{
    Result<T> decoded = fromJson<T>(json, mode);
    if (!decoded.ok())
        return {std::nullopt, decoded.error()};
    return {std::move(decoded).value(), std::nullopt};
}

// ---- Type erasure, so one data-driven test covers every value type. ----

struct Decoded
{
    std::optional<Error> error;
    bool equalsOriginal = false;
    QJsonValue reencoded;
};

struct Codec
{
    QJsonValue encoded; ///< toJson(sample)
    QJsonValue encodedDefault; ///< toJson(T{})
    std::function<Decoded(const QJsonValue &)> decode; ///< fromJson<T>, compared with the sample
};

template<typename T>
Codec codecFor(const T &sample, const T &defaults = T {})
{
    Codec codec;
    codec.encoded = toJson(sample);
    codec.encodedDefault = toJson(defaults);
    codec.decode = [sample](const QJsonValue &json) {
        Decoded out;
        const auto [decoded, error] = decodeAs<T>(json);
        out.error = error;
        if (decoded) {
            out.equalsOriginal = *decoded == sample;
            out.reencoded = toJson(*decoded);
        }
        return out;
    };
    return codec;
}

// The members of `sample` (recursively through objects) that equal those of `defaults`.
QStringList membersAtDefault(const QJsonObject &sample, const QJsonObject &defaults, const QString &prefix = {})
{
    QStringList found;
    for (auto it = sample.constBegin(); it != sample.constEnd(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : QString(prefix + u'.' + it.key());
        if (!defaults.contains(it.key()))
            continue;
        const QJsonValue value = it.value();
        const QJsonValue defaultValue = defaults.value(it.key());
        if (value.isObject() && defaultValue.isObject() && !defaultValue.toObject().isEmpty())
            found += membersAtDefault(value.toObject(), defaultValue.toObject(), path);
        else if (value == defaultValue)
            found.append(path);
    }
    return found;
}

// Sets the process's local time zone (a POSIX TZ string, which needs no tz database) for a scope.
class TimeZoneOverride
{
public:
    explicit TimeZoneOverride(const char *tz)
        : m_hadTz(qEnvironmentVariableIsSet("TZ"))
        , m_oldTz(qgetenv("TZ"))
    {
        qputenv("TZ", tz);
        tzset();
    }
    ~TimeZoneOverride()
    {
        if (m_hadTz)
            qputenv("TZ", m_oldTz);
        else
            qunsetenv("TZ");
        tzset();
    }
    TimeZoneOverride(const TimeZoneOverride &) = delete;
    TimeZoneOverride &operator=(const TimeZoneOverride &) = delete;

private:
    bool m_hadTz;
    QByteArray m_oldTz;
};

// Decodes `json` as T and answers the error it must report.
using ErrorDecoder = std::function<std::optional<Error>(const QJsonValue &, JsonReader::Mode)>;

template<typename T>
ErrorDecoder decoder()
{
    return [](const QJsonValue &json, JsonReader::Mode mode) { return decodeAs<T>(json, mode).second; };
}

} // namespace

class TestJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void eventTopicFollowsPayload_data();
    void eventTopicFollowsPayload();
    void wireFormat();
    void zeroTimestampsAreNull();
    void readsTimestamps_data();
    void readsTimestamps();
    void canonicalTimestampsAreQDateTimes();
    void timestampsDoNotDependOnLocalZone_data();
    void timestampsDoNotDependOnLocalZone();
    void minimalTaskSpecGetsDefaults();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void lenientReaderSkipsUnknownMembers_data();
    void lenientReaderSkipsUnknownMembers();
    void lenientReaderKeepsKnownMembers();
};

void TestJson::roundTrip_data()
{
    QTest::addColumn<Codec>("codec");
    // Members the sample leaves at their default on purpose (e.g. the absent optional of a row).
    QTest::addColumn<QStringList>("allowedDefaults");

    QTest::newRow("Error") << codecFor(sampleError()) << QStringList();
    QTest::newRow("AgentLimits") << codecFor(sampleLimits()) << QStringList();
    QTest::newRow("AgentSpec") << codecFor(sampleAgentSpec()) << QStringList();
    QTest::newRow("AgentStats") << codecFor(sampleStats()) << QStringList();
    QTest::newRow("Agent") << codecFor(sampleAgent()) << QStringList();
    QTest::newRow("StrategySpec") << codecFor(sampleStrategy()) << QStringList();
    QTest::newRow("SwarmSpec") << codecFor(sampleSwarmSpec()) << QStringList();
    QTest::newRow("Swarm") << codecFor(sampleSwarm()) << QStringList();
    QTest::newRow("AgentSelection") << codecFor(sampleSelection()) << QStringList();
    QTest::newRow("RetryPolicy") << codecFor(sampleRetry()) << QStringList();
    QTest::newRow("TaskSpec") << codecFor(sampleTaskSpec()) << QStringList();
    TaskSpec withoutStrategy = sampleTaskSpec();
    withoutStrategy.strategy.reset();
    QTest::newRow("TaskSpec without strategy") << codecFor(withoutStrategy) << QStringList {u"strategy"_s};
    QTest::newRow("TaskResult") << codecFor(sampleTaskResult()) << QStringList();
    QTest::newRow("Task without result or error")
        << codecFor(sampleTask(TaskState::Running, std::nullopt, std::nullopt))
        << QStringList {u"result"_s, u"error"_s};
    QTest::newRow("Task with result") << codecFor(sampleTask(TaskState::Succeeded, sampleTaskResult(), std::nullopt))
                                      << QStringList {u"error"_s};
    QTest::newRow("Task with error") << codecFor(sampleTask(TaskState::TimedOut, std::nullopt, sampleError()))
                                     << QStringList {u"result"_s};
    QTest::newRow("Task with result and error")
        << codecFor(sampleTask(TaskState::Failed, sampleTaskResult(), sampleError())) << QStringList();
    QTest::newRow("Vote") << codecFor(sampleVote()) << QStringList();
    QTest::newRow("Round") << codecFor(sampleRound()) << QStringList();
    QTest::newRow("Decision") << codecFor(sampleDecision()) << QStringList();
    Decision undecided = sampleDecision();
    undecided.outcome = DecisionOutcome::NoDecision;
    undecided.answer.clear();
    QTest::newRow("Decision without outcome") << codecFor(undecided) << QStringList {u"outcome"_s, u"answer"_s};

    // Events are compared with a default event of the same payload type, whose topic is the same.
    const QStringList sameTopic {u"topic"_s};
    QTest::newRow("Event SwarmEvent") << codecFor(
        sampleEvent(SwarmEvent {SwarmId(4), SwarmChange::Removed, u"review-board"_s}), Event {0, 0, SwarmEvent {}})
                                      << sameTopic;
    QTest::newRow("Event AgentEvent") << codecFor(
        sampleEvent(AgentEvent {AgentId(17), SwarmId(4), AgentState::Busy, AgentState::Failed, true, u"HTTP 500"_s}),
        Event {0, 0, AgentEvent {}}) << sameTopic;
    QTest::newRow("Event TaskEvent") << codecFor(
        sampleEvent(TaskEvent {TaskId(301), SwarmId(4), TaskState::Deciding, TaskState::Succeeded, 3, u"decided"_s}),
        Event {0, 0, TaskEvent {}}) << sameTopic;
    QTest::newRow("Event DecisionEvent") << codecFor(
        sampleEvent(DecisionEvent {DecisionId(88), TaskId(301), SwarmId(4), DecisionOutcome::Decided, u"4"_s, 0.8}),
        Event {0, 0, DecisionEvent {}}) << sameTopic;
    QTest::newRow("Event LogEvent") << codecFor(
        sampleEvent(LogEvent {LogLevel::Warning, u"provider.openai"_s, u"retrying after 429"_s}),
        Event {0, 0, LogEvent {}}) << sameTopic;
    QTest::newRow("Event AuditEvent") << codecFor(
        sampleEvent(AuditEvent {u"alice"_s, u"agent.stop"_s, u"agent/17"_s, false, u"role viewer < operator"_s}),
        Event {0, 0, AuditEvent {}}) << sameTopic;
    QTest::newRow("Event RunEvent of a step")
        << codecFor(sampleEvent(RunEvent {RunId(5), u"research"_s, u"summary"_s, RunState::AwaitingApproval,
                                          StepState::Running, u"started"_s}),
                    Event {0, 0, RunEvent {}})
        << sameTopic;
    // Only a step's change names a step; a step state given without one still reads back.
    QTest::newRow("Event RunEvent, a step state without a step")
        << codecFor(sampleEvent(RunEvent {RunId(5), u"research"_s, {}, RunState::Paused, StepState::Failed, u"odd"_s}),
                    Event {0, 0, RunEvent {}})
        << QStringList {u"topic"_s, u"data.step_id"_s};

    QTest::newRow("SubscriptionSpec without resume")
        << codecFor(sampleSubscriptionSpec(std::nullopt)) << QStringList {u"resume_after_seq"_s};
    QTest::newRow("SubscriptionSpec resuming after 0") << codecFor(sampleSubscriptionSpec(0)) << QStringList();
    QTest::newRow("SubscriptionSpec resuming after 4711") << codecFor(sampleSubscriptionSpec(4711)) << QStringList();
    QTest::newRow("Subscription") << codecFor(Subscription {SubscriptionId(12), 9001}) << QStringList();
    QTest::newRow("PageRequest") << codecFor(samplePageRequest()) << QStringList();
    QTest::newRow("TaskQuery") << codecFor(sampleTaskQuery()) << QStringList();
    QTest::newRow("DecisionQuery without outcome")
        << codecFor(sampleDecisionQuery(std::nullopt)) << QStringList {u"outcome"_s};
    QTest::newRow("DecisionQuery decided") << codecFor(sampleDecisionQuery(DecisionOutcome::Decided)) << QStringList();
    QTest::newRow("DecisionQuery no_decision")
        << codecFor(sampleDecisionQuery(DecisionOutcome::NoDecision)) << QStringList();
    // A counter uses only labels and value.
    QTest::newRow("MetricSample counter")
        << codecFor(sampleCounter()) << QStringList {u"bucket_bounds"_s, u"bucket_counts"_s, u"sum"_s, u"count"_s};
    QTest::newRow("MetricSample histogram") << codecFor(sampleHistogram()) << QStringList();
    QTest::newRow("MetricFamily") << codecFor(sampleFamily()) << QStringList();
    QTest::newRow("MetricsSnapshot") << codecFor(sampleSnapshot()) << QStringList();
    QTest::newRow("BackendInfo") << codecFor(sampleBackendInfo()) << QStringList();
    QTest::newRow("Page<Task>") << codecFor(sampleTaskPage()) << QStringList();
    QTest::newRow("Reputation") << codecFor(sampleReputation()) << QStringList();
    QTest::newRow("ReputationPoint") << codecFor(
        ReputationPoint {AgentId(17), u"math"_s, 7.5, 2.25, ReputationCause::Feedback, DecisionId(88), T0 + 3000})
                                     << QStringList();
    QTest::newRow("DecisionFeedback") << codecFor(DecisionFeedback {false, u"5"_s, u"n"_s, u"bob"_s, T0 + 1})
                                      << QStringList {u"correct"_s};
    QTest::newRow("ReputationQuery") << codecFor(
        ReputationQuery {AgentId(17), u"math"_s, T0, T0 + 60000, samplePageRequest()})
                                     << QStringList();
    QTest::newRow("LearningState") << codecFor(LearningState {1, {sampleReputation()}}) << QStringList {u"version"_s};
    QTest::newRow("MemoryEntry") << codecFor(sampleMemoryEntry()) << QStringList();
    QTest::newRow("MemorySpec") << codecFor(
        MemorySpec {AgentId(17), SwarmId(4), MemoryKind::Turn, u"2+2=4"_s, {u"math"_s}, 60000, u"operator:alice"_s})
                                << QStringList();
    QTest::newRow("MemoryQuery") << codecFor(MemoryQuery {AgentId(17),
                                                          SwarmId(4),
                                                          true,
                                                          {MemoryKind::Fact},
                                                          u"geo"_s,
                                                          u"capital"_s,
                                                          T0,
                                                          T0 + 5000,
                                                          true,
                                                          samplePageRequest()})
                                 << QStringList();
    QTest::newRow("MemoryOptions") << codecFor(sampleMemoryOptions()) << QStringList();
}

void TestJson::roundTrip()
{
    QFETCH(Codec, codec);
    QFETCH(QStringList, allowedDefaults);

    QVERIFY2(codec.encoded.isObject(), compact(codec.encoded).constData());

    // The sample must set every member, or a member the codec drops would go unnoticed.
    QStringList atDefault = membersAtDefault(codec.encoded.toObject(), codec.encodedDefault.toObject());
    for (const QString &allowed : std::as_const(allowedDefaults))
        atDefault.removeAll(allowed);
    QVERIFY2(atDefault.isEmpty(),
             qPrintable(QString(u"sample leaves members at their default: "_s + atDefault.join(u", "_s))));

    // fromJson(toJson(x)) == x, and encoding the decoded value gives the same JSON again.
    const Decoded decoded = codec.decode(codec.encoded);
    QVERIFY2(!decoded.error, decoded.error ? qPrintable(decoded.error->message) : "");
    QVERIFY2(decoded.equalsOriginal,
             qPrintable(QString(u"decoded value differs from the original; its JSON: "_s
                                + QString::fromUtf8(compact(decoded.reencoded)))));
    QCOMPARE(compact(decoded.reencoded), compact(codec.encoded));

    // The same through the wire: JSON text and back.
    const QJsonValue fromText = parse(compact(codec.encoded).constData());
    const Decoded overTheWire = codec.decode(fromText);
    QVERIFY2(!overTheWire.error, overTheWire.error ? qPrintable(overTheWire.error->message) : "");
    QVERIFY(overTheWire.equalsOriginal);
    QCOMPARE(compact(overTheWire.reencoded), compact(codec.encoded));
}

void TestJson::eventTopicFollowsPayload_data()
{
    QTest::addColumn<Event>("event");
    QTest::addColumn<QString>("topic");

    QTest::newRow("swarms") << sampleEvent(SwarmEvent {}) << u"swarms"_s;
    QTest::newRow("agents") << sampleEvent(AgentEvent {}) << u"agents"_s;
    QTest::newRow("tasks") << sampleEvent(TaskEvent {}) << u"tasks"_s;
    QTest::newRow("decisions") << sampleEvent(DecisionEvent {}) << u"decisions"_s;
    QTest::newRow("logs") << sampleEvent(LogEvent {}) << u"logs"_s;
    QTest::newRow("audit") << sampleEvent(AuditEvent {}) << u"audit"_s;
}

void TestJson::eventTopicFollowsPayload()
{
    QFETCH(Event, event);
    QFETCH(QString, topic);

    QCOMPARE(enumName(event.topic()).toString(), topic);
    const QJsonObject json = toJson(event).toObject();
    QCOMPARE(json.value(u"topic"_s).toString(), topic);
    QVERIFY(json.value(u"data"_s).isObject());
    QCOMPARE(json.value(u"seq"_s).toInteger(), 9001);

    const Result<Event> decoded = fromJson<Event>(json);
    QS_VERIFY_OK(decoded);
    QCOMPARE(decoded->topic(), event.topic());
    QCOMPARE(decoded->payload.index(), event.payload.index());
}

void TestJson::wireFormat()
{
    const Task task = sampleTask(TaskState::TimedOut, std::nullopt, sampleError());
    const QJsonObject json = toJson(task).toObject();

    // Ids are numbers, enums their wire names, timestamps ISO 8601 UTC with milliseconds.
    QCOMPARE(json.value(u"id"_s).toInteger(), 301);
    QCOMPARE(json.value(u"state"_s).toString(), u"timed_out"_s);
    QCOMPARE(json.value(u"created_at"_s).toString(), u"2025-11-27T10:00:00.123Z"_s);
    QCOMPARE(json.value(u"finished_at"_s).toString(), u"2025-11-27T10:00:02.623Z"_s);
    QVERIFY(json.value(u"result"_s).isNull());
    QCOMPARE(json.value(u"error"_s).toObject().value(u"code"_s).toString(), u"deadline_exceeded"_s);

    // Member names are snake_case.
    const QJsonObject spec = json.value(u"spec"_s).toObject();
    QCOMPARE(spec.value(u"swarm_id"_s).toInteger(), 4);
    QCOMPARE(spec.value(u"prompt"_s).toString(), sampleTaskSpec().promptTemplate);
    QCOMPARE(spec.value(u"answer_format"_s).toString(), u"choice"_s);
    QCOMPARE(spec.value(u"deadline"_s).toString(), u"2025-11-27T10:01:00.123Z"_s);
    QCOMPARE(spec.value(u"retry"_s).toObject().value(u"initial_backoff_ms"_s).toInteger(), 250);
    QCOMPARE(spec.value(u"idempotency_key"_s).toString(), u"batch-7/item-3"_s);
}

void TestJson::zeroTimestampsAreNull()
{
    Task task = sampleTask(TaskState::Queued, std::nullopt, std::nullopt);
    task.startedMs = 0;
    task.finishedMs = 0;
    task.effectiveDeadlineMs = 0;
    task.spec.deadlineMs = 0;
    const QJsonObject json = toJson(task).toObject();

    QVERIFY(json.value(u"started_at"_s).isNull());
    QVERIFY(json.value(u"finished_at"_s).isNull());
    QVERIFY(json.value(u"effective_deadline"_s).isNull());
    QVERIFY(json.value(u"spec"_s).toObject().value(u"deadline"_s).isNull());
    QVERIFY(json.value(u"created_at"_s).isString());

    const Result<Task> decoded = fromJson<Task>(json);
    QS_VERIFY_OK(decoded);
    QCOMPARE(decoded->startedMs, 0);
    QCOMPARE(decoded->finishedMs, 0);
    QCOMPARE(decoded->spec.deadlineMs, 0);
    QCOMPARE(decoded->createdMs, T0);
}

void TestJson::readsTimestamps_data()
{
    QTest::addColumn<QJsonValue>("createdAt");
    QTest::addColumn<qint64>("expectedMs");

    QTest::newRow("UTC with milliseconds") << QJsonValue(u"2025-11-27T10:00:00.123Z"_s) << T0;
    QTest::newRow("UTC without milliseconds") << QJsonValue(u"2025-11-27T10:00:00Z"_s) << T0 - 123;
    QTest::newRow("with an offset") << QJsonValue(u"2025-11-27T12:00:00.123+02:00"_s) << T0;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << qint64(0);
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << qint64(0);
}

void TestJson::readsTimestamps()
{
    QFETCH(QJsonValue, createdAt);
    QFETCH(qint64, expectedMs);

    QJsonObject json {{u"id"_s, 4}, {u"name"_s, u"s"_s}};
    if (!createdAt.isUndefined())
        json.insert(u"created_at"_s, createdAt);
    const Result<Swarm> decoded = fromJson<Swarm>(json);
    QS_VERIFY_OK(decoded);
    QCOMPARE(decoded->createdMs, expectedMs);
}

void TestJson::canonicalTimestampsAreQDateTimes()
{
    // The fast writer and reader agree with QDateTime on every millisecond they take, and leave the rest to it.
    std::mt19937_64 random(20261127);
    std::uniform_int_distribution<qint64> anyMs(0, 253402300799999); // 1970 .. 9999-12-31T23:59:59.999Z
    QList<qint64> samples {
        0, 1, T0, 951782400000 /* 2000-02-29 */, 4107456000000 /* 2100-02-28 */, 4107542399999, 253402300799999};
    for (int i = 0; i < 20000; ++i)
        samples.append(anyMs(random));
    for (qint64 ms : std::as_const(samples)) {
        const QString expected = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        QCOMPARE(canonicalTime(ms), expected);
        qint64 back = -1;
        QVERIFY2(parseCanonicalTime(expected, back), qPrintable(expected));
        QCOMPARE(back, ms);
    }
    QVERIFY(canonicalTime(-1).isEmpty());
    QVERIFY(canonicalTime(253402300800000).isEmpty());
    for (const QString &text :
         {u"2025-02-29T00:00:00.000Z"_s, u"2025-13-01T00:00:00.000Z"_s, u"2025-01-01T24:00:00.000Z"_s,
          u"1969-12-31T23:59:59.999Z"_s, u"2025-01-01T00:00:00.000+00:00"_s, u"2025-01-01T00:00:00Z"_s,
          u"2025-01-01T00:00:60.000Z"_s, u"2025-01-0１T00:00:00.000Z"_s}) {
        qint64 ms = 7;
        QVERIFY2(!parseCanonicalTime(text, ms), qPrintable(text));
        QCOMPARE(ms, 7);
    }
    // What the fast reader leaves alone still reads through QDateTime, or is refused with the path.
    const Result<Swarm> leap = fromJson<Swarm>(
        QJsonObject {{u"id"_s, 4}, {u"name"_s, u"s"_s}, {u"created_at"_s, u"2025-02-29T00:00:00.000Z"_s}});
    QS_VERIFY_ERROR(leap, ErrorCode::InvalidArgument);
    QCOMPARE(leap.error().details.value(u"path"_s).toString(), u"created_at"_s);
}

void TestJson::timestampsDoNotDependOnLocalZone_data()
{
    QTest::addColumn<QString>("createdAt");

    QTest::newRow("UTC designator") << u"2025-11-27T10:00:00.123Z"_s;
    QTest::newRow("offset") << u"2025-11-27T19:00:00.123+09:00"_s;
    QTest::newRow("no zone designator") << u"2025-11-27T10:00:00.123"_s;
}

void TestJson::timestampsDoNotDependOnLocalZone()
{
    QFETCH(QString, createdAt);

    // Timestamps on the wire are UTC: a task file means the same instant on every machine. A reader in
    // another zone must read T0, or reject a timestamp that names no zone; never shift it by its own offset.
    const TimeZoneOverride tokyo("JST-9");
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(T0).offsetFromUtc(), 9 * 3600); // the override took effect

    const Result<Swarm> decoded
        = fromJson<Swarm>(QJsonObject {{u"id"_s, 4}, {u"name"_s, u"s"_s}, {u"created_at"_s, createdAt}});
    if (!decoded.ok()) {
        QVERIFY2(!createdAt.endsWith(u'Z') && !createdAt.contains(u'+'), qPrintable(decoded.error().message));
        QS_VERIFY_ERROR(decoded, ErrorCode::InvalidArgument);
        QCOMPARE(decoded.error().details.value(u"path"_s).toString(), u"created_at"_s);
        return;
    }
    QCOMPARE(decoded->createdMs, T0);
    // Written back as UTC whatever the local zone.
    QCOMPARE(toJson(*decoded).toObject().value(u"created_at"_s).toString(), u"2025-11-27T10:00:00.123Z"_s);
}

void TestJson::minimalTaskSpecGetsDefaults()
{
    const Result<TaskSpec> decoded = fromJson<TaskSpec>(parse(R"({"swarm_id": 3, "prompt": "hi"})"));
    QS_VERIFY_OK(decoded);

    TaskSpec expected;
    expected.swarmId = SwarmId(3);
    expected.promptTemplate = u"hi"_s;
    QVERIFY(*decoded == expected);
    QVERIFY(!decoded->strategy.has_value());
    QCOMPARE(decoded->retry.maxAttempts, 1);
    QCOMPARE(decoded->answerFormat, AnswerFormat::FreeText);

    const Result<AgentSpec> agent = fromJson<AgentSpec>(parse(R"({"name": "w"})"));
    QS_VERIFY_OK(agent);
    QCOMPARE(agent->provider, u"simulated"_s);
    QCOMPARE(agent->role, AgentRole::Worker);
    QCOMPARE(agent->limits.maxConcurrency, 4);
}

void TestJson::rejectsInvalidInput_data()
{
    QTest::addColumn<ErrorDecoder>("decode");
    QTest::addColumn<QJsonValue>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem"); // a fragment the message must contain after the path
    QTest::addColumn<JsonReader::Mode>("mode");

    const auto strict = JsonReader::Mode::Strict;

    // Missing required members.
    QTest::newRow("missing required member")
        << decoder<TaskSpec>() << parse(R"({"swarm_id": 1})") << u"prompt"_s << u"required"_s << strict;
    QTest::newRow("missing required member, lenient") << decoder<TaskSpec>() << parse(R"({"swarm_id": 1})")
                                                      << u"prompt"_s << u"required"_s << JsonReader::Mode::Lenient;
    QTest::newRow("missing required nested member")
        << decoder<Agent>() << parse(R"({"id": 1, "swarm_id": 2, "spec": {"role": "judge"}, "state": "idle"})")
        << u"spec.name"_s << u"required"_s << strict;
    QTest::newRow("error without code") << decoder<Error>() << parse(R"({"message": "m"})") << u"code"_s
                                        << u"required"_s << strict;
    QTest::newRow("error with unknown code")
        << decoder<Error>() << parse(R"({"code": "teapot", "message": "m"})") << u"code"_s
        << u"unknown value 'teapot' (expected one of invalid_argument, not_found,"_s << strict;
    QTest::newRow("missing required list")
        << decoder<Page<Task>>() << parse(R"({"next_cursor": "x"})") << u"items"_s << u"required"_s << strict;

    // Learned state that cannot be right.
    QTest::newRow("reputation with a zero beta")
        << decoder<Reputation>() << parse(R"({"agent_id": 1, "alpha": 2, "beta": 0})") << QString()
        << u"alpha and beta must be positive"_s << strict;
    QTest::newRow("memory spec without text") << decoder<MemorySpec>() << parse(R"({"swarm_id": 1, "text": ""})")
                                              << QString() << u"text must have 1..65536 characters"_s << strict;
    QTest::newRow("memory spec with a negative ttl")
        << decoder<MemorySpec>() << parse(R"({"swarm_id": 1, "text": "x", "ttl_ms": -5})") << QString()
        << u"ttl_ms must not be negative"_s << strict;
    QTest::newRow("memory options with too much context")
        << decoder<MemoryOptions>() << parse(R"({"context_entries": 101})") << QString()
        << u"context_entries must be 0..100"_s << strict;
    QTest::newRow("memory spec of an unknown kind")
        << decoder<MemorySpec>() << parse(R"({"swarm_id": 1, "text": "x", "kind": "dream"})") << u"kind"_s
        << u"unknown value 'dream'"_s << strict;
    QTest::newRow("learned state of a newer version")
        << decoder<LearningState>() << parse(R"({"version": 2, "reputations": []})") << QString()
        << u"learned state of version 2 is not known"_s << strict;

    // Wrong types.
    QTest::newRow("string where int expected")
        << decoder<TaskSpec>() << parse(R"({"swarm_id": 1, "prompt": "p", "priority": "high"})") << u"priority"_s
        << u"expected an integer"_s << strict;
    QTest::newRow("string where id expected") << decoder<TaskSpec>() << parse(R"({"swarm_id": "4", "prompt": "p"})")
                                              << u"swarm_id"_s << u"expected an integer"_s << strict;
    QTest::newRow("number where string expected")
        << decoder<AgentSpec>() << parse(R"({"name": 42})") << u"name"_s << u"expected a string"_s << strict;
    QTest::newRow("string where number expected") << decoder<AgentLimits>() << parse(R"({"budget_usd": "10"})")
                                                  << u"budget_usd"_s << u"expected a finite number"_s << strict;
    QTest::newRow("string where bool expected")
        << decoder<Event>()
        << parse(R"({"seq": 1, "topic": "audit", "data": {"actor": "a", "action": "b", "allowed": "yes"}})")
        << u"data.allowed"_s << u"expected true or false"_s << strict;
    QTest::newRow("string where list expected")
        << decoder<TaskSpec>() << parse(R"({"swarm_id": 1, "prompt": "p", "choices": "3,4"})") << u"choices"_s
        << u"expected an array"_s << strict;
    QTest::newRow("wrong type inside a list")
        << decoder<TaskSpec>() << parse(R"({"swarm_id": 1, "prompt": "p", "tags": ["a", 7]})") << u"tags[1]"_s
        << u"expected a string"_s << strict;
    QTest::newRow("string where object expected")
        << decoder<TaskSpec>() << parse(R"({"swarm_id": 1, "prompt": "p", "variables": "a=1"})") << u"variables"_s
        << u"expected an object"_s << strict;
    QTest::newRow("label value not a string") << decoder<MetricSample>() << parse(R"({"labels": {"swarm": 4}})")
                                              << u"labels.swarm"_s << u"expected a string"_s << strict;

    // Numbers that are not the integer asked for.
    QTest::newRow("non-integral int") << decoder<TaskSpec>()
                                      << parse(R"({"swarm_id": 1, "prompt": "p", "priority": 1.5})") << u"priority"_s
                                      << u"got 1.5"_s << strict;
    QTest::newRow("non-integral id") << decoder<TaskSpec>() << parse(R"({"swarm_id": 2.5, "prompt": "p"})")
                                     << u"swarm_id"_s << u"got 2.5"_s << strict;
    QTest::newRow("int out of range") << decoder<TaskSpec>()
                                      << parse(
                                             R"({"swarm_id": 1, "prompt": "p", "retry": {"max_attempts": 3000000000}})")
                                      << u"retry.max_attempts"_s
                                      << u"expected an integer in [-2147483648, 2147483647], got 3000000000"_s
                                      << strict;
    QTest::newRow("negative id") << decoder<TaskSpec>() << parse(R"({"swarm_id": -1, "prompt": "p"})") << u"swarm_id"_s
                                 << u"got -1"_s << strict;
    QTest::newRow("unsigned counter negative")
        << decoder<AgentStats>() << parse(R"({"calls": -3})") << u"calls"_s << u"got -3"_s << strict;
    QTest::newRow("int64 beyond 2^53") << decoder<TaskSpec>()
                                       << parse(R"({"swarm_id": 1, "prompt": "p", "timeout_ms": 1e17})")
                                       << u"timeout_ms"_s << u"expected an integer in"_s << strict;

    // Enums.
    QTest::newRow("unknown enum name")
        << decoder<TaskSpec>() << parse(R"({"swarm_id": 1, "prompt": "p", "answer_format": "essay"})")
        << u"answer_format"_s << u"unknown value 'essay' (expected one of free_text, choice, number, ranking)"_s
        << strict;
    QTest::newRow("enum name in other case")
        << decoder<TaskSpec>() << parse(R"({"swarm_id": 1, "prompt": "p", "answer_format": "Choice"})")
        << u"answer_format"_s << u"expected one of free_text, choice, number, ranking"_s << strict;
    QTest::newRow("enum as a number") << decoder<TaskSpec>()
                                      << parse(R"({"swarm_id": 1, "prompt": "p", "answer_format": 1})")
                                      << u"answer_format"_s << u"free_text, choice, number, ranking"_s << strict;
    QTest::newRow("unknown enum in a list")
        << decoder<SubscriptionSpec>() << parse(R"({"topics": ["tasks", "metrics"]})") << u"topics[1]"_s
        << u"unknown value 'metrics' (expected one of swarms, agents, tasks, decisions, logs, audit, runs)"_s << strict;
    QTest::newRow("nested path into a list")
        << decoder<SwarmSpec>() << parse(R"({"name": "s", "agents": [{"name": "a"}, {"name": "b", "role": "boss"}]})")
        << u"agents[1].role"_s
        << u"unknown value 'boss' (expected one of coordinator, worker, specialist, judge, critic)"_s << strict;
    QTest::newRow("nested path, lenient")
        << decoder<SwarmSpec>() << parse(R"({"name": "s", "agents": [{"name": "a"}, {"name": "b", "role": "boss"}]})")
        << u"agents[1].role"_s << u"unknown value 'boss'"_s << JsonReader::Mode::Lenient;
    QTest::newRow("nested optional enum") << decoder<DecisionQuery>() << parse(R"({"outcome": "maybe"})")
                                          << u"outcome"_s << u"expected one of decided, no_decision"_s << strict;

    // Unknown members (strict).
    QTest::newRow("unknown member") << decoder<TaskSpec>() << parse(R"({"swarm_id": 1, "prompt": "p", "priorty": 3})")
                                    << u"priorty"_s << u"unknown member"_s << strict;
    QTest::newRow("unknown nested member")
        << decoder<TaskSpec>() << parse(R"({"swarm_id": 1, "prompt": "p", "retry": {"max_attempt": 3}})")
        << u"retry.max_attempt"_s << u"unknown member"_s << strict;
    QTest::newRow("unknown member in a list item")
        << decoder<SwarmSpec>() << parse(R"({"name": "s", "agents": [{"name": "a", "rol": "judge"}]})")
        << u"agents[0].rol"_s << u"unknown member"_s << strict;
    QTest::newRow("unknown member in event data")
        << decoder<Event>()
        << parse(R"({"seq": 1, "topic": "logs", "data": {"level": "info", "message": "m", "x": 1}})") << u"data.x"_s
        << u"unknown member"_s << strict;

    // Timestamps.
    QTest::newRow("bad ISO timestamp")
        << decoder<Task>()
        << parse(R"({"id": 1, "spec": {"swarm_id": 1, "prompt": "p"}, "state": "queued", "created_at": "yesterday"})")
        << u"created_at"_s << u"ISO 8601"_s << strict;
    QTest::newRow("impossible date") << decoder<Swarm>()
                                     << parse(R"({"id": 1, "name": "s", "created_at": "2026-02-30T10:00:00.000Z"})")
                                     << u"created_at"_s << u"ISO 8601"_s << strict;
    QTest::newRow("timestamp as a number")
        << decoder<Swarm>() << parse(R"({"id": 1, "name": "s", "created_at": 1764237600123})") << u"created_at"_s
        << u"ISO 8601"_s << strict;
    QTest::newRow("bad nested timestamp")
        << decoder<TaskQuery>() << parse(R"({"created_from": "2025-11-27T10:00:00.123Z", "created_to": "soon"})")
        << u"created_to"_s << u"ISO 8601"_s << strict;
    QTest::newRow("bad event time") << decoder<Event>()
                                    << parse(R"({"seq": 1, "time": "noon", "topic": "logs", "data": {}})") << u"time"_s
                                    << u"ISO 8601"_s << strict;

    // Events whose data is not the payload of their topic.
    QTest::newRow("agents topic with swarm data")
        << decoder<Event>()
        << parse(R"({"seq": 1, "topic": "agents", "data": {"swarm_id": 4, "change": "created", "name": "s"}})")
        << u"data.agent_id"_s << u"required"_s << strict;
    QTest::newRow("logs topic with audit data")
        << decoder<Event>()
        << parse(R"({"seq": 1, "topic": "logs", "data": {"actor": "a", "action": "b", "allowed": false}})")
        << u"data.level"_s << u"required"_s << strict;
    QTest::newRow("tasks topic with agent states")
        << decoder<Event>()
        << parse(R"({"seq": 1, "topic": "tasks", "data": {"task_id": 1, "from": "idle", "to": "busy"}})")
        << u"data.from"_s << u"unknown value 'idle'"_s << strict;
    QTest::newRow("audit topic with log data, lenient")
        << decoder<Event>() << parse(R"({"seq": 1, "topic": "audit", "data": {"level": "info", "message": "m"}})")
        << u"data.action"_s << u"required"_s << JsonReader::Mode::Lenient;
    QTest::newRow("unknown topic") << decoder<Event>() << parse(R"({"seq": 1, "topic": "metrics", "data": {}})")
                                   << u"topic"_s << u"unknown value 'metrics'"_s << strict;
    QTest::newRow("event data not an object") << decoder<Event>() << parse(R"({"seq": 1, "topic": "logs", "data": []})")
                                              << u"data"_s << u"expected an object"_s << strict;

    // Histograms need one count per bucket bound.
    QTest::newRow("histogram with more bounds than counts")
        << decoder<MetricSample>() << parse(R"({"bucket_bounds": [0.1, 1, 10], "bucket_counts": [1, 2]})") << QString()
        << u"bucket_bounds and bucket_counts differ in length"_s << strict;
    QTest::newRow("histogram with more counts than bounds, nested")
        << decoder<MetricsSnapshot>() << parse(R"({"families": [{"name": "h", "type": "histogram", "samples": [
                      {"bucket_bounds": [1], "bucket_counts": [1]},
                      {"bucket_bounds": [1], "bucket_counts": [1, 2]}]}]})")
        << u"families[0].samples[1]"_s << u"bucket_bounds and bucket_counts differ in length"_s << strict;

    // Not an object at all.
    QTest::newRow("number instead of an object")
        << decoder<TaskSpec>() << QJsonValue(42) << QString() << u"expected an object"_s << strict;
    QTest::newRow("array instead of an object")
        << decoder<Agent>() << parse(R"([1, 2])") << QString() << u"expected an object"_s << strict;
    QTest::newRow("null instead of an object") << decoder<Decision>() << QJsonValue(QJsonValue::Null) << QString()
                                               << u"expected an object"_s << JsonReader::Mode::Lenient;
    QTest::newRow("string instead of a nested object")
        << decoder<TaskSpec>() << parse(R"({"swarm_id": 1, "prompt": "p", "selection": "all"})") << u"selection"_s
        << u"expected an object"_s << strict;
    QTest::newRow("number instead of a list item")
        << decoder<SwarmSpec>() << parse(R"({"name": "s", "agents": [{"name": "a"}, 3]})") << u"agents[1]"_s
        << u"expected an object"_s << strict;
}

void TestJson::rejectsInvalidInput()
{
    QFETCH(ErrorDecoder, decode);
    QFETCH(QJsonValue, json);
    QFETCH(QString, path);
    QFETCH(QString, problem);
    QFETCH(JsonReader::Mode, mode);

    const std::optional<Error> error = decode(json, mode);
    QVERIFY2(error.has_value(), "the input was accepted");
    QCOMPARE(enumName(error->code).toString(), u"invalid_argument"_s);
    QCOMPARE(error->details.value(u"path"_s).toString(), path);
    // "<path>: <problem>", or just the problem at the top level.
    const QString prefix = path.isEmpty() ? QString() : QString(path + u": "_s);
    QVERIFY2(error->message.startsWith(prefix), qPrintable(error->message));
    QVERIFY2(error->message.contains(problem), qPrintable(error->message));
}

void TestJson::lenientReaderSkipsUnknownMembers_data()
{
    QTest::addColumn<ErrorDecoder>("decode");
    QTest::addColumn<QJsonValue>("json");
    QTest::addColumn<QString>("unknownPath");

    QTest::newRow("top level") << decoder<TaskSpec>()
                               << parse(R"({"swarm_id": 1, "prompt": "p", "added_in_v2": {"x": 1}})")
                               << u"added_in_v2"_s;
    QTest::newRow("nested") << decoder<TaskSpec>()
                            << parse(R"({"swarm_id": 1, "prompt": "p", "retry": {"max_attempts": 2, "mode": "x"}})")
                            << u"retry.mode"_s;
    QTest::newRow("in a list item")
        << decoder<MetricsSnapshot>()
        << parse(R"({"families": [{"name": "c", "type": "counter", "unit": "s", "samples": []}]})")
        << u"families[0].unit"_s;
    QTest::newRow("in event data")
        << decoder<Event>()
        << parse(R"({"seq": 5, "topic": "decisions", "data": {"decision_id": 1, "task_id": 2, "outcome": "decided",
                                                                 "rounds": 3}})")
        << u"data.rounds"_s;
}

void TestJson::lenientReaderSkipsUnknownMembers()
{
    QFETCH(ErrorDecoder, decode);
    QFETCH(QJsonValue, json);
    QFETCH(QString, unknownPath);

    const std::optional<Error> strictError = decode(json, JsonReader::Mode::Strict);
    QVERIFY2(strictError.has_value(), "a strict reader accepted an unknown member");
    QCOMPARE(strictError->code, ErrorCode::InvalidArgument);
    QCOMPARE(strictError->details.value(u"path"_s).toString(), unknownPath);
    QVERIFY2(strictError->message.contains(u"unknown member"_s), qPrintable(strictError->message));

    const std::optional<Error> lenientError = decode(json, JsonReader::Mode::Lenient);
    QVERIFY2(!lenientError.has_value(), lenientError ? qPrintable(lenientError->message) : "");
}

void TestJson::lenientReaderKeepsKnownMembers()
{
    // A reply of a newer peer: known members are read as usual, the new ones are ignored.
    QJsonObject json = toJson(sampleTask(TaskState::Succeeded, sampleTaskResult(), std::nullopt)).toObject();
    json.insert(u"labels"_s, QJsonObject {{u"team"_s, u"a"_s}});
    QJsonObject spec = json.value(u"spec"_s).toObject();
    spec.insert(u"cache"_s, true);
    json.insert(u"spec"_s, spec);

    QS_VERIFY_ERROR(fromJson<Task>(json), ErrorCode::InvalidArgument);
    const Result<Task> decoded = fromJson<Task>(json, JsonReader::Mode::Lenient);
    QS_VERIFY_OK(decoded);
    QVERIFY(*decoded == sampleTask(TaskState::Succeeded, sampleTaskResult(), std::nullopt));
}

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
