#include "designer/portitem.h"

#include "designer/designertext.h"

#include <QCursor>
#include <QPainter>

namespace QwenSwarm::Ui {

PortItem::PortItem(const PortRef &port, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_port(port)
{
    setAcceptHoverEvents(true);
    setCursor(Qt::CrossCursor);
    setZValue(1);
}

QRectF PortItem::boundingRect() const
{
    const double r = radius + 4;
    return QRectF(-r, -r, 2 * r, 2 * r);
}

QPainterPath PortItem::shape() const
{
    QPainterPath path;
    path.addEllipse(QPointF(), radius + 4, radius + 4); // a little larger than drawn: easier to hit
    return path;
}

void PortItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = m_type ? DesignerText::typeColor(*m_type) : QColor(0x80, 0x80, 0x80);
    if (m_highlight != Highlight::None) {
        const QColor ring = m_highlight == Highlight::Fits ? QColor(0x2e, 0xa0, 0x43) : QColor(0xd7, 0x3a, 0x49);
        painter->setPen(QPen(ring, 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QPointF(), radius + 3, radius + 3);
    } else if (m_missing) {
        painter->setPen(QPen(QColor(0xd7, 0x3a, 0x49), 1.5, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QPointF(), radius + 3, radius + 3);
    }
    painter->setPen(
        QPen(colour.darker(130), 1.5, m_port.role == PortRef::Role::Condition ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(m_connected ? QBrush(colour) : QBrush(Qt::white));
    painter->drawEllipse(QPointF(), radius, radius);
}

void PortItem::setValueType(std::optional<Api::ValueType> type)
{
    if (m_type != type) {
        m_type = type;
        update();
    }
}

void PortItem::setConnected(bool connected)
{
    if (m_connected != connected) {
        m_connected = connected;
        update();
    }
}

void PortItem::setHighlight(Highlight highlight)
{
    if (m_highlight != highlight) {
        m_highlight = highlight;
        update();
    }
}

void PortItem::setMissing(bool missing)
{
    if (m_missing != missing) {
        m_missing = missing;
        update();
    }
}

} // namespace QwenSwarm::Ui
