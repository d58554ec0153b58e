#pragma once

#include <api/backend.h>

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace QwenSwarm::Ui {

class AgentDetailWidget;
class AgentsModel;
class AgentsProxyModel;
class BannerWidget;
class BatchProgressBar;
class SpawnAgentDialog;
class SwarmDirectory;

/// The agents of the backend in a sortable, filterable table with batch lifecycle commands on the
/// selected rows, a spawn dialog, and the selected agent's details beside it.
class AgentsPage : public QWidget
{
    Q_OBJECT

public:
    AgentsPage(Api::Backend &backend, SwarmDirectory &swarms, QWidget *parent = nullptr);

    AgentsModel *model() const { return m_model; }
    AgentsProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    AgentDetailWidget *detail() const { return m_detail; }
    BannerWidget *banner() const { return m_banner; }
    BatchProgressBar *batchProgress() const { return m_batchBar; }

    /// Every action of the page, for the window's menus (they carry their shortcuts).
    QList<QAction *> pageActions() const;
    QAction *commandAction(Api::AgentCommand command) const;
    QAction *spawnAction() const { return m_spawn; }

    void start();
    void selectAgent(Api::AgentId id);
    QList<Api::AgentId> selectedAgents() const;
    /// Applies `command` to every selected agent; failures go to the banner.
    void runCommand(Api::AgentCommand command);
    /// Opens the spawn dialog (non-modal to the event loop) and returns it.
    SpawnAgentDialog *openSpawnDialog();
    void focusSearch();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    QWidget *buildFilterBar();
    void createActions();
    void fillSwarmFilter();
    void selectionChanged();
    void updateCount();

    Api::Backend &m_backend;
    SwarmDirectory &m_swarms;
    AgentsModel *m_model;
    AgentsProxyModel *m_proxy;
    BannerWidget *m_banner;
    BatchProgressBar *m_batchBar;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QComboBox *m_swarmFilter = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_view;
    AgentDetailWidget *m_detail;
    QAction *m_spawn = nullptr;
    QList<std::pair<Api::AgentCommand, QAction *>> m_commands;
};

} // namespace QwenSwarm::Ui
