#pragma once

#include <api/workflow.h>

#include <QHash>
#include <QPointF>

#include <functional>

namespace QwenSwarm::Ui {

/// A layered layout of a workflow, left to right by dependency order: a step's column is one past
/// the deepest step it reads; within a column, steps sit near the steps they read (barycentres),
/// ties in file order. Pure and deterministic. Positions are top-left corners on the designer's grid.
class WorkflowLayout
{
public:
    static constexpr double columnSpacing = 320;
    static constexpr double rowGap = 50;
    static constexpr double grid = 20;

    /// `height` gives a step's node height (default: every node 120 high).
    static QHash<QString, QPointF> layered(const Api::Workflow &workflow,
                                           const std::function<double(const Api::WorkflowStep &)> &height = {});
    /// The column of each step (0 for steps that read no step). Steps on a cycle get a column too.
    static QHash<QString, int> columns(const Api::Workflow &workflow);
};

} // namespace QwenSwarm::Ui
