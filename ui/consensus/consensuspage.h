#pragma once

#include <api/backend.h>

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace QwenSwarm::Ui {

class BannerWidget;
class DecisionDetailWidget;
class DecisionListModel;
class SwarmDirectory;

/// Decisions and how they were reached: a paged list filtered by swarm, strategy, outcome,
/// agreement and time; the selected decision's full trail beside it; live mode to follow the newest
/// decision as it is made; and two selected decisions compared side by side.
class ConsensusPage : public QWidget
{
    Q_OBJECT

public:
    ConsensusPage(Api::Backend &backend, SwarmDirectory &swarms, QWidget *parent = nullptr);

    DecisionListModel *model() const { return m_model; }
    QTableView *list() const { return m_list; }
    DecisionDetailWidget *detail() const { return m_detail; }
    DecisionDetailWidget *compareLeft() const { return m_left; }
    DecisionDetailWidget *compareRight() const { return m_right; }
    BannerWidget *banner() const { return m_banner; }
    QList<QAction *> pageActions() const { return m_actions; }
    bool isComparing() const;

    void start();
    void reload();
    void showDecision(Api::DecisionId id);
    void setLive(bool live);
    /// Compares the two selected decisions (or the selected one and the one above it).
    bool compareSelected();
    void applyFilters();
    void setDark(bool dark);

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    QWidget *buildFilters();
    void createActions();
    void fillSwarms();
    void currentChanged();
    void updateCount();

    Api::Backend &m_backend;
    SwarmDirectory &m_swarms;
    DecisionListModel *m_model;
    BannerWidget *m_banner;
    QTableView *m_list;
    QStackedWidget *m_stack;
    DecisionDetailWidget *m_detail;
    DecisionDetailWidget *m_left;
    DecisionDetailWidget *m_right;
    QComboBox *m_swarmFilter = nullptr;
    QComboBox *m_strategyFilter = nullptr;
    QComboBox *m_outcomeFilter = nullptr;
    QComboBox *m_timeFilter = nullptr;
    QDoubleSpinBox *m_minAgreement = nullptr;
    QDoubleSpinBox *m_maxAgreement = nullptr;
    QCheckBox *m_live = nullptr;
    QPushButton *m_more = nullptr;
    QLabel *m_count = nullptr;
    QList<QAction *> m_actions;
    Api::DecisionId m_pendingSelect;
};

} // namespace QwenSwarm::Ui
