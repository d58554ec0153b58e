#pragma once

#include <api/backend.h>

#include <QTimer>
#include <QWidget>

class QLabel;
class QTextBrowser;

namespace QwenSwarm::Ui {

class AgentsModel;
class SwarmDirectory;

/// The selected agent: what it is, how it is doing, its state history (since the page opened) and
/// its reputations (overall and per tag), re-read every few seconds while shown.
class AgentDetailWidget : public QWidget
{
    Q_OBJECT

public:
    AgentDetailWidget(Api::Backend &backend, const AgentsModel &agents, SwarmDirectory &swarms,
                      QWidget *parent = nullptr);

    void showAgent(Api::AgentId id);
    Api::AgentId agentId() const { return m_agent; }
    /// What the pane shows, as plain text (for tests and copying).
    QString text() const;

private:
    void render();
    void loadReputations();
    QString sectionHtml(const Api::Agent &agent) const;
    QString historyHtml(const Api::Agent &agent) const;
    QString reputationHtml() const;

    Api::Backend &m_backend;
    const AgentsModel &m_agents;
    SwarmDirectory &m_swarms;
    QLabel *m_title;
    QTextBrowser *m_body;
    QTimer m_reputationTimer;
    Api::AgentId m_agent;
    QList<Api::Reputation> m_reputations;
    QString m_reputationError;
    bool m_reputationsLoaded = false;
};

} // namespace QwenSwarm::Ui
