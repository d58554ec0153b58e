#pragma once

#include <api/workflow.h>

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace QwenSwarm::Ui {

/// What changed in one step that both versions have: the file members that differ ("prompt",
/// "inputs", "position", ...), with the step as each version writes it.
struct StepChange
{
    QString id;
    QStringList members;
    QJsonObject before;
    QJsonObject after;

    bool operator==(const StepChange &) const = default;
};

/// The difference between two versions of a workflow, by step id.
struct WorkflowDiff
{
    QStringList added; ///< Steps only the newer version has, in its order.
    QStringList removed; ///< Steps only the older version has, in its order.
    QList<StepChange> changed; ///< Steps both have that differ, in the newer version's order.
    /// Workflow members that differ: "name", "revision", "description", "inputs", "outputs".
    QStringList workflowMembers;

    bool isEmpty() const
    {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && workflowMembers.isEmpty();
    }
    const StepChange *change(const QString &id) const;
    bool operator==(const WorkflowDiff &) const = default;
};

struct WorkflowDiffOptions
{
    bool ignorePositions = false; ///< A step that only moved is not changed.
};

/// Compares `before` with `after` member by member, as the file format writes them, so the members
/// named are the file's ("timeout_ms", "map", "strategy"). Pure.
WorkflowDiff diffWorkflows(const Api::Workflow &before, const Api::Workflow &after,
                           const WorkflowDiffOptions &options = {});

} // namespace QwenSwarm::Ui
