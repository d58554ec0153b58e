#pragma once

#include "designer/workflowgraph.h"

#include <api/workflow.h>

#include <QGraphicsScene>
#include <QHash>

#include <optional>

class QGraphicsPathItem;

namespace QwenSwarm::Ui {

class ConnectionItem;
class InputNodeItem;
class PortItem;
class StepNodeItem;
class WorkflowDocument;

/// The designer's canvas: one node per step, the workflow's inputs as sources on the left, one curve
/// per connection. It follows the document (every change, undo and redo) and turns what the mouse
/// and keyboard do into document edits: drag from an output port to an input port (or onto a node's
/// body for a new binding) to connect, drag a connected input away to disconnect, move nodes (on the
/// grid when snapping), Delete to remove, arrows to nudge. Ports whose types do not fit refuse.
class DesignerScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr double gridSize = 20;

    explicit DesignerScene(WorkflowDocument &document, QObject *parent = nullptr);
    ~DesignerScene() override;

    WorkflowDocument &document() const { return m_document; }
    StepNodeItem *node(const QString &id) const { return m_nodes.value(id); }
    InputNodeItem *inputNode(const QString &name) const { return m_inputs.value(name); }
    QList<ConnectionItem *> connectionItems() const { return m_connections; }
    ConnectionItem *connectionInto(const PortRef &target, const QString &reference = {}) const;
    PortItem *port(const PortRef &ref) const;
    QPointF portScenePos(const PortRef &ref) const;

    QStringList selectedStepIds() const;
    QList<PortRef> selectedConnectionTargets() const;
    void selectSteps(const QStringList &ids);

    /// Connects through the document; on refusal emits connectionRefused() and answers false.
    bool connectPorts(const PortRef &from, const PortRef &to);
    /// Removes the selected steps and unbinds the selected connections, as one edit.
    void deleteSelection();
    /// Moves the selected steps by `delta` (consecutive nudges are one undo step).
    void nudgeSelection(QPointF delta);

    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool on) { m_snap = on; }
    bool isSyncing() const { return m_syncing; }

    /// Validation problems to mark on the nodes (the page validates after each change).
    void setProblems(const QList<Api::WorkflowProblem> &problems);
    /// The state of each step in the run being watched; an empty map clears the run's colours.
    void setStepRuns(const QHash<QString, Api::StepRun> &runs);

    /// Called by a node as it moves: its connections follow.
    void nodeMoved(const QString &id);
    /// Where a new node goes when nothing says where: right of everything, on the grid.
    QPointF freePosition() const;

Q_SIGNALS:
    void connectionRefused(const QString &reason);
    /// A node was double-clicked (or Enter pressed with one selected).
    void stepActivated(const QString &id);
    void contextMenuRequested(QGraphicsItem *item, QPointF scenePos, QPoint screenPos);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    struct Drag
    {
        PortRef from;
        std::optional<PortRef> detached; ///< The connected input picked up, if the drag started there.
        QString detachedReference;
    };

    void sync();
    void syncSteps();
    void syncInputs();
    void syncConnections();
    void renameNode(const QString &from, const QString &to);
    void commitMoves();
    /// The target under `scenePos` for a drag: a target port, or a node body (a new binding).
    std::optional<PortRef> dropTarget(QPointF scenePos) const;
    void highlightPorts(const std::optional<PortRef> &hovered);
    void finishDrag(QPointF scenePos);
    void endDrag();

    WorkflowDocument &m_document;
    QHash<QString, StepNodeItem *> m_nodes;
    QHash<QString, InputNodeItem *> m_inputs;
    QList<ConnectionItem *> m_connections;
    QList<Api::WorkflowProblem> m_problems;
    QHash<QString, Api::StepRun> m_runs;
    std::optional<Drag> m_drag;
    QGraphicsPathItem *m_dragLine = nullptr;
    bool m_snap = true;
    bool m_syncing = false;
};

} // namespace QwenSwarm::Ui
