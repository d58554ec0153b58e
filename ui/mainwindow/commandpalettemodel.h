#pragma once

#include <api/backend.h>

#include <QAbstractListModel>
#include <QPointer>

class QAction;

namespace QwenSwarm::Ui {

class AgentsModel;

/// What the command palette offers for what was typed: the window's actions, agents by name or id
/// (from the agents page's model), and tasks and decisions by id or, for tasks, by text (asked of the
/// backend; the newest query wins, older answers are dropped).
class CommandPaletteModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Kind
    {
        Action,
        Agent,
        Task,
        Decision,
    };
    struct Entry
    {
        Kind kind = Kind::Action;
        quint64 id = 0;
        QString title;
        QString detail;
        QPointer<QAction> action;
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1,
        IdRole,
    };

    CommandPaletteModel(Api::Backend &backend, const AgentsModel &agents, QObject *parent = nullptr);

    void setActions(const QList<QAction *> &actions);
    void setQuery(const QString &text);
    QString query() const { return m_query; }
    /// Whether answers from the backend are still to come for the current query.
    bool isSearching() const { return m_pending > 0; }
    const Entry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void searchFinished();

private:
    void addActions(const QString &text);
    void addAgents(const QString &text, std::optional<quint64> id);
    void lookUpTask(quint64 id);
    void lookUpDecision(quint64 id);
    void searchTasks(const QString &text);
    void append(const Entry &entry);
    void answered();

    Api::Backend &m_backend;
    const AgentsModel &m_agents;
    QList<QPointer<QAction>> m_actions;
    QList<Entry> m_entries;
    QString m_query;
    quint64 m_generation = 0;
    int m_pending = 0;
};

} // namespace QwenSwarm::Ui
