#pragma once

#include "designer/workflowdiff.h"

#include <QDialog>

class QTreeWidget;

namespace QwenSwarm::Ui {

/// Shows a WorkflowDiff: steps added, removed and changed (each changed member with its value in
/// both versions), and the workflow's own members that changed.
class WorkflowDiffDialog : public QDialog
{
    Q_OBJECT

public:
    WorkflowDiffDialog(const WorkflowDiff &diff, const QString &beforeName, const QString &afterName,
                       QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree;
};

} // namespace QwenSwarm::Ui
