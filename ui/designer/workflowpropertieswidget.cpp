#include "designer/workflowpropertieswidget.h"

#include "designer/designertext.h"
#include "designer/workflowdocument.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

namespace {

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

QPushButton *addButtons(QWidget *box, QVBoxLayout *layout, const QString &addText, QPushButton **remove)
{
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(addText, box);
    *remove = new QPushButton(WorkflowPropertiesWidget::tr("Remove"), box);
    buttons->addWidget(add);
    buttons->addWidget(*remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    return add;
}

} // namespace

WorkflowPropertiesWidget::WorkflowPropertiesWidget(WorkflowDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_name(new QLineEdit(this))
    , m_revision(new QSpinBox(this))
    , m_description(new QPlainTextEdit(this))
    , m_inputs(new QTableWidget(0, 4, this))
    , m_outputs(new QTableWidget(0, 2, this))
{
    setObjectName(u"designer_workflow_properties"_s);
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *hint = new QLabel(tr("Select a step to edit it. With none selected, these are the workflow's own "
                               "properties."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(hint);
    m_name->setObjectName(u"designer_workflow_name"_s);
    form->addRow(tr("Name"), m_name);
    m_revision->setRange(1, 1000000);
    m_revision->setToolTip(tr("The workflow's own version: raise it when you change what it does."));
    form->addRow(tr("Revision"), m_revision);
    m_description->setMaximumHeight(80);
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Inputs"), buildInputs());
    form->addRow(tr("Outputs"), buildOutputs());

    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString &text) { commit(u"name"_s, [&](Workflow &w) { w.name = text; }); });
    connect(m_name, &QLineEdit::editingFinished, &m_document, &WorkflowDocument::closeMergeWindow);
    connect(m_revision, &QSpinBox::valueChanged, this,
            [this](int v) { commit(u"revision"_s, [v](Workflow &w) { w.revision = v; }); });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        commit(u"description"_s, [this](Workflow &w) { w.description = m_description->toPlainText(); });
    });
    connect(&m_document, &WorkflowDocument::changed, this, &WorkflowPropertiesWidget::refresh);
    refresh();
}

QWidget *WorkflowPropertiesWidget::buildInputs()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_inputs->setObjectName(u"designer_workflow_inputs"_s);
    m_inputs->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Default"), tr("Description")});
    m_inputs->horizontalHeader()->setStretchLastSection(true);
    m_inputs->verticalHeader()->hide();
    m_inputs->setToolTip(tr("An empty default makes the input required. A list's default is JSON "
                            "([\"a\", \"b\"]) or elements separated by ';'."));
    layout->addWidget(m_inputs);
    QPushButton *remove = nullptr;
    QPushButton *add = addButtons(box, layout, tr("Add input"), &remove);
    connect(add, &QPushButton::clicked, this, [this] {
        commit(u"inputs"_s, [](Workflow &w) {
            QString name = u"input"_s;
            auto taken = [&](const QString &n) {
                return std::any_of(w.inputs.cbegin(), w.inputs.cend(), [&](const auto &i) { return i.name == n; });
            };
            for (int n = 2; taken(name); ++n)
                name = u"input_%1"_s.arg(n);
            w.inputs.append(WorkflowInput {name, ValueType::Text, {}, QJsonValue::Undefined});
        });
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_inputs->currentRow();
        if (row >= 0)
            commit(u"inputs"_s, [row](Workflow &w) {
                if (row < w.inputs.size())
                    w.inputs.removeAt(row);
            });
    });
    connect(m_inputs, &QTableWidget::itemChanged, this, [this] { commitInputs(); });
    return box;
}

QWidget *WorkflowPropertiesWidget::buildOutputs()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_outputs->setObjectName(u"designer_workflow_outputs"_s);
    m_outputs->setHorizontalHeaderLabels({tr("Name"), tr("Reads")});
    m_outputs->horizontalHeader()->setStretchLastSection(true);
    m_outputs->verticalHeader()->hide();
    m_outputs->setMaximumHeight(110);
    layout->addWidget(m_outputs);
    QPushButton *remove = nullptr;
    QPushButton *add = addButtons(box, layout, tr("Add output"), &remove);
    connect(add, &QPushButton::clicked, this, [this] {
        commit(u"outputs"_s, [](Workflow &w) {
            QString name = u"result"_s;
            for (int n = 2; w.outputs.contains(name); ++n)
                name = u"result_%1"_s.arg(n);
            w.outputs.insert(name, w.steps.isEmpty() ? QString() : u"steps.%1.output"_s.arg(w.steps.constLast().id));
        });
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString name = cell(m_outputs, m_outputs->currentRow(), 0);
        commit(u"outputs"_s, [name](Workflow &w) { w.outputs.remove(name); });
    });
    connect(m_outputs, &QTableWidget::itemChanged, this, [this] { commitOutputs(); });
    return box;
}

QJsonValue WorkflowPropertiesWidget::parseDefault(const QString &text, ValueType type)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QJsonValue::Undefined;
    switch (type) {
    case ValueType::Text:
        return text;
    case ValueType::Number: {
        bool ok = false;
        const double number = trimmed.toDouble(&ok);
        return ok ? QJsonValue(number) : QJsonValue(text); // not a number: validation says so
    }
    case ValueType::Boolean:
        if (trimmed == "true"_L1 || trimmed == "false"_L1)
            return trimmed == "true"_L1;
        return text;
    case ValueType::List: {
        const QJsonDocument json = QJsonDocument::fromJson(u"{\"v\": %1}"_s.arg(trimmed).toUtf8());
        if (json.isObject() && json.object().value("v"_L1).isArray())
            return json.object().value("v"_L1);
        QJsonArray elements;
        for (const QString &element : trimmed.split(u';', Qt::SkipEmptyParts))
            elements.append(element.trimmed());
        return elements;
    }
    }
    return text;
}

QString WorkflowPropertiesWidget::defaultText(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return DesignerText::valueText(value);
}

void WorkflowPropertiesWidget::refresh()
{
    const Workflow &workflow = m_document.workflow();
    m_loading = true;
    if (m_name->text() != workflow.name) {
        const QSignalBlocker block(m_name);
        m_name->setText(workflow.name);
    }
    if (m_revision->value() != workflow.revision) {
        const QSignalBlocker block(m_revision);
        m_revision->setValue(workflow.revision);
    }
    if (m_description->toPlainText() != workflow.description) {
        const QSignalBlocker block(m_description);
        m_description->setPlainText(workflow.description);
    }
    refreshInputs();
    refreshOutputs();
    m_loading = false;
}

void WorkflowPropertiesWidget::refreshInputs()
{
    const QList<WorkflowInput> &inputs = m_document.workflow().inputs;
    const QSignalBlocker block(m_inputs);
    m_inputs->setRowCount(int(inputs.size()));
    for (int row = 0; row < inputs.size(); ++row) {
        const WorkflowInput &input = inputs.at(row);
        auto *name = new QTableWidgetItem(input.name);
        name->setData(Qt::UserRole, input.name); // to tell a rename from a new input
        m_inputs->setItem(row, 0, name);
        auto *type = qobject_cast<QComboBox *>(m_inputs->cellWidget(row, 1));
        if (!type) {
            type = new QComboBox(m_inputs);
            for (const ValueType t : {ValueType::Text, ValueType::Number, ValueType::Boolean, ValueType::List})
                type->addItem(DesignerText::typeName(t));
            connect(type, qOverload<int>(&QComboBox::activated), this, [this] { commitInputs(); });
            m_inputs->setCellWidget(row, 1, type);
        }
        type->setCurrentIndex(int(input.type));
        m_inputs->setItem(row, 2, new QTableWidgetItem(defaultText(input.defaultValue)));
        m_inputs->setItem(row, 3, new QTableWidgetItem(input.description));
    }
}

void WorkflowPropertiesWidget::refreshOutputs()
{
    const QMap<QString, QString> &outputs = m_document.workflow().outputs;
    const QSignalBlocker block(m_outputs);
    m_outputs->setRowCount(int(outputs.size()));
    int row = 0;
    for (auto it = outputs.begin(); it != outputs.end(); ++it, ++row) {
        m_outputs->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_outputs->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
}

void WorkflowPropertiesWidget::commitInputs()
{
    QList<WorkflowInput> inputs;
    QHash<QString, QString> renames;
    for (int row = 0; row < m_inputs->rowCount(); ++row) {
        WorkflowInput input;
        input.name = cell(m_inputs, row, 0);
        const auto *type = qobject_cast<QComboBox *>(m_inputs->cellWidget(row, 1));
        input.type = type ? ValueType(type->currentIndex()) : ValueType::Text;
        input.defaultValue
            = parseDefault(m_inputs->item(row, 2) ? m_inputs->item(row, 2)->text() : QString(), input.type);
        input.description = cell(m_inputs, row, 3);
        const QString original
            = m_inputs->item(row, 0) ? m_inputs->item(row, 0)->data(Qt::UserRole).toString() : QString();
        if (!original.isEmpty() && !input.name.isEmpty() && original != input.name)
            renames.insert(original, input.name);
        inputs.append(input);
    }
    commit(
        u"inputs"_s, [&](Workflow &w) { w.inputs = inputs; }, renames);
}

void WorkflowPropertiesWidget::commitOutputs()
{
    QMap<QString, QString> outputs;
    for (int row = 0; row < m_outputs->rowCount(); ++row) {
        if (!cell(m_outputs, row, 0).isEmpty())
            outputs.insert(cell(m_outputs, row, 0), cell(m_outputs, row, 1));
    }
    commit(u"outputs"_s, [&](Workflow &w) { w.outputs = outputs; });
}

void WorkflowPropertiesWidget::commit(const QString &field, const std::function<void(Workflow &)> &change,
                                      const QHash<QString, QString> &inputRenames)
{
    if (m_loading)
        return;
    Workflow workflow = m_document.workflow();
    change(workflow);
    m_document.updateWorkflow(workflow, field, inputRenames);
}

} // namespace QwenSwarm::Ui
