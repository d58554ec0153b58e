#include "agents/spawnagentdialog.h"

#include "agents/agentsmodel.h"
#include "common/displaytext.h"
#include "common/swarmdirectory.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

const QColor errorColor(0xd9, 0x3f, 0x36);

// The form field an error is about: details.path as the backend validates an AgentSpec.
QString fieldOf(const Error &error)
{
    if (error.code == ErrorCode::AlreadyExists)
        return QStringLiteral("name"); // the only unique thing a spawn can clash on
    if (error.code == ErrorCode::NotFound)
        return QStringLiteral("swarm");
    const QString path = error.details.value(QLatin1StringView("path")).toString();
    if (path.startsWith(QLatin1StringView("parameters")))
        return QStringLiteral("parameters");
    if (path == QLatin1StringView("limits.max_concurrency"))
        return QStringLiteral("max_concurrency");
    if (path == QLatin1StringView("limits.budget_usd"))
        return QStringLiteral("budget");
    for (const char *field : {"name", "provider", "model", "system_prompt", "tags"}) {
        if (path == QLatin1StringView(field))
            return path;
    }
    return {};
}

AgentSpec blankSpec()
{
    AgentSpec spec;
    spec.model = QStringLiteral("sim-medium");
    spec.parameters = {{QStringLiteral("accuracy"), 0.8}, {QStringLiteral("latency_ms"), 300}};
    return spec;
}

} // namespace

SpawnAgentDialog::SpawnAgentDialog(Backend &backend, SwarmDirectory &swarms, const AgentsModel &agents, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_swarms(swarms)
    , m_agents(agents)
    , m_template(new QComboBox(this))
    , m_swarm(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_provider(new QComboBox(this))
    , m_model(new QLineEdit(this))
    , m_parameters(new QPlainTextEdit(this))
    , m_systemPrompt(new QPlainTextEdit(this))
    , m_tags(new QLineEdit(this))
    , m_maxConcurrency(new QSpinBox(this))
    , m_budget(new QDoubleSpinBox(this))
    , m_general(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Spawn agent"));
    setObjectName(QStringLiteral("spawn_agent_dialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    buildForm(form);
    m_general->setObjectName(QStringLiteral("error_general"));
    m_general->setWordWrap(true);
    QPalette p = m_general->palette();
    p.setColor(QPalette::WindowText, errorColor);
    m_general->setPalette(p);
    m_general->hide();
    layout->addWidget(m_general);
    QPushButton *spawn = m_buttons->addButton(tr("Spawn"), QDialogButtonBox::AcceptRole);
    spawn->setObjectName(QStringLiteral("spawn_button"));
    spawn->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SpawnAgentDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    fillTemplates();
    connect(m_template, &QComboBox::activated, this, &SpawnAgentDialog::applyTemplate);
    setSpec(blankSpec());
    m_backend.info(this, [this](Result<BackendInfo> info) {
        if (!info)
            return;
        const QString current = m_provider->currentText();
        m_provider->clear();
        m_provider->addItems(info->providers);
        m_provider->setCurrentText(current);
    });
    resize(520, sizeHint().height());
}

void SpawnAgentDialog::buildForm(QFormLayout *form)
{
    addField(form, QStringLiteral("template"), tr("Template"), m_template);
    addField(form, QStringLiteral("swarm"), tr("Swarm"), m_swarm);
    for (const Swarm &s : m_swarms.swarms())
        m_swarm->addItem(s.name, s.id.value);
    addField(form, QStringLiteral("name"), tr("Name"), m_name);
    for (const AgentRole role :
         {AgentRole::Coordinator, AgentRole::Worker, AgentRole::Specialist, AgentRole::Judge, AgentRole::Critic})
        m_role->addItem(DisplayText::agentRole(role), int(role));
    addField(form, QStringLiteral("role"), tr("Role"), m_role);
    m_provider->setEditable(true);
    addField(form, QStringLiteral("provider"), tr("Provider"), m_provider);
    addField(form, QStringLiteral("model"), tr("Model"), m_model);
    m_parameters->setPlaceholderText(tr("A JSON object, e.g. {\"temperature\": 0.2}"));
    m_parameters->setTabChangesFocus(true);
    m_parameters->setFixedHeight(80);
    addField(form, QStringLiteral("parameters"), tr("Parameters"), m_parameters);
    m_systemPrompt->setTabChangesFocus(true);
    m_systemPrompt->setFixedHeight(70);
    addField(form, QStringLiteral("system_prompt"), tr("System prompt"), m_systemPrompt);
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. math, general"));
    addField(form, QStringLiteral("tags"), tr("Tags"), m_tags);
    m_maxConcurrency->setRange(0, 100000);
    m_maxConcurrency->setSpecialValueText(tr("unlimited"));
    addField(form, QStringLiteral("max_concurrency"), tr("Concurrent calls"), m_maxConcurrency);
    m_budget->setRange(0, 1e9);
    m_budget->setDecimals(2);
    m_budget->setPrefix(QStringLiteral("$"));
    m_budget->setSpecialValueText(tr("unlimited"));
    addField(form, QStringLiteral("budget"), tr("Budget"), m_budget);
}

void SpawnAgentDialog::addField(QFormLayout *form, const QString &field, const QString &label, QWidget *editor)
{
    auto *cell = new QWidget(this);
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    editor->setObjectName(QString(QStringLiteral("field_") + field));
    column->addWidget(editor);
    auto *error = new QLabel(cell);
    error->setObjectName(QString(QStringLiteral("error_") + field));
    error->setWordWrap(true);
    QPalette p = error->palette();
    p.setColor(QPalette::WindowText, errorColor);
    error->setPalette(p);
    error->hide();
    column->addWidget(error);
    m_errors.insert(field, error);
    form->addRow(label, cell);
}

void SpawnAgentDialog::fillTemplates()
{
    m_template->addItem(tr("Blank agent"), 0);
    for (int row = 0; row < m_agents.rowCount(); ++row) {
        const Agent &a = m_agents.agentAt(row);
        m_template->addItem(tr("Copy of %1 (%2, %3)").arg(a.spec.name, m_swarms.name(a.swarmId), a.spec.model),
                            a.id.value);
    }
}

void SpawnAgentDialog::applyTemplate(int index)
{
    const AgentId id(m_template->itemData(index).toULongLong());
    const Agent *source = m_agents.agent(id);
    if (!source)
        return setSpec(blankSpec());
    AgentSpec spec = source->spec;
    int n = 2;
    while (m_agents.findByName(QStringLiteral("%1-%2").arg(source->spec.name).arg(n)).isValid())
        ++n;
    spec.name = QStringLiteral("%1-%2").arg(source->spec.name).arg(n);
    setSpec(spec);
    setSwarm(source->swarmId);
}

void SpawnAgentDialog::setSpec(const AgentSpec &spec)
{
    m_name->setText(spec.name);
    m_role->setCurrentIndex(m_role->findData(int(spec.role)));
    m_provider->setCurrentText(spec.provider);
    m_model->setText(spec.model);
    m_parameters->setPlainText(QString::fromUtf8(QJsonDocument(spec.parameters).toJson(QJsonDocument::Compact)));
    m_systemPrompt->setPlainText(spec.systemPrompt);
    m_tags->setText(spec.tags.join(QStringLiteral(", ")));
    m_maxConcurrency->setValue(spec.limits.maxConcurrency);
    m_budget->setValue(spec.limits.budgetUsd);
    clearErrors();
}

AgentSpec SpawnAgentDialog::spec(bool *ok)
{
    AgentSpec spec;
    spec.name = m_name->text();
    spec.role = static_cast<AgentRole>(m_role->currentData().toInt());
    spec.provider = m_provider->currentText().trimmed();
    spec.model = m_model->text().trimmed();
    spec.systemPrompt = m_systemPrompt->toPlainText();
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            spec.tags.append(tag.trimmed());
    }
    spec.limits.maxConcurrency = m_maxConcurrency->value();
    spec.limits.budgetUsd = m_budget->value();
    const QString parameters = m_parameters->toPlainText().trimmed();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(parameters.toUtf8(), &parseError);
    const bool valid = parameters.isEmpty() || doc.isObject();
    if (valid)
        spec.parameters = doc.object();
    else
        setFieldError(QStringLiteral("parameters"),
                      doc.isNull() ? tr("Not valid JSON: %1").arg(parseError.errorString())
                                   : tr("Expected a JSON object such as {\"temperature\": 0.2}"));
    if (ok)
        *ok = valid;
    return spec;
}

void SpawnAgentDialog::setSwarm(SwarmId swarm)
{
    const int index = m_swarm->findData(swarm.value);
    if (index >= 0)
        m_swarm->setCurrentIndex(index);
}

void SpawnAgentDialog::submit()
{
    if (m_submitting)
        return;
    clearErrors();
    bool ok = false;
    const AgentSpec agentSpec = spec(&ok);
    if (!ok)
        return;
    const SwarmId swarm(m_swarm->currentData().toULongLong());
    if (!swarm.isValid())
        return setFieldError(QStringLiteral("swarm"), tr("Choose the swarm the agent joins."));
    m_submitting = true;
    m_buttons->setEnabled(false);
    m_backend.spawnAgent(swarm, agentSpec, this, [this](Result<Agent> spawned) {
        m_submitting = false;
        m_buttons->setEnabled(true);
        if (!spawned)
            return showError(spawned.error());
        Q_EMIT this->spawned(spawned.value());
        accept();
    });
}

QString SpawnAgentDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString SpawnAgentDialog::generalError() const
{
    return m_general->isHidden() ? QString() : m_general->text();
}

void SpawnAgentDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
    m_general->clear();
    m_general->hide();
}

void SpawnAgentDialog::showError(const Error &error)
{
    const QString field = fieldOf(error);
    if (m_errors.contains(field))
        return setFieldError(field, error.message);
    m_general->setText(tr("The agent was not spawned: %1").arg(error.message));
    m_general->show();
}

void SpawnAgentDialog::setFieldError(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field);
    label->setText(message);
    label->show();
    if (QWidget *editor = findChild<QWidget *>(QString(QStringLiteral("field_") + field)))
        editor->setFocus();
}

} // namespace QwenSwarm::Ui
