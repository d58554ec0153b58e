#pragma once

#include "designer/workflowgraph.h"

#include <api/workflow.h>

#include <QGraphicsItem>

#include <optional>

namespace QwenSwarm::Ui {

class PortItem;

/// A step in the designer: a card with its title, id, swarm and strategy, an input port (left) for
/// each bound name, for each prompt name nothing binds yet, for a map's list and a condition, and
/// the output ports "output" and "agreement" (right). A red marker lists its validation problems;
/// during a run its colour follows the step's state and its tooltip shows the output.
class StepNodeItem : public QGraphicsItem
{
public:
    static constexpr double width = 220;
    static constexpr double headerHeight = 30;
    static constexpr double infoHeight = 20;
    static constexpr double rowHeight = 22;
    static constexpr double footerHeight = 22;
    enum
    {
        Type = UserType + 22
    };

    explicit StepNodeItem(const Api::WorkflowStep &step);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const Api::WorkflowStep &step() const { return m_step; }
    QString stepId() const { return m_step.id; }
    /// Takes the step as it now is; `workflow` gives the types of what its inputs read.
    void setStep(const Api::WorkflowStep &step, const Api::Workflow &workflow);
    double height() const { return heightFor(m_step, m_run.has_value()); }
    static double heightFor(const Api::WorkflowStep &step, bool withRun = false);

    const QList<Api::WorkflowProblem> &problems() const { return m_problems; }
    void setProblems(const QList<Api::WorkflowProblem> &problems);
    const std::optional<Api::StepRun> &run() const { return m_run; }
    void setRun(const std::optional<Api::StepRun> &run);

    /// The port, or nullptr when the node has none such.
    PortItem *port(const PortRef &port) const;
    QList<PortItem *> ports() const { return m_ports; }
    /// Where connections attach, in scene coordinates.
    QPointF portScenePos(const PortRef &port) const;
    QPointF portPos(const PortRef &port) const;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    struct Row
    {
        PortRef port;
        QString label;
        bool missing = false;
    };
    QList<Row> leftRows() const;
    void rebuildPorts(const Api::Workflow &workflow);
    void updateTooltip();
    void paintHeader(QPainter *painter, const QPalette &palette, const QColor &accent) const;
    void paintRows(QPainter *painter, const QPalette &palette) const;
    void paintMarker(QPainter *painter) const;
    void paintFooter(QPainter *painter, const QPalette &palette) const;
    double rowsTop() const { return headerHeight + infoHeight; }
    static int rowCount(const Api::WorkflowStep &step);

    Api::WorkflowStep m_step;
    QList<PortItem *> m_ports;
    QList<Api::WorkflowProblem> m_problems;
    std::optional<Api::StepRun> m_run;
};

} // namespace QwenSwarm::Ui
