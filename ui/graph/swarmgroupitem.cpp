#include "graph/swarmgroupitem.h"

#include "common/displaytext.h"
#include "graph/agentnodeitem.h"

#include <QCoreApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <api/enumnames.h>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr double titleWidth = 320; // the title may run past a small group's frame

// Opaque blends: translucent fills and lines cost far more to draw in software than opaque ones.
QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

SwarmGroupItem::SwarmGroupItem(const Swarm &swarm, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_swarm(swarm)
{
    setZValue(0);
    setFlag(ItemIsSelectable, false);
}

QRectF SwarmGroupItem::boundingRect() const
{
    if (m_collapsed)
        return collapsedRect().adjusted(-4, -4, 4, 4);
    return m_frame.adjusted(-4, -28, std::max(4.0, titleWidth - m_frame.width()), 4);
}

QRectF SwarmGroupItem::collapsedRect() const
{
    return QRectF(-90, -40, 180, 80);
}

void SwarmGroupItem::setSwarm(const Swarm &swarm)
{
    m_swarm = swarm;
    update();
}

void SwarmGroupItem::setNodes(const QList<AgentNodeItem *> &nodes, const QList<std::pair<int, int>> &edges)
{
    m_nodes = nodes;
    m_edges = edges;
    for (AgentNodeItem *node : nodes)
        node->setVisible(!m_collapsed);
    update();
}

void SwarmGroupItem::setFrame(const QRectF &frame)
{
    if (frame == m_frame)
        return;
    prepareGeometryChange();
    m_frame = frame;
}

void SwarmGroupItem::setCollapsed(bool collapsed)
{
    if (collapsed == m_collapsed)
        return;
    prepareGeometryChange();
    m_collapsed = collapsed;
    for (AgentNodeItem *node : std::as_const(m_nodes)) {
        node->setVisible(!collapsed);
        if (collapsed)
            node->setSelected(false);
    }
    update();
}

void SwarmGroupItem::setPhase(double phase)
{
    m_phase = phase;
    update();
}

void SwarmGroupItem::flash()
{
    m_flash = 1;
    update();
}

bool SwarmGroupItem::decayFlash(double amount)
{
    if (m_flash <= 0)
        return false;
    m_flash = std::max(0.0, m_flash - amount);
    update();
    return m_flash > 0;
}

void SwarmGroupItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_collapsed)
        return paintCollapsed(painter, option);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    QColor frame = option->palette.color(QPalette::Mid);
    const QColor base = option->palette.color(QPalette::Base);
    const QColor back = blend(base, option->palette.color(QPalette::AlternateBase), 0.6);
    painter->setPen(QPen(m_flash > 0 ? QColor(255, 170, 0) : frame, m_flash > 0 ? 2 + 2 * m_flash : 1));
    painter->setBrush(back);
    painter->drawRoundedRect(m_frame, 12, 12);
    paintEdges(painter, lod, base);
    if (lod > 0.15) {
        QFont font = painter->font();
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(option->palette.color(QPalette::Text));
        painter->drawText(
            QRectF(m_frame.left() + 8, m_frame.top() - 24, std::max(m_frame.width(), titleWidth) - 16, 22),
            Qt::AlignLeft | Qt::AlignVCenter,
            QCoreApplication::translate("SwarmGroupItem", "%1  ·  %2  ·  %n agent(s)", nullptr, int(m_nodes.size()))
                .arg(m_swarm.name, enumName(m_swarm.topology).toString()));
    }
}

void SwarmGroupItem::paintEdges(QPainter *painter, double lod, const QColor &base) const
{
    if (m_edges.isEmpty())
        return;
    QList<QLineF> quiet;
    QList<QLineF> active;
    quiet.reserve(m_edges.size());
    for (const auto &[a, b] : m_edges) {
        const AgentNodeItem *from = m_nodes.at(a);
        const AgentNodeItem *to = m_nodes.at(b);
        const QLineF line(from->pos(), to->pos());
        if (from->pulseLevel() > 0.05 || to->pulseLevel() > 0.05)
            active.append(from->pulseLevel() >= to->pulseLevel() ? line : QLineF(line.p2(), line.p1()));
        else
            quiet.append(line);
    }
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(blend(base, QColor(120, 130, 150), lod < 0.35 ? 0.3 : 0.5), 0));
    painter->drawLines(quiet);
    if (active.isEmpty())
        return;
    painter->setPen(QPen(QColor(255, 170, 0), 2));
    painter->drawLines(active);
    if (lod < 0.35)
        return;
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(255, 120, 0));
    for (const QLineF &line : std::as_const(active))
        painter->drawEllipse(line.pointAt(m_phase), 3.5, 3.5);
}

void SwarmGroupItem::paintCollapsed(QPainter *painter, const QStyleOptionGraphicsItem *option) const
{
    const QRectF box = collapsedRect();
    painter->setPen(QPen(option->palette.color(QPalette::Mid), 1, Qt::DashLine));
    painter->setBrush(option->palette.color(QPalette::AlternateBase));
    painter->drawRoundedRect(box, 10, 10);
    QHash<AgentState, int> counts;
    for (const AgentNodeItem *node : m_nodes)
        ++counts[node->agent().state];
    painter->setPen(option->palette.color(QPalette::Text));
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(box.adjusted(8, 4, -8, -44), Qt::AlignCenter,
                      QStringLiteral("%1 (%2)").arg(m_swarm.name).arg(m_nodes.size()));
    font.setBold(false);
    painter->setFont(font);
    double x = box.left() + 10;
    for (int s = int(AgentState::Created); s <= int(AgentState::Recovering); ++s) {
        const int count = counts.value(AgentState(s));
        if (count == 0)
            continue;
        painter->setBrush(DisplayText::agentStateColor(AgentState(s)));
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(QRectF(x, box.top() + 44, 10, 10));
        painter->setPen(option->palette.color(QPalette::Text));
        painter->drawText(QRectF(x + 12, box.top() + 40, 30, 18), Qt::AlignLeft | Qt::AlignVCenter,
                          QString::number(count));
        x += 42;
    }
}

void SwarmGroupItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    setCollapsed(!m_collapsed);
    event->accept();
}

} // namespace QwenSwarm::Ui
