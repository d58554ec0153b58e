#include "designer/workflowfiles.h"

#include "designer/recentfiles.h"
#include "designer/workflowdiff.h"
#include "designer/workflowdocument.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

WorkflowFiles::WorkflowFiles(WorkflowDocument &document, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_document(document)
    , m_dialogParent(dialogParent)
    , m_recentMenu(new QMenu(tr("Open &recent"), dialogParent))
{
    m_recentMenu->menuAction()->setObjectName(u"action_designer_recent"_s);
    updateRecentMenu();
}

void WorkflowFiles::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentFiles::list();
    for (const QString &file : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(file).fileName(), this, [this, file] { open(file); });
        action->setToolTip(file);
        action->setStatusTip(file);
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent workflows"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear the list"), this, [this] {
        RecentFiles::clear();
        updateRecentMenu();
    });
}

bool WorkflowFiles::maybeSave()
{
    if (!m_document.isModified())
        return true;
    const QMessageBox::StandardButton answer = m_unsavedPrompt
        ? m_unsavedPrompt(m_document.displayName())
        : QMessageBox::question(
            m_dialogParent, tr("Unsaved changes"),
            tr("The workflow %1 has changes that are not saved. Save them?").arg(m_document.displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool WorkflowFiles::newWorkflow()
{
    if (!maybeSave())
        return false;
    m_document.newWorkflow();
    return true;
}

QString WorkflowFiles::askOpenPath(const QString &title)
{
    const QString folder = QFileInfo(m_document.filePath()).absolutePath();
    if (m_openPrompt)
        return m_openPrompt(folder);
    return QFileDialog::getOpenFileName(m_dialogParent, title,
                                        m_document.filePath().isEmpty() ? QDir::homePath() : folder,
                                        tr("Workflow files (*.json);;All files (*)"));
}

bool WorkflowFiles::open(const QString &path)
{
    if (!maybeSave())
        return false;
    const QString file = path.isEmpty() ? askOpenPath(tr("Open workflow")) : path;
    if (file.isEmpty())
        return false;
    if (auto loaded = m_document.load(file); !loaded) {
        Q_EMIT failed(tr("%1 does not open: %2").arg(QFileInfo(file).fileName(), loaded.error().message));
        return false;
    }
    RecentFiles::add(file);
    updateRecentMenu();
    Q_EMIT opened(file);
    return true;
}

bool WorkflowFiles::save()
{
    return saveAs(m_document.filePath());
}

bool WorkflowFiles::saveAs(const QString &path)
{
    QString file = path;
    if (file.isEmpty()) {
        const QString suggested = m_document.filePath().isEmpty()
            ? QDir::home().filePath(m_document.workflow().name + u".json"_s)
            : m_document.filePath();
        file = m_savePrompt ? m_savePrompt(suggested)
                            : QFileDialog::getSaveFileName(m_dialogParent, tr("Save workflow"), suggested,
                                                           tr("Workflow files (*.json);;All files (*)"));
        if (file.isEmpty())
            return false;
        if (QFileInfo(file).suffix().isEmpty())
            file += u".json"_s;
    }
    if (auto written = m_document.save(file); !written) {
        Q_EMIT failed(written.error().message);
        return false;
    }
    RecentFiles::add(file);
    updateRecentMenu();
    Q_EMIT saved(file);
    return true;
}

std::optional<WorkflowDiff> WorkflowFiles::compareWith(const QString &path, QString *fileName)
{
    const QString file = path.isEmpty() ? askOpenPath(tr("Compare with a workflow file")) : path;
    if (file.isEmpty())
        return std::nullopt;
    const auto other = WorkflowDocument::readFile(file);
    if (!other) {
        Q_EMIT failed(tr("%1 does not open: %2").arg(QFileInfo(file).fileName(), other.error().message));
        return std::nullopt;
    }
    if (fileName)
        *fileName = QFileInfo(file).fileName();
    return diffWorkflows(*other, m_document.workflow());
}

} // namespace QwenSwarm::Ui
