#include "designer/stepnodeitem.h"

#include "common/displaytext.h"
#include "designer/designerscene.h"
#include "designer/designertext.h"
#include "designer/portitem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double kCorner = 8;
constexpr double kMarkerRadius = 10;

QColor kindColour(const WorkflowStep &step)
{
    if (step.kind == StepKind::Approval)
        return QColor(0xf0, 0xa2, 0x02);
    return step.map ? QColor(0x8e, 0x4e, 0xc6) : QColor(0x4a, 0x7f, 0xc1);
}

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QFont sized(QFont font, double points, bool bold = false, bool italic = false)
{
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setItalic(italic);
    return font;
}

} // namespace

StepNodeItem::StepNodeItem(const WorkflowStep &step)
    : m_step(step)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setZValue(2);
    setPos(step.x, step.y);
}

int StepNodeItem::rowCount(const WorkflowStep &step)
{
    // The outputs first, each on its own row (right), then the inputs (left): every label has the
    // node's whole width.
    return 2 + int(WorkflowGraph::inputNames(step).size()) + (step.map ? 1 : 0);
}

double StepNodeItem::heightFor(const WorkflowStep &step, bool withRun)
{
    return headerHeight + infoHeight + rowCount(step) * rowHeight + 6
        + (step.condition.trimmed().isEmpty() ? 0 : rowHeight) + (withRun ? footerHeight : 0);
}

QRectF StepNodeItem::boundingRect() const
{
    const double m = PortItem::radius + 4;
    const double marker = 2 * kMarkerRadius;
    return QRectF(-m, -marker, width + m + marker, height() + marker + m);
}

QPainterPath StepNodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(QRectF(0, 0, width, height()), kCorner, kCorner);
    return path;
}

QList<StepNodeItem::Row> StepNodeItem::leftRows() const
{
    QList<Row> rows;
    if (m_step.map)
        rows.append({PortRef::mapOver(m_step.id), DesignerText::tr("each of a list as {{%1}}").arg(m_step.map->as),
                     m_step.map->over.trimmed().isEmpty()});
    for (const QString &name : WorkflowGraph::inputNames(m_step))
        rows.append({PortRef::input(m_step.id, name), name, !m_step.inputs.contains(name)});
    return rows;
}

void StepNodeItem::setStep(const WorkflowStep &step, const Workflow &workflow)
{
    const bool resized = heightFor(step, m_run.has_value()) != height();
    if (resized)
        prepareGeometryChange();
    m_step = step;
    rebuildPorts(workflow);
    updateTooltip();
    update();
}

void StepNodeItem::rebuildPorts(const Workflow &workflow)
{
    QList<Row> rows = leftRows();
    QList<PortRef> wanted;
    for (const Row &row : rows)
        wanted.append(row.port);
    wanted << PortRef::output(m_step.id) << PortRef::agreement(m_step.id);
    if (!m_step.condition.trimmed().isEmpty())
        wanted << PortRef::condition(m_step.id);

    // Keep ports that stay (a drag in progress may hold one), drop the others, add the new.
    for (qsizetype i = m_ports.size() - 1; i >= 0; --i) {
        if (!wanted.contains(m_ports[i]->port())) {
            delete m_ports[i];
            m_ports.removeAt(i);
        }
    }
    QList<PortItem *> ordered;
    for (const PortRef &ref : std::as_const(wanted)) {
        PortItem *item = port(ref);
        if (!item)
            item = new PortItem(ref, this);
        ordered.append(item);
    }
    m_ports = ordered;
    for (PortItem *item : std::as_const(m_ports)) {
        const PortRef &ref = item->port();
        item->setPos(portPos(ref));
        switch (ref.role) {
        case PortRef::Role::Output:
        case PortRef::Role::Agreement:
            item->setValueType(WorkflowGraph::sourceType(workflow, ref));
            break;
        case PortRef::Role::Input:
            item->setValueType(m_step.inputs.contains(ref.name)
                                   ? WorkflowGraph::referenceType(workflow, m_step.inputs.value(ref.name))
                                   : std::nullopt);
            item->setMissing(!m_step.inputs.contains(ref.name));
            break;
        case PortRef::Role::MapOver:
            item->setValueType(ValueType::List);
            item->setMissing(m_step.map && m_step.map->over.trimmed().isEmpty());
            break;
        case PortRef::Role::Condition:
            item->setValueType(ValueType::Boolean);
            break;
        }
    }
}

PortItem *StepNodeItem::port(const PortRef &ref) const
{
    for (PortItem *item : m_ports) {
        if (item->port() == ref)
            return item;
    }
    return nullptr;
}

QPointF StepNodeItem::portScenePos(const PortRef &ref) const
{
    return mapToScene(portPos(ref));
}

QPointF StepNodeItem::portPos(const PortRef &ref) const
{
    const double top = rowsTop() + rowHeight / 2;
    QPointF local;
    switch (ref.role) {
    case PortRef::Role::Output:
        local = QPointF(width, top);
        break;
    case PortRef::Role::Agreement:
        local = QPointF(width, top + rowHeight);
        break;
    case PortRef::Role::Condition:
        local = QPointF(0, rowsTop() + rowCount(m_step) * rowHeight + 6 + rowHeight / 2);
        break;
    case PortRef::Role::Input:
    case PortRef::Role::MapOver: {
        const QList<Row> rows = leftRows();
        qsizetype index = 0;
        for (; index < rows.size(); ++index) {
            if (rows[index].port == ref)
                break;
        }
        local = QPointF(0, top + double(index + 2) * rowHeight);
        break;
    }
    }
    return local;
}

void StepNodeItem::setProblems(const QList<WorkflowProblem> &problems)
{
    if (problems == m_problems)
        return;
    m_problems = problems;
    updateTooltip();
    update();
}

void StepNodeItem::setRun(const std::optional<StepRun> &run)
{
    if (run == m_run)
        return;
    if (run.has_value() != m_run.has_value())
        prepareGeometryChange();
    m_run = run;
    updateTooltip();
    update();
}

void StepNodeItem::updateTooltip()
{
    QStringList lines {u"<b>%1</b> (%2)"_s.arg((m_step.title.isEmpty() ? m_step.id : m_step.title).toHtmlEscaped(),
                                               m_step.id.toHtmlEscaped())};
    for (const WorkflowProblem &problem : std::as_const(m_problems))
        lines.append(u"<span style='color:#d73a49'>%1</span>"_s.arg(problem.toString().toHtmlEscaped()));
    if (m_run) {
        lines.append(DesignerText::tr("State: %1").arg(DisplayText::stepState(m_run->state)));
        if (m_run->state == StepState::AwaitingApproval)
            lines.append(DesignerText::tr("Right-click to approve, edit or reject."));
        if (!m_run->output.isNull() && !m_run->output.isUndefined())
            lines.append(
                DesignerText::tr("Output: %1")
                    .arg(DesignerText::valueText(m_run->output, 600).toHtmlEscaped().replace(u'\n', u"<br>"_s)));
        if (!m_run->reason.isEmpty())
            lines.append(m_run->reason.toHtmlEscaped());
    }
    setToolTip(lines.join(u"<br>"_s));
}

QVariant StepNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    auto *designer = qobject_cast<DesignerScene *>(scene());
    if (change == ItemPositionChange && designer && designer->snapToGrid() && !designer->isSyncing()) {
        const QPointF p = value.toPointF();
        const double g = DesignerScene::gridSize;
        return QPointF(std::round(p.x() / g) * g, std::round(p.y() / g) * g);
    }
    if (change == ItemPositionHasChanged && designer)
        designer->nodeMoved(m_step.id);
    return QGraphicsItem::itemChange(change, value);
}

void StepNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option->palette;
    const QColor accent = m_run ? DesignerText::stepStateColor(m_run->state) : kindColour(m_step);
    QColor border = palette.color(QPalette::Mid);
    double borderWidth = 1.2;
    if (m_run) {
        border = accent;
        borderWidth = 2.5;
    }
    if (!m_problems.isEmpty()) {
        border = QColor(0xd7, 0x3a, 0x49);
        borderWidth = 2;
    }
    if (isSelected()) {
        border = palette.color(QPalette::Highlight);
        borderWidth = 3;
    }
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(0, 0, width, height()), kCorner, kCorner);
    paintHeader(painter, palette, accent);
    paintRows(painter, palette);
    paintFooter(painter, palette);
    paintMarker(painter);
}

void StepNodeItem::paintHeader(QPainter *painter, const QPalette &palette, const QColor &accent) const
{
    // The kind's colour (the state's in a run), the title and a badge naming the kind.
    const QColor base = palette.color(QPalette::Base);
    QPainterPath header;
    header.addRoundedRect(QRectF(0, 0, width, headerHeight), kCorner, kCorner);
    header.addRect(QRectF(0, headerHeight / 2, width, headerHeight / 2));
    painter->fillPath(header.simplified(), blend(base, accent, m_run ? 0.55 : 0.3));
    const QString badge = m_step.kind == StepKind::Approval ? DesignerText::tr("APPROVAL")
        : m_step.map                                        ? DesignerText::tr("MAP")
                                                            : DesignerText::tr("TASK");
    painter->setFont(sized(painter->font(), 6.5, true));
    const double badgeWidth = QFontMetricsF(painter->font()).horizontalAdvance(badge) + 10;
    const QRectF badgeRect(width - badgeWidth - 8, 8, badgeWidth, 14);
    painter->setPen(Qt::NoPen);
    painter->setBrush(blend(base, accent, 0.75));
    painter->drawRoundedRect(badgeRect, 4, 4);
    painter->setPen(Qt::white);
    painter->drawText(badgeRect, Qt::AlignCenter, badge);
    painter->setPen(palette.color(QPalette::Text));
    painter->setFont(sized(painter->font(), 9, true));
    const QRectF titleRect(10, 0, badgeRect.left() - 16, headerHeight);
    const QString title = m_step.title.isEmpty() ? m_step.id : m_step.title;
    painter->drawText(titleRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(painter->font()).elidedText(title, Qt::ElideRight, titleRect.width()));

    // The info line: id · swarm · strategy.
    QStringList info {m_step.id};
    if (m_step.kind == StepKind::Task) {
        info.append(m_step.swarm.isEmpty() ? DesignerText::tr("no swarm") : m_step.swarm);
        info.append(m_step.strategy ? m_step.strategy->name : DesignerText::tr("swarm's strategy"));
    } else {
        info.append(DesignerText::tr("asks an operator"));
    }
    painter->setFont(sized(painter->font(), 7.5));
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QRectF infoRect(10, headerHeight, width - 20, infoHeight);
    painter->drawText(infoRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(painter->font()).elidedText(info.join(u" · "_s), Qt::ElideRight, infoRect.width()));
    painter->setPen(QPen(palette.color(QPalette::Midlight), 1));
    painter->drawLine(QPointF(1, rowsTop()), QPointF(width - 1, rowsTop()));
}

void StepNodeItem::paintMarker(QPainter *painter) const
{
    if (m_problems.isEmpty())
        return;
    const QPointF centre(width + 2, -2);
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(QColor(0xd7, 0x3a, 0x49));
    painter->drawEllipse(centre, kMarkerRadius, kMarkerRadius);
    painter->setFont(sized(painter->font(), 7.5, true));
    painter->drawText(
        QRectF(centre.x() - kMarkerRadius, centre.y() - kMarkerRadius, 2 * kMarkerRadius, 2 * kMarkerRadius),
        Qt::AlignCenter, QString::number(m_problems.size()));
}

void StepNodeItem::paintRows(QPainter *painter, const QPalette &palette) const
{
    const QList<Row> rows = leftRows();
    const QFont plain = sized(painter->font(), 8);
    const QFont italic = sized(painter->font(), 8, false, true);
    const QString outputType = DesignerText::typeName(m_step.map ? ValueType::List : ValueType::Text);
    const QStringList outputs {DesignerText::tr("output · %1").arg(outputType),
                               DesignerText::tr("agreement · %1").arg(DesignerText::typeName(ValueType::Number))};
    painter->setFont(plain);
    painter->setPen(palette.color(QPalette::Text));
    for (qsizetype i = 0; i < outputs.size(); ++i) {
        const QRectF rect(12, rowsTop() + double(i) * rowHeight, width - 24, rowHeight);
        painter->drawText(rect, Qt::AlignVCenter | Qt::AlignRight, outputs[i]);
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QRectF rect(12, rowsTop() + double(i + 2) * rowHeight, width - 24, rowHeight);
        painter->setFont(rows[i].missing ? italic : plain);
        painter->setPen(rows[i].missing ? QColor(0xd7, 0x3a, 0x49) : palette.color(QPalette::Text));
        const QString label = rows[i].missing && rows[i].port.role == PortRef::Role::Input
            ? DesignerText::tr("%1 (unbound)").arg(rows[i].label)
            : rows[i].label;
        painter->drawText(rect, Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetricsF(painter->font()).elidedText(label, Qt::ElideRight, rect.width()));
    }
    if (!m_step.condition.trimmed().isEmpty()) {
        const QRectF rect(12, rowsTop() + rowCount(m_step) * rowHeight + 6, width - 24, rowHeight);
        painter->setFont(italic);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(rect, Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetricsF(painter->font())
                              .elidedText(DesignerText::tr("if %1").arg(m_step.condition.simplified()), Qt::ElideRight,
                                          rect.width()));
    }
}

void StepNodeItem::paintFooter(QPainter *painter, const QPalette &palette) const
{
    if (!m_run)
        return;
    const QRectF rect(10, height() - footerHeight, width - 20, footerHeight);
    painter->setPen(QPen(palette.color(QPalette::Midlight), 1));
    painter->drawLine(QPointF(1, rect.top()), QPointF(width - 1, rect.top()));
    const QColor colour = DesignerText::stepStateColor(m_run->state);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawEllipse(QPointF(rect.left() + 5, rect.center().y()), 5, 5);
    QString text = DisplayText::stepState(m_run->state);
    if (m_run->state == StepState::Succeeded && m_step.kind == StepKind::Task)
        text += DesignerText::tr(" · agreement %1%").arg(qRound(m_run->agreement * 100));
    if (m_run->state == StepState::AwaitingApproval)
        text = DesignerText::tr("waiting for approval");
    painter->setPen(palette.color(QPalette::Text));
    painter->setFont(sized(painter->font(), 8, m_run->state == StepState::AwaitingApproval));
    const QRectF textRect = rect.adjusted(16, 0, 0, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(painter->font()).elidedText(text, Qt::ElideRight, textRect.width()));
}

} // namespace QwenSwarm::Ui
