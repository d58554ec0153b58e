#pragma once

#include "graph/agentstatehistory.h"
#include "graph/graphlayout.h"

#include <api/backend.h>

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QAction;
class QGraphicsItem;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;

namespace QwenSwarm::Ui {

class AgentGraphScene;
class AgentNodeItem;
class BannerWidget;
class GraphMinimap;
class GraphView;
class UpdateCoalescer;

/// Swarms and agents as a live graph: nodes by role, state and reputation, edges from each swarm's
/// topology, swarms as collapsible groups. Agent and decision events make nodes pulse and edges glow
/// (aggregated, at most one frame's worth per agent); structural changes reload and re-layout off
/// the GUI thread, starting from the previous layout so nothing jumps. Zoom, pan, fit, search and
/// focus, a minimap, lifecycle commands on a node's context menu, and PNG/SVG export.
class AgentGraphPage : public QWidget
{
    Q_OBJECT

public:
    explicit AgentGraphPage(Api::Backend &backend, QWidget *parent = nullptr);
    ~AgentGraphPage() override;

    AgentGraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    GraphMinimap *minimap() const { return m_minimap; }
    BannerWidget *banner() const { return m_banner; }
    QList<QAction *> pageActions() const { return m_actions; }
    quint32 seed() const { return m_seed; }
    /// How many layouts were applied (the first, then one per structural change).
    int layoutCount() const { return m_layouts; }
    bool isLayoutPending() const { return m_layoutWatcher.isRunning() || m_layoutAgain; }

    /// Subscribes to swarm, agent and decision events and loads the graph.
    void start();
    void reload();
    void fitToView();
    /// Selects and centres the first agent whose name contains `text`; false if none does.
    bool focusAgent(const QString &text);
    void focusSearch();
    void setAllCollapsed(bool collapsed);
    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;
    void runCommand(Api::AgentCommand command);
    /// Shows the agents' states as they were at `timeMs` (ms since the epoch); 0 returns to live.
    void replayAt(qint64 timeMs);
    bool isReplaying() const { return m_replayMs != 0; }
    const AgentStateHistory &history() const { return m_history; }

Q_SIGNALS:
    void openAgent(Api::AgentId id);
    void statusMessage(const QString &text);

private:
    void createActions();
    QWidget *buildToolbar();
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void loadAgents(const QList<Api::Swarm> &swarms);
    void loadReputations();
    void relayout();
    void layoutFinished();
    void selectionChanged();
    void showContextMenu(QGraphicsItem *item, const QPoint &globalPos);
    void exportInteractively();
    QList<Api::AgentId> selectedAgents() const;
    QWidget *buildTimeline();
    void stepReplay();

    Api::Backend &m_backend;
    AgentGraphScene *m_scene;
    GraphView *m_view;
    GraphMinimap *m_minimap;
    BannerWidget *m_banner;
    QLineEdit *m_search = nullptr;
    QLabel *m_info = nullptr;
    QList<QAction *> m_actions;
    QSlider *m_timeSlider = nullptr;
    QPushButton *m_play = nullptr;
    QLabel *m_timeLabel = nullptr;
    QTimer m_replayTimer;
    AgentStateHistory m_history;
    qint64 m_replayMs = 0;
    qint64 m_startedMs = 0;
    UpdateCoalescer *m_reloads;
    QTimer m_reputationTimer;
    QFutureWatcher<GraphLayout::Result> m_layoutWatcher;
    Api::SubscriptionId m_subscription;
    QHash<Api::AgentId, Api::Agent> m_agents;
    quint32 m_seed = 7;
    int m_layouts = 0;
    bool m_layoutAgain = false;
    bool m_loading = false;
    bool m_loadAgain = false;
    bool m_fitAfterLayout = true;
};

} // namespace QwenSwarm::Ui
