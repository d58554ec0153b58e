#pragma once

#include <api/agent.h>

#include <QSortFilterProxyModel>

#include <optional>

namespace QwenSwarm::Ui {

/// Sorts the agents table by the value of a column (numbers as numbers) and filters it by free
/// text (name, model, provider, tags, role, swarm), state and swarm.
class AgentsProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AgentsProxyModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    /// std::nullopt: every state.
    void setStateFilter(std::optional<Api::AgentState> state);
    /// Invalid: every swarm.
    void setSwarmFilter(Api::SwarmId swarm);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<Api::AgentState> m_state;
    Api::SwarmId m_swarm;
};

} // namespace QwenSwarm::Ui
