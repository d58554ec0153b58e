#pragma once

#include <api/error.h>
#include <api/workflow.h>

#include <QPointF>

class QMimeData;

namespace QwenSwarm::Ui {

/// Steps on the clipboard: a JSON document {"qwen-swarm-steps": [step, ...]} with each step as the
/// workflow file writes it, under its own MIME type and as plain text (so it can be pasted into a
/// file or another console).
class WorkflowClipboard
{
public:
    static const QString mimeType;

    static QMimeData *toMimeData(const QList<Api::WorkflowStep> &steps);
    static QByteArray toJson(const QList<Api::WorkflowStep> &steps);
    /// The steps in `data` (its own type, else its text); InvalidArgument when there are none.
    static Api::Result<QList<Api::WorkflowStep>> fromMimeData(const QMimeData *data);
    static Api::Result<QList<Api::WorkflowStep>> fromJson(const QByteArray &json);
    /// The steps ready to be added to `target`: ids made unique (against `target` and each other),
    /// references between pasted steps follow their new ids, positions moved by `offset`.
    static QList<Api::WorkflowStep> prepareForPaste(const Api::Workflow &target, QList<Api::WorkflowStep> steps,
                                                    QPointF offset);
};

} // namespace QwenSwarm::Ui
