#pragma once

#include <api/backend.h>

#include <QTimer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace QwenSwarm::Ui {

class BannerWidget;
class BatchOperation;
class BatchProgressBar;
class SwarmDirectory;
class TaskDetailWidget;
class TasksModel;

/// The task queue and history: a lazily paged table with filters (state, swarm, strategy, time)
/// and full-text search, live from task events, with the selected task's detail and Cancel / Retry
/// on the selected rows.
class TasksPage : public QWidget
{
    Q_OBJECT

public:
    TasksPage(Api::Backend &backend, SwarmDirectory &swarms, QWidget *parent = nullptr, int pageSize = 100);

    TasksModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    TaskDetailWidget *detail() const { return m_detail; }
    BannerWidget *banner() const { return m_banner; }
    BatchProgressBar *batchProgress() const { return m_batchBar; }
    QList<QAction *> pageActions() const;
    QAction *cancelAction() const { return m_cancel; }
    QAction *retryAction() const { return m_retry; }

    void start();
    /// Selects the task if it is loaded, and shows its detail either way.
    void showTask(Api::TaskId id);
    QList<Api::TaskId> selectedTasks() const;
    void cancelSelected();
    void retrySelected();
    void focusSearch();

    /// Filters, as the filter bar sets them.
    void setStateFilter(const QList<Api::TaskState> &states);
    void setSearchText(const QString &text);
    /// Created within the last `ms` milliseconds; 0 = any time.
    void setCreatedWithin(qint64 ms);
    Api::TaskQuery currentQuery() const;

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    QWidget *buildFilterBar();
    QToolButton *buildStateMenu(QWidget *parent);
    void createActions();
    void applyFilters();
    void fillSwarms();
    void selectionChanged();
    void updateStatus();
    void updatePending(int count);
    /// Applies `call` to each task of `ids` a few at a time, with progress and Cancel.
    void runBatch(const QString &action, const QList<Api::TaskId> &ids,
                  const std::function<void(Api::TaskId, BatchOperation *, Api::Backend::Callback<Api::Task>)> &call);

    Api::Backend &m_backend;
    SwarmDirectory &m_swarms;
    TasksModel *m_model;
    BannerWidget *m_banner;
    BatchProgressBar *m_batchBar;
    QTableView *m_view;
    TaskDetailWidget *m_detail;
    QList<QAction *> m_stateActions;
    QToolButton *m_stateButton = nullptr;
    QComboBox *m_swarm = nullptr;
    QComboBox *m_strategy = nullptr;
    QComboBox *m_time = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_newTasks = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_showNew = nullptr;
    QTimer m_searchDelay;
};

} // namespace QwenSwarm::Ui
