#include "graph/agentnodeitem.h"

#include "common/displaytext.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

QPainterPath polygon(int corners, double r, double rotation)
{
    QPolygonF points;
    for (int i = 0; i < corners; ++i) {
        const double a = rotation + 2 * M_PI * i / corners;
        points << QPointF(r * std::cos(a), r * std::sin(a));
    }
    QPainterPath path;
    path.addPolygon(points);
    path.closeSubpath();
    return path;
}

} // namespace

AgentNodeItem::AgentNodeItem(const Agent &agent, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_agent(agent)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setAcceptHoverEvents(false);
    setZValue(2);
}

QPainterPath AgentNodeItem::roleShape(AgentRole role, double r)
{
    switch (role) {
    case AgentRole::Coordinator:
        return polygon(6, r * 1.1, 0);
    case AgentRole::Specialist:
        return polygon(4, r * 1.2, 0);
    case AgentRole::Judge: {
        QPainterPath path;
        path.addRect(QRectF(-r * 0.9, -r * 0.9, r * 1.8, r * 1.8));
        return path;
    }
    case AgentRole::Critic:
        return polygon(3, r * 1.2, -M_PI / 2);
    case AgentRole::Worker:
        break;
    }
    QPainterPath path;
    path.addEllipse(QPointF(), r, r);
    return path;
}

QRectF AgentNodeItem::boundingRect() const
{
    const double r = radius * 2.2;
    return QRectF(-r * 2.2, -r, r * 4.4, r * 2 + 14);
}

QPainterPath AgentNodeItem::shape() const
{
    QPainterPath path;
    path.addEllipse(QPointF(), radius * 1.4, radius * 1.4);
    return path;
}

void AgentNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor fill = DisplayText::agentStateColor(m_agent.state);
    if (lod < 0.35) { // far away: a dot in the state's colour is all that reads
        painter->fillRect(QRectF(-radius, -radius, 2 * radius, 2 * radius), fill);
        return;
    }
    if (m_pulse > 0.01) {
        QColor halo(255, 200, 40);
        halo.setAlphaF(0.55 * m_pulse);
        painter->setPen(Qt::NoPen);
        painter->setBrush(halo);
        const double r = radius * (1.5 + 0.9 * m_pulse);
        painter->drawEllipse(QPointF(), r, r);
    }
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.8);
    const bool selected = isSelected() || m_highlighted;
    painter->setPen(QPen(selected ? QColor(30, 120, 255) : QColor(40, 40, 40), selected ? 3 : 1));
    painter->setBrush(fill);
    painter->drawPath(roleShape(m_agent.spec.role, radius));

    // Reputation: an arc whose length and colour follow the posterior mean.
    const double rep = std::clamp(m_reputation, 0.0, 1.0);
    QColor ring = QColor::fromHsvF(float(0.33 * rep), 0.8f, 0.85f);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(QColor(128, 128, 128, 70), 3));
    const QRectF ringRect(-radius * 1.55, -radius * 1.55, radius * 3.1, radius * 3.1);
    painter->drawEllipse(ringRect);
    painter->setPen(QPen(ring, 3, Qt::SolidLine, Qt::FlatCap));
    painter->drawArc(ringRect, 90 * 16, -int(360 * 16 * rep));

    if (m_agent.state == AgentState::Failed) {
        painter->setPen(QPen(QColor(200, 0, 0), 3));
        painter->drawLine(QPointF(-radius, -radius), QPointF(radius, radius));
        painter->drawLine(QPointF(-radius, radius), QPointF(radius, -radius));
    } else if (m_agent.state == AgentState::Paused) {
        painter->fillRect(QRectF(-5, -6, 3.5, 12), QColor(30, 30, 30));
        painter->fillRect(QRectF(1.5, -6, 3.5, 12), QColor(30, 30, 30));
    } else if (m_agent.state == AgentState::Stopped) {
        painter->fillRect(QRectF(-5, -5, 10, 10), QColor(30, 30, 30));
    }
    if (lod > 0.6) {
        painter->setPen(option->palette.color(QPalette::Text));
        QFont font = painter->font();
        font.setPointSizeF(7.5);
        painter->setFont(font);
        painter->drawText(QRectF(-radius * 4.8, radius * 1.6, radius * 9.6, 14), Qt::AlignCenter, m_agent.spec.name);
    }
}

void AgentNodeItem::setAgent(const Agent &agent)
{
    m_agent = agent;
    update();
}

void AgentNodeItem::setReputation(double mean)
{
    if (std::abs(mean - m_reputation) < 1e-9)
        return;
    m_reputation = mean;
    update();
}

void AgentNodeItem::pulse(int calls)
{
    m_pulse = std::min(1.0, m_pulse + 0.35 + 0.15 * std::min(calls, 4));
    update();
}

bool AgentNodeItem::decay(double amount)
{
    m_pulse = std::max(0.0, m_pulse - amount);
    update();
    return m_pulse > 0;
}

void AgentNodeItem::setHighlighted(bool on)
{
    if (m_highlighted != on) {
        m_highlighted = on;
        update();
    }
}

QString AgentNodeItem::tooltipText() const
{
    return QStringLiteral("%1 — %2, %3\n%4 · %5\n%6")
               .arg(m_agent.spec.name, DisplayText::agentRole(m_agent.spec.role),
                    DisplayText::agentState(m_agent.state), m_agent.spec.provider, m_agent.spec.model)
               .arg(QObject::tr("Reputation %1").arg(DisplayText::percent(m_reputation)))
        + (m_agent.stateReason.isEmpty() ? QString() : QStringLiteral("\n") + m_agent.stateReason);
}

} // namespace QwenSwarm::Ui
