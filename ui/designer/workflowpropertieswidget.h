#pragma once

#include <api/workflow.h>

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace QwenSwarm::Ui {

class WorkflowDocument;

/// The workflow's own properties, shown when no step is selected: name, revision, description, the
/// inputs a run is started with (name, type, default, description) and the outputs it answers.
/// Every change is an edit of the document; renaming an input renames what reads it.
class WorkflowPropertiesWidget : public QWidget
{
    Q_OBJECT

public:
    explicit WorkflowPropertiesWidget(WorkflowDocument &document, QWidget *parent = nullptr);

    QTableWidget *inputsTable() const { return m_inputs; }
    QTableWidget *outputsTable() const { return m_outputs; }
    QLineEdit *nameEdit() const { return m_name; }

    /// The default as typed for an input of `type`: empty is none (required), a list is JSON or
    /// elements separated by ';'.
    static QJsonValue parseDefault(const QString &text, Api::ValueType type);
    static QString defaultText(const QJsonValue &value);

private:
    QWidget *buildInputs();
    QWidget *buildOutputs();
    void refresh();
    void refreshInputs();
    void refreshOutputs();
    void commitInputs();
    void commitOutputs();
    void commit(const QString &field, const std::function<void(Api::Workflow &)> &change,
                const QHash<QString, QString> &inputRenames = {});

    WorkflowDocument &m_document;
    bool m_loading = false;
    QLineEdit *m_name;
    QSpinBox *m_revision;
    QPlainTextEdit *m_description;
    QTableWidget *m_inputs;
    QTableWidget *m_outputs;
};

} // namespace QwenSwarm::Ui
