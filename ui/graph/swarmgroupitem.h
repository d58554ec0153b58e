#pragma once

#include <api/swarm.h>

#include <QGraphicsItem>
#include <QHash>

namespace QwenSwarm::Ui {

class AgentNodeItem;

/// A swarm in the graph: a framed group that owns its agents' nodes and draws the edges of its
/// topology beneath them. Edges of an agent that is working glow, with a dot running along them,
/// for as long as its pulse lasts. Collapsed, it hides its nodes and shows one box with the count
/// of agents per state instead.
class SwarmGroupItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 2
    };

    explicit SwarmGroupItem(const Api::Swarm &swarm, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const Api::Swarm &swarm() const { return m_swarm; }
    void setSwarm(const Api::Swarm &swarm);
    /// The nodes in the swarm's agent order; edges are index pairs into it.
    void setNodes(const QList<AgentNodeItem *> &nodes, const QList<std::pair<int, int>> &edges);
    const QList<AgentNodeItem *> &nodes() const { return m_nodes; }
    const QList<std::pair<int, int>> &edges() const { return m_edges; }
    void setFrame(const QRectF &frame);
    bool isCollapsed() const { return m_collapsed; }
    void setCollapsed(bool collapsed);
    /// Advances the running dots on active edges.
    void setPhase(double phase);
    void flash();
    bool decayFlash(double amount);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void paintEdges(QPainter *painter, double lod, const QColor &base) const;
    void paintCollapsed(QPainter *painter, const QStyleOptionGraphicsItem *option) const;
    QRectF collapsedRect() const;

    Api::Swarm m_swarm;
    QList<AgentNodeItem *> m_nodes;
    QList<std::pair<int, int>> m_edges;
    QRectF m_frame;
    bool m_collapsed = false;
    double m_phase = 0;
    double m_flash = 0;
};

} // namespace QwenSwarm::Ui
