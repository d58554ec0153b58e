#include "logs/logentry.h"

#include <api/enumnames.h>

#include <QCoreApplication>
#include <QDateTime>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

class Lines
{
    Q_DECLARE_TR_FUNCTIONS(LogEntry)

public:
    static LogEntry from(const LogEvent &e) { return {0, 0, e.level, e.source, e.message}; }

    static LogEntry from(const AgentEvent &e)
    {
        const bool routine = (e.from == AgentState::Idle && e.to == AgentState::Busy)
            || (e.from == AgentState::Busy && e.to == AgentState::Idle); // every call: detail, not news
        const LogLevel level = e.to == AgentState::Failed ? LogLevel::Error
            : routine                                     ? LogLevel::Debug
                                                          : LogLevel::Info;
        QString text = e.removed
            ? tr("agent #%1 removed").arg(e.agentId.value)
            : tr("agent #%1: %2 → %3").arg(e.agentId.value).arg(enumName(e.from).toString(), enumName(e.to).toString());
        if (!e.cause.isEmpty())
            text += QStringLiteral(" (") + e.cause + u')';
        return {0, 0, level, QStringLiteral("agents"), text};
    }

    static LogEntry from(const TaskEvent &e)
    {
        LogLevel level = LogLevel::Debug;
        if (e.to == TaskState::Failed || e.to == TaskState::TimedOut)
            level = LogLevel::Warning;
        else if (e.to == TaskState::Succeeded || e.to == TaskState::Cancelled)
            level = LogLevel::Info;
        QString text = tr("task #%1: %2 → %3, attempt %4")
                           .arg(e.taskId.value)
                           .arg(enumName(e.from).toString(), enumName(e.to).toString())
                           .arg(e.attempt);
        if (!e.cause.isEmpty())
            text += QStringLiteral(" (") + e.cause + u')';
        return {0, 0, level, QStringLiteral("tasks"), text};
    }

    static LogEntry from(const RunEvent &e)
    {
        const bool failed = e.stepId.isEmpty() ? e.runState == RunState::Failed : e.stepState == StepState::Failed;
        QString text = e.stepId.isEmpty()
            ? tr("run #%1 (%2): %3").arg(e.runId.value).arg(e.workflow, enumName(e.runState).toString())
            : tr("run #%1 (%2), step %3: %4")
                  .arg(e.runId.value)
                  .arg(e.workflow, e.stepId, enumName(e.stepState).toString());
        if (!e.cause.isEmpty())
            text += QStringLiteral(" (") + e.cause + u')';
        return {0, 0, failed ? LogLevel::Warning : LogLevel::Info, QStringLiteral("runs"), text};
    }

    static LogEntry from(const DecisionEvent &e)
    {
        const bool decided = e.outcome == DecisionOutcome::Decided;
        const QString text = decided ? tr("decision #%1 for task #%2: \"%3\", %4% agreement")
                                           .arg(e.decisionId.value)
                                           .arg(e.taskId.value)
                                           .arg(e.answer.left(120))
                                           .arg(qRound(e.agreement * 100))
                                     : tr("decision #%1 for task #%2: %3")
                                           .arg(e.decisionId.value)
                                           .arg(e.taskId.value)
                                           .arg(enumName(e.outcome).toString());
        return {0, 0, decided ? LogLevel::Info : LogLevel::Warning, QStringLiteral("decisions"), text};
    }
};

} // namespace

std::optional<LogEntry> LogEntry::fromEvent(const Event &event)
{
    std::optional<LogEntry> entry = std::visit(
        [](const auto &payload) -> std::optional<LogEntry> {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, SwarmEvent> || std::is_same_v<T, AuditEvent>)
                return std::nullopt;
            else
                return Lines::from(payload);
        },
        event.payload);
    if (entry) {
        entry->seq = event.seq;
        entry->timeMs = event.timeMs;
    }
    return entry;
}

QString LogEntry::toText() const
{
    return QDateTime::fromMSecsSinceEpoch(timeMs).toString(Qt::ISODateWithMs) + u' '
        + enumName(level).toString().toUpper() + u' ' + source + u' ' + message;
}

} // namespace QwenSwarm::Ui
