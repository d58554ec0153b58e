#include "graph/agentgraphpage.h"

#include "common/bannerwidget.h"
#include "common/displaytext.h"
#include "common/updatecoalescer.h"
#include "graph/agentgraphscene.h"
#include "graph/agentnodeitem.h"
#include "graph/graphminimap.h"
#include "graph/graphview.h"
#include "graph/swarmgroupitem.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSvgGenerator>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace QwenSwarm::Ui {

using namespace Api;

AgentGraphPage::AgentGraphPage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_scene(new AgentGraphScene(this))
    , m_view(new GraphView(m_scene, this))
    , m_minimap(new GraphMinimap(*m_view, m_view))
    , m_banner(new BannerWidget(this))
    , m_reloads(new UpdateCoalescer(4, this))
{
    setObjectName(QStringLiteral("agent_graph_page"));
    createActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_view, 1);
    layout->addWidget(buildTimeline());
    m_info = new QLabel(tr("Double-click an agent for its details, a swarm's background to collapse it; "
                           "right-click for commands."),
                        this);
    m_info->setObjectName(QStringLiteral("graph_info"));
    m_info->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_info);

    connect(m_view, &GraphView::viewChanged, this, [this] {
        const QSize hint = m_minimap->sizeHint();
        m_minimap->setGeometry(m_view->width() - hint.width() - 22, m_view->height() - hint.height() - 22, hint.width(),
                               hint.height());
        m_minimap->raise();
        // An overview only helps when part of the graph is out of sight.
        m_minimap->setVisible(!m_view->visibleSceneRect().contains(m_scene->itemsBoundingRect()));
    });
    connect(m_view, &GraphView::nodeActivated, this,
            [this](QGraphicsItem *item) { Q_EMIT openAgent(static_cast<AgentNodeItem *>(item)->agentId()); });
    connect(m_view, &GraphView::contextMenuRequested, this, &AgentGraphPage::showContextMenu);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &AgentGraphPage::selectionChanged);
    connect(m_reloads, &UpdateCoalescer::flush, this, &AgentGraphPage::reload);
    connect(&m_layoutWatcher, &QFutureWatcher<GraphLayout::Result>::finished, this, &AgentGraphPage::layoutFinished);
    connect(&m_backend, &Backend::eventsReceived, this, &AgentGraphPage::onEvents);
    connect(&m_backend, &Backend::eventsDropped, this, [this](SubscriptionId id) {
        if (id == m_subscription)
            m_reloads->markDirty();
    });
    m_reputationTimer.setInterval(5000);
    connect(&m_reputationTimer, &QTimer::timeout, this, &AgentGraphPage::loadReputations);
}

AgentGraphPage::~AgentGraphPage()
{
    m_layoutWatcher.waitForFinished(); // a layout in flight only reads its own copy of the input
    disconnect(m_scene, nullptr, this, nullptr); // the scene's items go after this page is gone
    disconnect(m_view, nullptr, this, nullptr); // the view scrolls as the scene goes
    if (m_subscription.isValid())
        m_backend.unsubscribe(m_subscription, &m_backend, [](Result<void>) {});
}

void AgentGraphPage::createActions()
{
    auto add = [this](const QString &text, const char *name, const QString &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        if (!shortcut.isEmpty())
            action->setShortcut(QKeySequence(shortcut));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_actions.append(action);
        return action;
    };
    add(tr("&Fit to view"), "action_graph_fit", QStringLiteral("Ctrl+0"), [this] { fitToView(); });
    add(tr("Zoom &in"), "action_graph_zoom_in", QStringLiteral("Ctrl+="), [this] { m_view->zoomBy(1.25); });
    add(tr("Zoom &out"), "action_graph_zoom_out", QStringLiteral("Ctrl+-"), [this] { m_view->zoomBy(0.8); });
    add(tr("&Collapse all swarms"), "action_graph_collapse", QStringLiteral("Alt+Shift+C"),
        [this] { setAllCollapsed(true); });
    add(tr("E&xpand all swarms"), "action_graph_expand", QStringLiteral("Alt+Shift+X"),
        [this] { setAllCollapsed(false); });
    add(tr("Re-&layout"), "action_graph_relayout", QStringLiteral("Alt+Shift+L"), [this] {
        m_seed += 1;
        m_scene->applyLayout({}); // start afresh with a new seed
        m_fitAfterLayout = true;
        relayout();
    });
    add(tr("&Export image…"), "action_graph_export", QStringLiteral("Ctrl+Shift+E"), [this] { exportInteractively(); });
}

QWidget *AgentGraphPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto *toolbar = new QToolBar(bar);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions(m_actions);
    row->addWidget(toolbar, 1);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("graph_search"));
    m_search->setPlaceholderText(tr("Find agent and focus (Enter)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(280);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (!focusAgent(m_search->text()))
            Q_EMIT statusMessage(tr("No agent's name contains \"%1\".").arg(m_search->text()));
    });
    row->addWidget(m_search);
    return bar;
}

void AgentGraphPage::start()
{
    SubscriptionSpec spec;
    spec.topics = {Topic::Swarms, Topic::Agents, Topic::Decisions};
    spec.resumeAfterSeq = 0; // the retained history feeds the time slider
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_backend.subscribe(spec, this, [this](Result<Subscription> s) {
        if (!s)
            return m_banner->showError(tr("Live graph updates are off: %1").arg(s.error().message));
        m_subscription = s->id;
    });
    reload();
    loadReputations();
    m_reputationTimer.start();
}

void AgentGraphPage::reload()
{
    if (m_loading) {
        m_loadAgain = true;
        return;
    }
    m_loading = true;
    m_backend.listSwarms(this, [this](Result<QList<Swarm>> swarms) {
        if (!swarms) {
            m_loading = false;
            return m_banner->showError(tr("The swarms cannot be listed: %1").arg(swarms.error().message));
        }
        loadAgents(*swarms);
    });
}

void AgentGraphPage::loadAgents(const QList<Swarm> &swarms)
{
    m_backend.listAgents(SwarmId(), this, [this, swarms](Result<QList<Agent>> agents) {
        m_loading = false;
        if (!agents)
            return m_banner->showError(tr("The agents cannot be listed: %1").arg(agents.error().message));
        m_agents.clear();
        for (const Agent &a : *agents)
            m_agents.insert(a.id, a);
        if (m_scene->setContent(swarms, *agents))
            relayout();
        if (m_loadAgain) {
            m_loadAgain = false;
            reload();
        }
    });
}

void AgentGraphPage::loadReputations()
{
    m_backend.reputations(AgentId(), this, [this](Result<QList<Reputation>> reputations) {
        if (!reputations)
            return;
        QHash<AgentId, double> means;
        for (const Reputation &r : *reputations) {
            if (r.tag.isEmpty())
                means.insert(r.agentId, r.mean());
        }
        m_scene->setReputations(means);
    });
}

void AgentGraphPage::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id != m_subscription)
        return;
    for (const Event &event : events) {
        if (std::holds_alternative<SwarmEvent>(event.payload)) {
            m_reloads->markDirty();
        } else if (const auto *change = std::get_if<AgentEvent>(&event.payload)) {
            auto it = m_agents.find(change->agentId);
            if (change->removed || it == m_agents.end()) {
                m_reloads->markDirty();
                continue;
            }
            m_history.record({event.timeMs, change->agentId, change->from, change->to});
            it->state = change->to;
            it->stateReason = change->cause;
            it->stateSinceMs = event.timeMs;
            if (isReplaying())
                continue; // the graph shows the past; the present waits for the slider's return
            m_scene->updateAgent(*it);
            if (change->to == AgentState::Busy && event.timeMs >= m_startedMs)
                m_scene->pulse(change->agentId);
        } else if (const auto *decision = std::get_if<DecisionEvent>(&event.payload)) {
            if (!isReplaying() && event.timeMs >= m_startedMs)
                m_scene->flashSwarm(decision->swarmId);
        }
    }
}

void AgentGraphPage::relayout()
{
    if (m_layoutWatcher.isRunning()) {
        m_layoutAgain = true;
        return;
    }
    m_layoutAgain = false;
    const GraphLayout::Input input = m_scene->layoutInput(m_seed);
    m_layoutWatcher.setFuture(QtConcurrent::run([input] { return GraphLayout::compute(input); }));
}

void AgentGraphPage::layoutFinished()
{
    if (m_layoutAgain) { // the structure changed meanwhile: this result is already stale
        relayout();
        return;
    }
    GraphLayout::Result result = m_layoutWatcher.result();
    m_scene->applyLayout(result);
    ++m_layouts;
    m_minimap->invalidate();
    if (m_fitAfterLayout || m_view->followsFit()) {
        m_fitAfterLayout = false;
        fitToView();
    }
}

void AgentGraphPage::fitToView()
{
    m_view->fit();
}

bool AgentGraphPage::focusAgent(const QString &text)
{
    AgentNodeItem *node = m_scene->find(text);
    if (!node)
        return false;
    if (auto *group = static_cast<SwarmGroupItem *>(node->parentItem()); group && group->isCollapsed())
        group->setCollapsed(false);
    m_scene->clearSelection();
    node->setSelected(true);
    if (m_view->zoom() < 0.8)
        m_view->zoomBy(0.8 / m_view->zoom());
    m_view->centerOn(node);
    m_scene->pulse(node->agentId(), 3);
    return true;
}

void AgentGraphPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void AgentGraphPage::setAllCollapsed(bool collapsed)
{
    for (SwarmGroupItem *group : m_scene->groups())
        group->setCollapsed(collapsed);
    m_minimap->invalidate();
}

QList<AgentId> AgentGraphPage::selectedAgents() const
{
    QList<AgentId> ids;
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (item->type() == AgentNodeItem::Type)
            ids.append(static_cast<AgentNodeItem *>(item)->agentId());
    }
    return ids;
}

void AgentGraphPage::selectionChanged()
{
    const QList<AgentId> ids = selectedAgents();
    if (ids.size() != 1) {
        m_info->setText(ids.isEmpty() ? tr("Nothing selected.") : tr("%n agents selected.", nullptr, int(ids.size())));
        return;
    }
    const Agent &a = m_scene->node(ids.constFirst())->agent();
    m_info->setText(tr("%1: %2, %3 — %4 calls, %5 errors, reputation %6. Double-click or Enter opens its details.")
                        .arg(a.spec.name, DisplayText::agentRole(a.spec.role), DisplayText::agentState(a.state))
                        .arg(a.stats.calls)
                        .arg(a.stats.errors)
                        .arg(DisplayText::percent(m_scene->node(a.id)->reputation())));
}

QWidget *AgentGraphPage::buildTimeline()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_play = new QPushButton(tr("Replay"), bar);
    m_play->setObjectName(QStringLiteral("graph_replay"));
    m_play->setCheckable(true);
    m_play->setToolTip(tr("Play the last minutes forward from the slider's position"));
    m_timeSlider = new QSlider(Qt::Horizontal, bar);
    m_timeSlider->setObjectName(QStringLiteral("graph_time_slider"));
    m_timeSlider->setRange(-600, 0);
    m_timeSlider->setValue(0);
    m_timeSlider->setToolTip(tr("Drag left to see the agents' states of the last ten minutes"));
    m_timeLabel = new QLabel(tr("Live"), bar);
    m_timeLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("−10:00 (00:00:00)")));
    row->addWidget(m_play);
    row->addWidget(m_timeSlider, 1);
    row->addWidget(m_timeLabel);
    connect(m_timeSlider, &QSlider::sliderMoved, this, [this](int seconds) {
        replayAt(seconds == 0 ? 0 : QDateTime::currentMSecsSinceEpoch() + qint64(seconds) * 1000);
    });
    connect(m_play, &QPushButton::toggled, this, [this](bool on) {
        if (on && !isReplaying())
            replayAt(QDateTime::currentMSecsSinceEpoch() + qint64(m_timeSlider->minimum()) * 1000);
        on ? m_replayTimer.start() : m_replayTimer.stop();
    });
    m_replayTimer.setInterval(100);
    connect(&m_replayTimer, &QTimer::timeout, this, &AgentGraphPage::stepReplay);
    return bar;
}

void AgentGraphPage::replayAt(qint64 timeMs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_history.isTruncated()) // very busy agents: the replay reaches only as far back as is kept
        timeMs = std::max(timeMs, m_history.oldestMs());
    m_replayMs = timeMs >= now ? 0 : timeMs;
    for (const Agent &current : std::as_const(m_agents)) {
        Agent shown = current;
        if (m_replayMs != 0)
            shown.state = m_history.stateAt(current.id, m_replayMs, current.state);
        m_scene->updateAgent(shown);
    }
    const QSignalBlocker block(m_timeSlider);
    if (m_replayMs == 0) {
        m_timeSlider->setValue(0);
        m_timeLabel->setText(tr("Live"));
        m_play->setChecked(false);
        return;
    }
    const qint64 ago = (now - m_replayMs) / 1000;
    m_timeSlider->setValue(int(-std::min<qint64>(ago, 600)));
    m_timeLabel->setText(QStringLiteral("−%1:%2 (%3)")
                             .arg(ago / 60)
                             .arg(ago % 60, 2, 10, QLatin1Char('0'))
                             .arg(DisplayText::time(m_replayMs)));
}

void AgentGraphPage::stepReplay()
{
    if (!isReplaying())
        return m_play->setChecked(false);
    const qint64 from = m_replayMs;
    const qint64 to = from + m_replayTimer.interval() * 4; // four times real speed
    for (auto [agent, calls] : m_history.busyBetween(from, to).asKeyValueRange())
        m_scene->pulse(agent, calls);
    replayAt(to);
}

void AgentGraphPage::runCommand(AgentCommand command)
{
    for (AgentId id : selectedAgents()) {
        m_backend.commandAgent(id, command, tr("from the agent graph"), this, [this, id](Result<Agent> agent) {
            if (!agent) {
                const QString name = m_agents.contains(id) ? m_agents.value(id).spec.name : id.toString();
                return m_banner->showError(tr("%1: %2").arg(name, agent.error().message));
            }
            m_agents.insert(agent->id, *agent);
            if (!isReplaying())
                m_scene->updateAgent(*agent);
        });
    }
}

void AgentGraphPage::showContextMenu(QGraphicsItem *item, const QPoint &globalPos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (item && item->type() == AgentNodeItem::Type) {
        const AgentId id = static_cast<AgentNodeItem *>(item)->agentId();
        menu->addAction(tr("Open agent details"), this, [this, id] { Q_EMIT openAgent(id); });
        menu->addSeparator();
        for (int c = int(AgentCommand::Pause); c <= int(AgentCommand::Restart); ++c) {
            const auto command = AgentCommand(c);
            menu->addAction(DisplayText::agentCommand(command), this, [this, command] { runCommand(command); });
        }
    } else if (item && item->type() == SwarmGroupItem::Type) {
        auto *group = static_cast<SwarmGroupItem *>(item);
        menu->addAction(group->isCollapsed() ? tr("Expand swarm") : tr("Collapse swarm"), this,
                        [group] { group->setCollapsed(!group->isCollapsed()); });
        menu->addAction(tr("Zoom to swarm"), this,
                        [this, group] { m_view->fit(group->mapRectToScene(group->boundingRect())); });
    }
    menu->addSeparator();
    menu->addActions(m_actions);
    menu->popup(globalPos);
}

bool AgentGraphPage::exportPng(const QString &path) const
{
    const QRectF source = m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (source.isEmpty())
        return false;
    const double scale = std::min(2.0, 8000.0 / std::max(source.width(), source.height()));
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    m_scene->render(&painter, QRectF(image.rect()), source);
    painter.end();
    return image.save(path, "PNG");
}

bool AgentGraphPage::exportSvg(const QString &path) const
{
    const QRectF source = m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (source.isEmpty())
        return false;
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(), source.size()));
    svg.setTitle(tr("Qwen Swarm agent graph"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    m_scene->render(&painter, QRectF(QPointF(), source.size()), source);
    return painter.end();
}

void AgentGraphPage::exportInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export agent graph"), QStringLiteral("agent-graph.png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    const bool ok = path.endsWith(QLatin1StringView(".svg"), Qt::CaseInsensitive) ? exportSvg(path) : exportPng(path);
    if (ok)
        Q_EMIT statusMessage(tr("Graph exported to %1").arg(path));
    else
        m_banner->showError(tr("The graph could not be written to %1.").arg(path));
}

} // namespace QwenSwarm::Ui
