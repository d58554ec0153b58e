#include "runs/approvaldialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

QString outputText(const QJsonValue &output)
{
    if (!output.isArray())
        return output.toString();
    QStringList lines;
    for (const QJsonValue &element : output.toArray())
        lines.append(element.toString());
    return lines.join(u'\n');
}

} // namespace

ApprovalDialog::ApprovalDialog(const Run &run, const QString &stepId, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
    , m_note(new QLineEdit(this))
{
    setObjectName(QStringLiteral("approval_dialog"));
    setWindowTitle(tr("Approve step %1 of run %2").arg(stepId).arg(run.id.value));
    const WorkflowStep *step = run.workflow.step(stepId);
    const StepRun *state = run.step(stepId);
    m_original = state ? outputText(state->output) : QString();

    auto *layout = new QVBoxLayout(this);
    auto *instructions = new QLabel(step && !step->instructions.isEmpty()
                                        ? step->instructions
                                        : tr("Read what the step passes on. Approve it as it is, edit it "
                                             "before approving, or reject it (the run then fails)."),
                                    this);
    instructions->setWordWrap(true);
    layout->addWidget(instructions);
    m_text->setObjectName(QStringLiteral("approval_text"));
    m_text->setAccessibleName(tr("Text the step passes on"));
    m_text->setPlainText(m_original);
    layout->addWidget(m_text, 1);
    auto *form = new QFormLayout;
    m_note->setObjectName(QStringLiteral("approval_note"));
    m_note->setPlaceholderText(tr("Why (kept with the run)"));
    form->addRow(tr("&Note:"), m_note);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *approve = buttons->addButton(tr("&Approve"), QDialogButtonBox::AcceptRole);
    approve->setObjectName(QStringLiteral("approval_approve"));
    QPushButton *reject = buttons->addButton(tr("Re&ject"), QDialogButtonBox::DestructiveRole);
    reject->setObjectName(QStringLiteral("approval_reject"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(approve, &QPushButton::clicked, this, &ApprovalDialog::approveStep);
    connect(reject, &QPushButton::clicked, this, &ApprovalDialog::rejectStep);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this, approve] {
        approve->setText(m_text->toPlainText() == m_original ? tr("&Approve") : tr("&Approve edited"));
    });
    layout->addWidget(buttons);
    resize(640, 420);
}

Approval ApprovalDialog::approval() const
{
    const QString text = m_text->toPlainText();
    if (text == m_original)
        return Approval {ApprovalVerdict::Approve, {}, m_note->text(), {}};
    return Approval {ApprovalVerdict::Edit, text, m_note->text(), {}};
}

void ApprovalDialog::approveStep()
{
    Q_EMIT decided(approval());
    accept();
}

void ApprovalDialog::rejectStep()
{
    Q_EMIT decided(Approval {ApprovalVerdict::Reject, {}, m_note->text(), {}});
    accept();
}

RunInputsDialog::RunInputsDialog(const Workflow &workflow, QWidget *parent)
    : QDialog(parent)
    , m_workflow(workflow)
{
    setObjectName(QStringLiteral("run_inputs_dialog"));
    setWindowTitle(tr("Run %1").arg(workflow.name));
    auto *layout = new QVBoxLayout(this);
    if (!workflow.description.isEmpty()) {
        auto *about = new QLabel(workflow.description, this);
        about->setWordWrap(true);
        layout->addWidget(about);
    }
    auto *form = new QFormLayout;
    for (const WorkflowInput &input : workflow.inputs) {
        QWidget *field = nullptr;
        const QJsonValue given = input.defaultValue;
        switch (input.type) {
        case ValueType::Text: {
            auto *edit = new QLineEdit(given.toString(), this);
            edit->setPlaceholderText(input.description);
            field = edit;
            break;
        }
        case ValueType::Number: {
            auto *spin = new QDoubleSpinBox(this);
            spin->setRange(-1e12, 1e12);
            spin->setDecimals(4);
            spin->setValue(given.toDouble());
            field = spin;
            break;
        }
        case ValueType::Boolean: {
            auto *check = new QCheckBox(this);
            check->setChecked(given.toBool());
            field = check;
            break;
        }
        case ValueType::List: {
            auto *edit = new QPlainTextEdit(this);
            QStringList lines;
            for (const QJsonValue &element : given.toArray())
                lines.append(element.toString());
            edit->setPlainText(lines.join(u'\n'));
            edit->setPlaceholderText(tr("One element per line"));
            edit->setMinimumHeight(fontMetrics().height() * 6);
            field = edit;
            break;
        }
        }
        field->setObjectName(QStringLiteral("input_") + input.name);
        field->setToolTip(input.description);
        field->setAccessibleName(input.name);
        form->addRow(input.name + u':', field);
        m_fields.append(field);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QWidget *RunInputsDialog::field(const QString &name) const
{
    for (qsizetype i = 0; i < m_workflow.inputs.size(); ++i) {
        if (m_workflow.inputs.at(i).name == name)
            return m_fields.at(i);
    }
    return nullptr;
}

QJsonObject RunInputsDialog::inputs() const
{
    QJsonObject inputs;
    for (qsizetype i = 0; i < m_workflow.inputs.size(); ++i) {
        const WorkflowInput &input = m_workflow.inputs.at(i);
        QWidget *field = m_fields.at(i);
        if (auto *edit = qobject_cast<QLineEdit *>(field)) {
            if (!edit->text().isEmpty())
                inputs.insert(input.name, edit->text());
        } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(field)) {
            inputs.insert(input.name, spin->value());
        } else if (auto *check = qobject_cast<QCheckBox *>(field)) {
            inputs.insert(input.name, check->isChecked());
        } else if (auto *list = qobject_cast<QPlainTextEdit *>(field)) {
            QJsonArray elements;
            for (const QString &line : list->toPlainText().split(u'\n', Qt::SkipEmptyParts))
                elements.append(line.trimmed());
            inputs.insert(input.name, elements);
        }
    }
    return inputs;
}

} // namespace QwenSwarm::Ui
