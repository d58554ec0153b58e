#pragma once

#include <api/workflow.h>

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QLabel;

namespace QwenSwarm::Ui {

/// Asks for the values a run starts with: one field per declared input, by its type (a line for a
/// text, a number field, a check box, one element per line for a list), filled with the defaults.
/// A required input left empty keeps OK disabled.
class WorkflowInputsDialog : public QDialog
{
    Q_OBJECT

public:
    WorkflowInputsDialog(const QList<Api::WorkflowInput> &inputs, QWidget *parent = nullptr);

    /// The values as the run takes them (inputs left at their default are omitted).
    QJsonObject values() const;
    /// Sets a field as if typed (tests).
    void setValue(const QString &name, const QJsonValue &value);
    QWidget *field(const QString &name) const { return m_fields.value(name); }
    bool isComplete() const;

private:
    QWidget *makeField(const Api::WorkflowInput &input);
    void updateState();
    std::optional<QJsonValue> valueOf(const Api::WorkflowInput &input) const;

    QList<Api::WorkflowInput> m_inputs;
    QHash<QString, QWidget *> m_fields;
    QDialogButtonBox *m_buttons;
    QLabel *m_missing;
};

} // namespace QwenSwarm::Ui
