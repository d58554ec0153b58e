#include "agents/agentsproxymodel.h"

#include "agents/agentsmodel.h"

namespace QwenSwarm::Ui {

AgentsProxyModel::AgentsProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AgentsModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void AgentsProxyModel::setSearchText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void AgentsProxyModel::setStateFilter(std::optional<Api::AgentState> state)
{
    m_state = state;
    invalidateRowsFilter();
}

void AgentsProxyModel::setSwarmFilter(Api::SwarmId swarm)
{
    m_swarm = swarm;
    invalidateRowsFilter();
}

bool AgentsProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_state && index.data(AgentsModel::StateRole).toInt() != int(*m_state))
        return false;
    if (m_swarm.isValid() && index.data(AgentsModel::SwarmIdRole).toULongLong() != m_swarm.value)
        return false;
    if (m_text.isEmpty())
        return true;
    return index.data(AgentsModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace QwenSwarm::Ui
