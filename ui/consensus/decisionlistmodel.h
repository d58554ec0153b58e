#pragma once

#include <api/backend.h>

#include <QAbstractTableModel>

namespace QwenSwarm::Ui {

class SwarmDirectory;
class UpdateCoalescer;

/// Decisions matching a query, newest first, a page at a time: setQuery() loads the first page,
/// loadMore() appends the next. Decision events reload the first page (at a bounded rate) while only
/// it is shown, and always in live mode, so the newest decisions are at the top.
class DecisionListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SwarmColumn,
        StrategyColumn,
        OutcomeColumn,
        AnswerColumn,
        AgreementColumn,
        RoundsColumn,
        FeedbackColumn,
        ColumnCount,
    };
    enum Role
    {
        DecisionIdRole = Qt::UserRole + 1,
    };

    DecisionListModel(Api::Backend &backend, SwarmDirectory &swarms, QObject *parent = nullptr);
    ~DecisionListModel() override;

    /// Subscribes to decision events.
    void start();
    void setQuery(const Api::DecisionQuery &query);
    const Api::DecisionQuery &query() const { return m_query; }
    void reload();
    void loadMore();
    bool canLoadMore() const { return !m_nextCursor.isEmpty(); }
    bool isLoading() const { return m_loading; }
    void setLive(bool live);
    bool isLive() const { return m_live; }
    void setPageSize(int size) { m_query.page.limit = size; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Api::Decision &decisionAt(int row) const { return m_rows.at(row); }
    int rowOf(Api::DecisionId id) const;
    /// Replaces a row's decision (after feedback), if it is listed.
    void update(const Api::Decision &decision);

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);
    /// Live mode saw a decision newer than the ones listed.
    void newestChanged(Api::DecisionId id);

private:
    void fetch(bool append);
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);

    Api::Backend &m_backend;
    SwarmDirectory &m_swarms;
    Api::DecisionQuery m_query;
    QList<Api::Decision> m_rows;
    QString m_nextCursor;
    Api::SubscriptionId m_subscription;
    UpdateCoalescer *m_liveReloads;
    int m_generation = 0;
    bool m_loading = false;
    bool m_live = false;
};

} // namespace QwenSwarm::Ui
