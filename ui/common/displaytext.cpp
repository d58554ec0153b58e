#include "common/displaytext.h"

#include <QColor>
#include <QDateTime>
#include <QJsonValue>
#include <QLocale>

namespace QwenSwarm::Ui {

using namespace Api;

QString DisplayText::agentState(AgentState state)
{
    switch (state) {
    case AgentState::Created:
        return tr("created");
    case AgentState::Idle:
        return tr("idle");
    case AgentState::Busy:
        return tr("busy");
    case AgentState::Paused:
        return tr("paused");
    case AgentState::Draining:
        return tr("draining");
    case AgentState::Stopped:
        return tr("stopped");
    case AgentState::Failed:
        return tr("failed");
    case AgentState::Recovering:
        return tr("recovering");
    }
    return enumName(state).toString();
}

QString DisplayText::agentRole(AgentRole role)
{
    switch (role) {
    case AgentRole::Coordinator:
        return tr("coordinator");
    case AgentRole::Worker:
        return tr("worker");
    case AgentRole::Specialist:
        return tr("specialist");
    case AgentRole::Judge:
        return tr("judge");
    case AgentRole::Critic:
        return tr("critic");
    }
    return enumName(role).toString();
}

QString DisplayText::agentCommand(AgentCommand command)
{
    switch (command) {
    case AgentCommand::Pause:
        return tr("Pause");
    case AgentCommand::Resume:
        return tr("Resume");
    case AgentCommand::Drain:
        return tr("Drain");
    case AgentCommand::Stop:
        return tr("Stop");
    case AgentCommand::Restart:
        return tr("Restart");
    }
    return enumName(command).toString();
}

QString DisplayText::taskState(TaskState state)
{
    switch (state) {
    case TaskState::Queued:
        return tr("queued");
    case TaskState::Running:
        return tr("running");
    case TaskState::Deciding:
        return tr("deciding");
    case TaskState::Succeeded:
        return tr("succeeded");
    case TaskState::Failed:
        return tr("failed");
    case TaskState::Cancelled:
        return tr("cancelled");
    case TaskState::TimedOut:
        return tr("timed out");
    }
    return enumName(state).toString();
}

QColor DisplayText::agentStateColor(AgentState state)
{
    switch (state) {
    case AgentState::Idle:
    case AgentState::Busy:
        return QColor(0x2e, 0x9d, 0x5b);
    case AgentState::Paused:
    case AgentState::Draining:
    case AgentState::Recovering:
    case AgentState::Created:
        return QColor(0xd0, 0x8c, 0x1a);
    case AgentState::Failed:
        return QColor(0xd9, 0x3f, 0x36);
    case AgentState::Stopped:
        return QColor(0x8a, 0x8f, 0x98);
    }
    return {};
}

QString DisplayText::runState(RunState state)
{
    switch (state) {
    case RunState::Running:
        return tr("running");
    case RunState::Paused:
        return tr("paused");
    case RunState::AwaitingApproval:
        return tr("awaiting approval");
    case RunState::Succeeded:
        return tr("succeeded");
    case RunState::Failed:
        return tr("failed");
    case RunState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString DisplayText::stepState(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return tr("pending");
    case StepState::Running:
        return tr("running");
    case StepState::AwaitingApproval:
        return tr("awaiting approval");
    case StepState::Succeeded:
        return tr("succeeded");
    case StepState::Skipped:
        return tr("skipped");
    case StepState::Failed:
        return tr("failed");
    case StepState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QColor DisplayText::taskStateColor(TaskState state)
{
    switch (state) {
    case TaskState::Queued:
        return QColor(0x8a, 0x8f, 0x98);
    case TaskState::Running:
    case TaskState::Deciding:
        return QColor(0x3d, 0x7e, 0xe0);
    case TaskState::Succeeded:
        return QColor(0x2e, 0x9d, 0x5b);
    case TaskState::Failed:
    case TaskState::TimedOut:
        return QColor(0xd9, 0x3f, 0x36);
    case TaskState::Cancelled:
        return QColor(0xd0, 0x8c, 0x1a);
    }
    return {};
}

QString DisplayText::dateTime(qint64 msSinceEpoch)
{
    if (msSinceEpoch == 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toLocalTime(),
                              QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString DisplayText::time(qint64 msSinceEpoch)
{
    if (msSinceEpoch == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString DisplayText::duration(qint64 ms)
{
    const QLocale locale;
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60'000)
        return tr("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString DisplayText::money(double usd)
{
    const int decimals = usd != 0 && usd < 0.01 ? 5 : (usd < 100 ? 4 : 2);
    return tr("$%1").arg(QLocale().toString(usd, 'f', decimals));
}

QString DisplayText::count(double value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

QString DisplayText::percent(double ratio)
{
    return tr("%1%").arg(QLocale().toString(ratio * 100.0, 'f', 0));
}

QString DisplayText::renderedPrompt(const TaskSpec &spec)
{
    QString text = spec.promptTemplate;
    for (auto it = spec.variables.constBegin(); it != spec.variables.constEnd(); ++it) {
        const QJsonValue v = it.value();
        const QString value = v.isString() ? v.toString()
            : v.isDouble()                 ? QLocale::c().toString(v.toDouble(), 'g', 15)
            : v.isBool()                   ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                           : QString();
        text.replace(QString(QStringLiteral("{{") + it.key() + QStringLiteral("}}")), value);
    }
    return text;
}

} // namespace QwenSwarm::Ui
