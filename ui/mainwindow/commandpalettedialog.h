#pragma once

#include <api/ids.h>

#include <QDialog>

class QLineEdit;
class QListView;
class QLabel;

namespace QwenSwarm::Ui {

class CommandPaletteModel;

/// Quick-open (Ctrl+K): type a name, an id or a few words; Enter jumps to the agent, task or
/// decision, or runs the action. Arrow keys move through the results, Escape closes.
class CommandPaletteDialog : public QDialog
{
    Q_OBJECT

public:
    CommandPaletteDialog(CommandPaletteModel &model, QWidget *parent);

    /// Shows the palette over the top of its parent, empty and focused.
    void openPalette();
    void setQuery(const QString &text);
    CommandPaletteModel &model() const { return m_model; }
    /// Does what choosing result `row` does, and closes.
    void activateRow(int row);

Q_SIGNALS:
    void agentChosen(QwenSwarm::Api::AgentId id);
    void taskChosen(QwenSwarm::Api::TaskId id);
    void decisionChosen(QwenSwarm::Api::DecisionId id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateHint();

    CommandPaletteModel &m_model;
    QLineEdit *m_input;
    QListView *m_list;
    QLabel *m_hint;
};

} // namespace QwenSwarm::Ui
