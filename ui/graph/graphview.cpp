#include "graph/graphview.h"

#include "graph/agentnodeitem.h"

#include <QContextMenuEvent>
#include <QGraphicsItem>
#include <QWheelEvent>

#include <cmath>

namespace QwenSwarm::Ui {

namespace {

constexpr double minZoom = 0.02;
constexpr double maxZoom = 6;
constexpr double maxFitZoom = 1.5;

} // namespace

GraphView::GraphView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setObjectName(QStringLiteral("graph_view"));
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setRenderHint(QPainter::Antialiasing, false);
}

void GraphView::zoomBy(double factor)
{
    m_followFit = false;
    const double target = std::clamp(zoom() * factor, minZoom, maxZoom);
    const double applied = target / zoom();
    if (std::abs(applied - 1) < 1e-6)
        return;
    scale(applied, applied);
    Q_EMIT viewChanged();
}

void GraphView::fit(const QRectF &rect)
{
    const QRectF target = rect.isEmpty() ? scene()->itemsBoundingRect() : rect;
    if (target.isEmpty())
        return;
    fitInView(target.adjusted(-30, -40, 30, 30), Qt::KeepAspectRatio);
    m_followFit = rect.isEmpty();
    if (zoom() > maxFitZoom) { // a small graph at reading size, not blown up to fill the view
        const double s = maxFitZoom / zoom();
        scale(s, s);
    }
    Q_EMIT viewChanged();
}

QRectF GraphView::visibleSceneRect() const
{
    return mapToScene(viewport()->rect()).boundingRect();
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return QGraphicsView::wheelEvent(event);
    zoomBy(std::pow(1.2, steps));
    event->accept();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    Q_EMIT viewChanged();
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_followFit)
        return fit(); // a view first sized when its page is shown still shows everything
    Q_EMIT viewChanged();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    m_followFit = false; // a drag pans away from the fitted view
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QGraphicsItem *item = itemAt(event->position().toPoint());
    if (item && item->type() == AgentNodeItem::Type) {
        Q_EMIT nodeActivated(item);
        return event->accept();
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::contextMenuEvent(QContextMenuEvent *event)
{
    QGraphicsItem *item = itemAt(event->pos());
    if (item && item->type() == AgentNodeItem::Type && !item->isSelected()) {
        scene()->clearSelection();
        item->setSelected(true);
    }
    Q_EMIT contextMenuRequested(item, event->globalPos());
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    const QList<QGraphicsItem *> selected = scene()->selectedItems();
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && selected.size() == 1) {
        Q_EMIT nodeActivated(selected.constFirst());
        return event->accept();
    }
    if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)
        return zoomBy(1.25);
    if (event->key() == Qt::Key_Minus)
        return zoomBy(0.8);
    QGraphicsView::keyPressEvent(event);
}

} // namespace QwenSwarm::Ui
