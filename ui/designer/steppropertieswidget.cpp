#include "designer/steppropertieswidget.h"

#include "common/displaytext.h"
#include "designer/designertext.h"
#include "designer/promptedit.h"
#include "designer/workflowdocument.h"
#include "designer/workflowgraph.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <climits>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

namespace {

template<typename W>
void setText(W *widget, const QString &text)
{
    if (widget->text() != text) {
        const QSignalBlocker block(widget);
        widget->setText(text);
    }
}

void setPlainText(QPlainTextEdit *widget, const QString &text)
{
    if (widget->toPlainText() != text) {
        const QSignalBlocker block(widget);
        widget->setPlainText(text);
    }
}

QStringList parseChoices(const QString &text)
{
    QStringList choices;
    for (const QString &choice : text.split(u',')) {
        if (!choice.trimmed().isEmpty())
            choices.append(choice.trimmed());
    }
    return choices;
}

void setComboText(QComboBox *box, const QString &text)
{
    if (box->currentText().trimmed() != text) { // a space typed at the end is not undone
        const QSignalBlocker block(box);
        box->setCurrentText(text);
    }
}

template<typename S, typename V>
void setSpin(S *spin, V value)
{
    if (spin->value() != value) {
        const QSignalBlocker block(spin);
        spin->setValue(value);
    }
}

QString compactJson(const QJsonObject &object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void fillCombo(QComboBox *box, const QStringList &items)
{
    QStringList present;
    for (int i = 0; i < box->count(); ++i)
        present.append(box->itemText(i));
    if (present == items)
        return;
    const QString current = box->currentText();
    const QSignalBlocker block(box);
    box->clear();
    box->addItems(items);
    box->setCurrentText(current);
}

} // namespace

StepPropertiesWidget::StepPropertiesWidget(WorkflowDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_id(new QLineEdit(this))
    , m_idProblem(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_swarm(new QComboBox(this))
    , m_prompt(new PromptEdit(this))
    , m_bindings(new QTableWidget(0, 2, this))
    , m_condition(new QLineEdit(this))
    , m_mapOn(new QCheckBox(tr("Run once per element of a list"), this))
    , m_mapOver(new QComboBox(this))
    , m_mapAs(new QLineEdit(this))
    , m_strategy(new QComboBox(this))
    , m_parameters(new QLineEdit(this))
    , m_answerFormat(new QComboBox(this))
    , m_choices(new QLineEdit(this))
    , m_priority(new QSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_budget(new QDoubleSpinBox(this))
    , m_attempts(new QSpinBox(this))
    , m_instructions(new QPlainTextEdit(this))
    , m_runState(new QLabel(this))
    , m_output(new QPlainTextEdit(this))
    , m_runBox(new QWidget(this))
{
    setObjectName(u"designer_step_properties"_s);
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    m_id->setObjectName(u"designer_step_id"_s);
    m_idProblem->setObjectName(u"designer_step_id_problem"_s);
    m_idProblem->setStyleSheet(u"color: #d73a49"_s);
    m_idProblem->setWordWrap(true);
    m_idProblem->hide();
    auto *idBox = new QWidget(this);
    auto *idLayout = new QVBoxLayout(idBox);
    idLayout->setContentsMargins(0, 0, 0, 0);
    idLayout->addWidget(m_id);
    idLayout->addWidget(m_idProblem);
    m_form->addRow(tr("Id"), idBox);
    m_title->setObjectName(u"designer_step_title"_s);
    m_title->setPlaceholderText(tr("What the node shows"));
    m_form->addRow(tr("Title"), m_title);
    m_kind->addItem(DesignerText::stepKind(StepKind::Task));
    m_kind->addItem(DesignerText::stepKind(StepKind::Approval));
    m_form->addRow(tr("Kind"), m_kind);
    buildTaskFields(m_form);
    m_instructions->setPlaceholderText(tr("What the operator reads before approving, editing or rejecting"));
    m_instructions->setMaximumHeight(90);
    m_form->addRow(tr("Instructions"), m_instructions);
    m_condition->setPlaceholderText(tr("Run only if, e.g. steps.check.output == 'yes'"));
    m_form->addRow(tr("Condition"), m_condition);

    auto *runLayout = new QVBoxLayout(m_runBox);
    runLayout->setContentsMargins(0, 0, 0, 0);
    m_runState->setObjectName(u"designer_step_run_state"_s);
    m_runState->setWordWrap(true);
    m_output->setObjectName(u"designer_step_output"_s);
    m_output->setReadOnly(true);
    m_output->setMaximumHeight(120);
    runLayout->addWidget(m_runState);
    runLayout->addWidget(m_output);
    m_form->addRow(tr("Run"), m_runBox);
    m_form->setRowVisible(m_runBox, false);

    connectFields();
    connect(&m_document, &WorkflowDocument::changed, this, &StepPropertiesWidget::refresh);
    connect(&m_document, &WorkflowDocument::stepRenamed, this, [this](const QString &from, const QString &to) {
        if (from == m_stepId)
            m_stepId = to;
    });
    setEnabled(false);
}

void StepPropertiesWidget::buildTaskFields(QFormLayout *form)
{
    m_swarm->setEditable(true);
    m_swarm->setObjectName(u"designer_step_swarm"_s);
    m_swarm->lineEdit()->setPlaceholderText(tr("The swarm's name"));
    form->addRow(tr("Swarm"), m_swarm);
    m_prompt->setObjectName(u"designer_step_prompt"_s);
    m_prompt->setPlaceholderText(tr("The prompt; type {{ for the step's names"));
    m_prompt->setMinimumHeight(100);
    m_prompt->setMaximumHeight(150);
    form->addRow(tr("Prompt"), m_prompt);
    form->addRow(tr("Inputs"), buildBindings());

    form->addRow(tr("Map"), m_mapOn);
    m_mapOver->setEditable(true);
    m_mapOver->lineEdit()->setPlaceholderText(tr("A list: inputs.<name> or steps.<id>.output"));
    form->addRow(tr("Over"), m_mapOver);
    m_mapAs->setPlaceholderText(u"item"_s);
    form->addRow(tr("Each as"), m_mapAs);

    m_strategy->setEditable(true);
    m_strategy->setObjectName(u"designer_step_strategy"_s);
    m_strategy->lineEdit()->setPlaceholderText(tr("The swarm's default"));
    form->addRow(tr("Strategy"), m_strategy);
    m_parameters->setObjectName(u"designer_step_parameters"_s);
    m_parameters->setPlaceholderText(tr("JSON, e.g. {\"tie_break\": \"first\"}"));
    form->addRow(tr("Parameters"), m_parameters);
    for (const AnswerFormat format :
         {AnswerFormat::FreeText, AnswerFormat::Choice, AnswerFormat::Number, AnswerFormat::Ranking})
        m_answerFormat->addItem(DesignerText::answerFormat(format));
    form->addRow(tr("Answer"), m_answerFormat);
    m_choices->setPlaceholderText(tr("Comma-separated, e.g. bug, feature, question"));
    form->addRow(tr("Choices"), m_choices);

    m_priority->setRange(-1000, 1000);
    form->addRow(tr("Priority"), m_priority);
    m_timeout->setRange(0, INT_MAX);
    m_timeout->setSingleStep(1000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSpecialValueText(tr("none"));
    form->addRow(tr("Timeout"), m_timeout);
    m_budget->setRange(0, 1e6);
    m_budget->setDecimals(4);
    m_budget->setSingleStep(0.01);
    m_budget->setPrefix(u"$ "_s);
    m_budget->setSpecialValueText(tr("unlimited"));
    form->addRow(tr("Budget"), m_budget);
    m_attempts->setRange(1, 20);
    form->addRow(tr("Attempts"), m_attempts);
}

QWidget *StepPropertiesWidget::buildBindings()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bindings->setObjectName(u"designer_step_bindings"_s);
    m_bindings->setHorizontalHeaderLabels({tr("Name"), tr("Reads")});
    m_bindings->horizontalHeader()->setStretchLastSection(true);
    m_bindings->verticalHeader()->hide();
    m_bindings->setMaximumHeight(100);
    m_bindings->setToolTip(tr("The names the prompt uses and what each reads. Connect ports on the canvas, or "
                              "type a reference: inputs.<name>, steps.<id>.output or steps.<id>.agreement."));
    layout->addWidget(m_bindings);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add input"), box);
    auto *remove = new QPushButton(tr("Remove"), box);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        commit(u"inputs"_s, [](WorkflowStep &step) {
            WorkflowStep probe = step;
            step.inputs.insert(WorkflowGraph::bindingNameFor(probe, {}), QString());
        });
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_bindings->currentRow();
        if (row < 0 || !m_bindings->item(row, 0))
            return;
        const QString name = m_bindings->item(row, 0)->text();
        commit(u"inputs"_s, [name](WorkflowStep &step) { step.inputs.remove(name); });
    });
    return box;
}

void StepPropertiesWidget::connectFields()
{
    connect(m_id, &QLineEdit::editingFinished, this, &StepPropertiesWidget::commitId);
    connect(m_title, &QLineEdit::textEdited, this,
            [this](const QString &text) { commit(u"title"_s, [&](WorkflowStep &s) { s.title = text; }); });
    connect(m_kind, qOverload<int>(&QComboBox::activated), this, &StepPropertiesWidget::commitKind);
    connect(m_swarm, &QComboBox::currentTextChanged, this,
            [this](const QString &text) { commit(u"swarm"_s, [&](WorkflowStep &s) { s.swarm = text.trimmed(); }); });
    connect(m_prompt, &QPlainTextEdit::textChanged, this,
            [this] { commit(u"prompt"_s, [this](WorkflowStep &s) { s.prompt = m_prompt->toPlainText(); }); });
    connect(m_bindings, &QTableWidget::itemChanged, this, [this] { commitBindings(); });
    connect(m_condition, &QLineEdit::textEdited, this,
            [this](const QString &text) { commit(u"condition"_s, [&](WorkflowStep &s) { s.condition = text; }); });
    connect(m_mapOn, &QCheckBox::clicked, this, [this](bool on) {
        commit(u"map"_s, [on](WorkflowStep &s) { s.map = on ? std::optional<StepMap>(StepMap {}) : std::nullopt; });
    });
    connect(m_mapOver, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        commit(u"map"_s, [&](WorkflowStep &s) {
            if (s.map)
                s.map->over = text.trimmed();
        });
    });
    connect(m_mapAs, &QLineEdit::textEdited, this, [this](const QString &text) {
        commit(u"map"_s, [&](WorkflowStep &s) {
            if (s.map)
                s.map->as = text.trimmed();
        });
    });
    connect(m_strategy, &QComboBox::currentTextChanged, this, [this] { commitStrategy(); });
    connect(m_parameters, &QLineEdit::textEdited, this, [this] { commitStrategy(); });
    connect(m_answerFormat, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        commit(u"answer_format"_s, [index](WorkflowStep &s) { s.answerFormat = AnswerFormat(index); });
    });
    connect(m_choices, &QLineEdit::textEdited, this, [this](const QString &text) {
        commit(u"choices"_s, [&](WorkflowStep &s) { s.choices = parseChoices(text); });
    });
    connect(m_priority, &QSpinBox::valueChanged, this,
            [this](int v) { commit(u"priority"_s, [v](WorkflowStep &s) { s.priority = v; }); });
    connect(m_timeout, &QSpinBox::valueChanged, this,
            [this](int v) { commit(u"timeout_ms"_s, [v](WorkflowStep &s) { s.timeoutMs = v; }); });
    connect(m_budget, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { commit(u"budget_usd"_s, [v](WorkflowStep &s) { s.budgetUsd = v; }); });
    connect(m_attempts, &QSpinBox::valueChanged, this,
            [this](int v) { commit(u"retry"_s, [v](WorkflowStep &s) { s.retry.maxAttempts = v; }); });
    connect(m_instructions, &QPlainTextEdit::textChanged, this, [this] {
        commit(u"instructions"_s, [this](WorkflowStep &s) { s.instructions = m_instructions->toPlainText(); });
    });
    // Typing merges into one edit until the field is left.
    connect(m_prompt, &PromptEdit::focusLost, &m_document, &WorkflowDocument::closeMergeWindow);
    for (QLineEdit *edit : {m_title, m_condition, m_mapAs, m_parameters, m_choices})
        connect(edit, &QLineEdit::editingFinished, &m_document, &WorkflowDocument::closeMergeWindow);
}

void StepPropertiesWidget::setStep(const QString &id)
{
    if (id != m_stepId)
        m_document.closeMergeWindow();
    m_stepId = id;
    m_idProblem->hide();
    refresh();
}

void StepPropertiesWidget::setChoices(const QStringList &swarms, const QStringList &strategies)
{
    fillCombo(m_swarm, swarms);
    fillCombo(m_strategy, QStringList {QString()} + strategies);
    refresh();
}

void StepPropertiesWidget::setStepRun(const std::optional<StepRun> &run)
{
    m_form->setRowVisible(m_runBox, run.has_value());
    if (!run)
        return;
    QString state = DisplayText::stepState(run->state);
    if (run->state == StepState::Succeeded)
        state += tr(" · agreement %1%").arg(qRound(run->agreement * 100));
    if (!run->reason.isEmpty())
        state += u" — "_s + run->reason;
    m_runState->setText(state);
    m_output->setPlainText(DesignerText::valueText(run->output));
}

void StepPropertiesWidget::refresh()
{
    const WorkflowStep *step = m_document.workflow().step(m_stepId);
    setEnabled(step != nullptr);
    if (!step)
        return;
    m_loading = true;
    if (!m_id->hasFocus())
        setText(m_id, step->id);
    setText(m_title, step->title);
    if (m_kind->currentIndex() != int(step->kind)) {
        const QSignalBlocker block(m_kind);
        m_kind->setCurrentIndex(int(step->kind));
    }
    setComboText(m_swarm, step->swarm);
    setPlainText(m_prompt, step->prompt);
    m_prompt->setVariables(WorkflowGraph::variableNames(*step));
    refreshBindings(*step);
    setText(m_condition, step->condition);
    {
        const QSignalBlocker block(m_mapOn);
        m_mapOn->setChecked(step->map.has_value());
    }
    fillCombo(m_mapOver, WorkflowGraph::sourceReferences(m_document.workflow(), ValueType::List));
    setComboText(m_mapOver, step->map ? step->map->over : QString());
    setText(m_mapAs, step->map ? step->map->as : QString());
    setComboText(m_strategy, step->strategy ? step->strategy->name : QString());
    const QString parameters = step->strategy ? compactJson(step->strategy->parameters) : QString();
    const auto typed = QJsonDocument::fromJson(m_parameters->text().toUtf8());
    if (!(typed.isObject() && step->strategy && typed.object() == step->strategy->parameters))
        setText(m_parameters, parameters); // keep the operator's spacing while it means the same
    if (m_answerFormat->currentIndex() != int(step->answerFormat)) {
        const QSignalBlocker block(m_answerFormat);
        m_answerFormat->setCurrentIndex(int(step->answerFormat));
    }
    if (parseChoices(m_choices->text()) != step->choices) // "bug, " while typing means ["bug"]: keep it
        setText(m_choices, step->choices.join(u", "_s));
    setSpin(m_priority, step->priority);
    setSpin(m_timeout, int(std::min<qint64>(step->timeoutMs, INT_MAX)));
    setSpin(m_budget, step->budgetUsd);
    setSpin(m_attempts, step->retry.maxAttempts);
    setPlainText(m_instructions, step->instructions);
    updateRows(*step);
    m_loading = false;
}

void StepPropertiesWidget::refreshBindings(const WorkflowStep &step)
{
    QList<std::pair<QString, QString>> rows;
    for (int row = 0; row < m_bindings->rowCount(); ++row) {
        const auto *name = m_bindings->item(row, 0);
        const auto *reference = m_bindings->item(row, 1);
        rows.append({name ? name->text() : QString(), reference ? reference->text() : QString()});
    }
    QList<std::pair<QString, QString>> wanted;
    for (auto it = step.inputs.begin(); it != step.inputs.end(); ++it)
        wanted.append({it.key(), it.value()});
    if (rows == wanted)
        return;
    const QSignalBlocker block(m_bindings);
    m_bindings->setRowCount(int(wanted.size()));
    for (int row = 0; row < wanted.size(); ++row) {
        m_bindings->setItem(row, 0, new QTableWidgetItem(wanted[row].first));
        m_bindings->setItem(row, 1, new QTableWidgetItem(wanted[row].second));
    }
}

void StepPropertiesWidget::updateRows(const WorkflowStep &step)
{
    const bool task = step.kind == StepKind::Task;
    for (QWidget *field :
         std::initializer_list<QWidget *> {m_swarm, m_prompt, m_mapOn, m_strategy, m_parameters, m_answerFormat,
                                           m_priority, m_timeout, m_budget, m_attempts})
        m_form->setRowVisible(field, task);
    m_form->setRowVisible(m_mapOver, task && step.map);
    m_form->setRowVisible(m_mapAs, task && step.map);
    m_form->setRowVisible(
        m_choices, task && (step.answerFormat == AnswerFormat::Choice || step.answerFormat == AnswerFormat::Ranking));
    m_form->setRowVisible(m_instructions, !task);
}

void StepPropertiesWidget::commit(const QString &field, const std::function<void(WorkflowStep &)> &change)
{
    if (m_loading)
        return;
    const WorkflowStep *current = m_document.workflow().step(m_stepId);
    if (!current)
        return;
    WorkflowStep step = *current;
    change(step);
    m_document.updateStep(m_stepId, step, field);
}

void StepPropertiesWidget::commitId()
{
    const QString id = m_id->text().trimmed();
    if (m_loading || id == m_stepId || !m_document.workflow().step(m_stepId))
        return;
    QString problem;
    if (!WorkflowGraph::isIdentifier(id))
        problem = tr("'%1' is not an identifier: a letter, then letters, digits or '_'.").arg(id);
    else if (m_document.workflow().step(id))
        problem = tr("Another step has the id '%1'.").arg(id);
    m_idProblem->setText(problem);
    m_idProblem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty()) {
        setText(m_id, m_stepId);
        return;
    }
    commit(u"id"_s, [&](WorkflowStep &s) { s.id = id; });
}

void StepPropertiesWidget::commitKind(int index)
{
    commit(u"kind"_s, [&](WorkflowStep &s) {
        if (int(s.kind) == index)
            return;
        // Only what both kinds have stays: a saved file then reads back as it was designed.
        WorkflowStep fresh;
        fresh.id = s.id;
        fresh.title = s.title;
        fresh.inputs = s.inputs;
        fresh.condition = s.condition;
        fresh.x = s.x;
        fresh.y = s.y;
        fresh.kind = StepKind(index);
        if (fresh.kind == StepKind::Task)
            fresh.swarm = m_swarm->count() > 0 ? m_swarm->itemText(0) : QString();
        s = fresh;
    });
}

void StepPropertiesWidget::commitStrategy()
{
    const QString name = m_strategy->currentText().trimmed();
    const QString text = m_parameters->text().trimmed();
    QJsonObject parameters;
    bool valid = true;
    if (!text.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8(), &error);
        valid = error.error == QJsonParseError::NoError && json.isObject();
        parameters = json.object();
    }
    m_parameters->setStyleSheet(valid ? QString() : u"border: 1px solid #d73a49"_s);
    m_parameters->setToolTip(valid ? QString() : tr("Not a JSON object: the parameters are not changed."));
    if (!valid)
        return;
    commit(u"strategy"_s, [&](WorkflowStep &s) {
        if (name.isEmpty())
            s.strategy.reset();
        else
            s.strategy = StrategySpec {name, parameters};
    });
}

void StepPropertiesWidget::commitBindings()
{
    commit(u"inputs"_s, [this](WorkflowStep &s) {
        s.inputs.clear();
        for (int row = 0; row < m_bindings->rowCount(); ++row) {
            const auto *name = m_bindings->item(row, 0);
            const auto *reference = m_bindings->item(row, 1);
            if (name && !name->text().trimmed().isEmpty())
                s.inputs.insert(name->text().trimmed(), reference ? reference->text().trimmed() : QString());
        }
    });
}

} // namespace QwenSwarm::Ui
