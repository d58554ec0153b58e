#pragma once

#include <api/ids.h>

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <utility>

namespace QwenSwarm::Ui {

/// A force-directed layout of swarms (groups) of agents (nodes), pure and thread-safe so it can run
/// off the GUI thread. Each group is laid out on its own around the origin; groups are placed on a
/// grid in the order given, in cells of a fixed size step, so a group that grows a little moves no
/// other. The same input and seed give the same output. Given the previous result, known nodes start
/// where they were and move little (a short, cool pass), and a new node starts next to its
/// neighbours, so the picture stays put when one agent joins.
class GraphLayout
{
public:
    struct Group
    {
        Api::SwarmId id;
        QList<Api::AgentId> nodes;
        QList<std::pair<int, int>> edges; ///< Indices into `nodes`.
    };
    struct Result
    {
        QHash<Api::AgentId, QPointF> local; ///< Position inside its group's frame.
        QHash<Api::SwarmId, QPointF> groupOrigin; ///< Where each group's frame sits in the scene.
        QHash<Api::SwarmId, QRectF> groupBounds; ///< Each group's node extent, in its frame.
        double cellSize = 0;

        QPointF position(Api::SwarmId group, Api::AgentId node) const
        {
            return groupOrigin.value(group) + local.value(node);
        }
    };
    struct Input
    {
        QList<Group> groups;
        quint32 seed = 1;
        Result previous; ///< Empty for a first layout.
    };

    static constexpr double nodeSpacing = 70;

    static Result compute(const Input &input);

private:
    static QHash<Api::AgentId, QPointF> layoutGroup(const Group &group, quint32 seed, const Result &previous);
};

} // namespace QwenSwarm::Ui
