#pragma once

#include <api/task.h>

#include <QString>

namespace QwenSwarm::Remote {

/// A task as a server answers it (taskWireJson()), written straight from its members: the very
/// text QJsonDocument writes for that object, without building it first. A server answers every
/// submitted task with one.
QString writeTaskText(const Api::Task &task);
/// Characters to reserve for one task's text: a queued task's, with room to spare.
inline constexpr qsizetype taskTextReserve = 320;
/// The same, appended to `out` (a list of tasks is written into one string).
void writeTaskText(QString &out, const Api::Task &task);

/// A spec as a client sends it (see Calls::TasksSubmit): without the members that equal their
/// defaults, appended to `out` as QJsonDocument writes that object.
void writeSentSpecText(QString &out, const Api::TaskSpec &spec);

} // namespace QwenSwarm::Remote
