#pragma once

#include <api/event.h>

#include <QString>

#include <optional>

namespace QwenSwarm::Ui {

/// One line of the console's live log: an engine log event, or an agent, task or decision transition
/// told as a line (so the tail shows what the swarm does, not only what it complains about).
struct LogEntry
{
    quint64 seq = 0;
    qint64 timeMs = 0;
    Api::LogLevel level = Api::LogLevel::Info;
    QString source;
    QString message;

    /// The line an event reads as; nullopt for events that are not log material (audit, swarms).
    static std::optional<LogEntry> fromEvent(const Api::Event &event);
    /// "time level source message", as copied to the clipboard.
    QString toText() const;
};

} // namespace QwenSwarm::Ui
