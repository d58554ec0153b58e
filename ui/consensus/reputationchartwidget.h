#pragma once

#include <api/backend.h>

#include <QHash>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace QwenSwarm::Ui {

/// Each given agent's reputation (the posterior mean of its overall Beta) over time, from the
/// backend's reputation history, one line per agent; points a feedback caused are marked. Reload it
/// after feedback to see the effect.
class ReputationChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ReputationChartWidget(Api::Backend &backend, QWidget *parent = nullptr);

    void setAgents(const QList<std::pair<Api::AgentId, QString>> &agents);
    void reload();
    void setDark(bool dark);
    QChart *chart() const;
    /// The newest mean shown for the agent, -1 if none is.
    double shownMean(Api::AgentId agent) const { return m_latest.value(agent, -1); }
    /// How many history points are shown for the agent.
    int pointCount(Api::AgentId agent) const { return m_points.value(agent); }

Q_SIGNALS:
    void loaded();

private:
    void show(Api::AgentId agent, const QString &name, const QList<Api::ReputationPoint> &points);
    void rescale();

    Api::Backend &m_backend;
    QChartView *m_view;
    QList<std::pair<Api::AgentId, QString>> m_agents;
    QHash<Api::AgentId, double> m_latest;
    QHash<Api::AgentId, int> m_points;
    int m_generation = 0;
    int m_pending = 0;
};

} // namespace QwenSwarm::Ui
