#include "agents/agentspage.h"

#include "agents/agentdetailwidget.h"
#include "agents/agentsmodel.h"
#include "agents/agentsproxymodel.h"
#include "agents/spawnagentdialog.h"
#include "common/bannerwidget.h"
#include "common/batchoperation.h"
#include "common/batchprogressbar.h"
#include "common/displaytext.h"
#include "common/swarmdirectory.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

AgentsPage::AgentsPage(Backend &backend, SwarmDirectory &swarms, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_swarms(swarms)
    , m_model(new AgentsModel(backend, swarms, this))
    , m_proxy(new AgentsProxyModel(this))
    , m_banner(new BannerWidget(this))
    , m_batchBar(new BatchProgressBar(this))
    , m_view(new QTableView(this))
    , m_detail(new AgentDetailWidget(backend, *m_model, swarms, this))
{
    setObjectName(QStringLiteral("agents_page"));
    m_proxy->setSourceModel(m_model);
    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    layout->addWidget(m_batchBar);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly); // text reads on light and dark palettes alike
    toolbar->addActions(pageActions());
    layout->addWidget(toolbar);
    layout->addWidget(buildFilterBar());

    m_view->setObjectName(QStringLiteral("agents_view"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AgentsModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(pageActions());
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({800, 450});
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AgentsPage::selectionChanged);
    connect(m_model, &AgentsModel::failed, m_banner, &BannerWidget::showError);
    connect(m_batchBar, &BatchProgressBar::finished, this, [this](const QString &summary, bool withFailures) {
        if (withFailures)
            m_banner->showError(summary);
        else
            Q_EMIT statusMessage(summary);
    });
    connect(m_model, &AgentsModel::loaded, this, [this] { m_view->resizeColumnsToContents(); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AgentsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AgentsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AgentsPage::updateCount);
    connect(&m_swarms, &SwarmDirectory::changed, this, &AgentsPage::fillSwarmFilter);
    selectionChanged();
}

QWidget *AgentsPage::buildFilterBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("agent_search"));
    m_search->setPlaceholderText(tr("Filter by name, model, provider, tag, role or swarm"));
    m_search->setClearButtonEnabled(true);
    row->addWidget(m_search, 2);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &AgentsProxyModel::setSearchText);

    m_stateFilter = new QComboBox(bar);
    m_stateFilter->setObjectName(QStringLiteral("agent_state_filter"));
    m_stateFilter->addItem(tr("All states"), -1);
    for (int s = int(AgentState::Created); s <= int(AgentState::Recovering); ++s)
        m_stateFilter->addItem(DisplayText::agentState(AgentState(s)), s);
    row->addWidget(m_stateFilter);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_stateFilter->currentData().toInt();
        m_proxy->setStateFilter(s < 0 ? std::nullopt : std::optional<AgentState>(AgentState(s)));
    });

    m_swarmFilter = new QComboBox(bar);
    m_swarmFilter->setObjectName(QStringLiteral("agent_swarm_filter"));
    m_swarmFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    row->addWidget(m_swarmFilter);
    fillSwarmFilter();
    connect(m_swarmFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setSwarmFilter(SwarmId(m_swarmFilter->currentData().toULongLong())); });

    m_count = new QLabel(bar);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    row->addWidget(m_count);
    return bar;
}

void AgentsPage::createActions()
{
    m_spawn = new QAction(tr("&Spawn agent…"), this);
    m_spawn->setObjectName(QStringLiteral("action_spawn_agent"));
    m_spawn->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    connect(m_spawn, &QAction::triggered, this, &AgentsPage::openSpawnDialog);
    const struct
    {
        AgentCommand command;
        const char *shortcut;
        const char *name;
    } commands[] = {
        {AgentCommand::Pause, "Ctrl+Alt+P", "pause"},     {AgentCommand::Resume, "Ctrl+Alt+R", "resume"},
        {AgentCommand::Drain, "Ctrl+Alt+W", "drain"},     {AgentCommand::Stop, "Ctrl+Alt+S", "stop"},
        {AgentCommand::Restart, "Ctrl+Alt+E", "restart"},
    };
    for (const auto &c : commands) {
        auto *action = new QAction(DisplayText::agentCommand(c.command), this);
        action->setObjectName(QString(QStringLiteral("action_agent_") + QLatin1StringView(c.name)));
        action->setShortcut(QKeySequence(QLatin1StringView(c.shortcut)));
        action->setToolTip(
            tr("%1 the selected agents (%2)")
                .arg(DisplayText::agentCommand(c.command), action->shortcut().toString(QKeySequence::NativeText)));
        const AgentCommand command = c.command;
        connect(action, &QAction::triggered, this, [this, command] { runCommand(command); });
        m_commands.append({c.command, action});
    }
}

QList<QAction *> AgentsPage::pageActions() const
{
    QList<QAction *> actions {m_spawn};
    for (const auto &[command, action] : m_commands)
        actions.append(action);
    return actions;
}

QAction *AgentsPage::commandAction(AgentCommand command) const
{
    for (const auto &[c, action] : m_commands) {
        if (c == command)
            return action;
    }
    return nullptr;
}

void AgentsPage::start()
{
    m_model->start();
}

void AgentsPage::selectAgent(AgentId id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) { // hidden by a filter: clear the filters rather than select nothing
        m_search->clear();
        m_stateFilter->setCurrentIndex(0);
        m_swarmFilter->setCurrentIndex(0);
        m_proxy->setSearchText({});
        m_proxy->setStateFilter(std::nullopt);
        m_proxy->setSwarmFilter({});
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QList<AgentId> AgentsPage::selectedAgents() const
{
    QList<AgentId> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(AgentId(index.data(AgentsModel::AgentIdRole).toULongLong()));
    return ids;
}

void AgentsPage::runCommand(AgentCommand command)
{
    const QList<AgentId> ids = selectedAgents();
    if (ids.isEmpty())
        return m_banner->showInfo(tr("Select one or more agents first."));
    auto *operation = new BatchOperation(
        DisplayText::agentCommand(command), int(ids.size()),
        [this, ids, command](BatchOperation *batch, int i) {
            const Agent *agent = m_model->agent(ids.at(i));
            const QString name = agent ? agent->spec.name : QString::number(ids.at(i).value);
            m_backend.commandAgent(ids.at(i), command, tr("from the console"), batch,
                                   [this, batch, name](Result<Agent> answered) {
                                       if (!answered)
                                           return batch->failed(name, answered.error());
                                       m_model->update(answered.value());
                                       batch->succeeded();
                                   });
        },
        this);
    m_batchBar->track(operation);
    operation->start();
}

SpawnAgentDialog *AgentsPage::openSpawnDialog()
{
    auto *dialog = new SpawnAgentDialog(m_backend, m_swarms, *m_model, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QList<AgentId> selected = selectedAgents();
    if (const Agent *agent = selected.isEmpty() ? nullptr : m_model->agent(selected.constFirst()))
        dialog->setSwarm(agent->swarmId);
    connect(dialog, &SpawnAgentDialog::spawned, this, [this](const Agent &agent) {
        m_model->update(agent);
        selectAgent(agent.id);
        Q_EMIT statusMessage(tr("Agent %1 spawned.").arg(agent.spec.name));
    });
    dialog->open();
    return dialog;
}

void AgentsPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void AgentsPage::fillSwarmFilter()
{
    const SwarmId current(m_swarmFilter->currentData().toULongLong());
    const QSignalBlocker blocker(m_swarmFilter);
    m_swarmFilter->clear();
    m_swarmFilter->addItem(tr("All swarms"), 0ULL);
    for (const Swarm &s : m_swarms.swarms())
        m_swarmFilter->addItem(s.name, s.id.value);
    m_swarmFilter->setCurrentIndex(std::max(0, m_swarmFilter->findData(current.value)));
}

void AgentsPage::selectionChanged()
{
    const QList<AgentId> ids = selectedAgents();
    for (const auto &[command, action] : m_commands)
        action->setEnabled(!ids.isEmpty());
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    m_detail->showAgent(ids.isEmpty() ? AgentId {}
                            : current.isValid() && m_view->selectionModel()->isRowSelected(current.row())
                            ? AgentId(current.data(AgentsModel::AgentIdRole).toULongLong())
                            : ids.constFirst());
}

void AgentsPage::updateCount()
{
    m_count->setText(tr("%1 of %2 agents").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace QwenSwarm::Ui
