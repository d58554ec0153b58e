#include "designer/designerscene.h"

#include "designer/connectionitem.h"
#include "designer/inputnodeitem.h"
#include "designer/portitem.h"
#include "designer/stepnodeitem.h"
#include "designer/workflowdocument.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPalette>
#include <QSet>
#include <QUndoStack>

#include <cmath>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr double kInputGap = 80; ///< Between the input sources and the leftmost step.

QString connectionKey(const PortConnection &c)
{
    return c.to.key() + QLatin1Char('|') + c.reference;
}

} // namespace

DesignerScene::DesignerScene(WorkflowDocument &document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    setItemIndexMethod(QGraphicsScene::NoIndex); // few items, many moves
    connect(&m_document, &WorkflowDocument::changed, this, &DesignerScene::sync);
    connect(&m_document, &WorkflowDocument::stepRenamed, this, &DesignerScene::renameNode);
    sync();
}

DesignerScene::~DesignerScene()
{
    m_syncing = true; // items that go with the scene report no moves
    clear();
}

void DesignerScene::sync()
{
    m_syncing = true;
    syncSteps();
    syncInputs();
    syncConnections();
    setProblems(m_problems);
    m_syncing = false;
}

void DesignerScene::syncSteps()
{
    const Workflow &workflow = m_document.workflow();
    QSet<QString> ids;
    for (const WorkflowStep &step : workflow.steps) {
        ids.insert(step.id);
        StepNodeItem *item = m_nodes.value(step.id);
        if (!item) {
            item = new StepNodeItem(step);
            addItem(item);
            m_nodes.insert(step.id, item);
        }
        item->setStep(step, workflow);
        item->setRun(m_runs.contains(step.id) ? std::optional<StepRun>(m_runs.value(step.id)) : std::nullopt);
        if (item->pos() != QPointF(step.x, step.y))
            item->setPos(step.x, step.y);
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (ids.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_nodes.erase(it);
    }
}

void DesignerScene::syncInputs()
{
    const Workflow &workflow = m_document.workflow();
    double left = 0;
    double top = 0;
    for (qsizetype i = 0; i < workflow.steps.size(); ++i) {
        const WorkflowStep &step = workflow.steps.at(i);
        left = i == 0 ? step.x : std::min(left, step.x);
        top = i == 0 ? step.y : std::min(top, step.y);
    }
    QSet<QString> names;
    for (qsizetype i = 0; i < workflow.inputs.size(); ++i) {
        const WorkflowInput &input = workflow.inputs.at(i);
        names.insert(input.name);
        InputNodeItem *item = m_inputs.value(input.name);
        if (!item) {
            item = new InputNodeItem(input);
            addItem(item);
            m_inputs.insert(input.name, item);
        }
        item->setInput(input);
        item->setPos(left - kInputGap - InputNodeItem::width, top + double(i) * (InputNodeItem::height + 24));
    }
    for (auto it = m_inputs.begin(); it != m_inputs.end();) {
        if (names.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_inputs.erase(it);
    }
}

void DesignerScene::syncConnections()
{
    QSet<QString> selected;
    for (ConnectionItem *item : std::as_const(m_connections)) {
        if (item->isSelected())
            selected.insert(connectionKey(item->connection()));
        delete item;
    }
    m_connections.clear();
    QSet<QString> connectedPorts;
    for (const PortConnection &connection : WorkflowGraph::connections(m_document.workflow())) {
        if (!port(connection.from) || !port(connection.to))
            continue; // a reference to nothing: validation names it
        auto *item = new ConnectionItem(connection);
        item->setEnds(portScenePos(connection.from), portScenePos(connection.to));
        addItem(item);
        item->setSelected(selected.contains(connectionKey(connection)));
        m_connections.append(item);
        connectedPorts << connection.from.key() << connection.to.key();
    }
    for (StepNodeItem *node : std::as_const(m_nodes)) {
        for (PortItem *item : node->ports())
            item->setConnected(connectedPorts.contains(item->port().key()));
    }
}

void DesignerScene::renameNode(const QString &from, const QString &to)
{
    if (StepNodeItem *item = m_nodes.take(from))
        m_nodes.insert(to, item);
}

ConnectionItem *DesignerScene::connectionInto(const PortRef &target, const QString &reference) const
{
    for (ConnectionItem *item : m_connections) {
        if (item->connection().to == target && (reference.isEmpty() || item->connection().reference == reference))
            return item;
    }
    return nullptr;
}

PortItem *DesignerScene::port(const PortRef &ref) const
{
    if (ref.nodeKind == PortRef::NodeKind::WorkflowInput) {
        InputNodeItem *input = m_inputs.value(ref.node);
        return input ? input->port() : nullptr;
    }
    StepNodeItem *node = m_nodes.value(ref.node);
    return node ? node->port(ref) : nullptr;
}

QPointF DesignerScene::portScenePos(const PortRef &ref) const
{
    if (ref.nodeKind == PortRef::NodeKind::WorkflowInput) {
        InputNodeItem *input = m_inputs.value(ref.node);
        return input ? input->portScenePos() : QPointF();
    }
    StepNodeItem *node = m_nodes.value(ref.node);
    return node ? node->portScenePos(ref) : QPointF();
}

QStringList DesignerScene::selectedStepIds() const
{
    QStringList ids;
    for (const WorkflowStep &step : m_document.workflow().steps) { // in file order
        if (StepNodeItem *item = m_nodes.value(step.id); item && item->isSelected())
            ids.append(step.id);
    }
    return ids;
}

QList<PortRef> DesignerScene::selectedConnectionTargets() const
{
    QList<PortRef> targets;
    for (ConnectionItem *item : m_connections) {
        if (item->isSelected() && !targets.contains(item->connection().to))
            targets.append(item->connection().to);
    }
    return targets;
}

void DesignerScene::selectSteps(const QStringList &ids)
{
    clearSelection();
    for (const QString &id : ids) {
        if (StepNodeItem *item = m_nodes.value(id))
            item->setSelected(true);
    }
}

bool DesignerScene::connectPorts(const PortRef &from, const PortRef &to)
{
    QString problem;
    if (m_document.connectPorts(from, to, &problem))
        return true;
    Q_EMIT connectionRefused(problem);
    return false;
}

void DesignerScene::deleteSelection()
{
    const QStringList ids = selectedStepIds();
    QList<PortRef> targets;
    for (const PortRef &target : selectedConnectionTargets()) {
        if (!ids.contains(target.node))
            targets.append(target);
    }
    if (!ids.isEmpty() || !targets.isEmpty())
        m_document.remove(ids, targets);
}

void DesignerScene::nudgeSelection(QPointF delta)
{
    QHash<QString, QPointF> positions;
    for (const QString &id : selectedStepIds()) {
        const WorkflowStep *step = m_document.workflow().step(id);
        positions.insert(id, QPointF(step->x, step->y) + delta);
    }
    if (!positions.isEmpty())
        m_document.moveSteps(positions, true);
}

void DesignerScene::setProblems(const QList<WorkflowProblem> &problems)
{
    m_problems = problems;
    for (StepNodeItem *node : std::as_const(m_nodes)) {
        QList<WorkflowProblem> own;
        for (const WorkflowProblem &problem : problems) {
            if (problem.step == node->stepId())
                own.append(problem);
        }
        node->setProblems(own);
    }
    for (InputNodeItem *input : std::as_const(m_inputs)) {
        QStringList own;
        for (const WorkflowProblem &problem : problems) {
            if (problem.step.isEmpty() && problem.field == QStringLiteral("inputs.") + input->input().name)
                own.append(problem.message);
        }
        input->setProblems(own);
    }
}

void DesignerScene::setStepRuns(const QHash<QString, StepRun> &runs)
{
    m_runs = runs;
    for (StepNodeItem *node : std::as_const(m_nodes))
        node->setRun(runs.contains(node->stepId()) ? std::optional<StepRun>(runs.value(node->stepId())) : std::nullopt);
}

void DesignerScene::nodeMoved(const QString &id)
{
    for (ConnectionItem *item : std::as_const(m_connections)) {
        const PortConnection &c = item->connection();
        const bool fromHere = c.from.nodeKind == PortRef::NodeKind::Step && c.from.node == id;
        if (fromHere || c.to.node == id)
            item->setEnds(portScenePos(c.from), portScenePos(c.to));
    }
}

QPointF DesignerScene::freePosition() const
{
    if (m_nodes.isEmpty())
        return {};
    double right = -1e9;
    double top = 1e9;
    for (StepNodeItem *node : m_nodes) {
        right = std::max(right, node->pos().x() + StepNodeItem::width);
        top = std::min(top, node->pos().y());
    }
    return QPointF(std::ceil((right + 80) / gridSize) * gridSize, std::round(top / gridSize) * gridSize);
}

void DesignerScene::commitMoves()
{
    QHash<QString, QPointF> moved;
    for (const WorkflowStep &step : m_document.workflow().steps) {
        StepNodeItem *item = m_nodes.value(step.id);
        if (item && item->pos() != QPointF(step.x, step.y))
            moved.insert(step.id, item->pos());
    }
    if (!moved.isEmpty())
        m_document.moveSteps(moved);
}

std::optional<PortRef> DesignerScene::dropTarget(QPointF scenePos) const
{
    const QList<QGraphicsItem *> under = items(scenePos);
    for (QGraphicsItem *item : under) {
        if (item->type() == PortItem::Type)
            return static_cast<PortItem *>(item)->port();
    }
    for (QGraphicsItem *item : under) {
        if (item->type() == StepNodeItem::Type)
            return PortRef::input(static_cast<StepNodeItem *>(item)->stepId(), {});
    }
    return std::nullopt;
}

void DesignerScene::highlightPorts(const std::optional<PortRef> &hovered)
{
    const Workflow &workflow = m_document.workflow();
    for (StepNodeItem *node : std::as_const(m_nodes)) {
        for (PortItem *item : node->ports()) {
            PortItem::Highlight highlight = PortItem::Highlight::None;
            const PortRef &ref = item->port();
            if (m_drag && !ref.isSource()) {
                if (!WorkflowGraph::connectProblem(workflow, m_drag->from, ref).isEmpty())
                    highlight = PortItem::Highlight::Refuses; // every port that would refuse shows it at once
                else if (hovered && *hovered == ref)
                    highlight = PortItem::Highlight::Fits;
            }
            item->setHighlight(highlight);
        }
    }
}

void DesignerScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        for (QGraphicsItem *item : items(event->scenePos())) {
            if (item->type() != PortItem::Type)
                continue;
            const PortRef ref = static_cast<PortItem *>(item)->port();
            if (ref.isSource()) {
                m_drag = Drag {ref, std::nullopt, {}};
            } else if (ref.role == PortRef::Role::Input || ref.role == PortRef::Role::MapOver) {
                if (ConnectionItem *connection = connectionInto(ref)) {
                    m_drag = Drag {connection->connection().from, ref, connection->connection().reference};
                    connection->hide(); // picked up: drop it elsewhere to move it, on nothing to remove it
                }
            }
            break;
        }
        if (m_drag) {
            m_dragLine = addPath(QPainterPath(), QPen(QColor(0x3d, 0x8b, 0xfd), 2, Qt::DashLine));
            m_dragLine->setZValue(10);
            m_dragLine->setPath(ConnectionItem::curve(portScenePos(m_drag->from), event->scenePos()));
            highlightPorts(std::nullopt);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void DesignerScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_drag)
        return QGraphicsScene::mouseMoveEvent(event);
    const std::optional<PortRef> target = dropTarget(event->scenePos());
    const QPointF end = target && port(*target) ? portScenePos(*target) : event->scenePos();
    m_dragLine->setPath(ConnectionItem::curve(portScenePos(m_drag->from), end));
    highlightPorts(target);
    event->accept();
}

void DesignerScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_drag && event->button() == Qt::LeftButton) {
        finishDrag(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        commitMoves();
}

void DesignerScene::finishDrag(QPointF scenePos)
{
    const std::optional<PortRef> target = dropTarget(scenePos);
    const Drag drag = *m_drag;
    endDrag();
    if (!target) {
        if (drag.detached)
            m_document.disconnectPort(*drag.detached);
        return;
    }
    if (drag.detached
        && (*target == *drag.detached
            || (target->role == PortRef::Role::Input && target->name.isEmpty() && target->node == drag.detached->node)))
        return; // put back where it was
    if (!drag.detached) {
        connectPorts(drag.from, *target);
        return;
    }
    if (const QString problem = WorkflowGraph::connectProblem(m_document.workflow(), drag.from, *target);
        !problem.isEmpty()) {
        Q_EMIT connectionRefused(problem);
        return;
    }
    m_document.undoStack()->beginMacro(tr("Move connection %1").arg(drag.detachedReference));
    m_document.disconnectPort(*drag.detached);
    connectPorts(drag.from, *target);
    m_document.undoStack()->endMacro();
}

void DesignerScene::endDrag()
{
    delete m_dragLine;
    m_dragLine = nullptr;
    m_drag.reset();
    highlightPorts(std::nullopt);
    for (ConnectionItem *item : std::as_const(m_connections))
        item->show();
}

void DesignerScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->scenePos())) {
        if (item->type() == StepNodeItem::Type) {
            Q_EMIT stepActivated(static_cast<StepNodeItem *>(item)->stepId());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void DesignerScene::keyPressEvent(QKeyEvent *event)
{
    if (focusItem())
        return QGraphicsScene::keyPressEvent(event);
    const double step = event->modifiers().testFlag(Qt::ShiftModifier) ? gridSize * 5 : gridSize;
    const bool arrow = event->key() == Qt::Key_Left || event->key() == Qt::Key_Right || event->key() == Qt::Key_Up
        || event->key() == Qt::Key_Down;
    if (arrow && selectedStepIds().isEmpty())
        return QGraphicsScene::keyPressEvent(event); // nothing to nudge: the view scrolls
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        deleteSelection();
        break;
    case Qt::Key_Left:
        nudgeSelection(QPointF(-step, 0));
        break;
    case Qt::Key_Right:
        nudgeSelection(QPointF(step, 0));
        break;
    case Qt::Key_Up:
        nudgeSelection(QPointF(0, -step));
        break;
    case Qt::Key_Down:
        nudgeSelection(QPointF(0, step));
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const QStringList ids = selectedStepIds(); ids.size() == 1)
            Q_EMIT stepActivated(ids.constFirst());
        break;
    default:
        return QGraphicsScene::keyPressEvent(event);
    }
    event->accept();
}

void DesignerScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    QGraphicsItem *target = nullptr;
    for (QGraphicsItem *item : items(event->scenePos())) {
        QGraphicsItem *owner = item->type() == PortItem::Type ? item->parentItem() : item;
        if (owner
            && (owner->type() == StepNodeItem::Type || owner->type() == ConnectionItem::Type
                || owner->type() == InputNodeItem::Type)) {
            target = owner;
            break;
        }
    }
    if (target && !target->isSelected()) {
        clearSelection();
        target->setSelected(true);
    }
    Q_EMIT contextMenuRequested(target, event->scenePos(), event->screenPos());
    event->accept();
}

void DesignerScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, palette().color(QPalette::Base).darker(103));
    const double scale = painter->worldTransform().m11();
    QColor minor = palette().color(QPalette::Mid);
    minor.setAlpha(40);
    QColor major = minor;
    major.setAlpha(80);
    const double left = std::floor(rect.left() / gridSize) * gridSize;
    const double top = std::floor(rect.top() / gridSize) * gridSize;
    QList<QLineF> minorLines;
    QList<QLineF> majorLines;
    for (double x = left; x <= rect.right(); x += gridSize) {
        const bool isMajor = std::fmod(std::abs(x), gridSize * 5) < 0.5;
        (isMajor ? majorLines : minorLines).append(QLineF(x, rect.top(), x, rect.bottom()));
    }
    for (double y = top; y <= rect.bottom(); y += gridSize) {
        const bool isMajor = std::fmod(std::abs(y), gridSize * 5) < 0.5;
        (isMajor ? majorLines : minorLines).append(QLineF(rect.left(), y, rect.right(), y));
    }
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (scale > 0.45) { // far out the fine grid is only noise
        painter->setPen(QPen(minor, 0));
        painter->drawLines(minorLines);
    }
    painter->setPen(QPen(major, 0));
    painter->drawLines(majorLines);
}

} // namespace QwenSwarm::Ui
