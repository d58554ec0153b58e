#include "designer/workflowlayout.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace QwenSwarm::Ui {

using namespace Api;

QHash<QString, int> WorkflowLayout::columns(const Workflow &workflow)
{
    QHash<QString, int> column;
    for (const WorkflowStep &step : workflow.steps)
        column.insert(step.id, 0);
    // Longest path by relaxation; at most one pass per step, so a cycle cannot loop for ever.
    for (qsizetype pass = 0; pass < workflow.steps.size(); ++pass) {
        bool changed = false;
        for (const WorkflowStep &step : workflow.steps) {
            int deepest = -1;
            for (const QString &dependency : stepDependencies(step)) {
                if (dependency != step.id && column.contains(dependency))
                    deepest = std::max(deepest, column.value(dependency));
            }
            if (deepest + 1 > column.value(step.id)) {
                column.insert(step.id, deepest + 1);
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    return column;
}

QHash<QString, QPointF> WorkflowLayout::layered(const Workflow &workflow,
                                                const std::function<double(const WorkflowStep &)> &height)
{
    const QHash<QString, int> column = columns(workflow);
    int last = 0;
    for (const int c : column)
        last = std::max(last, c);
    QList<QList<const WorkflowStep *>> layers(last + 1);
    for (const WorkflowStep &step : workflow.steps)
        layers[column.value(step.id)].append(&step);

    QHash<QString, double> rank; // position within its column, for the next columns' barycentres
    QHash<QString, QPointF> positions;
    auto snap = [](double v) { return std::round(v / grid) * grid; };
    for (int c = 0; c <= last; ++c) {
        QList<const WorkflowStep *> &layer = layers[c];
        QHash<const WorkflowStep *, double> centre;
        for (qsizetype i = 0; i < layer.size(); ++i) {
            double sum = 0;
            int count = 0;
            for (const QString &dependency : stepDependencies(*layer[i])) {
                if (rank.contains(dependency)) {
                    sum += rank.value(dependency);
                    ++count;
                }
            }
            centre.insert(layer[i], count ? sum / count : double(i));
        }
        std::stable_sort(layer.begin(), layer.end(), [&](const WorkflowStep *a, const WorkflowStep *b) {
            return centre.value(a) < centre.value(b);
        });
        double total = 0;
        for (const WorkflowStep *step : std::as_const(layer))
            total += (height ? height(*step) : 120) + rowGap;
        double y = -(total - rowGap) / 2;
        for (qsizetype i = 0; i < layer.size(); ++i) {
            const WorkflowStep *step = layer[i];
            rank.insert(step->id, double(i) - double(layer.size() - 1) / 2);
            positions.insert(step->id, QPointF(snap(c * columnSpacing), snap(y)));
            y += (height ? height(*step) : 120) + rowGap;
        }
    }
    return positions;
}

} // namespace QwenSwarm::Ui
