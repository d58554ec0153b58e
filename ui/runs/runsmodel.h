#pragma once

#include <api/backend.h>

#include <QAbstractTableModel>
#include <QSet>

namespace QwenSwarm::Ui {

class UpdateCoalescer;

/// The newest workflow runs of a core (Backend::queryRuns, one page), kept current by the runs
/// event topic: a run an event names is read again (at most a few times a second, however fast
/// events come), a new run is added on top. A dropped-events notice reloads the page.
class RunsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        WorkflowColumn,
        StateColumn,
        StepsColumn,
        StartedColumn,
        CostColumn,
        ReasonColumn,
        ColumnCount,
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1, ///< quint64
        StateRole, ///< int (Api::RunState)
    };

    explicit RunsModel(Api::Backend &backend, int pageSize = 200, QObject *parent = nullptr);
    ~RunsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Loads the newest page and follows changes.
    void start();
    void reload();
    bool isLoaded() const { return m_loaded; }
    /// Puts `run` in (a fresh answer of a call the page made), replacing the row of its id.
    void update(const Api::Run &run);

    int rowOf(Api::RunId id) const;
    const Api::Run *run(Api::RunId id) const;
    const Api::Run &runAt(int row) const { return m_rows.at(row); }

    /// "3 / 4": steps finished (succeeded or skipped) of all.
    static QString progressText(const Api::Run &run);

Q_SIGNALS:
    void failed(const QString &message);
    /// A run's row changed (or was added).
    void runChanged(QwenSwarm::Api::RunId id);
    void loadedChanged();

private:
    void subscribe(quint64 afterSeq);
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void fetchChanged();

    Api::Backend &m_backend;
    UpdateCoalescer *m_coalescer;
    int m_pageSize;
    QList<Api::Run> m_rows; ///< Newest first.
    QSet<quint64> m_changed; ///< Runs to read again.
    Api::SubscriptionId m_subscription;
    quint64 m_generation = 0;
    bool m_loaded = false;
};

} // namespace QwenSwarm::Ui
