#pragma once

#include "designer/workflowgraph.h"

#include <api/error.h>
#include <api/workflow.h>

#include <QHash>
#include <QObject>
#include <QPointF>

class QUndoStack;

namespace QwenSwarm::Ui {

/// The workflow being designed, its file and its undo stack. Every change goes through one of the
/// edit functions below, each one command on the undo stack (WorkflowEdit), so every edit can be
/// undone and redone; changed() follows each of them and each undo and redo. Works without any
/// backend.
class WorkflowDocument : public QObject
{
    Q_OBJECT

public:
    explicit WorkflowDocument(QObject *parent = nullptr);
    ~WorkflowDocument() override;

    const Api::Workflow &workflow() const { return m_workflow; }
    QUndoStack *undoStack() const { return m_undo; }
    /// The file it was loaded from or saved to; empty for a new workflow.
    QString filePath() const { return m_path; }
    /// Changed since it was created, loaded or saved.
    bool isModified() const;
    /// The file's name, or "untitled" for a new workflow.
    QString displayName() const;

    // Files. Each starts a fresh undo history.
    /// An empty workflow named "untitled", no file.
    void newWorkflow();
    /// Replaces the workflow (not an edit: the undo history starts again), e.g. after loading.
    void reset(const Api::Workflow &workflow, const QString &path = {});
    /// Reads a workflow file (any version workflowFromJson() reads). On an error nothing changes.
    Api::Result<void> load(const QString &path);
    /// Writes the workflow as a file of the current version (atomically) and remembers the path.
    Api::Result<void> save(const QString &path);
    static Api::Result<Api::Workflow> readFile(const QString &path);

    // Edits.
    /// Adds a step of `kind` (a map task when `map`) with its top-left corner at `at`; answers its id.
    QString addStep(Api::StepKind kind, bool map, QPointF at, const QString &defaultSwarm = {});
    /// Adds complete steps (ids must be free, see WorkflowClipboard::prepareForPaste) as one edit.
    void addSteps(const QList<Api::WorkflowStep> &steps, const QString &text);
    /// Removes steps and the bindings of other steps that read them, and unbinds `targets`
    /// (connections), as one edit.
    void remove(const QStringList &stepIds, const QList<PortRef> &targets = {});
    /// Moves steps (top-left corners). `nudge`: consecutive nudges of the same steps merge.
    void moveSteps(const QHash<QString, QPointF> &positions, bool nudge = false, const QString &text = {});
    /// Connects a source port to a target port: binds the name (a new binding on the node's body
    /// when `to` is an Input with an empty name), sets the map's list, or adds the reference to the
    /// condition. Refused (false, `problem` says why) when the ports do not fit.
    bool connectPorts(const PortRef &from, const PortRef &to, QString *problem = nullptr);
    /// Removes the binding, map list or condition reference `target` reads (`reference` picks one
    /// reference of a condition).
    void disconnectPort(const PortRef &target, const QString &reference = {});
    /// Replaces step `id` by `step` (whose id may differ: references follow a renamed step).
    /// `field` names what changed: consecutive changes of the same field of the same step merge.
    void updateStep(const QString &id, const Api::WorkflowStep &step, const QString &field);
    /// Replaces the workflow's own members (name, revision, description, inputs, outputs).
    /// Renamed inputs are followed when `inputRenames` says so (old name -> new name).
    void updateWorkflow(const Api::Workflow &workflow, const QString &field,
                        const QHash<QString, QString> &inputRenames = {});
    /// Closes the merge window: the next edit starts a new undo step even if it could merge.
    void closeMergeWindow() { ++m_mergeWindow; }
    quint64 mergeWindow() const { return m_mergeWindow; }

Q_SIGNALS:
    /// The workflow changed (an edit, an undo or redo, a load).
    void changed();
    /// A step was renamed by an edit, undo or redo, just before changed().
    void stepRenamed(const QString &from, const QString &to);
    /// The file path or the modified state changed.
    void fileStateChanged();
    /// The workflow was replaced as a whole (new, load): views start afresh.
    void reloaded();

private:
    friend class WorkflowEdit;
    void apply(const Api::Workflow &workflow);
    void push(const QString &text, const Api::Workflow &after, int kind = -1, const QString &mergeKey = {});

    Api::Workflow m_workflow;
    QUndoStack *m_undo;
    QString m_path;
    quint64 m_mergeWindow = 0;
};

} // namespace QwenSwarm::Ui
