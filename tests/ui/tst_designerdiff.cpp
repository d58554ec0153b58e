// The difference between two versions of a workflow, by step id: steps added, removed and changed
// (with the file members that changed), and the workflow's own members.
#include "designer/workflowdiff.h"
#include "designer/workflowdiffdialog.h"

#include <QTest>
#include <QTreeWidget>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using Api::Workflow;
using Api::WorkflowStep;
using Ui::WorkflowDiff;

namespace {

Workflow base()
{
    Workflow workflow;
    workflow.name = u"base"_s;
    for (const QString &id : {u"plan"_s, u"critique"_s, u"revise"_s}) {
        WorkflowStep step;
        step.id = id;
        step.swarm = u"demo"_s;
        step.prompt = u"Do "_s + id;
        step.x = double(workflow.steps.size()) * 300;
        workflow.steps.append(step);
    }
    return workflow;
}

using Edit = std::function<void(Workflow &)>;

} // namespace

Q_DECLARE_METATYPE(Edit)

class TstDesignerDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diff_data();
    void diff();
    void positionsCanBeIgnored();
    void dialogListsWhatChanged();
};

void TstDesignerDiff::diff_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QStringList>("added");
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<QStringList>("changed"); // "id:member,member"
    QTest::addColumn<QStringList>("workflowMembers");

    QTest::newRow("identical") << Edit([](Workflow &) {}) << QStringList() << QStringList() << QStringList()
                               << QStringList();
    QTest::newRow("a step added") << Edit([](Workflow &w) {
        WorkflowStep step;
        step.id = u"publish"_s;
        step.swarm = u"demo"_s;
        step.prompt = u"Publish"_s;
        w.steps.append(step);
    }) << QStringList {u"publish"_s}
                                  << QStringList() << QStringList() << QStringList();
    QTest::newRow("a step removed") << Edit([](Workflow &w) { w.steps.removeAt(1); }) << QStringList()
                                    << QStringList {u"critique"_s} << QStringList() << QStringList();
    QTest::newRow("a renamed step is removed and added")
        << Edit([](Workflow &w) { w.steps[0].id = u"draft"_s; }) << QStringList {u"draft"_s} << QStringList {u"plan"_s}
        << QStringList() << QStringList();
    QTest::newRow("prompt and strategy changed") << Edit([](Workflow &w) {
        w.steps[1].prompt = u"Critique harder"_s;
        w.steps[1].strategy = Api::StrategySpec {u"medoid"_s, {}};
    }) << QStringList() << QStringList() << QStringList {u"critique:prompt,strategy"_s}
                                                 << QStringList();
    QTest::newRow("moved, bound and retried") << Edit([](Workflow &w) {
        w.steps[2].x = 900;
        w.steps[2].inputs = {{u"plan"_s, u"steps.plan.output"_s}};
        w.steps[2].retry.maxAttempts = 2;
    }) << QStringList() << QStringList() << QStringList {u"revise:inputs,retry,position"_s}
                                              << QStringList();
    QTest::newRow("workflow members") << Edit([](Workflow &w) {
        w.name = u"renamed"_s;
        w.revision = 2;
        w.outputs = {{u"plan"_s, u"steps.revise.output"_s}};
    }) << QStringList() << QStringList()
                                      << QStringList() << QStringList {u"name"_s, u"revision"_s, u"outputs"_s};
    QTest::newRow("everything at once") << Edit([](Workflow &w) {
        w.steps.removeFirst();
        w.steps[0].title = u"Critique"_s;
        WorkflowStep gate;
        gate.id = u"gate"_s;
        gate.kind = Api::StepKind::Approval;
        w.steps.append(gate);
        w.description = u"new"_s;
    }) << QStringList {u"gate"_s} << QStringList {u"plan"_s}
                                        << QStringList {u"critique:title"_s} << QStringList {u"description"_s};
}

void TstDesignerDiff::diff()
{
    QFETCH(Edit, edit);
    QFETCH(QStringList, added);
    QFETCH(QStringList, removed);
    QFETCH(QStringList, changed);
    QFETCH(QStringList, workflowMembers);
    const Workflow before = base();
    Workflow after = before;
    edit(after);
    const WorkflowDiff diff = Ui::diffWorkflows(before, after);
    QCOMPARE(diff.added, added);
    QCOMPARE(diff.removed, removed);
    QStringList changes;
    for (const Ui::StepChange &change : diff.changed)
        changes.append(change.id + u':' + change.members.join(u','));
    QCOMPARE(changes, changed);
    QCOMPARE(diff.workflowMembers, workflowMembers);
    QCOMPARE(diff.isEmpty(), added.isEmpty() && removed.isEmpty() && changed.isEmpty() && workflowMembers.isEmpty());
    // Backwards, added and removed swap.
    const WorkflowDiff back = Ui::diffWorkflows(after, before);
    QCOMPARE(back.added, removed);
    QCOMPARE(back.removed, added);
}

void TstDesignerDiff::positionsCanBeIgnored()
{
    Workflow after = base();
    after.steps[0].x = 40;
    after.steps[0].y = 80;
    QCOMPARE(Ui::diffWorkflows(base(), after).changed.size(), 1);
    QVERIFY(Ui::diffWorkflows(base(), after, {true}).isEmpty());
    after.steps[0].prompt = u"Other"_s;
    const WorkflowDiff diff = Ui::diffWorkflows(base(), after, {true});
    QCOMPARE(diff.change(u"plan"_s)->members, QStringList {u"prompt"_s});
    QCOMPARE(diff.change(u"plan"_s)->before.value(u"prompt"_s).toString(), u"Do plan"_s);
    QCOMPARE(diff.change(u"plan"_s)->after.value(u"prompt"_s).toString(), u"Other"_s);
}

void TstDesignerDiff::dialogListsWhatChanged()
{
    Workflow after = base();
    after.steps.removeLast();
    after.steps[0].prompt = u"Other"_s;
    Ui::WorkflowDiffDialog dialog(Ui::diffWorkflows(base(), after), u"old.json"_s, u"new"_s);
    QTreeWidget *tree = dialog.tree();
    QCOMPARE(tree->topLevelItemCount(), 2); // removed, changed
    QVERIFY(tree->topLevelItem(0)->text(0).contains(u"1"_s));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), u"revise"_s);
    QTreeWidgetItem *plan = tree->topLevelItem(1)->child(0);
    QVERIFY(plan->text(0).startsWith(u"plan"_s));
    QCOMPARE(plan->child(0)->text(0), u"prompt"_s);
    QCOMPARE(plan->child(0)->text(1), u"Do plan"_s);
    QCOMPARE(plan->child(0)->text(2), u"Other"_s);
}

QTEST_MAIN(TstDesignerDiff)
#include "tst_designerdiff.moc"
