#include "designer/stepapprovaldialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

StepApprovalDialog::StepApprovalDialog(const QString &stepId, const QString &instructions, const QString &value,
                                       QWidget *parent)
    : QDialog(parent)
    , m_original(value)
    , m_value(new QPlainTextEdit(value, this))
    , m_note(new QLineEdit(this))
{
    setObjectName(QStringLiteral("designer_approval"));
    setWindowTitle(tr("Approve step %1").arg(stepId));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(
        instructions.isEmpty() ? tr("Approve the value, edit it first, or reject it.") : instructions, this);
    text->setWordWrap(true);
    layout->addWidget(text);
    layout->addWidget(m_value, 1);
    m_note->setPlaceholderText(tr("A note for the run's record (optional)"));
    layout->addWidget(m_note);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *approve = buttons->addButton(tr("Approve"), QDialogButtonBox::AcceptRole);
    QPushButton *reject = buttons->addButton(tr("Reject"), QDialogButtonBox::DestructiveRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(approve, &QPushButton::clicked, this, &QDialog::accept);
    connect(reject, &QPushButton::clicked, this, [this] {
        m_rejected = true;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_value, &QPlainTextEdit::textChanged, this, [this, approve] {
        approve->setText(m_value->toPlainText() == m_original ? tr("Approve") : tr("Approve edited"));
    });
    resize(520, 360);
}

Approval StepApprovalDialog::approval() const
{
    Approval approval;
    approval.note = m_note->text();
    if (m_rejected)
        approval.verdict = ApprovalVerdict::Reject;
    else if (m_value->toPlainText() != m_original) {
        approval.verdict = ApprovalVerdict::Edit;
        approval.text = m_value->toPlainText();
    }
    return approval;
}

} // namespace QwenSwarm::Ui
