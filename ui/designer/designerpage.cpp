#include "designer/designerpage.h"

#include "common/bannerwidget.h"
#include "common/displaytext.h"
#include "designer/connectionitem.h"
#include "designer/coreenvironment.h"
#include "designer/designerscene.h"
#include "designer/designertext.h"
#include "designer/designerview.h"
#include "designer/inputnodeitem.h"
#include "designer/runtracker.h"
#include "designer/stepapprovaldialog.h"
#include "designer/stepnodeitem.h"
#include "designer/steppalette.h"
#include "designer/steppropertieswidget.h"
#include "designer/workflowclipboard.h"
#include "designer/workflowdiff.h"
#include "designer/workflowdiffdialog.h"
#include "designer/workflowdocument.h"
#include "designer/workflowinputsdialog.h"
#include "designer/workflowlayout.h"
#include "designer/workflowpropertieswidget.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

DesignerPage::DesignerPage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_document(new WorkflowDocument(this))
    , m_core(new CoreEnvironment(backend, this))
    , m_scene(new DesignerScene(*m_document, this))
    , m_view(new DesignerView(m_scene, this))
    , m_tracker(new RunTracker(backend, this))
    , m_files(new WorkflowFiles(*m_document, this))
    , m_banner(new BannerWidget(this))
{
    setObjectName(u"designer_page"_s);
    createActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    layout->addWidget(buildToolbar());
    auto *vertical = new QSplitter(Qt::Vertical, this);
    auto *horizontal = new QSplitter(Qt::Horizontal, vertical);
    horizontal->addWidget(buildCanvas());
    horizontal->addWidget(buildSidePanel());
    horizontal->setStretchFactor(0, 1);
    horizontal->setSizes({1040, 340});
    vertical->addWidget(horizontal);
    vertical->addWidget(buildProblems());
    vertical->setStretchFactor(0, 1);
    vertical->setSizes({760, 110});
    layout->addWidget(vertical, 1);
    connectParts();
    onDocumentChanged();
    updateTitle();
}

void DesignerPage::connectParts()
{
    connect(m_document, &WorkflowDocument::changed, this, &DesignerPage::onDocumentChanged);
    connect(m_document, &WorkflowDocument::fileStateChanged, this, &DesignerPage::updateTitle);
    connect(m_document, &WorkflowDocument::reloaded, this, [this] {
        m_tracker->clear();
        QTimer::singleShot(0, m_view, [this] { m_view->fit(); }); // once the view has its size
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &DesignerPage::selectionChanged);
    connect(m_scene, &DesignerScene::connectionRefused, this,
            [this](const QString &reason) { m_banner->showError(tr("These ports do not connect: %1").arg(reason)); });
    connect(m_scene, &DesignerScene::stepActivated, this, [this](const QString &id) {
        selectStep(id);
        m_stepProperties->setFocus();
    });
    connect(m_scene, &DesignerScene::contextMenuRequested, this, &DesignerPage::showContextMenu);
    connect(m_view, &DesignerView::stepKindDropped, this,
            [this](const QString &kind, QPointF at) { addStep(kind, at - QPointF(StepNodeItem::width / 2, 20)); });
    connect(m_tracker, &RunTracker::changed, this, &DesignerPage::updateRunState);
    connect(m_tracker, &RunTracker::failed, this,
            [this](const QString &message) { m_banner->showError(tr("The core refused: %1").arg(message)); });
    connect(m_tracker, &RunTracker::runStarted, this, [this](RunId id) {
        Q_EMIT statusMessage(tr("Run #%1 started.").arg(id.value));
        Q_EMIT runStarted(id);
    });
    connect(m_tracker, &RunTracker::runFinished, this, [this](RunState state, const QString &reason) {
        const QString text = tr("Run #%1 %2.").arg(m_tracker->runId().value).arg(DisplayText::runState(state));
        if (state == RunState::Succeeded)
            m_banner->showInfo(text);
        else
            m_banner->showError(reason.isEmpty() ? text : text + u' ' + reason);
    });
    connect(m_files, &WorkflowFiles::failed, this, [this](const QString &message) { m_banner->showError(message); });
    connect(m_files, &WorkflowFiles::saved, this,
            [this](const QString &path) { Q_EMIT statusMessage(tr("Saved %1.").arg(QFileInfo(path).fileName())); });
    connect(m_core, &CoreEnvironment::changed, this, [this] {
        if (m_core->isConnected())
            m_tracker->start(); // a core that came back after a failed start
        m_stepProperties->setChoices(m_core->environment().swarms, m_core->environment().strategies);
        validate();
    });
}

DesignerPage::~DesignerPage()
{
    disconnect(m_scene, nullptr, this, nullptr); // the scene's items go after this page's widgets
    disconnect(m_document, nullptr, this, nullptr);
}

QAction *DesignerPage::addPageAction(QAction *action, const char *name, const QKeySequence &shortcut)
{
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    m_actions.append(action);
    m_byName.insert(action->objectName(), action);
    return action;
}

void DesignerPage::createActions()
{
    auto add = [this](const QString &text, const char *name, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        connect(action, &QAction::triggered, this, slot);
        return addPageAction(action, name, shortcut);
    };
    add(tr("&New workflow"), "action_designer_new", QKeySequence::New, [this] { newWorkflow(); });
    add(tr("&Open workflow…"), "action_designer_open", QKeySequence::Open, [this] { openFile(); });
    m_actions.append(m_files->recentMenu()->menuAction());
    add(tr("&Save workflow"), "action_designer_save", QKeySequence::Save, [this] { save(); });
    add(tr("Save workflow &as…"), "action_designer_save_as", QKeySequence(u"Ctrl+Shift+S"_s), [this] { saveAs(); });
    add(tr("Co&mpare with file…"), "action_designer_compare", QKeySequence(u"Ctrl+Shift+D"_s),
        [this] { compareWithFile(); });
    // The menus say what would be undone ("Undo Move step plan"); the toolbar keeps it short.
    QUndoStack *undo = m_document->undoStack();
    addPageAction(undo->createUndoAction(this, tr("&Undo")), "action_designer_undo", QKeySequence::Undo)
        ->setIconText(tr("Undo"));
    addPageAction(undo->createRedoAction(this, tr("&Redo")), "action_designer_redo", QKeySequence::Redo)
        ->setIconText(tr("Redo"));
    add(tr("Add &task"), "action_designer_add_task", QKeySequence(u"Ctrl+Alt+T"_s), [this] { addStep(u"task"_s); });
    add(tr("Add &map task"), "action_designer_add_map", QKeySequence(u"Ctrl+Alt+M"_s), [this] { addStep(u"map"_s); });
    add(tr("Add a&pproval"), "action_designer_add_approval", QKeySequence(u"Ctrl+Alt+A"_s),
        [this] { addStep(u"approval"_s); });
    add(tr("&Delete"), "action_designer_delete", QKeySequence::Delete, [this] { m_scene->deleteSelection(); });
    add(tr("Cu&t"), "action_designer_cut", QKeySequence::Cut, [this] { cutSelection(); });
    add(tr("&Copy"), "action_designer_copy", QKeySequence::Copy, [this] { copySelection(); });
    add(tr("&Paste"), "action_designer_paste", QKeySequence::Paste, [this] { paste(); });
    add(tr("D&uplicate"), "action_designer_duplicate", QKeySequence(u"Ctrl+D"_s), [this] { duplicateSelection(); });
    add(tr("Select &all"), "action_designer_select_all", QKeySequence::SelectAll, [this] {
        QStringList ids;
        for (const WorkflowStep &step : m_document->workflow().steps)
            ids.append(step.id);
        m_scene->selectSteps(ids);
    });
    add(tr("Auto-&layout"), "action_designer_layout", QKeySequence(u"Ctrl+L"_s), [this] { autoLayout(); });
    QAction *snap = add(tr("S&nap to grid"), "action_designer_snap", QKeySequence(u"Ctrl+G"_s),
                        [this](bool on) { m_scene->setSnapToGrid(on); });
    snap->setCheckable(true);
    snap->setChecked(m_scene->snapToGrid());
    add(tr("Zoom &in"), "action_designer_zoom_in", QKeySequence(u"Ctrl+Alt+="_s), [this] { m_view->zoomBy(1.25); });
    add(tr("Zoom &out"), "action_designer_zoom_out", QKeySequence(u"Ctrl+Alt+-"_s), [this] { m_view->zoomBy(0.8); });
    add(tr("&Fit to view"), "action_designer_fit", QKeySequence(u"Ctrl+Alt+0"_s), [this] { m_view->fit(); });
    m_runAction = add(tr("&Run…"), "action_designer_run", QKeySequence(u"Ctrl+R"_s), [this] { run(); });
    m_cancelAction = add(tr("&Cancel run"), "action_designer_cancel_run", QKeySequence(u"Ctrl+Alt+X"_s),
                         [this] { m_tracker->cancel(); });
    add(tr("C&lear run colours"), "action_designer_clear_run", QKeySequence(u"Ctrl+Alt+B"_s),
        [this] { m_tracker->clear(); });
    m_dryRunAction = add(tr("Dr&y run…"), "action_designer_dry_run", QKeySequence(u"Ctrl+Alt+J"_s), [this] {
        if (m_dryRun)
            m_dryRun(m_document->workflow());
    });
    m_dryRunAction->setVisible(false);
}

QWidget *DesignerPage::buildToolbar()
{
    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(u"designer_toolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const QList<QList<const char *>> groups {
        {"action_designer_new", "action_designer_open", "action_designer_save"},
        {"action_designer_undo", "action_designer_redo"},
        {"action_designer_add_task", "action_designer_add_map", "action_designer_add_approval",
         "action_designer_delete"},
        {"action_designer_layout", "action_designer_snap", "action_designer_fit"},
        {"action_designer_compare"},
        {"action_designer_run", "action_designer_cancel_run", "action_designer_dry_run"},
    };
    for (const QList<const char *> &group : groups) {
        if (!toolbar->actions().isEmpty())
            toolbar->addSeparator();
        for (const char *name : group)
            toolbar->addAction(m_byName.value(QString::fromLatin1(name)));
    }
    return toolbar;
}

QWidget *DesignerPage::buildCanvas()
{
    auto *canvas = new QWidget(this);
    auto *row = new QHBoxLayout(canvas);
    row->setContentsMargins(0, 0, 0, 0);
    auto *left = new QVBoxLayout;
    auto *title = new QLabel(tr("Steps"), canvas);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    left->addWidget(title);
    m_palette = new StepPalette(canvas);
    m_palette->setFixedWidth(110);
    m_palette->setMaximumHeight(90);
    left->addWidget(m_palette);
    auto *hint = new QLabel(tr("Drag an output (right of a node) onto an input (left) to connect; drag a "
                               "connected input away to disconnect.\n\nWheel: zoom. Middle button or Space: "
                               "pan."),
                            canvas);
    hint->setWordWrap(true);
    hint->setFixedWidth(110);
    hint->setForegroundRole(QPalette::PlaceholderText);
    left->addWidget(hint);
    left->addStretch();
    row->addLayout(left);
    row->addWidget(m_view, 1);
    connect(m_palette, &StepPalette::kindActivated, this, [this](const QString &kind) { addStep(kind); });
    return canvas;
}

QWidget *DesignerPage::buildSidePanel()
{
    m_side = new QStackedWidget(this);
    m_side->setMinimumWidth(330);
    m_stepProperties = new StepPropertiesWidget(*m_document, m_side);
    m_workflowProperties = new WorkflowPropertiesWidget(*m_document, m_side);
    for (QWidget *panel : {static_cast<QWidget *>(m_workflowProperties), static_cast<QWidget *>(m_stepProperties)}) {
        auto *scroll = new QScrollArea(m_side);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        auto *holder = new QWidget(scroll); // the fields keep their height; the rest stays empty below
        auto *column = new QVBoxLayout(holder);
        column->setContentsMargins(0, 0, 0, 0);
        column->addWidget(panel);
        column->addStretch(1);
        scroll->setWidget(holder);
        m_side->addWidget(scroll);
    }
    return m_side;
}

QWidget *DesignerPage::buildProblems()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    m_problemsTitle = new QLabel(box);
    m_problemsTitle->setObjectName(u"designer_problems_title"_s);
    QFont bold = m_problemsTitle->font();
    bold.setBold(true);
    m_problemsTitle->setFont(bold);
    header->addWidget(m_problemsTitle);
    header->addStretch();
    m_runStatus = new QLabel(box);
    m_runStatus->setObjectName(u"designer_run_status"_s);
    header->addWidget(m_runStatus);
    layout->addLayout(header);
    m_problemsList = new QListWidget(box);
    m_problemsList->setObjectName(u"designer_problems"_s);
    m_problemsList->setToolTip(tr("Click a problem to go to its step."));
    m_problemsList->setMinimumHeight(40);
    layout->addWidget(m_problemsList, 1);
    connect(m_problemsList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { problemActivated(m_problemsList->row(item)); });
    connect(m_problemsList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { problemActivated(m_problemsList->row(item)); });
    return box;
}

void DesignerPage::start()
{
    m_tracker->start();
    m_core->start();
}

void DesignerPage::onDocumentChanged()
{
    validate();
    updateTitle();
    selectionChanged();
}

void DesignerPage::validate()
{
    const Workflow &workflow = m_document->workflow();
    m_problems = validateWorkflow(workflow, m_core->environment());
    // validateWorkflow checks a map's list; the designer also checks what an approval shows.
    for (const PortConnection &connection : WorkflowGraph::connections(workflow)) {
        if (connection.typeMismatch && connection.to.role == PortRef::Role::Input)
            m_problems.append(
                {connection.to.node, u"inputs."_s + connection.to.name,
                 tr("reads a %1 (%2); it takes a %3")
                     .arg(DesignerText::typeName(*connection.type), connection.reference,
                          DesignerText::typeName(
                              WorkflowGraph::acceptedTypes(workflow, connection.to).value(0, ValueType::Text)))});
    }
    m_scene->setProblems(m_problems);
    updateProblemsList();
    updateRunState();
}

void DesignerPage::updateProblemsList()
{
    m_problemsList->clear();
    for (const WorkflowProblem &problem : std::as_const(m_problems)) {
        auto *item = new QListWidgetItem(problem.toString(), m_problemsList);
        item->setData(Qt::UserRole, problem.step);
        item->setForeground(QColor(0xd7, 0x3a, 0x49));
    }
    m_problemsTitle->setText(m_problems.isEmpty() ? tr("No problems: the workflow validates.")
                                                  : tr("Problems (%1)").arg(m_problems.size()));
}

WorkflowEnvironment DesignerPage::environment() const
{
    return m_core->environment();
}

bool DesignerPage::isConnected() const
{
    return m_core->isConnected();
}

bool DesignerPage::canRun(QString *reason) const
{
    QString why;
    if (!m_core->isConnected())
        why = tr("Offline: connect to a core to run (designing works without one).");
    else if (!m_problems.isEmpty())
        why = tr("The workflow has %n problem(s): fix them to run it.", nullptr, int(m_problems.size()));
    else if (m_tracker->isActive())
        why = tr("A run of this workflow is under way.");
    if (reason)
        *reason = why;
    return why.isEmpty();
}

void DesignerPage::updateRunState()
{
    QString reason;
    const bool runnable = canRun(&reason);
    m_runAction->setEnabled(runnable);
    m_runAction->setToolTip(runnable ? tr("Run the workflow on the connected core") : reason);
    m_runAction->setStatusTip(m_runAction->toolTip());
    m_cancelAction->setEnabled(m_tracker->runId().isValid() && m_tracker->isActive());
    m_scene->setStepRuns(m_tracker->steps());
    const QStringList selected = m_scene->selectedStepIds();
    m_stepProperties->setStepRun(selected.size() == 1 && m_tracker->steps().contains(selected.constFirst())
                                     ? std::optional<StepRun>(m_tracker->steps().value(selected.constFirst()))
                                     : std::nullopt);
    QString status;
    if (m_tracker->isStarting())
        status = tr("Starting a run…");
    else if (m_tracker->runId().isValid())
        status = tr("Run #%1: %2").arg(m_tracker->runId().value).arg(DisplayText::runState(m_tracker->runState()));
    else
        status = runnable ? tr("Ready to run on the connected core.") : reason;
    m_runStatus->setText(status);
}

QString DesignerPage::title() const
{
    return m_document->displayName() + (m_document->isModified() ? u"*"_s : QString());
}

void DesignerPage::updateTitle()
{
    const QString title = this->title();
    m_byName.value(u"action_designer_save"_s)->setEnabled(m_document->isModified() || m_document->filePath().isEmpty());
    Q_EMIT titleChanged(title);
}

void DesignerPage::selectionChanged()
{
    const QStringList ids = m_scene->selectedStepIds();
    const bool one = ids.size() == 1;
    m_stepProperties->setStep(one ? ids.constFirst() : QString());
    m_side->setCurrentIndex(one ? 1 : 0);
    m_stepProperties->setStepRun(one && m_tracker->steps().contains(ids.constFirst())
                                     ? std::optional<StepRun>(m_tracker->steps().value(ids.constFirst()))
                                     : std::nullopt);
}

void DesignerPage::selectStep(const QString &id)
{
    m_scene->selectSteps({id});
    if (StepNodeItem *node = m_scene->node(id))
        m_view->ensureVisible(node, 60, 60);
}

void DesignerPage::problemActivated(int row)
{
    if (row < 0 || row >= m_problems.size())
        return;
    const WorkflowProblem &problem = m_problems.at(row);
    if (!problem.step.isEmpty() && m_scene->node(problem.step)) {
        selectStep(problem.step);
        return;
    }
    m_scene->clearSelection(); // a workflow-level problem: its properties show
    const QString input = problem.field.startsWith(u"inputs."_s) ? problem.field.mid(7) : QString();
    if (InputNodeItem *node = m_scene->inputNode(input))
        m_view->ensureVisible(node, 60, 60);
}

QString DesignerPage::defaultSwarm() const
{
    const QStringList selected = m_scene->selectedStepIds();
    if (!selected.isEmpty()) {
        if (const WorkflowStep *step = m_document->workflow().step(selected.constFirst());
            step && !step->swarm.isEmpty())
            return step->swarm;
    }
    for (const WorkflowStep &step : m_document->workflow().steps) {
        if (!step.swarm.isEmpty())
            return step.swarm;
    }
    return m_core->environment().swarms.value(0);
}

QString DesignerPage::addStep(const QString &kind, std::optional<QPointF> at)
{
    const StepKind stepKind = kind == "approval"_L1 ? StepKind::Approval : StepKind::Task;
    QPointF where = at.value_or(m_scene->freePosition());
    if (m_scene->snapToGrid()) {
        const double g = DesignerScene::gridSize;
        where = QPointF(std::round(where.x() / g) * g, std::round(where.y() / g) * g);
    }
    const QString id = m_document->addStep(stepKind, kind == "map"_L1, where, defaultSwarm());
    selectStep(id);
    return id;
}

void DesignerPage::autoLayout()
{
    const auto positions = WorkflowLayout::layered(
        m_document->workflow(), [](const WorkflowStep &step) { return StepNodeItem::heightFor(step, true); });
    m_document->moveSteps(positions, false, tr("Auto-layout"));
    m_view->fit();
}

void DesignerPage::run()
{
    QString reason;
    if (!canRun(&reason)) {
        m_banner->showError(reason);
        return;
    }
    std::optional<QJsonObject> inputs;
    if (m_inputsPrompt) {
        inputs = m_inputsPrompt(m_document->workflow().inputs);
    } else {
        WorkflowInputsDialog dialog(m_document->workflow().inputs, this);
        if (dialog.exec() == QDialog::Accepted)
            inputs = dialog.values();
    }
    if (inputs)
        runWith(*inputs);
}

bool DesignerPage::runWith(const QJsonObject &inputs)
{
    QString reason;
    if (!canRun(&reason)) {
        m_banner->showError(reason);
        return false;
    }
    m_banner->dismiss();
    m_tracker->startRun(m_document->workflow(), inputs);
    return true;
}

void DesignerPage::approveStep(const QString &stepId, const Approval &approval)
{
    m_tracker->approve(stepId, approval);
}

void DesignerPage::approveInteractively(const QString &stepId)
{
    const WorkflowStep *step = m_document->workflow().step(stepId);
    StepApprovalDialog dialog(stepId, step ? step->instructions : QString(),
                              DesignerText::valueText(m_tracker->waitingValue(stepId), 1'000'000), this);
    if (dialog.exec() == QDialog::Accepted)
        approveStep(stepId, dialog.approval());
}

void DesignerPage::setDryRunHandler(DryRunHandler handler)
{
    m_dryRun = std::move(handler);
    m_dryRunAction->setVisible(bool(m_dryRun));
}

bool DesignerPage::maybeSave()
{
    return m_files->maybeSave();
}

void DesignerPage::newWorkflow()
{
    if (m_files->newWorkflow())
        m_banner->dismiss();
}

bool DesignerPage::openFile(const QString &path)
{
    const bool opened = m_files->open(path);
    if (opened)
        m_banner->dismiss();
    return opened;
}

bool DesignerPage::save()
{
    return m_files->save();
}

bool DesignerPage::saveAs(const QString &path)
{
    return m_files->saveAs(path);
}

std::optional<WorkflowDiff> DesignerPage::compareWithFile(const QString &path)
{
    QString fileName;
    const auto diff = m_files->compareWith(path, &fileName);
    if (!diff)
        return diff;
    auto *dialog = new WorkflowDiffDialog(*diff, fileName, tr("this workflow"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return diff;
}

void DesignerPage::copySelection()
{
    QList<WorkflowStep> steps;
    for (const QString &id : m_scene->selectedStepIds())
        steps.append(*m_document->workflow().step(id));
    if (steps.isEmpty())
        return;
    QGuiApplication::clipboard()->setMimeData(WorkflowClipboard::toMimeData(steps));
    Q_EMIT statusMessage(tr("Copied %n step(s).", nullptr, int(steps.size())));
}

void DesignerPage::cutSelection()
{
    copySelection();
    const QStringList ids = m_scene->selectedStepIds();
    if (!ids.isEmpty())
        m_document->remove(ids);
}

QStringList DesignerPage::paste(std::optional<QPointF> at)
{
    return pasteMimeData(QGuiApplication::clipboard()->mimeData(), at);
}

QStringList DesignerPage::pasteMimeData(const QMimeData *data, std::optional<QPointF> at)
{
    auto steps = WorkflowClipboard::fromMimeData(data);
    if (!steps) {
        Q_EMIT statusMessage(tr("Nothing to paste: %1").arg(steps.error().message));
        return {};
    }
    QPointF offset(2 * DesignerScene::gridSize, 2 * DesignerScene::gridSize);
    if (at) {
        QPointF topLeft(steps->constFirst().x, steps->constFirst().y);
        for (const WorkflowStep &step : std::as_const(*steps))
            topLeft = QPointF(std::min(topLeft.x(), step.x), std::min(topLeft.y(), step.y));
        offset = *at - topLeft;
    }
    const QList<WorkflowStep> pasted = WorkflowClipboard::prepareForPaste(m_document->workflow(), *steps, offset);
    m_document->addSteps(pasted, tr("Paste %n step(s)", nullptr, int(pasted.size())));
    QStringList ids;
    for (const WorkflowStep &step : pasted)
        ids.append(step.id);
    m_scene->selectSteps(ids);
    return ids;
}

void DesignerPage::duplicateSelection()
{
    QList<WorkflowStep> steps;
    for (const QString &id : m_scene->selectedStepIds())
        steps.append(*m_document->workflow().step(id));
    if (steps.isEmpty())
        return;
    std::unique_ptr<QMimeData> data(WorkflowClipboard::toMimeData(steps));
    pasteMimeData(data.get());
}

void DesignerPage::showContextMenu(QGraphicsItem *item, QPointF scenePos, QPoint screenPos)
{
    QMenu menu(this);
    if (item && item->type() == StepNodeItem::Type) {
        const QString id = static_cast<StepNodeItem *>(item)->stepId();
        if (m_tracker->steps().value(id).state == StepState::AwaitingApproval && m_tracker->isActive())
            menu.addAction(tr("&Approve, edit or reject…"), this, [this, id] { approveInteractively(id); });
        menu.addAction(tr("&Properties"), this, [this, id] { selectStep(id); });
        menu.addSeparator();
        for (const char *name :
             {"action_designer_cut", "action_designer_copy", "action_designer_duplicate", "action_designer_delete"})
            menu.addAction(m_byName.value(QString::fromLatin1(name)));
    } else if (item && item->type() == ConnectionItem::Type) {
        menu.addAction(tr("&Disconnect"), this, [this] { m_scene->deleteSelection(); });
    } else if (item && item->type() == InputNodeItem::Type) {
        menu.addAction(tr("&Edit the workflow's inputs"), this, [this] {
            m_scene->clearSelection();
            m_side->setCurrentIndex(0);
        });
    } else {
        const QPointF at = scenePos - QPointF(StepNodeItem::width / 2, 20);
        menu.addAction(tr("Add &task here"), this, [this, at] { addStep(u"task"_s, at); });
        menu.addAction(tr("Add &map task here"), this, [this, at] { addStep(u"map"_s, at); });
        menu.addAction(tr("Add a&pproval here"), this, [this, at] { addStep(u"approval"_s, at); });
        menu.addSeparator();
        menu.addAction(tr("&Paste here"), this, [this, scenePos] { paste(scenePos); });
        menu.addAction(m_byName.value(u"action_designer_layout"_s));
    }
    menu.exec(screenPos);
}

} // namespace QwenSwarm::Ui
