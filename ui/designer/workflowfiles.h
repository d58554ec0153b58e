#pragma once

#include <QMessageBox>
#include <QObject>

class QMenu;

#include <functional>
#include <optional>

namespace QwenSwarm::Ui {

class WorkflowDocument;
struct WorkflowDiff;

/// The designer's file commands on a WorkflowDocument: new, open, save, save as, the unsaved-changes
/// question before the workflow is replaced, recent files, and comparing with a file. The questions
/// (which file, save the changes?) are functions, so tests and scripts can answer them.
class WorkflowFiles : public QObject
{
    Q_OBJECT

public:
    /// Answers Save, Discard or Cancel for unsaved changes to the workflow named `name`.
    using UnsavedChangesPrompt = std::function<QMessageBox::StandardButton(const QString &name)>;
    /// Answers the file to open or save to; empty when cancelled.
    using PathPrompt = std::function<QString(const QString &suggested)>;

    WorkflowFiles(WorkflowDocument &document, QWidget *dialogParent);

    /// The recent files (RecentFiles), each opening its file; kept up to date.
    QMenu *recentMenu() const { return m_recentMenu; }

    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt) { m_unsavedPrompt = std::move(prompt); }
    void setOpenPathPrompt(PathPrompt prompt) { m_openPrompt = std::move(prompt); }
    void setSavePathPrompt(PathPrompt prompt) { m_savePrompt = std::move(prompt); }

    /// True when the workflow may be replaced or closed: unchanged, saved, or the changes discarded.
    bool maybeSave();
    bool newWorkflow();
    /// Opens `path` (empty: asks); false when cancelled or it does not load (failed() says why).
    bool open(const QString &path = {});
    bool save();
    bool saveAs(const QString &path = {});
    /// The differences from the file `path` (empty: asks) to the workflow being designed.
    std::optional<WorkflowDiff> compareWith(const QString &path, QString *fileName = nullptr);

Q_SIGNALS:
    void failed(const QString &message);
    void saved(const QString &path);
    void opened(const QString &path);

private:
    QString askOpenPath(const QString &title);
    void updateRecentMenu();

    WorkflowDocument &m_document;
    QWidget *m_dialogParent;
    QMenu *m_recentMenu;
    UnsavedChangesPrompt m_unsavedPrompt;
    PathPrompt m_openPrompt;
    PathPrompt m_savePrompt;
};

} // namespace QwenSwarm::Ui
