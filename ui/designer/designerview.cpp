#include "designer/designerview.h"

#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace QwenSwarm::Ui {

const QString DesignerView::stepKindMimeType = QStringLiteral("application/x-qwen-swarm-step-kind");

namespace {

constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 4;

} // namespace

DesignerView::DesignerView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setObjectName(QStringLiteral("designer_view"));
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    // Room to pan past the edges, and the scroll bars do not jump as nodes move.
    setSceneRect(QRectF(-20000, -20000, 40000, 40000));
}

void DesignerView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    const double applied = target / zoom();
    if (std::abs(applied - 1) < 1e-6)
        return;
    scale(applied, applied);
    Q_EMIT zoomChanged(zoom());
}

void DesignerView::resetZoom()
{
    setTransform(QTransform());
    Q_EMIT zoomChanged(zoom());
}

void DesignerView::fit()
{
    const QRectF bounds = scene()->itemsBoundingRect();
    if (bounds.isEmpty()) {
        resetZoom();
        centerOn(0, 0);
        return;
    }
    fitInView(bounds.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    if (zoom() > 1) // a small workflow at reading size, not blown up
        setTransform(QTransform());
    centerOn(bounds.center());
    Q_EMIT zoomChanged(zoom());
}

QPointF DesignerView::visibleCentre() const
{
    return mapToScene(viewport()->rect().center());
}

void DesignerView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return QGraphicsView::wheelEvent(event);
    zoomBy(std::pow(1.15, steps));
    event->accept();
}

void DesignerView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_space)) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DesignerView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DesignerView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DesignerView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_space = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DesignerView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_space = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DesignerView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(stepKindMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void DesignerView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(stepKindMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void DesignerView::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasFormat(stepKindMimeType))
        return QGraphicsView::dropEvent(event);
    const QString kind = QString::fromUtf8(event->mimeData()->data(stepKindMimeType));
    Q_EMIT stepKindDropped(kind, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
}

} // namespace QwenSwarm::Ui
