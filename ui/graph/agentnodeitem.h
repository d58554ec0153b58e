#pragma once

#include <api/agent.h>

#include <QGraphicsItem>

namespace QwenSwarm::Ui {

/// One agent in the graph: its shape says its role (coordinator hexagon, worker circle, specialist
/// diamond, judge square, critic triangle), its fill its state, the arc around it its reputation
/// (a full green ring is a trusted agent), with a cross when failed and bars when paused. Activity
/// makes it pulse; the pulse fades by itself through decay().
class AgentNodeItem : public QGraphicsItem
{
public:
    static constexpr double radius = 14;
    enum
    {
        Type = UserType + 1
    };

    explicit AgentNodeItem(const Api::Agent &agent, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    Api::AgentId agentId() const { return m_agent.id; }
    const Api::Agent &agent() const { return m_agent; }
    void setAgent(const Api::Agent &agent);
    double reputation() const { return m_reputation; }
    void setReputation(double mean);
    /// Adds `calls` activity; the pulse grows with it, up to a cap.
    void pulse(int calls);
    double pulseLevel() const { return m_pulse; }
    /// Fades the pulse; false once it is gone.
    bool decay(double amount);
    void setHighlighted(bool on);

    static QPainterPath roleShape(Api::AgentRole role, double r);
    /// Name, role, state, provider, model and reputation, for the tooltip (made when asked for).
    QString tooltipText() const;

private:
    Api::Agent m_agent;
    double m_reputation = 0.5;
    double m_pulse = 0;
    bool m_highlighted = false;
};

} // namespace QwenSwarm::Ui
