#include "designer/workflowgraph.h"

#include "designer/designertext.h"

#include <api/workflowexpression.h>

#include <QCoreApplication>
#include <QRegularExpression>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList kBuiltins {u"agent.name"_s, u"agent.index"_s, u"agent.role"_s, u"task.id"_s};

QString portName(const PortRef &port)
{
    switch (port.role) {
    case PortRef::Role::Output:
        return port.nodeKind == PortRef::NodeKind::WorkflowInput ? port.node : port.node + u".output"_s;
    case PortRef::Role::Agreement:
        return port.node + u".agreement"_s;
    case PortRef::Role::Input:
        return port.node + u'.' + port.name;
    case PortRef::Role::MapOver:
        return port.node + u".map.over"_s;
    case PortRef::Role::Condition:
        return port.node + u".condition"_s;
    }
    return port.node;
}

QString renamedReference(const QString &reference, const QHash<QString, QString> &renames)
{
    const QString trimmed = reference.trimmed();
    return renames.contains(trimmed) ? renames.value(trimmed) : reference;
}

void applyRenames(Workflow &workflow, const QHash<QString, QString> &renames)
{
    for (WorkflowStep &step : workflow.steps) {
        for (auto it = step.inputs.begin(); it != step.inputs.end(); ++it)
            it.value() = renamedReference(it.value(), renames);
        if (step.map)
            step.map->over = renamedReference(step.map->over, renames);
        step.condition = WorkflowGraph::renameInCondition(step.condition, renames);
    }
    for (auto it = workflow.outputs.begin(); it != workflow.outputs.end(); ++it)
        it.value() = renamedReference(it.value(), renames);
}

} // namespace

QString PortRef::reference() const
{
    if (nodeKind == NodeKind::WorkflowInput)
        return role == Role::Output ? u"inputs."_s + node : QString();
    if (role == Role::Output)
        return u"steps.%1.output"_s.arg(node);
    if (role == Role::Agreement)
        return u"steps.%1.agreement"_s.arg(node);
    return {};
}

QString PortRef::key() const
{
    return (nodeKind == NodeKind::WorkflowInput ? u"input:"_s : u"step:"_s) + portName(*this);
}

std::optional<PortRef> WorkflowGraph::sourceOf(const QString &reference)
{
    const QStringList parts = reference.trimmed().split(u'.');
    if (parts.size() == 2 && parts[0] == "inputs"_L1 && !parts[1].isEmpty())
        return PortRef::workflowInput(parts[1]);
    if (parts.size() == 3 && parts[0] == "steps"_L1 && !parts[1].isEmpty()) {
        if (parts[2] == "output"_L1)
            return PortRef::output(parts[1]);
        if (parts[2] == "agreement"_L1)
            return PortRef::agreement(parts[1]);
    }
    return std::nullopt;
}

std::optional<ValueType> WorkflowGraph::referenceType(const Workflow &workflow, const QString &reference)
{
    const auto source = sourceOf(reference);
    return source ? sourceType(workflow, *source) : std::nullopt;
}

std::optional<ValueType> WorkflowGraph::sourceType(const Workflow &workflow, const PortRef &source)
{
    if (source.nodeKind == PortRef::NodeKind::WorkflowInput) {
        for (const WorkflowInput &input : workflow.inputs) {
            if (input.name == source.node)
                return input.type;
        }
        return std::nullopt;
    }
    const WorkflowStep *step = workflow.step(source.node);
    if (!step || !source.isSource())
        return std::nullopt;
    if (source.role == PortRef::Role::Agreement)
        return ValueType::Number;
    return step->map ? ValueType::List : ValueType::Text;
}

QList<ValueType> WorkflowGraph::acceptedTypes(const Workflow &workflow, const PortRef &target)
{
    const WorkflowStep *step = workflow.step(target.node);
    if (target.role == PortRef::Role::MapOver)
        return {ValueType::List};
    if (step && step->kind == StepKind::Approval && target.role == PortRef::Role::Input && target.name == "input"_L1)
        return {ValueType::Text}; // the operator reads and edits a text
    return {};
}

QString WorkflowGraph::connectProblem(const Workflow &workflow, const PortRef &from, const PortRef &to)
{
    if (!from.isSource() || to.isSource())
        return DesignerText::tr("Connect an output (on the right of a node) to an input (on the left of a node).");
    const std::optional<ValueType> type = sourceType(workflow, from);
    if (!type)
        return DesignerText::tr("'%1' names nothing in this workflow.").arg(from.reference());
    if (to.nodeKind != PortRef::NodeKind::Step || !workflow.step(to.node))
        return DesignerText::tr("There is no step '%1'.").arg(to.node);
    if (from.nodeKind == PortRef::NodeKind::Step && from.node == to.node)
        return DesignerText::tr("A step cannot read its own output.");
    if (to.role == PortRef::Role::MapOver && !workflow.step(to.node)->map)
        return DesignerText::tr("Step '%1' does not map over a list.").arg(to.node);
    const QList<ValueType> accepted = acceptedTypes(workflow, to);
    if (!accepted.isEmpty() && !accepted.contains(*type)) {
        const QString port = to.role == PortRef::Role::MapOver ? DesignerText::tr("the list to map over") : to.name;
        return DesignerText::tr("%1 of '%2' takes a %3; %4 is a %5.")
            .arg(port, to.node, DesignerText::typeName(accepted.constFirst()), from.reference(),
                 DesignerText::typeName(*type));
    }
    return {};
}

QStringList WorkflowGraph::placeholders(const QString &prompt)
{
    static const QRegularExpression pattern(u"\\{\\{\\s*([^{}]*?)\\s*\\}\\}"_s);
    QStringList names;
    for (auto it = pattern.globalMatch(prompt); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!kBuiltins.contains(name) && !names.contains(name))
            names.append(name);
    }
    return names;
}

QStringList WorkflowGraph::inputNames(const WorkflowStep &step)
{
    QStringList names = step.inputs.keys();
    if (step.kind == StepKind::Approval && !names.contains(u"input"_s))
        names.append(u"input"_s);
    if (step.kind != StepKind::Task)
        return names;
    for (const QString &name : placeholders(step.prompt)) {
        const bool mapName = step.map && (name == step.map->as || name == "index"_L1);
        if (!mapName && !names.contains(name) && isIdentifier(name))
            names.append(name);
    }
    return names;
}

QStringList WorkflowGraph::variableNames(const WorkflowStep &step)
{
    QStringList names = step.inputs.keys();
    if (step.map)
        names << step.map->as << u"index"_s;
    return names + kBuiltins;
}

QList<PortConnection> WorkflowGraph::connections(const Workflow &workflow)
{
    QList<PortConnection> found;
    auto add = [&](const QString &reference, const PortRef &to) {
        const auto from = sourceOf(reference);
        if (!from)
            return;
        PortConnection connection {*from, to, reference.trimmed(), sourceType(workflow, *from), false};
        const QList<ValueType> accepted = acceptedTypes(workflow, to);
        connection.typeMismatch = connection.type && !accepted.isEmpty() && !accepted.contains(*connection.type);
        found.append(connection);
    };
    for (const WorkflowStep &step : workflow.steps) {
        for (auto it = step.inputs.begin(); it != step.inputs.end(); ++it)
            add(it.value(), PortRef::input(step.id, it.key()));
        if (step.map)
            add(step.map->over, PortRef::mapOver(step.id));
        if (!step.condition.trimmed().isEmpty()) {
            if (const auto expression = WorkflowExpression::parse(step.condition)) {
                for (const QString &reference : expression->references())
                    add(reference, PortRef::condition(step.id));
            }
        }
    }
    return found;
}

QStringList WorkflowGraph::sourceReferences(const Workflow &workflow, std::optional<ValueType> onlyType)
{
    QStringList references;
    for (const WorkflowInput &input : workflow.inputs) {
        if (!onlyType || input.type == *onlyType)
            references.append(u"inputs."_s + input.name);
    }
    for (const WorkflowStep &step : workflow.steps) {
        const ValueType output = step.map ? ValueType::List : ValueType::Text;
        if (!onlyType || output == *onlyType)
            references.append(u"steps.%1.output"_s.arg(step.id));
        if (!onlyType || *onlyType == ValueType::Number)
            references.append(u"steps.%1.agreement"_s.arg(step.id));
    }
    return references;
}

bool WorkflowGraph::isIdentifier(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z][A-Za-z0-9_]{0,63}$"_s);
    return pattern.match(name).hasMatch();
}

QString WorkflowGraph::uniqueStepId(const Workflow &workflow, const QString &base, const QStringList &taken)
{
    QString stem = base;
    stem.replace(QRegularExpression(u"[^A-Za-z0-9_]"_s), u"_"_s);
    if (stem.isEmpty() || !stem.at(0).isLetter() || stem.at(0).unicode() > 127)
        stem.prepend(u"step_"_s);
    stem.truncate(56);
    auto free = [&](const QString &id) { return !workflow.step(id) && !taken.contains(id); };
    if (free(stem))
        return stem;
    // "plan_2" pasted again becomes "plan_3", not "plan_2_2".
    static const QRegularExpression numbered(u"^(.*)_(\\d+)$"_s);
    if (const auto match = numbered.match(stem); match.hasMatch())
        stem = match.captured(1);
    for (int n = 2;; ++n) {
        const QString id = u"%1_%2"_s.arg(stem).arg(n);
        if (free(id))
            return id;
    }
}

QString WorkflowGraph::bindingNameFor(const WorkflowStep &step, const QString &reference)
{
    const auto source = sourceOf(reference);
    QString stem = u"value"_s;
    if (source)
        stem = source->role == PortRef::Role::Agreement ? source->node + u"_agreement"_s : source->node;
    if (!isIdentifier(stem))
        stem = u"value"_s;
    auto free = [&](const QString &name) {
        return !step.inputs.contains(name) && name != "index"_L1 && !(step.map && step.map->as == name);
    };
    if (free(stem))
        return stem;
    for (int n = 2;; ++n) {
        const QString name = u"%1_%2"_s.arg(stem).arg(n);
        if (free(name))
            return name;
    }
}

void WorkflowGraph::renameStep(Workflow &workflow, const QString &from, const QString &to)
{
    renameSteps(workflow, {{from, to}});
}

void WorkflowGraph::renameSteps(Workflow &workflow, const QHash<QString, QString> &ids)
{
    QHash<QString, QString> references;
    for (auto it = ids.begin(); it != ids.end(); ++it) {
        references.insert(u"steps.%1.output"_s.arg(it.key()), u"steps.%1.output"_s.arg(it.value()));
        references.insert(u"steps.%1.agreement"_s.arg(it.key()), u"steps.%1.agreement"_s.arg(it.value()));
    }
    applyRenames(workflow, references);
}

void WorkflowGraph::renameInput(Workflow &workflow, const QString &from, const QString &to)
{
    applyRenames(workflow, {{u"inputs."_s + from, u"inputs."_s + to}});
}

QString WorkflowGraph::renameInCondition(const QString &condition, const QHash<QString, QString> &renames)
{
    QString out;
    out.reserve(condition.size());
    auto isTokenChar = [](QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'.'; };
    for (qsizetype i = 0; i < condition.size();) {
        const QChar c = condition.at(i);
        if (c == u'"' || c == u'\'') { // a text: copied as it is, escapes included
            const qsizetype start = i++;
            while (i < condition.size() && condition.at(i) != c)
                i += condition.at(i) == u'\\' ? 2 : 1;
            i = std::min(i + 1, condition.size());
            out += condition.mid(start, i - start);
        } else if (isTokenChar(c)) {
            const qsizetype start = i;
            while (i < condition.size() && isTokenChar(condition.at(i)))
                ++i;
            const QString token = condition.mid(start, i - start);
            out += renames.value(token, token);
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

} // namespace QwenSwarm::Ui
