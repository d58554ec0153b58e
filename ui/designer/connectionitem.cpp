#include "designer/connectionitem.h"

#include "designer/designertext.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace QwenSwarm::Ui {

ConnectionItem::ConnectionItem(const PortConnection &connection)
    : m_connection(connection)
{
    setFlags(ItemIsSelectable);
    setZValue(1);
    setToolTip(connection.typeMismatch ? DesignerText::tr("%1 → %2: the type does not fit")
                                             .arg(connection.reference, connection.to.key().section(u':', 1))
                                       : connection.reference);
}

QPainterPath ConnectionItem::curve(QPointF from, QPointF to)
{
    const double dx = std::max(40.0, std::abs(to.x() - from.x()) * 0.5);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

void ConnectionItem::setEnds(QPointF from, QPointF to)
{
    setPath(curve(from, to));
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QColor colour = m_connection.type ? DesignerText::typeColor(*m_connection.type) : QColor(0x90, 0x90, 0x90);
    Qt::PenStyle style = m_connection.to.role == PortRef::Role::Condition ? Qt::DashLine : Qt::SolidLine;
    if (m_connection.typeMismatch) {
        colour = QColor(0xd7, 0x3a, 0x49);
        style = Qt::DashDotLine;
    }
    if (isSelected()) {
        painter->setPen(QPen(option->palette.color(QPalette::Highlight), 6, Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(path());
    }
    painter->setPen(QPen(colour, 2.2, style, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
}

} // namespace QwenSwarm::Ui
