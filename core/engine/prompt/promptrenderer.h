#pragma once

#include <api/error.h>
#include <api/ids.h>

#include <QJsonObject>

namespace QwenSwarm::Engine {

/// Fills "{{name}}" placeholders. Names are looked up in the task's variables, except these built-ins:
/// {{agent.name}}, {{agent.index}} (position in its swarm, from 0), {{agent.role}}, {{task.id}}.
/// Strings are inserted as they are, numbers in their shortest form, other JSON values compactly.
class PromptRenderer
{
public:
    struct AgentContext
    {
        QString name;
        int index = 0;
        QString role;
        Api::TaskId taskId;
    };

    /// InvalidArgument naming the first placeholder that is unterminated or has no variable.
    static Api::Result<void> check(const QString &promptTemplate, const QJsonObject &variables);
    static QString render(const QString &promptTemplate, const QJsonObject &variables, const AgentContext &agent);
};

} // namespace QwenSwarm::Engine
