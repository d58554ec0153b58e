#pragma once

#include <api/agent.h>
#include <api/task.h>
#include <api/workflow.h>

#include <QCoreApplication>
#include <QString>

namespace QwenSwarm::Ui {

/// How values read on screen: translated state and role names, times, durations, money.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    static QString agentState(Api::AgentState state);
    static QString agentRole(Api::AgentRole role);
    static QString agentCommand(Api::AgentCommand command);
    static QString taskState(Api::TaskState state);
    static QString runState(Api::RunState state);
    static QString stepState(Api::StepState state);
    /// A colour that marks a state in tables (green working, amber waiting, red failed, grey stopped).
    static QColor agentStateColor(Api::AgentState state);
    static QColor taskStateColor(Api::TaskState state);
    /// Local date and time of a UTC millisecond timestamp; empty for 0.
    static QString dateTime(qint64 msSinceEpoch);
    static QString time(qint64 msSinceEpoch);
    /// "850 ms", "12.4 s", "3 min 5 s", "2 h 10 min".
    static QString duration(qint64 ms);
    static QString money(double usd);
    static QString count(double value);
    static QString percent(double ratio);
    /// The prompt with its {{variables}} filled in, as the agents see it (per-agent placeholders stay).
    static QString renderedPrompt(const Api::TaskSpec &spec);
};

} // namespace QwenSwarm::Ui
