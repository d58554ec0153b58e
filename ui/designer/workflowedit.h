#pragma once

#include <api/workflow.h>

#include <QUndoCommand>

namespace QwenSwarm::Ui {

class WorkflowDocument;

/// One edit of a workflow on the designer's undo stack: the workflow before and after it. Edits of
/// the same kind and key (the same steps moved, the same field of the same step typed into) merge
/// while the document's merge window stays open, so typing a prompt is one undo step.
class WorkflowEdit : public QUndoCommand
{
public:
    enum Kind
    {
        Structure = -1, ///< Never merges: add, remove, connect, disconnect, paste, layout.
        Move = 1,
        Property = 2,
    };

    struct Rename
    {
        QString from;
        QString to;
    };

    WorkflowEdit(WorkflowDocument &document, const QString &text, Api::Workflow before, Api::Workflow after,
                 Kind kind = Structure, QString mergeKey = {}, std::optional<Rename> rename = {});

    void undo() override;
    void redo() override;
    int id() const override { return m_kind; }
    bool mergeWith(const QUndoCommand *other) override;

    const Api::Workflow &after() const { return m_after; }

private:
    WorkflowDocument &m_document;
    Api::Workflow m_before;
    Api::Workflow m_after;
    Kind m_kind;
    QString m_mergeKey;
    std::optional<Rename> m_rename;
    quint64 m_window;
};

} // namespace QwenSwarm::Ui
