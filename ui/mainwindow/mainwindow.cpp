#include "mainwindow/mainwindow.h"

#include "agents/agentsmodel.h"
#include "agents/agentspage.h"
#include "common/bannerwidget.h"
#include "common/erroradvice.h"
#include "common/swarmdirectory.h"
#include "common/themecontroller.h"
#include "connect/connectionbar.h"
#include "connect/connectionmonitor.h"
#include "consensus/consensuspage.h"
#include "dashboard/dashboardpage.h"
#include "designer/designerpage.h"
#include "graph/agentgraphpage.h"
#include "logs/logspage.h"
#include "mainwindow/commandpalettedialog.h"
#include "mainwindow/commandpalettemodel.h"
#include "mainwindow/connectionstatuswidget.h"
#include "mainwindow/shortcutsdialog.h"
#include "providers/providerspage.h"
#include "runs/runsmodel.h"
#include "runs/runspage.h"
#include "tasks/taskdetailwidget.h"
#include "tasks/tasksmodel.h"
#include "tasks/taskspage.h"

#include <api/backend.h>

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include <array>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr int layoutVersion = 1;
const char *const geometryKey = "window/geometry";
const char *const stateKey = "window/state";
const char *const themeKey = "appearance/theme";
const char *const languageKey = "appearance/language"; // read by the program before the window exists

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

MainWindow::MainWindow(Backend &backend, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
    , m_theme(new ThemeController(this))
    , m_swarms(new SwarmDirectory(backend, this))
    , m_dashboard(new DashboardPage(backend, this))
    , m_agents(new AgentsPage(backend, *m_swarms, this))
    , m_tasks(new TasksPage(backend, *m_swarms, this))
    , m_logs(new LogsPage(backend, this))
    , m_connection(new ConnectionStatusWidget(backend, this))
    , m_paletteModel(new CommandPaletteModel(backend, *m_agents->model(), this))
    , m_palette(new CommandPaletteDialog(*m_paletteModel, this))
{
    setWindowTitle(tr("Qwen Swarm"));
    setObjectName(QStringLiteral("main_window"));
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks | GroupedDragging);
    setTabPosition(Qt::AllDockWidgetAreas, QTabWidget::North);
    setDocumentMode(true);
    addPage(Page::Dashboard, tr("Dashboard"), m_dashboard);
    addPage(Page::Agents, tr("Agents"), m_agents);
    addPage(Page::Tasks, tr("Tasks"), m_tasks);
    addPage(Page::Logs, tr("Logs"), m_logs);
    m_graph = new AgentGraphPage(backend, this);
    m_consensus = new ConsensusPage(backend, *m_swarms, this);
    addPage(Page::Graph, tr("Agent graph"), m_graph);
    addPage(Page::Consensus, tr("Consensus"), m_consensus);
    m_providers = new ProvidersPage(backend, this);
    addPage(Page::Providers, tr("Providers"), m_providers);
    m_runs = new RunsPage(backend, this);
    addPage(Page::Runs, tr("Runs"), m_runs);
    m_designer = new DesignerPage(backend, this);
    addPage(Page::Designer, tr("Designer"), m_designer);
    resetLayout();
    statusBar()->addPermanentWidget(m_connection);
    createMenus();
    connectPages();

    const QString theme = QSettings().value(key(themeKey)).toString();
    const auto mode = theme == QLatin1StringView("dark") ? ThemeController::Mode::Dark
        : theme == QLatin1StringView("light")            ? ThemeController::Mode::Light
                                                         : ThemeController::Mode::System;
    m_themes->actions().at(int(mode))->setChecked(true);
    m_theme->setMode(mode);
    m_dashboard->setDark(m_theme->dark());
    m_consensus->setDark(m_theme->dark());
    if (!restoreLayout())
        resize(1280, 800);

    m_swarms->start();
    m_connection->start();
    m_dashboard->start();
    m_agents->start();
    m_tasks->start();
    m_logs->start();
    m_graph->start();
    m_consensus->start();
    m_providers->start();
    m_runs->start();
    m_designer->start();
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addPage(Page page, const QString &title, QWidget *widget)
{
    static constexpr std::array<const char *, 9> names {"dock_dashboard", "dock_agents", "dock_tasks",
                                                        "dock_logs",      "dock_graph",  "dock_consensus",
                                                        "dock_providers", "dock_runs",   "dock_designer"};
    static_assert(names.size() == std::size_t(Page::Designer) + 1, "one dock name per page (Designer is the last)");
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(QString::fromLatin1(names.at(std::size_t(page)))); // the key of its saved place
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    connect(dock, &QDockWidget::visibilityChanged, this, [this, page](bool visible) {
        if (visible)
            m_lastPage = page;
    });
    m_docks.append(dock);
    return dock;
}

void MainWindow::resetLayout()
{
    for (QDockWidget *dock : std::as_const(m_docks)) {
        removeDockWidget(dock);
        dock->setFloating(false);
        addDockWidget(Qt::LeftDockWidgetArea, dock);
        dock->show();
    }
    for (qsizetype i = 1; i < m_docks.size(); ++i)
        tabifyDockWidget(m_docks.constFirst(), m_docks.at(i));
    m_docks.constFirst()->raise();
}

SummaryPage *MainWindow::summaryPage() const
{
    return m_dashboard->summaryPage();
}

QDockWidget *MainWindow::dock(Page page) const
{
    return m_docks.at(int(page));
}

QString MainWindow::connectionText() const
{
    return m_connection->text();
}

void MainWindow::createMenus()
{
    createFileAndGoMenus();
    createViewMenu();
    createPageMenus();
    createHelpMenu();
    QList<QAction *> all;
    QList<QAction *> pending = menuBar()->actions();
    while (!pending.isEmpty()) { // every action of every menu and submenu
        QAction *action = pending.takeFirst();
        if (action->menu())
            pending += action->menu()->actions();
        else if (!action->isSeparator() && !menuBar()->actions().contains(action))
            all.append(action);
    }
    m_paletteModel->setActions(all);
}

void MainWindow::createFileAndGoMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence(QStringLiteral("Ctrl+Q")), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("action_quit"));
    QAction *connectTo = file->addAction(tr("&Connect…"), QKeySequence(QStringLiteral("Ctrl+Shift+O")), this,
                                         &MainWindow::connectRequested);
    connectTo->setObjectName(QStringLiteral("action_connect"));
    file->insertAction(quit, connectTo);
    file->insertSeparator(quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *palette = go->addAction(tr("&Go to…"), QKeySequence(QStringLiteral("Ctrl+K")), m_palette,
                                     &CommandPaletteDialog::openPalette);
    palette->setObjectName(QStringLiteral("action_command_palette"));
    go->addSeparator();
    const std::pair<Page, QString> pages[] = {{Page::Dashboard, tr("&Dashboard")},
                                              {Page::Agents, tr("&Agents")},
                                              {Page::Tasks, tr("&Tasks")},
                                              {Page::Logs, tr("&Logs")},
                                              {Page::Graph, tr("Agent &graph")},
                                              {Page::Consensus, tr("&Consensus")},
                                              {Page::Providers, tr("&Providers")},
                                              {Page::Runs, tr("&Runs")},
                                              {Page::Designer, tr("Workflow d&esigner")}};
    for (const auto &[page, title] : pages) {
        QAction *action = go->addAction(title, QKeySequence(QStringLiteral("Ctrl+%1").arg(int(page) + 1)), this,
                                        [this, p = page] { showPage(p); });
        action->setObjectName(QStringLiteral("action_show_page_%1").arg(int(page) + 1));
    }
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Find in page"), QKeySequence(QStringLiteral("Ctrl+F")), this, &MainWindow::findInCurrentPage);
    edit->addAction(tr("&Refresh page"), QKeySequence(Qt::Key_F5), this, &MainWindow::refreshCurrentPage);
}

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : std::as_const(m_docks)) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setText(tr("%1 page").arg(dock->windowTitle()));
        view->addAction(toggle);
    }
    view->addSeparator();
    QAction *reset = view->addAction(tr("&Reset layout"), QKeySequence(QStringLiteral("Ctrl+Shift+R")), this,
                                     &MainWindow::resetLayout);
    reset->setObjectName(QStringLiteral("action_reset_layout"));
    QMenu *theme = view->addMenu(tr("&Theme"));
    m_themes = new QActionGroup(this);
    const std::pair<ThemeController::Mode, QString> modes[]
        = {{ThemeController::Mode::System, tr("Follow the &system")},
           {ThemeController::Mode::Light, tr("&Light theme")},
           {ThemeController::Mode::Dark, tr("&Dark theme")}};
    for (const auto &[mode, title] : modes) {
        QAction *action = theme->addAction(title);
        action->setCheckable(true);
        m_themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, m = mode] {
            m_theme->setMode(m);
            static const char *const names[] = {"system", "light", "dark"};
            QSettings().setValue(key(themeKey), QString::fromLatin1(names[int(m)]));
        });
    }
    // The language applies from the next start: every page's texts are made once, in their language.
    QMenu *language = view->addMenu(tr("L&anguage"));
    auto *languages = new QActionGroup(this);
    const QString saved = QSettings().value(key(languageKey)).toString();
    const std::pair<QString, QString> choices[] = {{QString(), tr("Follow the &system")},
                                                   {QStringLiteral("en"), QStringLiteral("English")},
                                                   {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[code, title] : choices) {
        QAction *action = language->addAction(title);
        action->setObjectName(
            QStringLiteral("action_language_%1").arg(code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == saved);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            if (code.isEmpty())
                QSettings().remove(key(languageKey));
            else
                QSettings().setValue(key(languageKey), code);
            statusBar()->showMessage(tr("The console speaks the chosen language from its next start."), 15000);
        });
    }
    QAction *fullScreen = view->addAction(tr("&Full screen"), QKeySequence(Qt::Key_F11), this,
                                          [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
    fullScreen->setObjectName(QStringLiteral("action_full_screen"));
}

void MainWindow::createPageMenus()
{
    QMenu *dashboard = menuBar()->addMenu(tr("&Dashboard"));
    dashboard->addActions(m_dashboard->pageActions());
    QMenu *agents = menuBar()->addMenu(tr("&Agents"));
    agents->addActions(m_agents->pageActions());
    QMenu *tasks = menuBar()->addMenu(tr("&Tasks"));
    tasks->addActions(m_tasks->pageActions());
    QMenu *logs = menuBar()->addMenu(tr("&Logs"));
    logs->addActions(m_logs->pageActions());
    QMenu *graph = menuBar()->addMenu(tr("&Graph"));
    graph->addActions(m_graph->pageActions());
    QMenu *consensus = menuBar()->addMenu(tr("&Consensus"));
    consensus->addActions(m_consensus->pageActions());
    QMenu *providers = menuBar()->addMenu(tr("&Providers"));
    providers->addActions(m_providers->pageActions());
    QMenu *runs = menuBar()->addMenu(tr("R&uns"));
    runs->addActions(m_runs->pageActions());
    QMenu *designer = menuBar()->addMenu(tr("D&esigner"));
    designer->addActions(m_designer->pageActions());
    designer->addMenu(m_designer->recentMenu());
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About Qwen Swarm"), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Qwen Swarm"),
                                    tr("Qwen Swarm %1\nOperations console for multi-agent LLM swarms.\n\n%2")
                                        .arg(QApplication::applicationVersion(), connectionText()),
                                    QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::connectPages()
{
    connect(m_agents, &AgentsPage::statusMessage, this,
            [this](const QString &t) { statusBar()->showMessage(t, 6000); });
    connect(m_tasks, &TasksPage::statusMessage, this, [this](const QString &t) { statusBar()->showMessage(t, 6000); });
    connect(m_logs, &LogsPage::statusMessage, this, [this](const QString &t) { statusBar()->showMessage(t, 6000); });
    connect(m_graph, &AgentGraphPage::statusMessage, this,
            [this](const QString &t) { statusBar()->showMessage(t, 6000); });
    connect(m_graph, &AgentGraphPage::openAgent, this, &MainWindow::showAgent);
    connect(m_consensus, &ConsensusPage::statusMessage, this,
            [this](const QString &t) { statusBar()->showMessage(t, 6000); });
    connect(m_theme, &ThemeController::changed, m_consensus, &ConsensusPage::setDark);
    connect(m_providers, &ProvidersPage::statusMessage, this,
            [this](const QString &t) { statusBar()->showMessage(t, 6000); });
    connect(m_runs, &RunsPage::statusMessage, this, [this](const QString &t) { statusBar()->showMessage(t, 6000); });
    connect(m_designer, &DesignerPage::statusMessage, this,
            [this](const QString &t) { statusBar()->showMessage(t, 6000); });
    connect(m_designer, &DesignerPage::runStarted, this, [this](RunId id) {
        m_runs->selectRun(id);
        statusBar()->showMessage(tr("Run %1 started: follow it on the Runs page (Ctrl+8)").arg(id.value), 8000);
    });
    connect(m_palette, &CommandPaletteDialog::agentChosen, this, &MainWindow::showAgent);
    connect(m_palette, &CommandPaletteDialog::taskChosen, this, &MainWindow::showTask);
    connect(m_palette, &CommandPaletteDialog::decisionChosen, this, &MainWindow::showDecision);
    connect(m_swarms, &SwarmDirectory::failed, m_dashboard->banner(), &BannerWidget::showError);
    connect(m_connection, &ConnectionStatusWidget::connectionFailed, this, [this](const QString &message) {
        m_dashboard->banner()->showError(
            tr("The backend does not answer: %1. The console keeps trying; pages refresh when it is back.")
                .arg(message));
        statusBar()->showMessage(tr("Not connected: %1").arg(message));
    });
    connect(m_theme, &ThemeController::changed, m_dashboard, &DashboardPage::setDark);
    m_tasks->detail()->setAgentNames([model = m_agents->model()](AgentId id) {
        const Agent *agent = model->agent(id);
        return agent ? agent->spec.name : QStringLiteral("#%1").arg(id.value);
    });
}

void MainWindow::showPage(Page page)
{
    QDockWidget *d = dock(page);
    d->show();
    d->raise();
    m_lastPage = page;
}

void MainWindow::showAgent(AgentId id)
{
    showPage(Page::Agents);
    m_agents->selectAgent(id);
}

void MainWindow::showTask(TaskId id)
{
    showPage(Page::Tasks);
    m_tasks->showTask(id);
}

void MainWindow::showDecision(DecisionId id)
{
    m_backend.decision(id, this, [this, id](Result<Decision> decision) {
        if (!decision)
            return statusBar()->showMessage(
                tr("Decision %1 cannot be opened: %2").arg(id.value).arg(ErrorAdvice::describe(decision.error())),
                8000);
        showTask(decision->taskId);
    });
}

MainWindow::Page MainWindow::currentPage() const
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        const qsizetype index = m_docks.indexOf(qobject_cast<QDockWidget *>(w));
        if (index >= 0)
            return Page(index);
    }
    return m_lastPage;
}

void MainWindow::findInCurrentPage()
{
    switch (currentPage()) {
    case Page::Tasks:
        showPage(Page::Tasks);
        return m_tasks->focusSearch();
    case Page::Logs:
        return m_logs->focusSearch();
    case Page::Graph:
        showPage(Page::Graph);
        return m_graph->focusSearch();
    case Page::Consensus:
    case Page::Providers:
    case Page::Runs:
    case Page::Designer:
    case Page::Dashboard: // nothing to search there: agents are the likelier target
    case Page::Agents:
        showPage(Page::Agents);
        return m_agents->focusSearch();
    }
}

void MainWindow::refreshCurrentPage()
{
    m_swarms->reload();
    switch (currentPage()) {
    case Page::Agents:
        return m_agents->model()->reload();
    case Page::Tasks:
        return m_tasks->model()->reload();
    case Page::Logs:
        return m_logs->refresh();
    case Page::Graph:
        return m_graph->reload();
    case Page::Consensus:
        return m_consensus->reload();
    case Page::Providers:
        return m_providers->refresh();
    case Page::Runs:
        return m_runs->model()->reload();
    case Page::Designer:
        return statusBar()->showMessage(tr("The designer follows the core by itself; nothing to refresh."), 4000);
    case Page::Dashboard:
        return statusBar()->showMessage(tr("The dashboard is live; nothing to refresh."), 4000);
    }
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(*menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::setConnectionMonitor(ConnectionMonitor *monitor)
{
    m_connectionBar = new ConnectionBar(*monitor, this);
    auto *bar = new QToolBar(tr("Connection problem"), this);
    bar->setObjectName(QStringLiteral("connection_toolbar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->toggleViewAction()->setVisible(false);
    m_connectionBar->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(m_connectionBar);
    addToolBar(Qt::TopToolBarArea, bar);
    bar->setVisible(m_connectionBar->isActive());
    connect(m_connectionBar, &ConnectionBar::activeChanged, bar, &QToolBar::setVisible);
    const auto show = [this, monitor] {
        m_connection->setTls(monitor->tls());
        m_connection->setRole(monitor->role());
        m_logs->setRole(monitor->role());
    };
    connect(monitor, &ConnectionMonitor::changed, this, show);
    connect(monitor, &ConnectionMonitor::settingsRequested, this, &MainWindow::connectRequested);
    connect(monitor, &ConnectionMonitor::problemOccurred, this,
            [this](const ConnectionProblem &problem) { statusBar()->showMessage(problem.title(), 10000); });
    show();
}

void MainWindow::setProviderKeyHook(SecretStore &secrets, std::function<void(const QString &, const QByteArray &)> hook)
{
    m_providers->setKeychain(secrets, std::move(hook));
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(key(geometryKey), saveGeometry());
    settings.setValue(key(stateKey), saveState(layoutVersion));
}

bool MainWindow::restoreLayout()
{
    const QSettings settings;
    const bool geometry = restoreGeometry(settings.value(key(geometryKey)).toByteArray());
    const bool state = restoreState(settings.value(key(stateKey)).toByteArray(), layoutVersion);
    return geometry && state;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_designer->maybeSave()) { // unsaved workflow changes, and the operator chose Cancel
        event->ignore();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ThemeChange)
        m_theme->systemThemeChanged();
    QMainWindow::changeEvent(event);
}

} // namespace QwenSwarm::Ui
