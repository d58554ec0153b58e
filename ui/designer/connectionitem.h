#pragma once

#include "designer/workflowgraph.h"

#include <QGraphicsPathItem>

namespace QwenSwarm::Ui {

/// A data flow between two ports: a curve in the colour of the type that flows, dashed into a
/// condition, red and dash-dotted when the target cannot take the type. Selectable (Delete unbinds).
class ConnectionItem : public QGraphicsPathItem
{
public:
    enum
    {
        Type = UserType + 24
    };

    explicit ConnectionItem(const PortConnection &connection);

    int type() const override { return Type; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const PortConnection &connection() const { return m_connection; }
    void setEnds(QPointF from, QPointF to);
    /// The curve a connection from `from` to `to` takes (also for the one being dragged).
    static QPainterPath curve(QPointF from, QPointF to);

private:
    PortConnection m_connection;
};

} // namespace QwenSwarm::Ui
