#pragma once

#include "graph/graphlayout.h"

#include <api/swarm.h>

#include <QGraphicsScene>
#include <QHash>
#include <QTimer>

namespace QwenSwarm::Ui {

class AgentNodeItem;
class SwarmGroupItem;

/// The graph's items, kept equal to the swarms and agents it is given: one group per swarm, one
/// node per agent, edges from each swarm's topology. It knows no backend; the page feeds it. Activity
/// is aggregated: any number of pulse() calls between two animation frames make one pulse per agent,
/// and the animation timer runs only while something glows.
class AgentGraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit AgentGraphScene(QObject *parent = nullptr);

    /// Makes the items match: adds, updates and removes groups and nodes. Agents of unknown swarms
    /// are left out. Returns true if the structure (nodes, edges, groups) changed and wants a layout.
    bool setContent(const QList<Api::Swarm> &swarms, const QList<Api::Agent> &agents);
    /// Updates one agent's node (state, name); false if it has none.
    bool updateAgent(const Api::Agent &agent);
    void setReputations(const QHash<Api::AgentId, double> &means);

    /// What the layout needs, in swarm and agent order.
    GraphLayout::Input layoutInput(quint32 seed) const;
    void applyLayout(const GraphLayout::Result &result);
    const GraphLayout::Result &layout() const { return m_layout; }

    AgentNodeItem *node(Api::AgentId id) const { return m_nodes.value(id); }
    SwarmGroupItem *group(Api::SwarmId id) const { return m_groups.value(id); }
    QList<AgentNodeItem *> nodes() const { return m_nodes.values(); }
    QList<SwarmGroupItem *> groups() const { return m_groups.values(); }
    int edgeCount() const;
    /// The first node (in swarm order) whose name contains `text`, case-insensitively.
    AgentNodeItem *find(const QString &text) const;

    void pulse(Api::AgentId agent, int calls = 1);
    void flashSwarm(Api::SwarmId swarm);
    bool isAnimating() const { return m_animation.isActive(); }

Q_SIGNALS:
    void structureChanged();

protected:
    /// An agent's tooltip is written when it is asked for, not at every change of the agent.
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    void animate();

    QHash<Api::SwarmId, SwarmGroupItem *> m_groups;
    QHash<Api::AgentId, AgentNodeItem *> m_nodes;
    QList<Api::SwarmId> m_order;
    GraphLayout::Result m_layout;
    QHash<Api::AgentId, int> m_pendingPulses;
    QTimer m_animation;
    double m_phase = 0;
};

} // namespace QwenSwarm::Ui
