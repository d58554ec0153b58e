#include "designer/workflowclipboard.h"

#include "designer/workflowgraph.h"

#include <api/jsonworkflow.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

const QString WorkflowClipboard::mimeType = u"application/x-qwen-swarm-steps+json"_s;

namespace {

const QString kMember = u"qwen-swarm-steps"_s;

} // namespace

QByteArray WorkflowClipboard::toJson(const QList<WorkflowStep> &steps)
{
    QJsonArray array;
    for (const WorkflowStep &step : steps)
        array.append(Api::toJson(step));
    return QJsonDocument(QJsonObject {{kMember, array}}).toJson(QJsonDocument::Indented);
}

QMimeData *WorkflowClipboard::toMimeData(const QList<WorkflowStep> &steps)
{
    auto *data = new QMimeData;
    const QByteArray json = toJson(steps);
    data->setData(mimeType, json);
    data->setText(QString::fromUtf8(json));
    return data;
}

Result<QList<WorkflowStep>> WorkflowClipboard::fromMimeData(const QMimeData *data)
{
    if (!data)
        return makeError(ErrorCode::InvalidArgument, u"the clipboard is empty"_s);
    if (data->hasFormat(mimeType))
        return fromJson(data->data(mimeType));
    return fromJson(data->text().toUtf8());
}

Result<QList<WorkflowStep>> WorkflowClipboard::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject() || !document.object().value(kMember).isArray())
        return makeError(ErrorCode::InvalidArgument, u"the clipboard holds no workflow steps"_s);
    JsonReader reader;
    QList<WorkflowStep> steps;
    readJson(reader, document.object().value(kMember), steps);
    if (!reader.ok())
        return reader.error();
    if (steps.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the clipboard holds no workflow steps"_s);
    return steps;
}

QList<WorkflowStep> WorkflowClipboard::prepareForPaste(const Workflow &target, QList<WorkflowStep> steps,
                                                       QPointF offset)
{
    QStringList taken;
    QHash<QString, QString> renames;
    for (WorkflowStep &step : steps) {
        const QString id = WorkflowGraph::uniqueStepId(target, step.id, taken);
        taken.append(id);
        if (id != step.id)
            renames.insert(step.id, id);
        step.id = id;
        step.x += offset.x();
        step.y += offset.y();
    }
    // References among the pasted steps follow them; references to other steps stay as they were.
    Workflow pasted;
    pasted.steps = steps;
    WorkflowGraph::renameSteps(pasted, renames);
    return pasted.steps;
}

} // namespace QwenSwarm::Ui
