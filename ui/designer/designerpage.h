#pragma once

#include "designer/workflowfiles.h"

#include <api/backend.h>

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QGraphicsItem;
class QKeySequence;
class QLabel;
class QListWidget;
class QMenu;
class QMimeData;
class QStackedWidget;

namespace QwenSwarm::Ui {

class BannerWidget;
class CoreEnvironment;
class DesignerScene;
class DesignerView;
class RunTracker;
class StepPalette;
class StepPropertiesWidget;
class WorkflowDocument;
class WorkflowPropertiesWidget;
struct WorkflowDiff;

/// The workflow designer: a node editor for workflow files that works with no core at all, and
/// runs what it designs on the connected one. Steps are nodes with typed ports, bindings are
/// connections; a palette adds steps, a panel edits the selected step (or the workflow), every
/// edit can be undone. The workflow is validated as it changes (against the core's swarms and
/// strategies when connected); problems show on the nodes and in a list, and keep Run disabled.
/// New, open, save, recent files, an unsaved-changes prompt, and a diff against a file.
class DesignerPage : public QWidget
{
    Q_OBJECT

public:
    using UnsavedChangesPrompt = WorkflowFiles::UnsavedChangesPrompt;
    using PathPrompt = WorkflowFiles::PathPrompt;
    /// Answers the inputs to start a run with, or nothing when cancelled.
    using InputsPrompt = std::function<std::optional<QJsonObject>(const QList<Api::WorkflowInput> &inputs)>;
    /// Dry run hook: runs the workflow offline (on the simulated provider) and shows estimates.
    using DryRunHandler = std::function<void(const Api::Workflow &workflow)>;

    explicit DesignerPage(Api::Backend &backend, QWidget *parent = nullptr);
    ~DesignerPage() override;

    /// Asks the core for its swarms and strategies and subscribes to run events. Without a core the
    /// designer works on (offline) and asks again now and then.
    void start();
    QList<QAction *> pageActions() const { return m_actions; }
    QMenu *recentMenu() const { return m_files->recentMenu(); }

    WorkflowDocument &document() const { return *m_document; }
    DesignerScene *scene() const { return m_scene; }
    DesignerView *view() const { return m_view; }
    StepPropertiesWidget *stepProperties() const { return m_stepProperties; }
    WorkflowPropertiesWidget *workflowProperties() const { return m_workflowProperties; }
    QListWidget *problemsList() const { return m_problemsList; }
    RunTracker *runTracker() const { return m_tracker; }
    BannerWidget *banner() const { return m_banner; }

    const QList<Api::WorkflowProblem> &problems() const { return m_problems; }
    Api::WorkflowEnvironment environment() const;
    bool isConnected() const;
    /// Whether Run is possible now; otherwise `reason` says why.
    bool canRun(QString *reason = nullptr) const;
    /// The file's name, with "*" while it has unsaved changes (titleChanged() follows it).
    QString title() const;

    // Files.
    WorkflowFiles *files() const { return m_files; }
    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt) { m_files->setUnsavedChangesPrompt(std::move(prompt)); }
    void setOpenPathPrompt(PathPrompt prompt) { m_files->setOpenPathPrompt(std::move(prompt)); }
    void setSavePathPrompt(PathPrompt prompt) { m_files->setSavePathPrompt(std::move(prompt)); }
    /// Asks about unsaved changes (Save, Discard, Cancel); true when it is fine to replace or close
    /// the workflow. The window should call it before it closes.
    bool maybeSave();
    void newWorkflow();
    /// Opens `path` (empty: asks). False when cancelled or it does not load (the banner says why).
    bool openFile(const QString &path = {});
    bool save();
    /// Saves to `path` (empty: asks).
    bool saveAs(const QString &path = {});
    /// Compares the workflow with the file `path` (empty: asks) and shows the differences.
    std::optional<WorkflowDiff> compareWithFile(const QString &path = {});

    // Editing.
    /// Adds a step of a kind ("task", "map" or "approval") at `at` (default: next to the others).
    QString addStep(const QString &kind, std::optional<QPointF> at = {});
    void selectStep(const QString &id);
    void copySelection();
    void cutSelection();
    /// Pastes steps from the clipboard (offset from where they were, or at `at`); answers the new ids.
    QStringList paste(std::optional<QPointF> at = {});
    QStringList pasteMimeData(const QMimeData *data, std::optional<QPointF> at = {});
    void duplicateSelection();
    void autoLayout();

    // Running.
    void setInputsPrompt(InputsPrompt prompt) { m_inputsPrompt = std::move(prompt); }
    /// Asks for the inputs, then runs (see runWith()).
    void run();
    /// Starts a run of the workflow on the core with `inputs`; false when it cannot run now.
    bool runWith(const QJsonObject &inputs);
    /// Approves, edits or rejects a waiting approval step of the run being watched.
    void approveStep(const QString &stepId, const Api::Approval &approval);
    /// Enables the Dry run action (not part of this page: plugged in by whoever implements it).
    void setDryRunHandler(DryRunHandler handler);

Q_SIGNALS:
    void statusMessage(const QString &text);
    /// The file's name with "*" when modified, for the window's title.
    void titleChanged(const QString &title);
    void runStarted(Api::RunId id);

private:
    QAction *addPageAction(QAction *action, const char *name, const QKeySequence &shortcut);
    void createActions();
    void connectParts();
    QWidget *buildToolbar();
    QWidget *buildCanvas();
    QWidget *buildSidePanel();
    QWidget *buildProblems();
    void onDocumentChanged();
    void validate();
    void updateProblemsList();
    void updateRunState();
    void updateTitle();
    void selectionChanged();
    void showContextMenu(QGraphicsItem *item, QPointF scenePos, QPoint screenPos);
    void approveInteractively(const QString &stepId);
    void problemActivated(int row);
    QString defaultSwarm() const;

    Api::Backend &m_backend;
    WorkflowDocument *m_document;
    CoreEnvironment *m_core;
    DesignerScene *m_scene;
    DesignerView *m_view;
    RunTracker *m_tracker;
    WorkflowFiles *m_files;
    BannerWidget *m_banner;
    StepPalette *m_palette = nullptr;
    QStackedWidget *m_side = nullptr;
    StepPropertiesWidget *m_stepProperties = nullptr;
    WorkflowPropertiesWidget *m_workflowProperties = nullptr;
    QListWidget *m_problemsList = nullptr;
    QLabel *m_problemsTitle = nullptr;
    QLabel *m_runStatus = nullptr;
    QList<QAction *> m_actions;
    QHash<QString, QAction *> m_byName;
    QAction *m_runAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_dryRunAction = nullptr;
    QList<Api::WorkflowProblem> m_problems;
    InputsPrompt m_inputsPrompt;
    DryRunHandler m_dryRun;
};

} // namespace QwenSwarm::Ui
