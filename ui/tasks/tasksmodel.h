#pragma once

#include <api/backend.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

namespace QwenSwarm::Ui {

class SwarmDirectory;
class UpdateCoalescer;

/// Tasks matching a TaskQuery, newest first, fetched lazily one page at a time (canFetchMore /
/// fetchMore) so that only what the operator scrolled to is in memory. Kept live from task events:
/// the first page's as_of_seq starts the subscription (resumeAfterSeq), so no change between the
/// page and the stream is missed. Transitions update rows in place (and drop rows that leave the
/// query); new tasks are merged in at the top while following, or counted until showNew(). While
/// following, rows beyond maxRows are dropped from the bottom a page at a time and fetched again
/// on demand. Model updates are coalesced to a bounded rate.
class TasksModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        StateColumn,
        SwarmColumn,
        PromptColumn,
        StrategyColumn,
        PriorityColumn,
        AttemptColumn,
        CreatedColumn,
        DurationColumn,
        AnswerColumn,
        AgreementColumn,
        CostColumn,
        ColumnCount,
    };
    enum Role
    {
        TaskIdRole = Qt::UserRole + 1, ///< quint64
        StateRole, ///< int(TaskState)
    };

    TasksModel(Api::Backend &backend, SwarmDirectory &swarms, QObject *parent = nullptr, int pageSize = 100,
               int maxUpdatesPerSecond = 4);
    ~TasksModel() override;

    /// Replaces the query (its page field is ignored) and reloads from the first page.
    void setQuery(const Api::TaskQuery &query);
    Api::TaskQuery query() const { return m_query; }
    void reload();
    void setMaxRows(int rows) { m_maxRows = rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    bool isLoading() const { return !m_firstPageLoaded || m_fetchingMore; }
    bool isLive() const { return m_subscription.isValid(); }
    const Api::Task &taskAt(int row) const { return m_rows.at(row).task; }
    int rowOf(Api::TaskId id) const;
    /// Shows what an action answered at once (cancel, retry).
    void update(const Api::Task &task);

    /// While following, new tasks appear at the top as they come; otherwise they are counted.
    void setFollowLive(bool follow);
    bool followsLive() const { return m_following; }
    int pendingNewTasks() const { return int(m_pendingNew.size()); }
    /// Merges the counted new tasks in at the top.
    void showNew();

Q_SIGNALS:
    void failed(const QString &message);
    void loadingChanged(bool loading);
    void pendingNewTasksChanged(int count);
    /// A row's data was replaced (state, result...), after coalescing.
    void tasksChanged();

private:
    struct Row
    {
        Api::Task task;
        quint64 seq = 0; ///< The event seq the row reflects; older events are ignored.
    };
    struct Boundary
    {
        quint64 lastId = 0; ///< Rows with ids from here up are complete...
        QString cursor; ///< ...and this cursor fetches what is older.
    };
    struct Pending
    {
        quint64 seq = 0;
        qint64 timeMs = 0;
        Api::TaskEvent change;
    };

    void subscribe(quint64 generation, quint64 afterSeq);
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void onEvent(const Api::Event &event, const Api::TaskEvent &change);
    bool applyToRow(int row, quint64 seq, qint64 timeMs, const Api::TaskEvent &change);
    void remember(quint64 seq, qint64 timeMs, const Api::TaskEvent &change);
    void flush();
    void mergeTop();
    void fetchTop(quint64 generation, quint64 anchor, const QString &cursor);
    void fetch(Api::TaskId id, bool probe);
    int insertBlock(const QList<Api::Task> &tasks, quint64 seq);
    void removeRow(int row);
    void trim();
    void addBoundary(const Api::Page<Api::Task> &page);
    bool inLoadedRange(Api::TaskId id) const;
    int insertPosition(Api::TaskId id) const;
    QVariant display(const Api::Task &task, int column) const;
    void setLoading(bool firstPage, bool more);

    Api::Backend &m_backend;
    SwarmDirectory &m_swarms;
    UpdateCoalescer *m_coalescer;
    Api::TaskQuery m_query;
    int m_pageSize;
    int m_maxRows = 2000;
    quint64 m_generation = 0;
    QList<Row> m_rows; // ids descending
    QList<Boundary> m_boundaries; // lastId descending
    QString m_nextCursor;
    quint64 m_pagedDownTo = 0; // the last id of the last page fetched downwards
    quint64 m_newestSeen = 0; // the newest id ever loaded in this generation
    quint64 m_lastSeq = 0;
    Api::SubscriptionId m_subscription;
    bool m_firstPageLoaded = false;
    bool m_fetchingMore = false;
    bool m_mergingTop = false;
    bool m_topDirty = false;
    bool m_following = true;
    QSet<quint64> m_pendingNew;
    QSet<Api::TaskId> m_changed;
    QSet<Api::TaskId> m_refresh;
    QSet<Api::TaskId> m_probe;
    QSet<Api::TaskId> m_inFlight;
    QHash<quint64, Pending> m_unapplied; // recent events of tasks without a row, by task id
    QList<quint64> m_unappliedOrder;
};

} // namespace QwenSwarm::Ui
