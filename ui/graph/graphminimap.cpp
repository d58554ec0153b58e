#include "graph/graphminimap.h"

#include "graph/graphview.h"

#include <QMouseEvent>
#include <QPainter>

namespace QwenSwarm::Ui {

GraphMinimap::GraphMinimap(GraphView &view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("graph_minimap"));
    setMinimumSize(160, 110);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(400);
    connect(&m_refresh, &QTimer::timeout, this, &GraphMinimap::render);
    connect(&m_view, &GraphView::viewChanged, this, qOverload<>(&QWidget::update));
    connect(m_view.scene(), &QGraphicsScene::changed, this, &GraphMinimap::invalidate);
}

void GraphMinimap::invalidate()
{
    m_stale = true;
    if (!visibleRegion().isEmpty() && !m_refresh.isActive())
        m_refresh.start();
}

void GraphMinimap::render()
{
    if (visibleRegion().isEmpty())
        return; // out of sight (a page behind another tab counts as visible): rendered when painted
    m_stale = false;
    m_sceneRect = m_view.scene()->itemsBoundingRect();
    m_image = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(devicePixelRatioF());
    m_image.fill(palette().color(QPalette::Base));
    if (!m_sceneRect.isEmpty()) {
        QPainter painter(&m_image);
        m_view.scene()->render(&painter, QRectF(QPointF(), QSizeF(size())), m_sceneRect, Qt::KeepAspectRatio);
    }
    update();
}

QTransform GraphMinimap::sceneToMap() const
{
    if (m_sceneRect.isEmpty())
        return {};
    const double s = std::min(width() / m_sceneRect.width(), height() / m_sceneRect.height());
    const double dx = (width() - m_sceneRect.width() * s) / 2;
    const double dy = (height() - m_sceneRect.height() * s) / 2;
    return QTransform::fromTranslate(-m_sceneRect.left(), -m_sceneRect.top()) * QTransform::fromScale(s, s)
        * QTransform::fromTranslate(dx, dy);
}

void GraphMinimap::paintEvent(QPaintEvent *)
{
    if (m_stale && !m_refresh.isActive())
        m_refresh.start(); // back in sight: the overview catches up
    QPainter painter(this);
    painter.drawImage(QPointF(), m_image);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(
        sceneToMap().mapRect(m_view.visibleSceneRect()).intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void GraphMinimap::centreAt(QPointF widgetPos)
{
    bool invertible = false;
    const QTransform back = sceneToMap().inverted(&invertible);
    if (invertible)
        m_view.centerOn(back.map(widgetPos));
}

void GraphMinimap::mousePressEvent(QMouseEvent *event)
{
    centreAt(event->position());
}

void GraphMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        centreAt(event->position());
}

void GraphMinimap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

} // namespace QwenSwarm::Ui
