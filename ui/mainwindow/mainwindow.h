#pragma once

#include <api/ids.h>

#include <QMainWindow>

#include <functional>

class QActionGroup;
class QDockWidget;

namespace QwenSwarm::Api {
class Backend;
}

namespace QwenSwarm::Ui {

class AgentGraphPage;
class AgentsPage;
class CommandPaletteDialog;
class CommandPaletteModel;
class ConnectionBar;
class ConnectionMonitor;
class ConnectionStatusWidget;
class ConsensusPage;
class DesignerPage;
class DashboardPage;
class LogsPage;
class ProvidersPage;
class RunsPage;
class SecretStore;
class SummaryPage;
class SwarmDirectory;
class TasksPage;
class ThemeController;

/// The console's window: a shell of dockable, closable pages (dashboard, agents, tasks, logs, graph,
/// consensus, providers, workflow runs, workflow designer) whose layout and geometry persist, with menus and shortcuts
/// for every action, a command palette (Ctrl+K), the connection in the status bar, and light or dark palettes that
/// follow the system. It shows whatever Backend it is given and never knows which one.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page
    {
        Dashboard,
        Agents,
        Tasks,
        Logs,
        Graph,
        Consensus,
        Providers,
        Runs,
        Designer,
    };

    explicit MainWindow(Api::Backend &backend, QWidget *parent = nullptr);
    ~MainWindow() override;

    DashboardPage *dashboardPage() const { return m_dashboard; }
    SummaryPage *summaryPage() const;
    AgentsPage *agentsPage() const { return m_agents; }
    TasksPage *tasksPage() const { return m_tasks; }
    LogsPage *logsPage() const { return m_logs; }
    AgentGraphPage *graphPage() const { return m_graph; }
    ConsensusPage *consensusPage() const { return m_consensus; }
    ProvidersPage *providersPage() const { return m_providers; }
    RunsPage *runsPage() const { return m_runs; }
    DesignerPage *designerPage() const { return m_designer; }
    CommandPaletteDialog *commandPalette() const { return m_palette; }
    ThemeController *theme() const { return m_theme; }
    QDockWidget *dock(Page page) const;
    QString connectionText() const;
    ConnectionStatusWidget *connectionStatus() const { return m_connection; }
    /// What the composition root knows of the connection (TLS, role, problems): shown in the status
    /// bar and, while something is wrong, in a bar across the window with what to do next.
    void setConnectionMonitor(ConnectionMonitor *monitor);
    ConnectionBar *connectionBar() const { return m_connectionBar; }
    /// For an embedded core: provider keys can live in the system keychain (`secrets`); `hook` hands
    /// the core such a key. Without it (a remote daemon) keys live in the daemon's environment.
    void setProviderKeyHook(SecretStore &secrets, std::function<void(const QString &, const QByteArray &)> hook);

    /// Shows (reopening if closed) and raises a page.
    void showPage(Page page);
    void showAgent(Api::AgentId id);
    void showTask(Api::TaskId id);
    void showDecision(Api::DecisionId id);

    /// Window geometry, dock layout and theme, in QSettings.
    void saveLayout() const;
    bool restoreLayout();
    void resetLayout();

Q_SIGNALS:
    /// The operator asked to choose another connection (File › Connect…).
    void connectRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QDockWidget *addPage(Page page, const QString &title, QWidget *widget);
    void createMenus();
    void createFileAndGoMenus();
    void createViewMenu();
    void createPageMenus();
    void createHelpMenu();
    void connectPages();
    void findInCurrentPage();
    void refreshCurrentPage();
    void showShortcuts();
    Page currentPage() const;

    Api::Backend &m_backend;
    ThemeController *m_theme;
    SwarmDirectory *m_swarms;
    DashboardPage *m_dashboard;
    AgentsPage *m_agents;
    TasksPage *m_tasks;
    LogsPage *m_logs;
    AgentGraphPage *m_graph = nullptr;
    ConsensusPage *m_consensus = nullptr;
    ProvidersPage *m_providers = nullptr;
    RunsPage *m_runs = nullptr;
    DesignerPage *m_designer = nullptr;
    ConnectionBar *m_connectionBar = nullptr;
    ConnectionStatusWidget *m_connection;
    CommandPaletteModel *m_paletteModel;
    CommandPaletteDialog *m_palette;
    QList<QDockWidget *> m_docks;
    QActionGroup *m_themes = nullptr;
    Page m_lastPage = Page::Dashboard;
};

} // namespace QwenSwarm::Ui
