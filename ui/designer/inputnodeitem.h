#pragma once

#include <api/workflow.h>

#include <QGraphicsItem>

namespace QwenSwarm::Ui {

class PortItem;

/// A workflow input as a source on the left of the designer: its name, type and default, and one
/// output port carrying its value. Placed by the scene (the file keeps no position for it).
class InputNodeItem : public QGraphicsItem
{
public:
    static constexpr double width = 160;
    static constexpr double height = 52;
    enum
    {
        Type = UserType + 23
    };

    explicit InputNodeItem(const Api::WorkflowInput &input);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const Api::WorkflowInput &input() const { return m_input; }
    void setInput(const Api::WorkflowInput &input);
    PortItem *port() const { return m_port; }
    QPointF portScenePos() const;
    void setProblems(const QStringList &problems);
    const QStringList &problems() const { return m_problems; }

private:
    void updateTooltip();

    Api::WorkflowInput m_input;
    PortItem *m_port;
    QStringList m_problems;
};

} // namespace QwenSwarm::Ui
