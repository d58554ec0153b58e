#pragma once

#include "consensus/answerpalette.h"

#include <api/backend.h>

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace QwenSwarm::Ui {

class DecisionChartsWidget;
class ReputationChartWidget;

/// One decision's whole trail: agents as rows and rounds as columns, each cell the agent's
/// normalised answer (raw text on demand and in the tooltip) with its weight and confidence,
/// coloured by answer; dissenters marked; the winner and the rule it had to meet; for Byzantine
/// approval the votes that counted toward 2f+1, for judge strategies the proposer → judge flow; the
/// "why" worked out from the votes; vote distribution and agreement charts; right/wrong feedback
/// and the reputation of the decision's agents over time, so the feedback's effect shows.
class DecisionDetailWidget : public QWidget
{
    Q_OBJECT

public:
    enum CellRole
    {
        NormalizedRole = Qt::UserRole + 1,
        RawRole,
        WeightRole,
        ConfidenceRole,
        StatusRole, ///< int(VoteStatus)
        AgentIdRole, ///< on the row header: quint64
    };

    explicit DecisionDetailWidget(Api::Backend &backend, QWidget *parent = nullptr);

    /// Loads the decision (and its swarm's agents for their names) and shows it.
    void showDecision(Api::DecisionId id);
    void setDecision(const Api::Decision &decision);
    const Api::Decision &decision() const { return m_decision; }
    bool hasDecision() const { return m_decision.id.isValid(); }
    /// Compact form for side-by-side comparison: no feedback or reputation chart.
    void setCompact(bool compact);
    void setDark(bool dark);
    void setShowRaw(bool raw);

    QTableWidget *grid() const { return m_grid; }
    QString whyText() const;
    QString summaryText() const;
    QString flowText() const;
    QPushButton *rightButton() const { return m_right; }
    QPushButton *wrongButton() const { return m_wrong; }
    ReputationChartWidget *reputationChart() const { return m_reputation; }
    DecisionChartsWidget *charts() const { return m_charts; }
    QString agentName(Api::AgentId id) const;

Q_SIGNALS:
    void decisionShown(Api::DecisionId id);
    void feedbackRecorded(Api::DecisionId id);
    void failed(const QString &message);

private:
    QWidget *buildHeader();
    void render();
    void fillGrid();
    void fillSummary();
    void fillFlow();
    void giveFeedback(bool correct);
    void loadAgents(Api::SwarmId swarm);

    Api::Backend &m_backend;
    Api::Decision m_decision;
    QHash<Api::AgentId, Api::Agent> m_agents;
    Api::SwarmId m_agentsOf;
    AnswerPalette m_palette;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_flow;
    QCheckBox *m_raw;
    QPushButton *m_right;
    QPushButton *m_wrong;
    QLabel *m_feedback;
    QTableWidget *m_grid;
    QPlainTextEdit *m_why;
    DecisionChartsWidget *m_charts;
    ReputationChartWidget *m_reputation;
    int m_request = 0;
};

} // namespace QwenSwarm::Ui
