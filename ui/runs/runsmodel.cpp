#include "runs/runsmodel.h"

#include "common/displaytext.h"
#include "common/erroradvice.h"
#include "common/updatecoalescer.h"

#include <QColor>

namespace QwenSwarm::Ui {

using namespace Api;

RunsModel::RunsModel(Backend &backend, int pageSize, QObject *parent)
    : QAbstractTableModel(parent)
    , m_backend(backend)
    , m_coalescer(new UpdateCoalescer(4, this))
    , m_pageSize(std::clamp(pageSize, 1, 1000))
{
    connect(m_coalescer, &UpdateCoalescer::flush, this, &RunsModel::fetchChanged);
    connect(&m_backend, &Backend::eventsReceived, this, &RunsModel::onEvents);
    connect(&m_backend, &Backend::eventsDropped, this, [this](SubscriptionId id, quint64, quint64) {
        if (id == m_subscription)
            reload(); // changes were lost: start again from a fresh page
    });
}

RunsModel::~RunsModel()
{
    if (m_subscription.isValid())
        m_backend.unsubscribe(m_subscription, &m_backend, [](Result<void>) {});
}

int RunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunsModel::progressText(const Run &run)
{
    const auto done = std::count_if(run.steps.begin(), run.steps.end(), [](const StepRun &s) {
        return s.state == StepState::Succeeded || s.state == StepState::Skipped;
    });
    return tr("%1 / %2").arg(done).arg(run.steps.size());
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Run &run = m_rows.at(index.row());
    if (role == IdRole)
        return QVariant::fromValue(run.id.value);
    if (role == StateRole)
        return int(run.state);
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (run.state) {
        case RunState::Failed:
            return QColor(0xd9, 0x3f, 0x36);
        case RunState::AwaitingApproval:
        case RunState::Paused:
            return QColor(0xc7, 0x7c, 0x02);
        case RunState::Succeeded:
            return QColor(0x2e, 0x8b, 0x57);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == IdColumn || index.column() == CostColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return QString::number(run.id.value);
    case WorkflowColumn:
        return run.workflow.revision > 1 ? tr("%1 (r%2)").arg(run.workflow.name).arg(run.workflow.revision)
                                         : run.workflow.name;
    case StateColumn:
        return DisplayText::runState(run.state);
    case StepsColumn:
        return progressText(run);
    case StartedColumn:
        return DisplayText::dateTime(run.createdMs);
    case CostColumn:
        return DisplayText::money(run.costUsd);
    case ReasonColumn:
        return run.stateReason;
    default:
        return {};
    }
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Run");
    case WorkflowColumn:
        return tr("Workflow");
    case StateColumn:
        return tr("State");
    case StepsColumn:
        return tr("Steps done");
    case StartedColumn:
        return tr("Started");
    case CostColumn:
        return tr("Cost");
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

void RunsModel::start()
{
    reload();
}

void RunsModel::reload()
{
    const quint64 generation = ++m_generation;
    if (m_subscription.isValid())
        m_backend.unsubscribe(std::exchange(m_subscription, {}), this, [](Result<void>) {});
    RunQuery query;
    query.page.limit = m_pageSize;
    m_backend.queryRuns(query, this, [this, generation](Result<Page<Run>> page) {
        if (generation != m_generation)
            return;
        if (!page)
            return Q_EMIT failed(tr("The runs cannot be loaded: %1").arg(ErrorAdvice::describe(page.error())));
        beginResetModel();
        m_rows = page->items;
        m_changed.clear();
        endResetModel();
        m_loaded = true;
        Q_EMIT loadedChanged();
        subscribe(page->asOfSeq);
    });
}

void RunsModel::subscribe(quint64 afterSeq)
{
    const quint64 generation = m_generation;
    SubscriptionSpec spec;
    spec.topics = {Topic::Runs};
    spec.resumeAfterSeq = afterSeq; // the changes since the page, replayed first
    m_backend.subscribe(spec, this, [this, generation](Result<Subscription> subscribed) {
        if (!subscribed)
            return Q_EMIT failed(tr("Run changes are not followed: %1").arg(ErrorAdvice::describe(subscribed.error())));
        if (generation != m_generation)
            return m_backend.unsubscribe(subscribed->id, this, [](Result<void>) {});
        m_subscription = subscribed->id;
    });
}

void RunsModel::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id != m_subscription)
        return;
    for (const Event &event : events) {
        if (const auto *e = std::get_if<RunEvent>(&event.payload))
            m_changed.insert(e->runId.value);
    }
    if (!m_changed.isEmpty())
        m_coalescer->markDirty();
}

void RunsModel::fetchChanged()
{
    const quint64 generation = m_generation;
    for (const quint64 id : std::exchange(m_changed, {})) {
        m_backend.run(RunId(id), this, [this, generation](Result<Run> run) {
            if (generation == m_generation && run)
                update(*run);
        });
    }
}

void RunsModel::update(const Run &run)
{
    const int row = rowOf(run.id);
    if (row >= 0) {
        m_rows[row] = run;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        // Rows stay newest first, whatever order answers come in; a run older than a full page stays out.
        const auto position = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const Run &r) { return r.id < run.id; });
        const int at = static_cast<int>(position - m_rows.cbegin());
        if (at >= m_pageSize)
            return;
        beginInsertRows({}, at, at);
        m_rows.insert(at, run);
        endInsertRows();
        if (m_rows.size() > m_pageSize) {
            beginRemoveRows({}, m_pageSize, static_cast<int>(m_rows.size()) - 1);
            m_rows.resize(m_pageSize);
            endRemoveRows();
        }
    }
    Q_EMIT runChanged(run.id);
}

int RunsModel::rowOf(RunId id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

const Run *RunsModel::run(RunId id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

} // namespace QwenSwarm::Ui
