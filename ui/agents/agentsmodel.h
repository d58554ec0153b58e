#pragma once

#include <api/backend.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace QwenSwarm::Ui {

class SwarmDirectory;
class UpdateCoalescer;

/// Every agent of the backend, one row each, kept current from agent events: an event marks its
/// agent dirty, and dirty agents are re-read (Backend::agent) at a bounded rate, however fast events
/// come. Every few seconds the whole list and the reputations (posterior means) are re-read too, for
/// the counters that move while an agent stays busy. Rows are in creation order.
class AgentsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        SwarmColumn,
        RoleColumn,
        StateColumn,
        ModelColumn,
        ReputationColumn,
        CallsColumn,
        ErrorsColumn,
        TokensColumn,
        CostColumn,
        ColumnCount,
    };
    enum Role
    {
        AgentIdRole = Qt::UserRole + 1, ///< quint64
        SortRole, ///< numbers as numbers
        StateRole, ///< int(AgentState)
        SwarmIdRole, ///< quint64
        SearchTextRole, ///< name, model, provider, tags, role, swarm
    };

    /// One lifecycle transition seen since the model started.
    struct Transition
    {
        qint64 timeMs = 0;
        Api::AgentState from = Api::AgentState::Created;
        Api::AgentState to = Api::AgentState::Created;
        QString cause;
    };

    AgentsModel(Api::Backend &backend, SwarmDirectory &swarms, QObject *parent = nullptr, int maxUpdatesPerSecond = 4);
    ~AgentsModel() override;

    /// Subscribes to agent events, then loads every agent and the reputations.
    void start();
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool isLoaded() const { return m_loaded; }
    int rowOf(Api::AgentId id) const;
    const Api::Agent &agentAt(int row) const { return m_rows.at(row); }
    const Api::Agent *agent(Api::AgentId id) const;
    /// The first agent whose name is `name` (any swarm).
    Api::AgentId findByName(const QString &name) const;
    std::optional<double> reputation(Api::AgentId id) const;
    /// Lifecycle transitions since start, oldest first (idle <-> busy flips are only counted).
    QList<Transition> history(Api::AgentId id) const { return m_history.value(id); }
    int idleBusyFlips(Api::AgentId id) const { return m_flips.value(id); }
    /// Shows what a command answered at once, before its event arrives.
    void update(const Api::Agent &agent);
    void reloadReputations();

Q_SIGNALS:
    void failed(const QString &message);
    void loaded();
    /// An agent's row or history changed.
    void agentChanged(Api::AgentId id);

private:
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void record(const Api::Event &event, const Api::AgentEvent &change);
    void flush();
    void fetch(Api::AgentId id);
    void replaceAll(const QList<Api::Agent> &agents);
    void remove(Api::AgentId id);
    void rebuildIndex();
    QVariant display(const Api::Agent &agent, int column) const;
    QVariant sortValue(const Api::Agent &agent, int column) const;

    Api::Backend &m_backend;
    SwarmDirectory &m_swarms;
    UpdateCoalescer *m_coalescer;
    QTimer m_refreshTimer;
    Api::SubscriptionId m_subscription;
    QList<Api::Agent> m_rows;
    QHash<Api::AgentId, int> m_index;
    QHash<Api::AgentId, double> m_reputations;
    QHash<Api::AgentId, QList<Transition>> m_history;
    QHash<Api::AgentId, int> m_flips;
    QSet<Api::AgentId> m_dirty;
    QSet<Api::AgentId> m_inFlight;
    QSet<Api::AgentId> m_removed;
    bool m_loaded = false;
    bool m_listing = false;
    bool m_listAgain = false;
    bool m_reputationsInFlight = false;
};

} // namespace QwenSwarm::Ui
