#include "consensus/decisionlistmodel.h"

#include "common/displaytext.h"
#include "common/swarmdirectory.h"
#include "common/updatecoalescer.h"

#include <QColor>

namespace QwenSwarm::Ui {

using namespace Api;

DecisionListModel::DecisionListModel(Backend &backend, SwarmDirectory &swarms, QObject *parent)
    : QAbstractTableModel(parent)
    , m_backend(backend)
    , m_swarms(swarms)
    , m_liveReloads(new UpdateCoalescer(2, this))
{
    m_query.page.limit = 50;
    connect(&m_backend, &Backend::eventsReceived, this, &DecisionListModel::onEvents);
    connect(m_liveReloads, &UpdateCoalescer::flush, this, &DecisionListModel::reload);
    connect(&m_swarms, &SwarmDirectory::changed, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, SwarmColumn), index(rowCount() - 1, SwarmColumn));
    });
}

DecisionListModel::~DecisionListModel()
{
    if (m_subscription.isValid())
        m_backend.unsubscribe(m_subscription, &m_backend, [](Result<void>) {});
}

void DecisionListModel::start()
{
    SubscriptionSpec spec;
    spec.topics = {Topic::Decisions};
    m_backend.subscribe(spec, this, [this](Result<Subscription> s) {
        if (!s)
            return Q_EMIT failed(tr("Live decisions are off: %1").arg(s.error().message));
        m_subscription = s->id;
    });
    reload();
}

void DecisionListModel::setQuery(const DecisionQuery &query)
{
    m_query = query;
    reload();
}

void DecisionListModel::reload()
{
    fetch(false);
}

void DecisionListModel::loadMore()
{
    if (canLoadMore() && !m_loading)
        fetch(true);
}

void DecisionListModel::setLive(bool live)
{
    m_live = live;
    if (live)
        reload();
}

void DecisionListModel::fetch(bool append)
{
    const int generation = ++m_generation;
    DecisionQuery query = m_query;
    query.page.cursor = append ? m_nextCursor : QString();
    m_loading = true;
    m_backend.queryDecisions(query, this, [this, generation, append](Result<Page<Decision>> page) {
        if (generation != m_generation) // a newer query answers for the list
            return;
        m_loading = false;
        if (!page)
            return Q_EMIT failed(tr("Decisions cannot be listed: %1").arg(page.error().message));
        const DecisionId previousNewest = m_rows.isEmpty() ? DecisionId() : m_rows.constFirst().id;
        if (append) {
            if (!page->items.isEmpty()) {
                beginInsertRows({}, rowCount(), rowCount() + int(page->items.size()) - 1);
                m_rows += page->items;
                endInsertRows();
            }
        } else {
            beginResetModel();
            m_rows = page->items;
            endResetModel();
        }
        m_nextCursor = page->nextCursor;
        Q_EMIT loaded();
        if (!append && m_live && !m_rows.isEmpty() && m_rows.constFirst().id != previousNewest)
            Q_EMIT newestChanged(m_rows.constFirst().id);
    });
}

void DecisionListModel::onEvents(SubscriptionId id, const QList<Event> &events)
{
    // The first page stays current by itself; once more pages are loaded only live mode reloads,
    // so the operator does not lose the pages they asked for.
    if (id != m_subscription || (!m_live && m_rows.size() > m_query.page.limit))
        return;
    for (const Event &event : events) {
        if (std::holds_alternative<DecisionEvent>(event.payload))
            return m_liveReloads->markDirty();
    }
}

int DecisionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DecisionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int DecisionListModel::rowOf(DecisionId id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return i;
    }
    return -1;
}

void DecisionListModel::update(const Decision &decision)
{
    const int row = rowOf(decision.id);
    if (row < 0)
        return;
    m_rows[row] = decision;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QVariant DecisionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Decision &d = m_rows.at(index.row());
    if (role == DecisionIdRole)
        return d.id.value;
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn && d.outcome == DecisionOutcome::NoDecision)
        return QColor(200, 0, 0);
    if (role == Qt::ToolTipRole)
        return d.explanation;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return DisplayText::time(d.createdMs);
    case SwarmColumn:
        return m_swarms.name(d.swarmId);
    case StrategyColumn:
        return d.strategy.name;
    case OutcomeColumn:
        return d.outcome == DecisionOutcome::Decided ? tr("decided") : tr("no decision");
    case AnswerColumn:
        return d.answer;
    case AgreementColumn:
        return DisplayText::percent(d.agreement);
    case RoundsColumn:
        return int(d.rounds.size());
    case FeedbackColumn:
        return !d.feedback ? QString() : d.feedback->correct ? tr("right") : tr("wrong");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DecisionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[]
        = {QT_TR_NOOP("Time"),   QT_TR_NOOP("Swarm"),     QT_TR_NOOP("Strategy"), QT_TR_NOOP("Outcome"),
           QT_TR_NOOP("Answer"), QT_TR_NOOP("Agreement"), QT_TR_NOOP("Rounds"),   QT_TR_NOOP("Feedback")};
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace QwenSwarm::Ui
