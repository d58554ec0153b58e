#include "designer/workflowinputsdialog.h"

#include "designer/designertext.h"

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

#include <cfloat>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

WorkflowInputsDialog::WorkflowInputsDialog(const QList<WorkflowInput> &inputs, QWidget *parent)
    : QDialog(parent)
    , m_inputs(inputs)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_missing(new QLabel(this))
{
    setObjectName(u"designer_run_inputs"_s);
    setWindowTitle(tr("Run the workflow"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    for (const WorkflowInput &input : inputs) {
        QWidget *field = makeField(input);
        field->setObjectName(u"run_input_"_s + input.name);
        field->setToolTip(input.description);
        m_fields.insert(input.name, field);
        const QString label = input.defaultValue.isUndefined()
            ? tr("%1 (%2, required)").arg(input.name, DesignerText::typeName(input.type))
            : tr("%1 (%2)").arg(input.name, DesignerText::typeName(input.type));
        form->addRow(label, field);
    }
    if (inputs.isEmpty())
        form->addRow(new QLabel(tr("This workflow takes no inputs."), this));
    m_missing->setStyleSheet(u"color: #d73a49"_s);
    layout->addWidget(m_missing);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

QWidget *WorkflowInputsDialog::makeField(const WorkflowInput &input)
{
    const QJsonValue preset = input.defaultValue;
    switch (input.type) {
    case ValueType::Text: {
        auto *edit = new QLineEdit(preset.toString(), this);
        connect(edit, &QLineEdit::textChanged, this, &WorkflowInputsDialog::updateState);
        return edit;
    }
    case ValueType::Number: {
        auto *spin = new QDoubleSpinBox(this);
        spin->setRange(-DBL_MAX, DBL_MAX);
        spin->setDecimals(6);
        spin->setValue(preset.toDouble());
        return spin;
    }
    case ValueType::Boolean: {
        auto *box = new QCheckBox(this);
        box->setChecked(preset.toBool());
        return box;
    }
    case ValueType::List:
        break;
    }
    auto *edit = new QPlainTextEdit(this);
    QStringList lines;
    for (const QJsonValue &element : preset.toArray())
        lines.append(element.toString());
    edit->setPlainText(lines.join(u'\n'));
    edit->setPlaceholderText(tr("One element per line"));
    edit->setMaximumHeight(120);
    connect(edit, &QPlainTextEdit::textChanged, this, &WorkflowInputsDialog::updateState);
    return edit;
}

std::optional<QJsonValue> WorkflowInputsDialog::valueOf(const WorkflowInput &input) const
{
    QWidget *field = m_fields.value(input.name);
    switch (input.type) {
    case ValueType::Text: {
        const QString text = static_cast<QLineEdit *>(field)->text();
        if (text.isEmpty() && !input.defaultValue.isUndefined())
            return std::nullopt;
        return QJsonValue(text);
    }
    case ValueType::Number:
        return QJsonValue(static_cast<QDoubleSpinBox *>(field)->value());
    case ValueType::Boolean:
        return QJsonValue(static_cast<QCheckBox *>(field)->isChecked());
    case ValueType::List: {
        QJsonArray elements;
        for (const QString &line : static_cast<QPlainTextEdit *>(field)->toPlainText().split(u'\n')) {
            if (!line.trimmed().isEmpty())
                elements.append(line.trimmed());
        }
        return QJsonValue(elements);
    }
    }
    return std::nullopt;
}

QJsonObject WorkflowInputsDialog::values() const
{
    QJsonObject values;
    for (const WorkflowInput &input : m_inputs) {
        if (const auto value = valueOf(input))
            values.insert(input.name, *value);
    }
    return values;
}

void WorkflowInputsDialog::setValue(const QString &name, const QJsonValue &value)
{
    QWidget *field = m_fields.value(name);
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        edit->setText(value.toString());
    else if (auto *spin = qobject_cast<QDoubleSpinBox *>(field))
        spin->setValue(value.toDouble());
    else if (auto *box = qobject_cast<QCheckBox *>(field))
        box->setChecked(value.toBool());
    else if (auto *text = qobject_cast<QPlainTextEdit *>(field)) {
        QStringList lines;
        for (const QJsonValue &element : value.toArray())
            lines.append(element.toString());
        text->setPlainText(lines.join(u'\n'));
    }
}

bool WorkflowInputsDialog::isComplete() const
{
    for (const WorkflowInput &input : m_inputs) {
        if (!input.defaultValue.isUndefined())
            continue;
        if (auto *edit = qobject_cast<QLineEdit *>(m_fields.value(input.name));
            edit && edit->text().trimmed().isEmpty())
            return false;
    }
    return true;
}

void WorkflowInputsDialog::updateState()
{
    const bool complete = isComplete();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
    m_missing->setText(complete ? QString() : tr("Fill in the required inputs."));
}

} // namespace QwenSwarm::Ui
