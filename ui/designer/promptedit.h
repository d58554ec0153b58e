#pragma once

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace QwenSwarm::Ui {

/// A prompt template editor that completes the step's variable names: typing "{{" (or Ctrl+Space
/// inside braces) lists the names the step binds, the map's element, {{index}} and the engine's
/// built-ins; choosing one writes it and closes the braces.
class PromptEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit PromptEdit(QWidget *parent = nullptr);

    void setVariables(const QStringList &names);
    QStringList variables() const;
    QCompleter *completer() const { return m_completer; }
    /// What is typed after an open "{{" before the cursor, or nothing when the cursor is not in one.
    std::optional<QString> openPlaceholder() const;
    /// Shows the names that start with what is typed in the open placeholder; false when not in one.
    bool complete();
    /// Replaces what is typed in the open placeholder by `name` and closes the braces.
    void insertVariable(const QString &name);

Q_SIGNALS:
    void focusLost();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QCompleter *m_completer;
    QStringListModel *m_names;
};

} // namespace QwenSwarm::Ui
