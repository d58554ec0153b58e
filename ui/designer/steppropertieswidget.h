#pragma once

#include <api/workflow.h>

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace QwenSwarm::Ui {

class PromptEdit;
class WorkflowDocument;

/// The property panel of one step. Every change is an edit of the document (so it can be undone);
/// typing into a field merges into one edit until the field loses focus. Follows the document when
/// an undo, a redo or the canvas changes the step. Shows the step's state and output during a run.
class StepPropertiesWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StepPropertiesWidget(WorkflowDocument &document, QWidget *parent = nullptr);

    QString stepId() const { return m_stepId; }
    /// Shows step `id` (empty: none).
    void setStep(const QString &id);
    /// Swarm and strategy names to offer (the backend's; empty offline: free text).
    void setChoices(const QStringList &swarms, const QStringList &strategies);
    void setStepRun(const std::optional<Api::StepRun> &run);

    PromptEdit *promptEdit() const { return m_prompt; }
    QLineEdit *idEdit() const { return m_id; }
    QComboBox *swarmBox() const { return m_swarm; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *parametersEdit() const { return m_parameters; }
    QComboBox *strategyBox() const { return m_strategy; }
    QLabel *idProblemLabel() const { return m_idProblem; }

private:
    void buildTaskFields(QFormLayout *form);
    QWidget *buildBindings();
    void connectFields();
    void refresh();
    void refreshBindings(const Api::WorkflowStep &step);
    /// Applies `change` to a copy of the step and hands it to the document as an edit of `field`.
    void commit(const QString &field, const std::function<void(Api::WorkflowStep &)> &change);
    void commitId();
    void commitKind(int index);
    void commitStrategy();
    void commitBindings();
    void updateRows(const Api::WorkflowStep &step);

    WorkflowDocument &m_document;
    QString m_stepId;
    bool m_loading = false;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_id;
    QLabel *m_idProblem;
    QLineEdit *m_title;
    QComboBox *m_kind;
    QComboBox *m_swarm;
    PromptEdit *m_prompt;
    QTableWidget *m_bindings;
    QLineEdit *m_condition;
    QCheckBox *m_mapOn;
    QComboBox *m_mapOver;
    QLineEdit *m_mapAs;
    QComboBox *m_strategy;
    QLineEdit *m_parameters;
    QComboBox *m_answerFormat;
    QLineEdit *m_choices;
    QSpinBox *m_priority;
    QSpinBox *m_timeout;
    QDoubleSpinBox *m_budget;
    QSpinBox *m_attempts;
    QPlainTextEdit *m_instructions;
    QLabel *m_runState;
    QPlainTextEdit *m_output;
    QWidget *m_runBox;
};

} // namespace QwenSwarm::Ui
