#include "agents/agentlifecycle.h"

#include <testsupport.h>

#include <QTest>

#include <map>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using Api::AgentCommand;
using Api::AgentState;

namespace {

const AgentState allStates[] = {AgentState::Created,  AgentState::Idle,    AgentState::Busy,   AgentState::Paused,
                                AgentState::Draining, AgentState::Stopped, AgentState::Failed, AgentState::Recovering};
const AgentCommand allCommands[]
    = {AgentCommand::Pause, AgentCommand::Resume, AgentCommand::Drain, AgentCommand::Stop, AgentCommand::Restart};

// The documented transitions (DESIGN.md section 5): the state an accepted command leads to, given whether
// calls are still in flight. Every pair missing here is refused.
std::optional<AgentState> expectedAfter(AgentState state, AgentCommand command, bool callsInFlight)
{
    switch (command) {
    case AgentCommand::Pause:
        if (state == AgentState::Idle || state == AgentState::Busy)
            return AgentState::Paused;
        return std::nullopt;
    case AgentCommand::Resume:
        if (state == AgentState::Paused)
            return callsInFlight ? AgentState::Busy : AgentState::Idle;
        return std::nullopt;
    case AgentCommand::Drain:
        if (state == AgentState::Idle || state == AgentState::Busy || state == AgentState::Paused)
            return callsInFlight ? AgentState::Draining : AgentState::Stopped;
        return std::nullopt;
    case AgentCommand::Stop:
        if (state == AgentState::Stopped || state == AgentState::Created)
            return std::nullopt;
        return AgentState::Stopped;
    case AgentCommand::Restart:
        if (state == AgentState::Stopped || state == AgentState::Failed)
            return AgentState::Recovering;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

class TestAgentLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void command_data();
    void command();
    void refusalNamesCommandAndState();
    void afterCallStarted_data();
    void afterCallStarted();
    void afterCallFinished_data();
    void afterCallFinished();
    void afterRecovered_data();
    void afterRecovered();
    void acceptsWork_data();
    void acceptsWork();
    void drainedAgentStopsWhenLastCallFinishes();
};

void TestAgentLifecycle::command_data()
{
    QTest::addColumn<AgentState>("state");
    QTest::addColumn<AgentCommand>("command");
    QTest::addColumn<int>("inFlight");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<AgentState>("next");

    for (AgentState state : allStates) {
        for (AgentCommand command : allCommands) {
            for (int inFlight : {0, 2}) {
                const std::optional<AgentState> next = expectedAfter(state, command, inFlight > 0);
                QTest::addRow("%s/%s/in_flight=%d", qPrintable(Api::enumName(command).toString()),
                              qPrintable(Api::enumName(state).toString()), inFlight)
                    << state << command << inFlight << next.has_value() << next.value_or(AgentState::Created);
            }
        }
    }
}

void TestAgentLifecycle::command()
{
    QFETCH(AgentState, state);
    QFETCH(AgentCommand, command);
    QFETCH(int, inFlight);
    QFETCH(bool, accepted);
    QFETCH(AgentState, next);

    const Api::Result<AgentState> result = AgentLifecycle::afterCommand(state, command, inFlight);
    if (accepted) {
        QS_VERIFY_OK(result);
        QCOMPARE(Api::enumName(result.value()).toString(), Api::enumName(next).toString());
        return;
    }
    QS_VERIFY_ERROR(result, Api::ErrorCode::InvalidState);
    const QString message = result.error().message;
    QVERIFY2(message.contains(Api::enumName(command)), qPrintable(message));
    QVERIFY2(message.contains(Api::enumName(state)), qPrintable(message));
}

void TestAgentLifecycle::refusalNamesCommandAndState()
{
    const auto result = AgentLifecycle::afterCommand(AgentState::Stopped, AgentCommand::Resume, 0);
    QS_VERIFY_ERROR(result, Api::ErrorCode::InvalidState);
    QCOMPARE(result.error().details.value(u"state"_s).toString(), u"stopped"_s);
    QCOMPARE(result.error().details.value(u"command"_s).toString(), u"resume"_s);
}

void TestAgentLifecycle::afterCallStarted_data()
{
    QTest::addColumn<AgentState>("state");
    QTest::addColumn<AgentState>("expected");

    QTest::newRow("idle becomes busy") << AgentState::Idle << AgentState::Busy;
    QTest::newRow("busy stays busy") << AgentState::Busy << AgentState::Busy;
    QTest::newRow("paused stays paused") << AgentState::Paused << AgentState::Paused;
    QTest::newRow("draining stays draining") << AgentState::Draining << AgentState::Draining;
    QTest::newRow("recovering stays recovering") << AgentState::Recovering << AgentState::Recovering;
}

void TestAgentLifecycle::afterCallStarted()
{
    QFETCH(AgentState, state);
    QFETCH(AgentState, expected);
    QCOMPARE(Api::enumName(AgentLifecycle::afterCallStarted(state)).toString(), Api::enumName(expected).toString());
}

void TestAgentLifecycle::afterCallFinished_data()
{
    QTest::addColumn<AgentState>("state");
    QTest::addColumn<int>("remaining");
    QTest::addColumn<AgentState>("expected");

    QTest::newRow("busy, last call") << AgentState::Busy << 0 << AgentState::Idle;
    QTest::newRow("busy, calls remain") << AgentState::Busy << 1 << AgentState::Busy;
    QTest::newRow("draining, last call") << AgentState::Draining << 0 << AgentState::Stopped;
    QTest::newRow("draining, calls remain") << AgentState::Draining << 3 << AgentState::Draining;
    QTest::newRow("paused, last call") << AgentState::Paused << 0 << AgentState::Paused;
    QTest::newRow("stopped, last call") << AgentState::Stopped << 0 << AgentState::Stopped;
    QTest::newRow("failed, last call") << AgentState::Failed << 0 << AgentState::Failed;
}

void TestAgentLifecycle::afterCallFinished()
{
    QFETCH(AgentState, state);
    QFETCH(int, remaining);
    QFETCH(AgentState, expected);
    QCOMPARE(Api::enumName(AgentLifecycle::afterCallFinished(state, remaining)).toString(),
             Api::enumName(expected).toString());
}

void TestAgentLifecycle::afterRecovered_data()
{
    QTest::addColumn<AgentState>("state");
    QTest::addColumn<AgentState>("expected");

    QTest::newRow("recovering becomes idle") << AgentState::Recovering << AgentState::Idle;
    QTest::newRow("created becomes idle") << AgentState::Created << AgentState::Idle;
    QTest::newRow("stopped while recovering stays stopped") << AgentState::Stopped << AgentState::Stopped;
    QTest::newRow("failed stays failed") << AgentState::Failed << AgentState::Failed;
    QTest::newRow("paused stays paused") << AgentState::Paused << AgentState::Paused;
}

void TestAgentLifecycle::afterRecovered()
{
    QFETCH(AgentState, state);
    QFETCH(AgentState, expected);
    QCOMPARE(Api::enumName(AgentLifecycle::afterRecovered(state)).toString(), Api::enumName(expected).toString());
}

void TestAgentLifecycle::acceptsWork_data()
{
    QTest::addColumn<AgentState>("state");
    QTest::addColumn<bool>("accepts");

    const std::map<AgentState, bool> accepts {{AgentState::Idle, true}, {AgentState::Busy, true}};
    for (AgentState state : allStates) {
        const auto it = accepts.find(state);
        QTest::addRow("%s", qPrintable(Api::enumName(state).toString())) << state << (it != accepts.end());
    }
}

void TestAgentLifecycle::acceptsWork()
{
    QFETCH(AgentState, state);
    QFETCH(bool, accepts);
    QCOMPARE(AgentLifecycle::acceptsWork(state), accepts);
}

void TestAgentLifecycle::drainedAgentStopsWhenLastCallFinishes()
{
    // An operator drains a busy agent with two calls in flight: it takes no new work, finishes both, then stops.
    AgentState state = AgentState::Idle;
    state = AgentLifecycle::afterCallStarted(state);
    state = AgentLifecycle::afterCallStarted(state);
    QCOMPARE(state, AgentState::Busy);

    const auto drained = AgentLifecycle::afterCommand(state, AgentCommand::Drain, 2);
    QS_VERIFY_OK(drained);
    state = drained.value();
    QCOMPARE(state, AgentState::Draining);
    QVERIFY(!AgentLifecycle::acceptsWork(state));

    state = AgentLifecycle::afterCallFinished(state, 1);
    QCOMPARE(state, AgentState::Draining);
    state = AgentLifecycle::afterCallFinished(state, 0);
    QCOMPARE(state, AgentState::Stopped);

    const auto restarted = AgentLifecycle::afterCommand(state, AgentCommand::Restart, 0);
    QS_VERIFY_OK(restarted);
    QCOMPARE(restarted.value(), AgentState::Recovering);
    QCOMPARE(AgentLifecycle::afterRecovered(restarted.value()), AgentState::Idle);
}

QTEST_GUILESS_MAIN(TestAgentLifecycle)
#include "tst_agentlifecycle.moc"
