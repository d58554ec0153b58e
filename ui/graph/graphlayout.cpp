#include "graph/graphlayout.h"

#include <QLineF>

#include <algorithm>
#include <cmath>
#include <random>

namespace QwenSwarm::Ui {

namespace {

constexpr int coldIterations = 220;
constexpr int warmIterations = 40;
constexpr double cellStep = 200;

struct Forces
{
    double k; ///< Ideal edge length.
    double gravity; ///< Pull toward the group's centre, keeps unconnected nodes together.
};

void step(QList<QPointF> &pos, const QList<std::pair<int, int>> &edges, const Forces &f, double temperature,
          const QList<double> &mobility)
{
    const qsizetype n = pos.size();
    QList<QPointF> disp(n, QPointF());
    for (qsizetype i = 0; i < n; ++i) {
        for (qsizetype j = i + 1; j < n; ++j) {
            QPointF d = pos[i] - pos[j];
            double dist = std::hypot(d.x(), d.y());
            if (dist < 0.01) {
                d = QPointF(0.01 * double(i - j), 0.01);
                dist = std::hypot(d.x(), d.y());
            }
            const QPointF push = d / dist * (f.k * f.k / dist);
            disp[i] += push;
            disp[j] -= push;
        }
    }
    for (const auto &[a, b] : edges) {
        const QPointF d = pos[a] - pos[b];
        const double dist = std::max(std::hypot(d.x(), d.y()), 0.01);
        const QPointF pull = d / dist * (dist * dist / f.k);
        disp[a] -= pull;
        disp[b] += pull;
    }
    for (qsizetype i = 0; i < n; ++i) {
        disp[i] -= pos[i] * f.gravity;
        const double len = std::hypot(disp[i].x(), disp[i].y());
        if (len > 0)
            pos[i] += disp[i] / len * std::min(len, temperature * mobility[i]);
    }
}

} // namespace

QHash<Api::AgentId, QPointF> GraphLayout::layoutGroup(const Group &group, quint32 seed, const Result &previous)
{
    const qsizetype n = group.nodes.size();
    QHash<Api::AgentId, QPointF> out;
    if (n == 0)
        return out;
    std::mt19937 rng(seed ^ quint32(group.id.value * 2654435761u));
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    const double radius = nodeSpacing * std::sqrt(double(n)) * 0.6;

    QList<QPointF> pos(n);
    QList<double> mobility(n, 1.0);
    QList<bool> known(n, false);
    int knownCount = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto it = previous.local.constFind(group.nodes[i]);
        if (it != previous.local.cend()) {
            pos[i] = *it;
            known[i] = true;
            ++knownCount;
        }
    }
    const bool warm = knownCount > 0;
    for (qsizetype i = 0; i < n; ++i) {
        const QPointF jitter(unit(rng) * nodeSpacing * 0.3, unit(rng) * nodeSpacing * 0.3);
        if (known[i]) {
            mobility[i] = 0.15; // settled nodes only give way a little
            continue;
        }
        QPointF sum;
        int neighbours = 0;
        for (const auto &[a, b] : group.edges) {
            const qsizetype other = a == i ? b : b == i ? a : -1;
            if (other >= 0 && known[other]) {
                sum += pos[other];
                ++neighbours;
            }
        }
        if (neighbours > 0)
            pos[i] = sum / neighbours + jitter;
        else if (warm)
            pos[i] = QPointF(unit(rng), unit(rng)) * radius;
        else {
            const double angle = 2 * M_PI * double(i) / double(n);
            pos[i] = QPointF(std::cos(angle), std::sin(angle)) * radius + jitter;
        }
    }
    const Forces forces {nodeSpacing, 0.02};
    const int iterations = warm ? warmIterations : coldIterations;
    double temperature = warm ? nodeSpacing * 0.5 : radius;
    const double cooling = std::pow(0.02, 1.0 / iterations);
    for (int it = 0; it < iterations; ++it) {
        step(pos, group.edges, forces, temperature, mobility);
        temperature *= cooling;
    }
    if (!warm) { // centre a fresh layout; a warm one keeps its frame so nothing slides
        QPointF centre;
        for (const QPointF &p : std::as_const(pos))
            centre += p;
        centre /= double(n);
        for (QPointF &p : pos)
            p -= centre;
    }
    for (qsizetype i = 0; i < n; ++i)
        out.insert(group.nodes[i], pos[i]);
    return out;
}

GraphLayout::Result GraphLayout::compute(const Input &input)
{
    Result result;
    double extent = input.previous.cellSize;
    for (const Group &group : input.groups) {
        const auto local = layoutGroup(group, input.seed, input.previous);
        QRectF bounds;
        for (auto it = local.cbegin(); it != local.cend(); ++it) {
            result.local.insert(it.key(), it.value());
            bounds = bounds.united(QRectF(it.value() - QPointF(1, 1), QSizeF(2, 2)));
        }
        bounds.adjust(-nodeSpacing * 0.6, -nodeSpacing * 0.6, nodeSpacing * 0.6, nodeSpacing * 0.8);
        result.groupBounds.insert(group.id, bounds);
        const double needed = 2
                * std::max({std::abs(bounds.left()), std::abs(bounds.right()), std::abs(bounds.top()),
                            std::abs(bounds.bottom())})
            + nodeSpacing;
        if (needed > extent) // grow in steps, never shrink: small changes move no group
            extent = std::ceil(needed / cellStep) * cellStep;
    }
    result.cellSize = extent;
    const int columns = std::max(1, int(std::ceil(std::sqrt(double(input.groups.size())))));
    for (qsizetype g = 0; g < input.groups.size(); ++g) {
        const double x = double(g % columns) * extent + extent / 2;
        const double y = double(g / columns) * extent + extent / 2;
        result.groupOrigin.insert(input.groups[g].id, QPointF(x, y));
    }
    return result;
}

} // namespace QwenSwarm::Ui
