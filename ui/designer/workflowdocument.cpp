#include "designer/workflowdocument.h"

#include "designer/workflowedit.h"

#include <api/jsonworkflow.h>
#include <api/workflowexpression.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUndoStack>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Removes every reference to one of `steps` from bindings, maps and outputs (a condition keeps its
/// text: it is not a connection one can half remove, validation names what it still reads).
void dropReferencesTo(Workflow &workflow, const QStringList &steps)
{
    auto readsRemoved = [&](const QString &reference) {
        const auto source = WorkflowGraph::sourceOf(reference);
        return source && source->nodeKind == PortRef::NodeKind::Step && steps.contains(source->node);
    };
    for (WorkflowStep &step : workflow.steps) {
        step.inputs.removeIf([&](const auto &it) { return readsRemoved(it.value()); });
        if (step.map && readsRemoved(step.map->over))
            step.map->over.clear();
    }
    workflow.outputs.removeIf([&](const auto &it) { return readsRemoved(it.value()); });
}

void unbind(Workflow &workflow, const PortRef &target)
{
    for (WorkflowStep &step : workflow.steps) {
        if (step.id != target.node)
            continue;
        switch (target.role) {
        case PortRef::Role::Input:
            step.inputs.remove(target.name);
            break;
        case PortRef::Role::MapOver:
            if (step.map)
                step.map->over.clear();
            break;
        case PortRef::Role::Condition:
            step.condition.clear();
            break;
        case PortRef::Role::Output:
        case PortRef::Role::Agreement:
            break;
        }
    }
}

qsizetype indexOf(const Workflow &workflow, const QString &id)
{
    for (qsizetype i = 0; i < workflow.steps.size(); ++i) {
        if (workflow.steps.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace

WorkflowDocument::WorkflowDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, &WorkflowDocument::fileStateChanged);
    m_workflow.name = u"untitled"_s;
}

WorkflowDocument::~WorkflowDocument()
{
    disconnect(m_undo, nullptr, this, nullptr);
}

bool WorkflowDocument::isModified() const
{
    return !m_undo->isClean();
}

QString WorkflowDocument::displayName() const
{
    return m_path.isEmpty() ? tr("untitled") : QFileInfo(m_path).fileName();
}

void WorkflowDocument::newWorkflow()
{
    Workflow workflow;
    workflow.name = u"untitled"_s;
    reset(workflow);
}

void WorkflowDocument::reset(const Workflow &workflow, const QString &path)
{
    m_undo->clear();
    m_undo->setClean();
    m_workflow = workflow;
    m_path = path;
    closeMergeWindow();
    Q_EMIT reloaded();
    Q_EMIT changed();
    Q_EMIT fileStateChanged();
}

Result<Workflow> WorkflowDocument::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, tr("Cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidArgument,
                         tr("%1 is not JSON: %2 at offset %3").arg(path, error.errorString()).arg(error.offset));
    if (!document.isObject())
        return makeError(ErrorCode::InvalidArgument, tr("%1 is not a workflow file.").arg(path));
    return workflowFromJson(document.object());
}

Result<void> WorkflowDocument::load(const QString &path)
{
    auto workflow = readFile(path);
    if (!workflow)
        return workflow.error();
    reset(*workflow, QFileInfo(path).absoluteFilePath());
    return {};
}

Result<void> WorkflowDocument::save(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Unavailable, tr("Cannot write %1: %2").arg(path, file.errorString()));
    file.write(QJsonDocument(workflowToJson(m_workflow)).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return makeError(ErrorCode::Unavailable, tr("Cannot write %1: %2").arg(path, file.errorString()));
    m_path = QFileInfo(path).absoluteFilePath();
    m_undo->setClean();
    closeMergeWindow();
    Q_EMIT fileStateChanged();
    return {};
}

void WorkflowDocument::apply(const Workflow &workflow)
{
    m_workflow = workflow;
    Q_EMIT changed();
}

void WorkflowDocument::push(const QString &text, const Workflow &after, int kind, const QString &mergeKey)
{
    if (after == m_workflow)
        return;
    m_undo->push(new WorkflowEdit(*this, text, m_workflow, after, WorkflowEdit::Kind(kind), mergeKey));
}

QString WorkflowDocument::addStep(StepKind kind, bool map, QPointF at, const QString &defaultSwarm)
{
    WorkflowStep step;
    step.kind = kind;
    const QString base = kind == StepKind::Approval ? u"approval"_s : map ? u"map"_s : u"task"_s;
    step.id = WorkflowGraph::uniqueStepId(m_workflow, base);
    step.x = at.x();
    step.y = at.y();
    if (kind == StepKind::Task) {
        step.swarm = defaultSwarm;
        if (map)
            step.map = StepMap {};
    }
    Workflow after = m_workflow;
    after.steps.append(step);
    push(tr("Add step %1").arg(step.id), after);
    return step.id;
}

void WorkflowDocument::addSteps(const QList<WorkflowStep> &steps, const QString &text)
{
    Workflow after = m_workflow;
    for (const WorkflowStep &step : steps) {
        if (!after.step(step.id))
            after.steps.append(step);
    }
    push(text, after);
}

void WorkflowDocument::remove(const QStringList &stepIds, const QList<PortRef> &targets)
{
    Workflow after = m_workflow;
    after.steps.removeIf([&](const WorkflowStep &step) { return stepIds.contains(step.id); });
    dropReferencesTo(after, stepIds);
    for (const PortRef &target : targets)
        unbind(after, target);
    const QString text = stepIds.isEmpty()         ? tr("Disconnect %n input(s)", nullptr, int(targets.size()))
        : stepIds.size() == 1 && targets.isEmpty() ? tr("Remove step %1").arg(stepIds.constFirst())
                                                   : tr("Remove %n step(s)", nullptr, int(stepIds.size()));
    push(text, after);
}

void WorkflowDocument::moveSteps(const QHash<QString, QPointF> &positions, bool nudge, const QString &text)
{
    Workflow after = m_workflow;
    for (WorkflowStep &step : after.steps) {
        if (positions.contains(step.id)) {
            step.x = positions.value(step.id).x();
            step.y = positions.value(step.id).y();
        }
    }
    QStringList ids = positions.keys();
    ids.sort();
    const QString label = !text.isEmpty() ? text
        : ids.size() == 1                 ? tr("Move step %1").arg(ids.constFirst())
                                          : tr("Move %n step(s)", nullptr, int(ids.size()));
    push(label, after, nudge ? WorkflowEdit::Move : WorkflowEdit::Structure, ids.join(u','));
}

bool WorkflowDocument::connectPorts(const PortRef &from, const PortRef &to, QString *problem)
{
    QString why = WorkflowGraph::connectProblem(m_workflow, from, to);
    const WorkflowStep *target = m_workflow.step(to.node);
    if (why.isEmpty() && to.role == PortRef::Role::Input && !to.name.isEmpty()
        && (!WorkflowGraph::isIdentifier(to.name) || to.name == "index"_L1
            || (target->map && target->map->as == to.name)))
        why = tr("'%1' cannot be bound: it is not an identifier or is the map's own name.").arg(to.name);
    if (!why.isEmpty()) {
        if (problem)
            *problem = why;
        return false;
    }
    Workflow after = m_workflow;
    WorkflowStep &step = after.steps[indexOf(after, to.node)];
    const QString reference = from.reference();
    QString bound = to.name;
    switch (to.role) {
    case PortRef::Role::Input:
        if (bound.isEmpty() && std::find(step.inputs.cbegin(), step.inputs.cend(), reference) != step.inputs.cend())
            return true; // dropped on the node again: it already reads this
        if (bound.isEmpty())
            bound = WorkflowGraph::bindingNameFor(step, reference);
        step.inputs.insert(bound, reference);
        break;
    case PortRef::Role::MapOver:
        step.map->over = reference;
        bound = u"map"_s;
        break;
    case PortRef::Role::Condition:
        bound = u"condition"_s;
        if (step.condition.trimmed().isEmpty())
            step.condition = reference;
        else if (const auto parsed = WorkflowExpression::parse(step.condition);
                 !parsed || !parsed->references().contains(reference))
            step.condition = u"(%1) && %2"_s.arg(step.condition.trimmed(), reference);
        break;
    case PortRef::Role::Output:
    case PortRef::Role::Agreement:
        break;
    }
    push(tr("Connect %1 to %2.%3").arg(reference, to.node, bound), after);
    return true;
}

void WorkflowDocument::disconnectPort(const PortRef &target, const QString &reference)
{
    Q_UNUSED(reference)
    Workflow after = m_workflow;
    unbind(after, target);
    const QString what = target.role == PortRef::Role::Input ? target.name
        : target.role == PortRef::Role::MapOver              ? u"map"_s
                                                             : u"condition"_s;
    push(tr("Disconnect %1.%2").arg(target.node, what), after);
}

void WorkflowDocument::updateStep(const QString &id, const WorkflowStep &step, const QString &field)
{
    const qsizetype index = indexOf(m_workflow, id);
    if (index < 0)
        return;
    if (step.id != id && (m_workflow.step(step.id) || !WorkflowGraph::isIdentifier(step.id)))
        return; // the panel refuses such ids; a duplicate id would make two nodes one
    Workflow after = m_workflow;
    after.steps[index] = step;
    if (step.id == id) {
        push(tr("Change %1 of %2").arg(field, id), after, WorkflowEdit::Property, id + u'/' + field);
        return;
    }
    WorkflowGraph::renameStep(after, id, step.id);
    m_undo->push(new WorkflowEdit(*this, tr("Rename step %1 to %2").arg(id, step.id), m_workflow, after,
                                  WorkflowEdit::Structure, {}, WorkflowEdit::Rename {id, step.id}));
}

void WorkflowDocument::updateWorkflow(const Workflow &workflow, const QString &field,
                                      const QHash<QString, QString> &inputRenames)
{
    Workflow after = m_workflow;
    after.name = workflow.name;
    after.revision = workflow.revision;
    after.description = workflow.description;
    after.inputs = workflow.inputs;
    after.outputs = workflow.outputs;
    for (auto it = inputRenames.begin(); it != inputRenames.end(); ++it)
        WorkflowGraph::renameInput(after, it.key(), it.value());
    const bool structural = !inputRenames.isEmpty();
    push(tr("Change the workflow's %1").arg(field), after,
         structural ? WorkflowEdit::Structure : WorkflowEdit::Property, u"workflow/"_s + field);
}

} // namespace QwenSwarm::Ui
