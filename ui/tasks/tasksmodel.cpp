#include "tasks/tasksmodel.h"

#include "common/displaytext.h"
#include "common/erroradvice.h"
#include "common/swarmdirectory.h"
#include "common/updatecoalescer.h"
#include "tasks/taskquerymatcher.h"

#include <QColor>

#include <algorithm>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr qsizetype maxUnapplied = 4096;
constexpr qsizetype maxPendingCounted = 100000;
constexpr int maxReadsPerFlush = 64;

void applyTransition(Task &task, qint64 timeMs, const TaskEvent &change)
{
    task.state = change.to;
    task.attempt = std::max(task.attempt, change.attempt);
    if (!change.cause.isEmpty())
        task.stateReason = change.cause;
    if (change.to == TaskState::Running && task.startedMs == 0)
        task.startedMs = timeMs;
    if (isTerminal(change.to)) {
        task.finishedMs = timeMs;
    } else if (isTerminal(change.from)) { // retried: no longer finished
        task.finishedMs = 0;
        task.result.reset();
        task.error.reset();
    }
}

} // namespace

TasksModel::TasksModel(Backend &backend, SwarmDirectory &swarms, QObject *parent, int pageSize, int maxUpdatesPerSecond)
    : QAbstractTableModel(parent)
    , m_backend(backend)
    , m_swarms(swarms)
    , m_coalescer(new UpdateCoalescer(maxUpdatesPerSecond, this))
    , m_pageSize(std::clamp(pageSize, 1, 1000))
{
    connect(m_coalescer, &UpdateCoalescer::flush, this, &TasksModel::flush);
    connect(&m_backend, &Backend::eventsReceived, this, &TasksModel::onEvents);
    connect(&m_backend, &Backend::eventsDropped, this, [this](SubscriptionId id, quint64, quint64) {
        if (id == m_subscription)
            reload(); // changes were lost: start again from a fresh first page
    });
    connect(&m_swarms, &SwarmDirectory::changed, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, SwarmColumn), index(rowCount() - 1, SwarmColumn));
    });
}

TasksModel::~TasksModel()
{
    // The backend outlives its views; it stops streaming what nobody shows.
    if (m_subscription.isValid())
        m_backend.unsubscribe(m_subscription, &m_backend, [](Api::Result<void>) {});
}

void TasksModel::setQuery(const TaskQuery &query)
{
    m_query = query;
    m_query.page = PageRequest {m_pageSize, {}};
    reload();
}

void TasksModel::reload()
{
    const quint64 generation = ++m_generation;
    if (m_subscription.isValid())
        m_backend.unsubscribe(std::exchange(m_subscription, {}), this, [](Result<void>) {});
    beginResetModel();
    m_rows.clear();
    m_boundaries.clear();
    m_nextCursor.clear();
    m_pagedDownTo = m_newestSeen = 0;
    m_fetchingMore = m_mergingTop = m_topDirty = false;
    m_changed.clear();
    m_refresh.clear();
    m_probe.clear();
    m_unapplied.clear();
    m_unappliedOrder.clear();
    const bool hadPending = !m_pendingNew.isEmpty();
    m_pendingNew.clear();
    endResetModel();
    if (hadPending)
        Q_EMIT pendingNewTasksChanged(0);
    setLoading(false, false);
    m_backend.queryTasks(m_query, this, [this, generation](Result<Page<Task>> page) {
        if (generation != m_generation)
            return;
        if (!page) {
            setLoading(true, false);
            return Q_EMIT failed(tr("The tasks cannot be loaded: %1").arg(ErrorAdvice::describe(page.error())));
        }
        insertBlock(page->items, page->asOfSeq);
        if (!page->items.isEmpty())
            m_pagedDownTo = page->items.constLast().id.value;
        addBoundary(page.value());
        m_nextCursor = page->nextCursor;
        setLoading(true, false);
        subscribe(generation, page->asOfSeq);
    });
}

void TasksModel::subscribe(quint64 generation, quint64 afterSeq)
{
    SubscriptionSpec spec;
    spec.topics = {Topic::Tasks};
    spec.swarmId = m_query.swarmId;
    spec.resumeAfterSeq = afterSeq; // the changes since the page, replayed first
    m_lastSeq = std::max(m_lastSeq, afterSeq);
    m_backend.subscribe(spec, this, [this, generation](Result<Subscription> subscribed) {
        if (!subscribed)
            return Q_EMIT failed(
                tr("Task changes are not followed: %1").arg(ErrorAdvice::describe(subscribed.error())));
        if (generation != m_generation)
            return m_backend.unsubscribe(subscribed->id, this, [](Result<void>) {});
        m_subscription = subscribed->id;
    });
}

void TasksModel::setLoading(bool firstPage, bool more)
{
    const bool before = isLoading();
    m_firstPageLoaded = firstPage;
    m_fetchingMore = more;
    if (before != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

int TasksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TasksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TasksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task &t = m_rows.at(index.row()).task;
    switch (role) {
    case Qt::DisplayRole:
        return display(t, index.column());
    case TaskIdRole:
        return t.id.value;
    case StateRole:
        return int(t.state);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return DisplayText::taskStateColor(t.state);
        if (index.column() == StrategyColumn && !t.spec.strategy)
            return QColor(Qt::gray);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == IdColumn || index.column() >= PriorityColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == PromptColumn)
            return DisplayText::renderedPrompt(t.spec);
        if (index.column() == StateColumn || index.column() == AnswerColumn)
            return t.error ? t.error->message : t.stateReason;
        return {};
    default:
        return {};
    }
}

QVariant TasksModel::display(const Task &t, int column) const
{
    switch (column) {
    case IdColumn:
        return t.id.value;
    case StateColumn:
        return DisplayText::taskState(t.state);
    case SwarmColumn:
        return m_swarms.name(t.spec.swarmId);
    case PromptColumn:
        return DisplayText::renderedPrompt(t.spec).simplified().left(200);
    case StrategyColumn:
        return t.spec.strategy ? t.spec.strategy->name : tr("swarm default");
    case PriorityColumn:
        return t.spec.priority;
    case AttemptColumn:
        return t.attempt;
    case CreatedColumn:
        return DisplayText::dateTime(t.createdMs);
    case DurationColumn:
        return t.finishedMs > 0 ? DisplayText::duration(t.finishedMs - t.createdMs) : QString();
    case AnswerColumn:
        return t.result ? t.result->answer : (t.error ? t.error->message : QString());
    case AgreementColumn:
        return t.result ? DisplayText::percent(t.result->agreement) : QString();
    case CostColumn:
        return DisplayText::money(t.costUsd);
    }
    return {};
}

QVariant TasksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const names[]
        = {QT_TR_NOOP("Id"),       QT_TR_NOOP("State"),    QT_TR_NOOP("Swarm"),     QT_TR_NOOP("Input"),
           QT_TR_NOOP("Strategy"), QT_TR_NOOP("Priority"), QT_TR_NOOP("Attempt"),   QT_TR_NOOP("Created"),
           QT_TR_NOOP("Duration"), QT_TR_NOOP("Answer"),   QT_TR_NOOP("Agreement"), QT_TR_NOOP("Cost")};
    return tr(names[section]);
}

bool TasksModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_firstPageLoaded && !m_nextCursor.isEmpty();
}

void TasksModel::fetchMore(const QModelIndex &parent)
{
    if (m_fetchingMore || !canFetchMore(parent))
        return;
    setLoading(true, true);
    TaskQuery query = m_query;
    query.page.cursor = m_nextCursor;
    m_backend.queryTasks(
        query, this, [this, generation = m_generation, cursor = m_nextCursor](Result<Page<Task>> page) {
            if (generation != m_generation)
                return;
            setLoading(true, false);
            if (!page)
                return Q_EMIT failed(tr("More tasks cannot be loaded: %1").arg(ErrorAdvice::describe(page.error())));
            if (cursor != m_nextCursor)
                return fetchMore({}); // rows were trimmed meanwhile: the view still wants what is below
            QList<Task> older;
            for (const Task &t : page->items) {
                if (m_pagedDownTo == 0 || t.id.value < m_pagedDownTo)
                    older.append(t);
            }
            // Where the next page starts is known before the rows go in: a view that asks for more
            // while they are inserted asks for the page below them.
            if (!page->items.isEmpty())
                m_pagedDownTo = m_pagedDownTo == 0 ? page->items.constLast().id.value
                                                   : std::min(m_pagedDownTo, page->items.constLast().id.value);
            addBoundary(page.value());
            m_nextCursor = page->nextCursor;
            insertBlock(older, page->asOfSeq);
        });
}

int TasksModel::rowOf(TaskId id) const
{
    const int at = insertPosition(id);
    return at < m_rows.size() && m_rows.at(at).task.id == id ? at : -1;
}

int TasksModel::insertPosition(TaskId id) const
{
    const auto it
        = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id, [](const Row &r, TaskId v) { return r.task.id > v; });
    return int(it - m_rows.cbegin());
}

// Inserts tasks (newest first, a contiguous run of ids not yet shown) at their place; answers how
// many were new.
int TasksModel::insertBlock(const QList<Task> &tasks, quint64 seq)
{
    QList<Row> block;
    for (const Task &t : tasks) {
        if (rowOf(t.id) < 0)
            block.append({t, seq});
    }
    if (block.isEmpty())
        return 0;
    const int at = insertPosition(block.constFirst().task.id);
    beginInsertRows({}, at, at + int(block.size()) - 1);
    m_rows.insert(at, block.size(), Row {}); // the rows below move once per block, not once per row
    std::move(block.begin(), block.end(), m_rows.begin() + at);
    endInsertRows();
    m_newestSeen = std::max(m_newestSeen, m_rows.constFirst().task.id.value);
    // Changes that overtook the page on their way here.
    for (const Row &r : block) {
        const auto it = m_unapplied.constFind(r.task.id.value);
        if (it != m_unapplied.cend() && it->seq > r.seq)
            applyToRow(rowOf(r.task.id), it->seq, it->timeMs, it->change);
    }
    return int(block.size());
}

// Records where `page` ends and how to go on below it, when every matching task from its last item
// up is shown (pages of the region already paged through, or above it).
void TasksModel::addBoundary(const Page<Task> &page)
{
    if (page.items.isEmpty())
        return;
    const quint64 lastId = page.items.constLast().id.value;
    if (lastId < m_pagedDownTo)
        return;
    const auto at = std::lower_bound(m_boundaries.begin(), m_boundaries.end(), lastId,
                                     [](const Boundary &b, quint64 v) { return b.lastId > v; });
    m_boundaries.insert(at, {lastId, page.nextCursor});
}

bool TasksModel::inLoadedRange(TaskId id) const
{
    return m_nextCursor.isEmpty() || id.value > m_pagedDownTo;
}

void TasksModel::update(const Task &task)
{
    const int row = rowOf(task.id);
    if (row < 0)
        return;
    m_rows[row] = {task, std::max(m_rows.at(row).seq, m_lastSeq)};
    if (!TaskQueryMatcher::matches(task, m_query))
        return removeRow(row);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT tasksChanged();
}

void TasksModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void TasksModel::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id != m_subscription || !id.isValid())
        return;
    for (const Event &event : events) {
        if (const auto *change = std::get_if<TaskEvent>(&event.payload))
            onEvent(event, *change);
    }
    m_coalescer->markDirty();
}

void TasksModel::onEvent(const Event &event, const TaskEvent &change)
{
    m_lastSeq = std::max(m_lastSeq, event.seq);
    const int row = rowOf(change.taskId);
    if (row >= 0) {
        if (applyToRow(row, event.seq, event.timeMs, change) && isTerminal(change.to))
            m_refresh.insert(change.taskId); // the result, cost and error come with a full read
        return;
    }
    remember(event.seq, event.timeMs, change);
    if (change.taskId.value > m_newestSeen) {
        if (m_following)
            m_topDirty = true;
        else if (m_pendingNew.size() < maxPendingCounted
                 && (m_query.states.isEmpty() || m_query.states.contains(change.to)))
            m_pendingNew.insert(change.taskId.value);
    } else if (!m_query.states.isEmpty() && m_query.states.contains(change.to) && inLoadedRange(change.taskId)) {
        m_probe.insert(change.taskId); // an older task that may have entered the query
    }
}

// Applies a transition to a row; answers false if it was stale or the row left the query.
bool TasksModel::applyToRow(int row, quint64 seq, qint64 timeMs, const TaskEvent &change)
{
    Row &r = m_rows[row];
    if (seq <= r.seq)
        return false;
    r.seq = seq;
    applyTransition(r.task, timeMs, change);
    if (!TaskQueryMatcher::matches(r.task, m_query)) {
        removeRow(row);
        return false;
    }
    m_changed.insert(r.task.id);
    return true;
}

void TasksModel::remember(quint64 seq, qint64 timeMs, const TaskEvent &change)
{
    if (!m_unapplied.contains(change.taskId.value))
        m_unappliedOrder.append(change.taskId.value);
    m_unapplied.insert(change.taskId.value, {seq, timeMs, change});
    while (m_unappliedOrder.size() > maxUnapplied)
        m_unapplied.remove(m_unappliedOrder.takeFirst());
}

void TasksModel::flush()
{
    if (!m_changed.isEmpty()) {
        int first = int(m_rows.size());
        int last = -1;
        for (TaskId id : std::as_const(m_changed)) {
            const int row = rowOf(id);
            if (row >= 0) {
                first = std::min(first, row);
                last = std::max(last, row);
            }
        }
        m_changed.clear();
        if (last >= 0)
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
        Q_EMIT tasksChanged();
    }
    if (m_topDirty && m_following)
        mergeTop();
    int budget = maxReadsPerFlush - int(m_inFlight.size());
    for (QSet<TaskId> *set : {&m_refresh, &m_probe}) {
        const bool probe = set == &m_probe;
        for (auto it = set->begin(); it != set->end() && budget > 0;) {
            if (!m_inFlight.contains(*it)) {
                fetch(*it, probe);
                --budget;
            }
            it = set->erase(it);
        }
    }
    if (m_pendingNew.size() > 0)
        Q_EMIT pendingNewTasksChanged(int(m_pendingNew.size()));
    if (!m_refresh.isEmpty() || !m_probe.isEmpty())
        m_coalescer->markDirty();
}

void TasksModel::fetch(TaskId id, bool probe)
{
    m_inFlight.insert(id);
    const quint64 asOf = m_lastSeq;
    m_backend.task(id, this, [this, id, probe, asOf, generation = m_generation](Result<Task> found) {
        m_inFlight.remove(id);
        if (generation != m_generation)
            return; // the query changed
        if (!found) {
            if (found.error().code != ErrorCode::NotFound)
                Q_EMIT failed(tr("Task %1 cannot be read: %2").arg(id.value).arg(ErrorAdvice::describe(found.error())));
            return;
        }
        const int row = rowOf(id);
        if (row >= 0 && m_rows.at(row).seq > asOf) { // overtaken by a newer change: read again
            m_refresh.insert(id);
            m_coalescer->markDirty();
            return;
        }
        if (row >= 0)
            return update(found.value());
        if (probe && inLoadedRange(id) && TaskQueryMatcher::matches(found.value(), m_query))
            insertBlock({found.value()}, asOf);
    });
}

void TasksModel::mergeTop()
{
    if (m_mergingTop)
        return; // a merge is running; it looks again when done
    m_topDirty = false;
    m_mergingTop = true;
    fetchTop(m_generation, m_newestSeen, {});
}

// Fetches pages from the top down to `anchor` (the newest id shown before the merge began), so a
// burst larger than a page leaves no gap.
void TasksModel::fetchTop(quint64 generation, quint64 anchor, const QString &cursor)
{
    TaskQuery query = m_query;
    query.page.cursor = cursor;
    m_backend.queryTasks(query, this, [this, generation, anchor](Result<Page<Task>> page) {
        if (generation != m_generation)
            return;
        if (!page) {
            m_mergingTop = false;
            return Q_EMIT failed(tr("New tasks cannot be loaded: %1").arg(ErrorAdvice::describe(page.error())));
        }
        QList<Task> newer;
        for (const Task &t : page->items) {
            if (t.id.value > anchor)
                newer.append(t);
        }
        insertBlock(newer, page->asOfSeq);
        addBoundary(page.value());
        const bool gap = newer.size() == page->items.size() && !page->nextCursor.isEmpty() && !newer.isEmpty();
        if (gap)
            return fetchTop(generation, anchor, page->nextCursor);
        m_mergingTop = false;
        trim();
        if (m_topDirty)
            m_coalescer->markDirty();
    });
}

void TasksModel::trim()
{
    if (!m_following || m_rows.size() <= m_maxRows || m_fetchingMore)
        return;
    // The oldest boundary that keeps at most maxRows rows above it.
    const Boundary *keep = nullptr;
    for (const Boundary &b : std::as_const(m_boundaries)) {
        if (b.cursor.isEmpty() || b.lastId <= m_pagedDownTo)
            continue;
        if (insertPosition(TaskId(b.lastId - 1)) > m_maxRows)
            break;
        keep = &b;
    }
    if (!keep)
        return;
    const Boundary boundary = *keep;
    const int from = insertPosition(TaskId(boundary.lastId - 1));
    if (from < m_rows.size()) {
        beginRemoveRows({}, from, int(m_rows.size()) - 1);
        m_rows.resize(from);
        endRemoveRows();
    }
    m_nextCursor = boundary.cursor;
    m_pagedDownTo = boundary.lastId;
    m_boundaries.erase(std::remove_if(m_boundaries.begin(), m_boundaries.end(),
                                      [&boundary](const Boundary &b) { return b.lastId < boundary.lastId; }),
                       m_boundaries.end());
}

void TasksModel::setFollowLive(bool follow)
{
    if (follow == m_following)
        return;
    m_following = follow;
    if (follow && !m_pendingNew.isEmpty())
        showNew();
}

void TasksModel::showNew()
{
    m_pendingNew.clear();
    Q_EMIT pendingNewTasksChanged(0);
    m_topDirty = true;
    mergeTop();
}

} // namespace QwenSwarm::Ui
