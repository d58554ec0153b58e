#pragma once

#include <api/workflow.h>

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace QwenSwarm::Ui {

/// What an approval step shows the operator (its instructions and the text it passes on), to approve
/// as it is, approve edited, or reject. Emits decided() with the verdict; the page sends it.
class ApprovalDialog : public QDialog
{
    Q_OBJECT

public:
    ApprovalDialog(const Api::Run &run, const QString &stepId, QWidget *parent = nullptr);

    QPlainTextEdit *textEdit() const { return m_text; }
    QLineEdit *noteEdit() const { return m_note; }
    /// The verdict as the dialog stands: Approve, or Edit when the text was changed.
    Api::Approval approval() const;
    /// Rejects with the note (as the Reject button does).
    void rejectStep();
    void approveStep();

Q_SIGNALS:
    void decided(const QwenSwarm::Api::Approval &approval);

private:
    QString m_original;
    QPlainTextEdit *m_text;
    QLineEdit *m_note;
};

/// One field per input a workflow declares (text, number, yes/no, a list one element per line),
/// defaults filled in; inputs() gives them as the run's JSON.
class RunInputsDialog : public QDialog
{
    Q_OBJECT

public:
    RunInputsDialog(const Api::Workflow &workflow, QWidget *parent = nullptr);

    /// The inputs as entered; a field left empty without a default is missing (and the run refuses).
    QJsonObject inputs() const;
    /// The field of input `name`, for tests.
    QWidget *field(const QString &name) const;

private:
    Api::Workflow m_workflow;
    QList<QWidget *> m_fields;
};

} // namespace QwenSwarm::Ui
