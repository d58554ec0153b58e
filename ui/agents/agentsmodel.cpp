#include "agents/agentsmodel.h"

#include "common/displaytext.h"
#include "common/erroradvice.h"
#include "common/swarmdirectory.h"
#include "common/updatecoalescer.h"

#include <QColor>

#include <algorithm>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr int maxHistory = 200;
// Beyond this many changed agents in one interval, one list is cheaper than many reads.
constexpr qsizetype listThreshold = 64;
// Counters (calls, tokens, cost) move without lifecycle events while an agent stays busy.
constexpr int refreshIntervalMs = 3000;

bool isIdleBusyFlip(const AgentEvent &e)
{
    return (e.from == AgentState::Idle && e.to == AgentState::Busy)
        || (e.from == AgentState::Busy && e.to == AgentState::Idle);
}

} // namespace

AgentsModel::AgentsModel(Backend &backend, SwarmDirectory &swarms, QObject *parent, int maxUpdatesPerSecond)
    : QAbstractTableModel(parent)
    , m_backend(backend)
    , m_swarms(swarms)
    , m_coalescer(new UpdateCoalescer(maxUpdatesPerSecond, this))
{
    connect(m_coalescer, &UpdateCoalescer::flush, this, &AgentsModel::flush);
    connect(&m_backend, &Backend::eventsReceived, this, &AgentsModel::onEvents);
    connect(&m_backend, &Backend::eventsDropped, this, [this](SubscriptionId id, quint64, quint64) {
        if (id == m_subscription)
            reload(); // what was lost is re-read as a whole
    });
    connect(&m_swarms, &SwarmDirectory::changed, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, SwarmColumn), index(rowCount() - 1, SwarmColumn));
    });
    m_refreshTimer.setInterval(refreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &AgentsModel::reload);
}

AgentsModel::~AgentsModel()
{
    // The backend outlives its views; it stops streaming what nobody shows.
    if (m_subscription.isValid())
        m_backend.unsubscribe(m_subscription, &m_backend, [](Api::Result<void>) {});
}

void AgentsModel::start()
{
    SubscriptionSpec spec;
    spec.topics = {Topic::Agents};
    m_backend.subscribe(spec, this, [this](Result<Subscription> subscribed) {
        if (!subscribed)
            Q_EMIT failed(tr("Agent changes are not followed: %1").arg(ErrorAdvice::describe(subscribed.error())));
        else
            m_subscription = subscribed->id;
        reload(); // after subscribing, so that no change falls between the list and the events
    });
    m_refreshTimer.start();
}

void AgentsModel::reload()
{
    if (m_listing) {
        m_listAgain = true;
        return;
    }
    m_listing = true;
    m_backend.listAgents(SwarmId {}, this, [this](Result<QList<Agent>> agents) {
        m_listing = false;
        if (!agents) {
            Q_EMIT failed(tr("The agents cannot be listed: %1").arg(ErrorAdvice::describe(agents.error())));
        } else {
            replaceAll(agents.value());
            const bool first = !std::exchange(m_loaded, true);
            if (first)
                Q_EMIT loaded();
            reloadReputations();
        }
        if (std::exchange(m_listAgain, false))
            reload();
    });
}

void AgentsModel::reloadReputations()
{
    if (m_reputationsInFlight)
        return;
    m_reputationsInFlight = true;
    m_backend.reputations(AgentId {}, this, [this](Result<QList<Reputation>> reputations) {
        m_reputationsInFlight = false;
        if (!reputations)
            return Q_EMIT failed(tr("Reputations cannot be read: %1").arg(ErrorAdvice::describe(reputations.error())));
        for (const Reputation &r : reputations.value()) {
            if (r.tag.isEmpty())
                m_reputations.insert(r.agentId, r.mean());
        }
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, ReputationColumn), index(rowCount() - 1, ReputationColumn));
    });
}

int AgentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Agent &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(a, index.column());
    case SortRole:
        return sortValue(a, index.column());
    case AgentIdRole:
        return a.id.value;
    case StateRole:
        return int(a.state);
    case SwarmIdRole:
        return a.swarmId.value;
    case SearchTextRole:
        return QStringList {a.spec.name,
                            a.spec.model,
                            a.spec.provider,
                            a.spec.tags.join(QLatin1Char(' ')),
                            DisplayText::agentRole(a.spec.role),
                            m_swarms.name(a.swarmId)}
            .join(QLatin1Char(' '));
    case Qt::ForegroundRole:
        return index.column() == StateColumn ? QVariant(DisplayText::agentStateColor(a.state)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= ReputationColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && !a.stateReason.isEmpty())
            return tr("%1 since %2: %3")
                .arg(DisplayText::agentState(a.state), DisplayText::dateTime(a.stateSinceMs), a.stateReason);
        if (index.column() == NameColumn && !a.spec.tags.isEmpty())
            return tr("Tags: %1").arg(a.spec.tags.join(QStringLiteral(", ")));
        return {};
    default:
        return {};
    }
}

QVariant AgentsModel::display(const Agent &a, int column) const
{
    switch (column) {
    case NameColumn:
        return a.spec.name;
    case SwarmColumn:
        return m_swarms.name(a.swarmId);
    case RoleColumn:
        return DisplayText::agentRole(a.spec.role);
    case StateColumn:
        return DisplayText::agentState(a.state);
    case ModelColumn:
        return a.spec.model.isEmpty() ? a.spec.provider : QString(a.spec.provider + QLatin1Char('/') + a.spec.model);
    case ReputationColumn: {
        const auto r = reputation(a.id);
        return r ? QVariant(DisplayText::percent(*r)) : QVariant();
    }
    case CallsColumn:
        return DisplayText::count(double(a.stats.calls));
    case ErrorsColumn:
        return DisplayText::count(double(a.stats.errors));
    case TokensColumn:
        return DisplayText::count(double(a.stats.promptTokens + a.stats.completionTokens));
    case CostColumn:
        return DisplayText::money(a.stats.costUsd);
    }
    return {};
}

QVariant AgentsModel::sortValue(const Agent &a, int column) const
{
    switch (column) {
    case RoleColumn:
        return int(a.spec.role);
    case StateColumn:
        return int(a.state);
    case ReputationColumn:
        return reputation(a.id).value_or(-1.0);
    case CallsColumn:
        return a.stats.calls;
    case ErrorsColumn:
        return a.stats.errors;
    case TokensColumn:
        return a.stats.promptTokens + a.stats.completionTokens;
    case CostColumn:
        return a.stats.costUsd;
    default:
        return display(a, column).toString().toLower();
    }
}

QVariant AgentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const names[] = {
        QT_TR_NOOP("Name"),       QT_TR_NOOP("Swarm"), QT_TR_NOOP("Role"),   QT_TR_NOOP("State"),  QT_TR_NOOP("Model"),
        QT_TR_NOOP("Reputation"), QT_TR_NOOP("Calls"), QT_TR_NOOP("Errors"), QT_TR_NOOP("Tokens"), QT_TR_NOOP("Cost")};
    return tr(names[section]);
}

int AgentsModel::rowOf(AgentId id) const
{
    return m_index.value(id, -1);
}

const Agent *AgentsModel::agent(AgentId id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

AgentId AgentsModel::findByName(const QString &name) const
{
    for (const Agent &a : m_rows) {
        if (a.spec.name.compare(name, Qt::CaseInsensitive) == 0)
            return a.id;
    }
    return {};
}

std::optional<double> AgentsModel::reputation(AgentId id) const
{
    const auto it = m_reputations.constFind(id);
    return it == m_reputations.cend() ? std::nullopt : std::optional<double>(*it);
}

void AgentsModel::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id != m_subscription)
        return;
    for (const Event &event : events) {
        if (const auto *change = std::get_if<AgentEvent>(&event.payload))
            record(event, *change);
    }
    m_coalescer->markDirty();
}

void AgentsModel::record(const Event &event, const AgentEvent &change)
{
    if (change.removed) {
        m_removed.insert(change.agentId);
        m_dirty.remove(change.agentId);
        return;
    }
    m_dirty.insert(change.agentId);
    if (isIdleBusyFlip(change)) {
        ++m_flips[change.agentId];
        return;
    }
    QList<Transition> &history = m_history[change.agentId];
    history.append({event.timeMs, change.from, change.to, change.cause});
    if (history.size() > maxHistory)
        history.removeFirst();
}

void AgentsModel::flush()
{
    for (AgentId id : std::as_const(m_removed))
        remove(id);
    m_removed.clear();
    if (m_dirty.size() > listThreshold) {
        m_dirty.clear();
        reload();
        return;
    }
    const QSet<AgentId> dirty = m_dirty;
    for (AgentId id : dirty) {
        if (!m_inFlight.contains(id))
            fetch(id);
    }
}

void AgentsModel::fetch(AgentId id)
{
    m_inFlight.insert(id);
    m_dirty.remove(id);
    m_backend.agent(id, this, [this, id](Result<Agent> found) {
        m_inFlight.remove(id);
        if (found)
            update(found.value());
        else if (found.error().code == ErrorCode::NotFound)
            remove(id);
        else
            Q_EMIT failed(tr("Agent %1 cannot be read: %2").arg(id.value).arg(ErrorAdvice::describe(found.error())));
        if (m_dirty.contains(id))
            m_coalescer->markDirty(); // changed again while it was being read
    });
}

void AgentsModel::update(const Agent &agent)
{
    const int row = rowOf(agent.id);
    if (row >= 0) {
        if (m_rows.at(row) != agent) {
            m_rows[row] = agent;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    } else {
        const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), agent.id,
                                         [](const Agent &a, AgentId id) { return a.id < id; });
        const int position = int(at - m_rows.cbegin());
        beginInsertRows({}, position, position);
        m_rows.insert(position, agent);
        rebuildIndex();
        endInsertRows();
    }
    Q_EMIT agentChanged(agent.id);
}

void AgentsModel::replaceAll(const QList<Agent> &agents)
{
    if (m_rows.isEmpty() && !agents.isEmpty()) {
        QList<Agent> sorted = agents;
        std::sort(sorted.begin(), sorted.end(), [](const Agent &a, const Agent &b) { return a.id < b.id; });
        beginInsertRows({}, 0, int(sorted.size()) - 1);
        m_rows = std::move(sorted);
        rebuildIndex();
        endInsertRows();
        return;
    }
    QSet<AgentId> present;
    for (const Agent &a : agents) {
        present.insert(a.id);
        update(a);
    }
    const QList<Agent> rows = m_rows;
    for (const Agent &a : rows) {
        if (!present.contains(a.id))
            remove(a.id);
    }
}

void AgentsModel::remove(AgentId id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    rebuildIndex();
    endRemoveRows();
    Q_EMIT agentChanged(id);
}

void AgentsModel::rebuildIndex()
{
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).id, i);
}

} // namespace QwenSwarm::Ui
