#include "designer/workflowedit.h"

#include "designer/workflowdocument.h"

namespace QwenSwarm::Ui {

WorkflowEdit::WorkflowEdit(WorkflowDocument &document, const QString &text, Api::Workflow before, Api::Workflow after,
                           Kind kind, QString mergeKey, std::optional<Rename> rename)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_kind(kind)
    , m_mergeKey(std::move(mergeKey))
    , m_rename(std::move(rename))
    , m_window(document.mergeWindow())
{ }

void WorkflowEdit::undo()
{
    if (m_rename)
        Q_EMIT m_document.stepRenamed(m_rename->to, m_rename->from);
    m_document.apply(m_before);
}

void WorkflowEdit::redo()
{
    if (m_rename)
        Q_EMIT m_document.stepRenamed(m_rename->from, m_rename->to);
    m_document.apply(m_after);
}

bool WorkflowEdit::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const WorkflowEdit *>(other);
    if (m_kind == Structure || edit->m_mergeKey != m_mergeKey || edit->m_window != m_window || m_rename
        || edit->m_rename)
        return false;
    m_after = edit->m_after;
    setObsolete(m_after == m_before); // typed and deleted again: nothing to undo
    return true;
}

} // namespace QwenSwarm::Ui
