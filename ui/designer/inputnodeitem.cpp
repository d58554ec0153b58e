#include "designer/inputnodeitem.h"

#include "designer/designertext.h"
#include "designer/portitem.h"

#include <QFontMetricsF>
#include <QJsonArray>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

InputNodeItem::InputNodeItem(const WorkflowInput &input)
    : m_input(input)
    , m_port(new PortItem(PortRef::workflowInput(input.name), this))
{
    setFlags(ItemIsSelectable);
    setZValue(2);
    m_port->setPos(width, height / 2);
    setInput(input);
}

QRectF InputNodeItem::boundingRect() const
{
    const double m = PortItem::radius + 4;
    return QRectF(-2, -2, width + m + 2, height + 4);
}

void InputNodeItem::setInput(const WorkflowInput &input)
{
    m_input = input;
    m_port->setPort(PortRef::workflowInput(input.name));
    m_port->setValueType(input.type);
    m_port->setConnected(true);
    updateTooltip();
    update();
}

QPointF InputNodeItem::portScenePos() const
{
    return mapToScene(QPointF(width, height / 2));
}

void InputNodeItem::setProblems(const QStringList &problems)
{
    if (problems != m_problems) {
        m_problems = problems;
        updateTooltip();
        update();
    }
}

void InputNodeItem::updateTooltip()
{
    QStringList lines {DesignerText::tr("Workflow input <b>%1</b> (%2)")
                           .arg(m_input.name.toHtmlEscaped(), DesignerText::typeName(m_input.type))};
    if (!m_input.description.isEmpty())
        lines.append(m_input.description.toHtmlEscaped());
    if (m_input.defaultValue.isUndefined())
        lines.append(DesignerText::tr("Required: a run must give it."));
    else
        lines.append(
            DesignerText::tr("Default: %1").arg(DesignerText::valueText(m_input.defaultValue, 300).toHtmlEscaped()));
    for (const QString &problem : std::as_const(m_problems))
        lines.append(u"<span style='color:#d73a49'>%1</span>"_s.arg(problem.toHtmlEscaped()));
    setToolTip(lines.join(u"<br>"_s));
}

void InputNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option->palette;
    const QColor accent = DesignerText::typeColor(m_input.type);
    QColor border = m_problems.isEmpty() ? accent : QColor(0xd7, 0x3a, 0x49);
    if (isSelected())
        border = palette.color(QPalette::Highlight);
    painter->setPen(QPen(border, isSelected() ? 3 : 1.5));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(0, 0, width, height), 14, 14);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawRoundedRect(QRectF(6, 8, 5, height - 16), 2, 2);

    QFont font = painter->font();
    font.setPointSizeF(9);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    const QRectF nameRect(18, 6, width - 30, 20);
    painter->drawText(nameRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(font).elidedText(m_input.name, Qt::ElideRight, nameRect.width()));
    font.setPointSizeF(7.5);
    font.setBold(false);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    QString detail = DesignerText::tr("input · %1").arg(DesignerText::typeName(m_input.type));
    if (!m_input.defaultValue.isUndefined())
        detail += m_input.defaultValue.isArray()
            ? DesignerText::tr(" · default of %n element(s)", nullptr, int(m_input.defaultValue.toArray().size()))
            : DesignerText::tr(" · default %1").arg(DesignerText::valueText(m_input.defaultValue, 60).simplified());
    const QRectF detailRect(18, 26, width - 30, 18);
    painter->drawText(detailRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(font).elidedText(detail, Qt::ElideRight, detailRect.width()));
}

} // namespace QwenSwarm::Ui
