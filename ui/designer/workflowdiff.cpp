#include "designer/workflowdiff.h"

#include <api/jsonworkflow.h>

#include <QSet>

namespace QwenSwarm::Ui {

using namespace Api;
using namespace Qt::Literals::StringLiterals;

namespace {

/// The members of `a` and `b` whose values differ, in the order the format writes them.
QStringList differingMembers(const QJsonObject &a, const QJsonObject &b, const QStringList &skip)
{
    QStringList keys = a.keys();
    for (const QString &key : b.keys()) {
        if (!keys.contains(key))
            keys.append(key);
    }
    static const QStringList order {
        u"id"_s,       u"kind"_s,          u"title"_s,      u"inputs"_s,   u"condition"_s,    u"swarm"_s,
        u"prompt"_s,   u"answer_format"_s, u"choices"_s,    u"strategy"_s, u"selection"_s,    u"map"_s,
        u"priority"_s, u"timeout_ms"_s,    u"budget_usd"_s, u"retry"_s,    u"instructions"_s, u"position"_s};
    std::stable_sort(keys.begin(), keys.end(), [](const QString &x, const QString &y) {
        const auto rank = [](const QString &k) { return order.contains(k) ? order.indexOf(k) : order.size(); };
        return rank(x) < rank(y);
    });
    QStringList members;
    for (const QString &key : std::as_const(keys)) {
        if (!skip.contains(key) && a.value(key) != b.value(key))
            members.append(key);
    }
    return members;
}

} // namespace

const StepChange *WorkflowDiff::change(const QString &id) const
{
    for (const StepChange &c : changed) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

WorkflowDiff diffWorkflows(const Workflow &before, const Workflow &after, const WorkflowDiffOptions &options)
{
    WorkflowDiff diff;
    for (const WorkflowStep &step : after.steps) {
        const WorkflowStep *old = before.step(step.id);
        if (!old) {
            diff.added.append(step.id);
            continue;
        }
        if (*old == step)
            continue;
        const QJsonObject a = toJson(*old).toObject();
        const QJsonObject b = toJson(step).toObject();
        const QStringList skip = options.ignorePositions ? QStringList {u"position"_s} : QStringList {};
        const QStringList members = differingMembers(a, b, skip);
        if (!members.isEmpty())
            diff.changed.append({step.id, members, a, b});
    }
    for (const WorkflowStep &step : before.steps) {
        if (!after.step(step.id))
            diff.removed.append(step.id);
    }
    const QJsonObject a = toJson(before).toObject();
    const QJsonObject b = toJson(after).toObject();
    for (const QString &member : {u"name"_s, u"revision"_s, u"description"_s, u"inputs"_s, u"outputs"_s}) {
        if (a.value(member) != b.value(member))
            diff.workflowMembers.append(member);
    }
    return diff;
}

} // namespace QwenSwarm::Ui
