#pragma once

#include <api/workflow.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace QwenSwarm::Ui {

/// One port of a node in the designer. Sources are a workflow input's value (node = the input's
/// name) and a step's "output" and "agreement"; targets are a step's bound names (Input, `name`
/// the name), a map step's list (MapOver) and its condition (Condition).
struct PortRef
{
    enum class NodeKind
    {
        WorkflowInput,
        Step,
    };
    enum class Role
    {
        Output,
        Agreement,
        Input,
        MapOver,
        Condition,
    };

    NodeKind nodeKind = NodeKind::Step;
    QString node;
    Role role = Role::Output;
    QString name;

    static PortRef workflowInput(const QString &name) { return {NodeKind::WorkflowInput, name, Role::Output, {}}; }
    static PortRef output(const QString &step) { return {NodeKind::Step, step, Role::Output, {}}; }
    static PortRef agreement(const QString &step) { return {NodeKind::Step, step, Role::Agreement, {}}; }
    static PortRef input(const QString &step, const QString &name) { return {NodeKind::Step, step, Role::Input, name}; }
    static PortRef mapOver(const QString &step) { return {NodeKind::Step, step, Role::MapOver, {}}; }
    static PortRef condition(const QString &step) { return {NodeKind::Step, step, Role::Condition, {}}; }

    bool isSource() const { return role == Role::Output || role == Role::Agreement; }
    /// The reference a source port stands for ("inputs.goal", "steps.plan.output"); empty for targets.
    QString reference() const;
    /// A key naming the port uniquely in its workflow (for lookups and selection).
    QString key() const;
    bool operator==(const PortRef &) const = default;
};

/// A drawn data flow: a reference read by a step's binding, map or condition.
struct PortConnection
{
    PortRef from;
    PortRef to;
    QString reference;
    std::optional<Api::ValueType> type; ///< What flows; empty when the reference names nothing.
    bool typeMismatch = false; ///< The target cannot take this type (a loaded file may say so).

    bool operator==(const PortConnection &) const = default;
};

/// The designer's view of a workflow as a graph of typed ports, pure functions over Api::Workflow.
class WorkflowGraph
{
public:
    /// The source port a reference names, or nothing when it is not a reference.
    static std::optional<PortRef> sourceOf(const QString &reference);
    /// The type of what a reference names in `workflow`, or nothing when it names nothing.
    static std::optional<Api::ValueType> referenceType(const Api::Workflow &workflow, const QString &reference);
    /// The type a source port carries in `workflow`.
    static std::optional<Api::ValueType> sourceType(const Api::Workflow &workflow, const PortRef &source);
    /// The types a target port takes; empty means any.
    static QList<Api::ValueType> acceptedTypes(const Api::Workflow &workflow, const PortRef &target);
    /// Why `from` cannot be connected to `to` (direction, a step reading itself, types); empty when
    /// it can.
    static QString connectProblem(const Api::Workflow &workflow, const PortRef &from, const PortRef &to);

    /// The input ports of a step, in order: its bound names, then the prompt's placeholders nothing
    /// binds yet (so an unbound name is a port waiting for a connection).
    static QStringList inputNames(const Api::WorkflowStep &step);
    /// The names the step's prompt may use: bound names, the map's element and {{index}}, and the
    /// engine's built-ins.
    static QStringList variableNames(const Api::WorkflowStep &step);
    /// The placeholders of a prompt, without the engine's built-ins, each once.
    static QStringList placeholders(const QString &prompt);
    /// Every connection of the workflow: bindings, map lists and condition references.
    static QList<PortConnection> connections(const Api::Workflow &workflow);
    /// The references of the workflow's sources, for pickers ("inputs.goal", "steps.plan.output", ...).
    static QStringList sourceReferences(const Api::Workflow &workflow, std::optional<Api::ValueType> onlyType = {});

    static bool isIdentifier(const QString &name);
    /// `base` made an identifier that no step of `workflow` (nor `taken`) has yet: base, base_2, ...
    static QString uniqueStepId(const Api::Workflow &workflow, const QString &base, const QStringList &taken = {});
    /// A name for a new binding of `step` that reads `reference`: the source's name, made unique.
    static QString bindingNameFor(const Api::WorkflowStep &step, const QString &reference);
    /// Rewrites every reference to step `from` into one to step `to` (bindings, maps, conditions, outputs).
    static void renameStep(Api::Workflow &workflow, const QString &from, const QString &to);
    /// renameStep() for several steps at once (old id -> new id), so that renames do not chain.
    static void renameSteps(Api::Workflow &workflow, const QHash<QString, QString> &ids);
    /// Rewrites every reference to input `from` into one to input `to`.
    static void renameInput(Api::Workflow &workflow, const QString &from, const QString &to);
    /// `condition` with each reference that is a key of `renames` replaced by its value (texts in
    /// quotes are left alone).
    static QString renameInCondition(const QString &condition, const QHash<QString, QString> &renames);
};

} // namespace QwenSwarm::Ui
