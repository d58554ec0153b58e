#include "graph/agentgraphscene.h"

#include "graph/agentnodeitem.h"
#include "graph/swarmgroupitem.h"
#include "graph/topologyedges.h"

#include <QGraphicsSceneHelpEvent>
#include <QToolTip>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr int frameMs = 33;
constexpr double decayPerFrame = 0.04;

} // namespace

AgentGraphScene::AgentGraphScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_animation.setInterval(frameMs);
    connect(&m_animation, &QTimer::timeout, this, &AgentGraphScene::animate);
}

bool AgentGraphScene::setContent(const QList<Swarm> &swarms, const QList<Agent> &agents)
{
    QHash<AgentId, const Agent *> byId;
    for (const Agent &a : agents)
        byId.insert(a.id, &a);
    bool changed = false;
    QSet<SwarmId> keepSwarms;
    QSet<AgentId> keepAgents;
    m_order.clear();
    for (const Swarm &swarm : swarms) {
        keepSwarms.insert(swarm.id);
        m_order.append(swarm.id);
        SwarmGroupItem *group = m_groups.value(swarm.id);
        if (!group) {
            group = new SwarmGroupItem(swarm);
            addItem(group);
            m_groups.insert(swarm.id, group);
            changed = true;
        }
        const bool topologyChanged = group->swarm().topology != swarm.topology;
        group->setSwarm(swarm);
        QList<AgentNodeItem *> members;
        QList<TopologyEdges::Member> roles;
        for (AgentId id : swarm.agentIds) {
            const Agent *agent = byId.value(id);
            if (!agent)
                continue;
            keepAgents.insert(id);
            AgentNodeItem *node = m_nodes.value(id);
            if (!node) {
                node = new AgentNodeItem(*agent, group);
                m_nodes.insert(id, node);
                changed = true;
            } else {
                node->setAgent(*agent);
            }
            members.append(node);
            roles.append({id, agent->spec.role});
        }
        if (topologyChanged || members != group->nodes())
            changed = true;
        group->setNodes(members, TopologyEdges::edges(swarm.topology, roles));
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (keepAgents.contains(it.key())) {
            ++it;
            continue;
        }
        m_pendingPulses.remove(it.key());
        delete it.value();
        it = m_nodes.erase(it);
        changed = true;
    }
    for (auto it = m_groups.begin(); it != m_groups.end();) {
        if (keepSwarms.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_groups.erase(it);
        changed = true;
    }
    if (changed)
        Q_EMIT structureChanged();
    return changed;
}

bool AgentGraphScene::updateAgent(const Agent &agent)
{
    AgentNodeItem *node = m_nodes.value(agent.id);
    if (!node)
        return false;
    node->setAgent(agent);
    if (SwarmGroupItem *group = m_groups.value(agent.swarmId); group && group->isCollapsed())
        group->update();
    return true;
}

void AgentGraphScene::setReputations(const QHash<AgentId, double> &means)
{
    for (auto it = means.cbegin(); it != means.cend(); ++it) {
        if (AgentNodeItem *node = m_nodes.value(it.key()))
            node->setReputation(it.value());
    }
}

GraphLayout::Input AgentGraphScene::layoutInput(quint32 seed) const
{
    GraphLayout::Input input;
    input.seed = seed;
    input.previous = m_layout;
    for (SwarmId id : m_order) {
        const SwarmGroupItem *group = m_groups.value(id);
        GraphLayout::Group g;
        g.id = id;
        for (const AgentNodeItem *node : group->nodes())
            g.nodes.append(node->agentId());
        g.edges = group->edges();
        input.groups.append(g);
    }
    return input;
}

void AgentGraphScene::applyLayout(const GraphLayout::Result &result)
{
    m_layout = result;
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        SwarmGroupItem *group = it.value();
        group->setPos(result.groupOrigin.value(it.key()));
        group->setFrame(result.groupBounds.value(it.key()));
        for (AgentNodeItem *node : group->nodes()) {
            const auto local = result.local.constFind(node->agentId());
            if (local != result.local.cend())
                node->setPos(*local);
        }
        group->update();
    }
    setSceneRect(itemsBoundingRect().adjusted(-100, -100, 100, 100));
}

int AgentGraphScene::edgeCount() const
{
    int count = 0;
    for (const SwarmGroupItem *group : m_groups)
        count += int(group->edges().size());
    return count;
}

AgentNodeItem *AgentGraphScene::find(const QString &text) const
{
    if (text.trimmed().isEmpty())
        return nullptr;
    for (SwarmId id : m_order) {
        for (AgentNodeItem *node : m_groups.value(id)->nodes()) {
            if (node->agent().spec.name.contains(text.trimmed(), Qt::CaseInsensitive))
                return node;
        }
    }
    return nullptr;
}

void AgentGraphScene::pulse(AgentId agent, int calls)
{
    if (!m_nodes.contains(agent))
        return;
    m_pendingPulses[agent] += calls;
    if (!m_animation.isActive())
        m_animation.start();
}

void AgentGraphScene::flashSwarm(SwarmId swarm)
{
    if (SwarmGroupItem *group = m_groups.value(swarm)) {
        group->flash();
        if (!m_animation.isActive())
            m_animation.start();
    }
}

void AgentGraphScene::animate()
{
    // Pulses that arrived since the last frame become one per agent, however many there were.
    for (auto it = m_pendingPulses.cbegin(); it != m_pendingPulses.cend(); ++it) {
        if (AgentNodeItem *node = m_nodes.value(it.key()))
            node->pulse(it.value());
    }
    m_pendingPulses.clear();
    m_phase = std::fmod(m_phase + 0.06, 1.0);
    bool alive = false;
    for (SwarmGroupItem *group : std::as_const(m_groups)) {
        bool groupActive = group->decayFlash(decayPerFrame);
        for (AgentNodeItem *node : group->nodes()) {
            if (node->pulseLevel() > 0)
                groupActive = node->decay(decayPerFrame) || groupActive;
        }
        if (groupActive)
            group->setPhase(m_phase);
        alive = alive || groupActive;
    }
    if (!alive)
        m_animation.stop();
}

void AgentGraphScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    for (QGraphicsItem *item : items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        if (item->type() != AgentNodeItem::Type)
            continue;
        QToolTip::showText(event->screenPos(), static_cast<AgentNodeItem *>(item)->tooltipText(), event->widget());
        event->setAccepted(true);
        return;
    }
    QGraphicsScene::helpEvent(event);
}

} // namespace QwenSwarm::Ui
