// Wire names of the api enums: every value has its stable name and back, nothing else parses.
#include <api/agent.h>
#include <api/decision.h>
#include <api/error.h>
#include <api/event.h>
#include <api/metrics.h>
#include <api/swarm.h>
#include <api/task.h>

#include <QTest>

#include <functional>
#include <utility>

using namespace QwenSwarm::Api;
using namespace Qt::Literals::StringLiterals;

namespace {

// One enum type, erased so that a data row can carry it: its declared values with the names they
// must have on the wire, and the enumnames.h functions instantiated for it.
struct EnumCase
{
    QList<std::pair<int, QString>> expected; ///< (value, wire name) for every enumerator.
    std::size_t tableSize = 0;
    std::function<QString(int)> name;
    std::function<std::optional<int>(const QString &)> fromName;
    std::function<QString()> nameList;
};

template<typename E>
EnumCase enumCase(std::initializer_list<std::pair<E, QStringView>> entries)
{
    EnumCase c;
    for (const auto &[value, name] : entries)
        c.expected.append({static_cast<int>(value), name.toString()});
    c.tableSize = EnumNames<E>::names.size();
    c.name = [](int value) { return enumName(static_cast<E>(value)).toString(); };
    c.fromName = [](const QString &name) -> std::optional<int> {
        if (const std::optional<E> value = enumFromName<E>(name))
            return static_cast<int>(*value);
        return std::nullopt;
    };
    c.nameList = [] { return enumNameList<E>(); };
    return c;
}

void addEnumRows()
{
    QTest::addColumn<EnumCase>("enumCase");

    QTest::newRow("AgentRole") << enumCase<AgentRole>({{AgentRole::Coordinator, u"coordinator"},
                                                       {AgentRole::Worker, u"worker"},
                                                       {AgentRole::Specialist, u"specialist"},
                                                       {AgentRole::Judge, u"judge"},
                                                       {AgentRole::Critic, u"critic"}});
    QTest::newRow("AgentState") << enumCase<AgentState>({{AgentState::Created, u"created"},
                                                         {AgentState::Idle, u"idle"},
                                                         {AgentState::Busy, u"busy"},
                                                         {AgentState::Paused, u"paused"},
                                                         {AgentState::Draining, u"draining"},
                                                         {AgentState::Stopped, u"stopped"},
                                                         {AgentState::Failed, u"failed"},
                                                         {AgentState::Recovering, u"recovering"}});
    QTest::newRow("AgentCommand") << enumCase<AgentCommand>({{AgentCommand::Pause, u"pause"},
                                                             {AgentCommand::Resume, u"resume"},
                                                             {AgentCommand::Drain, u"drain"},
                                                             {AgentCommand::Stop, u"stop"},
                                                             {AgentCommand::Restart, u"restart"}});
    QTest::newRow("Topology") << enumCase<Topology>({{Topology::Mesh, u"mesh"},
                                                     {Topology::Star, u"star"},
                                                     {Topology::Hierarchical, u"hierarchical"},
                                                     {Topology::Ring, u"ring"}});
    QTest::newRow("TaskState") << enumCase<TaskState>({{TaskState::Queued, u"queued"},
                                                       {TaskState::Running, u"running"},
                                                       {TaskState::Deciding, u"deciding"},
                                                       {TaskState::Succeeded, u"succeeded"},
                                                       {TaskState::Failed, u"failed"},
                                                       {TaskState::Cancelled, u"cancelled"},
                                                       {TaskState::TimedOut, u"timed_out"}});
    QTest::newRow("AnswerFormat") << enumCase<AnswerFormat>({{AnswerFormat::FreeText, u"free_text"},
                                                             {AnswerFormat::Choice, u"choice"},
                                                             {AnswerFormat::Number, u"number"},
                                                             {AnswerFormat::Ranking, u"ranking"}});
    QTest::newRow("Routing") << enumCase<Routing>({{Routing::All, u"all"}, {Routing::Adaptive, u"adaptive"}});
    QTest::newRow("ReputationCause") << enumCase<ReputationCause>({{ReputationCause::Agreement, u"agreement"},
                                                                   {ReputationCause::Feedback, u"feedback"},
                                                                   {ReputationCause::Import, u"import"}});
    QTest::newRow("VoteStatus") << enumCase<VoteStatus>({{VoteStatus::Valid, u"valid"},
                                                         {VoteStatus::Abstained, u"abstained"},
                                                         {VoteStatus::Malformed, u"malformed"},
                                                         {VoteStatus::TimedOut, u"timed_out"},
                                                         {VoteStatus::Failed, u"failed"},
                                                         {VoteStatus::Cancelled, u"cancelled"}});
    QTest::newRow("DecisionOutcome") << enumCase<DecisionOutcome>(
        {{DecisionOutcome::Decided, u"decided"}, {DecisionOutcome::NoDecision, u"no_decision"}});
    QTest::newRow("Topic") << enumCase<Topic>({{Topic::Swarms, u"swarms"},
                                               {Topic::Agents, u"agents"},
                                               {Topic::Tasks, u"tasks"},
                                               {Topic::Decisions, u"decisions"},
                                               {Topic::Logs, u"logs"},
                                               {Topic::Audit, u"audit"},
                                               {Topic::Runs, u"runs"}});
    QTest::newRow("RunState") << enumCase<RunState>({{RunState::Running, u"running"},
                                                     {RunState::Paused, u"paused"},
                                                     {RunState::AwaitingApproval, u"awaiting_approval"},
                                                     {RunState::Succeeded, u"succeeded"},
                                                     {RunState::Failed, u"failed"},
                                                     {RunState::Cancelled, u"cancelled"}});
    QTest::newRow("StepState") << enumCase<StepState>({{StepState::Pending, u"pending"},
                                                       {StepState::Running, u"running"},
                                                       {StepState::AwaitingApproval, u"awaiting_approval"},
                                                       {StepState::Succeeded, u"succeeded"},
                                                       {StepState::Skipped, u"skipped"},
                                                       {StepState::Failed, u"failed"},
                                                       {StepState::Cancelled, u"cancelled"}});
    QTest::newRow("ValueType") << enumCase<ValueType>({{ValueType::Text, u"text"},
                                                       {ValueType::Number, u"number"},
                                                       {ValueType::Boolean, u"boolean"},
                                                       {ValueType::List, u"list"}});
    QTest::newRow("StepKind") << enumCase<StepKind>({{StepKind::Task, u"task"}, {StepKind::Approval, u"approval"}});
    QTest::newRow("RunCommand") << enumCase<RunCommand>(
        {{RunCommand::Pause, u"pause"}, {RunCommand::Resume, u"resume"}, {RunCommand::Cancel, u"cancel"}});
    QTest::newRow("ApprovalVerdict") << enumCase<ApprovalVerdict>({{ApprovalVerdict::Approve, u"approve"},
                                                                   {ApprovalVerdict::Edit, u"edit"},
                                                                   {ApprovalVerdict::Reject, u"reject"}});
    QTest::newRow("SwarmChange") << enumCase<SwarmChange>(
        {{SwarmChange::Created, u"created"}, {SwarmChange::Updated, u"updated"}, {SwarmChange::Removed, u"removed"}});
    QTest::newRow("LogLevel") << enumCase<LogLevel>({{LogLevel::Debug, u"debug"},
                                                     {LogLevel::Info, u"info"},
                                                     {LogLevel::Warning, u"warning"},
                                                     {LogLevel::Error, u"error"}});
    QTest::newRow("MetricType") << enumCase<MetricType>(
        {{MetricType::Counter, u"counter"}, {MetricType::Gauge, u"gauge"}, {MetricType::Histogram, u"histogram"}});
    QTest::newRow("ErrorCode") << enumCase<ErrorCode>({{ErrorCode::InvalidArgument, u"invalid_argument"},
                                                       {ErrorCode::NotFound, u"not_found"},
                                                       {ErrorCode::AlreadyExists, u"already_exists"},
                                                       {ErrorCode::InvalidState, u"invalid_state"},
                                                       {ErrorCode::ResourceExhausted, u"resource_exhausted"},
                                                       {ErrorCode::Cancelled, u"cancelled"},
                                                       {ErrorCode::DeadlineExceeded, u"deadline_exceeded"},
                                                       {ErrorCode::NoConsensus, u"no_consensus"},
                                                       {ErrorCode::ProviderError, u"provider_error"},
                                                       {ErrorCode::Unauthenticated, u"unauthenticated"},
                                                       {ErrorCode::PermissionDenied, u"permission_denied"},
                                                       {ErrorCode::Unavailable, u"unavailable"},
                                                       {ErrorCode::Unimplemented, u"unimplemented"},
                                                       {ErrorCode::Internal, u"internal"}});
}

} // namespace

class TestEnumNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nameRoundTrip_data() { addEnumRows(); }
    void nameRoundTrip();
    void unknownNames_data() { addEnumRows(); }
    void unknownNames();
    void nameList_data() { addEnumRows(); }
    void nameList();
    void outOfRangeValueHasPlaceholderName();
    void isTerminal_data();
    void isTerminal();
};

void TestEnumNames::nameRoundTrip()
{
    QFETCH(EnumCase, enumCase);

    // Every enumerator has a name, and there is no name without an enumerator.
    QCOMPARE(enumCase.tableSize, static_cast<std::size_t>(enumCase.expected.size()));
    for (const auto &[value, name] : std::as_const(enumCase.expected)) {
        QCOMPARE(enumCase.name(value), name);
        const std::optional<int> parsed = enumCase.fromName(name);
        QVERIFY2(parsed.has_value(), qPrintable(name));
        QCOMPARE(*parsed, value);
    }
}

void TestEnumNames::unknownNames()
{
    QFETCH(EnumCase, enumCase);

    QVERIFY(!enumCase.fromName(QString()).has_value());
    QVERIFY(!enumCase.fromName(u"no_such_value"_s).has_value());
    QVERIFY(!enumCase.fromName(u"?"_s).has_value());
    for (const auto &entry : std::as_const(enumCase.expected)) {
        const QString &name = entry.second;
        // Names are matched exactly: no case folding, no trimming, no prefixes.
        QVERIFY2(!enumCase.fromName(name.toUpper()).has_value(), qPrintable(name.toUpper()));
        QVERIFY2(!enumCase.fromName(QString(u' ' + name)).has_value(), qPrintable(name));
        QVERIFY2(!enumCase.fromName(QString(name + u' ')).has_value(), qPrintable(name));
        QVERIFY2(!enumCase.fromName(name.left(name.size() - 1)).has_value(), qPrintable(name));
    }
}

void TestEnumNames::nameList()
{
    QFETCH(EnumCase, enumCase);

    QStringList names;
    for (const auto &entry : std::as_const(enumCase.expected))
        names.append(entry.second);
    QCOMPARE(enumCase.nameList(), names.join(u", "_s));
}

void TestEnumNames::outOfRangeValueHasPlaceholderName()
{
    QCOMPARE(enumName(static_cast<AgentRole>(5)).toString(), u"?"_s);
    QCOMPARE(enumName(static_cast<TaskState>(-1)).toString(), u"?"_s);
    QCOMPARE(enumName(static_cast<ErrorCode>(1000)).toString(), u"?"_s);
    QVERIFY(!enumFromName<AgentRole>(u"?").has_value());
}

void TestEnumNames::isTerminal_data()
{
    QTest::addColumn<TaskState>("state");
    QTest::addColumn<bool>("terminal");

    // One row per declared state, so a state added later is covered (and must be listed if terminal).
    const QStringList terminalStates {u"succeeded"_s, u"failed"_s, u"cancelled"_s, u"timed_out"_s};
    const auto &names = EnumNames<TaskState>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const QString name = names[i].toString();
        QTest::newRow(qPrintable(name)) << static_cast<TaskState>(i) << terminalStates.contains(name);
    }
}

void TestEnumNames::isTerminal()
{
    QFETCH(TaskState, state);
    QFETCH(bool, terminal);

    QCOMPARE(QwenSwarm::Api::isTerminal(state), terminal);
}

QTEST_GUILESS_MAIN(TestEnumNames)
#include "tst_enumnames.moc"
