#include "designer/promptedit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

PromptEdit::PromptEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_completer(new QCompleter(this))
    , m_names(new QStringListModel(this))
{
    m_completer->setModel(m_names);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &PromptEdit::insertVariable);
    setTabChangesFocus(true);
}

void PromptEdit::setVariables(const QStringList &names)
{
    if (names != m_names->stringList())
        m_names->setStringList(names);
}

QStringList PromptEdit::variables() const
{
    return m_names->stringList();
}

std::optional<QString> PromptEdit::openPlaceholder() const
{
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype open = before.lastIndexOf(u"{{"_s);
    if (open < 0 || before.indexOf(u"}}"_s, open) >= 0)
        return std::nullopt;
    const QString typed = before.mid(open + 2).trimmed();
    if (typed.contains(u' ') || typed.contains(u'{') || typed.contains(u'}'))
        return std::nullopt;
    return typed;
}

bool PromptEdit::complete()
{
    const auto typed = openPlaceholder();
    if (!typed)
        return false;
    m_completer->setCompletionPrefix(*typed);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0)
                  + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
    return true;
}

void PromptEdit::insertVariable(const QString &name)
{
    const auto typed = openPlaceholder();
    if (!typed)
        return;
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype open = before.lastIndexOf(u"{{"_s);
    cursor.setPosition(cursor.block().position() + open + 2, QTextCursor::KeepAnchor);
    const QString after = cursor.block().text().mid(textCursor().positionInBlock());
    cursor.insertText(after.trimmed().startsWith(u"}}"_s) ? name : name + u"}}"_s);
    setTextCursor(cursor);
}

void PromptEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer takes these
            return;
        default:
            break;
        }
    }
    const bool explicitly = event->key() == Qt::Key_Space && event->modifiers().testFlag(Qt::ControlModifier);
    if (!explicitly)
        QPlainTextEdit::keyPressEvent(event);
    const bool typing = !event->text().isEmpty() || event->key() == Qt::Key_Backspace;
    if ((explicitly || typing) && !complete())
        m_completer->popup()->hide();
}

void PromptEdit::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    Q_EMIT focusLost();
}

} // namespace QwenSwarm::Ui
