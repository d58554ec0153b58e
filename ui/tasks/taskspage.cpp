#include "tasks/taskspage.h"

#include "common/bannerwidget.h"
#include "common/batchoperation.h"
#include "common/batchprogressbar.h"
#include "common/displaytext.h"
#include "common/swarmdirectory.h"
#include "tasks/taskdetailwidget.h"
#include "tasks/tasksmodel.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

TasksPage::TasksPage(Backend &backend, SwarmDirectory &swarms, QWidget *parent, int pageSize)
    : QWidget(parent)
    , m_backend(backend)
    , m_swarms(swarms)
    , m_model(new TasksModel(backend, swarms, this, pageSize))
    , m_banner(new BannerWidget(this))
    , m_batchBar(new BatchProgressBar(this))
    , m_view(new QTableView(this))
    , m_detail(new TaskDetailWidget(backend, swarms, this))
{
    setObjectName(QStringLiteral("tasks_page"));
    createActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    layout->addWidget(m_batchBar);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions(pageActions());
    layout->addWidget(toolbar);
    layout->addWidget(buildFilterBar());

    m_view->setObjectName(QStringLiteral("tasks_view"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const std::pair<int, int> widths[]
        = {{TasksModel::IdColumn, 7},      {TasksModel::StateColumn, 11},    {TasksModel::SwarmColumn, 10},
           {TasksModel::PromptColumn, 36}, {TasksModel::StrategyColumn, 12}, {TasksModel::PriorityColumn, 8},
           {TasksModel::AttemptColumn, 8}, {TasksModel::CreatedColumn, 20},  {TasksModel::DurationColumn, 10},
           {TasksModel::AnswerColumn, 12}, {TasksModel::AgreementColumn, 10}};
    for (const auto &[column, chars] : widths)
        m_view->horizontalHeader()->resizeSection(column, chars * digit + 12);
    m_view->setToolTip(tr("Newest first. More rows load as you scroll."));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_cancel, m_retry});
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({760, 500});
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TasksPage::selectionChanged);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_model->setFollowLive(value == 0); });
    connect(m_model, &TasksModel::failed, m_banner, &BannerWidget::showError);
    connect(m_batchBar, &BatchProgressBar::finished, this, [this](const QString &summary, bool withFailures) {
        if (withFailures)
            m_banner->showError(summary);
        else
            Q_EMIT statusMessage(summary);
    });
    connect(m_model, &TasksModel::pendingNewTasksChanged, this, &TasksPage::updatePending);
    connect(m_model, &TasksModel::loadingChanged, this, &TasksPage::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TasksPage::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TasksPage::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TasksPage::updateStatus);
    connect(m_model, &TasksModel::tasksChanged, this, &TasksPage::selectionChanged);
    connect(m_detail, &TaskDetailWidget::failed, m_banner, &BannerWidget::showError);
    connect(m_detail, &TaskDetailWidget::taskUpdated, m_model, &TasksModel::update);
    connect(&m_swarms, &SwarmDirectory::changed, this, &TasksPage::fillSwarms);
    m_showNew->setEnabled(false);
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(300);
    connect(&m_searchDelay, &QTimer::timeout, this, &TasksPage::applyFilters);
    selectionChanged();
}

void TasksPage::createActions()
{
    m_cancel = new QAction(tr("&Cancel tasks"), this);
    m_cancel->setObjectName(QStringLiteral("action_cancel_tasks"));
    m_cancel->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+C")));
    m_cancel->setToolTip(tr("Cancel the selected queued or running tasks"));
    connect(m_cancel, &QAction::triggered, this, &TasksPage::cancelSelected);
    m_retry = new QAction(tr("&Retry tasks"), this);
    m_retry->setObjectName(QStringLiteral("action_retry_tasks"));
    m_retry->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+Y")));
    m_retry->setToolTip(tr("Give the selected failed, cancelled or timed-out tasks one more attempt"));
    connect(m_retry, &QAction::triggered, this, &TasksPage::retrySelected);
    m_showNew = new QAction(tr("Show &new tasks"), this);
    m_showNew->setObjectName(QStringLiteral("action_show_new_tasks"));
    m_showNew->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+N")));
    connect(m_showNew, &QAction::triggered, this, [this] {
        m_view->scrollToTop();
        m_model->showNew();
    });
}

QList<QAction *> TasksPage::pageActions() const
{
    return {m_cancel, m_retry, m_showNew};
}

QWidget *TasksPage::buildFilterBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("task_search"));
    m_search->setPlaceholderText(tr("Search prompts, variables and tags"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    row->addWidget(m_search, 2);
    row->addWidget(buildStateMenu(bar));
    m_swarm = new QComboBox(bar);
    m_swarm->setObjectName(QStringLiteral("task_swarm_filter"));
    m_swarm->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillSwarms();
    connect(m_swarm, &QComboBox::currentIndexChanged, this, &TasksPage::applyFilters);
    row->addWidget(m_swarm);
    m_strategy = new QComboBox(bar);
    m_strategy->setObjectName(QStringLiteral("task_strategy_filter"));
    m_strategy->addItem(tr("Any strategy"), QString());
    m_strategy->setToolTip(tr("Tasks decided by this strategy (a task without one takes its swarm's default)."));
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &TasksPage::applyFilters);
    row->addWidget(m_strategy);
    m_time = new QComboBox(bar);
    m_time->setObjectName(QStringLiteral("task_time_filter"));
    m_time->addItem(tr("Any time"), qint64(0));
    m_time->addItem(tr("Last 15 minutes"), qint64(15) * 60'000);
    m_time->addItem(tr("Last hour"), qint64(3'600'000));
    m_time->addItem(tr("Last 24 hours"), qint64(86'400'000));
    m_time->addItem(tr("Last 7 days"), qint64(7) * 86'400'000);
    connect(m_time, &QComboBox::currentIndexChanged, this, &TasksPage::applyFilters);
    row->addWidget(m_time);
    m_newTasks = new QPushButton(bar);
    m_newTasks->setObjectName(QStringLiteral("new_tasks_button"));
    m_newTasks->hide();
    connect(m_newTasks, &QPushButton::clicked, m_showNew, &QAction::trigger);
    row->addWidget(m_newTasks);
    m_status = new QLabel(bar);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    row->addWidget(m_status);
    return bar;
}

QToolButton *TasksPage::buildStateMenu(QWidget *parent)
{
    m_stateButton = new QToolButton(parent);
    m_stateButton->setObjectName(QStringLiteral("task_state_filter"));
    m_stateButton->setPopupMode(QToolButton::InstantPopup);
    m_stateButton->setText(tr("All states"));
    auto *menu = new QMenu(m_stateButton);
    for (int s = int(TaskState::Queued); s <= int(TaskState::TimedOut); ++s) {
        QAction *action = menu->addAction(DisplayText::taskState(TaskState(s)));
        action->setCheckable(true);
        action->setData(s);
        connect(action, &QAction::toggled, this, &TasksPage::applyFilters);
        m_stateActions.append(action);
    }
    menu->addSeparator();
    menu->addAction(tr("Clear"), this, [this] { setStateFilter({}); });
    m_stateButton->setMenu(menu);
    return m_stateButton;
}

void TasksPage::start()
{
    m_backend.info(this, [this](Result<BackendInfo> info) {
        if (!info)
            return;
        for (const QString &name : info->strategies)
            m_strategy->addItem(name, name);
    });
    applyFilters();
}

TaskQuery TasksPage::currentQuery() const
{
    TaskQuery query;
    for (const QAction *action : m_stateActions) {
        if (action->isChecked())
            query.states.append(TaskState(action->data().toInt()));
    }
    query.swarmId = SwarmId(m_swarm->currentData().toULongLong());
    query.strategy = m_strategy->currentData().toString();
    query.text = m_search->text().trimmed();
    const qint64 within = m_time->currentData().toLongLong();
    if (within > 0)
        query.createdFromMs = QDateTime::currentMSecsSinceEpoch() - within;
    return query;
}

void TasksPage::applyFilters()
{
    m_searchDelay.stop();
    const TaskQuery query = currentQuery();
    QStringList states;
    for (TaskState s : query.states)
        states.append(DisplayText::taskState(s));
    m_stateButton->setText(states.isEmpty() ? tr("All states") : states.join(QStringLiteral(", ")));
    m_model->setQuery(query);
    m_view->scrollToTop();
}

void TasksPage::setStateFilter(const QList<TaskState> &states)
{
    for (QAction *action : std::as_const(m_stateActions)) {
        const QSignalBlocker blocker(action);
        action->setChecked(states.contains(TaskState(action->data().toInt())));
    }
    applyFilters();
}

void TasksPage::setSearchText(const QString &text)
{
    m_search->setText(text);
    applyFilters();
}

void TasksPage::setCreatedWithin(qint64 ms)
{
    const int index = m_time->findData(ms);
    if (index >= 0)
        m_time->setCurrentIndex(index);
}

void TasksPage::fillSwarms()
{
    const quint64 current = m_swarm->currentData().toULongLong();
    const QSignalBlocker blocker(m_swarm);
    m_swarm->clear();
    m_swarm->addItem(tr("All swarms"), 0ULL);
    for (const Swarm &s : m_swarms.swarms())
        m_swarm->addItem(s.name, s.id.value);
    m_swarm->setCurrentIndex(std::max(0, m_swarm->findData(current)));
}

void TasksPage::showTask(TaskId id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, 0);
        m_view->selectionModel()->setCurrentIndex(index,
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    } else {
        m_view->clearSelection();
    }
    m_detail->showTask(id);
}

QList<TaskId> TasksPage::selectedTasks() const
{
    QList<TaskId> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(TaskId(index.data(TasksModel::TaskIdRole).toULongLong()));
    return ids;
}

void TasksPage::cancelSelected()
{
    const QList<TaskId> ids = selectedTasks();
    if (ids.isEmpty())
        return m_banner->showInfo(tr("Select one or more tasks first."));
    runBatch(tr("Cancel"), ids, [this](TaskId id, BatchOperation *batch, Backend::Callback<Task> done) {
        m_backend.cancelTask(id, tr("cancelled by operator"), batch, std::move(done));
    });
}

void TasksPage::retrySelected()
{
    const QList<TaskId> ids = selectedTasks();
    if (ids.isEmpty())
        return m_banner->showInfo(tr("Select one or more tasks first."));
    runBatch(tr("Retry"), ids, [this](TaskId id, BatchOperation *batch, Backend::Callback<Task> done) {
        m_backend.retryTask(id, batch, std::move(done));
    });
}

void TasksPage::runBatch(const QString &action, const QList<TaskId> &ids,
                         const std::function<void(TaskId, BatchOperation *, Backend::Callback<Task>)> &call)
{
    auto *operation = new BatchOperation(
        action, int(ids.size()),
        [this, ids, call](BatchOperation *batch, int i) {
            const TaskId id = ids.at(i);
            call(id, batch, [this, batch, id](Result<Task> task) {
                if (!task)
                    return batch->failed(tr("task %1").arg(id.value), task.error());
                m_model->update(task.value());
                batch->succeeded();
            });
        },
        this);
    m_batchBar->track(operation);
    operation->start();
}

void TasksPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void TasksPage::selectionChanged()
{
    bool cancellable = false;
    bool retriable = false;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const auto state = TaskState(index.data(TasksModel::StateRole).toInt());
        cancellable = cancellable || !isTerminal(state);
        retriable = retriable || (isTerminal(state) && state != TaskState::Succeeded);
    }
    m_cancel->setEnabled(cancellable);
    m_retry->setEnabled(retriable);
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (current.isValid() && m_view->selectionModel()->isRowSelected(current.row())) {
        const TaskId id(current.data(TasksModel::TaskIdRole).toULongLong());
        if (id != m_detail->taskId())
            m_detail->showTask(id);
    }
}

void TasksPage::updateStatus()
{
    const int rows = m_model->rowCount();
    QString text = m_model->isLoading() ? tr("Loading…") : tr("%n task(s) shown", nullptr, rows);
    if (!m_model->isLoading() && m_model->canFetchMore({}))
        text += tr(" · more as you scroll");
    m_status->setText(text);
}

void TasksPage::updatePending(int count)
{
    m_newTasks->setVisible(count > 0);
    m_showNew->setEnabled(count > 0);
    const bool approximate = !m_model->query().text.isEmpty() || !m_model->query().strategy.isEmpty()
        || m_model->query().createdFromMs != 0;
    m_newTasks->setText(approximate ? tr("Show new tasks (up to %1)").arg(count)
                                    : tr("Show %n new task(s)", nullptr, count));
}

} // namespace QwenSwarm::Ui
