#pragma once

#include <api/workflow.h>

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace QwenSwarm::Ui {

/// Approves, edits or rejects what a waiting approval step shows: the value is editable (an edited
/// value goes on instead), with an optional note. The Runs page offers the same; this is the
/// designer's shortcut on a waiting node.
class StepApprovalDialog : public QDialog
{
    Q_OBJECT

public:
    StepApprovalDialog(const QString &stepId, const QString &instructions, const QString &value,
                       QWidget *parent = nullptr);

    /// The verdict chosen (Approve, or Edit when the value was changed; Reject).
    Api::Approval approval() const;

private:
    QString m_original;
    QPlainTextEdit *m_value;
    QLineEdit *m_note;
    bool m_rejected = false;
};

} // namespace QwenSwarm::Ui
