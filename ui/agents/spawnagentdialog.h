#pragma once

#include <api/backend.h>

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace QwenSwarm::Ui {

class AgentsModel;
class SwarmDirectory;

/// Spawns an agent into a swarm, from scratch or from a template (a copy of an existing agent's
/// spec). The backend validates: its InvalidArgument errors appear next to the field that
/// error.details.path names; errors without a field appear at the bottom. Never blocks: open() it.
class SpawnAgentDialog : public QDialog
{
    Q_OBJECT

public:
    SpawnAgentDialog(Api::Backend &backend, SwarmDirectory &swarms, const AgentsModel &agents,
                     QWidget *parent = nullptr);

    /// Fills the form from a spec (what choosing a template does).
    void setSpec(const Api::AgentSpec &spec);
    /// The spec the form describes; `ok` false (with a field error shown) if the parameters are not JSON.
    Api::AgentSpec spec(bool *ok = nullptr);
    void setSwarm(Api::SwarmId swarm);
    /// Sends the spawn request (what the Spawn button does).
    void submit();

    /// The error shown next to a field ("name", "provider", "model", "parameters", "system_prompt",
    /// "tags", "max_concurrency", "budget", "swarm"), or empty.
    QString fieldError(const QString &field) const;
    QString generalError() const;
    bool isSubmitting() const { return m_submitting; }

Q_SIGNALS:
    void spawned(const QwenSwarm::Api::Agent &agent);

private:
    void buildForm(QFormLayout *form);
    void addField(QFormLayout *form, const QString &field, const QString &label, QWidget *editor);
    void fillTemplates();
    void applyTemplate(int index);
    void clearErrors();
    void showError(const Api::Error &error);
    void setFieldError(const QString &field, const QString &message);

    Api::Backend &m_backend;
    SwarmDirectory &m_swarms;
    const AgentsModel &m_agents;
    QComboBox *m_template;
    QComboBox *m_swarm;
    QLineEdit *m_name;
    QComboBox *m_role;
    QComboBox *m_provider;
    QLineEdit *m_model;
    QPlainTextEdit *m_parameters;
    QPlainTextEdit *m_systemPrompt;
    QLineEdit *m_tags;
    QSpinBox *m_maxConcurrency;
    QDoubleSpinBox *m_budget;
    QLabel *m_general;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_errors;
    bool m_submitting = false;
};

} // namespace QwenSwarm::Ui
